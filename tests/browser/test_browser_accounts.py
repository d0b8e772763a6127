"""In a real browser: an editor signs in, stays signed in over a reload, imports a file
(recorded under their name), and signs out, after which the page is read-only again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Server, copy_of_demo, screenshot, start_server, stop_server, wait_for_app

from viften.actions import users
from viften.actions.access import ADMIN, EDITOR, Actor
from viften.store import db
from viften.store import interventions as store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server_with_an_editor(
    demo_database: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("accounts")
    path = copy_of_demo(demo_database, folder)
    users.add(path, Actor("owner", ADMIN), "Birgit", EDITOR, "birgits-ord")
    server, process = start_server(path, folder / "streamlit.log")
    try:
        yield server
    finally:
        stop_server(process)


def _open_sign_in(page) -> object:
    sidebar = page.locator('[data-testid="stSidebar"]')
    summary = sidebar.locator('[data-testid="stExpander"] summary', has_text="Log ind")
    summary.wait_for()
    wait_for_app(page)
    summary.click()
    return sidebar


def test_sign_in_an_import_and_sign_out(
    server_with_an_editor: Server, page, tmp_path: Path
) -> None:
    server = server_with_an_editor
    page.goto(f"{server.url}/interventions")
    sidebar = _open_sign_in(page)
    sidebar.get_by_label("Brugernavn").fill("Birgit")
    sidebar.get_by_label("Adgangskode").fill("birgits-ord")
    sidebar.get_by_role("button", name="Log ind").click()
    page.wait_for_selector("text=Logget ind: Birgit")
    assert "session=" in page.url
    page.reload()
    page.wait_for_selector("text=Logget ind: Birgit")  # a reload keeps the sign-in
    import_tab = page.get_by_role("tab", name="Importér")
    import_tab.wait_for()
    wait_for_app(page)
    import_tab.click()
    upload = tmp_path / "birgit.csv"
    upload.write_text(
        "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\n"
        "Birgits nye indsats;tættere på;12.000;40 %;2;2026\n",
        encoding="utf-8",
    )
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.get_by_role("button", name="Importér birgit.csv").click()
    page.wait_for_selector("text=Importeret: 1 nye")
    with db.connect(server.db) as con:
        assert store.history(con, 1)[0]["user"] == "Birgit"
    screenshot(page, "signed-in-editor")
    page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary').click()
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_selector('[data-testid="stSidebar"] summary:has-text("Log ind")')
    wait_for_app(page)
    assert "session=" not in page.url
    page.get_by_role("tab", name="Importér").click()
    page.get_by_text("Kun redaktører kan rette og importere").filter(visible=True).first.wait_for()
