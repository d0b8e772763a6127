"""Brugere: the accounts and their roles, and a backup to download (admins only)."""

import streamlit as st

from viften.present.texts import t
from viften.ui import accounts
from viften.ui.state import actor, language

lang = language()
st.title(t("users_title", lang))
if not actor().can_manage:
    st.info(t("users_admins_only", lang))
    st.stop()
st.caption(t("users_intro", lang))
accounts.show_done()
accounts.accounts_table(lang)
accounts.add_form(lang)
accounts.change_forms(lang)
accounts.backup_section(lang)
