"""Model 2 across kommuner and the shared pool in Chromium at a laptop's 1366×768: the kommune
codes and their legend are drawn, the pool's controls and table are there, the same kind's
tables show every column, and nothing is cut (fit.js: scrollWidth against clientWidth, text
past its box or the screen; a table's scroller against its width)."""

from __future__ import annotations

import pytest
from conftest import (
    Server,
    screenshot,
    wait_for_app,
)
from test_browser_fit import MEASURE, SIDEWAYS, settled

pytestmark = pytest.mark.browser


def test_model_2_across_kommuner_and_the_pool_fit_a_laptop(kommuner_server: Server, page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(kommuner_server.url)
    # the first run may not have begun when the page is idle: wait for the tiles themselves
    marked = '[data-testid="stVegaLiteChart"] [role="graphics-symbol"][aria-label*="Albertslund"]'
    page.wait_for_selector(marked, timeout=120_000)
    settled(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    assert chart.locator('[role="graphics-symbol"][aria-label*="Albertslund"]').count() >= 1
    assert page.get_by_text("kommuner i visningen").count() >= 1
    assert chart.locator("text", has_text="Kommune:").count() >= 1
    assert chart.locator("text", has_text="ALB = Albertslund").count() == 1
    assert page.evaluate(MEASURE) == []
    screenshot(page, "cross-model-2-1366")

    page.goto(f"{kommuner_server.url}/budget")
    page.get_by_role("tab", name="Fælles pulje").wait_for(timeout=120_000)
    settled(page)
    page.get_by_role("tab", name="Fælles pulje").click()
    field = page.get_by_role("textbox", name="Minimum: Albertslund", exact=True)
    # a row of minimums (four a row) lines up, however long a kommune's name: a label may wrap
    field.wait_for()
    fields = page.get_by_role("textbox", name="Minimum:").all()
    tops = {round(box["y"]) for box in (f.bounding_box() for f in fields) if box is not None}
    assert len(fields) > 4
    assert len(tops) == -(-len(fields) // 4), tops
    field.fill("10 %")
    field.press("Enter")
    # the caption under the pool's table; a table is drawn once it is scrolled into sight
    below = page.get_by_text("Et minimum binder, når kommunen")
    below.wait_for(timeout=60_000)
    wait_for_app(page)
    below.scroll_into_view_if_needed()
    page.locator('[data-testid="stDataFrame"] .dvn-scroller').filter(visible=True).first.wait_for()
    assert page.evaluate(MEASURE) == []
    assert page.evaluate(SIDEWAYS) == []
    # the typed markup of a kommune's name is never rendered as markup
    assert page.locator('[data-testid="stMain"] b', has_text="Fed").count() == 0
    assert page.locator('[data-testid="stMain"] em', has_text="kommune").count() == 0
    screenshot(page, "cross-pool-1366")


def test_the_same_kind_side_by_side_fits_a_laptop(kommuner_server: Server, page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{kommuner_server.url}/benchmark")
    page.get_by_text("Side om side: pris, effekt og evidens").wait_for(timeout=120_000)
    page.wait_for_selector('[data-testid="stVegaLiteChart"] svg', timeout=120_000)
    settled(page)
    page.locator('[data-testid="stDataFrame"] .dvn-scroller').filter(visible=True).first.wait_for()
    assert page.evaluate(MEASURE) == []
    # every column of both side-by-side tables in sight, none scrolled sideways
    assert page.evaluate(SIDEWAYS) == []
    screenshot(page, "cross-benchmark-1366")
