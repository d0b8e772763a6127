"""Saved allocations: a named what-if that a committee can reopen, compare and present later.

A scenario keeps a snapshot of what it allocated (participants, price, cost and jobs of each
intervention at the time it was saved), so it reads the same after the interventions change;
its settings say how it was made (by hand, or the optimiser's request). Writes run inside the
caller's transaction (`viften.actions.scenarios` opens it and checks the role).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import numpy as np

from viften.model.allocator import Evaluation, Interventions, evaluate
from viften.model.errors import BadInput
from viften.store.db import StoreError

MAX_NAME_LENGTH = 200


class ScenarioNotFound(StoreError):
    """No scenario has that name in that year (deleted by someone else, or mistyped)."""


@dataclass(frozen=True)
class Entry:
    """One intervention in a saved scenario, as it was when the scenario was saved."""

    name: str
    target_group: str
    participants: int
    price: float
    cost: float
    gross_jobs: float
    net_jobs: float
    """0 where the intervention had no control group."""


@dataclass(frozen=True)
class Scenario:
    name: str
    year: int
    created_at: dt.datetime | None
    created_by: str | None
    settings: dict[str, Any]
    """How it was made: at least `source` ('current', 'what_if' or 'optimal') and `budget`;
    an optimal one also the optimiser's request (`allocator.Request.settings()`)."""
    entries: tuple[Entry, ...]
    """Only the interventions with participants > 0."""

    @property
    def spend(self) -> float:
        return math.fsum(e.cost for e in self.entries)

    @property
    def gross_jobs(self) -> float:
        return math.fsum(e.gross_jobs for e in self.entries)

    @property
    def net_jobs(self) -> float:
        return math.fsum(e.net_jobs for e in self.entries)

    @property
    def budget(self) -> float:
        return float(self.settings.get("budget", self.spend))

    def participants_for(self, data: Interventions) -> tuple[np.ndarray, tuple[str, ...]]:
        """Participants aligned with `data`, and the names saved here that `data` lacks."""
        position = {str(n): i for i, n in enumerate(data.name)}
        out = np.zeros(len(data), dtype="int64")
        missing = []
        for entry in self.entries:
            if entry.name in position:
                out[position[entry.name]] = entry.participants
            else:
                missing.append(entry.name)
        return out, tuple(missing)


def _checked_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not 1 <= len(cleaned) <= MAX_NAME_LENGTH:
        raise BadInput(f"a scenario needs a name of 1 to {MAX_NAME_LENGTH} characters")
    return cleaned


def entries_from(
    data: Interventions, participants: Sequence[int] | np.ndarray
) -> tuple[Entry, ...]:
    """The snapshot of an allocation of `data`: one entry per intervention with participants."""
    whole = np.asarray(participants, dtype="int64")
    if len(whole) != len(data):
        raise BadInput(f"{len(whole)} participant counts for {len(data)} interventions")
    net = data.jobs_per_participant("net")
    return tuple(
        Entry(
            name=str(data.name[i]),
            target_group=str(data.target_group[i]),
            participants=int(whole[i]),
            price=float(data.price[i]),
            cost=float(data.price[i] * whole[i]),
            gross_jobs=float(data.job_rate[i] * whole[i]),
            net_jobs=float(net[i] * whole[i]),
        )
        for i in np.flatnonzero(whole > 0)
    )


def save(
    con: duckdb.DuckDBPyConnection,
    user: str,
    name: str,
    year: int,
    data: Interventions,
    participants: Sequence[int] | np.ndarray,
    settings: Mapping[str, Any],
    *,
    replace: bool = False,
) -> Scenario:
    """Store an allocation of `data` under `name`; an existing one is replaced only if asked."""
    name = _checked_name(name)
    entries = entries_from(data, participants)
    exists = con.execute(
        "SELECT count(*) FROM scenarios WHERE name = ? AND year = ?", [name, year]
    ).fetchone()
    if exists and exists[0] and not replace:
        raise StoreError(
            f"a scenario called {name!r} exists for {year} already: choose another name, "
            "or replace it"
        )
    con.execute("DELETE FROM scenarios WHERE name = ? AND year = ?", [name, year])
    con.execute(
        "INSERT INTO scenarios (name, year, created_by, settings, allocation) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            name,
            year,
            user,
            json.dumps(dict(settings), ensure_ascii=False),
            json.dumps([asdict(e) for e in entries], ensure_ascii=False),
        ],
    )
    return load(con, name, year)


def _scenario(row: Sequence[Any]) -> Scenario:
    name, year, created_at, created_by, settings, allocation = row
    return Scenario(
        name=str(name),
        year=int(year),
        created_at=created_at,
        created_by=created_by,
        settings=json.loads(settings) if settings else {},
        entries=tuple(Entry(**entry) for entry in json.loads(allocation)),
    )


_COLUMNS = "name, year, created_at, created_by, settings, allocation"


def list_scenarios(con: duckdb.DuckDBPyConnection, year: int | None = None) -> list[Scenario]:
    """The saved scenarios (of one year, or all), newest first."""
    query = f"SELECT {_COLUMNS} FROM scenarios"  # noqa: S608 - a constant column list
    params: list[Any] = []
    if year is not None:
        query += " WHERE year = ?"
        params.append(year)
    query += " ORDER BY created_at DESC, name"
    return [_scenario(row) for row in con.execute(query, params).fetchall()]


def load(con: duckdb.DuckDBPyConnection, name: str, year: int) -> Scenario:
    row = con.execute(
        f"SELECT {_COLUMNS} FROM scenarios WHERE name = ? AND year = ?",  # noqa: S608
        [name, year],
    ).fetchone()
    if row is None:
        raise ScenarioNotFound(f"there is no scenario called {name!r} for {year}")
    return _scenario(row)


def delete(con: duckdb.DuckDBPyConnection, name: str, year: int) -> None:
    load(con, name, year)
    con.execute("DELETE FROM scenarios WHERE name = ? AND year = ?", [name, year])


# --- comparing two ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparedRow:
    name: str
    target_group: str
    first: int
    second: int
    first_cost: float
    second_cost: float

    @property
    def change(self) -> int:
        return self.second - self.first


@dataclass(frozen=True)
class Comparison:
    """Two scenarios side by side: each intervention in either, and the totals."""

    first: Scenario
    second: Scenario
    rows: tuple[ComparedRow, ...]

    @property
    def spend_change(self) -> float:
        return self.second.spend - self.first.spend

    @property
    def gross_jobs_change(self) -> float:
        return self.second.gross_jobs - self.first.gross_jobs

    @property
    def net_jobs_change(self) -> float:
        return self.second.net_jobs - self.first.net_jobs


def compare(first: Scenario, second: Scenario) -> Comparison:
    """Side by side, as each was saved; interventions in order of first appearance."""
    by_name: dict[str, dict[str, Any]] = {}
    for which, scenario in (("first", first), ("second", second)):
        for e in scenario.entries:
            found = by_name.setdefault(e.name, {"target_group": e.target_group})
            found[which] = e
    rows = []
    for name, found in by_name.items():
        a, b = found.get("first"), found.get("second")
        rows.append(
            ComparedRow(
                name=name,
                target_group=str(found["target_group"]),
                first=a.participants if a else 0,
                second=b.participants if b else 0,
                first_cost=a.cost if a else 0.0,
                second_cost=b.cost if b else 0.0,
            )
        )
    return Comparison(first, second, tuple(rows))


def evaluation(scenario: Scenario, data: Interventions) -> Evaluation:
    """What the scenario's participants cost and buy with today's figures."""
    participants, _missing = scenario.participants_for(data)
    return evaluate(data, participants, scenario.budget)
