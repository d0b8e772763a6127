"""År mod år: what came, what went and what changed from one fan year to the next."""

import streamlit as st

from viften.present.texts import t
from viften.ui import year_over_year as parts
from viften.ui.cache import year_view
from viften.ui.filters import current
from viften.ui.state import language

lang = language()
chosen = current()
years = year_view().years
st.title(t("page_yoy", lang), anchor=False)
st.caption(t("yoy_intro", lang))
if len(years) < 2:
    st.info(t("yoy_need_two", lang))
else:
    before, after = parts.choose_years(years, lang)
    result, first, second = parts.comparison(before, after, chosen)
    st.header(t("yoy_title", lang, before=before, after=after), anchor=False)
    parts.lists(result, first, second, lang)
    parts.moves(result, lang)
    parts.fans(before, after, chosen, lang)
parts.start_next_year(years[0] if years else None, lang)
