"""An editor signs in, uploads a file in the browser, and it lands all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Server, screenshot, wait_for_app

from viften.store import views as figures

pytestmark = pytest.mark.browser


def _sign_in_and_open_import(page, server: Server) -> None:
    page.goto(f"{server.url}/interventions")
    sidebar = page.locator('[data-testid="stSidebar"]')
    summary = sidebar.locator('[data-testid="stExpander"] summary', has_text="Log ind")
    summary.wait_for()
    wait_for_app(page)
    summary.click()
    sidebar.get_by_label("Brugernavn").fill("Browser Editor")
    sidebar.get_by_label("Adgangskode").fill("test-pw")  # the bootstrap password
    sidebar.get_by_role("button", name="Log ind").click()
    page.wait_for_selector("text=Logget ind: Browser Editor")
    import_tab = page.get_by_role("tab", name="Importér")
    import_tab.wait_for()
    wait_for_app(page)
    import_tab.click()
    page.wait_for_selector('[data-testid="stFileUploaderDropzoneInput"]', state="attached")


def test_an_uploaded_file_is_imported_with_its_rows(
    app_server: Server, page, tmp_path: Path
) -> None:
    upload = tmp_path / "nye.csv"
    upload.write_text(
        "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\n"
        "Uploadet i browseren;længere væk;45.000;30 %;2;2026\n",
        encoding="utf-8",
    )
    _sign_in_and_open_import(page, app_server)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.wait_for_selector("text=Det vil importen gøre")
    page.get_by_role("button", name="Importér nye.csv").click()
    page.wait_for_selector("text=Importeret: 1 nye")
    names = figures.load_year(app_server.db, 2026).frame["name"].tolist()
    assert "Uploadet i browseren" in names


def test_a_bad_file_lists_its_problems_and_changes_nothing(
    app_server: Server, page, tmp_path: Path
) -> None:
    before = figures.load_year(app_server.db, 2026).frame["name"].tolist()
    upload = tmp_path / "fejl.csv"
    upload.write_text(
        "navn;målgruppe;pris pr. deltager;jobandel;evidens\n"
        "God række;tættere på;1000;0,5;2\n"
        "Dårlig række;tættere på;1000;1,7;4\n",
        encoding="utf-8",
    )
    _sign_in_and_open_import(page, app_server)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    page.wait_for_selector("text=række 3, kolonne jobandel")
    assert page.get_by_text("række 3, kolonne evidens").count() >= 1
    screenshot(page, "import-problems")
    after = figures.load_year(app_server.db, 2026).frame["name"].tolist()
    assert after == before
