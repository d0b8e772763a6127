"""The history page's parts."""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.actions import interventions as changes
from viften.model.errors import ViftenError
from viften.present.history import trail_table
from viften.present.texts import t
from viften.store import db
from viften.store import interventions as store
from viften.ui.feedback import write_failed
from viften.ui.state import actor, database


def entries(limit: int) -> list[dict[str, Any]]:
    with db.connect(database()) as con:
        return store.history(con, limit)


def trail(rows: list[dict[str, Any]], lang: str) -> None:
    st.dataframe(trail_table(rows, lang), hide_index=True, width="stretch")


def restore_section(rows: list[dict[str, Any]], lang: str) -> None:
    deleted = sorted(
        {
            (r["name"], r["year"], r.get("municipality") or "")
            for r in rows
            if r["action"] == "delete"
        }
    )
    if not deleted:
        return
    st.subheader(t("hist_restore", lang))
    choice = st.selectbox(
        t("hist_restore", lang),
        deleted,
        format_func=lambda k: f"{k[0]} ({k[2]}, {k[1]})" if k[2] else f"{k[0]} ({k[1]})",
        label_visibility="collapsed",
        key="hist_restore_choice",
    )
    if st.button(t("hist_restore_button", lang), key="hist_restore_button") and choice:
        try:
            changes.restore(database(), actor(), choice[0], int(choice[1]), choice[2])
        except ViftenError as error:
            write_failed(error, lang)
            return
        st.success(t("hist_restored", lang, name=choice[0]))
