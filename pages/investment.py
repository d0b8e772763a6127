"""Investeringscase: one case's contract and figures, its follow-up results and payments due;
editors create and change cases here."""

import streamlit as st

from viften.present.texts import t
from viften.ui import investments as parts
from viften.ui.state import actor, language

lang = language()
st.title(t("page_investment", lang), anchor=False)
st.caption(t("invest_case_intro", lang))
folio = parts.portfolio()
parts.flash()
view = parts.choose_case(folio, lang)
if view is None and not actor().can_write:
    st.info(t("invest_no_cases_viewer", lang))
    st.stop()
if view is not None:
    parts.case_figures(view, lang)
    parts.follow_up(view, lang)
parts.editor(view, folio, lang)
