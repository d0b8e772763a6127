"""Column widths that fit a table into the page: long texts wrap instead of scrolling sideways.

`st.dataframe` draws on a canvas and sizes each column to its longest value, so a table of long
texts ("– (ingen kontrolgruppe)", an effect with its interval) runs past the 880 px that a
1366×768 screen leaves beside the sidebar, and the reader must scroll sideways to find the last
columns. `fit` measures each column's text in the grid's font (Source Sans at 14 px, the widths
measured in Chromium), narrows the widest columns until the table fits, and gives every row the
height of the lines its most-wrapped cell needs. Plain Python: the ui layer passes the widths on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

PAGE_PX = 880
"""What the narrowest page leaves a table: 904 px at 1366×768 with the sidebar open, less a
margin for the vertical scrollbar and for the estimate's error."""
CELL_PADDING_PX = 20
"""The grid's padding on both sides of a cell (2 × 8 px) and its border, rounded up."""
HEADER_PADDING_PX = 28
"""A heading's padding and the sort arrow it shows once sorted: headings never wrap."""
LINE_PX = 20
"""The height of one wrapped line of 14 px text in the grid."""
ROW_PADDING_PX = 16
"""A row's space above and below its lines."""
WRAPPING_ROW_PX = 65
"""`st.dataframe` wraps a cell's text only when the row is taller than 4rem (64 px)."""
MEASURED = 64
"""How many of a column's longest distinct values are measured: width follows length closely
enough, and a table of 15.000 rows is measured as quickly as one of 24."""

_WIDTHS = {
    char: px
    for chars, px in (
        (" ", 3.0),
        ("',.:;ij|·", 3.5),
        ("Il", 4.0),
        ("!()-[]f{}", 4.5),
        ("/\\rt", 5.0),
        ('"*?sz', 6.0),
        ("cx", 6.5),
        ("0123456789#$+<=>FJLY^_ekvy~é–−×", 7.0),
        ("ESVXagå", 7.5),
        ("ACPRTZ`bdhnopquøÅü", 8.0),
        ("BK", 8.5),
        ("&DG", 9.0),
        ("HNOQUØ", 9.5),
        ("Mw", 10.5),
        ("æ", 11.0),
        ("W", 11.5),
        ("%@mÆ", 12.0),
        ("★☆", 13.0),
        ("…", 13.5),
    )
    for char in chars
}
"""Each character's width in px at 14 px Source Sans, as Chromium measures it, rounded up to
the half pixel."""
_OTHER_PX = 8.0


def text_px(text: str) -> float:
    """The width of one line of `text` in the grid's font."""
    return sum(_WIDTHS.get(char, _OTHER_PX) for char in text)


def pieces(text: str) -> list[str]:
    """`text` cut at its spaces, but a figure kept with the short unit after it ("352.941 kr.",
    "47 %", "+14,2 pct.point"): a column is at least as wide as its widest piece, so the grid
    never breaks a figure from its unit."""
    out: list[str] = []
    for word in text.split():
        if out and _figure(out[-1]) and not _figure(word) and len(word) <= UNIT_CHARS:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


UNIT_CHARS = 9
"""The longest word taken as a figure's unit ("pct.point")."""


def _figure(word: str) -> bool:
    return any(char.isdigit() for char in word)


def lines_at(text: str, width: float) -> int:
    """How many lines `text` takes at most when wrapped at its spaces into `width` px: wrapped
    at the spaces between its `pieces`, which the grid's wrapping at every space never needs
    more lines than."""
    lines, line = 1, 0.0
    for word in pieces(text):
        size = text_px(word)
        if line and line + text_px(" ") + size > width:
            lines, line = lines + 1, size
        else:
            line += (text_px(" ") if line else 0.0) + size
    return lines


@dataclass(frozen=True)
class Column:
    """What one column needs."""

    natural: int
    """Its width with every value on one line (and its heading in full)."""
    floor: int
    """The least it can be: its heading, and its widest piece (a word, or a figure with its
    unit), on one line."""
    values: tuple[str, ...]
    """Its longest distinct values, to count the lines they wrap to."""


@dataclass(frozen=True)
class Fit:
    """The widths that fit a table into the page, if it does not fit as it is."""

    widths: dict[str, int]
    """Each column's width in px; empty where the table fits at its natural widths."""
    row_height: int | None
    """The rows' height, so that the wrapped lines show; None: one line a row."""
    fits: bool
    """False where even the narrowest widths run past the page: then `widths` is empty and
    the grid sizes the columns itself."""


def column(heading: str, values: Sequence[object]) -> Column:
    """Measure one column: its heading and the text of its values."""
    texts = sorted({"" if value is None else str(value) for value in values}, key=len)
    return _measured(heading, tuple(texts[-MEASURED:]))


def measure(frame: pd.DataFrame) -> dict[str, Column]:
    """Each column of `frame` measured, as `column` measures it: its heading and its longest
    distinct values (a missing value shows as an empty cell)."""
    measured: dict[str, Column] = {}
    for name in frame.columns:
        texts = frame[name].dropna().astype(str).drop_duplicates()
        longest = texts.iloc[texts.str.len().to_numpy().argsort(kind="stable")[-MEASURED:]]
        measured[str(name)] = _measured(str(name), tuple(longest))
    return measured


def _measured(heading: str, longest: tuple[str, ...]) -> Column:
    head = math.ceil(text_px(heading)) + HEADER_PADDING_PX
    widest = max((text_px(text) for text in longest), default=0.0)
    word = max((text_px(w) for text in longest for w in pieces(text)), default=0.0)
    natural = max(head, math.ceil(widest) + CELL_PADDING_PX)
    floor = min(natural, max(head, math.ceil(word) + CELL_PADDING_PX))
    return Column(natural, floor, longest)


def width_for(column: Column, lines: int) -> int:
    """The narrowest width, from the column's floor up, at which each of its values takes at
    most `lines` lines."""

    def within(width: int) -> bool:
        return all(lines_at(text, width - CELL_PADDING_PX) <= lines for text in column.values)

    low, high = column.floor, max(column.floor, column.natural)
    while low < high:  # wrapping at spaces only ever takes fewer lines on a wider column
        middle = (low + high) // 2
        if within(middle):
            high = middle
        else:
            low = middle + 1
    return low


def fit(columns: dict[str, Column], page_px: int = PAGE_PX) -> Fit:
    """Widths that fit the table into `page_px` with as few lines a row as can be (every row of
    `st.dataframe` is as tall as the tallest), the room left over given to the columns that
    would wrap least with it."""
    if sum(c.natural for c in columns.values()) <= page_px:
        return Fit({}, None, True)
    floors = {name: c.floor for name, c in columns.items()}
    if sum(floors.values()) > page_px:
        # no widths of ours fit: the grid sizes the columns itself, as it always did (it
        # shortens the longest values to fit each column's width it chose)
        return Fit({}, None, False)
    most = max(
        lines_at(text, c.floor - CELL_PADDING_PX)
        for c in columns.values()
        for text in c.values or ("",)
    )
    widths = floors
    for lines in range(2, most + 1):
        widths = {name: width_for(c, lines) for name, c in columns.items()}
        if sum(widths.values()) <= page_px:
            break
    spare = page_px - sum(widths.values())
    wanting = {name: c.natural - widths[name] for name, c in columns.items()}
    total = sum(wanting.values())
    if total > 0 and spare > 0:
        widths = {
            name: widths[name] + min(wanting[name], spare * wanting[name] // total)
            for name in columns
        }
    return Fit(widths, _row_height(columns, widths), True)


def _row_height(columns: dict[str, Column], widths: dict[str, int]) -> int | None:
    lines = max(
        lines_at(text, widths[name] - CELL_PADDING_PX)
        for name, c in columns.items()
        for text in c.values or ("",)
    )
    return max(WRAPPING_ROW_PX, lines * LINE_PX + ROW_PADDING_PX) if lines > 1 else None
