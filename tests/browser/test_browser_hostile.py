"""Every page of app.py in Chromium on a database typed by an attacker, someone signed in
under a hostile name: no payload becomes a link, an image, bold or red text, LaTeX or a script,
and no dialog fires."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import hostile_data
import pytest
from conftest import Server, screenshot, start_server, stop_server, wait_for_app

pytestmark = pytest.mark.browser

MADE_FROM_PAYLOAD = """() => {
    const own = e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent)
        .join('').trim();
    const all = [...document.querySelectorAll('body *')];
    return {
        links: document.querySelectorAll('a[href^="javascript"], a[href^="http://x"]').length,
        images: document.querySelectorAll('img[src="x"], img[onerror]').length,
        scripts: [...document.scripts].filter(s => s.text.includes('alert(1)')).length,
        bold: all.filter(e => ['STRONG', 'B'].includes(e.tagName) && own(e) === 'fed').length,
        red: all.filter(e => own(e) === 'rød').length,
        latex: document.querySelectorAll('.katex').length,
    };
}"""
CLEAN = {"links": 0, "images": 0, "scripts": 0, "bold": 0, "red": 0, "latex": 0}


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("hostile-sweep")
    path = hostile_data.build(folder / "viften.duckdb")
    server, process = start_server(path, folder / "streamlit.log")
    try:
        yield server
    finally:
        stop_server(process)


def _settled(page) -> None:
    page.locator('[data-testid="stMain"] h1').first.wait_for()
    wait_for_app(page)


def test_no_page_runs_or_styles_what_an_attacker_typed(hostile_app: Server, page) -> None:
    page.add_init_script("window.alert = () => { window.__pwned = (window.__pwned || 0) + 1; };")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(hostile_app.url + "/")
    _settled(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Log ind", exact=True).first.click()
    sidebar.get_by_label("Brugernavn").fill(
        f"{hostile_data.PAYLOADS[1]} {hostile_data.PAYLOADS[0]}"
    )
    sidebar.get_by_label("Adgangskode").fill("test-pw")
    sidebar.get_by_role("button", name="Log ind").click()
    sidebar.get_by_text("Logget ind").first.wait_for()
    wait_for_app(page)
    # each page by its address, with the sign-in's token as a reload keeps it
    token = parse_qs(urlparse(page.url).query)["session"][0]
    seen: dict[str, dict[str, int]] = {}
    for name in hostile_data.app_pages():
        page.goto(f"{hostile_app.url}/{'' if name == 'fan' else name}?session={token}")
        _settled(page)
        if name == "presentation":
            seen[name] = page.evaluate(MADE_FROM_PAYLOAD)
            continue
        # still signed in under the hostile name, so the editors' parts are swept too
        assert sidebar.get_by_text("Logget ind").count(), name
        for tab in page.locator('[data-testid="stMain"] [role="tab"]').all()[:5]:
            tab.click(force=True)  # a tab bar still settling after a page switch is not "stable"
            wait_for_app(page)
            found = page.evaluate(MADE_FROM_PAYLOAD)
            if found != CLEAN:
                seen[f"{name}: {tab.inner_text()}"] = found
        seen[name] = page.evaluate(MADE_FROM_PAYLOAD)
    screenshot(page, "hostile-sweep-1366")
    assert {where: found for where, found in seen.items() if found != CLEAN} == {}
    assert page.evaluate("window.__pwned || 0") == 0
    assert page.dialogs == []
    assert page.query_selector('[data-testid="stException"]') is None
