"""The fan's shade by the kommune's net gain per krone (the budget case) instead of the price."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from viften.model import domain
from viften.model.assumptions import DEFAULT
from viften.present import case as present
from viften.present import fan
from viften.present.charts import fan as fan_charts


def frame() -> pd.DataFrame:
    rows = pd.DataFrame(
        [
            {
                "name": "Mest igen",
                "target_group": "closer",
                "price_per_participant": 9_000.0,
                "job_rate": 0.40,
                "control_job_rate": 0.30,
                "evidence_stars": 3,
                "effect_rating": "high",
            },
            {
                "name": "Lidt igen",
                "target_group": "closer",
                "price_per_participant": 60_000.0,
                "job_rate": 0.40,
                "control_job_rate": 0.30,
                "evidence_stars": 2,
                "effect_rating": "high",
            },
            {
                "name": "Ingen case",
                "target_group": "further",
                "price_per_participant": 5_000.0,
                "job_rate": 0.40,
                "control_job_rate": math.nan,
                "evidence_stars": 1,
                "effect_rating": "low",
            },
        ]
    )
    return present.with_gain_per_krone(domain.derive(rows), DEFAULT)


def tiles(layout: fan.FanLayout) -> dict[str, fan.Tile]:
    return {tile.name: tile for tile in layout.tiles}


def test_the_most_back_per_krone_is_the_lightest_tile() -> None:
    placed = tiles(fan.layout(frame(), "da", grade="kommune"))
    assert placed["Mest igen"].shade == 0.0 and placed["Lidt igen"].shade == 1.0
    by_price = tiles(fan.layout(frame(), "da"))
    # by price the cheapest is lightest: here "Ingen case", which has no case to grade
    assert by_price["Ingen case"].shade == 0.0


def test_a_tile_without_a_case_is_white_with_a_dash_and_its_tooltip_says_why() -> None:
    layout = fan.layout(frame(), "da", grade="kommune")
    tile = tiles(layout)["Ingen case"]
    assert tile.shade is None and tile.fill == fan.MISSING_FILL
    assert tile.detail.endswith("–")
    rows = {
        row["key"]: row for row in fan_charts.spec_from_layout(layout, "da")["datasets"]["tiles"]
    }
    assert rows["Ingen case"]["tt_kommune"] == "– (ingen kontrolgruppe)"
    assert rows["Mest igen"]["tt_kommune"] == tiles(layout)["Mest igen"].detail.split("  ")[1]


def test_the_tile_shows_the_gain_per_krone_in_danish_kroner() -> None:
    tile = tiles(fan.layout(frame(), "da", grade="kommune"))["Mest igen"]
    value = frame().set_index("name").loc["Mest igen", present.PER_KRONE_COLUMN]
    assert tile.detail == f"★★★  {value:.2f} kr.".replace(".", ",", 1)


def test_the_legend_says_what_the_shade_means() -> None:
    words = [label.text for label in fan.layout(frame(), "da", grade="kommune").labels]
    assert "(Farvetone: jo lysere, jo mere får kommunen igen)" in words
    assert "mest" in words and "mindst" in words
    english = [label.text for label in fan.layout(frame(), "en", grade="kommune").labels]
    assert "(Shade: the lighter, the more the kommune gets back)" in english


def test_an_unknown_grade_is_refused() -> None:
    with pytest.raises(ValueError, match="grade"):
        fan.layout(frame(), "da", grade="jobs")


def test_without_the_column_the_tooltip_leaves_the_gain_out() -> None:
    layout = fan.layout(frame().drop(columns=[present.PER_KRONE_COLUMN]), "da")
    rows = fan_charts.spec_from_layout(layout, "da")["datasets"]["tiles"]
    assert {row["tt_kommune"] for row in rows} == {""}
