"""The benchmark: the same kind of intervention across municipalities, pooled with a
random-effects model (DerSimonian and Laird), and each municipality's estimate shrunken
towards the pool.

Why it exists: an IPS measured on 24 people in one kommune and on 300 in another cannot be
read side by side as they are; the pool says what the kind does on average, tau² how much
the kommuner really differ, and the shrunken estimate what a small kommune's own figure is
worth once the others' are taken into account. The definitions are interface.md's ("Many
municipalities") exactly; everything here is numpy over plain arrays, no files, no words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from viften.model.domain import kind_key, municipality_key

if TYPE_CHECKING:
    import pandas as pd

Z_95 = 1.959964
"""The normal quantile of a two-sided 95 % interval, as interface.md writes it."""

HIGH_I2 = 0.75
"""I² from here on: the kommuner's results differ a lot (Higgins et al. 2003, BMJ 327:557,
"low, moderate and high" at 25, 50 and 75 %)."""
MODERATE_I2 = 0.50
LOW_I2 = 0.25


@dataclass(frozen=True)
class Pooled:
    """A DerSimonian–Laird pool of k estimates."""

    k: int
    pooled_effect: float
    pooled_ci_low: float
    pooled_ci_high: float
    tau2: float
    """The spread of the true effects between municipalities (variance, effect² units)."""
    i2: float
    """The share of the spread seen that is real rather than chance, 0 to 1."""
    q: float
    """Cochran's Q around the fixed-effect mean."""
    fixed_effect: float
    """θ_F, the fixed-effect (inverse-variance) mean."""
    shrunken: tuple[float, ...]
    """B_j × pooled + (1 − B_j) × θ_j for each estimate, in the order given."""
    weights: tuple[float, ...]
    """The random-effects weights w*_j = 1 / (v_j + tau²)."""


def variance_from_interval(low: float, high: float) -> float:
    """v = ((high − low) / (2 × 1.959964))²: the variance a 95 % interval stands for."""
    return ((high - low) / (2 * Z_95)) ** 2


def dersimonian_laird(effects: Sequence[float], variances: Sequence[float]) -> Pooled:
    """Pool estimates θ_j with variances v_j > 0 (interface.md, "Many municipalities")."""
    import numpy as np

    theta = np.asarray(effects, dtype="float64")
    v = np.asarray(variances, dtype="float64")
    if theta.shape != v.shape or theta.size == 0:
        raise ValueError("one variance per estimate, and at least one estimate")
    if not np.all(v > 0):
        raise ValueError("every variance must be above 0")
    k = int(theta.size)
    w = 1.0 / v
    fixed = float(np.sum(w * theta) / np.sum(w))
    q = float(np.sum(w * (theta - fixed) ** 2))
    c = float(np.sum(w) - np.sum(w**2) / np.sum(w))
    tau2 = max(0.0, (q - (k - 1)) / c) if c > 0 else 0.0
    w_star = 1.0 / (v + tau2)
    pooled = float(np.sum(w_star * theta) / np.sum(w_star))
    half = Z_95 / math.sqrt(float(np.sum(w_star)))
    i2 = max(0.0, (q - (k - 1)) / q) if q > 0 else 0.0
    b = v / (v + tau2)
    shrunken = b * pooled + (1.0 - b) * theta
    return Pooled(
        k=k,
        pooled_effect=pooled,
        pooled_ci_low=pooled - half,
        pooled_ci_high=pooled + half,
        tau2=tau2,
        i2=i2,
        q=q,
        fixed_effect=fixed,
        shrunken=tuple(float(x) for x in shrunken),
        weights=tuple(float(x) for x in w_star),
    )


def i2_level(i2: float) -> str:
    """'high', 'moderate', 'low' or 'none': how much the municipalities' results differ."""
    if i2 >= HIGH_I2:
        return "high"
    if i2 >= MODERATE_I2:
        return "moderate"
    if i2 >= LOW_I2:
        return "low"
    return "none"


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _price_per_additional_job(price: float | None, effect: float) -> float | None:
    if price is None or effect <= 0:
        return None
    value = price / effect
    return value if math.isfinite(value) else None


def _measured(row: dict[str, Any]) -> bool:
    """Outcome records in both groups, and an interval to weigh the estimate by."""
    low, high = _number(row.get("net_effect_ci_low")), _number(row.get("net_effect_ci_high"))
    return (
        int(row.get("n_treatment") or 0) > 0
        and int(row.get("n_control") or 0) > 0
        and _number(row.get("net_effect")) is not None
        and low is not None
        and high is not None
        and high > low
    )


def benchmarks(
    rows: Sequence[dict[str, Any]],
    kind: str | None = None,
    municipality: str | None = None,
) -> list[dict[str, Any]]:
    """The benchmark objects of interface.md for rows of `list --json` form (one year).

    One object per kind that at least two municipalities measured (outcome records in both
    groups), in order of the kind as compared. `kind` keeps only that kind (matched as the
    column is); `municipality` only the kinds that municipality takes part in. Each object
    also lists its interventions without such records in `unpooled`.
    """
    wanted = kind_key(kind) if kind is not None else None
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        key = kind_key(row.get("kind"))
        if key is None or (wanted is not None and key != wanted):
            continue
        by_kind.setdefault(key, []).append(row)
    objects = []
    for key in sorted(by_kind):
        ordered = sorted(
            by_kind[key], key=lambda r: (str(r.get("municipality") or ""), str(r["name"]))
        )
        members = [r for r in ordered if _measured(r)]
        places = {str(r.get("municipality") or "") for r in members}
        if len(places) < 2:
            continue
        if municipality is not None and municipality_key(municipality) not in {
            municipality_key(p) for p in {str(r.get("municipality") or "") for r in ordered}
        }:
            continue
        objects.append(_object(members, [r for r in ordered if not _measured(r)]))
    return objects


def _object(members: list[dict[str, Any]], unpooled: list[dict[str, Any]]) -> dict[str, Any]:
    theta = [float(r["net_effect"]) for r in members]
    v = [variance_from_interval(r["net_effect_ci_low"], r["net_effect_ci_high"]) for r in members]
    pool = dersimonian_laird(theta, v)
    total = sum(pool.weights)
    return {
        "kind": str(members[0]["kind"]).strip(),
        "k": pool.k,
        "pooled_effect": pool.pooled_effect,
        "pooled_ci_low": pool.pooled_ci_low,
        "pooled_ci_high": pool.pooled_ci_high,
        "tau2": pool.tau2,
        "i2": pool.i2,
        "q": pool.q,
        "municipalities": len({str(r.get("municipality") or "") for r in members}),
        "members": [
            {
                "municipality": row.get("municipality") or "",
                "name": row["name"],
                "net_effect": effect,
                "net_effect_ci_low": float(row["net_effect_ci_low"]),
                "net_effect_ci_high": float(row["net_effect_ci_high"]),
                "variance": variance,
                "weight": weight / total,
                "shrunken_effect": shrunk,
                "price_per_participant": _number(row.get("price_per_participant")),
                "price_per_additional_job": _price_per_additional_job(
                    _number(row.get("price_per_participant")), effect
                ),
                "price_per_additional_job_shrunken": _price_per_additional_job(
                    _number(row.get("price_per_participant")), shrunk
                ),
                "evidence_stars": row.get("evidence_stars"),
                "job_rate": _number(row.get("job_rate")),
                "participants": _number(row.get("participants")),
                "n_treatment": int(row.get("n_treatment") or 0),
                "n_control": int(row.get("n_control") or 0),
            }
            for row, effect, variance, weight, shrunk in zip(
                members, theta, v, pool.weights, pool.shrunken, strict=True
            )
        ],
        "unpooled": [
            {"municipality": row.get("municipality") or "", "name": row["name"]} for row in unpooled
        ],
    }


def members_frame(objects: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """One row per member of every object, with its kind's pool beside it (for charts)."""
    import pandas as pd

    rows = [
        {
            **member,
            "kind": obj["kind"],
            "pooled_effect": obj["pooled_effect"],
            "pooled_ci_low": obj["pooled_ci_low"],
            "pooled_ci_high": obj["pooled_ci_high"],
        }
        for obj in objects
        for member in obj["members"]
    ]
    return pd.DataFrame(rows)
