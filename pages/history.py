"""Historik: the audit trail, and restoring a deleted intervention."""

import streamlit as st

from viften.present.texts import t
from viften.ui import history as parts
from viften.ui.state import actor, language

lang = language()
st.title(t("hist_title", lang))
st.caption(t("hist_intro", lang))
entries = parts.entries(limit=1000)
if not entries:
    st.info(t("hist_empty", lang))
else:
    parts.trail(entries, lang)
    if actor().can_write:
        parts.restore_section(entries, lang)
