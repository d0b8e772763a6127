"""The budget page: current allocation, what-if, optimiser, frontier and scenarios (AppTest)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.actions import interventions as changes
from viften.actions.access import command_line_actor
from viften.model import allocator
from viften.present.messages import render_all
from viften.present.texts import t
from viften.store import db, scenarios
from viften.store import interventions as store
from viften.ui.budget import BASE_KEY, CASE_OPEN_KEY, JOBS_OPEN_KEY, RULES_OPEN_KEY, what_if_key

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "budget.py")

CSV = """name,year,target_group,price_per_participant,capacity,participants,job_rate,\
control_job_rate,evidence_stars
Mentor,2030,further,30000,40,30,0.25,0.15,2
Praktik,2030,closer,9000,300,200,0.45,0.40,2
IPS,2030,further,45000,60,40,0.45,0.31,3
Samtaler,2030,closer,6000,,500,0.30,0.275,3
Kursus,2030,cross,20000,100,50,0.20,,1
"""
NAMES = ["IPS", "Kursus", "Mentor", "Praktik", "Samtaler"]
"""The order the store returns them in (by name): the what-if table's rows."""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("budget")
    path = folder / "template.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
    finally:
        con.close()
    changes.import_file(path, CSV.encode(), "budget.csv", command_line_actor())
    return path


@pytest.fixture
def database(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "viften.duckdb"
    shutil.copy(template, path)
    monkeypatch.setenv("VIFTEN_DB", str(path))
    return path


def page(
    lang: str = "da", editor: bool = False, tab: str = "current", expanded: bool = True
) -> AppTest:
    """The page with one tab open (only the open tab is drawn), the optimal tab's rules and
    budget case opened unless not `expanded` (they are drawn only when open)."""
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["lang"] = lang
    if editor:
        sign_in(app, "Birgit")
    choose_tab(app, tab, lang)
    if expanded:
        for key in (RULES_OPEN_KEY, JOBS_OPEN_KEY, CASE_OPEN_KEY):
            app.session_state[key] = True
    return app.run()


def choose_tab(app: AppTest, tab: str, lang: str = "da") -> None:
    app.session_state[f"budget_tab_{lang}"] = t(f"budget_tab_{tab}", lang)


def open_tab(app: AppTest, tab: str, lang: str = "da") -> AppTest:
    choose_tab(app, tab, lang)
    return app.run()


def metric(app: AppTest, label: str, nth: int = 0) -> str:
    return [m.value for m in app.metric if m.label == label][nth]


def current_spend() -> float:
    return 30 * 30_000 + 200 * 9_000 + 40 * 45_000 + 500 * 6_000 + 50 * 20_000


def test_the_page_shows_the_current_allocation_in_danish(database):
    app = page()
    assert not app.exception
    assert app.title[0].value == "Budget 2030"
    assert metric(app, "Udgift") == "8,5 mio. kr."
    assert current_spend() == 8_500_000
    # Kursus has no control group: 50 × 20 % job rate × 5 % (one star) assumed, 0,5 job
    assert metric(app, "Forventede ekstra job") == "31,6"
    assert any("antaget ud fra stjernerne" in c.value for c in app.caption)


def test_the_optimal_allocation_is_shown_with_what_limits_it(database):
    app = page(tab="optimal")
    info = " ".join(i.value for i in app.info)
    assert "forventede ekstra job" in info
    markdown = " ".join(m.value for m in app.markdown)
    assert "Budgettet er grænsen" in markdown or "fyldt op" in markdown
    assert len(app.get("vega_lite_chart")) == 1  # optimal against current
    moves = [d.value for d in app.dataframe if "Hvorfor" in d.value.columns][0]
    assert set(moves["Indsats"]) <= set(NAMES)
    assert len(open_tab(app, "frontier").get("vega_lite_chart")) == 1


def test_the_page_speaks_english_when_asked(database):
    app = page("en")
    assert not app.exception
    assert metric(app, "Spend") == "DKK 8.5m"


def test_a_what_if_edit_updates_spend_and_warns_about_capacity(database):
    app = page(tab="what_if")
    key = what_if_key(2030, app.session_state[BASE_KEY]["version"])
    mentor = NAMES.index("Mentor")
    app.session_state[key] = {
        "edited_rows": {mentor: {"participants": 50}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.exception
    warnings = " ".join(w.value for w in app.warning)
    assert "Mentor: 50 deltagere, men kapaciteten er 40." in warnings
    spends = [m for m in app.metric if m.label == "Udgift"]
    assert spends[0].value == "9,1 mio. kr." and spends[0].delta == "+600.000 kr."
    assert any("mere end budgettet" in e.value for e in app.error)


def test_kroner_typed_in_the_what_if_buy_whole_participants(database):
    app = page(tab="what_if")
    key = what_if_key(2030, app.session_state[BASE_KEY]["version"])
    ips = NAMES.index("IPS")
    app.session_state[key] = {
        "edited_rows": {ips: {"kroner": 100_000}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    notes = " ".join(c.value for c in app.caption)
    assert "IPS: 100.000 kr. rækker til 2 hele deltagere (90.000 kr.)" in notes


def test_the_what_if_can_start_from_the_optimal_allocation(database):
    app = page(tab="what_if")
    app.button(key="budget_use_optimal").click().run()
    assert app.session_state[BASE_KEY]["source_key"] == "optimal"
    assert any("den optimale fordeling" in c.value for c in app.caption)


def test_a_minimum_share_that_cannot_be_met_is_explained(database):
    app = page(tab="optimal")
    app.slider(key="budget_share_further").set_value(90).run()
    assert not app.exception
    errors = " ".join(e.value for e in app.error)
    assert "Kravene kan ikke opfyldes" in errors
    assert "længere fra arbejdsmarkedet" in errors


def test_a_lock_from_the_rules_table_reaches_the_optimiser(database):
    app = page(tab="optimal")
    kursus = NAMES.index("Kursus")
    app.session_state["budget_rules_2030_da"] = {
        "edited_rows": {kursus: {"lock": "Præcis planlagt"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    moves = [d.value for d in app.dataframe if "Hvorfor" in d.value.columns][0]
    row = moves[moves["Indsats"] == "Kursus"].iloc[0]
    assert row["Optimal"] == "50" and row["Hvorfor"] == "Låst"


def test_the_frontier_marks_current_and_optimal_and_prices_a_cut(database):
    app = page(tab="frontier")
    frontier = [c for c in app.get("vega_lite_chart") if "Budget (mio. kr.)" in c.proto.spec]
    assert frontier
    spec = json.dumps(json.loads(frontier[0].proto.spec), ensure_ascii=False)
    assert "Nuværende fordeling" in spec and "Optimal fordeling" in spec
    app.text_input(key="budget_cut").input("2.000.000").run()
    assert any("færre end" in i.value for i in app.info)


def test_a_viewer_cannot_save_scenarios(database):
    app = page(tab="scenarios")
    assert any("Kun redaktører" in c.value for c in app.caption)


def test_an_editor_saves_opens_and_compares_scenarios(database):
    app = page(editor=True, tab="scenarios")
    app.text_input(key="budget_sc_name").input("Forslag A")
    app.radio(key="budget_sc_source").set_value("optimal")
    [b for b in app.button if b.label == "Gem scenarie"][0].click().run()
    assert not app.exception
    assert any("Gemt: Forslag A" in s.value for s in app.success)
    app.text_input(key="budget_sc_name").input("Nu")
    app.radio(key="budget_sc_source").set_value("current")
    [b for b in app.button if b.label == "Gem scenarie"][0].click().run()
    with db.connect(database) as con:
        saved = {s.name: s for s in scenarios.list_scenarios(con, 2030)}
    assert set(saved) == {"Forslag A", "Nu"}
    assert saved["Nu"].spend == current_spend()
    assert saved["Forslag A"].settings["source"] == "optimal"
    compared = [
        d.value
        for d in app.dataframe
        if "Ændring" in d.value.columns and "Forslag A" in d.value.columns
    ]
    assert compared
    app.selectbox(key="budget_sc_pick").set_value("Nu")
    app.button(key="budget_sc_open").click().run()
    assert app.session_state[BASE_KEY]["source_key"] == "scenario"
    assert any("Nu er åbnet" in s.value for s in app.success)
    app.selectbox(key="budget_sc_pick").set_value("Nu")
    app.button(key="budget_sc_delete").click().run()
    with db.connect(database) as con:
        assert [s.name for s in scenarios.list_scenarios(con, 2030)] == ["Forslag A"]


def test_the_page_matches_the_allocator(database):
    app = page(tab="optimal")
    with db.connect(database) as con:
        data = allocator.Interventions.from_columns(
            store.intervention_arrays(con, 2030), assume_effects=True
        )
    result = allocator.optimise(data, allocator.Request.of(current_spend()))
    info = " ".join(i.value for i in app.info)
    flagged = [n for n in result.notes if n.key == "budget_msg_uncapped"]
    assert render_all([n for n in result.notes if n not in flagged], "da") in info
    assert [w.value for w in app.warning] == [render_all([n], "da") for n in flagged]


def test_an_empty_database_says_so(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.close()
    monkeypatch.setenv("VIFTEN_DB", str(path))
    app = page()
    assert not app.exception
    assert app.info


def test_the_app_routes_to_the_budget_page(database):
    app = AppTest.from_file(
        str(Path(PAGE).parents[1] / "streamlit_app.py"), default_timeout=60
    ).run()
    app.switch_page("pages/budget.py").run()
    assert not app.exception
    assert app.title[0].value == "Budget 2030"


def test_the_sidebar_minimum_of_stars_is_the_optimisers_default(database):
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.query_params["stars"] = "3"
    choose_tab(app, "optimal")
    app.run()
    assert app.radio(key="budget_opt_min_stars").value == 3
    moves = [d.value for d in app.dataframe if "Hvorfor" in d.value.columns][0]
    assert set(moves[moves["Optimal"] != "0"]["Indsats"]) <= {"IPS", "Samtaler"}


def test_a_national_dataset_is_solved_only_when_asked(tmp_path, monkeypatch) -> None:
    """Above the limit the page renders at once and offers a button instead of solving."""
    from streamlit.testing.v1 import AppTest

    from viften.ui import budget as ui_budget

    monkeypatch.setenv("VIFTEN_DB", str(tmp_path / "viften.duckdb"))
    monkeypatch.setattr(ui_budget, "AUTO_SOLVE_LIMIT", 5)
    app = AppTest.from_file(
        str(Path(__file__).resolve().parents[2] / "streamlit_app.py"), default_timeout=120
    ).run()
    choose_tab(app, "optimal")
    app.switch_page("pages/budget.py").run()
    assert not app.exception
    assert any("kun" in i.value or "først" in i.value for i in app.info)
    app.button(key="budget_solve_button").click().run()
    assert not app.exception
    app.run()
    assert not [b for b in app.button if b.key == "budget_solve_button"]
    open_tab(app, "frontier")
    assert not any("tegnes, når" in i.value for i in app.info), "the frontier is drawn"


# --- the NPV objectives and the case per payer ----------------------------------------------


def data_with_case(database: Path) -> allocator.Interventions:
    from viften.model.assumptions import DEFAULT

    with db.connect(database) as con:
        return allocator.Interventions.from_columns(
            store.intervention_arrays(con, 2030), assumptions=DEFAULT, assume_effects=True
        )


def payer_table(app: AppTest):  # type: ignore[no-untyped-def]
    return [d.value for d in app.dataframe if "Tal" in d.value.columns][0]


def test_the_kommune_objective_is_solved_and_compared_with_the_most_extra_jobs(database):
    app = page(tab="optimal")
    app.radio(key="budget_opt_objective").set_value("kommune").run()
    assert not app.exception
    data = data_with_case(database)
    chosen = allocator.optimise(data, allocator.Request.of(current_spend(), objective="kommune"))
    jobs = allocator.optimise(data, allocator.Request.of(current_spend(), objective="net"))
    info = [i.value for i in app.info]
    shown = [n for n in chosen.notes if n.key != "budget_msg_uncapped"]
    assert render_all(shown, "da") in " ".join(info)
    sentence = allocator.tradeoff(chosen, jobs)
    assert sentence is not None
    assert render_all([sentence], "da") in info
    table = payer_table(app)
    assert list(table["Tal"]) == [
        "Udgift",
        "Job i alt",
        "Ekstra job",
        "Kommunen",
        "Staten",
        "Andre kommuner (udligning)",
        "Det offentlige i alt",
    ]
    column = "Optimal: kommunens eget regnestykke"
    assert chosen.payer_npv is not None
    expected = [
        f"{round(v):,}".replace(",", ".").replace("-", "−") + " kr." for v in chosen.payer_npv
    ]
    assert list(table[column])[3:] == expected
    assert "Optimal: flest ekstra job" in table.columns and "Nuværende" in table.columns


def test_the_payer_table_holds_the_saved_scenarios(database):
    app = page(editor=True, tab="scenarios")
    app.text_input(key="budget_sc_name").input("Forslag A")
    app.radio(key="budget_sc_source").set_value("current")
    [b for b in app.button if b.label == "Gem scenarie"][0].click().run()
    assert not app.exception
    table = payer_table(open_tab(app, "optimal"))
    assert list(table["Scenarie: Forslag A"]) == list(table["Nuværende"])


def test_the_npv_objective_speaks_english_and_prices_the_next_million(database):
    app = page("en", tab="optimal")
    app.radio(key="budget_opt_objective").set_value("public").run()
    assert not app.exception
    info = " ".join(i.value for i in app.info)
    assert "the public purse's net present value" in info
    assert 'The objective "the public purse\'s sums"' in info
    more = metric(app, "The next 1 mio. kr. buys")
    assert more == "–" or more.endswith("of net present value")


def test_ignoring_statutory_minimums_reaches_the_optimisers_request(database):
    app = page(editor=True, tab="optimal")
    app.checkbox(key="budget_opt_ignore_mandatory").check().run()
    assert not app.exception
    # the setting outlives its tab: the scenario saved from another tab holds it
    open_tab(app, "scenarios")
    app.text_input(key="budget_sc_name").input("Uden lovkrav")
    app.radio(key="budget_sc_source").set_value("optimal")
    [b for b in app.button if b.label == "Gem scenarie"][0].click().run()
    with db.connect(database) as con:
        saved = {s.name: s for s in scenarios.list_scenarios(con, 2030)}
    assert saved["Uden lovkrav"].settings["keep_mandatory"] is False


def test_an_impossible_npv_request_leaves_its_column_without_figures(database):
    app = page(tab="optimal")
    app.radio(key="budget_opt_objective").set_value("kommune")
    app.slider(key="budget_share_further").set_value(30).run()
    assert not app.exception
    assert any("Kravene kan ikke opfyldes" in e.value for e in app.error)
    table = payer_table(app)
    assert set(table["Optimal: kommunens eget regnestykke"]) == {"–: kravene kan ikke opfyldes"}
    assert "–" not in " ".join(table["Nuværende"])


def test_a_budget_typed_the_danish_way_is_that_many_kroner(database):
    app = page(tab="optimal")
    app.text_input(key="budget_opt_budget_2030").input("7.479.000").run()
    assert not app.exception
    assert app.text_input(key="budget_opt_budget_2030").value == "7.479.000"
    info = " ".join(i.value for i in app.info)
    assert "budgettet på 7.479.000 kr." in info
    app.text_input(key="budget_opt_budget_2030").input("1,5 mio. kr.").run()
    assert "budgettet på 1,5 mio. kr." in " ".join(i.value for i in app.info)


def test_an_amount_that_cannot_be_read_says_what_to_type_and_keeps_the_last(database):
    app = page(tab="optimal")
    app.text_input(key="budget_opt_budget_2030").input("7.479.000").run()
    app.text_input(key="budget_opt_budget_2030").input("syv mio").run()
    assert not app.exception
    errors = " ".join(e.value for e in app.error).replace("\\", "")
    assert "kan ikke læses som et tal" in errors and "76.479.000" in errors
    assert "7.479.000 kr." in errors
    assert "budgettet på 7.479.000 kr." in " ".join(i.value for i in app.info)


def test_an_english_reader_types_english_amounts(database):
    app = page("en", tab="optimal")
    app.text_input(key="budget_opt_budget_2030").input("DKK 7,479,000").run()
    assert not app.exception
    assert app.text_input(key="budget_opt_budget_2030").value == "7,479,000"


def test_the_demo_plan_at_18_mio_less_keeps_the_statutory_and_values_the_unmeasured(db_path):
    app = page(tab="optimal")
    app.text_input(key="budget_opt_budget_2026").input("76.479.000").run()
    assert not app.exception
    info = " ".join(i.value for i in app.info)
    assert "budgettet på 76.479.000 kr." in info and "job i alt" in info
    assert "Ressourceforløb" in info and "antaget mer-effekt" in info
    moves = [d.value for d in app.dataframe if "Hvorfor" in d.value.columns][0]
    optimal = dict(zip(moves["Indsats"], moves["Optimal"], strict=True))
    assert int(optimal["Ressourceforløb"].replace(".", "")) >= 60
    assert int(optimal["Jobafklaringsforløb"].replace(".", "")) >= 150
    jobs = [d.value for d in app.dataframe if "Ekstra job optimal" in d.value.columns][0]
    assert jobs["Ekstra job optimal"].str.contains("antaget").any()
    assert list(jobs["Indsats"]) == list(moves["Indsats"]), "the same rows, in the same order"
    assert "0,0 job" not in [m.value for m in app.metric]


# --- one tab at a time ----------------------------------------------------------------------

SECTIONS = ("current_section", "what_if_section", "frontier_section", "scenarios_section")


def test_a_change_in_the_optimiser_draws_no_other_tab(database, monkeypatch):
    from viften.ui import budget as parts

    app = page(tab="optimal")
    drawn: list[str] = []
    for name in (*SECTIONS, "pool_section"):
        original = getattr(parts, name)

        def counted(*args, _name=name, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(parts, name, counted)
    app.radio(key="budget_opt_objective").set_value("gross").run()
    assert not app.exception
    assert drawn == []
    assert app.radio(key="budget_opt_objective").value == "gross"
    open_tab(app, "current")
    assert drawn == ["current_section"]


def test_the_optimisers_settings_and_rules_outlive_their_tab(database):
    app = page(tab="optimal")
    app.radio(key="budget_opt_objective").set_value("gross")
    app.slider(key="budget_share_further").set_value(20)
    app.session_state["budget_rules_2030_da"] = {
        "edited_rows": {NAMES.index("Kursus"): {"lock": "Præcis planlagt"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    open_tab(app, "frontier")
    frontier = [c for c in app.get("vega_lite_chart") if "Budget (mio. kr.)" in c.proto.spec]
    assert '"Forventede job"' in frontier[0].proto.spec, "the frontier of the objective chosen"
    open_tab(app, "optimal")
    assert not app.exception
    assert app.radio(key="budget_opt_objective").value == "gross"
    assert app.slider(key="budget_share_further").value == 20
    moves = [d.value for d in app.dataframe if "Hvorfor" in d.value.columns][0]
    assert moves[moves["Indsats"] == "Kursus"].iloc[0]["Hvorfor"] == "Låst"


def test_what_if_edits_outlive_their_tab_and_reach_the_scenarios(database):
    app = page(editor=True, tab="what_if")
    key = what_if_key(2030, app.session_state[BASE_KEY]["version"])
    app.session_state[key] = {
        "edited_rows": {NAMES.index("Mentor"): {"participants": 35}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    open_tab(app, "scenarios")
    app.text_input(key="budget_sc_name").input("Flere mentorer")
    app.radio(key="budget_sc_source").set_value("what_if")
    [b for b in app.button if b.label == "Gem scenarie"][0].click().run()
    assert not app.exception
    with db.connect(database) as con:
        saved = {s.name: s for s in scenarios.list_scenarios(con, 2030)}
    assert saved["Flere mentorer"].spend == current_spend() + 5 * 30_000
    open_tab(app, "what_if")
    spends = [m for m in app.metric if m.label == "Udgift"]
    assert spends[0].delta == "+150.000 kr.", "the edit is still there"


def test_the_open_tab_stays_open_when_the_reader_switches_language(database):
    app = page(tab="optimal")
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.session_state["budget_tab_en"] == "Optimal allocation"
    assert app.radio(key="budget_opt_objective").value == "net"


def test_a_rerun_of_the_optimal_tab_that_moves_nothing_builds_no_chart_again(database, monkeypatch):
    import functools

    from viften.present.charts import budget as budget_charts

    app = page(tab="optimal")
    built: list[int] = []
    original = budget_charts.comparison_chart

    @functools.wraps(original)  # the same name: `ui.charts.show_built` keeps a spec by it
    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(budget_charts, "comparison_chart", counted)
    app.checkbox(key="budget_opt_ignore_mandatory").check().run()
    app.checkbox(key="budget_opt_ignore_mandatory").uncheck().run()
    assert not app.exception
    assert len(app.get("vega_lite_chart")) == 1
    assert built == []


def test_a_large_allocation_shows_its_largest_moves_and_says_of_how_many(
    database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At national size the moves are thousands: the table and the chart keep the largest."""
    import pyarrow as pa

    from viften.present import budget_tables

    monkeypatch.setattr(budget_tables, "SHOWN_MOVES", 3)
    monkeypatch.setattr(budget_tables, "CHARTED_MOVES", 2)
    app = page(tab="optimal")
    assert not app.exception
    moves = [d.value for d in app.dataframe if "Hvorfor" in d.value.columns][0]
    assert len(moves) == 3
    captions = " ".join(c.value for c in app.caption)
    assert "de 3 største ændringer i forbrug af 5 indsatser" in captions
    assert "Figuren viser de 2 største ændringer i forbrug af 5." in captions
    compared = [c for c in app.get("vega_lite_chart") if "yOffset" in c.proto.spec]
    assert len(compared) == 1
    data = compared[0].proto.data.data
    names = set(pa.ipc.open_stream(data).read_all().column("name").to_pylist())
    assert sorted(names) == sorted(moves["Indsats"][:2])


def test_leaving_the_page_and_coming_back_keeps_the_open_tab_and_the_optimisers_settings(
    database,
):
    app = AppTest.from_file(
        str(Path(PAGE).parents[1] / "streamlit_app.py"), default_timeout=60
    ).run()
    app.switch_page("pages/budget.py").run()
    choose_tab(app, "optimal")
    app.session_state[CASE_OPEN_KEY] = True
    app.run()
    app.radio(key="budget_opt_objective").set_value("gross")
    app.radio(key="budget_opt_min_stars").set_value(2)
    app.slider(key="budget_share_further").set_value(20)
    app.checkbox(key="budget_opt_ignore_mandatory").check()
    app.selectbox(key="budget_opt_compare").set_value("public").run()
    app.switch_page("pages/fan.py").run()
    assert app.title[0].value.startswith("Tilbudsviften")
    app.switch_page("pages/budget.py").run()
    assert not app.exception
    assert app.radio(key="budget_opt_objective").value == "gross", "the optimal tab is open"
    assert app.radio(key="budget_opt_min_stars").value == 2
    assert app.slider(key="budget_share_further").value == 20
    assert app.checkbox(key="budget_opt_ignore_mandatory").value is True
    assert app.selectbox(key="budget_opt_compare").value == "public", "the case is kept open"


def test_another_objective_changes_the_charts_data_and_not_its_spec(database):
    """The browser then swaps the data of the chart it has, instead of compiling a new one
    (Streamlit embeds a chart anew when its spec changes): the order of the bars is data."""
    app = page(tab="optimal")
    before = app.get("vega_lite_chart")[0].proto
    app.radio(key="budget_opt_objective").set_value("gross").run()
    assert not app.exception
    after = app.get("vega_lite_chart")[0].proto
    assert after.data.data != before.data.data
    assert after.spec == before.spec


def test_the_rules_and_the_case_per_payer_are_drawn_only_when_opened(database):
    """Each change of a setting redraws the optimal tab in the browser: what is closed costs
    nothing (the case solves the other objective too)."""
    app = page(tab="optimal", expanded=False)
    assert not app.exception
    assert [e.label for e in app.expander] == [
        t("budget_opt_rules", "da"),
        t("budget_moves_jobs", "da"),
        t("budget_case_heading", "da"),
    ]
    assert not [d for d in app.dataframe if "Ekstra job optimal" in d.value.columns]
    assert not [d for d in app.dataframe if {"Tal", "lock"} & set(d.value.columns)]
    assert not [s for s in app.selectbox if s.key == "budget_opt_compare"]
    app.session_state[CASE_OPEN_KEY] = True
    app.run()
    assert list(payer_table(app)["Tal"])[0] == "Udgift"
    assert app.selectbox(key="budget_opt_compare").value == "kommune"
    assert not [d for d in app.dataframe if "lock" in d.value.columns]
    app.session_state[RULES_OPEN_KEY] = True
    app.session_state[JOBS_OPEN_KEY] = True
    app.run()
    assert [d for d in app.dataframe if "lock" in d.value.columns]
    assert [d for d in app.dataframe if "Ekstra job optimal" in d.value.columns]
