"""The business-case page in Chromium at a laptop's 1366×768: nothing cut off, names as text."""

from __future__ import annotations

import re

import pytest
import test_browser_fan as fan_tests
from conftest import Server, screenshot, wait_for_app

pytestmark = pytest.mark.browser

# the fan's database of names typed by an attacker; its last one has no control group
HOSTILE = fan_tests.HOSTILE
hostile_server = fan_tests.hostile_server
FIGURES = '[data-testid="stVegaLiteChart"], [data-testid="stTable"]'


def open_case(page, url: str, charts: bool = True) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url)
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
    if charts:
        page.wait_for_selector('[data-testid="stVegaLiteChart"] svg', timeout=60_000)
    else:
        page.get_by_text("har ingen budgetcase").first.wait_for(timeout=60_000)
    wait_for_app(page)


def table(page, header: str):
    """The table with this column heading."""
    return page.locator('[data-testid="stTable"]', has_text=header).first


def widths(page) -> list[tuple[str, int, int]]:
    """(kind, scrollWidth, clientWidth) of every visible chart and table."""
    return page.evaluate(f"""() => [...document.querySelectorAll('{FIGURES}')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.getAttribute('data-testid'), e.scrollWidth, e.clientWidth])""")


def test_the_case_page_fits_a_laptop_screen_and_says_who_gains(app_server: Server, page) -> None:
    open_case(page, app_server.url + "/case")
    text = page.inner_text('[data-testid="stMain"]')
    assert "Hvem får gevinsten?" in text
    assert "af gevinsten lander uden for kommunens budget" in text
    assert "Det offentlige i alt" in text
    # both charts drawn: each embeds after the run has finished, the second may come later
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
            .filter(e => e.offsetParent !== null && e.querySelector('svg')).length === 2"""
    )
    found = widths(page)
    assert len([f for f in found if f[0] == "stVegaLiteChart"]) == 2
    assert [f for f in found if f[1] > f[2] + 1] == [], found
    main = page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
        return [m.scrollWidth, m.clientWidth]; }""")
    assert main[0] <= main[1] + 1, main
    # the axes in Danish numbers (the format locale alone groups them: 5.000, never 5,000)
    ticks = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stVegaLiteChart"] svg text')].map(t => t.textContent)""")
    assert "5.000" in ticks and "5,000" not in ticks, ticks
    # an amount in a table never breaks between the number and "kr."
    cells = [c for c in page.locator('[data-testid="stTable"] td').all_inner_texts() if c]
    amounts = [c for c in cells if re.search(r"\d\skr\.", c)]
    assert amounts and all("\u00a0kr." in c and " kr." not in c for c in amounts), amounts
    assert page.query_selector('[data-testid="stException"]') is None
    assert page.errors == []
    screenshot(page, "case-1366")


def test_the_ranking_and_the_assumptions_fit_too(app_server: Server, page) -> None:
    open_case(page, app_server.url + "/case")
    for tab, header in (
        ("Rangliste", "Kommunen netto pr. krone"),
        ("Antagelser og kilder", "Antagelse"),
    ):
        page.get_by_role("tab", name=tab).click()
        table(page, header).wait_for(state="visible")
        found = widths(page)
        assert [f for f in found if f[0] == "stTable"], tab
        assert [f for f in found if f[1] > f[2] + 1] == [], (tab, found)
    assert "LBK nr. 221 af 12/02/2021" in page.inner_text('[data-testid="stMain"]')
    screenshot(page, "case-assumptions-1366")


def test_hostile_names_on_the_case_page_are_text_and_no_script_runs(
    hostile_server: Server, page
) -> None:
    from urllib.parse import quote

    page.add_init_script("window.__pwned = 0;")
    open_case(page, f"{hostile_server.url}/case?case_pick={quote(HOSTILE[4])}", charts=False)
    text = page.inner_text('[data-testid="stMain"]')
    assert f"{HOSTILE[4]} har ingen budgetcase" in text
    page.get_by_role("tab", name="Rangliste").click()
    table(page, "Kommunen netto pr. krone").wait_for(state="visible")
    text = page.inner_text('[data-testid="stMain"]')
    assert [n for n in HOSTILE if n not in text] == []
    assert page.evaluate("window.__pwned") == 0
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator('[data-testid="stMain"] code', has_text="kode").count() == 0
    screenshot(page, "case-hostile-1366")
