"""The budget page's tables and the what-if table's edits, without Streamlit."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from viften.model import what_if
from viften.model.allocator import Interventions, Move
from viften.present import budget_tables as tables
from viften.present import formatting
from viften.present.texts import _catalogue, t


def interventions() -> Interventions:
    return Interventions.from_columns(
        {
            "name": ["Mentor", "Kursus *fed*"],
            "year": [2026, 2026],
            "target_group": ["closer", "further"],
            "price_per_participant": [10_000.0, 25_000.0],
            "capacity": [10, None],
            "participants": [4, 0],
            "job_rate": [0.4, 0.5],
            "control_job_rate": [0.3, None],
            "evidence_stars": [2, 3],
        }
    )


def test_the_allocation_table_shows_what_each_chosen_intervention_costs_and_buys() -> None:
    table = tables.allocation_table(interventions(), np.array([4, 2]), "da")
    assert table[t("col_name", "da")].tolist() == ["Mentor", "Kursus *fed*"]
    assert table[t("budget_col_cost", "da")].tolist() == ["40.000 kr.", "50.000 kr."]
    assert table[t("budget_col_extra_jobs", "da")].tolist() == ["0,4", "– (ingen kontrolgruppe)"]


def test_the_allocation_table_leaves_out_interventions_without_participants() -> None:
    table = tables.allocation_table(interventions(), np.array([0, 2]), "en")
    assert table[t("col_name", "en")].tolist() == ["Kursus *fed*"]


def test_the_moves_table_puts_the_largest_change_of_spend_first() -> None:
    moved = [
        Move("Lille", "closer", 1, 2, 10_000, 20_000, 5.0, "budget_why_stars"),
        Move("Stor", "cross", 10, 0, 500_000, 0, None, "budget_why_no_effect"),
    ]
    table = tables.moves_table(moved, "da")
    assert table[t("col_name", "da")].tolist() == ["Stor", "Lille"]
    assert table[t("budget_col_change", "da")].tolist() == ["−10", "+1"]
    assert table[t("budget_col_jobs_per_million", "da")].tolist() == ["–", "5,0"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_moves_table_fits_a_1366_screen_in_two_parts_with_national_figures(lang: str) -> None:
    """Tens of millions of kroner, thousands of participants, a long Danish name and every
    reason there is: each part fits the page at widths found, so no grid scrolls sideways
    (the eleven headings alone need more than the page)."""
    from viften.present import table_fit

    moved = [
        Move(
            "Virksomhedspraktik for sygemeldte med langvarige forløb",
            "further",
            12_345,
            23_456,
            98_765_432.0,
            123_456_789.0,
            123.4,
            reason,
            jobs_after=12_345.6,
            extra_jobs_after=2_345.6,
            assumed=True,
        )
        for reason in sorted(k for k in _catalogue() if k.startswith("budget_why_"))
    ]
    whole = tables.moves_table(moved, lang)
    assert not table_fit.fit(table_fit.measure(whole)).fits, "the whole table does not fit"
    parts = tables.moves_parts(whole, lang)
    for part in parts:
        found = table_fit.fit(table_fit.measure(part))
        assert found.fits and sum(found.widths.values()) <= table_fit.PAGE_PX
    assert sorted({*parts[0].columns, *parts[1].columns}) == sorted(whole.columns)
    assert [p.columns[0] for p in parts] == [t("col_name", lang)] * 2


def test_a_scenario_comparison_with_the_same_scenario_twice_keeps_two_columns() -> None:
    both = SimpleNamespace(
        rows=[
            SimpleNamespace(
                name="A",
                target_group="closer",
                first=1,
                second=3,
                change=2,
                first_cost=1_000_000,
                second_cost=3_000_000,
            )
        ]
    )
    table = tables.comparison_table(both, "Plan", "Plan", "da")
    assert list(table.columns)[2:4] == ["Plan", "Plan (2)"]
    assert table[t("budget_col_cost", "da")].tolist() == ["+2,0 mio. kr."]


def test_money_is_in_millions_only_when_it_is_a_round_amount() -> None:
    assert formatting.money(3_200_000) == "3,2 mio. kr."
    assert formatting.money(3_212_345) == "3.212.345 kr."
    assert formatting.money(250_000, "en") == "DKK 250,000"
    assert formatting.money(None) == "–"


def test_a_changed_count_wins_over_changed_kroner() -> None:
    out, rounded = what_if.participants_from(
        np.array([4.0, 0.0]),
        np.array([40_000.0, 0.0]),
        np.array([6.0, 0.0]),
        np.array([1.0, 0.0]),
        np.array([10_000.0, 25_000.0]),
    )
    assert out.tolist() == [6, 0] and rounded == []


def test_kroner_buy_whole_participants_and_say_what_they_cost() -> None:
    data = interventions()
    out, rounded = what_if.participants_from(
        np.array([4.0, 0.0]),
        np.array([40_000.0, 0.0]),
        np.array([4.0, 0.0]),
        np.array([40_000.0, 60_000.0]),
        np.asarray(data.price, dtype="float64"),
    )
    assert out.tolist() == [4, 2]
    assert rounded == [what_if.Rounded(1, 60_000.0, 2)]
    notes = tables.rounding_notes(
        rounded, ["Mentor", "Kursus *fed*"], np.asarray(data.price, dtype="float64"), "da"
    )
    assert "Kursus \\*fed\\*" in notes[0] and "50.000 kr." in notes[0]


def test_a_negative_count_is_none_and_kroner_for_a_free_intervention_change_nothing() -> None:
    out, rounded = what_if.participants_from(
        np.array([4.0, 3.0]),
        np.array([0.0, 0.0]),
        np.array([-2.0, 3.0]),
        np.array([0.0, 9_999.0]),
        np.array([0.0, 0.0]),
    )
    assert out.tolist() == [0, 3] and rounded == []
