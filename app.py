"""viften: routes to the pages; the shared sidebar (language, filters, sign-in) lives here."""

import streamlit as st

from viften.texts import t
from viften.ui import filters, state

st.set_page_config(page_title="Tilbudsviften", page_icon=":material/grid_view:", layout="wide")

lang = state.language_switch()
pages = [
    st.Page("pages/fan.py", title=t("page_fan", lang), icon=":material/grid_view:", default=True),
    st.Page("pages/overview.py", title=t("page_overview", lang), icon=":material/scatter_plot:"),
    st.Page("pages/caseworker.py", title=t("page_caseworker", lang), icon=":material/person_search:"),
    st.Page("pages/interventions.py", title=t("page_interventions", lang), icon=":material/table_view:"),
    st.Page("pages/budget.py", title=t("page_budget", lang), icon=":material/savings:"),
    st.Page("pages/effects.py", title=t("page_effects", lang), icon=":material/monitoring:"),
    st.Page("pages/presentation.py", title=t("page_presentation", lang), icon=":material/slideshow:"),
    st.Page("pages/history.py", title=t("page_history", lang), icon=":material/history:"),
]
page = st.navigation(pages)
if page.url_path != "presentation":
    filters.sidebar_filters()
    state.editor_login()
page.run()
