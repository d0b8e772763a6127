"""Imports as units of work: each one is a row of `imports`, every change it made carries its
id in the history, and `revert` undoes all of it at once.

An import is undone only as a whole and only where nothing it changed has been changed
again since: a field edited after the import, an added intervention edited or deleted, or
outcome records replaced by a later import each refuse the revert with a `BadInput` that
names the intervention and the field, and nothing is changed. Every statement runs in the
caller's transaction (`viften.actions.imports` opens it and checks the role).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from viften.files.interventions import coerce_stored
from viften.model.domain import COLUMN_NAMES
from viften.model.errors import BadInput
from viften.model.messages import Message
from viften.store import db
from viften.store import interventions as store
from viften.store.outcomes import counts_text

INTERVENTIONS, OUTCOMES = "interventions", "outcomes"
OUTCOME_FIELD = "outcome_records"
"""The history's field for an intervention's outcome records (their counts)."""


@dataclass(frozen=True)
class Import:
    """One row of `imports`."""

    id: int
    at: str
    user: str
    what: str
    """`interventions` or `outcomes`."""
    file_name: str | None
    rows: int
    reverted_at: str | None
    reverted_by: str | None


def start(
    con: duckdb.DuckDBPyConnection, user: str, what: str, file_name: str | None, rows: int
) -> int:
    """A new import's id; the caller marks its changes with it, in the same transaction."""
    found = con.execute(
        'INSERT INTO imports ("user", what, file_name, rows) VALUES (?, ?, ?, ?) RETURNING id',
        [user, what, file_name, rows],
    ).fetchone()
    assert found is not None
    return int(found[0])


def set_rows(con: duckdb.DuckDBPyConnection, import_id: int, rows: int) -> None:
    """The number of rows an import wrote, once it is known (outcome records)."""
    con.execute("UPDATE imports SET rows = ? WHERE id = ?", [rows, import_id])


_STILL_STANDS = """
    action <> 'revert'
    AND (import_id IS NULL
         OR import_id NOT IN (SELECT id FROM imports WHERE reverted_at IS NOT NULL))
"""
"""A history row whose change still stands: not a revert, nor part of an undone import."""

_IMPORT_COLUMNS = """id, strftime("at", '%Y-%m-%dT%H:%M:%S'), "user", what, file_name, rows,
    strftime(reverted_at, '%Y-%m-%dT%H:%M:%S'), reverted_by"""


def listing(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[Import]:
    """The imports, newest first."""
    query = f"SELECT {_IMPORT_COLUMNS} FROM imports ORDER BY id DESC"  # noqa: S608
    params: list[Any] = []
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    return [Import(*row) for row in con.execute(query, params).fetchall()]


def get(con: duckdb.DuckDBPyConnection, import_id: int) -> Import | None:
    row = con.execute(
        f"SELECT {_IMPORT_COLUMNS} FROM imports WHERE id = ?",  # noqa: S608
        [import_id],
    ).fetchone()
    return None if row is None else Import(*row)


@dataclass(frozen=True)
class Blocker:
    """A change of the import that has been changed again since."""

    name: str
    year: int
    field: str


@dataclass(frozen=True)
class RevertSummary:
    """What a revert did."""

    import_id: int
    removed: list[str]
    """Interventions the import added, now removed (`name (year)`)."""
    restored: list[str]
    """Interventions whose changed fields were set back."""
    outcomes: list[str]
    """Interventions whose outcome records were put back as they were."""


def _changes(con: duckdb.DuckDBPyConnection, import_id: int) -> list[dict[str, Any]]:
    cursor = con.execute(
        "SELECT seq, action, intervention_id, municipality, name, year, field, old, new "
        "FROM history "
        "WHERE import_id = ? ORDER BY seq",
        [import_id],
    )
    return db.records(cursor)


def _later(con: duckdb.DuckDBPyConnection, change: dict[str, Any]) -> str | None:
    """The field of a later change to what `change` wrote, or None where there is none."""
    if change["field"] == OUTCOME_FIELD:
        row = con.execute(
            "SELECT field FROM history WHERE seq > ? AND field = ? "  # noqa: S608
            "AND municipality IS NOT DISTINCT FROM ? AND name = ? AND year = ? "
            f"AND {_STILL_STANDS} ORDER BY seq LIMIT 1",
            [
                change["seq"],
                OUTCOME_FIELD,
                change["municipality"],
                change["name"],
                change["year"],
            ],
        ).fetchone()
        return None if row is None else str(row[0])
    same_field = "" if change["action"] == "insert" else "AND (field = ? OR action = 'delete')"
    params: list[Any] = [change["seq"], change["intervention_id"]]
    if same_field:
        params.append(change["field"])
    row = con.execute(
        "SELECT action, field FROM history WHERE seq > ? AND intervention_id = ? "  # noqa: S608
        f"AND {_STILL_STANDS} {same_field} ORDER BY seq LIMIT 1",
        params,
    ).fetchone()
    if row is None:
        return None
    return str(row[1] or row[0])


OutcomeKey = tuple[str, str, int]
"""The key of outcome records: (municipality, intervention, year)."""


def _outcome_keys(con: duckdb.DuckDBPyConnection, import_id: int) -> list[OutcomeKey]:
    """The keys the import wrote records of: those it replaced are among them.

    Read from the records themselves (still stored, or kept by a later import that replaced
    them), not from the records the import kept: earlier versions kept every kommune's
    records of the name and year with the import, also those it did not replace."""
    rows = con.execute(
        """
        SELECT municipality, intervention, year FROM outcomes WHERE import_id = $1
        UNION SELECT municipality, intervention, year FROM outcomes_replaced
        WHERE original_import_id = $1
        ORDER BY 2, 1, 3
        """,
        [import_id],
    ).fetchall()
    return [(str(place), str(name), int(year)) for place, name, year in rows]


_KEY = "municipality = ? AND intervention = ? AND year = ?"
"""The records of one `OutcomeKey`."""


def blockers(con: duckdb.DuckDBPyConnection, import_id: int) -> list[Blocker]:
    """What has been changed again since the import, and so stops its revert."""
    found: list[Blocker] = []
    for change in _changes(con, import_id):
        later = _later(con, change)
        if later is not None:
            found.append(Blocker(change["name"], int(change["year"]), later))
    for place, name, year in _outcome_keys(con, import_id):
        row = con.execute(
            f"SELECT count(*) FROM outcomes WHERE {_KEY} AND import_id IS DISTINCT FROM ?",  # noqa: S608
            [place, name, year, import_id],
        ).fetchone()
        if row and row[0] and Blocker(name, year, OUTCOME_FIELD) not in found:
            found.append(Blocker(name, year, OUTCOME_FIELD))
    return found


def _refuse(key: str, **values: tuple[str, Any]) -> BadInput:
    return BadInput(Message.of(key, **values))


def revert(con: duckdb.DuckDBPyConnection, user: str, import_id: int) -> RevertSummary:
    """Undo every change of an import, in the caller's transaction; `BadInput` (and nothing
    changed) where it is unknown, already undone, or changed again since."""
    found = get(con, import_id)
    if found is None:
        raise _refuse("imp_unknown", id=("text", import_id))
    if found.reverted_at is not None:
        raise _refuse(
            "imp_already_reverted",
            id=("text", import_id),
            at=("text", found.reverted_at),
            by=("text", found.reverted_by or ""),
        )
    stopped = blockers(con, import_id)
    if stopped:
        raise _refuse(
            "imp_changed_since",
            id=("text", import_id),
            what=("text", "; ".join(f"{b.name} ({b.year}): {b.field}" for b in stopped)),
        )
    removed: list[str] = []
    restored: list[str] = []
    changes = _changes(con, import_id)
    trail: list[tuple[str, Any, str, int, str | None, Any, Any]] = []
    set_back: dict[int, dict[str, Any]] = {}
    for change in changes:
        if change["field"] == OUTCOME_FIELD:
            continue
        if change["action"] == "insert":
            existing = _row(con, int(change["intervention_id"]))
            if existing is None:
                continue
            trail.extend(
                ("revert", existing["id"], existing["name"], existing["year"], c, existing[c], None)
                for c in COLUMN_NAMES
                if existing[c] is not None
            )
            store.record_changes(con, user, trail)
            trail = []
            con.execute("DELETE FROM interventions WHERE id = ?", [existing["id"]])
            removed.append(f"{existing['name']} ({existing['year']})")
        elif change["action"] == "update":
            fields = set_back.setdefault(int(change["intervention_id"]), {})
            fields.setdefault(change["field"], coerce_stored(change["field"], change["old"]))
    for intervention_id, fields in set_back.items():
        existing = _row(con, intervention_id)
        if existing is None:
            continue
        store.apply_update(con, user, existing, fields, action="revert")
        restored.append(f"{existing['name']} ({existing['year']})")
    outcomes = _revert_outcomes(con, user, import_id)
    con.execute(
        "UPDATE imports SET reverted_at = current_localtimestamp(), reverted_by = ? WHERE id = ?",
        [user, import_id],
    )
    return RevertSummary(import_id, removed, restored, outcomes)


def _row(con: duckdb.DuckDBPyConnection, intervention_id: int) -> dict[str, Any] | None:
    cursor = con.execute(
        f"SELECT id, version, {', '.join(COLUMN_NAMES)} FROM interventions "  # noqa: S608
        "WHERE id = ?",
        [intervention_id],
    )
    row = cursor.fetchone()
    return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))


def _revert_outcomes(con: duckdb.DuckDBPyConnection, user: str, import_id: int) -> list[str]:
    put_back: list[str] = []
    for key in _outcome_keys(con, import_id):
        place, name, year = key
        before = _counts(con, key)
        con.execute(
            f"DELETE FROM outcomes WHERE {_KEY} AND import_id = ?",  # noqa: S608
            [*key, import_id],
        )
        con.execute(
            "INSERT INTO outcomes (intervention, year, treatment, employed, person_id, "  # noqa: S608
            "municipality, import_id) SELECT intervention, year, treatment, employed, person_id, "
            "municipality, original_import_id FROM outcomes_replaced "
            f"WHERE {_KEY} AND import_id = ?",
            [*key, import_id],
        )
        after = _counts(con, key)
        row = con.execute(
            "SELECT id FROM interventions WHERE municipality = ? AND name = ? AND year = ?",
            [place, name, year],
        ).fetchone()
        store.record_changes(
            con,
            user,
            [
                (
                    "revert",
                    row[0] if row else None,
                    name,
                    year,
                    OUTCOME_FIELD,
                    counts_text(*before),
                    counts_text(*after),
                )
            ],
        )
        put_back.append(f"{name} ({year})")
    return put_back


def _counts(con: duckdb.DuckDBPyConnection, key: OutcomeKey) -> tuple[int, int, int, int]:
    row = con.execute(
        "SELECT count(*) FILTER (WHERE treatment), count(*) FILTER (WHERE treatment AND employed), "  # noqa: S608
        "count(*) FILTER (WHERE NOT treatment), count(*) FILTER (WHERE NOT treatment AND employed) "
        f"FROM outcomes WHERE {_KEY}",
        list(key),
    ).fetchone()
    assert row is not None
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def copy_year(
    con: duckdb.DuckDBPyConnection, user: str, from_year: int, to_year: int, import_id: int
) -> list[str]:
    """Every intervention of `from_year` copied to `to_year` (which must have none), each
    recorded as an insert of `import_id`; the names copied."""
    years_now = set(store.years(con))
    if to_year in years_now:
        raise _refuse("year_new_target_has_rows", year=("text", to_year))
    if from_year not in years_now:
        raise _refuse("year_new_source_empty", year=("text", from_year))
    copied = [c for c in dict.fromkeys(("municipality", "kind", *COLUMN_NAMES)) if c != "year"]
    names = ", ".join(copied)
    created = con.execute(
        f"INSERT INTO interventions ({names}, year, updated_by) "  # noqa: S608 - constant names
        f"SELECT {names}, ?, ? FROM interventions WHERE year = ? ORDER BY name "
        "RETURNING id, name, year",
        [to_year, user, from_year],
    ).fetchall()
    store.record_changes(
        con,
        user,
        [("insert", i, str(n), int(y), None, None, None) for i, n, y in created],
        import_id,
    )
    return sorted(str(n) for _, n, _ in created)
