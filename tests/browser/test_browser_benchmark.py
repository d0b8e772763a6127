"""The benchmark page in Chromium at a laptop's 1366×768: the forest plot is drawn, nothing is
cut off, and a municipality named in markup stays text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import (
    Server,
    add_municipalities,
    copy_of_demo,
    screenshot,
    start_server,
    stop_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def several_server(
    demo_database: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("kommuner")
    path = add_municipalities(copy_of_demo(demo_database, folder), folder)
    server, process = start_server(path, folder / "streamlit.log")
    try:
        yield server
    finally:
        stop_server(process)


def test_the_benchmark_page_draws_a_forest_plot_that_fits_a_laptop(
    several_server: Server, page
) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{several_server.url}/benchmark")
    page.wait_for_selector('[data-testid="stVegaLiteChart"] svg', timeout=120_000)
    wait_for_app(page)
    pooled = page.locator(
        '[data-testid="stVegaLiteChart"] [role="graphics-symbol"][aria-label*="Samlet vurdering"]'
    )
    assert pooled.count() >= 1
    assert page.get_by_text("Kommunernes resultater er").count() >= 1
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
            .filter(e => e.scrollWidth > e.clientWidth + 1).length"""
    )
    assert overflow == 0
    # the typed markup of a municipality's name is never rendered as markup
    assert page.locator('[data-testid="stMain"] b', has_text="Fed").count() == 0
    screenshot(page, "benchmark-1366")
