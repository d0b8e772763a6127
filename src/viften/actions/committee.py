"""The committee's material, read from the database: what `report --out` writes and
presentation mode shows.

`viften.present.report` builds the views and the deck from what it is given; this module
gives it the year's interventions, a saved scenario and the municipality's name.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viften.actions import assumptions, database, settings
from viften.model.assumptions import DEFAULT, Assumptions
from viften.model.errors import BadInput
from viften.model.filters import Filters
from viften.present import report
from viften.store import db, scenarios
from viften.store import views as figures


def load_scenario(path: Path, name: str, year: int | None) -> scenarios.Scenario:
    """A saved scenario of the year, read from the database."""
    if year is None:
        raise BadInput(f"there is no scenario called {name!r}: the database has no year")
    with db.connect(database.ensure(path)) as con:
        return scenarios.load(con, name, year)


def case_assumptions(path: Path, year: int | None) -> Assumptions:
    """The assumptions of a fan year's budget case (the defaults for no year): the one place
    the deck and the app read them."""
    if year is None:
        return DEFAULT
    return assumptions.for_year(path, year)


def committee_material(
    path: Path,
    year: int | None = None,
    lang: str = "da",
    filters: Filters | None = None,
    scenario: str | None = None,
    made_on: dt.date | None = None,
    box: tuple[float, float] = report.SLIDE_CHART_BOX,
    exact_limit: int | None = None,
    *,
    view: figures.YearView | None = None,
    missing_scenario_as_optimal: bool = False,
) -> report.Committee:
    """Everything the deck shows for `year` (None: the newest), read from the database.

    `filters` narrow the interventions in the fans and the table (see
    `report.committee_from`). `scenario` names a saved scenario of the year to show against
    the current allocation instead of the optimal one; one that is not there is an error,
    or, with `missing_scenario_as_optimal` (a screen showing a choice someone else has just
    deleted), the optimal allocation. `view` is the year as the caller has read it already.
    """
    loaded = view if view is not None else figures.load_year(database.ensure(path), year)
    known = loaded.year in loaded.years
    saved = None
    if known and scenario:
        try:
            saved = load_scenario(path, scenario, loaded.year)
        except scenarios.ScenarioNotFound:
            if not missing_scenario_as_optimal:
                raise
    material = report.committee_from(
        loaded.frame if known else loaded.frame.iloc[0:0],
        loaded.year if known else year,
        loaded.years,
        settings.municipality(path, lang),
        lang,
        filters,
        saved,
        made_on,
        box,
        exact_limit=exact_limit,
        assumptions=case_assumptions(path, loaded.year) if known else None,
    )
    return with_investments(path, material, lang)


def with_investments(path: Path, material: report.Committee, lang: str) -> report.Committee:
    """The committee's material with the social investments' portfolio and case sheets at the
    end (nothing more where no case is stored)."""
    import dataclasses

    from viften.actions import investments

    extra = report.investment_views(investments.case_lines(investments.portfolio(path)), lang)
    if not extra:
        return material
    return dataclasses.replace(material, views=(*material.views, *extra))
