"""Caches keyed by the database file's version, so a rerun reads nothing that has not changed."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from viften.model import domain
from viften.store import db
from viften.store import views as figures
from viften.ui.state import database


@st.cache_resource(max_entries=16, show_spinner=False)
def _year_view(
    path: Path, version: tuple[int, int, int, int], year: int | None,
    value_per_job: float, effect_years: float,
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
    view = _year_view(path, db.data_version(path), year, value_per_job, effect_years)
    if year is not None and view.year not in view.years:
        return _year_view(path, db.data_version(path), None, value_per_job, effect_years)
    return view
