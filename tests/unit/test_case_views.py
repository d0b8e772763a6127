"""The budget case as the reader sees it: present/case's tables and sentences, and its charts."""

from __future__ import annotations

import math
import re
from dataclasses import replace

import pandas as pd
import pytest

from viften.model import case as model
from viften.model.assumptions import DEFAULT, BenefitDefault
from viften.model.filters import Filters
from viften.present import case as present
from viften.present import texts as texts_module
from viften.present.charts import case as charts

# persistence 1, no discounting, no equalisation: a case that can be worked out by hand
PLAIN = replace(DEFAULT, discount_rate=0.0, persistence=1.0, horizon=3, equalisation=0.0)


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "name": "Billig og god",
                "target_group": "closer",
                "price_per_participant": 10_000.0,
                "job_rate": 0.40,
                "control_job_rate": 0.30,
                "participants": 100.0,
                "duration_weeks": 0.0,
            },
            {
                "name": "Dyr",
                "target_group": "further",
                "price_per_participant": 200_000.0,
                "job_rate": 0.30,
                "control_job_rate": 0.28,
                "participants": 10.0,
                "duration_weeks": 0.0,
            },
            {
                "name": "Uden kontrolgruppe",
                "target_group": "cross",
                "price_per_participant": 20_000.0,
                "job_rate": 0.30,
                "control_job_rate": math.nan,
                "participants": 40.0,
                "duration_weeks": 0.0,
            },
            {
                "name": "Gratis",
                "target_group": "cross",
                "price_per_participant": 0.0,
                "job_rate": 0.30,
                "control_job_rate": 0.20,
                "participants": 0.0,
                "duration_weeks": 0.0,
            },
        ]
    )


@pytest.fixture
def view() -> present.CaseView:
    return present.case_view(frame(), PLAIN)


def column(table: pd.DataFrame, key: str, lang: str = "da") -> list[str]:
    return [str(v) for v in table[texts_module.t(key, lang)]]


# --- the case of the interventions in view ----------------------------------------------------


def test_the_view_computes_the_model_case_of_every_row(view) -> None:
    expected = model.from_columns(frame(), PLAIN)
    assert view.case.npv.ravel().tolist() == pytest.approx(
        expected.npv.ravel().tolist(), nan_ok=True
    )


def test_an_assumed_effect_fills_only_an_intervention_without_its_own() -> None:
    view = present.case_view(frame(), PLAIN, {"Uden kontrolgruppe": 0.05, "Dyr": 0.5})
    assert view.assumed.tolist() == [False, False, True, False]
    assert view.case.net_effect[2] == pytest.approx(0.05)
    assert view.case.net_effect[1] == pytest.approx(0.02)


def test_gain_per_krone_is_the_kommunes_npv_over_the_price_and_missing_when_free(view) -> None:
    per_krone = present.gain_per_krone(view.case)
    assert per_krone[0] == pytest.approx(view.case.npv[model.KOMMUNE, 0] / 10_000.0)
    assert math.isnan(per_krone[2]) and math.isnan(per_krone[3])


def test_the_fan_gets_the_gain_per_krone_as_a_column() -> None:
    out = present.with_gain_per_krone(frame(), PLAIN)
    assert present.PER_KRONE_COLUMN in out and len(out) == 4
    assert present.PER_KRONE_COLUMN not in frame()


# --- one intervention ---------------------------------------------------------------------------


def test_the_payer_table_has_the_four_payers_in_danish_format(view) -> None:
    table = present.payer_table(view, 0, "da")
    assert column(table, "case_col_payer") == [
        "Kommunen",
        "Staten",
        "Andre kommuner (udligning)",
        "Det offentlige i alt",
    ]
    npv = view.case.npv[:, 0]
    assert column(table, "case_col_npv")[0] == f"{npv[0]:,.0f} kr.".replace(",", ".")
    assert all(re.fullmatch(r"-?[\d.]+ kr\.", c) for c in column(table, "case_col_npv"))


def test_the_state_pays_nothing_so_it_has_no_payback_year(view) -> None:
    table = present.payer_table(view, 0, "da")
    assert column(table, "case_col_payback")[1] == "– (betaler ikke prisen)"
    assert column(table, "case_col_cost")[1] == "0 kr."


def test_a_payback_never_reached_says_so_as_the_registry_writes_it() -> None:
    from viften.present import formatting

    view = present.case_view(frame(), PLAIN)
    table = present.payer_table(view, 1, "da")
    said = "– (betaler sig ikke hjem inden for horisonten)"
    assert column(table, "case_col_payback")[0] == said
    record = present.case_figures(view, [1]).iloc[0].to_dict()
    assert formatting.figure_value("payback_year_kommune", record) == said


def test_every_figure_of_the_case_is_in_the_registry_with_its_definition() -> None:
    from viften.model import case as model_case
    from viften.present.figures import CASE_FIGURES, figure

    interface = [f"npv_{p}" for p in model_case.PAYERS] + [
        "payback_year_kommune",
        "payback_year_public",
        "break_even_effect_kommune",
        "break_even_effect_public",
        "wrong_pocket_share",
    ]
    assert set(interface) <= set(CASE_FIGURES)
    rows = dict(present.definition_rows("da"))
    assert rows["Kommunen netto pr. krone"].startswith("Kommunens netto-nutidsværdi ÷ prisen")
    assert len(rows) == len(CASE_FIGURES)
    assert all(figure(name).definition for name in CASE_FIGURES)


def test_for_the_planned_participants_every_amount_is_multiplied(view) -> None:
    unit = present.payer_table(view, 0, "da")
    planned = present.payer_table(view, 0, "da", planned=True)
    first, hundred = (column(t, "case_col_cost")[0] for t in (unit, planned))
    assert (first, hundred) == ("10.000 kr.", "1.000.000 kr.")
    assert present.scale_note(view, 0, True, "da") == "for 100 planlagte deltagere"


def test_the_spread_shows_the_chance_and_the_cautious_p10(view) -> None:
    import numpy as np

    spread = model.PayerSpread(np.full((4, 4), 0.8), np.full((4, 4), -1234.0), 100)
    table = present.payer_table(view, 0, "da", spread=spread)
    assert column(table, "case_col_chance")[0] == "80 %"
    assert column(table, "case_col_p10")[0] == "−1.234 kr."


def test_every_figure_of_an_assumed_effect_is_marked_and_it_has_no_spread() -> None:
    view = present.case_view(frame(), PLAIN, {"Uden kontrolgruppe": 0.05})
    table = present.payer_table(view, 2, "en")
    assert all(c.endswith("(assumed)") for c in column(table, "case_col_npv", "en"))
    assert column(table, "case_col_chance", "en")[0] == "– (assumed effect, no distribution)"
    assert all(r["amount_text"].endswith("(antaget)") for r in present.year_rows(view, 2))
    assert "(antaget)" in present.used_inputs_text(view, 2)


def test_the_wrong_pocket_sentence_splits_the_outside_share_between_state_and_others() -> None:
    view = present.case_view(frame(), DEFAULT)
    gains = view.case.gain[:, 0]
    text = present.wrong_pocket_text(view, 0, "da")
    share = round(100 * (1 - gains[0] / gains[3]))
    assert text.startswith(f"{share} % af gevinsten lander uden for kommunens budget")
    assert "hos staten" in text and "via udligningen" in text


def test_the_year_rows_add_up_to_the_public_npv_without_discounting(view) -> None:
    rows = present.year_rows(view, 0, "da")
    public = [r["amount"] for r in rows if r["payer"] == "Det offentlige i alt"]
    assert sum(public) == pytest.approx(view.case.npv[model.PUBLIC, 0])
    assert {r["line"] for r in rows} == {"Sparet ydelse", "Skatter", "Prisen"}


def test_the_cash_line_starts_at_minus_the_price_and_crosses_zero_in_the_payback_year(view) -> None:
    rows = present.cumulative_rows(view, 0, "da")
    assert rows[0] == {"year": 0, "value": -10_000.0, "value_text": "−10.000 kr."}
    payback = int(view.case.payback_year_kommune[0])
    assert rows[payback]["value"] >= 0 > rows[payback - 1]["value"]


def test_an_intervention_without_a_net_effect_has_no_rows_and_says_why(view) -> None:
    assert present.year_rows(view, 2) == [] and present.cumulative_rows(view, 2) == []
    assert present.no_case_text(view, 2, "da") == (
        "Uden kontrolgruppe har ingen budgetcase: ingen kontrolgruppe, så mer-effekten kendes ikke."
    )


@pytest.mark.parametrize(
    ("typed", "value"), [("5 %", 0.05), ("0,05", 0.05), ("12,5%", 0.125), ("0.1", 0.1), ("", None)]
)
def test_an_assumed_effect_is_read_as_danes_write_a_rate(typed: str, value: float | None) -> None:
    parsed, why = present.parse_effect(typed, "da")
    assert parsed == pytest.approx(value) if value is not None else parsed is None
    assert why == ""


def test_an_unreadable_assumed_effect_says_why_in_the_readers_language() -> None:
    assert present.parse_effect("5", "da") == (
        None,
        "5 skal være en andel mellem 0 og 1 (eller skrevet i procent, som 35 %)",
    )
    assert present.parse_effect("abc", "en")[0] is None
    assert "abc" in present.parse_effect("abc", "en")[1]


# --- the ranking and the allocation ---------------------------------------------------------------


def test_the_ranking_puts_the_best_gain_per_krone_first_and_those_without_last(view) -> None:
    table = present.ranking_table(view, "da")
    assert column(table, "col_name") == ["Billig og god", "Dyr", "Gratis", "Uden kontrolgruppe"]
    assert table[texts_module.t("case_col_rank", "da")].tolist()[:2] == [1, 2]
    assert pd.isna(table[texts_module.t("case_col_rank", "da")].iloc[3])
    per_krone = column(table, "case_col_per_krone")
    assert per_krone[2] == "– (gratis indsats)"
    assert per_krone[3] == "– (ingen kontrolgruppe)"
    assert re.fullmatch(r"-?\d+,\d\d kr\.", per_krone[0])


def test_the_allocation_sums_planned_participants_times_the_case_per_payer(view) -> None:
    total = present.allocation_case(view)
    expected = 100 * view.case.npv[:, 0] + 10 * view.case.npv[:, 1]
    assert total.npv.tolist() == pytest.approx(expected.tolist())
    assert total.participants == 110 and total.counted == 2
    assert total.left_out == ("Uden kontrolgruppe",) and total.left_out_participants == 40


def test_the_case_page_and_the_budget_page_show_the_current_allocation_in_one_table(
    view,
) -> None:
    from viften.model import allocator
    from viften.present import budget_tables

    rows = frame().assign(name=lambda f: f["name"], year=2026, capacity=math.nan, evidence_stars=2)
    data = allocator.Interventions.from_columns(rows, assumptions=PLAIN)
    budget_page = budget_tables.payer_case_table([("Nu", allocator.current(data))], "da")
    case_page = budget_tables.payer_case_table([("Nu", present.allocation_case(view))], "da")
    assert case_page.equals(budget_page)
    assert "Kommunen" in case_page["Tal"].tolist()


def test_the_allocation_notes_name_what_was_left_out(view) -> None:
    notes = present.allocation_notes(present.allocation_case(view), "da")
    assert notes[0].endswith("110 deltagere i 2 indsatser.")
    assert "Uden kontrolgruppe" in notes[-1] and "40 planlagte deltagere" in notes[-1]


def test_a_view_without_planned_participants_says_so() -> None:
    view = present.case_view(frame().assign(participants=0.0), PLAIN)
    assert present.allocation_notes(present.allocation_case(view), "en") == [
        "No intervention in view has planned participants."
    ]


# --- the assumptions ------------------------------------------------------------------------------


def test_the_staircase_is_shown_as_law_with_its_source_first() -> None:
    first = present.assumption_rows(DEFAULT, "da")[0]
    assert first[2] == "Lov"
    assert "LBK nr. 221 af 12/02/2021" in first[3] and "§ 5" in first[3]
    assert "20 %" in first[1] and "80 %" in first[1]


def test_estimates_are_called_estimates_and_sourced_figures_keep_their_source() -> None:
    rows = {
        label: (kind, source) for label, _, kind, source in present.assumption_rows(DEFAULT, "da")
    }
    assert rows["Årsløn i job"][0] == "Skøn"
    assert rows["Diskonteringsrente"] == ("Med kilde", DEFAULT.sources["discount_rate"])
    assert len(rows) == 1 + 6 + 1 + 5 + 1 + 3


def test_the_form_stores_only_what_changed_with_its_source() -> None:
    typed = {key: present.form_text(DEFAULT, key) for key in present.FORM_KEYS}
    typed.update({"wage": "340.000", "discount_rate": "4 %", "benefits.dagpenge": "253.104"})
    overrides, problems = present.form_overrides(typed, DEFAULT, "Skøn: budget 2027")
    assert problems == []
    assert overrides == {
        "wage": 340_000.0,
        "discount_rate": 0.04,
        "sources": {"wage": "Skøn: budget 2027", "discount_rate": "Skøn: budget 2027"},
    }
    assert DEFAULT.overridden(overrides).wage == 340_000.0


def test_the_form_overrides_a_target_groups_default_field_by_field() -> None:
    typed = {key: present.form_text(DEFAULT, key) for key in present.FORM_KEYS}
    typed["target_group_defaults.closer.weeks_on_benefit"] = "40"
    typed["target_group_defaults.cross.benefit"] = "sygedagpenge"
    overrides, problems = present.form_overrides(typed, DEFAULT, "Jobcentret 2026")
    assert problems == []
    assert overrides == {
        "target_group_defaults": {
            "closer": {"weeks_on_benefit": 40},
            "cross": {"benefit": "sygedagpenge"},
        },
        "sources": {
            "target_group_defaults.closer": "Jobcentret 2026",
            "target_group_defaults.cross": "Jobcentret 2026",
        },
    }
    changed = DEFAULT.overridden(overrides)
    assert changed.target_group_defaults["closer"] == BenefitDefault("dagpenge", 40)
    assert changed.target_group_defaults["cross"].weeks_on_benefit == 52
    assert changed.source("target_group_defaults.cross") == "Jobcentret 2026"


def test_the_form_names_every_field_it_cannot_read() -> None:
    _, problems = present.form_overrides({"horizon": "2,5", "tax_rate": "150 %"}, DEFAULT, "x")
    assert len(problems) == 2
    assert problems[0].startswith("Skat i alt af en ekstra krone:")
    assert problems[1] == "Horisont: skal være et helt antal år, fx 10"


# --- the scope ----------------------------------------------------------------------------------


def test_the_scope_says_year_filters_and_count() -> None:
    filters = Filters(target_groups=("closer",), min_stars=2, search="IPS")
    assert present.scope_text(2026, filters, 3, "da") == (
        "2026 · målgruppe: tættere på, mindst ★★, søgning: “IPS” · 3 indsatser"
    )
    assert present.scope_text(2026, Filters(), 1, "en") == (
        "2026 · every intervention · 1 intervention"
    )


# --- the charts ---------------------------------------------------------------------------------


def test_the_payer_chart_has_a_panel_per_payer_its_title_and_scope(view) -> None:
    spec = charts.payer_chart(
        present.year_rows(view, 0),
        "Billig og god",
        "pr. deltager",
        "2026 · alle indsatser · 4 indsatser",
    ).to_dict()
    assert spec["title"]["text"] == "Billig og god: hvem får hvad, år for år (pr. deltager)"
    assert spec["title"]["subtitle"] == "2026 · alle indsatser · 4 indsatser"
    assert spec["facet"]["sort"][0] == "Kommunen" and len(spec["facet"]["sort"]) == 4
    texts = [r["amount_text"] for r in spec["data"]["values"]]
    assert "−10.000 kr." in texts


def test_the_cash_chart_marks_the_payback_year(view) -> None:
    spec = charts.cash_chart(
        present.cumulative_rows(view, 0), 2, "Billig og god", "pr. deltager", "scope"
    ).to_dict()
    labels = [
        row.get("label")
        for layer in spec["layer"]
        for row in layer.get("data", {}).get("values", [])
    ]
    assert "Tilbagebetalt år 2" in labels
    assert spec["title"]["subtitle"] == "scope"
    without = charts.cash_chart(present.cumulative_rows(view, 0), None, "x", "y", "z").to_dict()
    assert len(without["layer"]) == 2


def test_the_axes_write_danish_numbers(view) -> None:
    from viften.present.charts import localised

    chart = charts.cash_chart(present.cumulative_rows(view, 0), None, "x", "y", "z", "da")
    spec = localised(chart, "da")
    axis = spec["layer"][1]["encoding"]["y"]["axis"]
    # the locale groups with "." and "," is the decimal mark: no swapping of its own on top
    assert axis == {"format": ",.0~f"} | {k: v for k, v in axis.items() if k != "format"}
    assert "labelExpr" not in axis
    assert (
        spec["config"]["locale"]["number"]["thousands"],
        spec["config"]["locale"]["number"]["decimal"],
    ) == (".", ",")


def test_the_split_chart_stacks_the_gain_by_payer_with_the_price_as_a_tick(view) -> None:
    rows = present.split_rows(view, present.ranking_order(view), "da")
    assert {r["name"] for r in rows} == {"Billig og god", "Dyr", "Gratis"}
    spec = charts.split_chart(rows, "2026 · 4 indsatser", "da").to_dict()
    assert spec["title"]["subtitle"][0] == "2026 · 4 indsatser"
    assert spec["layer"][1]["mark"]["type"] == "tick"


def test_the_charts_are_valid_vega_lite(view) -> None:
    charts.payer_chart(present.year_rows(view, 0), "n", "s", "c").to_dict(validate=True)
    charts.cash_chart(present.cumulative_rows(view, 0), 1, "n", "s", "c").to_dict(validate=True)
    rows = present.split_rows(view, [0, 1], "en")
    charts.split_chart(rows, "c", "en").to_dict(validate=True)


def test_the_form_refuses_a_kommune_tax_above_all_taxes_in_the_readers_language() -> None:
    _, problems = present.form_overrides({"municipal_tax_rate": "60 %"}, DEFAULT, "x", "da")
    assert problems == ["Kommunens del af skatten kan ikke være større end skatten i alt."]


def test_a_long_list_of_interventions_without_a_case_names_ten_and_counts_the_rest() -> None:
    without = pd.concat([frame().iloc[[2]]] * 14, ignore_index=True)
    without["name"] = [f"Uden {i}" for i in range(14)]
    view = present.case_view(without, PLAIN)
    last = present.allocation_notes(present.allocation_case(view), "da")[-1]
    assert "Uden 9" in last and "Uden 10" not in last
    assert last.endswith("og 4 flere).")
