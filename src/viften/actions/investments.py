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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viften.actions import budget_case, database, settings
from viften.actions.access import Actor, require_editor
from viften.model import case as case_model
from viften.model import effects, invest
from viften.model.assumptions import Assumptions
from viften.model.errors import BadInput
from viften.model.messages import Message
from viften.present import invest as present_invest
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
        evidence_stars=int(row["evidence_stars"].iloc[0]),
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


# --- stored cases: writes (editors) and the portfolio ------------------------------------------

CHANGING = "changing social investment cases"


def _municipality(path: Path, contract: invest.Contract) -> str:
    if contract.municipality is not None:
        return contract.municipality
    return settings.municipality_setting(path)


def save_case(
    path: Path,
    actor: Actor,
    contract: invest.Contract,
    case_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Store a new case, or replace the contract of case `case_id` (based on its
    `expected_version`); editors only. The contract is checked as `invest` checks it (an
    unknown intervention is BadInput); its id."""
    require_editor(actor, CHANGING)
    (figures,) = evaluate(path, [contract])
    if contract.year is None:  # a stored case keeps the start year it was computed for
        contract = contract.with_changes(year=figures.terms.contract.year)
    document = contract.to_dict()
    place = _municipality(path, contract)
    with database.write(path) as con:
        if case_id is None:
            return store.insert_case(con, actor.name, place, document)
        store.update_case(con, actor.name, case_id, expected_version or 0, document)
        return case_id


def delete_case(path: Path, actor: Actor, case_id: int, expected_version: int) -> None:
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        store.delete_case(con, actor.name, case_id, expected_version)


def _checked_result(citizens: int, reached: int) -> None:
    if citizens < 0 or reached < 0 or reached > citizens:
        raise BadInput(
            Message.of(
                "invest_error_result", reached=("count", reached), citizens=("count", citizens)
            )
        )


def set_result(
    path: Path,
    actor: Actor,
    case_id: int,
    outcome: str,
    follow_up: dt.date,
    citizens: int,
    reached: int,
) -> None:
    """Enter (or correct) how many of `citizens` reached `outcome` at `follow_up`."""
    require_editor(actor, CHANGING)
    _checked_result(citizens, reached)
    with database.write(path) as con:
        stored = store.case(con, case_id)
        names = [o.get("name") for o in stored.contract.get("outcomes", [])]
        if outcome not in names:
            raise BadInput(Message.of("invest_error_result_goal", outcome=("quoted", outcome)))
        store.set_result(con, actor.name, case_id, outcome, follow_up, citizens, reached)


def result_from_outcomes(
    path: Path, actor: Actor, case_id: int, outcome: str, follow_up: dt.date
) -> tuple[int, int]:
    """Enter a goal's result from the linked intervention's outcome records of the case's start
    year (participants, and those in job); (citizens, reached) as entered."""
    with db.connect(database.ensure(path)) as con:
        stored = store.case(con, case_id)
        own = settings.municipality_setting(path)
        name = str(stored.contract.get("intervention") or "")
        year = int(stored.contract.get("year") or dt.date.today().year)
        citizens, reached = store.treatment_counts(
            con, name, year, _places(stored.municipality, own)
        )
    if not name or citizens == 0:
        raise BadInput(Message.of("invest_error_no_records", name=("quoted", name or "–")))
    set_result(path, actor, case_id, outcome, follow_up, citizens, reached)
    return citizens, reached


def set_pool(path: Path, actor: Actor, name: str, size: float) -> None:
    require_editor(actor, CHANGING)
    cleaned = " ".join(str(name).split())
    if not 1 <= len(cleaned) <= 100 or not size >= 0 or math.isinf(size):
        raise BadInput(Message.of("invest_error_pool", name=("quoted", cleaned)))
    with database.write(path) as con:
        store.set_pool(con, actor.name, cleaned, float(size))


def delete_pool(path: Path, actor: Actor, name: str) -> None:
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        store.delete_pool(con, actor.name, name)


@dataclass(frozen=True)
class CaseView:
    """A stored case with its figures and its follow-up."""

    stored: store.StoredCase
    contract: invest.Contract
    figures: invest.Figures | None
    """None where the contract cannot be computed any more (its intervention was removed)."""
    problem: BadInput | None
    results: tuple[store.StoredResult, ...]
    due: tuple[tuple[invest.Result, float | None], ...]

    @property
    def paid(self) -> float:
        return math.fsum(d for _, d in self.due if d is not None)

    @property
    def committed(self) -> float | None:
        """The kommune's outlay and the expected payments (None where unknown)."""
        f = self.figures
        if f is None or f.outlay_kommune is None or f.payments_expected is None:
            return None
        return f.outlay_kommune + max(f.payments_expected, self.paid)


@dataclass(frozen=True)
class Portfolio:
    cases: tuple[CaseView, ...]
    pools: tuple[invest.PoolFigures, ...]
    stored_pools: tuple[store.Pool, ...]


def case_view(
    path: Path, stored: store.StoredCase, results: Sequence[store.StoredResult]
) -> CaseView:
    contract = invest.parse_contract(stored.contract)
    figures: invest.Figures | None = None
    problem: BadInput | None = None
    try:
        (figures,) = evaluate(path, [contract.with_changes(municipality=stored.municipality)])
    except BadInput as error:
        problem = error
    plain = [invest.Result(r.outcome, r.follow_up, r.citizens, r.reached) for r in results]
    terms = figures.terms if figures is not None else invest.terms(contract, None, 0.0)
    return CaseView(
        stored, contract, figures, problem, tuple(results), tuple(invest.payments_due(terms, plain))
    )


def portfolio(path: Path, municipality: str | None = None) -> Portfolio:
    """Every stored case (of one municipality, or all) with its figures, and the pools."""
    path = database.ensure(path)
    with db.connect(path) as con:
        stored = store.cases(con, municipality)
        every_result = store.results(con)
        stored_pools = store.pools(con)
    by_case: dict[int, list[store.StoredResult]] = {}
    for result in every_result:
        by_case.setdefault(result.case_id, []).append(result)
    views_ = tuple(case_view(path, s, by_case.get(s.id, [])) for s in stored)
    pools = invest.pool_figures(
        [(p.name, p.size) for p in stored_pools],
        [(v.contract, v.figures, v.paid) for v in views_],
    )
    return Portfolio(views_, tuple(pools), tuple(stored_pools))


def one_case(path: Path, case_id: int) -> CaseView:
    path = database.ensure(path)
    with db.connect(path) as con:
        stored = store.case(con, case_id)
        results = store.results(con, case_id)
    return case_view(path, stored, results)


def history(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    with db.connect(database.ensure(path)) as con:
        return store.history(con, limit)


# --- import and export of the cases -------------------------------------------------------------


def export_cases(path: Path, out: Path) -> int:
    """Write every stored case to `out` (.csv or .xlsx, one row per goal); the rows written."""
    from viften.files import investments as case_files

    with db.connect(database.ensure(path)) as con:
        stored = store.cases(con)
    cases = [(s.municipality, s.contract) for s in stored]
    data = case_files.export_cases(cases, out.suffix.lower())
    out.write_bytes(data)
    return len(case_files.case_rows(cases))


def import_cases(path: Path, actor: Actor, data: bytes, file_name: str) -> tuple[int, int]:
    """Import a cases file, all or nothing: a case matched by (municipality, name) is
    replaced, a new one added; (added, updated). Every case is checked as `invest` checks it
    (an unknown intervention is BadInput naming the file's row)."""
    from viften.files import investments as case_files
    from viften.model.errors import Problem

    require_editor(actor, CHANGING)
    found = case_files.read_cases(data, file_name)
    own = settings.municipality_setting(database.ensure(path))
    documents = []
    problems = []
    for row, (place, contract) in enumerate(found, start=1):
        filled = contract.with_changes(municipality=place if place is not None else None)
        try:
            (figures,) = evaluate(path, [filled])
        except BadInput as error:
            message = error.message
            problems.append(
                Problem(
                    row,
                    "indsats",
                    message
                    if isinstance(message, Message)
                    else Message.of("invest_cell_bad", value=("quoted", str(message))),
                )
            )
            continue
        year = figures.terms.contract.year
        documents.append((place if place is not None else own, contract.with_changes(year=year)))
    if problems:
        raise BadInput(Message.of("invest_cell_problems"), problems)
    added = updated = 0
    with database.write(path) as con:
        existing = {(s.municipality, s.name): s for s in store.cases(con)}
        for place, contract in documents:
            before = existing.get((place, contract.name))
            if before is None:
                store.insert_case(con, actor.name, place, contract.to_dict())
                added += 1
            elif store.update_case(con, actor.name, before.id, before.version, contract.to_dict()):
                updated += 1
    return added, updated


def case_lines(folio: Portfolio) -> list[present_invest.CaseLine]:
    """The portfolio's cases as the tables, the chart and the deck read them."""
    return [
        present_invest.CaseLine(
            id=view.stored.id,
            name=view.stored.name,
            status=view.stored.status,
            start_year=view.stored.start_year,
            intervention=view.contract.intervention,
            stars=view.figures.terms.linked.evidence_stars
            if view.figures and view.figures.terms.linked
            else None,
            figures=view.figures,
            paid=view.paid,
            committed=view.committed,
        )
        for view in folio.cases
    ]
