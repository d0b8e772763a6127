"""Budget: the current allocation, what-if by hand, the optimal allocation and what limits it,
the frontier of jobs against budget, and saved scenarios."""

import streamlit as st

from viften.model import allocator
from viften.model import filters as flt
from viften.present.texts import t
from viften.ui import budget as parts
from viften.ui.cache import year_view
from viften.ui.filters import current
from viften.ui.state import language

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
frame = flt.municipality_only(view.frame, chosen)
data = parts.interventions(frame)
now = allocator.current(data)
pooled = len(parts.pool_places(data)) > 1
now_tab, what_if_tab, optimal_tab, frontier_tab, scenarios_tab, *pool_tab = st.tabs(
    [
        t("budget_tab_current", lang),
        t("budget_tab_what_if", lang),
        t("budget_tab_optimal", lang),
        t("budget_tab_frontier", lang),
        t("budget_tab_scenarios", lang),
        *([t("budget_tab_pool", lang)] if pooled else []),
    ]
)
with optimal_tab:
    request = parts.optimiser_controls(data, now, view.year, chosen.min_stars, lang)
    result = parts.optimal_on_request(frame, request, lang)
    if result is not None:
        parts.optimal_section(data, result, now, lang)
        parts.tradeoff_section(frame, data, request, result, now, view.year, lang)
with now_tab:
    parts.current_section(data, now, view.year, lang)
with what_if_tab:
    what_if = parts.what_if_section(data, view.year, now, result, lang)
with frontier_tab:
    if result is None:
        st.info(t("budget_frontier_after_solve", lang))
    else:
        parts.frontier_section(frame, request, result, now, lang)
with scenarios_tab:
    parts.scenarios_section(data, view.year, now, what_if, result, request, lang)
if pool_tab:
    with pool_tab[0]:
        parts.pool_section(frame, data, chosen.min_stars, lang)
