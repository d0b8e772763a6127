"""The interventions of a year with every derived figure: what `list` prints and pages show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viften.model import domain
from viften.store import db
from viften.store import interventions as store

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class YearView:
    """One year's interventions, derived figures included."""

    year: int | None
    """None when the database holds no interventions at all."""
    years: tuple[int, ...]
    """Every year in the database, newest first."""
    frame: pd.DataFrame


def add_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """95 % intervals for the extra effect where outcome records give counts for both groups."""
    from viften.model.effects import newcombe_interval

    low, high = newcombe_interval(
        frame["k_treatment"].to_numpy(dtype="float64"),
        frame["n_treatment"].to_numpy(dtype="float64"),
        frame["k_control"].to_numpy(dtype="float64"),
        frame["n_control"].to_numpy(dtype="float64"),
    )
    out = frame.copy()
    out["net_effect_ci_low"] = low
    out["net_effect_ci_high"] = high
    return out


def derived(
    frame: pd.DataFrame,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
) -> pd.DataFrame:
    return add_intervals(domain.derive(frame, value_per_job, effect_years))


def years(path: Path) -> tuple[int, ...]:
    """The years the database holds, newest first."""
    with db.connect(path) as con:
        return tuple(store.years(con))


def load_year(
    path: Path,
    year: int | None = None,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
) -> YearView:
    """One year's interventions (the newest when `year` is None), read in one short visit."""
    with db.connect(path) as con:
        every_year = tuple(store.years(con))
        chosen = year if year is not None else (every_year[0] if every_year else None)
        frame = store.interventions(con, chosen if chosen is not None else 0)
    return YearView(chosen, every_year, derived(frame, value_per_job, effect_years))
