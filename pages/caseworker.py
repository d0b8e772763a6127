"""Find an intervention: a short ranked list for one citizen's target group and need."""

import streamlit as st

from viften.present.texts import t
from viften.ui import fan as ui
from viften.ui.state import language


@st.fragment
def short_list(view: ui.View, lang: str) -> None:
    """The citizen's group, need and count rerun alone, without the sidebar around them."""
    group, need, limit = ui.caseworker_choices(lang)
    ui.caseworker_list(view, group, need, limit, lang)


lang = language()
view = ui.current_view()
st.title(t("page_caseworker", lang), anchor=False)
st.caption(t("fan_cw_intro", lang))
if not ui.no_data_message(view, lang):
    short_list(view, lang)
