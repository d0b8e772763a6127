"""Reading the interventions file (CSV or XLSX) into checked rows, without touching the database.

Every problem in a file is collected, each placed as `row N, column C` the way a
spreadsheet numbers rows (the header is row 1), so the user can fix them all in
one go. A file with any problem is rejected whole: `parse` raises `BadInput`
and `import_file` writes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from viften.model import target_groups
from viften.model.domain import COLUMNS, COLUMNS_BY_NAME, Column
from viften.model.errors import BadInput, Problem

MAX_NAME_LENGTH = 200
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_TARGET_GROUPS = target_groups.ALIASES
_PROVIDER_TYPES = {"internal": "internal", "intern": "internal",
                   "external": "external", "ekstern": "external"}
_EFFECT_RATINGS = {"high": "high", "høj": "high", "hoej": "high",
                   "medium": "medium", "middel": "medium", "mellem": "medium",
                   "low": "low", "lav": "low"}

_HEADER_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    _HEADER_ALIASES[_column.name] = _column.name
    _HEADER_ALIASES[_column.danish] = _column.name


def _key(text: Any) -> str:
    """Text as a lookup key: one space between words, any case, å as one character or two
    (a file from a Mac may spell å as a + ring)."""
    return unicodedata.normalize("NFC", " ".join(str(text).split())).casefold()


def normalise_header(text: Any) -> str:
    return _key(str(text or "").replace("\ufeff", ""))


def parse_target_group(text: str) -> str | None:
    return _TARGET_GROUPS.get(_key(text))


@dataclass(frozen=True)
class ParsedFile:
    """The checked content of an interventions file."""

    rows: list[dict[str, Any]]
    """One dict per intervention, keyed by the English column names."""
    columns: tuple[str, ...]
    """The columns the file has (English names); others keep their stored values."""


# --- reading cells -------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be read; the message is the user's."""


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_CURRENCY = re.compile(r"^(dkk|kr\.?)\s*|\s*(dkk|kr\.?|,-|\.-)$", re.IGNORECASE)
_GROUPED = re.compile(r"^[1-9]\d{0,2}(X\d{3})+$")


def parse_number(raw: Any, decimal_comma: bool) -> float:
    """A number as people write it: 1.234.567,5 / 1,234,567.5 / 1 234 567 / 35,5 / 1234.5."""
    if isinstance(raw, bool):
        raise CellError("expected a number, not TRUE/FALSE")
    if isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, dt.date | dt.time | dt.timedelta):
        raise CellError("is a date or time; expected a number")
    else:
        text = _CURRENCY.sub("", str(raw).strip()).strip()
        text = _SPACES.sub("", text).replace("\u2212", "-")
        sign = ""
        if text[:1] in ("+", "-"):
            sign, text = text[0], text[1:]
        if not text or not re.fullmatch(r"[\d.,]+", text) or not re.search(r"\d", text):
            raise CellError(f"{str(raw).strip()!r} is not a number")
        text = _canonical_digits(text, decimal_comma, str(raw).strip())
        value = float(sign + text)
    if math.isnan(value) or math.isinf(value):
        raise CellError("is not a finite number")
    return value


def _canonical_digits(text: str, decimal_comma: bool, shown: str) -> str:
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = text.rpartition(decimal)
        if decimal in whole or not _GROUPED.match(whole.replace(thousands, "X")):
            raise CellError(f"{shown!r} is not a number")
        return whole.replace(thousands, "") + "." + fraction
    separator = "," if has_comma else "." if has_dot else ""
    if not separator:
        return text
    if text.count(separator) > 1:
        if not _GROUPED.match(text.replace(separator, "X")):
            raise CellError(f"{shown!r} is not a number")
        return text.replace(separator, "")
    # one separator: a decimal mark, unless it can only be thousands in this file's style
    grouped = bool(_GROUPED.match(text.replace(separator, "X")))
    if grouped and ((separator == "." and decimal_comma) or (separator == "," and
                                                            not decimal_comma)):
        return text.replace(separator, "")
    return text.replace(",", ".")


def _text_value(raw: Any, guarded: bool = True, strip: bool = True) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip() if strip else str(raw)
    if not text.strip():
        return None
    control = _CONTROL.search(text)
    if control:
        raise CellError(f"holds an invisible control character (U+{ord(control.group()):04X}) "
                        "that a spreadsheet cannot hold; remove it")
    if guarded and re.match(r"^'+[=+\-@\t\r]", text):
        # undo the guard our export puts in front of text that a spreadsheet would run
        text = text[1:]
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters other than tab and line breaks below space: XLSX cannot hold them."""


def _whole(value: float, what: str) -> int:
    if not float(value).is_integer():
        raise CellError(f"{_show(value)} must be a whole number ({what})")
    return int(value)


def _show(value: float) -> str:
    return f"{value:g}"


def read_cell(column: Column, raw: Any, decimal_comma: bool, guarded: bool = True, *,
              strip: bool = True) -> Any:
    """The stored value for one cell, None for an empty one; CellError says what is wrong.

    `strip=False` keeps text exactly as it is (a machine-written file, the audit trail),
    so that text which came in through the formula guard with a leading tab survives.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind = column.kind
    if kind == "text":
        return _text_value(raw, guarded, strip)
    if kind in ("target_group", "provider_type", "effect_rating"):
        table, allowed = {
            "target_group": (_TARGET_GROUPS, "closer, further or cross (tættere på, "
                             "længere væk, tværgående)"),
            "provider_type": (_PROVIDER_TYPES, "internal or external (intern, ekstern)"),
            "effect_rating": (_EFFECT_RATINGS, "high, medium or low (høj, middel, lav)"),
        }[kind]
        key = _key(raw)
        if key not in table:
            raise CellError(f"{str(raw).strip()!r} is not one of {allowed}")
        return table[key]
    if kind == "stars":
        text = "".join(str(raw).split())
        if text and set(text) <= {"*", "★", "☆"}:
            # ★★☆ is two of three stars; ☆ marks the ones not earned, on a scale of three
            count = len(text) if len(text) > 3 else text.count("★") + text.count("*")
        else:
            count_value = parse_number(raw, decimal_comma)
            if not count_value.is_integer() or count_value not in (1.0, 2.0, 3.0):
                raise CellError(f"{_show(count_value)} stars: evidence is 1, 2 or 3 stars")
            count = int(count_value)
        if count not in (1, 2, 3):
            raise CellError(f"{count} stars: evidence is 1, 2 or 3 stars")
        return count
    if kind == "rate":
        return _read_rate(raw, decimal_comma)
    value = parse_number(raw, decimal_comma)
    if kind == "year":
        year = _whole(value, "a year")
        if not 2000 <= year <= 2100:
            raise CellError(f"{year} must be a year between 2000 and 2100")
        return year
    if kind == "money":
        if value < 0:
            raise CellError(f"{_show(value)} kr. is negative; a price must be 0 or more")
        return value
    if kind == "count":
        if value < 0:
            raise CellError(f"{_show(value)} is negative; it must be 0 or more")
        return _whole(value, "a number of participants")
    if kind == "positive":
        if value <= 0:
            raise CellError(f"{_show(value)} must be more than 0")
        return value
    raise AssertionError(f"unknown column kind {kind}")


def _read_rate(raw: Any, decimal_comma: bool) -> float:
    text = str(raw).strip() if isinstance(raw, str) else None
    if text is not None and text.endswith("%"):
        # divided as decimals: 14,3 % is the share 0.143, not 0.14300000000000002
        value = float(Decimal(repr(parse_number(text[:-1], decimal_comma))) / 100)
        written = text
    else:
        value = parse_number(raw, decimal_comma)
        written = text if text is not None else _show(value)
    if not 0 <= value <= 1:
        raise CellError(
            f"{written} must be a share between 0 and 1 (or written as a percentage, "
            "like 35 %)"
        )
    return value


def coerce_stored(field: str, text: str | None) -> Any:
    """A value from the audit trail (stored as text) back in its column's type."""
    if text is None:
        return None
    column = COLUMNS_BY_NAME[field]
    if column.kind in _NUMBER_KINDS:
        # the trail holds Python's own digits (1e-05 included): read them back exactly
        number = float(text)
        return int(number) if column.kind in ("year", "count", "stars") else number
    if column.kind == "text":
        return text  # exactly what was stored
    return read_cell(column, text, decimal_comma=False, guarded=False, strip=False)


# --- reading files -------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """The raw cells of a file: a header and the rows under it."""

    header: list[Any]
    rows: list[list[Any]]
    decimal_comma: bool
    guarded: bool = True
    """Text may carry the export's formula guard (CSV and XLSX, not Parquet)."""
    strip_text: bool = True
    """Text loses surrounding spaces (typed files); Parquet's text is kept exactly."""


def read_table(data: bytes, filename: str) -> Table:
    """The cells of a CSV or XLSX file (first sheet), as written."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(data)
    if suffix == ".parquet":
        return _read_parquet(data)
    raise BadInput(f"{filename}: unknown file type {suffix!r}; use a .csv or .xlsx file")


def _read_parquet(data: bytes) -> Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    except (pa.ArrowException, OSError, ValueError, TypeError, OverflowError) as error:
        raise BadInput(f"the file is not a readable Parquet file ({error})") from error
    # pandas writes a missing number as NaN: that is an empty cell, not a bad number
    rows = [[None if isinstance(c, float) and math.isnan(c) else c for c in cells]
            for cells in zip(*columns, strict=True)] if columns else []
    return Table(list(table.column_names), rows, decimal_comma=False, guarded=False,
                 strip_text=False)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(
            "the file is not UTF-8 text: save it as 'CSV UTF-8' (in Excel: Save as, "
            f"CSV UTF-8), or as .xlsx (byte {error.start} cannot be read)"
        ) from error
    if "\x00" in text:
        raise BadInput("the file holds binary data, not CSV text; use a .csv or .xlsx file")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise BadInput(f"the CSV file cannot be read: {error}") from error
    if not any(cell.strip() for row in records for cell in row):
        raise BadInput("the file is empty: it needs a header row and one row per intervention")
    numeric = [index for index, cell in enumerate(records[0])
               if (column := _HEADER_ALIASES.get(normalise_header(cell))) is not None
               and COLUMNS_BY_NAME[column].kind in _NUMBER_KINDS]
    decimal_comma = delimiter == ";" or any(
        _shows_decimal_comma(row[index]) for row in records[1:] for index in numeric
        if index < len(row)
    )
    return Table(records[0], records[1:], decimal_comma)


_NUMBER_KINDS = ("year", "money", "count", "rate", "stars", "positive")
_DECIMAL_COMMA = re.compile(r"\s*[-+]?(\d+,\d+)\s*%?\s*")


def _shows_decimal_comma(cell: str) -> bool:
    """A number cell that can only be read with a decimal comma (0,35 / 12,5; not 12,500).

    Only number columns count: a name or description like "1,5" says nothing about how
    the file writes its numbers.
    """
    found = _DECIMAL_COMMA.fullmatch(cell)
    return found is not None and not _GROUPED.match(found.group(1).replace(",", "X"))


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if not book.worksheets:
                raise BadInput("the workbook has no sheet with cells; use a .csv or .xlsx file")
            sheet = book.worksheets[0]
            # the size a workbook states may be stale or missing (some programs write "A1"):
            # without this, openpyxl's read-only mode would silently drop rows and columns
            sheet.reset_dimensions()
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    except BadInput:
        raise
    except Exception as error:  # a damaged workbook fails in many ways: all are bad input
        raise BadInput(f"the file is not a readable .xlsx workbook ({error})") from error
    while rows and all(cell is None for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise BadInput("the first sheet is empty: it needs a header row and one row per "
                       "intervention")
    return Table(list(rows[0]), rows[1:], decimal_comma=True)


# --- checking a whole file -----------------------------------------------------------------


def _column_name(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _map_header(header: Sequence[Any], problems: list[Problem]) -> dict[int, tuple[str, str]]:
    """Column index -> (English name, header as written)."""
    mapping: dict[int, tuple[str, str]] = {}
    seen: dict[str, str] = {}
    known = sorted(_HEADER_ALIASES)
    for index, cell in enumerate(header):
        written = str(cell).replace("\ufeff", "").strip() if cell is not None else ""
        if not written:
            mapping[index] = ("", f"{_column_name(index)} (no header)")
            continue
        name = _HEADER_ALIASES.get(normalise_header(written))
        if name is None:
            close = difflib.get_close_matches(normalise_header(written), known, n=1, cutoff=0.5)
            hint = ""
            if close:
                target = _HEADER_ALIASES[close[0]]
                hint = f"; did you mean {close[0]!r}"
                hint += f" ({target})?" if close[0] != target else "?"
            else:
                hint = "; known columns: " + ", ".join(c.name for c in COLUMNS)
            problems.append(Problem(1, written, f"unknown column{hint}"))
            mapping[index] = (_UNKNOWN, written)
            continue
        if name in seen:
            problems.append(Problem(1, written, f"the column {name} appears twice "
                                    f"(also as {seen[name]!r})"))
            mapping[index] = (_UNKNOWN, written)
            continue
        seen[name] = written
        mapping[index] = (name, written)
    for column in COLUMNS:
        if column.required and column.name not in seen:
            problems.append(Problem(1, column.name, "required column is missing "
                                    f"(Danish header: {column.danish!r})"))
    return mapping


def check_table(table: Table, default_year: int | None = None) -> ParsedFile:
    """Checked rows of a table; BadInput listing every problem if there is any."""
    problems: list[Problem] = []
    mapping = _map_header(table.header, problems)
    year_now = default_year or dt.date.today().year
    rows: list[dict[str, Any]] = []
    first_row_of: dict[tuple[str, int], int] = {}
    for offset, cells in enumerate(table.rows):
        row_number = offset + 2
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        row: dict[str, Any] = {}
        for index, raw in enumerate(cells):
            name, written = mapping.get(index, ("", f"{_column_name(index)} (no header)"))
            empty = raw is None or (isinstance(raw, str) and not raw.strip())
            if name == _UNKNOWN:
                continue  # the header problem is reported once, not on every row
            if not name:
                if not empty and index in mapping:
                    problems.append(Problem(row_number, written,
                                            "a cell in a column without a header; give the "
                                            "column a header or empty it"))
                elif not empty:
                    problems.append(Problem(row_number, written,
                                            "a cell beyond the last column; remove it"))
                continue
            column = COLUMNS_BY_NAME[name]
            try:
                row[name] = read_cell(column, raw, table.decimal_comma, table.guarded,
                                      strip=table.strip_text)
            except CellError as error:
                problems.append(Problem(row_number, written, str(error)))
                row[name] = _INVALID
        for name, _ in mapping.values():
            if name and name != _UNKNOWN:
                row.setdefault(name, None)  # a short row: its last cells are empty
        _check_row(row, row_number, mapping, problems)
        if row.get("year") is None:
            row["year"] = year_now
        name_value, year_value = row.get("name"), row.get("year")
        if isinstance(name_value, str) and isinstance(year_value, int):
            key = (name_value, year_value)
            if key in first_row_of:
                problems.append(Problem(
                    row_number, _written(mapping, "name"),
                    f"{name_value!r} for {year_value} already appears in row "
                    f"{first_row_of[key]}; a name must be unique within a year",
                ))
            else:
                first_row_of[key] = row_number
        rows.append(row)
    if not problems and not rows:
        problems.append(Problem(2, _written(mapping, "name"),
                                "the file has a header but no interventions"))
    if problems:
        raise BadInput(f"the file has {len(problems)} problem(s); nothing was imported",
                       problems)
    columns = tuple(name for name, _ in mapping.values() if name and name != _UNKNOWN)
    if "year" not in columns:
        columns += ("year",)
    return ParsedFile(rows, columns)


_INVALID = object()
_UNKNOWN = "\x00unknown"


def _written(mapping: dict[int, tuple[str, str]], name: str) -> str:
    for english, written in mapping.values():
        if english == name:
            return written
    return name


def _check_row(row: dict[str, Any], row_number: int, mapping: dict[int, tuple[str, str]],
               problems: list[Problem]) -> None:
    present = {english for english, _ in mapping.values()}
    for column in COLUMNS:
        if column.required and column.name in present and row.get(column.name) is None:
            problems.append(Problem(row_number, _written(mapping, column.name),
                                    f"{column.name} is required"))
    name = row.get("name")
    if isinstance(name, str) and len(name) > MAX_NAME_LENGTH:
        problems.append(Problem(row_number, _written(mapping, "name"),
                                f"the name has {len(name)} characters; at most "
                                f"{MAX_NAME_LENGTH} are allowed"))
    for key, value in list(row.items()):
        if value is _INVALID:
            row[key] = None


def parse(data: bytes, filename: str, default_year: int | None = None) -> ParsedFile:
    """Read and check an interventions file; BadInput lists every problem."""
    return check_table(read_table(data, filename), default_year)


def import_file(
    path: Path,
    data: bytes,
    filename: str,
    actor: Any,
    progress: Callable[[float, str], None] | None = None,
) -> Any:
    """Check a file and write it in one transaction: all of it, or (on any problem) nothing."""
    from viften.store import db
    from viften.store import interventions as store

    report = progress or (lambda share, step: None)
    report(0.05, "reading")
    parsed = parse(data, filename)
    report(0.4, "checked")
    with db.transaction(path) as con:
        summary = store.upsert(con, actor, parsed.rows, parsed.columns, progress=report)
    report(1.0, "done")
    return summary
