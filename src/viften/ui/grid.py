"""Showing a table that fits the page: `st.dataframe` with widths that wrap long text.

Every table of the app goes through `table`, so none scrolls sideways on a 1366×768 screen with
the sidebar open (a browser test sweeps every page): `viften.present.table_fit` chooses the
widths, this passes them on. Cells stay text on a canvas, never Markdown or HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import streamlit as st

from viften.present import table_fit

if TYPE_CHECKING:
    import pandas as pd

ROW_PX = 35
"""The height of a row of one line."""
HEADING_PX = 38
"""The heading's height and the table's border."""


@st.cache_data(max_entries=256, show_spinner=False)
def _fit(frame: pd.DataFrame) -> table_fit.Fit:
    """The widths for a table's content, kept: measuring every text of every table again on
    each rerun cost more than drawing the tables."""
    return table_fit.fit(table_fit.measure(frame))


def table(frame: pd.DataFrame, *, max_height: int | None = None, **options: Any) -> Any:
    """`st.dataframe(frame)` without its index, at the page's width, fitted to it. With
    `max_height`, the table is as tall as its rows (wrapped ones are taller), up to that."""
    found = _fit(frame)
    row_height = found.row_height
    config: dict[str, Any] = {name: {"width": width} for name, width in found.widths.items()}
    height: int | Literal["auto"] = "auto"
    if max_height is not None:
        height = min(HEADING_PX + (row_height or ROW_PX) * len(frame), max_height)
    return st.dataframe(
        frame,
        hide_index=options.pop("hide_index", True),
        width=options.pop("width", "stretch"),
        height=height,
        column_config=config or None,
        row_height=row_height,
        **options,
    )
