"""Turning edits made in the app's table into checked changes for the store.

The table shows one row per stored intervention; Streamlit reports what the user
changed, added and deleted. Every value is checked with the importer's own rules,
so a cell typed in the app is held to the same standard as a cell in a file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.actions.interventions import CHANGING
from viften.files.interventions import MAX_NAME_LENGTH, CellError, read_cell, required_message
from viften.model.domain import COLUMN_NAMES, COLUMNS_BY_NAME
from viften.model.errors import Problem
from viften.model.messages import Message
from viften.store import interventions as store

EDITABLE = tuple(c for c in COLUMN_NAMES if c != "year")


@dataclass(frozen=True)
class StoredRow:
    """What the table row was based on: the row's identity and version."""

    id: int
    version: int
    name: str
    municipality: str = ""


@dataclass
class EditPlan:
    """The checked changes; apply them only when `problems` is empty."""

    updates: list[tuple[StoredRow, dict[str, Any]]] = field(default_factory=list)
    inserts: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[StoredRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.updates or self.inserts or self.deletes)


def editor_key(year: int, stored: Sequence[StoredRow]) -> str:
    """A widget key that changes whenever the stored rows do, so stale edits are dropped."""
    signature = ",".join(f"{row.id}:{row.version}" for row in stored)
    return f"iv_editor_{year}_{hashlib.sha1(signature.encode()).hexdigest()[:12]}"


def stored_identities(con: duckdb.DuckDBPyConnection, year: int) -> list[StoredRow]:
    """The rows an edit table of `year` shows, in its order (by name)."""
    return [StoredRow(*identity) for identity in store.row_identities(con, year)]


def _check(
    values: Mapping[str, Any], row_number: int, problems: list[Problem], decimal_comma: bool
) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for column, raw in values.items():
        if column not in COLUMNS_BY_NAME or column == "year":
            continue
        try:
            checked[column] = read_cell(
                COLUMNS_BY_NAME[column], raw, decimal_comma=decimal_comma, guarded=False
            )
        except CellError as error:
            problems.append(Problem(row_number, column, error.message))
            continue
        if checked[column] is None and COLUMNS_BY_NAME[column].required:
            problems.append(Problem(row_number, column, required_message(column)))
        if (
            column == "name"
            and isinstance(checked[column], str)
            and len(checked[column]) > MAX_NAME_LENGTH
        ):
            problems.append(
                Problem(
                    row_number,
                    column,
                    Message.of("edit_name_too_long", most=("text", MAX_NAME_LENGTH)),
                )
            )
    return checked


def plan_edits(
    stored: Sequence[StoredRow],
    edited_rows: Mapping[int | str, Mapping[str, Any]],
    added_rows: Sequence[Mapping[str, Any]],
    deleted_rows: Sequence[int],
    year: int,
    own_municipality: str | None = None,
    decimal_comma: bool = True,
) -> EditPlan:
    """Check the table's changes; rows are numbered from 1 as the table shows them. Numbers
    typed as text are read with a decimal comma (Danish) unless `decimal_comma` is False."""
    plan = EditPlan()
    for index, values in edited_rows.items():
        position = int(index)
        if position in deleted_rows or not values:
            continue
        checked = _check(values, position + 1, plan.problems, decimal_comma)
        if checked:
            plan.updates.append((stored[position], checked))
    for offset, values in enumerate(added_rows):
        row_number = len(stored) + offset + 1
        checked = _check(values, row_number, plan.problems, decimal_comma)
        for column in COLUMN_NAMES:
            if (
                COLUMNS_BY_NAME[column].required
                and column != "year"
                and checked.get(column) is None
                and not any(p.row == row_number and p.column == column for p in plan.problems)
            ):
                plan.problems.append(Problem(row_number, column, required_message(column)))
        checked["year"] = year
        plan.inserts.append(checked)
    plan.deletes = [stored[int(i)] for i in deleted_rows]
    # a name is unique within a municipality and year; an added row without one is the own
    own = own_municipality or ""
    names = [(row.municipality, row.name) for row in stored]
    for stored_row, changes in plan.updates:
        position = [r.id for r in stored].index(stored_row.id)
        place, name = names[position]
        names[position] = (
            changes.get("municipality", place) or own if "municipality" in changes else place,
            changes.get("name", name),
        )
    for row in plan.inserts:
        if isinstance(row.get("name"), str):
            names.append((row.get("municipality") or own, row["name"]))
    seen: set[tuple[str, str]] = set()
    for position, (place, name) in enumerate(names, start=1):
        if (place, name) in seen:
            plan.problems.append(
                Problem(
                    position,
                    "name",
                    Message.of("edit_name_twice", name=("quoted", name), year=("text", year)),
                )
            )
        seen.add((place, name))
    return plan


def apply_plan(path: Path, actor: Actor, plan: EditPlan) -> None:
    """Write a checked plan in one transaction: all of it, or (on a conflict) none of it."""
    require_editor(actor, CHANGING)
    if plan.problems:
        raise ValueError("a plan with problems cannot be applied")
    with database.write(path) as con:
        for row, changes in plan.updates:
            store.update_intervention(con, actor.name, row.id, row.version, changes)
        for row in plan.deletes:
            store.delete_intervention(con, actor.name, row.id, row.version)
        if plan.inserts:
            store.upsert(con, actor.name, plan.inserts, COLUMN_NAMES)
