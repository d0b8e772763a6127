"""Budgetcase: who gains from each krone, in which year, after the state's refunds."""

import streamlit as st

from viften.present import case as present
from viften.present.texts import t
from viften.ui import case as parts
from viften.ui.cache import case_spread, year_assumptions, year_view
from viften.ui.filters import current
from viften.ui.state import language

lang = language()
chosen = current()
year = year_view(chosen.year)
if year.year is None:
    st.title(t("page_case", lang), anchor=False)
    st.info(t("ui_empty_database", lang))
    st.stop()
st.title(t("case_title", lang, year=year.year), anchor=False)
st.caption(t("case_intro", lang))
base = parts.page_view(chosen)
if base.frame.empty:
    st.info(t("case_nothing", lang))
    st.stop()
name, planned = parts.choices(base, lang)
assumed = parts.assumed_effect(base, name, lang)
view = parts.page_view(chosen, assumed)
scope = present.scope_text(year.year, chosen, len(view.frame), lang)
one_tab, ranking_tab, allocation_tab, assumptions_tab = st.tabs(
    [
        t("case_tab_one", lang),
        t("case_tab_ranking", lang),
        t("case_tab_allocation", lang),
        t("case_tab_assumptions", lang),
    ]
)
with one_tab:
    if name:
        parts.one_intervention(
            view, name, planned, scope, case_spread(chosen.year, chosen, assumed), lang
        )
with ranking_tab:
    parts.ranking(view, scope, lang)
with allocation_tab:
    parts.allocation(view, scope, lang)
with assumptions_tab:
    parts.assumptions_section(year.year, year_assumptions(year.year), lang)
