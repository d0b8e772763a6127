"""One fan year against another: what came, what went, what changed, and the arrows."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from viften.model import year_over_year as yoy
from viften.present import year_over_year as present
from viften.present.charts.year_over_year import moves_chart


def row(name: str, **values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": name,
        "target_group": "closer",
        "price_per_participant": 10000.0,
        "price_per_job": 25000.0,
        "job_rate": 0.4,
        "net_effect": math.nan,
        "evidence_stars": 2,
        "effect_rating": "medium",
    }
    base.update(values)
    return base


BEFORE = [row("Mentor"), row("Praktik"), row("Gammel")]
AFTER = [
    row("Mentor", price_per_participant=12000.0, price_per_job=30000.0),
    row("Praktik"),
    row("Ny", target_group="cross"),
]


def test_what_came_went_changed_and_stayed() -> None:
    found = yoy.compare(BEFORE, AFTER, 2025, 2026)
    assert (found.came, found.went, found.same) == (["Ny"], ["Gammel"], ["Praktik"])
    (mentor,) = found.changed
    assert [(m.field, m.before, m.after) for m in mentor.moves] == [
        ("price_per_participant", 10000.0, 12000.0),
        ("price_per_job", 25000.0, 30000.0),
    ]


def test_a_missing_figure_on_both_sides_is_no_change_but_a_new_one_is() -> None:
    same = yoy.compare([row("A")], [row("A")], 2025, 2026)
    assert same.same == ["A"]
    found = yoy.compare([row("A")], [row("A", net_effect=0.05)], 2025, 2026)
    assert [m.field for m in found.changed[0].moves] == ["net_effect"]


def test_stars_and_rating_count_as_changes() -> None:
    found = yoy.compare([row("A")], [row("A", evidence_stars=3, effect_rating="high")], 2025, 2026)
    assert [m.field for m in found.changed[0].moves] == ["evidence_stars", "effect_rating"]


def test_the_changes_table_writes_each_figure_as_every_view_does() -> None:
    table = present.changes_table(yoy.compare(BEFORE, AFTER, 2025, 2026), "da")
    assert list(table.columns) == ["Indsats", "Tal", "2025", "2026"]
    assert table.iloc[0].tolist() == ["Mentor", "Pris pr. deltager", "10.000 kr.", "12.000 kr."]


def test_the_tables_of_what_came_and_went_keep_names_as_text() -> None:
    after = [*AFTER, row("<b>fed</b>")]
    found = yoy.compare(BEFORE, after, 2025, 2026)
    table = present.listed_table(found.came, after, "da")
    assert isinstance(table, pd.DataFrame)
    assert table["Indsats"].tolist() == ["<b>fed</b>", "Ny"]


def test_an_arrow_goes_from_last_years_place_to_this_years() -> None:
    found = yoy.compare(BEFORE, AFTER, 2025, 2026)
    (arrow,) = present.moves(found)
    assert (arrow["x0"], arrow["y0"], arrow["x1"], arrow["y1"]) == (25000.0, 0.4, 30000.0, 0.4)
    spec = moves_chart([arrow], 2025, 2026, "da").to_dict()
    assert len(spec["layer"]) == 3


def test_no_arrow_without_a_price_per_job() -> None:
    found = yoy.compare([row("A")], [row("A", price_per_job=math.nan, job_rate=0.5)], 2025, 2026)
    assert present.moves(found) == []
