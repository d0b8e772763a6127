"""The business-case page, and the fan's shade by the kommune's net gain per krone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.store import db
from viften.store import interventions as store
from viften.store import views as figures

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "streamlit_app.py")
PAGE = str(REPO / "pages" / "case.py")
FAN = str(REPO / "pages" / "fan.py")
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "**bold** [link](javascript:alert(1))",
    ":red[farvet] $x^2$ <b>fed</b>",
    "# Overskrift",
    "line\nbreak & &amp; `code`",
]


def run(
    query: dict[str, str] | None = None, state: dict[str, Any] | None = None, page: str = PAGE
) -> AppTest:
    app = AppTest.from_file(page, default_timeout=120)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    for key, value in (state or {}).items():
        app.session_state[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def words(app: AppTest) -> str:
    parts = [
        e.value
        for e in [*app.markdown, *app.caption, *app.info, *app.warning, *app.subheader, *app.title]
    ]
    for table in app.table:
        parts += [str(c) for c in table.value.columns]
        parts += [str(c) for c in table.value.astype(str).to_numpy().ravel()]
    # a table keeps an amount together with no-break spaces (`9.000 kr.`); read them as spaces
    return unescape(" ".join(parts)).replace("\u00a0", " ")


def specs(app: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def datasets(app: AppTest, index: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of a chart's data, by dataset name (Streamlit sends them apart from the spec)."""
    import pyarrow as pa

    out = {}
    for dataset in app.get("vega_lite_chart")[index].proto.datasets:
        table = pa.ipc.open_stream(dataset.data.data).read_all()
        out[dataset.name] = table.to_pylist()
    return out


def chart_rows(app: AppTest, index: int) -> list[dict[str, Any]]:
    """Every row of a chart's data: its named datasets, and its main data (which Streamlit
    takes out of the spec and sends as a table)."""
    import pyarrow as pa

    proto = app.get("vega_lite_chart")[index].proto
    main = (
        pa.ipc.open_stream(proto.data.data).read_all().to_pylist()
        if proto.HasField("data") and proto.data.data
        else []
    )
    return main + [row for rows in datasets(app, index).values() for row in rows]


def without_case(path: Path) -> str:
    frame = figures.load_year(path).frame
    return str(frame[frame["control_job_rate"].isna()]["name"].iloc[0])


def test_the_page_shows_the_best_case_per_payer_in_danish(db_path: Path) -> None:
    app = run()
    assert app.title[0].value.startswith("Hvem får gevinsten? Budgetcasen ")
    text = words(app)
    for payer in ("Kommunen", "Staten", "Andre kommuner (udligning)", "Det offentlige i alt"):
        assert payer in text
    assert re.search(r"\d+ % af gevinsten lander uden for kommunens budget", text)
    assert re.search(r"\d{1,3}(\.\d{3})+ kr\.", text)
    titles = [spec["title"]["text"] for spec in specs(app)]
    assert any("hvem får hvad, år for år" in title for title in titles)
    assert any("kommunens akkumulerede nettoværdi" in title for title in titles)
    year = figures.load_year(db_path).year
    assert all(spec["title"]["subtitle"].startswith(f"{year} · ") for spec in specs(app))


def test_an_amount_in_a_table_never_breaks_between_the_number_and_its_unit(
    db_path: Path,
) -> None:
    cells = [str(c) for table in run().table for c in table.value.astype(str).to_numpy().ravel()]
    amounts = [c for c in cells if re.search(r"\d[\s\u00a0]kr\\\.", c)]
    assert amounts, "the page shows no amounts"
    assert all(re.search(r"\d\u00a0kr\\\.", c) and not re.search(r"\d kr", c) for c in amounts)
    assert any(re.search(r"\u00a0pct\\\.point", c) for c in cells)


def test_the_case_figures_are_defined_on_the_page_as_the_registry_defines_them(
    db_path: Path,
) -> None:
    from viften.present import case as present

    app = run()
    assert any(e.label == "Sådan er tallene regnet" for e in app.expander)
    shown = {m.value for m in app.markdown}
    for heading, definition in present.definition_rows("da"):
        assert f"**{heading}**: {definition}" in shown
    ranking = [t for t in app.table if "Nr." in [unescape(c) for c in t.value.columns]][0]
    headings = [unescape(c) for c in ranking.value.columns]
    assert headings[3:] == [
        "Kommunen netto pr. krone",
        "Kommunen netto pr. deltager",
        "Det offentlige netto pr. deltager",
        "Kommunen tilbagebetalt",
        "Uden for kommunens budget",
    ]


def test_the_page_speaks_english_with_the_switch(db_path: Path) -> None:
    app = run({"lang": "en"})
    assert app.title[0].value.startswith("Who gains? The business case ")
    text = words(app)
    assert "The public purse in total" in text and "lands outside the kommune's budget" in text
    assert "DKK " in text


def test_the_ranking_lists_every_intervention_in_view(db_path: Path) -> None:
    app = run({"tg": "closer"})
    frame = figures.load_year(db_path).frame
    closer = set(frame[frame["target_group"] == "closer"]["name"])
    ranking = [
        t for t in app.table if "Kommunen netto pr. krone" in [unescape(c) for c in t.value.columns]
    ][0]
    assert {unescape(n) for n in ranking.value["Indsats"]} == closer
    assert any("målgruppe: tættere på" in unescape(c.value) for c in app.caption)


def test_an_intervention_without_a_net_effect_says_why_and_can_try_an_assumed_one(
    db_path: Path,
) -> None:
    name = without_case(db_path)
    app = run(state={"case_pick": name})
    assert any("har ingen budgetcase" in unescape(i.value) for i in app.info)
    assert not [s for s in specs(app) if "år for år" in s["title"]["text"]]
    app.text_input(key=f"case_effect_{name}").input("5 %").run()
    assert not app.exception
    assert any(w.value.startswith("ANTAGET: mer-effekten +5,0 pct.point") for w in app.warning)
    text = words(app)
    assert "(antaget)" in text
    assert "antaget effekt, ingen fordeling" in text
    bars = [i for i, s in enumerate(specs(app)) if "år for år" in s["title"]["text"]][0]
    amounts = [r["amount_text"] for r in chart_rows(app, bars) if "amount_text" in r]
    assert amounts and all(a.endswith("(antaget)") for a in amounts)
    # never stored: the database still has no control rate for it
    frame = figures.load_year(db_path).frame
    assert frame.loc[frame["name"] == name, "control_job_rate"].isna().all()


def test_an_unreadable_assumed_effect_says_why(db_path: Path) -> None:
    name = without_case(db_path)
    app = run(state={"case_pick": name})
    app.text_input(key=f"case_effect_{name}").input("fem").run()
    assert any("Kunne ikke læse mer-effekten" in w.value for w in app.warning)


def test_the_planned_participants_multiply_the_case(db_path: Path) -> None:
    unit = run()
    planned = run({"case_scale": "planned"})
    assert any("planlagte deltagere" in s["title"]["text"] for s in specs(planned))
    assert words(unit) != words(planned)


def test_the_current_allocation_sums_the_planned_participants(db_path: Path) -> None:
    app = run()
    assert any(
        unescape(c.value).startswith("Summen over indsatserne i visningen") for c in app.caption
    )


def test_the_assumptions_name_their_sources_and_the_staircase_is_law(db_path: Path) -> None:
    text = words(run())
    assert "Kommunens andel af ydelsen (refusionstrappen)" in text
    assert "LBK nr. 221 af 12/02/2021" in text and "Lov" in text and "Skøn" in text


def test_a_viewer_sees_no_assumptions_form(db_path: Path) -> None:
    app = run()
    assert not [f for f in app.get("form") if "case_assumptions" in str(f.proto)]
    assert not [t for t in app.text_input if str(t.key).startswith("case_a_")]


def test_an_editor_saves_the_years_assumptions(db_path: Path) -> None:
    from viften.actions import assumptions

    app = AppTest.from_file(APP, default_timeout=120).run()
    sign_in(app, "Redaktør")
    app.switch_page("pages/case.py").run()
    assert not app.exception
    app.text_input(key="case_a_discount_rate").input("4 %")
    app.button(key="FormSubmitter:case_assumptions_form-Gem antagelserne").click().run()
    assert not app.exception, [e.value for e in app.exception]
    year = figures.load_year(db_path).year
    stored = assumptions.for_year(db_path, year)
    assert stored.discount_rate == pytest.approx(0.04)
    assert stored.source("discount_rate") == "Skøn: ændret i appen af Redaktør"
    assert "Antagelserne er gemt." in [s.value for s in app.success]
    assert "Diskonteringsrente 4,0 %" in words(app)
    app.button(key="case_assumptions_reset").click().run()
    assert assumptions.for_year(db_path, year).discount_rate == pytest.approx(0.035)
    assert "Antagelserne er sat tilbage til standardværdierne." in [s.value for s in app.success]


def test_an_editor_who_types_a_bad_value_is_told_and_nothing_is_stored(db_path: Path) -> None:
    from viften.actions import assumptions

    app = AppTest.from_file(APP, default_timeout=120).run()
    sign_in(app, "Redaktør")
    app.switch_page("pages/case.py").run()
    app.text_input(key="case_a_tax_rate").input("150 %")
    app.text_input(key="case_a_wage").input("mange penge")
    app.button(key="FormSubmitter:case_assumptions_form-Gem antagelserne").click().run()
    errors = [unescape(e.value) for e in app.error]
    assert any(e.startswith("Skat i alt af en ekstra krone:") for e in errors)
    assert any(e.startswith("Årsløn i job:") for e in errors)
    year = figures.load_year(db_path).year
    assert assumptions.stored(db_path, year) is None


def test_hostile_names_are_shown_as_text_and_never_as_markdown(empty_db: Path) -> None:
    rows = [
        {
            "name": name,
            "year": 2026,
            "target_group": ("closer", "further", "cross")[i % 3],
            "provider": name,
            "provider_type": None,
            "price_per_participant": 10_000.0 * (i + 1),
            "capacity": None,
            "participants": 5,
            "job_rate": 0.3,
            "control_job_rate": None if i == 4 else 0.2,
            "evidence_stars": 1 + i % 3,
            "effect_rating": "medium",
            "duration_weeks": None,
            "description": name,
            "source": name,
        }
        for i, name in enumerate(HOSTILE)
    ]
    with db.transaction(empty_db) as con:
        store.upsert(con, "tester", rows, list(rows[0]))
    app = run(state={"case_pick": HOSTILE[4]})
    bare = [e.value for e in [*app.markdown, *app.caption, *app.info, *app.warning]]
    for table in app.table:
        bare += [str(c) for c in table.value.astype(str).to_numpy().ravel()]
    with_data = [v for v in bare if re.search(r"onerror|javascript|farvet|Overskrift|code", v)]
    assert with_data, "the page shows no data at all"
    for value in with_data:
        assert not any(c in re.sub(r"\\.", "", value) for c in "<>*_[]()`$:#|&!~"), value
    names = {
        unescape(n) for t in app.table if "Indsats" in t.value.columns for n in t.value["Indsats"]
    }
    assert {" ".join(n.split()) for n in names} == {" ".join(n.split()) for n in HOSTILE}


# --- the fan's shade ----------------------------------------------------------------------------


def test_the_fan_can_shade_by_the_kommunes_gain_per_krone(db_path: Path) -> None:
    app = run({"fan_grade": "kommune"}, page=FAN)
    assert any(
        c.value.startswith("Farvetonen viser kommunens netto-nutidsværdi") for c in app.caption
    )
    data = datasets(app, 0)
    labels = " ".join(
        str(r.get("text", ""))
        for name, rows in data.items()
        if name.startswith("labels")
        for r in rows
    )
    assert "jo mere får kommunen igen" in labels
    tiles = data["tiles"]
    assert any(re.fullmatch(r"-?\d+,\d\d kr\.", r["tt_kommune"]) for r in tiles)
    assert any(r["tt_kommune"] == "– (ingen kontrolgruppe)" for r in tiles)


def test_the_fan_shades_by_price_unless_the_url_asks(db_path: Path) -> None:
    app = run(page=FAN)
    assert not any(c.value.startswith("Farvetonen viser") for c in app.caption)
    assert "fan_grade" not in app.query_params


# --- the target groups' defaults in the editors' form ----------------------------------------


def _editor_on_the_case_page() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120).run()
    sign_in(app, "Redaktør")
    app.switch_page("pages/case.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _kommune_npv(app: AppTest) -> str:
    payers = [t for t in app.table if "Betaler" in [unescape(c) for c in t.value.columns]][0]
    frame = payers.value
    return unescape(str(frame.loc[frame.index[0], frame.columns[3]]))


@pytest.fixture
def without_own_inputs(empty_db: Path) -> Path:
    """One intervention of tættere på that gives no benefit and no weeks on benefit: its case
    rests on the target group's defaults."""
    row = {
        "name": "Mentor",
        "year": 2026,
        "target_group": "closer",
        "provider": None,
        "provider_type": None,
        "price_per_participant": 20_000.0,
        "capacity": None,
        "participants": 10,
        "job_rate": 0.4,
        "control_job_rate": 0.3,
        "evidence_stars": 2,
        "effect_rating": "medium",
        "duration_weeks": 8,
        "description": None,
        "source": None,
    }
    with db.transaction(empty_db) as con:
        store.upsert(con, "tester", [row], list(row))
    return empty_db


def test_an_editor_changes_a_target_groups_weeks_on_benefit_and_the_case_follows(
    without_own_inputs: Path,
) -> None:
    from viften.actions import assumptions
    from viften.model.assumptions import DEFAULT

    app = _editor_on_the_case_page()
    before = _kommune_npv(app)
    weeks = DEFAULT.target_group_defaults["closer"].weeks_on_benefit
    assert any(f"{weeks} uger på ydelse ved start" in unescape(c.value) for c in app.caption)
    field = app.text_input(key="case_a_target_group_defaults.closer.weeks_on_benefit")
    assert field.label == "Uger på ydelse ved start for tættere på"
    assert field.value == str(weeks)
    field.input("80")
    app.button(key="FormSubmitter:case_assumptions_form-Gem antagelserne").click().run()
    assert not app.exception, [e.value for e in app.exception]
    stored = assumptions.for_year(without_own_inputs, 2026)
    assert stored.target_group_defaults["closer"].weeks_on_benefit == 80
    assert stored.target_group_defaults["closer"].benefit == "dagpenge"
    assert stored.source("target_group_defaults.closer") == "Skøn: ændret i appen af Redaktør"
    assert stored.target_group_defaults["further"] == DEFAULT.target_group_defaults["further"]
    assert any("80 uger på ydelse ved start" in unescape(c.value) for c in app.caption)
    assert "Standard for tættere på" in words(app) and "dagpenge, 80 uger på ydelse" in words(app)
    # 80 weeks in, the kommune bears 80 % of the dagpenge rather than 60-70 %: it gains more
    after = _kommune_npv(app)
    assert after != before
    digits = [int(re.sub(r"\D", "", text)) for text in (before, after)]
    assert digits[1] > digits[0]


def test_an_editor_chooses_another_default_benefit_for_a_target_group(
    without_own_inputs: Path,
) -> None:
    from viften.actions import assumptions

    app = _editor_on_the_case_page()
    choice = app.selectbox(key="case_a_target_group_defaults.closer.benefit")
    assert choice.value == "dagpenge"
    choice.set_value("kontanthjaelp")
    app.button(key="FormSubmitter:case_assumptions_form-Gem antagelserne").click().run()
    assert not app.exception, [e.value for e in app.exception]
    stored = assumptions.for_year(without_own_inputs, 2026)
    assert stored.target_group_defaults["closer"].benefit == "kontanthjaelp"
    assert any("Beregnet med: kontanthjælp" in unescape(c.value) for c in app.caption)


def test_weeks_on_benefit_that_are_not_whole_weeks_are_refused_in_danish(
    without_own_inputs: Path,
) -> None:
    from viften.actions import assumptions

    app = _editor_on_the_case_page()
    app.text_input(key="case_a_target_group_defaults.further.weeks_on_benefit").input("2,5")
    app.button(key="FormSubmitter:case_assumptions_form-Gem antagelserne").click().run()
    errors = [unescape(e.value) for e in app.error]
    assert errors == [
        "Uger på ydelse ved start for længere væk: skal være et helt antal uger, 0 eller flere"
    ]
    assert assumptions.stored(without_own_inputs, 2026) is None


def test_a_value_the_store_refuses_is_told_in_danish(db_path: Path) -> None:
    from viften.actions import assumptions

    app = _editor_on_the_case_page()
    app.text_input(key="case_a_horizon").input("500")
    app.button(key="FormSubmitter:case_assumptions_form-Gem antagelserne").click().run()
    assert not app.exception, [e.value for e in app.exception]
    errors = [unescape(e.value) for e in app.error]
    assert errors == ["Antagelserne: Horisont skal være et helt tal fra 1 til 100, ikke 500"]
    assert assumptions.stored(db_path, figures.load_year(db_path).year) is None
