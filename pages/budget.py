"""Budget: the current allocation, what-if by hand, the optimal allocation and what limits it,
the frontier of jobs against budget, and saved scenarios."""

import pandas as pd
import streamlit as st

from viften.model import allocator
from viften.model import filters as flt
from viften.present.texts import t
from viften.ui import budget as parts
from viften.ui.cache import year_view
from viften.ui.filters import current
from viften.ui.state import language, lazy_expander, lazy_tabs


@st.fragment
def budget_tabs(frame: pd.DataFrame, year: int, default_stars: int, lang: str) -> None:
    """Only the open tab is drawn, and a change in it reruns it alone (not the sidebar and the
    other tabs); what one tab hands another (the optimiser's request, the what-if) is kept in
    the session."""
    data = parts.interventions(frame)
    now = allocator.current(data)
    pooled = len(parts.pool_places(data)) > 1
    now_tab, what_if_tab, optimal_tab, frontier_tab, scenarios_tab, *pool_tab = lazy_tabs(
        parts.TAB_KEY,
        [
            "budget_tab_current",
            "budget_tab_what_if",
            "budget_tab_optimal",
            "budget_tab_frontier",
            "budget_tab_scenarios",
            *(["budget_tab_pool"] if pooled else []),
        ],
        lang,
    )
    if optimal_tab.open:
        with optimal_tab:
            request = parts.optimiser_controls(data, now, year, default_stars, lang)
            result = parts.optimal_on_request(frame, request, lang)
            if result is not None:
                parts.optimal_section(data, result, now, lang)
                # drawn only when opened: it solves the other objective too
                with lazy_expander(t("budget_case_heading", lang), parts.CASE_OPEN_KEY) as case:
                    if case.open:
                        parts.tradeoff_section(frame, data, request, result, now, year, lang)
        return
    request = parts.request(data, now, year, default_stars)
    result = parts.solved(frame, request)
    if now_tab.open:
        with now_tab:
            parts.current_section(data, now, year, lang)
    if what_if_tab.open:
        with what_if_tab:
            parts.what_if_section(data, year, now, result, lang)
    if frontier_tab.open:
        with frontier_tab:
            if result is None:
                st.info(t("budget_frontier_after_solve", lang))
            else:
                parts.frontier_section(frame, request, result, now, lang)
    if scenarios_tab.open:
        with scenarios_tab:
            what_if = parts.kept_what_if(data, year, now)
            parts.scenarios_section(data, year, now, what_if, result, request, lang)
    if pool_tab and pool_tab[0].open:
        with pool_tab[0]:
            parts.pool_section(frame, data, default_stars, lang)


lang = language()
chosen = current()
view = year_view(chosen.year)
if view.year is None:
    st.title(t("page_budget", lang))
    st.info(t("ui_empty_database", lang))
    st.stop()

st.title(t("budget_title", lang, year=view.year))
st.caption(t("budget_intro", lang))
st.caption(t("budget_scope", lang))
# a kommune's budget is spent on its own interventions: of the filters, the kommune counts
budget_tabs(flt.municipality_only(view.frame, chosen), view.year, chosen.min_stars, lang)
