"""Indsatser: the year's interventions as a table, and editing, import and export."""

import streamlit as st

from viften.model import filters as flt
from viften.present.texts import t
from viften.ui import interventions as parts
from viften.ui import year_over_year as next_year
from viften.ui.cache import year_view
from viften.ui.filters import current
from viften.ui.state import actor, language

lang = language()
chosen = current()
view = year_view(chosen.year)
if view.year is None:
    st.title(t("page_interventions", lang))
    st.info(t("ui_empty_database", lang))
    if actor().can_write:
        parts.importer_section(lang)
    st.stop()

st.title(t("iv_title", lang, year=view.year))
st.caption(t("iv_intro", lang))
shown = flt.apply(view.frame, chosen)
table_tab, edit_tab, import_tab, export_tab = st.tabs(
    [
        t("iv_tab_table", lang),
        t("iv_tab_edit", lang),
        t("iv_tab_import", lang),
        t("iv_tab_export", lang),
    ]
)
with table_tab:
    st.caption(t("iv_count", lang, shown=len(shown), total=len(view.frame)))
    if shown.empty:
        st.info(t("ui_nothing_matches", lang))
    else:
        parts.table(shown, lang)
with edit_tab:
    if actor().can_write:
        st.caption(t("iv_edit_hint", lang))
        parts.editor_section(view.year, lang)
    else:
        st.info(t("iv_editor_only", lang))
with import_tab:
    if actor().can_write:
        parts.importer_section(lang)
        next_year.start_next_year(view.years[0] if view.years else None, lang)
    else:
        st.info(t("iv_editor_only", lang))
with export_tab:
    st.caption(t("iv_export_hint", lang))
    parts.exporter_section(view.year, lang)
