"""Reading and writing interventions in the DuckDB store, with an audit trail.

Every statement is parameterised. Writes run inside the caller's transaction and take
the acting user's name for the audit trail; who may write is decided by
`viften.actions`, which opens the transaction. An edit carries the version of the row
it was based on; if somebody else changed the row in the meantime the edit is refused
with a `ConflictError` instead of silently overwriting their work.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb

from viften.files.interventions import coerce_stored, deleted_fields
from viften.model.domain import COLUMN_NAMES, COLUMNS_BY_NAME
from viften.model.import_diff import Diff, RowDiff, diff
from viften.model.import_diff import same as _same
from viften.model.import_diff import stored_value as _value
from viften.store import db
from viften.store.db import StoreError

if TYPE_CHECKING:
    import pandas as pd


class ConflictError(StoreError):
    """The row changed since the user read it, or another session is changing it now."""


@dataclass
class WriteSummary:
    """What a write did, for the message the user sees."""

    inserted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    import_id: int | None = None
    """The row of `imports` the write is recorded as, where it was an import."""


# --- reading -------------------------------------------------------------------------------

_VIEW_COLUMNS = ", ".join(
    f"i.{name}" for name in COLUMN_NAMES if name not in ("job_rate", "control_job_rate")
)

INTERVENTIONS_QUERY = f"""
    WITH measured AS (
        SELECT municipality, intervention, year,
               count(*) FILTER (WHERE treatment) AS n_treatment,
               count(*) FILTER (WHERE treatment AND employed) AS k_treatment,
               count(*) FILTER (WHERE NOT treatment) AS n_control,
               count(*) FILTER (WHERE NOT treatment AND employed) AS k_control
        FROM outcomes
        WHERE year = $year
        GROUP BY municipality, intervention, year
    )
    SELECT i.id, {_VIEW_COLUMNS},
           CASE WHEN coalesce(m.n_treatment, 0) > 0
                THEN CAST(m.k_treatment AS DOUBLE) / m.n_treatment
                ELSE i.job_rate END AS job_rate,
           CASE WHEN coalesce(m.n_control, 0) > 0
                THEN CAST(m.k_control AS DOUBLE) / m.n_control
                ELSE i.control_job_rate END AS control_job_rate,
           i.job_rate AS entered_job_rate,
           i.control_job_rate AS entered_control_job_rate,
           coalesce(m.n_treatment, 0) AS n_treatment,
           coalesce(m.k_treatment, 0) AS k_treatment,
           coalesce(m.n_control, 0) AS n_control,
           coalesce(m.k_control, 0) AS k_control,
           CASE WHEN coalesce(m.n_treatment, 0) > 0 THEN 'outcomes' ELSE 'entered' END
               AS rates_from,
           i.version, i.updated_at, i.updated_by
    FROM interventions i
    LEFT JOIN measured m
        ON m.municipality = i.municipality AND m.intervention = i.name AND m.year = i.year
    WHERE i.year = $year
    ORDER BY i.name, i.municipality
"""  # noqa: S608 - the column list is a constant, the values are parameters


def years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The years that have interventions, newest first."""
    rows = con.execute("SELECT DISTINCT year FROM interventions ORDER BY year DESC").fetchall()
    return [int(row[0]) for row in rows]


def newest_year(con: duckdb.DuckDBPyConnection) -> int | None:
    found = years(con)
    return found[0] if found else None


def interventions(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """Every intervention of one year, rates measured where outcome records exist."""
    return con.execute(INTERVENTIONS_QUERY, {"year": year}).df()


def intervention_arrays(con: duckdb.DuckDBPyConnection, year: int) -> dict[str, Any]:
    """The same rows as numpy arrays, without importing pandas (for fast commands)."""
    return con.execute(INTERVENTIONS_QUERY, {"year": year}).fetchnumpy()


def row_identities(con: duckdb.DuckDBPyConnection, year: int) -> list[tuple[int, int, str, str]]:
    """(id, version, name, municipality) of every intervention of a year, by name (as
    `interventions` orders them): what an edit is based on."""
    rows = con.execute(
        "SELECT id, version, name, municipality FROM interventions WHERE year = ? "
        "ORDER BY name, municipality",
        [year],
    ).fetchall()
    return [(int(i), int(v), str(n), str(m)) for i, v, n, m in rows]


def own_municipality(con: duckdb.DuckDBPyConnection) -> str:
    """The database's own municipality: the `municipality` setting, "" where it is unset.

    A row written without a municipality belongs to it (interface.md)."""
    stored = get_setting(con, "municipality")
    return " ".join(str(stored).split())[:100] if stored else ""


def municipalities(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every municipality that has interventions, in alphabetical order."""
    rows = con.execute(
        "SELECT DISTINCT municipality FROM interventions ORDER BY municipality"
    ).fetchall()
    return [str(row[0]) for row in rows]


def stored_rows(con: duckdb.DuckDBPyConnection, year: int) -> list[dict[str, Any]]:
    """The interventions of a year as entered (no measured rates): what an export writes."""
    cursor = con.execute(
        f"SELECT {', '.join(COLUMN_NAMES)} FROM interventions "  # noqa: S608
        "WHERE year = ? ORDER BY name, municipality",
        [year],
    )
    return [dict(zip(COLUMN_NAMES, row, strict=True)) for row in cursor.fetchall()]


def history(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[dict[str, Any]]:
    """The audit trail, newest first."""
    query = """
        SELECT strftime("at", '%Y-%m-%dT%H:%M:%S') AS "at", "user", action, municipality,
               name, year, field, old, new, import_id
        FROM history ORDER BY seq DESC
    """
    return db.newest_first(con, query, limit)


def get_setting(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return default if row is None else row[0]


def set_setting(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute(
        "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


# --- writing -------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _record_history(
    con: duckdb.DuckDBPyConnection,
    user: str,
    action: str,
    intervention_id: int | None,
    name: str,
    year: int,
    changes: Iterable[tuple[str | None, Any, Any]],
) -> None:
    record_changes(
        con,
        user,
        [(action, intervention_id, name, year, fld, old, new) for fld, old, new in changes],
    )


def _current(
    con: duckdb.DuckDBPyConnection, name: str, year: int, municipality: str
) -> dict[str, Any] | None:
    cursor = con.execute(
        f"SELECT id, version, {', '.join(COLUMN_NAMES)} FROM interventions "  # noqa: S608
        "WHERE name = ? AND year = ? AND municipality = ?",
        [name, year, municipality],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


_SQL_TYPES = {
    "text": "VARCHAR",
    "year": "INTEGER",
    "target_group": "VARCHAR",
    "provider_type": "VARCHAR",
    "money": "DOUBLE",
    "count": "BIGINT",
    "rate": "DOUBLE",
    "stars": "INTEGER",
    "effect_rating": "VARCHAR",
    "positive": "DOUBLE",
    "benefit": "VARCHAR",
    "weeks": "INTEGER",
    "flag": "BOOLEAN",
}


def _column_lists(
    columns: Sequence[str], rows: Sequence[Mapping[str, Any]], stored: bool = False
) -> tuple[str, list[list[Any]]]:
    """`SELECT unnest($1::T[]) AS c1, ...`: one list per column, a bulk write in one statement.

    `stored`: an absent or empty value is the column's `empty` (`stored_value`)."""
    parts, params = [], []
    for position, column in enumerate(columns, start=1):
        sql_type = "BIGINT" if column == "id" else _SQL_TYPES[COLUMNS_BY_NAME[column].kind]
        parts.append(f"unnest(${position}::{sql_type}[]) AS {column}")
        if stored and column != "id" and COLUMNS_BY_NAME[column].empty is not None:
            params.append([_value(row, column) for row in rows])
        else:
            params.append([row.get(column) for row in rows])
    return "SELECT " + ", ".join(parts), params


def stored_for_years(con: duckdb.DuckDBPyConnection, years_: Sequence[int]) -> list[dict[str, Any]]:
    """Every stored intervention of these years: id, version and the columns (municipality
    among them)."""
    cursor = con.execute(
        f"SELECT id, version, {', '.join(COLUMN_NAMES)} "  # noqa: S608
        "FROM interventions WHERE year IN (SELECT unnest($1::INTEGER[]))",
        [sorted(set(years_))],
    )
    return db.records(cursor)


def compare(
    con: duckdb.DuckDBPyConnection,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
) -> Diff:
    """What `upsert` of these rows would do, without writing anything."""
    stored = stored_for_years(con, [int(row["year"]) for row in rows])
    return diff(stored, rows, columns, own_municipality(con))


def upsert(
    con: duckdb.DuckDBPyConnection,
    user: str,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    progress: Callable[[float, str], None] | None = None,
    import_id: int | None = None,
) -> WriteSummary:
    """Insert or update interventions matched by (municipality, name, year) (`identity`),
    inside the caller's transaction; a row without a municipality belongs to the database's
    own (`own_municipality`).

    Only `columns` (those present in the imported file) are written on an update;
    the others keep their stored values. Each changed field goes to the audit trail,
    marked with `import_id` where the rows come from an import.
    """
    report = progress or (lambda share, step: None)
    summary = WriteSummary()
    writable = [
        c for c in COLUMN_NAMES if c in columns and c not in ("name", "year", "municipality")
    ]
    own = own_municipality(con)
    plan = compare(con, rows, columns)
    report(0.5, "compared")
    inserts = [{**r.row, "year": r.year, "municipality": r.municipality} for r in plan.added]

    def label(r: RowDiff) -> str:
        # the own municipality's rows are named as before; another's say whose they are
        place = r.municipality
        return f"{r.name} ({place}, {r.year})" if place and place != own else f"{r.name} ({r.year})"

    summary.inserted = [label(r) for r in plan.added]
    summary.unchanged = [label(r) for r in plan.unchanged]
    summary.updated = [label(r) for r in plan.updated]
    updates: list[dict[str, Any]] = []
    changes: list[tuple[str, Any, str, int, str | None, Any, Any]] = []
    for r in plan.updated:
        assert r.stored is not None
        updates.append({**r.stored, **{c.field: c.new for c in r.changes}})
        changes.extend(
            ("update", r.stored["id"], r.name, r.year, c.field, c.old, c.new) for c in r.changes
        )
    if inserts:
        select, params = _column_lists(COLUMN_NAMES, inserts, stored=True)
        created = con.execute(
            f"INSERT INTO interventions ({', '.join(COLUMN_NAMES)}, updated_by) "  # noqa: S608
            f"SELECT *, ${len(params) + 1} FROM ({select}) AS added RETURNING id, name, year",
            [*params, user],
        ).fetchall()
        changes.extend(
            ("insert", new_id, name, year, None, None, None) for new_id, name, year in created
        )
    report(0.75, "inserted")
    if updates:
        select, params = _column_lists(["id", *writable], updates)
        assignments = ", ".join(f"{c} = changed.{c}" for c in writable)
        con.execute(
            f"UPDATE interventions SET {assignments}, version = version + 1, "  # noqa: S608
            f"updated_at = current_localtimestamp(), updated_by = ${len(params) + 1} "
            f"FROM ({select}) AS changed WHERE interventions.id = changed.id",
            [*params, user],
        )
    record_changes(con, user, changes, import_id)
    report(0.95, "written")
    return summary


def record_changes(
    con: duckdb.DuckDBPyConnection,
    user: str,
    changes: Sequence[tuple[str, Any, str, int, str | None, Any, Any]],
    import_id: int | None = None,
) -> None:
    """Many audit-trail rows in one statement; each carries its intervention's municipality
    (read while the row is still there) and the import it came from (None: not an import)."""
    if not changes:
        return
    actions, ids, names, years_, fields, olds, news = zip(*changes, strict=True)
    con.execute(
        """
        INSERT INTO history ("at", seq, "user", action, intervention_id, name, year,
                             field, old, new, municipality, import_id)
        SELECT $1, nextval('history_seq'), $2, c.*,
               coalesce((SELECT i.municipality FROM interventions i WHERE i.id = c.iid),
                        (SELECT value FROM settings WHERE key = 'municipality'), ''),
               $10
        FROM (
            SELECT unnest($3::VARCHAR[]) AS action, unnest($4::BIGINT[]) AS iid,
                   unnest($5::VARCHAR[]), unnest($6::INTEGER[]), unnest($7::VARCHAR[]),
                   unnest($8::VARCHAR[]), unnest($9::VARCHAR[])
        ) AS c
        """,
        [
            dt.datetime.now(),
            user,
            list(actions),
            list(ids),
            list(names),
            list(years_),
            list(fields),
            [_text(v) for v in olds],
            [_text(v) for v in news],
            import_id,
        ],
    )


def apply_update(
    con: duckdb.DuckDBPyConnection,
    user: str,
    existing: Mapping[str, Any],
    changes: Mapping[str, Any],
    action: str = "update",
) -> None:
    assignments = ", ".join(f"{c} = ?" for c in changes)
    con.execute(
        f"UPDATE interventions SET {assignments}, version = version + 1, "  # noqa: S608
        "updated_at = current_localtimestamp(), updated_by = ? WHERE id = ?",
        [*changes.values(), user, existing["id"]],
    )
    _record_history(
        con,
        user,
        action,
        existing["id"],
        str(existing["name"]),
        int(existing["year"]),
        [(c, existing[c], new) for c, new in changes.items()],
    )


def update_intervention(
    con: duckdb.DuckDBPyConnection,
    user: str,
    intervention_id: int,
    expected_version: int,
    changes: Mapping[str, Any],
) -> None:
    """Change fields of one intervention, unless someone else changed it first."""
    unknown = set(changes) - set(COLUMN_NAMES)
    if unknown:
        raise StoreError(f"unknown fields: {', '.join(sorted(unknown))}")
    existing = _by_id(con, intervention_id)
    if existing["version"] != expected_version:
        raise ConflictError(
            f"{existing['name']} ({existing['year']}) was changed by {existing['updated_by']} "
            "after you opened it; reload to see their change, then make yours again"
        )
    wanted = {c: _value(changes, c) for c in changes}
    real = {c: v for c, v in wanted.items() if not _same(existing[c], v)}
    if real:
        apply_update(con, user, existing, real)


def delete_intervention(
    con: duckdb.DuckDBPyConnection, user: str, intervention_id: int, expected_version: int
) -> None:
    existing = _by_id(con, intervention_id)
    if existing["version"] != expected_version:
        raise ConflictError(
            f"{existing['name']} ({existing['year']}) was changed by {existing['updated_by']} "
            "after you opened it; reload before deleting it"
        )
    # one row for the deletion: the whole record as JSON in `old` (field empty), each value
    # as the trail writes values, so a restore reads it back as a per-field row would be;
    # recorded first, so that the trail can still read the row's municipality
    record = {c: _text(existing[c]) for c in COLUMN_NAMES if existing[c] is not None}
    _record_history(
        con,
        user,
        "delete",
        intervention_id,
        str(existing["name"]),
        int(existing["year"]),
        [(None, json.dumps(record, ensure_ascii=False), None)],
    )
    con.execute("DELETE FROM interventions WHERE id = ?", [intervention_id])


def restore_deleted(
    con: duckdb.DuckDBPyConnection,
    user: str,
    name: str,
    year: int,
    municipality: str | None = None,
) -> None:
    """Bring back the last deleted version of an intervention from the audit trail
    (of `municipality`; None: the database's own)."""
    place = own_municipality(con) if municipality is None else municipality
    if _current(con, name, year, place) is not None:
        raise StoreError(f"{name} ({year}) exists; there is nothing to restore")
    rows = con.execute(
        """
        WITH deleted AS (
            SELECT field, old, "at" FROM history
            WHERE action = 'delete' AND name = ? AND year = ?
              AND coalesce(municipality, '') = ?
        )
        SELECT field, old FROM deleted WHERE "at" = (SELECT max("at") FROM deleted)
        """,
        [name, year, place],
    ).fetchall()
    if not rows:
        raise StoreError(f"{name} ({year}) was never deleted; there is nothing to restore")
    values: dict[str, Any] = {c: COLUMNS_BY_NAME[c].empty for c in COLUMN_NAMES}
    values.update(
        {
            fld: coerce_stored(fld, old)
            for fld, old in deleted_fields(rows)
            if fld in COLUMNS_BY_NAME
        }
    )
    values["name"], values["year"], values["municipality"] = name, year, place
    placeholders = ", ".join("?" for _ in COLUMN_NAMES)
    new_id = con.execute(
        f"INSERT INTO interventions ({', '.join(COLUMN_NAMES)}, updated_by) "  # noqa: S608
        f"VALUES ({placeholders}, ?) RETURNING id",
        [values[c] for c in COLUMN_NAMES] + [user],
    ).fetchone()
    _record_history(
        con,
        user,
        "restore",
        new_id[0] if new_id else None,
        name,
        year,
        [(c, None, values[c]) for c in COLUMN_NAMES if values[c] is not None],
    )


def rename_municipality(
    con: duckdb.DuckDBPyConnection, user: str, old: str, new: str
) -> tuple[str, int] | None:
    """Move the interventions and outcome records of municipality `old` to `new`, inside the
    caller's transaction, each moved intervention's change in the audit trail. Returns the
    first (name, year) that `new` has already (and moves nothing), else None."""
    clash = con.execute(
        "SELECT a.name, a.year FROM interventions a JOIN interventions b "
        "ON a.name = b.name AND a.year = b.year "
        "WHERE a.municipality = ? AND b.municipality = ? ORDER BY a.year, a.name LIMIT 1",
        [old, new],
    ).fetchone()
    if clash is not None:
        return str(clash[0]), int(clash[1])
    moved = con.execute(
        "UPDATE interventions SET municipality = ?, version = version + 1, "
        "updated_at = current_localtimestamp(), updated_by = ? WHERE municipality = ? "
        "RETURNING id, name, year",
        [new, user, old],
    ).fetchall()
    con.execute("UPDATE outcomes SET municipality = ? WHERE municipality = ?", [new, old])
    # and those an import replaced, which its revert puts back under the kommune's name
    con.execute("UPDATE outcomes_replaced SET municipality = ? WHERE municipality = ?", [new, old])
    record_changes(
        con, user, [("update", i, n, int(y), "municipality", old, new) for i, n, y in moved]
    )
    return None


def _by_id(con: duckdb.DuckDBPyConnection, intervention_id: int) -> dict[str, Any]:
    cursor = con.execute(
        f"SELECT id, version, updated_by, {', '.join(COLUMN_NAMES)} "  # noqa: S608
        "FROM interventions WHERE id = ?",
        [intervention_id],
    )
    row = cursor.fetchone()
    if row is None:
        raise ConflictError("this intervention was deleted by someone else; reload the page")
    return dict(zip([d[0] for d in cursor.description], row, strict=True))
