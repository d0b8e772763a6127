"""Reading the interventions file (CSV or XLSX) into checked rows, without touching the database.

Every problem in a file is collected, each placed as `row N, column C` the way a
spreadsheet numbers rows (the header is row 1), so the user can fix them all in
one go. A file with any problem is rejected whole: `parse` raises `BadInput`, and
`viften.actions.interventions.import_file` writes nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from viften.files import tabular
from viften.files.guard import unguard
from viften.model import target_groups
from viften.model.assumptions import BENEFITS, parse_benefit
from viften.model.domain import COLUMNS, COLUMNS_BY_NAME, Column
from viften.model.errors import BadInput, Problem
from viften.model.messages import Message

MAX_NAME_LENGTH = 200

_TARGET_GROUPS = target_groups.ALIASES
_PROVIDER_TYPES = {
    "internal": "internal",
    "intern": "internal",
    "external": "external",
    "ekstern": "external",
}
_EFFECT_RATINGS = {
    "high": "high",
    "høj": "high",
    "hoej": "high",
    "medium": "medium",
    "middel": "medium",
    "mellem": "medium",
    "low": "low",
    "lav": "low",
}
_FLAGS = {
    "yes": True,
    "ja": True,
    "1": True,
    "true": True,
    "sand": True,
    "no": False,
    "nej": False,
    "0": False,
    "false": False,
    "falsk": False,
}
"""yes/no as people write it; SAND/FALSK is how Danish Excel shows a logical cell."""

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
    """A cell that cannot be read; `message` says why, for the user."""

    def __init__(self, key: str, **values: tuple[str, Any]) -> None:
        self.message = Message.of(key, **values)
        super().__init__(str(self.message))


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_CURRENCY = re.compile(r"^(dkk|kr\.?)\s*|\s*(dkk|kr\.?|,-|\.-)$", re.IGNORECASE)
_GROUPED = re.compile(r"^[1-9]\d{0,2}(X\d{3})+$")
_PLAIN = re.compile(r"[0-9]+(\.[0-9]+)?")
_PLAIN_COMMA = re.compile(r"[0-9]+(,[0-9]+)?")
"""Digits with a decimal mark, as the file writes it: never a thousands separator."""


def parse_number(raw: Any, decimal_comma: bool) -> float:
    """A number as people write it: 1.234.567,5 / 1,234,567.5 / 1 234 567 / 35,5 / 1234.5."""
    if type(raw) is str and (_PLAIN_COMMA if decimal_comma else _PLAIN).fullmatch(raw):
        value = float(raw.replace(",", "."))  # most cells: what the rules below make of them
    elif isinstance(raw, bool):
        raise CellError("cell_boolean")
    elif isinstance(raw, int | float):
        value = float(raw)
    elif isinstance(raw, dt.date | dt.time | dt.timedelta):
        raise CellError("cell_date")
    else:
        text = _CURRENCY.sub("", str(raw).strip()).strip()
        text = _SPACES.sub("", text).replace("\u2212", "-")
        sign = ""
        if text[:1] in ("+", "-"):
            sign, text = text[0], text[1:]
        if not text or not re.fullmatch(r"[\d.,]+", text) or not re.search(r"\d", text):
            raise CellError("cell_not_number", value=("quoted", str(raw).strip()))
        text = _canonical_digits(text, decimal_comma, str(raw).strip())
        value = float(sign + text)
    if math.isnan(value) or math.isinf(value):
        raise CellError("cell_not_finite")
    return value


def _canonical_digits(text: str, decimal_comma: bool, shown: str) -> str:
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = text.rpartition(decimal)
        if decimal in whole or not _GROUPED.match(whole.replace(thousands, "X")):
            raise CellError("cell_not_number", value=("quoted", shown))
        return whole.replace(thousands, "") + "." + fraction
    separator = "," if has_comma else "." if has_dot else ""
    if not separator:
        return text
    if text.count(separator) > 1:
        if not _GROUPED.match(text.replace(separator, "X")):
            raise CellError("cell_not_number", value=("quoted", shown))
        return text.replace(separator, "")
    # one separator: a decimal mark, unless it can only be thousands in this file's style
    grouped = bool(_GROUPED.match(text.replace(separator, "X")))
    if grouped and (
        (separator == "." and decimal_comma) or (separator == "," and not decimal_comma)
    ):
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
        raise CellError("cell_control_character", code=("text", f"{ord(control.group()):04X}"))
    # undo the guard our export puts in front of text that a spreadsheet would run
    return unguard(text) if guarded else text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters other than tab and line breaks below space: XLSX cannot hold them."""


def _whole(value: float, key: str) -> int:
    if not float(value).is_integer():
        raise CellError(key, value=("figure", value))
    return int(value)


def read_cell(
    column: Column, raw: Any, decimal_comma: bool, guarded: bool = True, *, strip: bool = True
) -> Any:
    """The stored value for one cell, None for an empty one; CellError says what is wrong.

    `strip=False` keeps text exactly as it is (a machine-written file, the audit trail),
    so that text which came in through the formula guard with a leading tab survives.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return column.empty
    kind = column.kind
    if kind == "text":
        return _text_value(raw, guarded, strip)
    if kind == "benefit":
        benefit = parse_benefit(raw)
        if benefit is None:
            raise CellError(
                "cell_not_benefit", value=("quoted", str(raw).strip()), known=("names", BENEFITS)
            )
        return benefit
    if kind == "flag":
        return _read_flag(raw)
    if kind in ("target_group", "provider_type", "effect_rating"):
        table = {
            "target_group": _TARGET_GROUPS,
            "provider_type": _PROVIDER_TYPES,
            "effect_rating": _EFFECT_RATINGS,
        }[kind]
        key = _key(raw)
        if key not in table:
            raise CellError(f"cell_not_{kind}", value=("quoted", str(raw).strip()))
        return table[key]
    if kind == "stars":
        text = "".join(str(raw).split())
        if text and set(text) <= {"*", "★", "☆"}:
            # ★★☆ is two of three stars; ☆ marks the ones not earned, on a scale of three
            count = len(text) if len(text) > 3 else text.count("★") + text.count("*")
        else:
            count_value = parse_number(raw, decimal_comma)
            if not count_value.is_integer() or count_value not in (1.0, 2.0, 3.0):
                raise CellError("cell_stars", count=("figure", count_value))
            count = int(count_value)
        if count not in (1, 2, 3):
            raise CellError("cell_stars", count=("figure", count))
        return count
    if kind == "rate":
        return _read_rate(raw, decimal_comma)
    value = parse_number(raw, decimal_comma)
    if kind == "year":
        year = _whole(value, "cell_year_not_whole")
        if not 2000 <= year <= 2100:
            raise CellError("cell_year_range", year=("text", year))
        return year
    if kind == "money":
        if value < 0:
            raise CellError("cell_price_negative", value=("figure", value))
        return value
    if kind == "count":
        if value < 0:
            raise CellError("cell_count_negative", value=("figure", value))
        return _whole(value, "cell_count_not_whole")
    if kind == "positive":
        if value <= 0:
            raise CellError("cell_not_positive", value=("figure", value))
        return value
    if kind == "weeks":
        if value < 0:
            raise CellError("cell_weeks_negative", value=("figure", value))
        return _whole(value, "cell_weeks_not_whole")
    raise AssertionError(f"unknown column kind {kind}")


def _read_flag(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    flag = _FLAGS.get(_key(raw))
    if flag is None:
        raise CellError("cell_not_flag", value=("quoted", str(raw).strip()))
    return flag


def _read_rate(raw: Any, decimal_comma: bool) -> float:
    text = str(raw).strip() if isinstance(raw, str) else None
    if text is not None and text.endswith("%"):
        # divided as decimals: 14,3 % is the share 0.143, not 0.14300000000000002
        value = float(Decimal(repr(parse_number(text[:-1], decimal_comma))) / 100)
    else:
        value = parse_number(raw, decimal_comma)
    if not 0 <= value <= 1:
        raise CellError(
            "cell_not_share", value=("text", text) if text is not None else ("figure", value)
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
        return int(number) if column.kind in ("year", "count", "stars", "weeks") else number
    if column.kind == "text":
        return text  # exactly what was stored
    return read_cell(column, text, decimal_comma=False, guarded=False, strip=False)


def deleted_fields(rows: Iterable[tuple[str | None, str | None]]) -> list[tuple[str, str]]:
    """(field, old value) of a deletion in the trail: its one row holds the record as JSON;
    a deletion written before that holds one row per field."""
    out: list[tuple[str, str]] = []
    for fld, old in rows:
        if fld is None and old:
            out.extend((str(k), str(v)) for k, v in json.loads(old).items() if k in COLUMNS_BY_NAME)
        elif fld is not None and old is not None:
            out.append((fld, old))
    return out


# --- reading files -------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """The raw cells of a file: its header row and the numbered rows under it."""

    header: list[Any]
    rows: list[tabular.Row]
    """(spreadsheet row number, cells) of every row below the header."""
    decimal_comma: bool
    header_row: int = 1
    """The header's spreadsheet row number: rows above it (a title) are not read."""
    guarded: bool = True
    """Text may carry the export's formula guard (CSV and XLSX, not Parquet)."""
    strip_text: bool = True
    """Text lose surrounding spaces (typed files); Parquet's text is kept exactly."""


HEADER_RULE = tabular.HeaderRule(
    tuple(c.name for c in COLUMNS if c.required),
    lambda cell: _HEADER_ALIASES.get(normalise_header(cell)),
)
"""The interventions file's header row holds every required column."""


def read_table(data: bytes, filename: str) -> Table:
    """The cells of a CSV, XLSX or Parquet file, as written (see viften.files.tabular)."""
    kind = tabular.kind_of(filename)
    if kind is None:
        raise BadInput(
            Message.of(
                "iv_unknown_file_type",
                file=("text", filename),
                suffix=("quoted", Path(filename).suffix.lower()),
            )
        )
    with tabular.open_table(data, kind, HEADER_RULE) as table:
        if table.header is None:
            raise BadInput(Message.of("iv_file_empty"))
        rows = list(table.rows)
    header = list(table.header)
    if kind == "parquet":
        return Table(header, rows, decimal_comma=False, guarded=False, strip_text=False)
    if table.csv_format is None:
        return Table(header, rows, decimal_comma=True, header_row=table.header_row)
    numeric = [
        index
        for index, cell in enumerate(header)
        if (column := _HEADER_ALIASES.get(normalise_header(cell))) is not None
        and COLUMNS_BY_NAME[column].kind in _NUMBER_KINDS
    ]
    decimal_comma = table.csv_format.delimiter == ";" or any(
        _shows_decimal_comma(cell) for cell in _distinct_cells(rows, numeric)
    )
    return Table(header, rows, decimal_comma, header_row=table.header_row)


def _distinct_cells(rows: list[tabular.Row], indexes: Iterable[int]) -> set[Any]:
    """The distinct cells of some columns (a short row has none in the columns it lacks)."""
    cells_of = [cells for _, cells in rows]
    found: set[Any] = set()
    for index in indexes:
        try:
            found.update(map(itemgetter(index), cells_of))
        except IndexError:
            found.update(cells[index] for cells in cells_of if index < len(cells))
    return found


_NUMBER_KINDS = ("year", "money", "count", "rate", "stars", "positive", "weeks")
_DECIMAL_COMMA = re.compile(r"\s*[-+]?(\d+,\d+)\s*%?\s*")


def _shows_decimal_comma(cell: str) -> bool:
    """A number cell that can only be read with a decimal comma (0,35 / 12,5; not 12,500).

    Only number columns count: a name or description like "1,5" says nothing about how
    the file writes its numbers.
    """
    found = _DECIMAL_COMMA.fullmatch(cell)
    return found is not None and not _GROUPED.match(found.group(1).replace(",", "X"))


# --- checking a whole file -----------------------------------------------------------------


def _column_name(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _map_header(
    header: Sequence[Any], header_row: int, problems: list[Problem]
) -> dict[int, tuple[str, str]]:
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
            if not close:
                message = Message.of("header_unknown", known=("names", [c.name for c in COLUMNS]))
            elif _HEADER_ALIASES[close[0]] == close[0]:
                message = Message.of("header_unknown_near", near=("quoted", close[0]))
            else:
                message = Message.of(
                    "header_unknown_near_alias",
                    near=("quoted", close[0]),
                    column=("text", _HEADER_ALIASES[close[0]]),
                )
            problems.append(Problem(header_row, written, message))
            mapping[index] = (_UNKNOWN, written)
            continue
        if name in seen:
            problems.append(
                Problem(
                    header_row,
                    written,
                    Message.of("header_twice", column=("text", name), other=("quoted", seen[name])),
                )
            )
            mapping[index] = (_UNKNOWN, written)
            continue
        seen[name] = written
        mapping[index] = (name, written)
    for column in COLUMNS:
        if column.required and column.name not in seen:
            problems.append(
                Problem(
                    header_row,
                    column.name,
                    Message.of("header_missing", danish=("quoted", column.danish)),
                )
            )
    return mapping


def check_table(
    table: Table, default_year: int | None = None, own_municipality: str = ""
) -> ParsedFile:
    """Checked rows of a table; BadInput listing every problem if there is any.

    A name is unique per (municipality, year), an empty `municipality` being
    `own_municipality`, the database's own (interface.md); the row keeps it empty (None), and
    `store.interventions.upsert` writes the own one.

    The table is checked column by column: each distinct cell of a column is read once
    (`read_cell`), so a file of many rows costs about as much as its distinct values. The
    problems come out as a row-by-row reading would list them: by row, then by column.
    """
    problems: list[Problem] = []
    mapping = _map_header(table.header, table.header_row, problems)
    year_now = default_year or dt.date.today().year
    kept = [(number, cells) for number, cells in table.rows if not _blank(cells)]
    numbers = [number for number, _ in kept]
    width = max([len(mapping), *(len(cells) for _, cells in kept)])
    cells_by_column = _columns_of([cells for _, cells in kept], width)
    found: dict[int, list[Problem]] = {}

    def report(position: int, column: str, message: Message) -> None:
        found.setdefault(position, []).append(Problem(numbers[position], column, message))

    values: dict[str, list[Any]] = {}
    invalid: dict[str, set[int]] = {}
    for index, raw_cells in enumerate(cells_by_column):
        name, written = mapping.get(index, ("", f"{_column_name(index)} (no header)"))
        if name == _UNKNOWN:
            continue  # the header problem is reported once, not on every row
        if not name:
            key = "cell_without_header" if index in mapping else "cell_beyond_last_column"
            for position, raw in enumerate(raw_cells):
                if not _empty_cell(raw):
                    report(position, written, Message.of(key))
            continue
        read, errors = _read_column(COLUMNS_BY_NAME[name], raw_cells, table)
        values[name] = read
        invalid[name] = set(errors)
        for position, message in errors.items():
            report(position, written, message)
    for column in COLUMNS:
        if column.required and column.name in values:
            bad = invalid[column.name]
            for position, value in enumerate(values[column.name]):
                if value is None and position not in bad:
                    report(position, _written(mapping, column.name), required_message(column.name))
    for position, name in enumerate(values.get("name", ())):
        if isinstance(name, str) and len(name) > MAX_NAME_LENGTH:
            report(
                position,
                _written(mapping, "name"),
                Message.of(
                    "name_too_long", length=("text", len(name)), most=("text", MAX_NAME_LENGTH)
                ),
            )
    if "year" in values:
        values["year"] = [year_now if year is None else year for year in values["year"]]
    names = list(values)
    rows = [dict(zip(names, cells, strict=True)) for cells in zip(*values.values(), strict=True)]
    if not names:
        rows = [{} for _ in kept]
    if "year" not in values:
        for row in rows:
            row["year"] = year_now
    _check_names_once(rows, own_municipality, _written(mapping, "name"), numbers, report)
    for position in sorted(found):
        problems.extend(found[position])
    if not problems and not rows:
        problems.append(
            Problem(table.header_row + 1, _written(mapping, "name"), Message.of("iv_no_rows"))
        )
    if problems:
        raise BadInput(Message.of("iv_file_problems", count=("text", len(problems))), problems)
    columns = tuple(name for name, _ in mapping.values() if name and name != _UNKNOWN)
    if "year" not in columns:
        columns += ("year",)
    return ParsedFile(rows, columns)


def _empty_cell(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _blank(cells: list[Any]) -> bool:
    """`tabular.blank`, quicker for a row of text (every CSV row)."""
    try:
        return not "".join(cells).strip()
    except TypeError:
        return tabular.blank(cells)


def _columns_of(rows: list[list[Any]], width: int) -> list[tuple[Any, ...]]:
    """The cells column by column, a short row's missing cells empty (None)."""
    if not rows:
        return [() for _ in range(width)]
    padded = [
        cells if len(cells) == width else [*cells, *([None] * (width - len(cells)))]
        for cells in rows
    ]
    return list(zip(*padded, strict=True))


def _read_column(
    column: Column, raw_cells: Sequence[Any], table: Table
) -> tuple[list[Any], dict[int, Message]]:
    """The stored values of a column's cells (None where a cell is bad) and, by position,
    why each bad one is bad; each distinct cell is read once."""
    try:
        keys: Sequence[Any] = (
            raw_cells
            if all(raw is None or type(raw) is str for raw in set(raw_cells))
            # a workbook's True, 1 and 1.0 are equal keys, and are read differently
            else [(type(raw), raw) for raw in raw_cells]
        )
        distinct = dict(zip(keys, raw_cells, strict=True))
    except TypeError:  # a cell no dict can hold (a list in a Parquet file)
        keys, distinct = range(len(raw_cells)), dict(enumerate(raw_cells))
    read = {key: _read_one(column, raw, table) for key, raw in distinct.items()}
    values = list(map({key: value for key, (value, _) in read.items()}.__getitem__, keys))
    why = {key: message for key, (_, message) in read.items() if message is not None}
    if not why:
        return values, {}
    return values, {position: why[key] for position, key in enumerate(keys) if key in why}


def _read_one(column: Column, raw: Any, table: Table) -> tuple[Any, Message | None]:
    try:
        value = read_cell(column, raw, table.decimal_comma, table.guarded, strip=table.strip_text)
    except CellError as error:
        return None, error.message
    return value, None


def _check_names_once(
    rows: Sequence[dict[str, Any]],
    own_municipality: str,
    written: str,
    numbers: Sequence[int],
    report: Callable[[int, str, Message], None],
) -> None:
    """A (municipality, name, year) twice in the file: the second says where the first is."""
    first_row_of: dict[tuple[str, str, int], int] = {}
    for position, row in enumerate(rows):
        name_value, year_value = row.get("name"), row.get("year")
        if isinstance(name_value, str) and isinstance(year_value, int):
            key = (str(row.get("municipality") or own_municipality), name_value, year_value)
            if key in first_row_of:
                report(position, written, _twice_message(key, first_row_of[key]))
            else:
                first_row_of[key] = numbers[position]


def _twice_message(key: tuple[str, str, int], first: int) -> Message:
    municipality, name, year = key
    values: dict[str, tuple[str, Any]] = {
        "name": ("quoted", name),
        "year": ("text", year),
        "first": ("text", first),
    }
    if not municipality:
        return Message.of("name_twice_in_file", **values)
    return Message.of(
        "name_twice_in_file_municipality", municipality=("quoted", municipality), **values
    )


_UNKNOWN = "\x00unknown"


def _written(mapping: dict[int, tuple[str, str]], name: str) -> str:
    for english, written in mapping.values():
        if english == name:
            return written
    return name


def required_message(column: str) -> Message:
    """`job_rate is required`."""
    return Message.of("cell_required", column=("text", column))


def parse(
    data: bytes, filename: str, default_year: int | None = None, own_municipality: str = ""
) -> ParsedFile:
    """Read and check an interventions file; BadInput lists every problem."""
    return check_table(read_table(data, filename), default_year, own_municipality)


# --- the plain CSV file (read by the store's `plain_csv`, not cell by cell here) ------------

PLAIN_CSV_FORMAT = tabular.CsvFormat(tabular.UTF8, ",")
"""The only format the plain reading takes: UTF-8, comma-separated (so a decimal point)."""


def plain_csv_header(head: bytes, complete: bool) -> list[str] | None:
    """The columns (English names, in file order) of a CSV file whose first bytes are `head`,
    where the file is plain: UTF-8 and comma-separated, the header on its first line and
    without quotes, every header cell a known column once, every required column there.

    None for any other file (`complete`: `head` is the whole file): `parse` reads it, and says
    what is wrong with it where anything is.
    """
    end = head.find(b"\n")
    if end < 0 and not complete:
        return None
    try:
        if tabular.sniff_csv(head, HEADER_RULE, complete=complete) != PLAIN_CSV_FORMAT:
            return None
        first_line = head[: end if end >= 0 else len(head)].decode(tabular.UTF8)
    except (BadInput, UnicodeDecodeError):
        return None
    first_line = first_line.removesuffix("\r")
    if '"' in first_line:
        return None
    names: list[str] = []
    for cell in first_line.split(","):
        name = _HEADER_ALIASES.get(normalise_header(cell))
        if name is None or name in names:
            return None
        names.append(name)
    if not all(c.name in names for c in COLUMNS if c.required):
        return None
    return names


_CHOICES: dict[str, Iterable[str]] = {
    "target_group": _TARGET_GROUPS,
    "provider_type": _PROVIDER_TYPES,
    "effect_rating": _EFFECT_RATINGS,
    "flag": _FLAGS,
    "benefit": BENEFITS,
}


def plain_choices(column: Column) -> dict[str, Any] | None:
    """For a column of few values (a target group, a flag...): each way to write a value
    exactly, mapped to what `read_cell` stores for it; None for other columns."""
    keys = _CHOICES.get(column.kind)
    if keys is None:
        return None
    return {key: read_cell(column, key, decimal_comma=False) for key in keys}
