"""Effekt og business case: measured against entered figures, uncertainty and sensitivity."""

import streamlit as st

from viften.model import filters as flt
from viften.present.texts import t
from viften.ui import effects as parts
from viften.ui.cache import year_view
from viften.ui.filters import current
from viften.ui.state import language, lazy_tabs

lang = language()
st.title(t("effects_title", lang))
st.caption(t("effects_intro", lang))
# the value of a job and the years of effect as their fields last held them: the fields are
# drawn in the tabs that use them (the business case and the sensitivity)
value, years = parts.kept_settings()
chosen = current()
view = year_view(chosen.year, value, years)
# Only the open tab is drawn: the others' Monte Carlo runs and charts wait until opened.
effect_tab, case_tab, sensitivity_tab, upload_tab, definitions_tab = lazy_tabs(
    "effects_tab",
    [
        "effects_tab_effect",
        "effects_tab_case",
        "effects_tab_sensitivity",
        "effects_tab_upload",
        "effects_tab_definitions",
    ],
    lang,
)
if upload_tab.open:
    with upload_tab:
        parts.upload_section(lang)
if definitions_tab.open:
    with definitions_tab:
        parts.definitions(lang)
if view.year is None:
    st.info(t("ui_empty_database", lang))
    st.stop()
shown = flt.apply(view.frame, chosen).reset_index(drop=True)
if shown.empty:
    st.info(t("effects_nothing", lang))
    st.stop()
dist = parts.distributions(shown)
if effect_tab.open:
    with effect_tab:
        st.caption(t("effects_year", lang, year=view.year))
        parts.effect_section(shown, dist, lang)
if case_tab.open:
    with case_tab:
        parts.settings(lang)
        parts.case_section(shown, dist, value, years, lang)
if sensitivity_tab.open:
    with sensitivity_tab:
        parts.settings(lang)
        parts.tornado_section(shown, value, years, lang)
        parts.flip_section(shown, value, years, lang)
        parts.allocation_section(shown, dist, parts.planned_participants(shown), lang)
