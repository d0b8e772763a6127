"""Compare: the same interventions as a scatter, a ranked table and side by side."""

import streamlit as st

from viften.present.texts import t
from viften.ui import fan as ui
from viften.ui.state import language


@st.fragment
def comparisons(view: ui.View, lang: str) -> None:
    """The measure, the sort and the comparison rerun alone, without the sidebar around them."""
    measure = ui.measure_switch(lang, key="ov_measure")
    ui.scatter(view, measure, lang)
    ui.ranked_table(view, lang)
    ui.compare(view, lang)


lang = language()
view = ui.current_view()
st.title(t("page_overview", lang), anchor=False)
if not ui.no_data_message(view, lang):
    comparisons(view, lang)
