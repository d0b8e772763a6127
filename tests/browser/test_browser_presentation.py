"""Presentation mode and printing in Chromium: the keyboard moves between views, paper is A4."""

from __future__ import annotations

import re

import pytest
from conftest import Server, press_shortcut, screenshot, wait_for_app

from viften.store import views as figures
from viften.ui.print_css import PRINT_CSS

pytestmark = pytest.mark.browser

A4_LANDSCAPE = (841.92, 594.96)
"""Points."""


def heading(page) -> str:
    return page.locator("h1").first.inner_text()


def media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    found = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(width), float(height)) for width, height in found]


def test_the_arrow_keys_move_through_the_views_without_the_sidebar(
    app_server: Server, page
) -> None:
    year = figures.load_year(app_server.db).year
    page.goto(f"{app_server.url}/presentation")
    page.get_by_role("heading", name=f"Nøgletal {year}").wait_for()
    wait_for_app(page)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    press_shortcut(page, "ArrowRight", "presentation_next")
    page.get_by_role("heading", name="Viften: alle målgrupper (model 2)").wait_for()
    wait_for_app(page)
    picture = page.locator('[data-testid="stImage"] img').first
    picture.wait_for()
    box = picture.bounding_box()
    assert box is not None and box["width"] > 1200, "the fan fills a 1920 px screen"
    assert box["y"] + box["height"] <= 1080, "the whole view fits the screen"
    assert "Privat løntilskud" in (picture.get_attribute("alt") or "")
    screenshot(page, "presentation-fan-1920")
    press_shortcut(page, "ArrowLeft", "presentation_previous")
    page.get_by_role("heading", name=f"Nøgletal {year}").wait_for()
    wait_for_app(page)
    assert page.errors == []
    assert page.query_selector('[data-testid="stException"]') is None


def test_the_matrix_page_prints_on_a4_landscape_without_the_app_around_it(
    app_server: Server, page
) -> None:
    page.goto(app_server.url + "/")
    page.wait_for_selector('[data-testid="stVegaLiteChart"]')
    wait_for_app(page)
    # the matrix page calls inject_print_css(); the sheet itself is what is tested here
    page.add_style_tag(content=PRINT_CSS)
    page.emulate_media(media="print")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator('[data-testid="stVegaLiteChart"]').first.is_visible()
    chart = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()
    assert chart is not None
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = media_boxes(pdf)
    assert boxes, "the PDF has pages"
    for width, height in boxes:
        assert (width, height) == pytest.approx(A4_LANDSCAPE, abs=1)
