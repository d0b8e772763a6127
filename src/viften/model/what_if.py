"""The what-if table's edits as participants: a changed count wins, else changed kroner buy
whole participants. Plain numpy, so the budget page only reads the widget."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Rounded:
    """Kroner typed for an intervention that bought fewer whole participants than they pay."""

    index: int
    kroner: float
    """What was typed."""
    participants: int
    """The whole participants it buys."""


def participants_from(
    start_counts: np.ndarray,
    start_kroner: np.ndarray,
    counts: np.ndarray,
    kroner: np.ndarray,
    price: np.ndarray,
) -> tuple[np.ndarray, list[Rounded]]:
    """Participants per intervention after the edits, and the kroner that did not buy whole
    participants. A count below 0 is 0; kroner for a free intervention change nothing."""
    out = np.asarray(start_counts, dtype="float64").astype("int64")
    rounded = []
    changed = np.flatnonzero((counts != start_counts) | (kroner != start_kroner))
    for i in changed:
        if counts[i] != start_counts[i]:
            out[i] = max(0, int(round(counts[i])))
        elif kroner[i] != start_kroner[i] and price[i] > 0:
            out[i] = max(0, math.floor(kroner[i] / price[i] + 1e-9))
            if out[i] * price[i] != kroner[i]:
                rounded.append(Rounded(int(i), float(kroner[i]), int(out[i])))
    return out, rounded
