"""An editor creates an investment case in the browser, enters a follow-up result and sees the
payment it triggers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import (
    PAINTED,
    PATIENCE_MS,
    Server,
    copy_of_demo,
    screenshot,
    start_server,
    stop_server,
    wait_for_app,
)

from viften.actions import investments

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(demo_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("invest")
    running, process = start_server(copy_of_demo(demo_database, folder), folder / "streamlit.log")
    try:
        yield running
    finally:
        stop_server(process)


def _sign_in(page, server: Server) -> None:
    page.goto(f"{server.url}/investment")
    sidebar = page.locator('[data-testid="stSidebar"]')
    summary = sidebar.locator('[data-testid="stExpander"] summary', has_text="Log ind")
    summary.wait_for()
    wait_for_app(page)
    summary.click()
    sidebar.get_by_label("Brugernavn").fill("Browser Editor")
    sidebar.get_by_label("Adgangskode").fill("test-pw")  # the bootstrap password
    sidebar.get_by_role("button", name="Log ind").click()
    page.wait_for_selector("text=Logget ind: Browser Editor")
    page.wait_for_selector("text=Opret en ny case")
    wait_for_app(page)


def test_an_editor_creates_a_case_enters_a_result_and_sees_the_payment_due(
    server: Server, page
) -> None:
    _sign_in(page, server)
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_role("textbox", name="Navn").fill("Job til Mor <i>kursiv</i>")
    form.get_by_role("textbox", name="Borgere").fill("50")
    form.get_by_role("textbox", name="Pris pr. borger (kr.)").fill("30.000")
    form.get_by_role("textbox", name="Investors andel af prisen").fill("100 %")
    grid = form.locator('[data-testid="stDataFrameResizable"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    # the rate card's first row: click its first cell (after the row marker), then type the
    # goal, its payment, its month and its expected share, moving right with Tab
    page.evaluate(PAINTED)  # the grid has drawn its rows and listens
    page.mouse.click(box["x"] + 90, box["y"] + 35 + 17)
    page.evaluate(PAINTED)
    for text in ("Job", "40.000", "12", "40 %"):
        page.keyboard.press("Enter")  # open the cell's editor
        editor = page.locator("textarea.gdg-input")
        editor.wait_for()
        editor.fill(text)
        page.keyboard.press("Tab")  # keep it, and on to the next column
        editor.wait_for(state="detached")
        page.evaluate(PAINTED)  # the grid has taken the value before the next key
    form.get_by_role("textbox", name="Borgere").click()  # leave the grid: its edits are kept
    page.evaluate(PAINTED)
    form.get_by_role("button", name="Gem casen").click()
    page.wait_for_selector("text=Casen Job til Mor <i>kursiv</i> er gemt.", timeout=PATIENCE_MS)
    wait_for_app(page)
    (view,) = investments.portfolio(server.db).cases
    assert view.contract.outcomes[0].payment == 40_000
    assert view.contract.outcomes[0].rate == pytest.approx(0.4)
    assert page.locator("i", has_text="kursiv").count() == 0  # typed text is shown as text
    result = page.locator('[data-testid="stForm"]', has_text="Indtast et resultat")
    result.get_by_role("spinbutton", name="Nået").fill("23")
    result.get_by_role("button", name="Gem resultatet").click()
    page.wait_for_selector("text=Resultatet for Job er gemt.", timeout=PATIENCE_MS)
    page.wait_for_selector("text=Forfaldent i alt: 920.000 kr.", timeout=PATIENCE_MS)
    wait_for_app(page)
    screenshot(page, "investment-case-result")
    assert investments.one_case(server.db, view.stored.id).paid == 23 * 40_000
