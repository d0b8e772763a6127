"""A shared pool across kommuner, read back per kommune: what each one got, and whether its
minimum decided that.

The allocator spends the pool (`Request.min_municipality_shares` makes each kommune's minimum
a constraint); this module only splits its answer by kommune and asks, for a kommune that got
no more than its minimum, whether the pool would buy more without that minimum (then it binds).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from viften.model import allocator
from viften.model.allocator import Interventions, Result
from viften.model.domain import municipality_key


@dataclass(frozen=True)
class KommuneShare:
    """One kommune's part of a pool's allocation."""

    municipality: str
    """As stored (the database's own is "" where it has no name)."""
    minimum: float
    """Kroner it must get at least (its share × the pool); 0 without a minimum."""
    spend: float
    """Kroner the allocation spends on its interventions."""
    participants: int
    extra_jobs: float
    """Participants × extra effect (an assumed effect counts, as the allocator counts it)."""
    binds: bool
    """The minimum limits the pool: without it the objective would be better."""


def municipalities(data: Interventions) -> tuple[str, ...]:
    """The kommuner of `data`, each once (as first written), in alphabetical order."""
    if data.municipality is None:
        return ()
    seen: dict[str, str] = {}
    for name in data.municipality:
        seen.setdefault(municipality_key(name), str(name))
    return tuple(sorted(seen.values(), key=municipality_key))


def shares_from_minimums(
    budget: float, minimums: Mapping[str, float], as_amounts: bool
) -> dict[str, float]:
    """Each kommune's minimum as a share of the pool: as typed, or an amount in kroner divided
    by the pool (above 1 when the amount is above the pool; `Request.of` refuses that)."""
    if not as_amounts:
        return {place: float(value) for place, value in minimums.items() if value > 0}
    if budget <= 0:
        return {place: 1.0 + float(value) for place, value in minimums.items() if value > 0}
    return {place: float(value) / budget for place, value in minimums.items() if value > 0}


def split(
    data: Interventions, result: Result, places: Sequence[str] | None = None
) -> tuple[KommuneShare, ...]:
    """The optimal `result` for `data` per kommune (`places`, or every kommune of the data)."""
    request = result.request
    participants = np.asarray(result.participants, dtype="float64")
    keys = (
        np.array([municipality_key(m) for m in data.municipality], dtype=object)
        if data.municipality is not None
        else np.full(len(data), "", dtype=object)
    )
    extra = data.jobs_per_participant("net") * participants
    minimums = {municipality_key(p): s for p, s in request.min_municipality_shares}
    out = []
    for place in places if places is not None else municipalities(data):
        key = municipality_key(place)
        mine = keys == key
        spend = float(np.sum(data.price[mine] * participants[mine]))
        minimum = minimums.get(key, 0.0) * request.budget
        out.append(
            KommuneShare(
                municipality=place,
                minimum=minimum,
                spend=spend,
                participants=int(np.sum(participants[mine])),
                extra_jobs=float(np.sum(extra[mine])),
                binds=_binds(data, result, key, mine, minimum, spend),
            )
        )
    return tuple(out)


def _binds(
    data: Interventions, result: Result, key: str, mine: np.ndarray, minimum: float, spend: float
) -> bool:
    """A minimum binds when the kommune got no more than it (less than one more participant of
    its dearest intervention above it) and the pool without it buys more."""
    if minimum <= 0 or result.status != allocator.OPTIMAL:
        return False
    dearest = float(np.max(data.price[mine])) if mine.any() else 0.0
    if spend > minimum + max(dearest, allocator.tolerance(result.budget)):
        return False
    request = result.request
    kept = tuple((p, s) for p, s in request.min_municipality_shares if municipality_key(p) != key)
    relaxed = allocator.optimise(data, replace(request, min_municipality_shares=kept))
    if relaxed.status != allocator.OPTIMAL:
        return False
    gain = relaxed.objective_value - result.objective_value
    noise = 1.0 if request.objective in allocator.NPV_OBJECTIVES else 1e-6
    return gain > noise
