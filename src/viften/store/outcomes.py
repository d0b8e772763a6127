"""Participant-level outcome records: reading, checking and storing them, without a UI.

Why this module exists: where a jobcentre has followed up on the people in an
intervention (and in a comparison group), the measured job rates should replace
the entered expectations. Files can hold millions of records, so the checking is
done by DuckDB in SQL over the whole file at once, not row by row in Python.

The file (interface.md, `outcomes import`): CSV or XLSX, read by the rules of
`viften.files.tabular` (the same as the interventions file's), one record a row, columns

    intervention (indsats)   the intervention's name as stored for that year
    year (år)                optional; empty: the newest year in the database
    group (gruppe)           treatment/control, also deltager/kontrol
    employed (i job)         1/0, ja/nej, true/false (also yes/no)
    person_id (person)       optional; a person may appear once per intervention and year
    municipality (kommune)   optional; empty: the database's own (the `municipality` setting)

Headers match case-insensitively and ignore surrounding spaces. All or nothing:
any bad row raises `OutcomeProblems` (a `BadInput`) and nothing is written.

Records belong to an intervention of a municipality: everything below is per
(municipality, intervention, year), and the rates are measured per that triple.

Replace, not append: an import replaces every stored record of each
(municipality, intervention, year) that occurs in the file, and leaves all other records
alone, also another kommune's of the same name. Importing the same file twice therefore
gives the same counts as importing it once, and a corrected file for one intervention
simply takes the place of the old one. Each replaced triple is written to the audit trail
as an `update` of the field `outcome_records` of that kommune's intervention.

Fast path: a regular CSV (UTF-8, the header on row 1, no blank line before the last
record) imported with an import id is read by DuckDB's `read_csv` straight into
`outcomes`, with the delimiter the shared reader sniffed: no copy of millions of records
through a staging table. Each record is marked with the import's id, a bad one (with
stand-in values) with the id's negation, and the checks in SQL run on the marked records.
A file with any problem has its records taken out again and is read once more into a
staging table that numbers the rows as a spreadsheet does, for the messages. Any other
file, and one that DuckDB's strict reader refuses (a row with too many or too few values,
a blank line that would shift the numbering, bad UTF-8), goes through the shared reader's
rows into the staging table instead, which can say exactly which row is wrong. Either
way the records meet the same SQL checks, and the messages are the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import itertools
import mmap
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from viften.files import tabular
from viften.model.errors import BadInput, Problem
from viften.model.messages import Message
from viften.model.outcome_counts import OUTCOME_COUNTS
from viften.store import db

if TYPE_CHECKING:
    from viften.store import postgres
from viften.store.interventions import newest_year, own_municipality, record_changes

MAX_PROBLEMS = 50
"""At most this many problems are listed; the rest are counted."""

ProgressCallback = Callable[[float, str], None]
"""Called with the share done (0 to 1) and a stage: reading, checking, writing, done."""


@dataclass(frozen=True)
class OutcomeColumn:
    """One column of the outcome file."""

    name: str
    """The English name."""
    danish: str
    """The Danish alias."""
    required: bool
    sql: str
    """The column's name in the staging SQL (`group` is a reserved word)."""


OUTCOME_COLUMNS: tuple[OutcomeColumn, ...] = (
    OutcomeColumn("intervention", "indsats", True, "intervention"),
    OutcomeColumn("year", "år", False, "year_text"),
    OutcomeColumn("group", "gruppe", True, "group_text"),
    OutcomeColumn("employed", "i job", True, "employed_text"),
    OutcomeColumn("person_id", "person", False, "person_text"),
    OutcomeColumn("municipality", "kommune", False, "municipality_text"),
)

TREATMENT_WORDS = ("treatment", "deltager")
CONTROL_WORDS = ("control", "kontrol")
YES_WORDS = ("1", "ja", "true", "yes")
NO_WORDS = ("0", "nej", "false", "no")


class OutcomeProblems(BadInput):
    """Bad outcome records: the first `MAX_PROBLEMS` problems and how many there are in all."""

    def __init__(self, problems: list[Problem], total: int) -> None:
        key = "outcomes_problems_first" if total > len(problems) else "outcomes_problems"
        super().__init__(
            Message.of(key, total=("text", total), shown=("text", len(problems))), problems, total
        )


@dataclass(frozen=True)
class InterventionOutcome:
    """The stored counts of one (municipality, intervention, year) after an import."""

    intervention: str
    year: int
    n_treatment: int
    k_treatment: int
    n_control: int
    k_control: int
    replaced: int
    """Records of this kommune's (intervention, year) that were stored before and are now
    replaced."""


@dataclass
class OutcomeImportSummary:
    """What an import did."""

    records: int = 0
    """Records imported."""
    replaced: int = 0
    """Records stored earlier for the same (municipality, intervention, year) and now replaced."""
    interventions: list[InterventionOutcome] = field(default_factory=list)
    import_id: int | None = None
    """The row of `imports` the import is recorded as."""

    def describe(self) -> str:
        names = ", ".join(f"{i.intervention} ({i.year})" for i in self.interventions)
        return (
            f"imported {self.records} outcome record(s) for {len(self.interventions)} "
            f"intervention(s): {names}; replaced {self.replaced} earlier record(s)"
        )


# --- the header ----------------------------------------------------------------------------


def _normalise(header: str) -> str:
    return " ".join(header.strip().casefold().split())


_KNOWN: dict[str, OutcomeColumn] = {}
for _column in OUTCOME_COLUMNS:
    _KNOWN[_column.name] = _column
    _KNOWN[_column.danish] = _column


def _column_of(header: Any) -> str | None:
    column = _KNOWN.get(_normalise(str(header or "")))
    return column.name if column is not None else None


HEADER_RULE = tabular.HeaderRule(tuple(c.name for c in OUTCOME_COLUMNS if c.required), _column_of)
"""The outcome file's header row holds intervention, group and employed."""


def match_header(headers: Sequence[str], header_row: int = 1) -> list[OutcomeColumn]:
    """The column of each header, or `BadInput` naming unknown, doubled and missing ones."""
    problems: list[Problem] = []
    matched: list[OutcomeColumn] = []
    seen: dict[str, str] = {}
    for header in headers:
        key = _normalise(header or "")
        column = _KNOWN.get(key)
        if column is None:
            nearest = difflib.get_close_matches(key, list(_KNOWN), n=1, cutoff=0.0)
            known = [f"{c.name} ({c.danish})" for c in OUTCOME_COLUMNS]
            problems.append(
                Problem(
                    header_row,
                    header,
                    Message.of(
                        "outcomes_unknown_column",
                        header=("quoted", header),
                        near=("quoted", _KNOWN[nearest[0]].name),
                        known=("names", known),
                    ),
                )
            )
            continue
        if column.name in seen:
            problems.append(
                Problem(
                    header_row,
                    header,
                    Message.of(
                        "outcomes_column_twice",
                        column=("quoted", column.name),
                        other=("quoted", seen[column.name]),
                    ),
                )
            )
            continue
        seen[column.name] = header
        matched.append(column)
    for column in OUTCOME_COLUMNS:
        if column.required and column.name not in seen:
            problems.append(
                Problem(
                    header_row,
                    column.name,
                    Message.of(
                        "outcomes_column_missing",
                        column=("quoted", column.name),
                        danish=("text", column.danish),
                    ),
                )
            )
    if problems:
        raise OutcomeProblems(problems, len(problems))
    return matched


# --- reading the file: straight into `outcomes`, or into a staging table ---------------------


@dataclass(frozen=True)
class _Staged:
    columns: list[OutcomeColumn]
    headers: dict[str, str]
    """Column name -> the header as the file writes it (for problem messages)."""
    extra_problems: list[Problem]
    """Problems found while reading (rows of the wrong length)."""
    stored: bool = False
    """The records went straight into `outcomes`, each marked with the import's id (a bad
    one with its negation); else they are in the staging table `outcome_upload`, with row
    numbers and raw cells for messages."""
    restage: Callable[[], _Staged] | None = None
    """Builds the staging table when the stored records turn out to have problems."""


_BLANK_LINE = re.compile(rb"\n\r?\n")
_NOT_WHITESPACE = re.compile(rb"[^ \t\n\r\x0b\x0c]")
"""A byte that `bytes.strip` keeps."""


def _has_inner_blank_line(path: Path) -> bool:
    """True when a blank line comes before the last record (DuckDB would skip it silently).

    One pass over the file: the first blank line of either kind (LF or CRLF), then whether
    anything but whitespace follows it, without copying the rest of the file.
    """
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        blank = _BLANK_LINE.search(data)
        return blank is not None and _NOT_WHITESPACE.search(data, blank.end()) is not None


def _columns_sql(names: Iterable[str]) -> str:
    return "{" + ", ".join(f"'{n}': 'VARCHAR'" for n in names) + "}"


def _read_csv(columns: list[OutcomeColumn]) -> str:
    """DuckDB's strict reader of a regular CSV, every cell as text; lines it rejects are
    collected in `reject_errors` rather than raised (an error inside the caller's
    transaction would abort it)."""
    return (
        "read_csv($path, delim = $delim, header = true, quote = '\"', escape = '\"', "
        "auto_detect = false, store_rejects = true, "
        f"columns = {_columns_sql(c.sql for c in columns)})"
    )


def _rejected_lines(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the last `_read_csv` rejected a line; forgets them."""
    rejected = con.execute("SELECT count(*) FROM reject_errors").fetchone()
    con.execute("DROP TABLE IF EXISTS temp.reject_errors")
    con.execute("DROP TABLE IF EXISTS temp.reject_scans")
    return bool(rejected and rejected[0])


def _stage_csv_directly(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    delimiter: str,
    columns: list[OutcomeColumn],
    default_year: int | None,
) -> bool:
    """Read a regular CSV straight into the staging table; False if DuckDB rejected a line."""
    # a streaming row_number() keeps the file's order: the header is row 1
    _create_upload(
        con,
        _read_csv(columns),
        "row_number() OVER () + 1",
        columns,
        {"path": str(path), "delim": delimiter},
        default_year,
    )
    return not _rejected_lines(con)


_VALID = (
    "intervention IS NOT NULL AND year BETWEEN 2000 AND 2100 "
    "AND treatment IS NOT NULL AND employed IS NOT NULL"
)
"""A record every check in SQL but the ones across records (unknown intervention, a person
twice) lets through."""


def _store_csv_directly(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    delimiter: str,
    columns: list[OutcomeColumn],
    default_year: int | None,
    import_id: int,
) -> bool:
    """Read a regular CSV straight into `outcomes`; False if DuckDB rejected a line.

    This spares copying every record through a staging table. Each record is marked with the
    import's id; a bad one, whose values `outcomes` cannot hold, is stored with stand-ins
    and the id's negation, so that `_check` finds it. Either way the caller's transaction
    never commits them: a file with any bad record is refused.
    """
    con.execute(
        f"""
        INSERT INTO outcomes
            (intervention, year, treatment, employed, person_id, municipality, import_id)
        SELECT coalesce(intervention, ''), coalesce(year, 0), coalesce(treatment, false),
               coalesce(employed, false), person_id, municipality,
               CASE WHEN {_VALID} THEN $import ELSE -$import END
        FROM ({_parsed(_read_csv(columns), None, columns)})
        """,  # noqa: S608 - only constants are formatted in; the values are parameters
        {
            "path": str(path),
            "delim": delimiter,
            "default_year": default_year,
            "import": import_id,
        },
    )
    return not _rejected_lines(con)


def _unstore(con: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Take the records `_store_csv_directly` stored out again."""
    con.execute(
        "DELETE FROM outcomes WHERE import_id IN (CAST($1 AS BIGINT), -CAST($1 AS BIGINT))",
        [import_id],
    )


def _parsed(source: str, row_expression: str | None, columns: list[OutcomeColumn]) -> str:
    """The SELECT of the records of `source` as `outcomes` holds them (NULL where a value is
    bad), with a row expression also their row numbers (`given_row`) and raw cells.

    Its parameters: `default_year`, and those of `source`.
    """
    present = {c.name for c in columns}
    year_text = "nullif(trim(year_text), '')" if "year" in present else "NULL"
    person = "nullif(trim(person_text), '')" if "person_id" in present else "NULL"
    # an empty municipality is the database's own, set by `import_records` for this import
    own = f"CAST(getvariable('{_OWN_VARIABLE}') AS VARCHAR)"
    place = (
        f"coalesce(nullif(trim(municipality_text), ''), {own})"
        if "municipality" in present
        else own
    )
    # a cell of four digits as it stands needs no trimming (most files' every year)
    plain_year = (
        "WHEN regexp_full_match(year_text, '[0-9]{1,4}') THEN CAST(year_text AS INTEGER)"
        if "year" in present
        else ""
    )
    raw = (
        f"{row_expression} AS given_row, {year_text} AS year_text, group_text, employed_text,"
        if row_expression is not None
        else ""
    )
    return f"""
        SELECT {raw}
               nullif(trim(intervention), '') AS intervention,
               CASE {plain_year}
                    WHEN {year_text} IS NULL THEN CAST($default_year AS INTEGER)
                    WHEN regexp_full_match({year_text}, '[0-9]{{1,4}}')
                    THEN CAST({year_text} AS INTEGER) END AS year,
               {_either("group_text", TREATMENT_WORDS, CONTROL_WORDS)} AS treatment,
               {_either("employed_text", YES_WORDS, NO_WORDS)} AS employed,
               {person} AS person_id,
               {place} AS municipality
        FROM {source}
    """  # noqa: S608 - only constants are formatted in


def _either(cell: str, true_words: Sequence[str], false_words: Sequence[str]) -> str:
    """SQL: true for a word of `true_words`, false for one of `false_words` (in any case,
    with spaces around), else NULL. The cell as it stands is compared first: that spares
    most cells `lower` and `trim`, which cost more than reading them."""
    true_list, false_list = (
        ", ".join(f"'{w}'" for w in words) for words in (true_words, false_words)
    )
    folded = f"lower(trim({cell}))"
    return (
        f"CASE WHEN {cell} IN ({true_list}) THEN true WHEN {cell} IN ({false_list}) THEN false "
        f"WHEN {folded} IN ({true_list}) THEN true WHEN {folded} IN ({false_list}) THEN false END"
    )


def _create_upload(
    con: duckdb.DuckDBPyConnection,
    source: str,
    row_expression: str,
    columns: list[OutcomeColumn],
    params: dict[str, Any],
    default_year: int | None,
) -> None:
    """The staging table: parsed values, row numbers and the raw cells for messages."""
    con.execute("DROP TABLE IF EXISTS temp.outcome_upload")
    con.execute(
        f"CREATE TEMP TABLE outcome_upload AS {_parsed(source, row_expression, columns)}",
        {**params, "default_year": default_year},
    )


_OWN_VARIABLE = "viften_own_municipality"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _empty(path: Path) -> BadInput:
    return BadInput(Message.of("outcomes_empty", file=("text", path.name)))


@contextmanager
def _normalised_file(
    table: tabular.Table, header: list[str]
) -> Iterator[tuple[Path, list[Problem]]]:
    """The rows below the header into a plain CSV with their row numbers, for DuckDB."""
    problems: list[Problem] = []
    handle = tempfile.NamedTemporaryFile(  # closed below, deleted in finally
        "w",
        suffix=".csv",
        prefix="viften-outcomes-",
        delete=False,
        encoding="utf-8",
        newline="",
    )
    name = Path(handle.name)
    width = len(header)
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(["given_row", *(f"c{i}" for i in range(width))])
            for number, cells in table.rows:
                row = [_cell_text(v) for v in cells]
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > width and any(cell.strip() for cell in row[width:]):
                    problems.append(
                        Problem(
                            number,
                            str(width + 1),
                            Message.of(
                                "outcomes_too_many_values",
                                values=("text", len(row)),
                                width=("text", width),
                            ),
                        )
                    )
                writer.writerow([number, *(row + [""] * width)[:width]])
        yield name, problems
    finally:
        name.unlink(missing_ok=True)


def _stage(
    con: duckdb.DuckDBPyConnection, path: Path, default_year: int | None, import_id: int | None
) -> _Staged:
    if not path.exists():
        raise BadInput(Message.of("outcomes_missing_file", file=("text", str(path))))
    kind = tabular.kind_of(path.name) if path.suffix else None
    if kind not in ("csv", "xlsx"):
        raise BadInput(Message.of("outcomes_file_type", file=("text", path.name)))
    with tabular.open_table(path, kind, HEADER_RULE) as table:
        if table.header is None:
            raise _empty(path)
        header = [_cell_text(c) for c in table.header]
        while header and not header[-1].strip():
            header.pop()
        columns = match_header(header, table.header_row)
        headers_by_name = {c.name: h.strip() for c, h in zip(columns, header, strict=True)}
        fmt = table.csv_format
        if fmt is not None and fmt.encoding == tabular.UTF8 and table.header_row == 1:
            staged = _stage_csv_quickly(
                con, path, fmt.delimiter, columns, headers_by_name, default_year, import_id
            )
            if staged is not None:
                return staged
        # the careful way, through the shared reader, says which row is wrong
        with _normalised_file(table, header) as (plain, problems):
            names = ["given_row", *(c.sql for c in columns)]
            source = (
                "read_csv($path, delim = ',', header = true, quote = '\"', escape = '\"', "
                f"auto_detect = false, columns = {_columns_sql(names)})"
            )
            _create_upload(
                con,
                source,
                "CAST(given_row AS BIGINT)",
                columns,
                {"path": str(plain)},
                default_year,
            )
    return _Staged(columns, headers_by_name, problems)


def _stage_csv_quickly(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    delimiter: str,
    columns: list[OutcomeColumn],
    headers_by_name: dict[str, str],
    default_year: int | None,
    import_id: int | None,
) -> _Staged | None:
    """The records straight from DuckDB's reader, into `outcomes` where the import has an
    id to mark them with (else into the staging table); None where the reader refused a
    line, or where a blank line would shift its row numbers."""

    def detailed() -> _Staged:
        if not _stage_csv_directly(con, path, delimiter, columns, default_year):
            raise BadInput(Message.of("outcomes_changed", file=("text", path.name)))
        return _Staged(columns, headers_by_name, [])

    try:
        if _has_inner_blank_line(path):
            return None
        if import_id is None:  # nothing would tell its records from the stored ones
            if _stage_csv_directly(con, path, delimiter, columns, default_year):
                return _Staged(columns, headers_by_name, [])
            return None
        if _store_csv_directly(con, path, delimiter, columns, default_year, import_id):
            return _Staged(columns, headers_by_name, [], stored=True, restage=detailed)
        _unstore(con, import_id)
    except duckdb.Error as error:
        raise BadInput(
            Message.of("outcomes_csv_unreadable", file=("text", path.name), error=("text", error))
        ) from None
    return None


# --- checking ------------------------------------------------------------------------------

_CHECKS = """
    SELECT given_row AS row, 'intervention' AS col, 'missing_intervention' AS kind,
           NULL AS value, NULL AS extra
    FROM outcome_upload WHERE intervention IS NULL
    UNION ALL
    SELECT given_row, 'year', 'bad_year', year_text, NULL
    FROM outcome_upload WHERE year IS NULL AND year_text IS NOT NULL
       OR year NOT BETWEEN 2000 AND 2100
    UNION ALL
    SELECT given_row, 'year', 'no_year', NULL, NULL
    FROM outcome_upload WHERE year IS NULL AND year_text IS NULL
    UNION ALL
    SELECT given_row, 'group', 'bad_group', group_text, NULL
    FROM outcome_upload WHERE treatment IS NULL
    UNION ALL
    SELECT given_row, 'employed', 'bad_employed', employed_text, NULL
    FROM outcome_upload WHERE employed IS NULL
"""

_UNKNOWN_INTERVENTIONS = """
    WITH unknown AS (
        SELECT DISTINCT u.municipality, u.intervention, u.year FROM outcome_upload u
        WHERE u.intervention IS NOT NULL AND u.year BETWEEN 2000 AND 2100
          AND NOT EXISTS (SELECT 1 FROM interventions i
                          WHERE i.name = u.intervention AND i.year = u.year
                            AND i.municipality = u.municipality)
    )
    SELECT given_row AS row, 'intervention', 'unknown_intervention', u.intervention,
           CAST(u.year AS VARCHAR)
    FROM outcome_upload u JOIN unknown USING (municipality, intervention, year)
"""

_DOUBLE_PERSONS = """
    WITH doubled AS (
        SELECT municipality, intervention, year, person_id FROM outcome_upload
        WHERE person_id IS NOT NULL AND intervention IS NOT NULL AND year IS NOT NULL
        GROUP BY ALL HAVING count(*) > 1
    ), placed AS (
        SELECT given_row AS row, u.person_id, u.intervention, u.year,
               min(given_row) OVER (
                   PARTITION BY u.municipality, u.intervention, u.year, u.person_id
               ) AS first
        FROM outcome_upload u JOIN doubled USING (municipality, intervention, year, person_id)
    )
    SELECT row, 'person_id', 'double_person', person_id,
           intervention || ' (' || year || ')', first
    FROM placed WHERE row > first
"""


_PLAIN_PROBLEMS = {
    "missing_intervention": "outcomes_missing_intervention",
    "bad_year": "outcomes_bad_year",
    "no_year": "outcomes_no_year",
    "bad_group": "outcomes_bad_group",
    "bad_employed": "outcomes_bad_employed",
}
"""The text key of each kind of problem the checks in SQL find, where the value is all it needs."""
_EMPTY_PROBLEMS = {
    "bad_group": "outcomes_bad_group_empty",
    "bad_employed": "outcomes_bad_employed_empty",
}


def _problem_message(
    kind: str,
    value: str | None,
    extra: str | None,
    first: int | None,
    known: Callable[[str, int], list[str]],
) -> Message:
    if kind in _EMPTY_PROBLEMS and (value is None or not value.strip()):
        return Message.of(_EMPTY_PROBLEMS[kind])
    if kind == "unknown_intervention":
        year = int(extra or 0)
        names = known(value or "", year)
        if names:
            return Message.of(
                "outcomes_unknown_intervention_near",
                name=("quoted", value),
                year=("text", year),
                near=("quoted", names[0]),
            )
        return Message.of(
            "outcomes_unknown_intervention", name=("quoted", value), year=("text", year)
        )
    if kind == "double_person":
        return Message.of(
            "outcomes_double_person",
            person=("quoted", value),
            intervention=("text", extra),
            first=("text", first),
        )
    return Message.of(_PLAIN_PROBLEMS[kind], value=("quoted", value))


def _collect_keys(con: duckdb.DuckDBPyConnection, records: str, params: Sequence[Any] = ()) -> None:
    """The file's few (municipality, intervention, year) with their counts, found in one
    pass over its `records` (a FROM clause): each statement after it reads this small table,
    not every record again."""
    con.execute("DROP TABLE IF EXISTS temp.outcome_upload_keys")
    con.execute(
        f"""
        CREATE TEMP TABLE outcome_upload_keys AS
        SELECT municipality, intervention, year, {_COUNTS} FROM {records}
        GROUP BY municipality, intervention, year
        """,  # noqa: S608 - only constants are formatted in
        list(params),
    )


def _quick_check(
    con: duckdb.DuckDBPyConnection, staged: _Staged, import_id: int | None
) -> tuple[int, bool]:
    """How many records the file has, and whether any of them has a problem; the keys of the
    good ones in `outcome_upload_keys`."""
    if staged.stored:
        good, bad, params = "import_id = $1", "import_id = -$1", [import_id]
        table = "outcomes"
    else:
        good, bad, params = _VALID, f"NOT coalesce({_VALID}, false)", []
        table = "outcome_upload"
    _collect_keys(con, f"{table} WHERE {good}", params)
    doubled = (
        f"""(SELECT count(*) FROM (
                SELECT 1 FROM {table} WHERE {good} AND person_id IS NOT NULL
                GROUP BY hash(municipality, intervention, year, person_id)
                HAVING count(*) > 1))"""  # noqa: S608 - only constants are formatted in
        if any(c.name == "person_id" for c in staged.columns)
        else "0"
    )
    found = con.execute(
        f"""
        SELECT
            (SELECT coalesce(sum(n_treatment + n_control), 0) FROM outcome_upload_keys),
            (SELECT count(*) FROM {table} WHERE {bad}),
            (SELECT count(*) FROM outcome_upload_keys k
             WHERE NOT EXISTS (SELECT 1 FROM interventions i
                               WHERE i.name = k.intervention AND i.year = k.year
                                 AND i.municipality = k.municipality)),
            {doubled}
        """,  # noqa: S608 - only constants are formatted in
        params,
    ).fetchone()
    good_records, bad_records, unknown, twice = (int(v) for v in found) if found else (0, 0, 0, 0)
    return good_records + bad_records, bad_records + unknown + twice > 0


def _check(con: duckdb.DuckDBPyConnection, staged: _Staged, import_id: int | None) -> _Staged:
    """Raise `OutcomeProblems` for a file with any bad row; for a good one, the staged
    records, their keys in `outcome_upload_keys`.

    A person key that collided (a hash), and nothing else, sends a file through the
    detailed check and on."""
    records, problems = _quick_check(con, staged, import_id)
    if records == 0 and not staged.extra_problems:
        raise BadInput(Message.of("outcomes_no_records"))
    if not problems and not staged.extra_problems:
        return staged
    if staged.stored and staged.restage is not None and import_id is not None:
        _unstore(con, import_id)
        staged = staged.restage()
    _check_in_detail(con, staged)
    _collect_keys(con, f"outcome_upload WHERE {_VALID}")
    return staged


def _check_in_detail(con: duckdb.DuckDBPyConnection, staged: _Staged) -> None:
    every_check = (
        f"SELECT * FROM ({_CHECKS}) "  # noqa: S608 - constants only
        f"UNION ALL SELECT * FROM ({_UNKNOWN_INTERVENTIONS})"
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE outcome_problems AS {every_check}")
    try:
        total_row = con.execute("SELECT count(*) FROM outcome_problems").fetchone()
        total = int(total_row[0]) if total_row else 0
        rows = con.execute(
            f"SELECT * FROM outcome_problems ORDER BY 1, 2 LIMIT {MAX_PROBLEMS}"  # noqa: S608
        ).fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS temp.outcome_problems")
    has_persons = any(c.name == "person_id" for c in staged.columns)
    if has_persons and total < MAX_PROBLEMS:
        doubled = con.execute(
            f"SELECT * FROM ({_DOUBLE_PERSONS}) ORDER BY 1 "  # noqa: S608
            f"LIMIT {MAX_PROBLEMS}"
        ).fetchall()
        rows = sorted([*rows, *doubled], key=lambda r: (r[0], r[1]))
        total += len(doubled)
    if not rows and not staged.extra_problems:
        return  # a person key collided, but no person is really there twice
    names_by_year: dict[int, list[str]] = {}

    def known(name: str, year: int) -> list[str]:
        if year not in names_by_year:
            names_by_year[year] = [
                r[0]
                for r in con.execute(
                    "SELECT name FROM interventions WHERE year = ?", [year]
                ).fetchall()
            ]
        candidates = names_by_year[year]
        folded = [c for c in candidates if c.casefold() == name.casefold()]
        return folded or difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)

    position = {c.name: i for i, c in enumerate(staged.columns)}
    found = sorted(rows, key=lambda r: (r[0], position.get(r[1], 0)))
    problems = [
        Problem(
            int(row),
            staged.headers.get(col, col),
            _problem_message(kind, value, extra, first[0] if first else None, known),
        )
        for row, col, kind, value, extra, *first in found
    ]
    problems = sorted([*staged.extra_problems, *problems], key=lambda p: p.row)
    total += len(staged.extra_problems)
    raise OutcomeProblems(problems[:MAX_PROBLEMS], total)


# --- writing -------------------------------------------------------------------------------


def counts_text(n_treatment: int, k_treatment: int, n_control: int, k_control: int) -> str | None:
    if n_treatment + n_control == 0:
        return None
    return OUTCOME_COUNTS.format(
        n_treatment=n_treatment, k_treatment=k_treatment, n_control=n_control, k_control=k_control
    )


_COUNTS = """
    count(*) FILTER (WHERE treatment) AS n_treatment,
    count(*) FILTER (WHERE treatment AND employed) AS k_treatment,
    count(*) FILTER (WHERE NOT treatment) AS n_control,
    count(*) FILTER (WHERE NOT treatment AND employed) AS k_control
"""


def _write(
    con: duckdb.DuckDBPyConnection, user: str, import_id: int | None, stored: bool
) -> OutcomeImportSummary:
    """Replace the stored records of the file's keys (`outcome_upload_keys`) by the file's:
    those of the staging table, or with `stored` those already in `outcomes` under
    `import_id`, which the statements below leave alone."""
    earlier, params = (
        ("AND import_id IS DISTINCT FROM CAST($1 AS BIGINT)", [import_id]) if stored else ("", [])
    )
    before = {
        (r[0], r[1], int(r[2])): r[3:]
        for r in con.execute(
            f"""
            SELECT municipality, intervention, year, {_COUNTS} FROM outcomes
            WHERE (municipality, intervention, year) IN (
                SELECT municipality, intervention, year FROM outcome_upload_keys) {earlier}
            GROUP BY municipality, intervention, year
            """,  # noqa: S608 - only constants are formatted in
            params,
        ).fetchall()
    }
    if import_id is not None:
        # kept, so that `store.imports.revert` can put them back
        con.execute(
            f"""
            INSERT INTO outcomes_replaced
            SELECT CAST($1 AS BIGINT), intervention, year, treatment, employed, person_id,
                   municipality, import_id
            FROM outcomes
            WHERE (municipality, intervention, year) IN (
                SELECT municipality, intervention, year FROM outcome_upload_keys) {earlier}
            """,  # noqa: S608 - only constants are formatted in
            [import_id],
        )
    con.execute(
        f"""
        DELETE FROM outcomes
        WHERE (municipality, intervention, year) IN (
            SELECT municipality, intervention, year FROM outcome_upload_keys) {earlier}
        """,  # noqa: S608 - only constants are formatted in
        params,
    )
    if not stored:
        con.execute(
            "INSERT INTO outcomes "
            "(intervention, year, treatment, employed, person_id, municipality, import_id) "
            "SELECT intervention, year, treatment, employed, person_id, municipality, "
            "CAST($1 AS BIGINT) "
            "FROM outcome_upload",
            [import_id],
        )
    after = con.execute(
        """
        SELECT k.intervention, k.year, k.n_treatment, k.k_treatment, k.n_control,
               k.k_control, i.id, k.municipality
        FROM outcome_upload_keys AS k JOIN interventions i
            ON i.name = k.intervention AND i.year = k.year AND i.municipality = k.municipality
        ORDER BY k.intervention, k.municipality, k.year
        """
    ).fetchall()
    con.execute("DROP TABLE temp.outcome_upload_keys")
    summary = OutcomeImportSummary()
    history: list[tuple[str, Any, str, int, str | None, Any, Any]] = []
    for name, year, n1, k1, n2, k2, intervention_id, place in after:
        old = before.get((place, name, int(year)), (0, 0, 0, 0))
        replaced = int(old[0]) + int(old[2])
        summary.interventions.append(
            InterventionOutcome(name, int(year), int(n1), int(k1), int(n2), int(k2), replaced)
        )
        summary.records += int(n1) + int(n2)
        summary.replaced += replaced
        old_text = counts_text(*(int(v) for v in old))
        new_text = counts_text(int(n1), int(k1), int(n2), int(k2))
        if old_text != new_text:
            history.append(
                ("update", intervention_id, name, int(year), "outcome_records", old_text, new_text)
            )
    # one statement for all of them (one per intervention cost seconds at national scale);
    # the trail's municipality is the intervention's, which the join above made `place`
    record_changes(con, user, history, import_id)
    return summary


def import_records(
    con: duckdb.DuckDBPyConnection,
    path: str | os.PathLike[str],
    user: str,
    progress: ProgressCallback | None = None,
    import_id: int | None = None,
) -> OutcomeImportSummary:
    """Check and store the outcome records of a CSV or XLSX file, inside the caller's transaction.

    `import_id` (a row of `imports`) marks the records, the ones they replace and the trail.

    Raises `BadInput` (an `OutcomeProblems` for bad rows) before anything is written;
    the caller's transaction makes the write all or nothing. `user` is named in the audit
    trail; `viften.actions.outcomes` decides who may import.
    """
    report = progress or (lambda share, stage: None)
    source = Path(path)
    report(0.0, "reading")
    if db.is_postgres(con):
        summary = _import_into_postgres(con, source, user, report, import_id)
        report(1.0, "done")
        return summary
    con.execute(f"SET VARIABLE {_OWN_VARIABLE} = ?", [own_municipality(con)])
    try:
        staged = _stage(con, source, newest_year(con), import_id)
        report(0.4, "checking")
        staged = _check(con, staged, import_id)
        report(0.6, "writing")
        summary = _write(con, user, import_id, staged.stored)
    finally:
        with suppress(duckdb.Error):  # an aborted transaction is rolled back by the caller
            con.execute("DROP TABLE IF EXISTS temp.outcome_upload")
            con.execute("DROP TABLE IF EXISTS temp.outcome_upload_keys")
    report(1.0, "done")
    return summary


_UPLOADED = ("intervention", "year", "treatment", "employed", "person_id", "municipality")


def _import_into_postgres(
    pg: postgres.Connection,
    source: Path,
    user: str,
    report: ProgressCallback,
    import_id: int | None,
) -> OutcomeImportSummary:
    """`import_records` on PostgreSQL: DuckDB (in memory) reads and checks the file against
    the stored interventions, COPY sends the checked records, and `_write` replaces them."""
    local = duckdb.connect()
    try:
        local.register(
            "known", pg.execute("SELECT id, municipality, name, year FROM interventions").arrow()
        )
        local.execute("CREATE TABLE interventions AS SELECT * FROM known")
        own = own_municipality(db.as_duckdb(pg))
        local.execute(f"SET VARIABLE {_OWN_VARIABLE} = ?", [own])
        staged = _stage(local, source, newest_year(local), None)  # no `outcomes` here
        report(0.4, "checking")
        _check(local, staged, None)
        report(0.6, "writing")
        pg.execute(
            "CREATE TEMP TABLE outcome_upload (intervention VARCHAR, year INTEGER, "
            "treatment BOOLEAN, employed BOOLEAN, person_id VARCHAR, municipality VARCHAR)"
        )
        uploaded = local.execute(
            f"SELECT {', '.join(_UPLOADED)} FROM outcome_upload"  # noqa: S608 - constants
        )
        batches = iter(lambda: uploaded.fetchmany(50_000), [])
        pg.copy_rows("outcome_upload", _UPLOADED, itertools.chain.from_iterable(batches))
        writer = db.as_duckdb(pg)
        _collect_keys(writer, "outcome_upload")
        summary = _write(writer, user, import_id, stored=False)
        pg.execute("DROP TABLE pg_temp.outcome_upload")
        return summary
    finally:
        local.close()


def counts(con: duckdb.DuckDBPyConnection, year: int | None = None) -> list[dict[str, Any]]:
    """The stored records per (municipality, intervention, year): n and k for both groups."""
    where, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
    cursor = con.execute(
        f"SELECT intervention, year, {_COUNTS}, municipality FROM outcomes {where} "  # noqa: S608
        "GROUP BY municipality, intervention, year ORDER BY year DESC, intervention, municipality",
        params,
    )
    return db.records(cursor)
