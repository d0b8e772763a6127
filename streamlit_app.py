"""viften: routes to the pages; the shared sidebar (language, filters, sign-in) lives here.

`streamlit run app.py` serves it (app.py prepares its landing page as the server starts)."""

import streamlit as st

from viften.present.texts import t
from viften.ui import accounts, filters, safety, state
from viften.ui.fit_css import inject_fit_css

st.set_page_config(page_title="Tilbudsviften", page_icon=":material/grid_view:", layout="wide")
inject_fit_css()

lang = state.language_switch()
# The view and the sign-in go into the address before st.navigation tells the browser which
# page this is. A page switch starts with a bare address; written after it, they would reach
# the browser after the page's own entry in its history, as a second one, and Back would stay
# on the page (its bare entry) instead of leaving it.
with safety.guard(lang, show=False):  # a database that fails is told below, once
    filters.keep_view()
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
    ("year_over_year", "page_yoy", "compare_arrows"),
    ("investments", "page_investments", "handshake"),
    ("investment", "page_investment", "request_quote"),
)
if safety.can_manage():  # asks who this is: a reload's sign-in is read from the address here
    PAGES = (*PAGES, ("users", "page_users", "group"))
state.keep_session_in_url()
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
if safety.read_only():
    safety.banner(lang)
with safety.guard(lang):
    if page.url_path != "presentation":  # presentation mode has no sidebar: the view is kept
        filters.sidebar_filters()
        if not safety.read_only():
            accounts.sign_in_panel(lang)
    page.run()
