"""Nothing is cut, at 1366×768 and at 1920×1080: every page of streamlit_app.py and every slide.

`fit.js` measures what a reader would miss: text its box cuts off (scrollWidth beyond
clientWidth, an ellipsis), text past the screen's edge, a chart wider than its place, a word
past its chart or its tile, a picture over the slide's title. Every problem names the element.
Also here: a click on a tile opens its detail where the eye is, and the tooltip is opaque.

Screenshots go to test-artifacts/ (fit-*.png); look at them after a change to the layout.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import PAINTED, PATIENCE_MS, REPO, Server, screenshot, wait_for_app

pytestmark = pytest.mark.browser

SIZES = ((1366, 768), (1920, 1080))
MEASURE = (Path(__file__).parent / "fit.js").read_text(encoding="utf-8")
DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .filter(c => c.getBoundingClientRect().width > 0)
    .every(c => c.querySelector('svg') && c.querySelector('svg').getBoundingClientRect().width)
  && [...document.querySelectorAll('[data-testid="stImage"] img')]
    .every(i => i.complete && i.naturalWidth > 0)"""
"""Every chart on show drawn (one in a hidden tab is not) and every picture loaded."""
STILL = """() => new Promise(done => {
  const sizes = () => JSON.stringify([...document.querySelectorAll(
    '[data-testid="stVegaLiteChart"] svg, [data-testid="stImage"] img')]
    .map(e => { const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height]; }));
  let last = sizes();
  const look = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    const now = sizes();
    if (now === last) { done(); } else { last = now; look(); }
  }));
  look();
})"""
"""Resolves once no chart or picture moved or changed size between two frames: a chart
fitted to its column is drawn once at its own width and then again at the column's."""
MODEL_1 = "?fan_model=1&fan_measure=additional"
"""The fan in Model 1 by price per additional job: the most columns, the narrowest tiles."""


def app_pages() -> list[str]:
    """The URL path of every page in streamlit_app.py's PAGES ('' for the landing page)."""
    tree = ast.parse((REPO / "streamlit_app.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "PAGES" for target in node.targets
        ):
            names = [entry[0] for entry in ast.literal_eval(node.value)]
            return ["" if name == "fan" else name for name in names]
    raise AssertionError("streamlit_app.py has no PAGES")


def settled(page) -> None:
    """The run finished, its charts drawn, its pictures loaded and painted."""
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1')
    wait_for_app(page)
    page.wait_for_function(DRAWN)
    page.evaluate(STILL)
    page.evaluate(PAINTED)


SIDEWAYS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller')]
    .filter(s => s.getBoundingClientRect().width > 0 && s.scrollWidth > s.clientWidth + 1)
    .map(s => s.closest('[data-testid="stVerticalBlock"]').innerText.split('\\n')[0])"""
"""The first line of the block of every table whose columns run past its width."""


def problems_on(page, where: str) -> list[str]:
    """What is cut on the screen now; a screenshot of it in test-artifacts/ if anything is."""
    found = [f"{where}: {problem}" for problem in page.evaluate(MEASURE)]
    # a table that scrolls sideways hides its last columns: the reader never sees them
    found += [f"{where}: the table under {t!r} scrolls sideways" for t in page.evaluate(SIDEWAYS)]
    if found:
        screenshot(page, "fit-" + "".join(c if c.isalnum() else "-" for c in where))
    return found


def slides(page, where: str) -> list[str]:
    """Step through presentation mode, measuring each view."""
    found: list[str] = []
    number = 1
    while True:
        found += problems_on(page, f"{where} view {number}")
        next_button = page.locator(".st-key-presentation_next button")
        if next_button.is_disabled():
            return found
        title = page.locator("h1").first.inner_text()
        next_button.click()
        page.wait_for_function(
            "t => document.querySelector('h1') && document.querySelector('h1').innerText !== t",
            arg=title,
        )
        settled(page)
        number += 1


def test_the_measure_finds_a_cut_figure(app_server: Server, page) -> None:
    page.goto(app_server.url + "/history")
    settled(page)
    page.evaluate(
        """() => { const p = document.createElement('p');
        p.style.cssText = 'width:60px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis';
        p.textContent = '94.479.000 kr. i alt';
        document.querySelector('[data-testid="stMainBlockContainer"]').append(p); }"""
    )
    assert any("94.479.000 kr." in problem for problem in page.evaluate(MEASURE))


def test_the_measure_finds_a_table_that_scrolls_sideways(app_server: Server, page) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(app_server.url + "/interventions")
    settled(page)
    assert page.evaluate(SIDEWAYS) == []
    # the same table on a screen narrower than the widths it was given: they run past its edge
    page.set_viewport_size({"width": 640, "height": 768})
    page.wait_for_function(f"({SIDEWAYS})().length > 0")


def go_to(page, url: str, path: str) -> None:
    """Open a page through the sidebar, as a reader does (a rerun in the same session, much
    quicker than loading the app anew), or by its address where there is no sidebar."""
    link = page.locator(f'[data-testid="stSidebarNav"] a[href="{url}/{path}"]')
    if link.count() and link.is_visible():
        title = page.locator("h1").first.inner_text()
        link.click()
        page.wait_for_function(
            "t => document.querySelector('h1') && document.querySelector('h1').innerText !== t",
            arg=title,
        )
    else:
        page.goto(f"{url}/{path}")
    settled(page)


def test_no_figure_title_or_legend_is_cut_on_any_page_or_slide_at_either_size(
    app_server: Server, page
) -> None:
    pages = app_pages()
    assert "presentation" in pages and "" in pages
    # presentation mode hides the sidebar: it comes last, after the fan in Model 1
    order = [p for p in pages if p != "presentation"] + [MODEL_1, "presentation"]
    found: list[str] = []
    for width, height in SIZES:
        # each size starts from a fresh load: a chart fits itself to a resized window later
        page.set_viewport_size({"width": width, "height": height})
        for path in order:
            if path in ("", MODEL_1):
                page.goto(f"{app_server.url}/{path}")
                settled(page)
            else:
                go_to(page, app_server.url, path)
            if path == "presentation":
                found += slides(page, f"{width} presentation")
            else:
                found += problems_on(page, f"{width}x{height} /{path}")
    assert page.errors == []
    assert found == []


def test_a_clicked_tile_opens_its_detail_in_view_and_the_tooltip_is_opaque(
    app_server: Server, chromium
) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    context.set_default_timeout(PATIENCE_MS)
    page = context.new_page()
    try:
        page.goto(app_server.url + "/")
        settled(page)
        tile = page.locator(
            '[data-testid="stVegaLiteChart"] path[role="graphics-symbol"]'
            '[aria-label^="Ressourceforløb, "]'
        )
        tile.scroll_into_view_if_needed()
        tile.hover()
        tooltip = page.locator("#vg-tooltip-element.visible")
        tooltip.wait_for()
        look = tooltip.evaluate(
            "e => { const s = getComputedStyle(e); return [s.opacity, s.backgroundColor]; }"
        )
        assert look == ["1", "rgb(255, 255, 255)"]
        tile.click()
        panel = page.locator('[role="dialog"]')
        panel.get_by_role("heading", name="Ressourceforløb").wait_for()
        wait_for_app(page)
        # the dialog animates in: measure it where it comes to rest
        page.wait_for_function(
            """() => new Promise(done => {
                const d = document.querySelector('[role="dialog"]');
                const x = d.getBoundingClientRect().x;
                requestAnimationFrame(() => requestAnimationFrame(
                    () => done(d.getAnimations({subtree: true}).length === 0
                               && d.getBoundingClientRect().x === x)));
            })"""
        )
        box = panel.bounding_box()
        assert box is not None
        assert box["y"] < 768 and box["y"] + box["height"] > 0, "the detail is on the screen"
        # within the screen, to the sub-pixel rounding of the panel's edges
        assert box["x"] >= -0.5 and box["x"] + box["width"] <= 1366.5
        screenshot(page, "fit-detail-panel-1366")
    finally:
        context.close()
