"""The benchmark page in Chromium at a laptop's 1366×768: the forest plot is drawn, nothing is
cut off, and a municipality named in markup stays text."""

from __future__ import annotations

import pytest
from conftest import (
    Server,
    screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def test_the_benchmark_page_draws_a_forest_plot_that_fits_a_laptop(
    kommuner_server: Server, page
) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{kommuner_server.url}/benchmark")
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
