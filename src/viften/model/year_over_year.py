"""One fan year against another: what came, what went, and what changed in price, effect
and stars. Pure: rows in (as `store.views` derives them), a comparison out."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

COMPARED = (
    "price_per_participant",
    "price_per_job",
    "job_rate",
    "net_effect",
    "evidence_stars",
    "effect_rating",
)
"""The figures whose change the page reports, in this order."""

Key = tuple[str, ...]


def key(row: Mapping[str, Any]) -> Key:
    """What makes an intervention the same one in two years: its name (issue 14 adds the
    municipality: change this one function)."""
    return (str(row["name"]),)


@dataclass(frozen=True)
class Move:
    """One figure of one intervention that is not what it was."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Changed:
    name: str
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    moves: tuple[Move, ...]


@dataclass
class YearComparison:
    """`before` against `after`, each list by name."""

    before_year: int
    after_year: int
    came: list[str] = field(default_factory=list)
    """In `after` only."""
    went: list[str] = field(default_factory=list)
    """In `before` only."""
    changed: list[Changed] = field(default_factory=list)
    same: list[str] = field(default_factory=list)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _differs(before: Any, after: Any) -> bool:
    if _missing(before) or _missing(after):
        return _missing(before) != _missing(after)
    if isinstance(before, int | float) and isinstance(after, int | float):
        return abs(float(before) - float(after)) > 1e-9 * max(1.0, abs(float(before)))
    return bool(before != after)


def compare(
    before: Iterable[Mapping[str, Any]],
    after: Iterable[Mapping[str, Any]],
    before_year: int,
    after_year: int,
    fields: Sequence[str] = COMPARED,
) -> YearComparison:
    """The comparison of two years' interventions (rows with at least name and `fields`)."""
    old = {key(r): r for r in before}
    new = {key(r): r for r in after}
    result = YearComparison(before_year, after_year)
    for k in sorted(new.keys() - old.keys()):
        result.came.append(str(new[k]["name"]))
    for k in sorted(old.keys() - new.keys()):
        result.went.append(str(old[k]["name"]))
    for k in sorted(old.keys() & new.keys()):
        first, second = old[k], new[k]
        moves = tuple(
            Move(f, first.get(f), second.get(f))
            for f in fields
            if _differs(first.get(f), second.get(f))
        )
        if moves:
            result.changed.append(Changed(str(second["name"]), first, second, moves))
        else:
            result.same.append(str(second["name"]))
    return result
