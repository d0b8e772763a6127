"""Names on a chart's axis, whole: a long one goes on over further lines, never cut.

Vega cuts an axis label longer than its `labelLimit` with an ellipsis, and an intervention's
name may be 200 characters ("Integreret beskæftigelses- og sundhedsindsats for bo…"). A chart
that names its rows puts `wrapped(name)` in a field of its own, encodes that field with
`axis()`, which draws each label over the lines it holds, and gives each row `row_px`
pixels, room for the most lines.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

import altair as alt

LINE_CHARS = 34
"""Characters per line of a name on an axis: about 220 px in the charts' 11 px font."""
LINE_PX = 15
"""Pixels from one line of an axis label to the next: room for the screen's 11 px type and
the slides' 14 px (`report.LABEL_FONT_SIZE`)."""
MOST_LINES = 3
"""Lines a name takes at most: a longer name has longer lines instead. Every row of a chart is
as tall as its tallest label, so one 200-character name in six lines would spread all of
them out."""


def wrapped(name: str, chars: int = LINE_CHARS) -> str:
    """`name` over lines of about `chars` characters (between words where it can), at most
    `MOST_LINES` of them, joined by line breaks; a word longer than a line is split."""
    width = max(chars, -(-len(name) // MOST_LINES))
    while True:
        lines = textwrap.wrap(name, width, break_long_words=True, break_on_hyphens=False)
        if len(lines) <= MOST_LINES:
            return "\n".join(lines) or name
        width += 2


def axis(**options: Any) -> alt.Axis:
    """An axis whose labels are `wrapped` names: each drawn over its lines, none cut, and
    none left out for want of room."""
    return alt.Axis(
        labelExpr="split(datum.label, '\\n')",
        labelLineHeight=LINE_PX,
        # Vega writes a label's first line at its row and the others below it: up by half
        # the lines it has more than one, the label is centred on its row
        labelOffset=alt.ExprRef(expr=f"-(length(split(datum.label, '\\n')) - 1) * {LINE_PX / 2}"),
        labelLimit=0,
        labelOverlap=False,
        **options,
    )


def row_px(labels: Iterable[str], at_least: float) -> float:
    """Pixels per row: `at_least`, or more where a `wrapped` label needs the lines."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return max(at_least, LINE_PX * lines + 8)
