"""Leaving a page keeps the view: the filters, the year and the language survive every page,
presentation mode (which draws no sidebar) included, and live in the URL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


@pytest.fixture
def routed(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every AppTest run goes through streamlit_app.py's navigation, as every run in the
    browser does.

    AppTest resets Streamlit's "old pages/ folder" flag before each run, and `viften.ui` clears
    it only once per process (see its comment), so without this a second run would run the
    page bare, without streamlit_app.py and its sidebar.
    """
    original = PagesManager.__init__

    def through_the_navigation(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", through_the_navigation)
    yield


def started(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def go(app: AppTest, page: str) -> AppTest:
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def in_view(app: AppTest) -> str:
    return next(c.value for c in app.caption if "i visningen" in c.value)


def sidebar_notes(app: AppTest) -> list[str]:
    return [w.value for w in app.sidebar.warning]


@pytest.mark.usefixtures("routed")
def test_a_target_group_filter_survives_presentation_mode() -> None:
    app = started()
    app.multiselect(key="f_tg").set_value(["closer"]).run()
    narrowed = in_view(app)
    assert narrowed != "24 indsatser i visningen"
    go(app, "presentation")
    assert app.query_params["tg"] == "closer"
    go(app, "fan")
    assert app.multiselect(key="f_tg").value == ["closer"]
    assert in_view(app) == narrowed
    assert app.query_params["tg"] == "closer"
    assert "pmin" not in app.query_params and "pmax" not in app.query_params


@pytest.mark.usefixtures("routed")
def test_every_filter_and_the_year_survive_presentation_mode() -> None:
    app = started(
        {
            "year": "2025",
            "stars": "2",
            "effect": "high,medium",
            "ptype": "external",
            "pmin": "100000",
            "pmax": "900000",
            "q": "e",
        }
    )
    before = {
        key: app.query_params[key]
        for key in ("year", "stars", "effect", "ptype", "pmin", "pmax", "q")
    }
    go(app, "presentation")
    go(app, "budget")
    assert {key: app.query_params[key] for key in before} == before
    assert app.selectbox(key="f_year").value == 2025
    assert app.number_input(key="f_pmin").value == 100_000
    assert app.number_input(key="f_pmax").value == 900_000
    assert app.multiselect(key="f_effect").value == ["high", "medium"]


@pytest.mark.usefixtures("routed")
def test_the_language_is_kept_in_the_url_and_across_presentation_mode() -> None:
    app = started()
    assert "lang" not in app.query_params
    app.button_group(key="lang_choice").set_value("en").run()
    assert app.query_params["lang"] == "en"
    go(app, "presentation")
    assert app.query_params["lang"] == "en"
    go(app, "fan")
    assert app.title[0].value.startswith("The offering fan")
    app.button_group(key="lang_choice").set_value("da").run()
    assert "lang" not in app.query_params


@pytest.mark.usefixtures("routed")
def test_an_english_url_opens_in_english() -> None:
    app = started({"lang": "en"})
    assert app.multiselect(key="f_tg").label == "Target group"


@pytest.mark.usefixtures("routed")
def test_an_empty_target_group_choice_in_the_url_shows_the_whole_fan_and_says_so() -> None:
    app = started({"tg": ""})
    assert in_view(app) == "24 indsatser i visningen"
    assert app.multiselect(key="f_tg").value == ["closer", "further", "cross"]
    assert sidebar_notes(app) == [
        "Adressen valgte ingen kendt målgruppe, så alle målgrupper vises."
    ]
    assert not [i for i in app.info if "Ingen indsatser" in i.value]


@pytest.mark.usefixtures("routed")
def test_no_target_group_chosen_in_the_sidebar_is_every_target_group() -> None:
    app = started()
    app.multiselect(key="f_tg").set_value([]).run()
    assert in_view(app) == "24 indsatser i visningen"
    assert "tg" not in app.query_params
    assert app.multiselect(key="f_tg").proto.placeholder == "Alle målgrupper"


@pytest.mark.usefixtures("routed")
def test_a_reversed_price_range_in_the_url_is_turned_round_and_reported() -> None:
    app = started({"pmin": "900000", "pmax": "100000"})
    assert app.number_input(key="f_pmin").value == 100_000
    assert app.number_input(key="f_pmax").value == 900_000
    assert sidebar_notes(app) == [
        "Prisgrænserne stod omvendt (fra 900.000 kr. til 100.000 kr.), så de er byttet om."
    ]
    assert (app.query_params["pmin"], app.query_params["pmax"]) == ("100000", "900000")


@pytest.mark.usefixtures("routed")
def test_a_reversed_price_range_typed_in_the_sidebar_is_applied_turned_round() -> None:
    app = started()
    app.number_input(key="f_pmin").set_value(900_000).run()
    app.number_input(key="f_pmax").set_value(100_000).run()
    assert sidebar_notes(app) == [
        "Prisgrænserne stod omvendt (fra 900.000 kr. til 100.000 kr.), så de er byttet om."
    ]
    assert (app.query_params["pmin"], app.query_params["pmax"]) == ("100000", "900000")


@pytest.mark.usefixtures("routed")
def test_the_note_on_the_url_goes_once_the_reader_changes_a_filter() -> None:
    app = started({"tg": "x"})
    assert sidebar_notes(app)
    app.radio(key="f_stars").set_value(2).run()
    assert sidebar_notes(app) == []


@pytest.mark.usefixtures("routed")
def test_the_exit_link_of_presentation_mode_carries_the_view() -> None:
    app = started({"tg": "further", "lang": "en"})
    go(app, "presentation")
    links = [e for e in app.get("page_link")]
    assert links, "presentation mode has an exit link"
    assert links[-1].proto.query_string in ("tg=further&lang=en", "lang=en&tg=further")
