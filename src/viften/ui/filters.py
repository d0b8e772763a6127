"""The filters in the sidebar, shared by every page and kept in the URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from viften.model import filters as flt
from viften.model.domain import municipality_key
from viften.model.filters import Filters
from viften.present import messages
from viften.present.texts import t
from viften.store import views as figures
from viften.ui.cache import year_view
from viften.ui.state import language

_STATE_KEY = "filters"
_FROM_URL_KEY = "filters_from_url"
"""The filters read from the URL on the session's first run, and the notes on reading them."""
_URL_OWNED = ("year", "tg", "stars", "effect", "ptype", "pmin", "pmax", "q", "kommune")
_WIDGETS: dict[str, Callable[[Filters], Any]] = {
    "f_year": lambda f: f.year,
    "f_tg": lambda f: list(f.target_groups),
    "f_stars": lambda f: f.min_stars,
    "f_effect": lambda f: list(f.effect_ratings),
    "f_ptype": lambda f: list(f.provider_types),
    "f_pmin": lambda f: f.min_price_per_job,
    "f_pmax": lambda f: f.max_price_per_job,
    "f_q": lambda f: f.search,
    "f_kommune": lambda f: f.municipality or _EVERY_MUNICIPALITY,
}
_EVERY_MUNICIPALITY = "*"
"""The switch's choice for every municipality (a municipality named "*" is shown as every
one: a name nobody uses)."""
"""Each filter widget's key and its value in a `Filters`."""


def current() -> Filters:
    """The filters in force: the sidebar's when it ran this rerun, else the URL's."""
    found = st.session_state.get(_STATE_KEY)
    if isinstance(found, Filters):
        return found
    return flt.from_query(dict(st.query_params))


def _start() -> None:
    """On the session's first run, the view the URL asks for."""
    if _FROM_URL_KEY not in st.session_state:
        start, notes = flt.read_query(dict(st.query_params))
        st.session_state[_FROM_URL_KEY] = (start, notes)
        st.session_state[_STATE_KEY] = start


def _restore_widgets() -> None:
    """Give each filter widget the value in force. Streamlit forgets the value of a widget
    that a run did not draw (presentation mode has no sidebar), and would draw it empty."""
    kept = current()
    for key, value_of in _WIDGETS.items():
        if key not in st.session_state:
            st.session_state[key] = value_of(kept)


def keep_view() -> None:
    """For a page without the sidebar: keep the filters in force, and in the URL."""
    _start()
    _write_url(flt.to_query(_shown(current(), year_view(None).years)))


def view_query() -> dict[str, str]:
    """The URL parameters of the view in force (filters and language), for a link that
    leaves a page and keeps the view."""
    wanted = flt.to_query(_shown(current(), year_view(None).years))
    if "lang" in st.query_params:
        wanted["lang"] = st.query_params["lang"]
    return wanted


def _shown(chosen: Filters, years: Sequence[int]) -> Filters:
    """The filters as the URL writes them: the newest year is no year."""
    return replace(chosen, year=None) if years and chosen.year == years[0] else chosen


def _same_view(first: Filters, second: Filters) -> bool:
    return replace(first, year=None) == replace(second, year=None)


def sidebar_filters() -> Filters:
    """Render the filters in the sidebar, store them for the pages and write them to the URL."""
    lang = language()
    _start()
    _restore_widgets()
    view = year_view(None)
    years = list(view.years)
    with st.sidebar:
        st.subheader(t("ui_filters", lang))
        notes_box = st.container()
        _municipality_switch(view, lang)
        if years:
            if st.session_state.get("f_year") not in years:
                st.session_state["f_year"] = years[0]
            st.selectbox(t("col_year", lang), years, key="f_year")
        st.multiselect(
            t("target_group", lang),
            list(flt.ALL_TARGET_GROUPS),
            key="f_tg",
            format_func=lambda g: t(f"tg_{g}_short", lang),
            placeholder=t("ui_all_target_groups", lang),
        )
        st.radio(
            t("ui_min_stars", lang),
            [1, 2, 3],
            key="f_stars",
            horizontal=True,
            format_func=lambda n: "★" * n + "+" * (n < 3),
        )
        st.multiselect(
            t("col_effect_rating", lang),
            list(flt.ALL_EFFECT_RATINGS),
            key="f_effect",
            format_func=lambda r: t(f"er_{r}", lang),
            placeholder=t("ui_all", lang),
        )
        st.multiselect(
            t("col_provider_type", lang),
            list(flt.ALL_PROVIDER_TYPES),
            key="f_ptype",
            format_func=lambda p: t(f"pt_{p}", lang),
            placeholder=t("ui_all", lang),
        )
        low, high = st.columns(2)
        low.number_input(
            t("ui_price_min", lang), min_value=0.0, step=10_000.0, key="f_pmin", format="%.0f"
        )
        high.number_input(
            t("ui_price_max", lang), min_value=0.0, step=10_000.0, key="f_pmax", format="%.0f"
        )
        st.text_input(
            t("ui_search", lang),
            key="f_q",
            max_chars=flt.MAX_SEARCH_LENGTH,
            placeholder=t("ui_search_hint", lang),
        )
    # no target group chosen is every target group, as no rating chosen is every rating
    picked_groups = st.session_state.get("f_tg") or flt.ALL_TARGET_GROUPS
    chosen, turned = flt.with_price_range_in_order(
        Filters(
            year=st.session_state.get("f_year"),
            target_groups=tuple(g for g in flt.ALL_TARGET_GROUPS if g in picked_groups),
            min_stars=int(st.session_state.get("f_stars") or 1),
            effect_ratings=tuple(st.session_state.get("f_effect") or ()),
            provider_types=tuple(st.session_state.get("f_ptype") or ()),
            min_price_per_job=st.session_state.get("f_pmin"),
            max_price_per_job=st.session_state.get("f_pmax"),
            search=str(st.session_state.get("f_q") or ""),
            municipality=_chosen_municipality(view),
        )
    )
    start, url_notes = st.session_state[_FROM_URL_KEY]
    notes = [*(url_notes if _same_view(chosen, start) else ()), *([turned] if turned else [])]
    for note in notes:
        notes_box.warning(messages.render(note, lang, markdown=True), icon=":material/info:")
    st.session_state[_STATE_KEY] = chosen
    _write_url(flt.to_query(_shown(chosen, years)))
    return chosen


def municipalities(view: figures.YearView) -> list[str]:
    """The municipalities of the year in view, in alphabetical order."""
    if "municipality" not in view.frame:
        return []
    return sorted({str(m) for m in view.frame["municipality"].fillna("")})


def _municipality_switch(view: figures.YearView, lang: str) -> None:
    """The municipality switch: only where the year has more than one municipality, so a
    single kommune's sidebar is as it was."""
    places = municipalities(view)
    if len(places) < 2:
        return
    options = [_EVERY_MUNICIPALITY, *places]
    chosen = st.session_state.get("f_kommune")
    if chosen not in options:
        folded = {municipality_key(p): p for p in places}
        st.session_state["f_kommune"] = folded.get(municipality_key(chosen), _EVERY_MUNICIPALITY)
    st.selectbox(
        t("ui_municipality", lang),
        options,
        key="f_kommune",
        format_func=lambda m: (
            t("ui_every_municipality", lang)
            if m == _EVERY_MUNICIPALITY
            else m or t("ui_own_municipality", lang)
        ),
    )


def _chosen_municipality(view: figures.YearView) -> str | None:
    chosen = st.session_state.get("f_kommune")
    if chosen in (None, _EVERY_MUNICIPALITY) or len(municipalities(view)) < 2:
        return None
    return str(chosen)


def _write_url(wanted: dict[str, str]) -> None:
    params = st.query_params
    for key in _URL_OWNED:
        if key in params and key not in wanted:
            del params[key]
    for key, value in wanted.items():
        if params.get(key) != value:
            params[key] = value
