"""A name on a chart's axis is drawn whole: a 200-character name goes on over further lines,
and no label is cut with an ellipsis (Vega cut them at its label limit before)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import altair as alt
import pytest
from svg_text import drawn_texts

from viften.model import effects
from viften.model.allocator import Move
from viften.present import images
from viften.present.charts import benchmark, budget, case, labels
from viften.present.charts import effects as effect_charts
from viften.store import views

LONG = (
    "Integreret beskæftigelses- og sundhedsindsats for borgere med komplekse problemer, "
    "mentorstøtte, virksomhedspraktik og løntilskud i Randers, Favrskov og Norddjurs "
    "(forsøg 2026–2028)"
)
"""A name nearly as long as the store takes (200 characters)."""
UNBROKEN = "Jobafklaringsforløbsmentorordningsprojektet" * 3
"""One word longer than a line."""


def _whole(chart: alt.TopLevelMixin, names: list[str]) -> list[str]:
    """The names not drawn whole (or drawn cut) in the chart's picture."""
    texts = drawn_texts(images.render(chart).svg)
    assert not [text for text in texts if "…" in text], "a label is cut"
    # a label drawn over lines reads as its lines joined by spaces; a word split between two
    # lines has a space in it there, so the spaces are left out of the comparison
    drawn = ["".join(text.split()) for text in texts]
    return [name for name in names if not any("".join(name.split()) in text for text in drawn)]


def test_the_long_name_is_nearly_as_long_as_the_store_takes() -> None:
    assert 180 <= len(LONG) <= 200


def test_a_wrapped_name_keeps_every_character_and_keeps_its_lines_short() -> None:
    for name, chars in ((LONG, labels.LINE_CHARS), (UNBROKEN, 20), ("IPS", 44), ("Ab " * 20, 10)):
        lines = labels.wrapped(name, chars).split("\n")
        assert len(lines) <= labels.MOST_LINES
        assert all(len(line) <= max(chars, len(name) // 2) for line in lines)
        assert "".join(lines).replace(" ", "") == name.replace(" ", "")
    assert labels.wrapped("Ab " * 20, 10).count("\n") == labels.MOST_LINES - 1
    assert labels.wrapped("IPS") == "IPS"
    assert labels.row_px(["IPS"], 34) == 34
    assert labels.row_px([labels.wrapped(LONG)], 34) > 34


def test_the_budget_comparison_names_a_long_intervention_whole() -> None:
    moves = [
        Move(LONG, "further", 10, 20, 1e6, 2e6, 1.0, "budget_why_best"),
        Move(UNBROKEN, "cross", 3, 0, 3e5, 0.0, 0.2, "budget_why_best"),
        Move("IPS", "closer", 5, 5, 5e5, 5e5, 1.0, "budget_why_best"),
    ]
    assert _whole(budget.comparison_chart(moves), [LONG, UNBROKEN, "IPS"]) == []


def test_the_case_split_names_a_long_intervention_whole() -> None:
    rows: list[dict[str, Any]] = [
        {
            "name": name,
            "payer": payer,
            "gain": gain,
            "gain_text": f"{gain:.0f} kr.",
            "price": 50_000.0,
            "price_text": "50.000 kr.",
            "order": order,
        }
        for name in (LONG, "IPS")
        for order, (payer, gain) in enumerate(
            (("Kommunen", 60_000.0), ("Staten", 30_000.0), ("Andre kommuner", 1_000.0))
        )
    ]
    assert _whole(case.split_chart(rows, "2026 · 2 indsatser"), [LONG, "IPS"]) == []


def test_the_interval_chart_names_a_long_intervention_whole(demo_database: Path) -> None:
    frame = views.load_year(demo_database).frame.reset_index(drop=True)
    dist = effects.effect_distributions(frame)
    names = [str(n) for n in frame["name"]]
    shown = [i for i, basis in enumerate(dist.basis) if basis != "none"]
    names[shown[0]] = LONG
    chart = effect_charts.interval_chart(names, dist, "da")
    assert _whole(chart, [names[i] for i in shown]) == []


@pytest.mark.parametrize("name", [LONG, UNBROKEN])
def test_the_benchmark_forest_names_a_long_intervention_whole(name: str) -> None:
    member = {
        "municipality": "Randers",
        "name": name,
        "net_effect": 0.1,
        "net_effect_ci_low": 0.02,
        "net_effect_ci_high": 0.18,
        "shrunken_effect": 0.09,
    }
    other = {**member, "municipality": "Aarhus", "name": "IPS"}
    obj = {
        "members": [member, other],
        "pooled_effect": 0.08,
        "pooled_ci_low": 0.03,
        "pooled_ci_high": 0.13,
    }
    assert _whole(benchmark.forest_chart(obj), [f"Randers – {name}"]) == []
