"""One reader for the tabular files people import (CSV, XLSX, Parquet), without a UI.

Why one: the interventions file and the outcome records come out of the same spreadsheets,
so they are read by the same rules (interface.md, "The interventions file"):

- CSV in UTF-8 with or without a byte order mark, else Windows-1252 (what Danish Excel saves
  as "CSV (semikolonsepareret)"); cells separated by commas, semicolons or tabs.
- The header row is the first row that holds the required columns: rows above it (a title,
  a date, an empty row) are skipped, and every row keeps its spreadsheet number.
- XLSX is read with openpyxl in read-only mode: the first sheet that has such a header row.
- Parquet: the column names are the header.

Where no row holds every required column, the row holding most of them is taken as the
header, so that the caller can say which columns are missing and which are misspelt.
Rows are yielded lazily: an outcome file may hold millions of them.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from viften.model.errors import BadInput
from viften.model.messages import Message

HEADER_SEARCH_ROWS = 100
"""The header row is looked for among this many rows at the top of a sheet."""
DELIMITERS = (";", ",", "\t")
UTF8, WINDOWS_1252 = "utf-8-sig", "cp1252"
_HEAD_BYTES = 1 << 16

Row = tuple[int, list[Any]]
"""A spreadsheet row number (the first row is 1) and the row's cells."""


@dataclass(frozen=True)
class HeaderRule:
    """What makes a row the header row: it holds every required column."""

    required: tuple[str, ...]
    """The required columns, by the names messages use."""
    column_of: Callable[[Any], str | None]
    """The column a header cell names (by the names of `required`), or None."""

    def held(self, cells: Sequence[Any]) -> int:
        """How many of the required columns the cells name."""
        named = {self.column_of(cell) for cell in cells if cell is not None}
        return sum(1 for column in self.required if column in named)


@dataclass(frozen=True)
class CsvFormat:
    """How a CSV file is written."""

    encoding: str
    """`UTF8` (a byte order mark is taken off) or `WINDOWS_1252`."""
    delimiter: str


@dataclass(frozen=True)
class Table:
    """A sheet's header row and the rows below it."""

    header: list[Any] | None
    """The header row's cells; None where the file has no cell with anything in it."""
    header_row: int
    """The header's spreadsheet row number (1 where nothing is above it)."""
    rows: Iterator[Row]
    """The rows below the header, numbered; read them inside `open_table`."""
    kind: str
    """csv, xlsx or parquet."""
    csv_format: CsvFormat | None = None


def kind_of(filename: str) -> str | None:
    """csv, xlsx or parquet from a file's suffix; None for any other file."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt", ""):
        return "csv"
    if suffix == ".parquet":
        return "parquet"
    return None


@contextmanager
def open_table(source: bytes | Path, kind: str, rule: HeaderRule) -> Iterator[Table]:
    """The table of a file's contents or of a file on disk, by the rules of this module."""
    with ExitStack() as stack:
        if kind == "parquet":
            yield _parquet(source if isinstance(source, bytes) else source.read_bytes())
            return
        if kind == "xlsx":
            sheets = _xlsx_sheets(source, stack)
            yield _locate(sheets, rule, kind)
            return
        head = source[:_HEAD_BYTES] if isinstance(source, bytes) else _head(source)
        complete = isinstance(source, bytes) or len(head) < _HEAD_BYTES
        data = source if isinstance(source, bytes) else None
        csv_format = sniff_csv(data if data is not None else head, rule, complete=complete)
        yield _locate([_csv_rows_of(source, csv_format, stack)], rule, kind, csv_format)


# --- CSV -----------------------------------------------------------------------------------


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_HEAD_BYTES)


def _decode(data: bytes, complete: bool) -> tuple[str, str]:
    """The text and the encoding: UTF-8 where it reads as UTF-8, else Windows-1252."""
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError as error:
        if not complete and error.start >= len(data) - 3:
            # the head ends inside a character: the part before it decides
            return data[: error.start].decode(UTF8), UTF8
    try:
        return data.decode(WINDOWS_1252), WINDOWS_1252
    except UnicodeDecodeError as error:
        raise BadInput(Message.of("files_not_text", byte=("text", error.start))) from None


def _records(text: str, delimiter: str) -> list[list[str]]:
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [row for _, row in zip(range(HEADER_SEARCH_ROWS), reader, strict=False)]
    except csv.Error:
        return []


def sniff_csv(data: bytes, rule: HeaderRule, complete: bool = True) -> CsvFormat:
    """The encoding and delimiter of a CSV file, from its first bytes.

    The delimiter is the one under which a row holds every required column (the earliest
    such row wins), else the one under which a row holds the most of them, else the one
    that occurs most in the first line with text (a comma where none does).
    """
    text, encoding = _decode(data, complete)
    if "\x00" in text:
        raise BadInput(Message.of("files_binary"))
    first_line = next((line for line in text.splitlines() if line.strip()), "")

    def fit(delimiter: str) -> tuple[int, int, int]:
        held = [rule.held(cells) for cells in _records(text, delimiter)]
        if len(rule.required) in held:
            return (1, -held.index(len(rule.required)), 0)
        return (0, max(held, default=0), first_line.count(delimiter))

    fits = {delimiter: fit(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=fits.__getitem__)
    return CsvFormat(encoding, "," if fits[best] == (0, 0, 0) else best)


SheetRows = Callable[[], Iterator[Row]]
"""Reads a sheet's rows from the top, each time it is called."""


def _csv_rows_of(source: bytes | Path, csv_format: CsvFormat, stack: ExitStack) -> SheetRows:
    def rows() -> Iterator[Row]:
        if isinstance(source, bytes):
            handle: IO[str] = io.StringIO(codecs.decode(source, csv_format.encoding), newline="")
        else:
            handle = stack.enter_context(source.open(encoding=csv_format.encoding, newline=""))
        try:
            yield from enumerate(csv.reader(handle, delimiter=csv_format.delimiter), start=1)
        except UnicodeDecodeError as error:
            raise BadInput(Message.of("files_not_text", byte=("text", error.start))) from None
        except csv.Error as error:
            raise BadInput(Message.of("files_csv_unreadable", error=("text", error))) from None

    return rows


# --- XLSX ----------------------------------------------------------------------------------


def _xlsx_sheets(source: bytes | Path, stack: ExitStack) -> list[SheetRows]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(
            io.BytesIO(source) if isinstance(source, bytes) else source,
            read_only=True,
            data_only=True,
        )
    except Exception as error:  # a damaged workbook fails in many ways: all are bad input
        raise BadInput(Message.of("files_xlsx_unreadable", error=("text", error))) from None
    stack.callback(book.close)
    if not book.worksheets:
        raise BadInput(Message.of("files_no_sheet"))
    return [_sheet_rows(sheet) for sheet in book.worksheets]


def _sheet_rows(sheet: Any) -> SheetRows:
    def rows() -> Iterator[Row]:
        try:
            # the size a workbook states may be stale or missing (some programs write "A1"):
            # without this, openpyxl's read-only mode would silently drop rows and columns
            sheet.reset_dimensions()
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(cells)
        except Exception as error:  # a damaged sheet fails in many ways: all are bad input
            raise BadInput(Message.of("files_xlsx_unreadable", error=("text", error))) from None

    return rows


# --- Parquet -------------------------------------------------------------------------------


def _parquet(data: bytes) -> Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    except (pa.ArrowException, OSError, ValueError, TypeError, OverflowError) as error:
        raise BadInput(Message.of("files_parquet_unreadable", error=("text", error))) from None
    # pandas writes a missing number as NaN: that is an empty cell, not a bad number
    rows = (
        [
            [None if isinstance(c, float) and math.isnan(c) else c for c in cells]
            for cells in zip(*columns, strict=True)
        ]
        if columns
        else []
    )
    return Table(list(table.column_names), 1, iter(enumerate(rows, start=2)), "parquet")


# --- the header row ------------------------------------------------------------------------


def blank(cells: Sequence[Any]) -> bool:
    """A row with nothing in it (empty cells and spaces only)."""
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _locate(
    sheets: Sequence[SheetRows], rule: HeaderRule, kind: str, csv_format: CsvFormat | None = None
) -> Table:
    """The first sheet's header row that holds every required column, else the best row.

    The best row holds the most required columns (the first of equals); where no row holds
    any, the first row with text of the first sheet is the header.
    """
    best: tuple[SheetRows, int] | None = None
    best_held = 0
    for position, sheet in enumerate(sheets):
        rows = sheet()
        for count, (number, cells) in enumerate(rows):
            if count >= HEADER_SEARCH_ROWS:
                break
            if blank(cells):
                continue
            held = rule.held(cells)
            if held == len(rule.required):
                return Table(cells, number, rows, kind, csv_format)
            if held > best_held or (best is None and position == 0):
                best, best_held = (sheet, number), held
    if best is None:
        return Table(None, 1, iter(()), kind, csv_format)
    sheet, header_row = best
    rows = sheet()
    for number, cells in rows:
        if number == header_row:
            return Table(cells, number, rows, kind, csv_format)
    raise AssertionError("a sheet gave other rows the second time it was read")
