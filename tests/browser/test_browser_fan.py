"""The fan in Chromium: clicks on tiles, filters, shared links, hostile names, both screen sizes.

Screenshots go to test-artifacts/ (fan-*.png); look at them after a change to the matrix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import Server, screenshot, start_server, stop_server, wait_for_app

from viften.store import db
from viften.store import interventions as store
from viften.store import views as figures

pytestmark = pytest.mark.browser

CHART = '[data-testid="stVegaLiteChart"]'
HOSTILE = [
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "<script>window.__pwned=1</script>",
    "**fed** [link](javascript:alert(1))",
    ":red[farvet] $x^2$ `kode`",
    'Tom & Jerry\'s "indsats" # 1',
]


def open_fan(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(f"{CHART} svg")
    page.get_by_text("Alle indsatser i visningen").or_(
        page.get_by_text("Every intervention in view")
    ).first.wait_for()
    wait_for_app(page)


def tile_names(page) -> list[str]:
    """The names of the tiles drawn in the matrix, from their accessible labels."""
    labels = page.eval_on_selector_all(
        f'{CHART} path[role="graphics-symbol"]', "els => els.map(e => e.getAttribute('aria-label'))"
    )
    return [label.rsplit(", ", 1)[0] for label in labels if label]


def tile(page, name: str):
    """The tile of one intervention; its aria-label is 'name, stars  price'."""
    tiles = page.locator(f'{CHART} path[role="graphics-symbol"]')
    labels = tiles.evaluate_all("els => els.map(e => e.getAttribute('aria-label') || '')")
    index = next(i for i, label in enumerate(labels) if label.startswith(name + ", "))
    return tiles.nth(index)


def body_text(page) -> str:
    return page.inner_text("body")


def wait_for_tiles(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('{CHART} path[role=\"graphics-symbol\"]').length === {count}",
    )
    wait_for_app(page)


def test_every_intervention_is_on_the_landing_page_as_text_at_both_sizes(
    app_server: Server, chromium
) -> None:
    names = figures.load_year(app_server.db).frame["name"].tolist()
    for width, height in ((1920, 1080), (1366, 768)):
        context = chromium.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        try:
            open_fan(page, app_server.url + "/")
            text = body_text(page)
            assert [n for n in names if n not in text] == []
            assert sorted(tile_names(page)) == sorted(names)
            box = page.query_selector(CHART).bounding_box()
            assert box["x"] + box["width"] <= width
            screenshot(page, f"fan-landing-{width}")
            page.query_selector(CHART).screenshot(
                path=str(
                    Path(screenshot(page, f"fan-landing-{width}")).with_name(
                        f"fan-matrix-{width}.png"
                    )
                )
            )
        finally:
            context.close()


def test_clicking_a_tile_opens_its_detail(app_server: Server, page) -> None:
    frame = figures.load_year(app_server.db).frame
    name = frame.sort_values("price_per_job").iloc[-1]["name"]
    open_fan(page, app_server.url + "/")
    tile(page, name).click()
    panel = page.get_by_test_id("stDialog")  # the side panel
    heading = panel.locator("h3", has_text=name)
    heading.wait_for()
    panel.get_by_text("Sammenlignet med målgruppen").wait_for()
    wait_for_app(page)
    assert "fan_pick=" in page.url
    # the table's code is fetched the first time a table is shown: wait for it
    panel.get_by_text("Kapacitet", exact=True).wait_for()
    text = panel.inner_text()
    for label in (
        "Pris pr. deltager",
        "Jobandel",
        "Mer-effekt",
        "Pris pr. ekstra job",
        "Kapacitet",
        "Sammenlignet med målgruppen",
    ):
        assert label in text
    heading.scroll_into_view_if_needed()
    screenshot(page, "fan-detail-1920")


def test_clicking_the_name_on_a_tile_works_as_well(app_server: Server, page) -> None:
    name = figures.load_year(app_server.db).frame["name"].iloc[0]
    open_fan(page, app_server.url + "/")
    box = tile(page, name).bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 10)
    page.get_by_test_id("stDialog").locator("h3", has_text=name).wait_for()


def test_a_filter_in_the_sidebar_changes_the_tiles_and_the_url(app_server: Server, page) -> None:
    frame = figures.load_year(app_server.db).frame
    open_fan(page, app_server.url + "/")
    assert len(tile_names(page)) == len(frame)
    page.locator('[data-testid="stSidebar"] button[aria-label="Remove Længere væk"]').click()
    kept = frame[frame["target_group"] != "further"]["name"].tolist()
    wait_for_tiles(page, len(kept))
    assert sorted(tile_names(page)) == sorted(kept)
    assert re.search(r"tg=closer(%2C|,)cross", page.url)
    text = body_text(page)
    gone = frame[frame["target_group"] == "further"]["name"].tolist()
    assert not [n for n in gone if n in text.split("Alle indsatser i visningen")[-1]]


def test_a_shared_link_opens_the_same_view(app_server: Server, page) -> None:
    frame = figures.load_year(app_server.db).frame
    chosen = frame[(frame["target_group"] == "closer") & (frame["evidence_stars"] >= 2)]
    name = chosen["name"].iloc[0]
    url = (
        f"{app_server.url}/?tg=closer&stars=2&fan_measure=additional&fan_model=1"
        f"&fan_rows=stars&fan_pick={quote(name)}"
    )
    open_fan(page, url)
    assert sorted(tile_names(page)) == sorted(chosen["name"])
    text = body_text(page)
    assert "Pr. ekstra job: pris pr. deltager" in text
    page.locator("h3", has_text=name).wait_for()
    assert page.locator('[data-testid="stSidebar"] input[type="radio"]').nth(1).is_checked()
    screenshot(page, "fan-shared-link-1920")


def test_the_english_fan_uses_english_words_and_numbers(app_server: Server, page) -> None:
    open_fan(page, app_server.url + "/?lang=en&fan_model=1")
    text = body_text(page)
    assert "The offering fan" in text and "Per additional job" in text
    svg_text = page.inner_text(CHART)
    assert "Under DKK" in svg_text or "Closer to the labour market" in svg_text
    screenshot(page, "fan-model1-english-1920")


def test_the_overview_and_caseworker_pages_follow_the_filters(app_server: Server, page) -> None:
    frame = figures.load_year(app_server.db).frame
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{app_server.url}/overview?tg=further")
    page.wait_for_selector(f"{CHART} svg")
    wait_for_app(page)
    assert page.query_selector('[data-testid="stException"]') is None
    screenshot(page, "fan-overview-1366")
    page.goto(f"{app_server.url}/caseworker?cw_group=further&cw_need=health")
    page.locator('[data-testid="stMain"] h3').first.wait_for()
    wait_for_app(page)
    text = body_text(page)
    assert "pr. job" in text
    further = set(frame[frame["target_group"].isin(["further", "cross"])]["name"])
    headings = [
        h.split(". ", 1)[-1] for h in page.locator('[data-testid="stMain"] h3').all_inner_texts()
    ]
    assert headings and set(headings) <= further
    screenshot(page, "fan-caseworker-1366")


# --- hostile data ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on a database whose names, providers and texts were typed by an attacker."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "viften.duckdb"
    connection = db._open(path)
    try:
        db.create_schema(connection)
    finally:
        connection.close()
    rows = [
        {
            "name": name,
            "year": 2026,
            "target_group": ("closer", "further", "cross")[i % 3],
            "provider": name,
            "provider_type": "external",
            "price_per_participant": 9_000.0 * (i + 1),
            "capacity": 10,
            "participants": 5,
            "job_rate": 0.3,
            "control_job_rate": None if i == 4 else 0.2,
            "evidence_stars": 1 + i % 3,
            "effect_rating": ("high", "medium", "low", None, "high")[i],
            "duration_weeks": 8,
            "description": name,
            "source": name,
        }
        for i, name in enumerate(HOSTILE)
    ]
    with db.transaction(path) as con:
        store.upsert(con, "tester", rows, list(rows[0]))
    server, process = start_server(path, folder / "streamlit.log")
    try:
        yield server
    finally:
        stop_server(process)


def test_hostile_names_are_shown_as_text_and_no_script_runs(hostile_server: Server, page) -> None:
    page.add_init_script("window.__pwned = 0;")
    open_fan(page, hostile_server.url + "/")
    text = body_text(page)
    assert [n for n in HOSTILE if n not in text] == []
    assert sorted(tile_names(page)) == sorted(HOSTILE)
    page.hover(f'{CHART} path[role="graphics-symbol"] >> nth=0')
    tile(page, HOSTILE[0]).click()
    page.get_by_test_id("stDialog").locator("h3", has_text="onerror").wait_for()
    wait_for_app(page)
    page.keyboard.press("Escape")  # the side panel closes; the page under it is read on
    page.get_by_test_id("stDialog").wait_for(state="hidden")
    page.locator('[data-testid="stExpander"] summary').first.click()
    tile(page, HOSTILE[0]).hover()
    tooltip = page.locator("#vg-tooltip-element.visible")
    tooltip.wait_for()
    assert "<img" in tooltip.inner_text()
    assert page.evaluate("window.__pwned") == 0
    assert page.dialogs == []
    assert (
        page.evaluate("[...document.scripts].filter(s => s.text.includes('__pwned')).length") == 0
    )
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    assert page.locator("strong", has_text="fed").count() == 0
    screenshot(page, "fan-hostile-1920")


def test_a_shared_link_to_one_intervention_outlines_its_tile(app_server: Server, page) -> None:
    open_fan(page, app_server.url + "/?fan_pick=IPS")
    page.locator("h3", has_text="IPS").first.wait_for()
    outlined = page.locator(
        '[data-testid="stVegaLiteChart"] path[role="graphics-symbol"][stroke-width="3.5"]'
    )
    outlined.first.wait_for()
    labels = [outlined.nth(i).get_attribute("aria-label") or "" for i in range(outlined.count())]
    assert len(labels) == 1 and labels[0].startswith("IPS,")
