"""The history page's parts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from viften.actions import imports as import_actions
from viften.actions import interventions as changes
from viften.model.errors import ViftenError
from viften.present.formatting import escape_markdown
from viften.present.history import trail_table
from viften.present.imports import by_import, import_label
from viften.present.texts import t
from viften.store import db
from viften.store import interventions as store
from viften.store.imports import Import
from viften.ui import grid
from viften.ui.feedback import write_failed
from viften.ui.state import actor, database


def entries(limit: int) -> list[dict[str, Any]]:
    """The newest `limit` entries of the audit trail, read once per version of the database."""
    path = database()
    return _entries(path, db.data_version(path), limit)


@st.cache_data(max_entries=8, show_spinner=False)
def _entries(path: Path, version: tuple[int, int, int, int], limit: int) -> list[dict[str, Any]]:
    with db.connect(path) as con:
        return store.history(con, limit)


@st.cache_data(max_entries=8, show_spinner=False)
def _imports(path: Path, version: tuple[int, int, int, int], limit: int) -> list[Import]:
    return import_actions.listing(path, limit=limit)


def trail(rows: list[dict[str, Any]], lang: str) -> None:
    grid.table(trail_table(rows, lang))


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
        st.success(t("hist_restored", lang, name=escape_markdown(choice[0])))


def imports_section(rows: list[dict[str, Any]], lang: str) -> None:
    """The trail grouped by import, newest first; an editor may revert a whole import."""
    st.caption(t("imp_intro", lang))
    path = database()
    found = _imports(path, db.data_version(path), 100)
    if not found:
        st.info(t("imp_none", lang))
        return
    grouped, _ = by_import(rows)
    may_write = actor().can_write
    for one in found:
        changes_of = grouped.get(one.id, [])
        # a file's and a user's name are typed text: never read as Markdown
        with st.expander(escape_markdown(import_label(one, len(changes_of), lang))):
            if changes_of:
                grid.table(trail_table(changes_of, lang))
            if may_write and one.reverted_at is None:
                if st.button(t("imp_revert_button", lang), key=f"imp_revert_{one.id}"):
                    _revert(one.id, lang)


def _revert(import_id: int, lang: str) -> None:
    try:
        done = import_actions.revert(database(), actor(), import_id)
    except ViftenError as error:
        write_failed(error, lang)
        return
    st.session_state["imp_reverted"] = t(
        "imp_reverted",
        lang,
        id=import_id,
        removed=len(done.removed),
        restored=len(done.restored),
        outcomes=len(done.outcomes),
    )
    st.rerun()


def reverted_notice() -> None:
    """The message of a revert, shown once after the rerun that shows its result."""
    notice = st.session_state.pop("imp_reverted", None)
    if notice:
        st.success(notice)
