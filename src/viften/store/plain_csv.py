"""The quick way in for a plain interventions CSV: DuckDB reads, checks and stores it whole.

Most files are written by a program (our own export, a national extract): UTF-8, commas,
numbers with a decimal point, every cell in its plainest form. Reading such a file cell by
cell in Python costs several times what DuckDB's `read_csv` does, so here the file is read
as text by DuckDB, every cell is checked against a pattern that `read_cell` reads to the
same value, and the rows go into the store in two statements (the interventions, then
their history rows).

The quick way only ever says yes or "not for me": anything it does not take, a cell in
another form, any bad cell, a name twice, a row already stored (an update), DuckDB's own
objection to the file's shape, sends the file to the reader of `viften.files.interventions`,
which says what is wrong with it in the messages users know. So the messages, and what a
good file stores, do not depend on which way the file came in (tests/unit/test_plain_csv.py
imports the same files both ways).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from viften.files import interventions as importer
from viften.files import tabular
from viften.model.domain import COLUMN_NAMES, COLUMNS_BY_NAME, Column
from viften.store.interventions import WriteSummary

_HEAD_BYTES = 1 << 16

_SPACE = (
    "\\x00-\\x20\\x{7f}-\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}"
    "\\x{205f}\\x{3000}"
)
"""Every character that Python's `str.strip` takes off (and the controls), for RE2."""
TEXT_PATTERN = f"(?s)[^{_SPACE}'](.*[^{_SPACE}])?"
"""Text that `read_cell` stores exactly as written: nothing to strip, no formula guard."""
CONTROL_PATTERN = "[\\x00-\\x08\\x0b-\\x1f]"
"""A character `read_cell` refuses in text, or a carriage return (Python's csv and DuckDB
may part lines at a lone one differently): text with one goes to the reader."""
_DECIMAL = "[0-9]{1,15}(\\.[0-9]{1,15})?"

NUMBER_PATTERNS: dict[str, tuple[str, str, str]] = {
    "year": ("[0-9]{4}", "INTEGER", "BETWEEN 2000 AND 2100"),
    "money": (_DECIMAL, "DOUBLE", ">= 0"),
    "count": ("[0-9]{1,15}", "BIGINT", ">= 0"),
    "rate": (_DECIMAL, "DOUBLE", "<= 1"),
    "stars": ("[123]", "INTEGER", "BETWEEN 1 AND 3"),
    "positive": (_DECIMAL, "DOUBLE", "> 0"),
    "weeks": ("[0-9]{1,9}", "INTEGER", ">= 0"),
}
"""For each number kind: the cells taken (digits and a decimal point, nothing else), the
stored type, and the range `read_cell` keeps it to (these cells are never negative)."""


@dataclass(frozen=True)
class PlainFile:
    """A plain CSV file, checked: every row good, none of them stored yet."""

    path: Path
    header: tuple[str, ...]
    """The file's columns (English names, in order)."""
    rows: int


_ROWS = "viften_plain_import"
"""The temporary table of a checked file's rows, from `check` to `write`."""


def _cell(index: int) -> str:
    return f"c{index}"


def _read_csv(header: Sequence[str]) -> str:
    """The file as text (`$path`), one column per header cell, without the blank rows."""
    columns = ", ".join(f"'{_cell(i)}': 'VARCHAR'" for i in range(len(header)))
    blank = " AND ".join(f"coalesce({_cell(i)}, '') = ''" for i in range(len(header)))
    return (
        "(SELECT * FROM read_csv($path, delim = ',', quote = '\"', escape = '\"', "  # noqa: S608
        "header = false, skip = 1, auto_detect = false, strict_mode = true, "
        "null_padding = false, encoding = 'utf-8', compression = 'none', "
        f"columns = {{{columns}}}) "
        f"WHERE NOT ({blank}))"
    )


def _parameters(header: Sequence[str]) -> tuple[dict[str, str], dict[str, Any]]:
    """(column -> SQL expression of its stored value, or NULL where a cell is not plain),
    and the parameters they use."""
    params: dict[str, Any] = {"text": TEXT_PATTERN, "control": CONTROL_PATTERN}
    values: dict[str, str] = {}
    for index, name in enumerate(header):
        values[name] = _value(COLUMNS_BY_NAME[name], _cell(index), params)
    return values, params


def _value(column: Column, cell: str, params: dict[str, Any]) -> str:
    kind = column.kind
    if kind == "text":
        return (
            f"CASE WHEN regexp_full_match({cell}, $text) "
            f"AND NOT regexp_matches({cell}, $control) THEN {cell} END"
        )
    choices = importer.plain_choices(column)
    if choices is not None:
        params[f"{column.name}_keys"] = list(choices)
        params[f"{column.name}_values"] = list(choices.values())
        sql_type = "BOOLEAN" if kind == "flag" else "VARCHAR"
        return (
            f"list_extract(${column.name}_values::{sql_type}[], "
            f"list_position(${column.name}_keys::VARCHAR[], {cell}))"
        )
    pattern, sql_type, within = NUMBER_PATTERNS[kind]
    params[f"{column.name}_pattern"] = pattern
    number = f"TRY_CAST({cell} AS {sql_type})"
    return (
        f"CASE WHEN regexp_full_match({cell}, ${column.name}_pattern) "
        f"AND {number} {within} THEN {number} END"
    )


def check(
    con: duckdb.DuckDBPyConnection, path: Path, own_municipality: str, year_now: int
) -> PlainFile | None:
    """The file, where it is plain and every row of it good and not stored yet; None where
    `parse` must read it (it may still be good, or update stored rows).

    The rows, as they would be stored, wait in a temporary table of the caller's connection
    for `write` (or are dropped again here).
    """
    header = _header(path)
    if header is None or not _readable(con, path, header):
        return None
    values, params = _parameters(header)
    read = ", ".join(f"{values[name]} AS v{i}" for i, name in enumerate(header))
    good = " AND ".join(
        f"(({_cell(i)} IS NULL OR {_cell(i)} = '') "
        f"{'AND FALSE' if COLUMNS_BY_NAME[name].required else ''} OR v{i} IS NOT NULL)"
        for i, name in enumerate(header)
    )
    stored = _keyed({name: f"v{i}" for i, name in enumerate(header)})
    con.execute(
        f"CREATE OR REPLACE TEMPORARY TABLE {_ROWS} AS "  # noqa: S608 - ours; values parameters
        f"SELECT {good} AS good, {stored} FROM (SELECT *, {read} FROM {_read_csv(header)})",
        {**params, "path": str(path), "own": own_municipality, "year": year_now},
    )
    found = con.execute(
        f"""
        SELECT count(*), coalesce(bool_and(good), false),
               count(DISTINCT (municipality, name, year)), coalesce(max(length(name)), 0),
               (SELECT count(*) FROM {_ROWS} AS file JOIN interventions i
                ON i.municipality = file.municipality AND i.name = file.name
                   AND i.year = file.year)
        FROM {_ROWS}
        """  # noqa: S608 - the table is ours
    ).fetchone()
    assert found is not None
    rows, all_good, distinct, longest, stored = found
    if (
        not rows
        or not all_good
        or distinct != rows
        or longest > importer.MAX_NAME_LENGTH
        or stored  # an update: `store.interventions.upsert` says what changed
    ):
        con.execute(f"DROP TABLE {_ROWS}")
        return None
    return PlainFile(path, tuple(header), int(rows))


def _readable(con: duckdb.DuckDBPyConnection, path: Path, header: Sequence[str]) -> bool:
    """Whether DuckDB reads the file. It refuses one it cannot read by ending the transaction
    it reads in: this first reading is on a connection of its own, outside the caller's."""
    with con.cursor() as reader:
        try:
            every = ", ".join(f"count({_cell(i)})" for i in range(len(header)))
            reader.execute(
                f"SELECT {every} FROM {_read_csv(header)}",  # noqa: S608 - the columns are ours
                {"path": str(path)},
            ).fetchall()
        except duckdb.Error:
            return False
    return True


_GLOB = frozenset("*?[]{}")
"""Characters that make `read_csv` read every file a pattern matches, not the one named."""


def _header(path: Path) -> list[str] | None:
    """The plain file's columns (`plain_csv_header`); None for any other file, for a file
    named as other than CSV (`parse` refuses a CSV named .xlsx), and for a name `read_csv`
    would take as a pattern."""
    if tabular.kind_of(path.name) != "csv" or _GLOB & set(str(path)):
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    return importer.plain_csv_header(head, complete=len(head) < _HEAD_BYTES)


def _keyed(values: dict[str, str]) -> str:
    """The stored value of every column (`stored_value`: an empty mandatory is no; an empty
    municipality is the database's own, an empty year this year)."""
    parts = []
    for name in COLUMN_NAMES:
        column = COLUMNS_BY_NAME[name]
        value = values.get(name, "NULL")
        if name == "year":
            value = f"coalesce({value}, $year)"
        elif name == "municipality":
            value = f"coalesce(nullif({value}, ''), $own)"
        elif column.empty is not None:
            value = f"coalesce({value}, {str(column.empty).upper()})"
        parts.append(f"{value} AS {name}")
    return ", ".join(parts)


def write(
    con: duckdb.DuckDBPyConnection,
    user: str,
    plain: PlainFile,
    own_municipality: str,
    import_id: int | None,
) -> WriteSummary:
    """Add every row of a file `check` took, in the caller's transaction, with one history
    row each."""
    names = ", ".join(COLUMN_NAMES)
    created = con.execute(
        f"INSERT INTO interventions ({names}, updated_by) "  # noqa: S608
        f"SELECT {names}, $user FROM {_ROWS} RETURNING id, name, municipality, year",
        {"user": user},
    ).fetchall()
    created.sort()
    # `check` found none of the file's rows stored before: the matches are the rows just added
    con.execute(
        f"""
        INSERT INTO history ("at", seq, "user", action, intervention_id, name, year,
                             field, old, new, municipality, import_id)
        SELECT $at, nextval('history_seq'), $user, 'insert', i.id, i.name, i.year,
               NULL, NULL, NULL, i.municipality, $import_id
        FROM {_ROWS} AS added
        JOIN interventions i ON i.municipality = added.municipality
            AND i.name = added.name AND i.year = added.year
        ORDER BY i.id
        """,  # noqa: S608 - the table is ours
        {"at": dt.datetime.now(), "user": user, "import_id": import_id},
    )
    con.execute(f"DROP TABLE {_ROWS}")
    summary = WriteSummary()
    summary.inserted = [
        f"{name} ({place}, {year})" if place and place != own_municipality else f"{name} ({year})"
        for _, name, place, year in created
    ]
    return summary
