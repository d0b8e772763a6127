"""Caches keyed by the database file's version, so a rerun reads nothing that has not changed."""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from viften.actions import settings, users
from viften.model import domain
from viften.model import filters as flt
from viften.model.assumptions import Assumptions
from viften.model.case import PayerSpread, payer_spread
from viften.present import case as present_case
from viften.store import db
from viften.store import views as figures
from viften.ui.state import database

_DIGESTS: dict[int, str] = {}


def frame_digest(frame: pd.DataFrame) -> str:
    """The content's digest of a frame, computed once per frame object: the pages' frames
    are read-only, and a cache that is asked about the same frame several times a run (the
    budget's solves) hashed all of it each time. For `hash_funcs` of `st.cache_data`."""
    found = _DIGESTS.get(id(frame))
    if found is None:
        rows = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
        shape = repr((list(frame.columns), [str(t) for t in frame.dtypes])).encode()
        found = hashlib.sha256(rows + shape).hexdigest()
        _DIGESTS[id(frame)] = found
        weakref.finalize(frame, _DIGESTS.pop, id(frame), None)
    return found


FRAME_HASH: dict[str | type[Any], Callable[[Any], Any]] = {pd.DataFrame: frame_digest}
"""`hash_funcs` for caches whose arguments are the pages' frames."""


@st.cache_resource(max_entries=16, show_spinner=False)
def _year_view(
    path: Path,
    version: tuple[int, int, int, int],
    year: int | None,
    value_per_job: float,
    effect_years: float,
) -> figures.YearView:
    return figures.load_year(path, year, value_per_job, effect_years)


def year_view(
    year: int | None = None,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
) -> figures.YearView:
    """The interventions of `year` (None: the newest) with every derived figure.

    The frame is shared between sessions: treat it as read-only (copy before changing it).
    """
    path = database()
    version = db.data_version(path)
    held = _years(path, version)
    # None and the newest year are one view: read it once, whichever a page asks for
    chosen = year if year in held else (held[0] if held else None)
    return _year_view(path, version, chosen, value_per_job, effect_years)


@st.cache_resource(max_entries=16, show_spinner=False)
def _years(path: Path, version: tuple[int, int, int, int]) -> tuple[int, ...]:
    return figures.years(path)


# --- the budget case ---------------------------------------------------------------------------


@st.cache_resource(max_entries=16, show_spinner=False)
def _year_assumptions(
    path: Path, version: tuple[int, int, int, int], year: int | None
) -> Assumptions:
    # the committee's module brings the deck's and the allocator's code: the landing page
    # needs neither, so it is loaded when a page first asks for assumptions
    from viften.actions import committee

    return committee.case_assumptions(path, year)


def year_assumptions(year: int | None) -> Assumptions:
    """The assumptions of a fan year, read once per version of the database."""
    path = database()
    return _year_assumptions(path, db.data_version(path), year)


Assumed = tuple[tuple[str, float], ...]
"""Assumed extra effects to try, by name (hashable, for the caches)."""


@st.cache_resource(max_entries=16, show_spinner=False)
def _case_view(
    path: Path,
    version: tuple[int, int, int, int],
    year: int | None,
    filters: flt.Filters,
    assumed: Assumed,
) -> present_case.CaseView:
    view = year_view(year)
    shown = flt.apply(view.frame, filters).reset_index(drop=True)
    return present_case.case_view(shown, _year_assumptions(path, version, view.year), dict(assumed))


def case_view(
    year: int | None, filters: flt.Filters, assumed: Assumed = ()
) -> present_case.CaseView:
    """The budget case of the interventions in view (shared between sessions: read-only)."""
    path = database()
    return _case_view(path, db.data_version(path), year, filters, assumed)


SPREAD_SEED = 2026
"""The Monte Carlo's seed: the same figures on every rerun."""


@st.cache_resource(max_entries=16, show_spinner=False)
def _payer_spread(
    path: Path,
    version: tuple[int, int, int, int],
    year: int | None,
    filters: flt.Filters,
    assumed: Assumed,
) -> PayerSpread:
    from viften.model import effects

    view = _case_view(path, version, year, filters, assumed)
    dist = effects.effect_distributions(view.frame)
    return payer_spread(view.case, dist, seed=SPREAD_SEED)


def case_spread(year: int | None, filters: flt.Filters, assumed: Assumed = ()) -> PayerSpread:
    """Each payer's chance of a net gain and cautious P10 over the effect's uncertainty."""
    path = database()
    return _payer_spread(path, db.data_version(path), year, filters, assumed)


# --- the benchmark -----------------------------------------------------------------------------


@st.cache_resource(max_entries=16, show_spinner=False)
def _benchmarks(
    path: Path, version: tuple[int, int, int, int], year: int | None, municipality: str | None
) -> tuple[int | None, list[dict[str, object]]]:
    from viften.model import benchmark

    view = year_view(year)
    return view.year, benchmark.benchmarks(domain.records(view.frame), municipality=municipality)


def benchmarks(
    year: int | None, municipality: str | None = None
) -> tuple[int | None, list[dict[str, object]]]:
    """The year's benchmark objects (shared between sessions: read-only) and the year."""
    path = database()
    return _benchmarks(path, db.data_version(path), year, municipality)


# --- the accounts and the municipality's name --------------------------------------------------


@st.cache_resource(max_entries=4, show_spinner=False)
def _has_accounts(path: Path, version: tuple[int, int, int, int]) -> bool:
    return bool(users.accounts(path))


def has_accounts() -> bool:
    """Anyone has an account: asked by the sidebar on every run, read once per version of
    the database (opening it cost a third of a rerun)."""
    path = database()
    return _has_accounts(path, db.data_version(path))


@st.cache_resource(max_entries=8, show_spinner=False)
def _municipality(path: Path, version: tuple[int, int, int, int], lang: str) -> str:
    return settings.municipality(path, lang)


def municipality(lang: str) -> str:
    """The municipality's name as stored (`viften.actions.settings.municipality`), read once
    per version of the database."""
    path = database()
    return _municipality(path, db.data_version(path), lang)
