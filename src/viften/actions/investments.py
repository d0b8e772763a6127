"""Social investments: the figures of contracts (`invest`), shared by the CLI and the pages.

`evaluate` fills each contract's defaults from the database exactly as interface.md says (the
start year's fan of its municipality, the intervention's price and rates as in `list`, its
budget case as in `case` with the year's stored assumptions and any overrides on top) and
computes `model.invest`'s figures.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from viften.actions import budget_case, database, settings
from viften.model import case as case_model
from viften.model import effects, invest
from viften.model.assumptions import Assumptions
from viften.model.errors import BadInput
from viften.model.messages import Message
from viften.store import db, views
from viften.store import investments as store


def _places(place: str, own: str) -> tuple[str, ...]:
    """The municipality values that mean `place`: the database's own is also the empty text
    that rows carry where the setting was unset when they were written."""
    return (place, "") if place == own and place else (place, own) if place == "" else (place,)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


class _Fan:
    """The figures of each year's fan, read once for all contracts of a call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.frames: dict[int, Any] = {}

    def frame(self, year: int) -> Any:
        if year not in self.frames:
            self.frames[year] = views.load_year(self.path, year).frame
        return self.frames[year]


def linked_intervention(
    path: Path,
    fan: _Fan,
    contract: invest.Contract,
    position: int,
    year: int,
    place: str,
    own: str,
    assumptions: Assumptions,
) -> invest.Linked:
    """The intervention a contract names, with its case; BadInput where there is none."""
    name = contract.intervention or ""
    with db.connect(path) as con:
        found = store.intervention_ids(con, year, _places(place, own))
    exact = [row for row in found if row[1] == name]
    loose = [row for row in found if row[1].casefold() == name.strip().casefold()]
    chosen = exact or (loose if len(loose) == 1 else [])
    if not chosen:
        raise BadInput(
            Message.of(
                "invest_error_intervention",
                contract=("count", position),
                name=("quoted", contract.name),
                field=("text", "intervention"),
                value=("quoted", name),
                year=("text", str(year)),
                municipality=("text", place or own or "–"),
            )
        )
    frame = fan.frame(year)
    row = frame[frame["id"] == chosen[0][0]]
    case = case_model.from_columns(row, assumptions)
    npv = float(case.npv[case_model.KOMMUNE, 0])
    has_case = not math.isnan(npv)
    return invest.Linked(
        price=float(row["price_per_participant"].iloc[0]),
        job_rate=float(row["job_rate"].iloc[0]),
        control_job_rate=_number(row["control_job_rate"].iloc[0]),
        npv_kommune=npv if has_case else None,
        kommune_years=tuple(float(v) for v in case.years[case_model.KOMMUNE, 0])
        if has_case
        else (),
        effect=effects.effect_distributions(row),
    )


def evaluate(
    path: Path,
    contracts: Sequence[invest.Contract],
    overrides: Mapping[str, Any] | None = None,
    municipality: str | None = None,
    origin: str = "--assumptions file",
) -> list[invest.Figures]:
    """The figures of each contract, in order (see the module docstring)."""
    path = database.ensure(path)
    own = settings.municipality_setting(path)
    default_place = own if municipality is None else municipality.strip()
    fan = _Fan(path)
    chosen: dict[int, Assumptions] = {}
    out: list[invest.Figures] = []
    with db.connect(path) as con:
        newest = store.newest_year(con, _places(default_place, own))
    for position, contract in enumerate(contracts, start=1):
        year = contract.year or newest or dt.date.today().year
        place = default_place if contract.municipality is None else contract.municipality
        if year not in chosen:
            chosen[year] = budget_case.assumptions_for(path, year, overrides, origin)
        assumptions = chosen[year]
        linked = (
            linked_intervention(path, fan, contract, position, year, place, own, assumptions)
            if contract.intervention
            else None
        )
        terms = invest.terms(
            contract.with_changes(year=year, municipality=place), linked, assumptions.discount_rate
        )
        out.append(invest.compute(terms, year))
    return out


def records(figures: Sequence[invest.Figures], own: str = "") -> list[dict[str, Any]]:
    """The objects `invest --json` prints."""
    return [
        invest.record(
            f, f.terms.contract.municipality or own, f.terms.contract.year or dt.date.today().year
        )
        for f in figures
    ]
