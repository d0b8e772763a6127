"""The budget page's chart of the moves: current beside optimal per intervention."""

from __future__ import annotations

from viften.model.allocator import Move
from viften.present.charts import budget as charts


def _move(name: str, before: float, after: float) -> Move:
    return Move(name, "closer", 1, 1, before, after, None, "budget_why_kept")


def test_the_bars_are_ordered_by_the_larger_of_their_two_amounts_through_the_data() -> None:
    moves = [_move("Lille", 1e5, 2e5), _move("Stor", 9e5, 0.0), _move("Mellem", 3e5, 4e5)]
    spec = charts.comparison_chart(moves).to_dict()
    ranks = {row["name"]: row["rank"] for row in spec["data"]["values"]}
    assert sorted(ranks, key=ranks.__getitem__) == ["Stor", "Mellem", "Lille"]
    assert spec["encoding"]["y"]["sort"] == {"field": "rank", "op": "min"}
