"""Showing a table that fits the page: `st.dataframe` with widths that wrap long text.

Every table of the app goes through `table`, so none scrolls sideways on a 1366×768 screen with
the sidebar open (a browser test sweeps every page): `viften.present.table_fit` chooses the
widths, this passes them on. Cells stay text on a canvas, never Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import streamlit as st

from viften.present import table_fit

if TYPE_CHECKING:
    import pandas as pd

ROW_PX = 35
"""The height of a row of one line."""
HEADING_PX = 38
"""The heading's height and the table's border."""


def measure(frame: pd.DataFrame) -> dict[str, table_fit.Column]:
    """Each column's heading and its longest distinct values, measured."""
    measured: dict[str, table_fit.Column] = {}
    for name in frame.columns:
        texts = frame[name].dropna().astype(str).drop_duplicates()
        longest = texts.iloc[texts.str.len().to_numpy().argsort()[-table_fit.MEASURED :]]
        measured[str(name)] = table_fit.column(str(name), list(longest))
    return measured


@st.cache_data(max_entries=256, show_spinner=False)
def _fit(frame: pd.DataFrame, page_px: int) -> table_fit.Fit:
    """The widths for a table's content, kept: measuring every text of every table again on
    each rerun cost more than drawing the tables."""
    return table_fit.fit(measure(frame), page_px)


def fitted(
    frame: pd.DataFrame, column_config: Mapping[str, Any] | None = None, page_px: int | None = None
) -> tuple[dict[str, Any], int | None]:
    """`column_config` with a width for each column and the row height, so the table fits."""
    found = _fit(frame, page_px or table_fit.PAGE_PX)
    config: dict[str, Any] = dict(column_config or {})
    for name, width in found.widths.items():
        given = config.get(name)
        option: dict[str, Any] = {"label": given} if isinstance(given, str) else dict(given or {})
        option.setdefault("width", width)
        config[name] = option
    return config, found.row_height


def table(
    frame: pd.DataFrame,
    *,
    max_height: int | None = None,
    column_config: Mapping[str, Any] | None = None,
    page_px: int | None = None,
    **options: Any,
) -> Any:
    """`st.dataframe(frame)` without its index, at the page's width, fitted to it. With
    `max_height`, the table is as tall as its rows (wrapped ones are taller), up to that."""
    config, row_height = fitted(frame, column_config, page_px)
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
