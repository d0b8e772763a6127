"""The year-over-year page's parts, and the button that starts next year from this year's."""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.actions import imports as import_actions
from viften.model import filters as flt
from viften.model import year_over_year as yoy
from viften.model.errors import ViftenError
from viften.present import fan
from viften.present import year_over_year as present
from viften.present.charts import fan as fan_charts
from viften.present.charts.year_over_year import moves_chart
from viften.present.texts import t
from viften.store import db
from viften.ui import grid
from viften.ui.cache import year_view
from viften.ui.charts import show
from viften.ui.feedback import write_failed
from viften.ui.state import actor, database


def choose_years(years: tuple[int, ...], lang: str) -> tuple[int, int]:
    """The two years to compare: by default the one before the newest, and the newest."""
    ordered = sorted(years)
    left, right = st.columns(2)
    after = right.selectbox(t("yoy_after", lang), ordered[::-1], index=0, key="yoy_after")
    earlier = [y for y in ordered if y < after] or [y for y in ordered if y != after]
    before = left.selectbox(t("yoy_before", lang), earlier[::-1], index=0, key="yoy_before")
    return int(before), int(after)


def _rows(year: int, filters: flt.Filters) -> list[dict[str, Any]]:
    frame = flt.apply(year_view(year).frame, filters)
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


Compared = tuple[yoy.YearComparison, list[dict[str, Any]], list[dict[str, Any]]]


@st.cache_resource(max_entries=16, show_spinner=False)
def _comparison(
    path: Any, version: tuple[int, int, int, int], before: int, after: int, filters: flt.Filters
) -> Compared:
    first, second = _rows(before, filters), _rows(after, filters)
    return yoy.compare(first, second, before, after), first, second


def comparison(before: int, after: int, filters: flt.Filters) -> Compared:
    """The two years compared, once per version of the database (shared: read only)."""
    path = database()
    return _comparison(path, db.data_version(path), before, after, filters)


def lists(
    result: yoy.YearComparison, first: list[dict[str, Any]], second: list[dict[str, Any]], lang: str
) -> None:
    """What came, what went and what changed, as tables (names are text)."""
    st.text(present.counts_text(result, lang))
    # one table under the other, each the page's width: side by side, the six columns of
    # each ran past half a 1366 screen and scrolled sideways
    for key, names, rows in (("yoy_came", result.came, second), ("yoy_went", result.went, first)):
        st.subheader(f"{t(key, lang)} ({len(names)})", anchor=False)
        if names:
            grid.table(present.listed_table(names, rows, lang))
        else:
            st.caption(t("yoy_none", lang))
    st.subheader(f"{t('yoy_changed', lang)} ({len(result.changed)})", anchor=False)
    if result.changed:
        grid.table(present.changes_table(result, lang))
    else:
        st.caption(t("yoy_none", lang))


def moves(result: yoy.YearComparison, lang: str) -> None:
    arrows = present.moves(result)
    st.subheader(t("yoy_moves", lang), anchor=False)
    if not arrows:
        st.caption(t("yoy_none", lang))
        return
    show(moves_chart(arrows, result.before_year, result.after_year, lang), width="stretch")


@st.cache_data(max_entries=8, show_spinner=False)
def _fan_picture(
    path: Any, version: tuple[int, int, int, int], year: int, filters: flt.Filters, lang: str
) -> str:
    """The year's fan as SVG text: st.image shows SVG as it is, where a PNG is decoded, scaled
    and encoded again on every rerun (0,4 s for two pictures)."""
    import pandas as pd

    from viften.present.images import chart_bytes

    frame = pd.DataFrame(_rows(year, filters))
    spec = fan_charts.spec_from_layout(fan.layout(frame, lang), lang)
    return chart_bytes(spec, "svg", lang).decode()


def fans(before: int, after: int, filters: flt.Filters, lang: str) -> None:
    """The fan matrix of both years, side by side, as pictures: a picture scales down as a
    whole, where a chart squeezed into half the page would draw its names over each other.
    (The fan page draws the year's matrix to click in.)"""
    st.subheader(t("yoy_fans", lang), anchor=False)
    path = database()
    for spot, year in zip(st.columns(2), (before, after), strict=True):
        with spot:
            st.markdown(f"**{year}**")
            st.image(_fan_picture(path, db.data_version(path), year, filters, lang))


def start_next_year(newest: int | None, lang: str) -> None:
    """For editors: copy the newest year's interventions into the year after it."""
    if newest is None or not actor().can_write or newest >= 2100:
        return
    target = newest + 1
    st.subheader(t("year_new_heading", lang), anchor=False)
    st.caption(t("year_new_hint", lang, from_year=newest, to=target))
    if st.button(t("year_new_button", lang, from_year=newest, to=target), key="year_new_button"):
        try:
            copied = import_actions.new_year(database(), actor(), newest, target)
        except ViftenError as error:
            write_failed(error, lang)
            return
        st.success(t("year_new_done", lang, count=len(copied), from_year=newest, to=target))
