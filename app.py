"""viften: routes to the pages; the shared sidebar (language, filters, sign-in) lives here."""

import streamlit as st

from viften.present.texts import t
from viften.ui import filters, state

st.set_page_config(page_title="Tilbudsviften", page_icon=":material/grid_view:", layout="wide")

lang = state.language_switch()
PAGES = (
    ("fan", "page_fan", "grid_view"),
    ("overview", "page_overview", "scatter_plot"),
    ("caseworker", "page_caseworker", "person_search"),
    ("interventions", "page_interventions", "table_view"),
    ("budget", "page_budget", "savings"),
    ("case", "page_case", "account_balance"),
    ("effects", "page_effects", "monitoring"),
    ("benchmark", "page_benchmark", "compare_arrows"),
    ("presentation", "page_presentation", "slideshow"),
    ("history", "page_history", "history"),
)
page = st.navigation(
    [
        st.Page(
            f"pages/{name}.py",
            title=t(title, lang),
            icon=f":material/{icon}:",
            default=name == "fan",
        )
        for name, title, icon in PAGES
    ]
)
if page.url_path == "presentation":
    filters.keep_view()
else:
    filters.sidebar_filters()
    state.editor_login()
page.run()
