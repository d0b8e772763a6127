"""Leaving presentation mode in Chromium, by its exit link and by the browser's Back, keeps the
filters and the fan as they were."""

from __future__ import annotations

import re

import pytest
from conftest import PAINTED, Server, screenshot, wait_for_app

from viften.store import views as figures

pytestmark = pytest.mark.browser

FAN_DRAWN = '[data-testid="stVegaLiteChart"] svg'


def in_view(page) -> str:
    return page.get_by_text(re.compile(r"indsatser? i visningen")).first.inner_text()


def chosen_groups(page) -> list[str]:
    tags = page.locator('.st-key-f_tg [data-testid="stMultiSelectTagsContainer"] [data-tag]')
    return [tag.get_attribute("aria-label") or "" for tag in tags.all()]


def the_fan_of_closer_only(page, url: str) -> str:
    """Open the fan, narrow it to "Tættere på" in the sidebar; what the fan then says it holds."""
    page.goto(url + "/")
    page.wait_for_selector(FAN_DRAWN)
    wait_for_app(page)
    everything = in_view(page)
    page.get_by_role("button", name="Remove Længere væk").click()
    page.wait_for_url(re.compile(r"tg=closer%2Ccross|tg=closer,cross"))
    wait_for_app(page)
    page.get_by_role("button", name="Remove Tværgående").click()
    page.wait_for_url(re.compile(r"\?tg=closer$"))
    page.wait_for_function("text => !document.body.innerText.includes(text)", arg=everything)
    wait_for_app(page)
    assert chosen_groups(page) == ["Tættere på"]
    return in_view(page)


def open_presentation(page) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Præsentation").click()
    page.get_by_role("heading", name=re.compile("^Nøgletal")).wait_for()
    wait_for_app(page)
    assert "tg=closer" in page.url


def assert_the_fan_is_as_it_was(page, narrowed: str) -> None:
    page.wait_for_selector(FAN_DRAWN)
    page.get_by_text(narrowed).wait_for()
    wait_for_app(page)
    assert chosen_groups(page) == ["Tættere på"]
    assert in_view(page) == narrowed
    assert page.url.endswith("/?tg=closer")
    assert "Ingen indsatser passer" not in page.inner_text("body")
    assert page.errors == []


def test_leaving_presentation_by_its_exit_link_keeps_the_filter_and_the_fan(
    app_server: Server, page
) -> None:
    narrowed = the_fan_of_closer_only(page, app_server.url)
    open_presentation(page)
    page.get_by_role("link", name="Afslut").click()
    assert_the_fan_is_as_it_was(page, narrowed)
    screenshot(page, "view-kept-after-exit-1920")


def test_leaving_presentation_by_the_browsers_back_keeps_the_filter_and_the_fan(
    app_server: Server, page
) -> None:
    narrowed = the_fan_of_closer_only(page, app_server.url)
    open_presentation(page)
    page.go_back()
    assert_the_fan_is_as_it_was(page, narrowed)


PUSHES = """() => {
    window.__pushed = [];
    const push = history.pushState.bind(history);
    history.pushState = (state, title, url) => {
        window.__pushed.push(String(url));
        return push(state, title, url);
    };
}"""
"""Records every entry the app adds to the browser's history."""


def switch_page(page, title: str, heading: str) -> list[str]:
    """Open a page by the sidebar's link; the entries this added to the browser's history."""
    page.evaluate("window.__pushed = []")
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()
    page.get_by_role("heading", name=re.compile(heading)).first.wait_for()
    wait_for_app(page)
    page.evaluate(PAINTED)
    return page.evaluate("window.__pushed")


def test_a_page_switch_adds_one_entry_to_the_history_and_it_holds_the_view(
    app_server: Server, page
) -> None:
    """A page switch starts with a bare address; the view written after the page's own entry
    would add a second, bare one, so that Back stayed on the page (seen under load)."""
    the_fan_of_closer_only(page, app_server.url)
    page.evaluate(PUSHES)
    assert switch_page(page, "Præsentation", "^Nøgletal") == ["/presentation?tg=closer"]
    page.go_back()
    page.wait_for_selector(FAN_DRAWN)
    wait_for_app(page)
    assert page.url.endswith("/?tg=closer")
    assert switch_page(page, "Budget", "^Budget") == ["/budget?tg=closer"]


def test_a_target_group_choice_emptied_in_the_sidebar_reads_all_in_danish(
    app_server: Server, page
) -> None:
    page.goto(app_server.url + "/?tg=closer")
    page.wait_for_selector(FAN_DRAWN)
    wait_for_app(page)
    page.get_by_role("button", name="Remove Tættere på").click()
    page.wait_for_url(re.compile(r"/$"))
    wait_for_app(page)
    page.locator('.st-key-f_tg input[placeholder="Alle målgrupper"]').wait_for()
    every = len(figures.load_year(app_server.db).frame)
    page.get_by_text(f"{every} indsatser i visningen").wait_for()
    assert "Ingen indsatser passer" not in page.inner_text("body")
