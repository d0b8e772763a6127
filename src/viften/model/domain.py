"""The intervention and the figures derived from it, in plain Python.

Everything here is pure: no database, no Streamlit. The definitions follow
../shared/interface.md ("Derived figures") exactly; a figure that is undefined
(no comparison group, no extra effect, a zero job rate) is None, never an
error or infinity, and `unavailable_reason` says why in words the UI can show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_VALUE_PER_JOB = 260_000.0
"""Kroner a year that a kontanthjælp recipient in a full-time job improves public finances by
(FH/Ritzau 11-03-2024, R18 in shared/reference/sources.md)."""

DEFAULT_EFFECT_YEARS = 1.0
"""Years the extra effect is assumed to last in the business case."""


class TargetGroup(StrEnum):
    """Who an intervention is for, measured by distance to the labour market."""

    CLOSER = "closer"
    FURTHER = "further"
    CROSS = "cross"


class ProviderType(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class EffectRating(StrEnum):
    """The administration's overall judgement of effect and evidence for the target group."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


EVIDENCE_STARS = (1, 2, 3)


@dataclass(frozen=True)
class Column:
    """One column of the interventions file (interface.md)."""

    name: str
    """The English name, also the database column."""
    danish: str
    """The Danish alias accepted in a header."""
    required: bool
    kind: str
    """How a cell is read: text, year, target_group, provider_type, money, count, rate,
    stars, effect_rating, positive, benefit, weeks or flag."""
    empty: Any = None
    """What an empty cell stores: None (no value), or a default (`mandatory`: no)."""


COLUMNS: tuple[Column, ...] = (
    Column("name", "navn", True, "text"),
    Column("year", "år", False, "year"),
    Column("target_group", "målgruppe", True, "target_group"),
    Column("provider", "leverandør", False, "text"),
    Column("provider_type", "leverandørtype", False, "provider_type"),
    Column("price_per_participant", "pris pr. deltager", True, "money"),
    Column("capacity", "kapacitet", False, "count"),
    Column("participants", "deltagere", False, "count"),
    Column("job_rate", "jobandel", True, "rate"),
    Column("control_job_rate", "kontrolgruppens jobandel", False, "rate"),
    Column("evidence_stars", "evidens", True, "stars"),
    Column("effect_rating", "effektvurdering", False, "effect_rating"),
    Column("duration_weeks", "varighed (uger)", False, "positive"),
    Column("description", "beskrivelse", False, "text"),
    Column("source", "kilde", False, "text"),
    Column("benefit", "ydelse", False, "benefit"),
    Column("weeks_on_benefit", "uger på ydelse", False, "weeks"),
    Column("persistence", "holdbarhed", False, "rate"),
    Column("mandatory", "lovpligtig", False, "flag", empty=False),
    Column("municipality", "kommune", False, "text"),
    Column("kind", "indsatstype", False, "text"),
)
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
COLUMNS_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}

DERIVED_NAMES: tuple[str, ...] = (
    "price_per_job",
    "net_effect",
    "price_per_additional_job",
    "benefit_cost_ratio",
    "break_even_effect",
)

OUTCOME_NAMES: tuple[str, ...] = (
    "n_treatment",
    "n_control",
    "net_effect_ci_low",
    "net_effect_ci_high",
    "rates_from",
)


def kind_key(kind: Any) -> str | None:
    """How two kinds of intervention are compared (interface.md: case-insensitively, surrounding
    spaces ignored); None for no kind. The kind itself is stored as written."""
    if kind is None or (isinstance(kind, float) and math.isnan(kind)):
        return None
    key = str(kind).strip().casefold()
    return key or None


def municipality_key(municipality: Any) -> str:
    """How `--municipality M` and the sidebar's switch match a stored municipality: as a kind
    is matched (any case, surrounding spaces ignored). The name is stored as written."""
    return "" if municipality is None else str(municipality).strip().casefold()


# --- the derived figures, one value at a time ---------------------------------------------


def _finite(value: float) -> float | None:
    """A quotient that overflowed (a share of almost nothing) is not available, not infinite."""
    return value if math.isfinite(value) else None


def price_per_job(price: float, job_rate: float) -> float | None:
    """Kroner per participant in job: price / job rate; None where the job rate is 0."""
    if job_rate is None or job_rate <= 0:
        return None
    return _finite(price / job_rate)


def net_effect(job_rate: float, control_job_rate: float | None) -> float | None:
    """The extra effect: job rate minus the comparison group's; None without one."""
    if control_job_rate is None:
        return None
    return job_rate - control_job_rate


def price_per_additional_job(price: float, effect: float | None) -> float | None:
    """Kroner per extra job over the comparison group; None where the extra effect is ≤ 0."""
    if effect is None or effect <= 0:
        return None
    return _finite(price / effect)


def benefit_cost_ratio(
    price: float, effect: float | None, value_per_job: float, effect_years: float
) -> float | None:
    """Public-finance benefit per krone spent; None without extra effect or at price 0."""
    if effect is None or price == 0:
        return None
    return _finite(effect * value_per_job * effect_years / price)


def break_even_effect(price: float, value_per_job: float, effect_years: float) -> float | None:
    """The extra effect at which the intervention pays for itself."""
    if value_per_job * effect_years <= 0:
        return None
    return _finite(price / (value_per_job * effect_years))


def unavailable_reason(figure: str, row: dict[str, Any]) -> str | None:
    """A text key saying why `figure` is missing for this row, or None when it is there."""
    price = row.get("price_per_participant")
    job_rate = row.get("job_rate")
    control = row.get("control_job_rate")
    effect = None if control is None or job_rate is None else job_rate - control
    if figure == "price_per_job":
        return "reason_zero_job_rate" if not job_rate else None
    if figure in ("control_job_rate", "net_effect", "net_effect_ci_low", "net_effect_ci_high"):
        return "reason_no_control" if control is None else None
    if figure == "price_per_additional_job":
        if control is None:
            return "reason_no_control"
        return "reason_no_extra_effect" if effect is not None and effect <= 0 else None
    if figure == "benefit_cost_ratio":
        if control is None:
            return "reason_no_control"
        return "reason_zero_price" if price == 0 else None
    # the budget case (interface.md): asked only where the figure is missing
    if figure in ("case_npv", "case_payback", "kommune_npv_per_krone") and control is None:
        return "reason_no_control"
    if figure == "kommune_npv_per_krone":
        return "reason_zero_price" if price == 0 else None
    if figure == "case_payback":
        return "reason_no_payback"
    if figure == "case_break_even":
        return "reason_no_gain"
    if figure == "case_wrong_pocket":
        return "reason_no_public_gain"
    return None


# --- the derived figures for a whole table ------------------------------------------------


def derive(
    frame: pd.DataFrame,
    value_per_job: float = DEFAULT_VALUE_PER_JOB,
    effect_years: float = DEFAULT_EFFECT_YEARS,
) -> pd.DataFrame:
    """Add the derived figures of interface.md to a table of interventions.

    The table needs price_per_participant, job_rate and control_job_rate; undefined
    figures are missing (NaN), exactly where the scalar functions above return None.
    """
    import numpy as np

    out = frame.copy()
    price = out["price_per_participant"].astype("float64").to_numpy()
    rate = out["job_rate"].astype("float64").to_numpy()
    control = out["control_job_rate"].astype("float64").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        effect = rate - control
        out["price_per_job"] = np.where(rate > 0, price / rate, np.nan)
        out["net_effect"] = effect
        out["price_per_additional_job"] = np.where(effect > 0, price / effect, np.nan)
        out["benefit_cost_ratio"] = np.where(
            price != 0, effect * value_per_job * effect_years / price, np.nan
        )
        scale = value_per_job * effect_years
        out["break_even_effect"] = price / scale if scale > 0 else np.nan
        for name in DERIVED_NAMES:
            # an overflow (a share of almost nothing) is not available, never infinite
            out[name] = out[name].where(np.isfinite(out[name].to_numpy(dtype="float64")))
    return out


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts of Python values, None for every missing one (for JSON and the UI)."""
    plain = frame.astype(object).where(frame.notna(), None)
    return [
        {str(k): (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
        for row in plain.to_dict(orient="records")
    ]
