"""Sociale investeringer: every investment case, the pools, and the portfolio in the fan's style."""

import streamlit as st

from viften.present.texts import t
from viften.ui import investments as parts
from viften.ui.state import language

lang = language()
st.title(t("page_investments", lang), anchor=False)
st.caption(t("invest_intro", lang))
folio = parts.portfolio()
parts.flash()
if not folio.cases:
    st.info(t("invest_no_cases", lang))
else:
    parts.headline(folio, lang)
    parts.portfolio_section(folio, lang)
st.caption(t("invest_open_case", lang))
parts.pools_section(folio, lang)
