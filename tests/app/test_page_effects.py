"""The effect and business-case page, rendered with AppTest on a demo database with outcomes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.actions import database
from viften.model import domain
from viften.present import table_fit
from viften.store import db, outcomes, paths
from viften.store import interventions as store

REPO = Path(__file__).resolve().parents[2]
PAGE = str(REPO / "pages" / "effects.py")


@pytest.fixture
def with_outcomes(db_path: Path) -> Path:
    """The demo database with the illustrative outcome records (whether or not demo loads them)."""
    database.ensure(db_path)
    with db.transaction(db_path) as con:
        outcomes.import_records(con, paths.DEMO_OUTCOMES, "demo")
    return db_path


TABS = {
    "effect": "Mer-effekt og usikkerhed",
    "case": "Business case",
    "sensitivity": "Følsomhed",
    "upload": "Udfaldsdata",
    "definitions": "Definitioner",
}


def _page(editor: bool = False, lang: str | None = None, tab: str | None = None) -> AppTest:
    """The page with one tab open (only the open tab is drawn)."""
    app = AppTest.from_file(PAGE, default_timeout=60)
    if editor:
        sign_in(app, "Test Editor")
    if lang:
        app.session_state["lang"] = lang
    if tab:
        app.session_state["effects_tab_da"] = TABS[tab]
    return app.run()


def _table(app: AppTest, column: str):
    return next(d.value for d in app.dataframe if column in d.value.columns)


def test_the_page_shows_where_each_figure_comes_from_and_how_many_stand_behind_it(
    with_outcomes: Path,
) -> None:
    app = _page()
    assert not app.exception
    assert app.title[0].value == "Effekt og business case"
    table = _table(app, "Tal fra").set_index("Indsats")
    assert table.loc["IPS", "Tal fra"] == "målt"
    assert table.loc["IPS", "Deltagere (n)"] == "100"
    assert table.loc["IPS", "Kontrolgruppe (n)"] == "110"
    assert table.loc["Mentorstøtte", "Tal fra"] == "indtastet"
    # the extra effect is a table of its own, so that neither runs past a 1366 px screen
    extra = _table(app, "95 %-interval").set_index("Indsats")
    assert "Tal fra" not in extra.columns and sorted(extra.index) == sorted(table.index)
    assert "pct.point" in extra.loc["IPS", "95 %-interval"]
    assert extra.loc["IPS", "Forventet mer-effekt"] != extra.loc["IPS", "Målt mer-effekt"]


def test_a_small_sample_is_said_plainly(with_outcomes: Path) -> None:
    app = _page()
    warnings = " ".join(w.value for w in app.warning)
    assert "Din vej i job" in warnings and "under 30 personer" in warnings
    table = _table(app, "Bemærkning").set_index("Indsats")
    assert "lille stikprøve" in table.loc["Din vej i job", "Bemærkning"]
    explained = " ".join(c.value for c in app.caption)
    assert "lille stikprøve betyder under 30 personer i en af grupperne" in explained
    assert "kontrolgruppe indtastet betyder" in explained


def test_the_notes_are_short_enough_that_the_extra_effect_rows_stay_low(
    with_outcomes: Path,
) -> None:
    # a long note made every row of the table as tall as its four lines (96 px)
    app = _page()
    extra = [d for d in app.dataframe if "Bemærkning" in d.value.columns][0]
    assert extra.value["Bemærkning"].str.len().max() <= 40
    assert extra.proto.row_height <= table_fit.WRAPPING_ROW_PX, "at most two lines a row"


def test_an_interval_that_includes_zero_is_marked(with_outcomes: Path) -> None:
    app = _page()
    table = _table(app, "Usikkerhed").set_index("Indsats")
    assert table.loc["Din vej i job", "Usikkerhed"] == "kan være nul"


def test_the_business_case_follows_the_value_of_a_job_the_user_sets(with_outcomes: Path) -> None:
    app = _page(tab="case")
    app.text_input(key="effects_value_per_job").input("300.000").run()
    app.text_input(key="effects_effect_years").input("2").run()
    assert not app.exception
    case = _table(app, "Gevinst pr. krone").set_index("Indsats")
    with db.connect(with_outcomes) as con:
        frame = store.interventions(con, store.newest_year(con) or 0).set_index("name")
    ips = frame.loc["IPS"]
    effect = ips["job_rate"] - ips["control_job_rate"]
    ratio = domain.benefit_cost_ratio(ips["price_per_participant"], effect, 300_000, 2)
    assert case.loc["IPS", "Gevinst pr. krone"] == f"{ratio:.2f}".replace(".", ",")
    chance = case.loc["IPS", "Chance for at betale sig"]
    assert chance.endswith(" %")


@pytest.mark.parametrize("tab", ["case", "sensitivity"])
def test_the_value_of_a_job_shows_its_source_where_it_is_used(
    with_outcomes: Path, tab: str
) -> None:
    app = _page(tab=tab)
    captions = " ".join(c.value for c in app.caption)
    assert "260.000" in captions and "R18" in captions
    assert app.text_input(key="effects_effect_years").value == f"{domain.DEFAULT_EFFECT_YEARS:g}"


def test_the_effect_tab_draws_no_settings_it_does_not_use(with_outcomes: Path) -> None:
    """Each field drawn costs every rerun in the browser: the extra effect needs no value of
    a job."""
    app = _page()
    assert not app.exception
    assert not [
        i for i in app.text_input if i.key in ("effects_value_per_job", "effects_effect_years")
    ]


def test_the_value_of_a_job_set_in_one_tab_holds_in_the_other(with_outcomes: Path) -> None:
    app = _page(tab="case")
    app.text_input(key="effects_value_per_job").input("300.000").run()
    app.session_state["effects_tab_da"] = TABS["effect"]
    app.run()
    app.session_state["effects_tab_da"] = TABS["sensitivity"]
    app.run()
    assert not app.exception
    assert app.text_input(key="effects_value_per_job").value == "300.000"


def test_the_charts_are_drawn(with_outcomes: Path) -> None:
    counts = {
        tab: len(_page(tab=tab).get("vega_lite_chart")) for tab in ("effect", "case", "sensitivity")
    }
    assert counts["effect"] >= 1, "the interval plot"
    assert counts["case"] >= 1, "the simulation histogram"
    assert counts["sensitivity"] >= 2, "the tornado and the allocation's spread"


def test_only_the_open_tab_is_drawn(with_outcomes: Path) -> None:
    app = _page(tab="definitions")
    assert not app.get("vega_lite_chart")
    assert not app.dataframe


def test_the_sensitivity_tab_names_the_flip_point_and_the_cautious_job_figure(
    with_outcomes: Path,
) -> None:
    app = _page(tab="sensitivity")
    app.selectbox(key="effects_flip_a").select_index(
        app.selectbox(key="effects_flip_a").options.index("IPS")
    ).run()
    app.selectbox(key="effects_flip_b").select_index(
        app.selectbox(key="effects_flip_b").options.index("Privat løntilskud")
    ).run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    assert "IPS giver" in text and "Rækkefølgen vender" in text
    assert "forsigtigt skøn" in text


def test_the_page_speaks_english_when_asked(with_outcomes: Path) -> None:
    app = _page(lang="en")
    assert not app.exception
    assert app.title[0].value == "Effect and business case"
    assert "Figures from" in _table(app, "Figures from").columns


def test_a_viewer_is_told_that_only_editors_import(with_outcomes: Path) -> None:
    app = _page(tab="upload")
    assert any("Kun en redaktør" in i.value for i in app.info)


def test_filters_that_match_nothing_say_so(with_outcomes: Path) -> None:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.query_params["q"] = "no such intervention anywhere"
    app.run()
    assert not app.exception
    assert any("Ingen indsatser" in i.value for i in app.info)


def test_the_interval_chart_keeps_measured_and_largest_effects_when_capped() -> None:
    import numpy as np

    from viften.model import effects
    from viften.present.charts.effects import chart_rows

    frame = {
        "job_rate": np.array([0.5, 0.6, 0.3, 0.9, 0.4]),
        "control_job_rate": np.array([0.4, 0.4, 0.2, 0.3, 0.39]),
        "evidence_stars": np.array([2, 2, 2, 2, 2]),
        "n_treatment": np.array([0, 0, 0, 0, 100]),
        "k_treatment": np.array([0, 0, 0, 0, 40]),
        "n_control": np.array([0, 0, 0, 0, 100]),
        "k_control": np.array([0, 0, 0, 0, 39]),
    }
    dist = effects.effect_distributions(frame)
    assert chart_rows(dist, limit=10) == [0, 1, 2, 3, 4]
    assert chart_rows(dist, limit=2) == [3, 4]


@pytest.mark.parametrize(("tab", "lang"), [("effect", "da"), ("case", "da"), ("effect", "en")])
def test_no_table_on_the_page_shows_none_or_nan(with_outcomes: Path, tab: str, lang: str) -> None:
    app = _page(tab=tab) if lang == "da" else _page(lang="en")
    assert app.dataframe, "the tab has a table"
    for table in app.dataframe:
        cells = [cell for column in table.value.columns for cell in table.value[column]]
        assert [
            c for c in cells if c is None or str(c).strip() in ("None", "nan", "NaN", "<NA>")
        ] == []


def test_a_filter_changes_the_interval_charts_data_and_not_its_spec(db_path: Path) -> None:
    """The browser then swaps the data of the chart it has instead of compiling a new one
    (Streamlit embeds a chart anew when its spec changes): the lines and their order are data."""
    charts = []
    for stars in ("1", "2"):
        app = AppTest.from_file(PAGE, default_timeout=60)
        app.query_params["stars"] = stars
        app.run()
        assert not app.exception
        charts.append(app.get("vega_lite_chart")[0].proto)
    every, fewer = charts
    assert [d.data.data for d in every.datasets] != [d.data.data for d in fewer.datasets]
    assert every.spec == fewer.spec
