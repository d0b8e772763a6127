"""Historik: the audit trail, each import as a whole (and its revert), and restoring a
deleted intervention."""

import streamlit as st

from viften.present.texts import t
from viften.ui import history as parts
from viften.ui.state import actor, language

lang = language()
st.title(t("hist_title", lang))
st.caption(t("hist_intro", lang))
parts.reverted_notice()
entries = parts.entries(limit=1000)
if not entries:
    st.info(t("hist_empty", lang))
else:
    everything, by_import = st.tabs([t("hist_all", lang), t("imp_heading", lang)])
    with everything:
        parts.trail(entries, lang)
        if actor().can_write:
            parts.restore_section(entries, lang)
    with by_import:
        parts.imports_section(entries, lang)
