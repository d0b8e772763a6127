"""The app as the run command starts it, in Chromium: every page renders with data, no errors."""

from __future__ import annotations

import pytest
from conftest import Server, screenshot, wait_for_app

from viften.store import views as figures

pytestmark = pytest.mark.browser

PAGES = ("", "overview", "caseworker", "interventions", "budget", "case", "effects", "history")


def test_the_landing_page_shows_every_intervention_of_the_newest_year(
    app_server: Server, page
) -> None:
    page.goto(app_server.url + "/")
    page.wait_for_selector('[data-testid="stVegaLiteChart"] svg')
    wait_for_app(page)
    view = figures.load_year(app_server.db)
    text = page.inner_text("body")
    missing = [name for name in view.frame["name"] if name not in text]
    assert missing == []
    assert page.query_selector('[data-testid="stException"]') is None
    screenshot(page, "landing-1920")


@pytest.mark.parametrize("path", PAGES[1:])
def test_every_page_renders_without_an_error(app_server: Server, page, path: str) -> None:
    page.goto(f"{app_server.url}/{path}")
    page.locator('[data-testid="stMain"] h1').first.wait_for()
    wait_for_app(page)
    assert page.query_selector('[data-testid="stException"]') is None, path
    assert page.errors == []
    assert "Traceback" not in page.inner_text("body")


def test_the_interventions_table_uses_danish_numbers(app_server: Server, page) -> None:
    page.goto(f"{app_server.url}/interventions")
    page.wait_for_selector('[data-testid="stDataFrame"]')
    wait_for_app(page)
    screenshot(page, "interventions-1920")
    assert page.get_by_text("Indsatser", exact=False).first.is_visible()


def test_a_deep_link_as_the_first_request_keeps_its_page_the_url_and_the_sidebar(
    tmp_path, page
) -> None:
    from conftest import start_server, stop_server

    server, process = start_server(tmp_path / "viften.duckdb", tmp_path / "streamlit.log")
    try:
        page.goto(f"{server.url}/budget?year=2025")
        page.wait_for_selector('h1:has-text("Budget 2025")')
        wait_for_app(page)
        nav = page.locator('[data-testid="stSidebarNav"]')
        assert nav.get_by_text("Viften").is_visible()
        assert page.locator('[data-testid="stSidebar"]').get_by_text("Filtre").is_visible()
    finally:
        stop_server(process)


def test_a_command_writes_while_the_app_runs_and_the_app_shows_it(
    app_server: Server, page, tmp_path
) -> None:
    import subprocess
    import sys

    page.goto(app_server.url + "/")
    page.wait_for_selector('[data-testid="stVegaLiteChart"] svg')
    wait_for_app(page)
    new_file = tmp_path / "ny.csv"
    new_file.write_text(
        "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\n"
        "Ny indsats fra kommandolinjen;tværgående;12.500;40 %;2;2026\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "viften", "import", str(new_file), "--db", str(app_server.db)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    page.reload()
    page.wait_for_selector("text=Ny indsats fra kommandolinjen")
