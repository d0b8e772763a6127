"""The filters in the sidebar, shared by every page and kept in the URL."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from viften.model import filters as flt
from viften.model.filters import Filters
from viften.present.texts import t
from viften.ui.cache import year_view
from viften.ui.state import language

_STATE_KEY = "filters"
_URL_OWNED = ("year", "tg", "stars", "effect", "ptype", "pmin", "pmax", "q")


def current() -> Filters:
    """The filters in force: the sidebar's when it ran this rerun, else the URL's."""
    found = st.session_state.get(_STATE_KEY)
    if isinstance(found, Filters):
        return found
    return flt.from_query(dict(st.query_params))


def _initial() -> Filters:
    if "filters_initialised" not in st.session_state:
        st.session_state["filters_initialised"] = True
        start = flt.from_query(dict(st.query_params))
        st.session_state["f_year"] = start.year
        st.session_state["f_tg"] = list(start.target_groups)
        st.session_state["f_stars"] = start.min_stars
        st.session_state["f_effect"] = list(start.effect_ratings)
        st.session_state["f_ptype"] = list(start.provider_types)
        st.session_state["f_pmin"] = start.min_price_per_job
        st.session_state["f_pmax"] = start.max_price_per_job
        st.session_state["f_q"] = start.search
    return current()


def sidebar_filters() -> Filters:
    """Render the filters in the sidebar, store them for the pages and write them to the URL."""
    lang = language()
    _initial()
    view = year_view(None)
    years = list(view.years)
    with st.sidebar:
        st.subheader(t("ui_filters", lang))
        if years:
            if st.session_state.get("f_year") not in years:
                st.session_state["f_year"] = years[0]
            st.selectbox(t("col_year", lang), years, key="f_year")
        st.multiselect(
            t("target_group", lang), list(flt.ALL_TARGET_GROUPS), key="f_tg",
            format_func=lambda g: t(f"tg_{g}_short", lang),
        )
        st.radio(
            t("ui_min_stars", lang), [1, 2, 3], key="f_stars", horizontal=True,
            format_func=lambda n: "★" * n + "+" * (n < 3),
        )
        st.multiselect(
            t("col_effect_rating", lang), list(flt.ALL_EFFECT_RATINGS), key="f_effect",
            format_func=lambda r: t(f"er_{r}", lang), placeholder=t("ui_all", lang),
        )
        st.multiselect(
            t("col_provider_type", lang), list(flt.ALL_PROVIDER_TYPES), key="f_ptype",
            format_func=lambda p: t(f"pt_{p}", lang), placeholder=t("ui_all", lang),
        )
        low, high = st.columns(2)
        low.number_input(t("ui_price_min", lang), min_value=0.0, step=10_000.0,
                         key="f_pmin", format="%.0f")
        high.number_input(t("ui_price_max", lang), min_value=0.0, step=10_000.0,
                          key="f_pmax", format="%.0f")
        st.text_input(t("ui_search", lang), key="f_q", max_chars=flt.MAX_SEARCH_LENGTH,
                      placeholder=t("ui_search_hint", lang))
    chosen = Filters(
        year=st.session_state.get("f_year"),
        target_groups=tuple(g for g in flt.ALL_TARGET_GROUPS if g in st.session_state["f_tg"]),
        min_stars=int(st.session_state.get("f_stars") or 1),
        effect_ratings=tuple(st.session_state.get("f_effect") or ()),
        provider_types=tuple(st.session_state.get("f_ptype") or ()),
        min_price_per_job=st.session_state.get("f_pmin"),
        max_price_per_job=st.session_state.get("f_pmax"),
        search=str(st.session_state.get("f_q") or ""),
    )
    if (chosen.min_price_per_job is not None and chosen.max_price_per_job is not None
            and chosen.min_price_per_job > chosen.max_price_per_job):
        st.sidebar.warning(t("ui_price_range_swapped", lang))
        chosen = replace(chosen, min_price_per_job=None, max_price_per_job=None)
    if years and chosen.year == years[0]:
        shown = replace(chosen, year=None)
    else:
        shown = chosen
    st.session_state[_STATE_KEY] = chosen
    _write_url(flt.to_query(shown))
    return chosen


def _write_url(wanted: dict[str, str]) -> None:
    params = st.query_params
    for key in _URL_OWNED:
        if key in params and key not in wanted:
            del params[key]
    for key, value in wanted.items():
        if params.get(key) != value:
            params[key] = value
