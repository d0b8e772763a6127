"""The interventions file is checked column by column (`interventions.check_table`); these
tests hold it to the cell-by-cell reading it replaced (`by_cell` below, the former
`check_table`): on any table, the same rows, or the same problems in the same order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from viften.files import interventions as importer
from viften.files import tabular
from viften.model.domain import COLUMNS, COLUMNS_BY_NAME
from viften.model.errors import BadInput, Problem

SOME = settings(max_examples=200, deadline=None)
_INVALID = object()


def by_cell(
    table: importer.Table, default_year: int | None = None, own: str = ""
) -> importer.ParsedFile:
    """The reference: every cell read in turn, row by row (the importer before issue 15)."""
    problems: list[Problem] = []
    mapping = importer._map_header(table.header, table.header_row, problems)
    year_now = default_year or dt.date.today().year
    rows: list[dict[str, Any]] = []
    first_row_of: dict[tuple[str, str, int], int] = {}
    for row_number, cells in table.rows:
        if tabular.blank(cells):
            continue
        row: dict[str, Any] = {}
        for index, raw in enumerate(cells):
            name, written = mapping.get(index, ("", f"{importer._column_name(index)} (no header)"))
            empty = raw is None or (isinstance(raw, str) and not raw.strip())
            if name == importer._UNKNOWN:
                continue
            if not name:
                if not empty:
                    key = "cell_without_header" if index in mapping else "cell_beyond_last_column"
                    problems.append(Problem(row_number, written, importer.Message.of(key)))
                continue
            try:
                row[name] = importer.read_cell(
                    COLUMNS_BY_NAME[name],
                    raw,
                    table.decimal_comma,
                    table.guarded,
                    strip=table.strip_text,
                )
            except importer.CellError as error:
                problems.append(Problem(row_number, written, error.message))
                row[name] = _INVALID
        for name, _ in mapping.values():
            if name and name != importer._UNKNOWN:
                row.setdefault(name, COLUMNS_BY_NAME[name].empty)
        present = {english for english, _ in mapping.values()}
        for column in COLUMNS:
            if column.required and column.name in present and row.get(column.name) is None:
                problems.append(
                    Problem(
                        row_number,
                        importer._written(mapping, column.name),
                        importer.required_message(column.name),
                    )
                )
        name_value = row.get("name")
        if isinstance(name_value, str) and len(name_value) > importer.MAX_NAME_LENGTH:
            problems.append(
                Problem(
                    row_number,
                    importer._written(mapping, "name"),
                    importer.Message.of(
                        "name_too_long",
                        length=("text", len(name_value)),
                        most=("text", importer.MAX_NAME_LENGTH),
                    ),
                )
            )
        row = {k: None if v is _INVALID else v for k, v in row.items()}
        if row.get("year") is None:
            row["year"] = year_now
        name_value, year_value = row.get("name"), row.get("year")
        if isinstance(name_value, str) and isinstance(year_value, int):
            key = (str(row.get("municipality") or own), name_value, year_value)
            if key in first_row_of:
                problems.append(
                    Problem(
                        row_number,
                        importer._written(mapping, "name"),
                        importer._twice_message(key, first_row_of[key]),
                    )
                )
            else:
                first_row_of[key] = row_number
        rows.append(row)
    if not problems and not rows:
        problems.append(
            Problem(
                table.header_row + 1,
                importer._written(mapping, "name"),
                importer.Message.of("iv_no_rows"),
            )
        )
    if problems:
        raise BadInput(
            importer.Message.of("iv_file_problems", count=("text", len(problems))), problems
        )
    columns = tuple(name for name, _ in mapping.values() if name and name != importer._UNKNOWN)
    if "year" not in columns:
        columns += ("year",)
    return importer.ParsedFile(rows, columns)


CELLS: dict[str, list[Any]] = {
    "text": ["Job nu", "Job nu", " Mentor ", "", None, "'=SUM(A1)", "a\x01b", "x" * 201, 7, 2.0],
    "year": ["2026", "2025", "", None, "1999", "2026,5", "to tusind", 2026, 2026.0, True],
    "target_group": ["closer", "Tættere på", "further", "", "nær", None, 3],
    "provider_type": ["internal", "Ekstern", "", "begge", None],
    "money": ["39000", "39.000", "1.234,5", "1,234.5", "-5", "kr. 100", "", "abc", 12, 1e400],
    "count": ["12", "0", "1,5", "-1", "", "tolv", 3.0, None],
    "rate": ["0.2", "0,35", "14,3 %", "120%", "1.5", "", "x", 0.5, None],
    "stars": ["1", "2", "3", "★★☆", "***", "4", "", "0,5", 2, None],
    "effect_rating": ["high", "Middel", "lav", "", "super", None],
    "positive": ["1", "0", "-2", "2,5", "", None],
    "benefit": ["kontanthjælp", "", "ukendt ydelse", None],
    "weeks": ["12", "1,5", "-3", "", 4, None],
    "flag": ["ja", "Nej", "SAND", "1", "", "måske", True, 0, None],
}


GOOD: dict[str, list[Any]] = {
    "text": ["Job nu", " Mentor ", "", "'=SUM(A1)"],
    "year": ["2026", "", 2025],
    "target_group": ["closer", "Tættere på", "further"],
    "provider_type": ["internal", "Ekstern", ""],
    "money": ["39000", "39.000", "1.234,5", "kr. 100", 12],
    "count": ["12", "0", "", 3.0],
    "rate": ["0.2", "0,35", "14,3 %", 0.5],
    "stars": ["1", "★★☆", "***", 2],
    "effect_rating": ["high", "Middel", ""],
    "positive": ["1", "2,5", ""],
    "benefit": ["kontanthjælp", ""],
    "weeks": ["12", "", 4],
    "flag": ["ja", "Nej", "SAND", "", True],
}
"""Cells every reading accepts, whatever the file's decimal mark."""
REQUIRED = [c for c in COLUMNS if c.required]


@st.composite
def tables(draw: st.DrawFn) -> importer.Table:
    """A table of known, misspelt and missing columns, with good, bad, short and long rows;
    or a clean one (every required column, good cells) that may hold a bad cell or two."""
    clean = draw(st.booleans())
    others = st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8, unique=True)
    chosen = draw(others)
    if clean:
        chosen = REQUIRED + [c for c in chosen if not c.required]
    header: list[Any] = [draw(st.sampled_from([c.name, c.danish, c.name.upper()])) for c in chosen]
    extra = (
        [] if clean else draw(st.sampled_from([[], ["pris pr deltger"], [""], [chosen[0].name]]))
    )
    header += extra
    kinds = [c.kind for c in chosen]
    width = len(header)
    count = draw(st.integers(min_value=0, max_value=12))
    rows: list[tabular.Row] = []
    for number in range(2, count + 2):
        pool = GOOD if clean and draw(st.integers(0, 9)) else CELLS
        cells: list[Any] = [draw(st.sampled_from(pool[kind])) for kind in kinds]
        if clean and cells[0] in ("", None, " Mentor "):
            cells[0] = f"Indsats {number % 4}"  # a name, now and then twice
        cells += [draw(st.sampled_from(["", "x", None])) for _ in range(width - len(cells))]
        shapes = ["whole"] * 8 + ["long", "blank"] if clean else ["whole", "short", "long", "blank"]
        shape = draw(st.sampled_from(shapes))
        if shape == "short":
            cells = cells[: draw(st.integers(min_value=0, max_value=len(cells)))]
        elif shape == "long":
            cells += [draw(st.sampled_from(["", "over", None]))]
        elif shape == "blank":
            cells = ["", " ", None][: len(cells)]
        rows.append((number, cells))
    return importer.Table(
        header,
        rows,
        decimal_comma=draw(st.booleans()),
        header_row=1,
        guarded=draw(st.booleans()),
        strip_text=draw(st.booleans()),
    )


def outcome(check: Any, table: importer.Table) -> Any:
    try:
        parsed = check(table, 2026, "Aarhus")
    except BadInput as error:
        return ("refused", str(error), error.problems)
    return ("read", parsed.rows, parsed.columns)


@SOME
@given(tables())
def test_the_column_check_finds_what_the_cell_check_finds(table: importer.Table) -> None:
    assert outcome(importer.check_table, table) == outcome(by_cell, table)


def test_a_workbook_s_true_one_and_one_point_o_are_read_each_as_itself() -> None:
    table = importer.Table(
        ["name", "price_per_participant", "mandatory"],
        [(2, ["A", 1, True]), (3, ["B", True, 1]), (4, ["C", 1.0, 1.0])],
        decimal_comma=False,
    )
    assert outcome(importer.check_table, table) == outcome(by_cell, table)
