"""The landing page: the fan matrix of the year in view, its reading guide and the drill-down."""

import streamlit as st

from viften.present import formatting
from viften.present.texts import t
from viften.ui import fan as ui
from viften.ui.print_css import inject_print_css
from viften.ui.state import language


@st.fragment
def matrix_and_drill_down(view: ui.View, lang: str) -> None:
    """What a switch, a tile or a pick changes: it reruns alone, without the sidebar and the
    navigation around it (a filter in the sidebar reruns the whole page, and this with it)."""
    settings = ui.fan_settings(lang)
    with st.expander(t("fan_guide_heading", lang)):
        st.markdown(t("fan_guide", lang))
    count = len(view.frame)
    st.caption(
        t("fan_in_view_one", lang)
        if count == 1
        else t("fan_in_view", lang, count=formatting.number(count, lang))
    )
    clicked = ui.fan_matrix(view, settings, lang)
    chosen = ui.pick(view, clicked, lang)
    ui.clicked_detail(view, settings.measure, lang)
    if chosen:
        ui.detail(view, chosen, settings.measure, lang)
    ui.compare(view, lang)
    ui.name_list(view, settings, lang)


lang = language()
inject_print_css()
view = ui.current_view()
st.title(
    t("fan_title", lang, year=view.year) if view.year else t("fan_title_no_year", lang),
    anchor=False,
)
if not ui.no_data_message(view, lang):
    matrix_and_drill_down(view, lang)
