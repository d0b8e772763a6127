"""Signing in and out in the sidebar, and the Brugere page's parts (admins)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from viften.actions import backups, sessions, users
from viften.actions.access import ROLES, Actor
from viften.model.errors import BadInput, ViftenError
from viften.present import formatting
from viften.present.history import when
from viften.present.messages import render
from viften.present.texts import t
from viften.store.location import PostgresURL
from viften.ui import grid, state
from viften.ui.cache import has_accounts


def _typed(text: str) -> str:
    """A name someone typed, for Streamlit's Markdown: shown exactly as typed."""
    return formatting.escape_markdown(text)


def role_name(role: str, lang: str) -> str:
    return t(f"acc_role_{role}", lang)


PANEL_KEY = "acc_panel"
"""The sidebar's sign-in panel: open or closed."""


def sign_in_panel(lang: str) -> Actor:
    """The sidebar's sign-in: a form for accounts (and the bootstrap password), or who is
    signed in and a sign-out; with OIDC configured, a button for `st.login` too."""
    path = state.database()
    current = state.actor()
    signed_in = current.role != "viewer" or state.SESSION_KEY in st.session_state
    heading = (
        t("acc_signed_in_heading", lang, name=_typed(current.name))
        if signed_in or _oidc_signed_in()
        else t("acc_sign_in_heading", lang)
    )
    # drawn only when opened: every page's every rerun would redraw the form in the browser
    with st.sidebar, state.lazy_expander(heading, PANEL_KEY) as panel:
        if not panel.open:
            return current
        if _oidc_signed_in():
            st.caption(
                t(
                    "acc_signed_in_as",
                    lang,
                    name=_typed(current.name),
                    role=role_name(current.role, lang),
                )
            )
            if st.button(t("acc_sign_out", lang), key="acc_oidc_sign_out"):
                st.logout()
            return current
        if signed_in:
            st.caption(
                t(
                    "acc_signed_in_as",
                    lang,
                    name=_typed(current.name),
                    role=role_name(current.role, lang),
                )
            )
            if users.bootstrap_open(path) and not users.account(path, current.name):
                st.caption(t("acc_bootstrap", lang, variable=users.BOOTSTRAP_PASSWORD_VARIABLE))
            if st.button(t("acc_sign_out", lang), key="acc_sign_out"):
                state.sign_out()
                st.rerun()
            return current
        if state.session_ended():
            st.info(t("acc_session_ended", lang))
        if state.oidc_configured() and st.button(
            t("acc_oidc_sign_in", lang), key="acc_oidc_sign_in"
        ):
            st.login()
        if users.bootstrap_password() is None and not has_accounts():
            st.caption(
                t("acc_nobody_can_sign_in", lang, variable=users.BOOTSTRAP_PASSWORD_VARIABLE)
            )
        _sign_in_form(path, lang)
        st.caption(t("acc_viewer_note", lang))
    return current


def _oidc_signed_in() -> bool:
    return state.oidc_configured() and bool(st.user.get("is_logged_in"))


def _sign_in_form(path: Path, lang: str) -> None:
    with st.form("acc_sign_in_form", border=False):
        name = st.text_input(t("acc_name", lang), max_chars=users.MAX_NAME_LENGTH, key="acc_name")
        password = st.text_input(t("acc_password", lang), type="password", key="acc_password")
        if not st.form_submit_button(t("acc_sign_in", lang)):
            return
    try:
        signed_in = users.sign_in(path, name, password)
    except users.SignInRefused as refused:
        if refused.locked_until is not None:
            st.error(t("acc_locked", lang, time=refused.locked_until.strftime("%H:%M")))
        else:
            st.error(t("acc_failed", lang))
        return
    state.remember(sessions.start(signed_in, state.browser()))
    st.rerun()


# --- the Brugere page ----------------------------------------------------------------------


def accounts_table(lang: str) -> None:
    listed = users.accounts(state.database())
    if not listed:
        st.info(t("users_none", lang))
        return
    frame = pd.DataFrame(
        {
            t("users_col_name", lang): [a.name for a in listed],
            t("users_col_role", lang): [role_name(a.role, lang) for a in listed],
            t("users_col_created", lang): [when(a.created_at.isoformat(), lang) for a in listed],
            t("users_col_locked", lang): [
                when(a.locked_until.isoformat(), lang) if a.locked_until else "–" for a in listed
            ],
        }
    )
    grid.table(frame)


def _done(message: str) -> None:
    st.session_state["users_done"] = message
    st.rerun()


def _failed(error: ViftenError, lang: str) -> None:
    """Why nothing was saved; a name or file name the user typed shows as typed."""
    if isinstance(error, BadInput) and not error.problems:
        st.error(render(error.message, lang, markdown=True))
    else:
        st.error(_typed(str(error)))


def show_done() -> None:
    done = st.session_state.pop("users_done", None)
    if done:
        st.success(done)


def add_form(lang: str) -> None:
    st.subheader(t("users_add_heading", lang))
    with st.form("users_add", clear_on_submit=True):
        name = st.text_input(
            t("acc_name", lang), max_chars=users.MAX_NAME_LENGTH, key="users_add_name"
        )
        role = st.selectbox(
            t("users_role", lang),
            ROLES,
            index=1,
            format_func=lambda r: role_name(r, lang),
            key="users_add_role",
        )
        password = st.text_input(t("acc_password", lang), type="password", key="users_add_password")
        again = st.text_input(
            t("users_password_again", lang), type="password", key="users_add_again"
        )
        submitted = st.form_submit_button(t("users_add_button", lang))
    if not submitted:
        return
    if password != again:
        st.error(t("users_passwords_differ", lang))
        return
    try:
        added = users.add(state.database(), state.actor(), name, role, password)
    except ViftenError as error:
        _failed(error, lang)
        return
    _done(t("users_added", lang, name=_typed(added.name), role=role_name(added.role, lang)))


def change_forms(lang: str) -> None:
    listed = users.accounts(state.database())
    if not listed:
        return
    st.subheader(t("users_change_heading", lang))
    names = [a.name for a in listed]
    chosen = st.selectbox(t("users_pick", lang), names, key="users_pick")
    picked = next(a for a in listed if a.name == chosen)
    role_column, password_column, remove_column = st.columns(3)
    with role_column:
        role = st.selectbox(
            t("users_role", lang),
            ROLES,
            index=ROLES.index(picked.role),
            format_func=lambda r: role_name(r, lang),
            key=f"users_role_{chosen}",
        )
        if st.button(t("users_role_button", lang), key="users_role_button"):
            _attempt(
                lambda: users.change_role(state.database(), state.actor(), chosen, role),
                lang,
                t("users_role_changed", lang, name=_typed(chosen), role=role_name(role, lang)),
            )
    with password_column:
        new = st.text_input(
            t("users_new_password", lang), type="password", key="users_new_password"
        )
        again = st.text_input(
            t("users_password_again", lang), type="password", key="users_new_again"
        )
        if st.button(t("users_password_button", lang), key="users_password_button"):
            if new != again:
                st.error(t("users_passwords_differ", lang))
            else:
                _attempt(
                    lambda: _reset(chosen, new),
                    lang,
                    t("users_password_set", lang, name=_typed(chosen)),
                )
    with remove_column:
        sure = st.checkbox(
            t("users_remove_confirm", lang, name=_typed(chosen)), key="users_remove_sure"
        )
        if st.button(t("users_remove_button", lang), key="users_remove_button", disabled=not sure):
            _attempt(lambda: _remove(chosen), lang, t("users_removed", lang, name=_typed(chosen)))


def _reset(name: str, password: str) -> None:
    users.reset_password(state.database(), state.actor(), name, password)
    sessions.end_all_of(name)


def _remove(name: str) -> None:
    users.remove(state.database(), state.actor(), name)
    sessions.end_all_of(name)


def _attempt(work: object, lang: str, success: str) -> None:
    try:
        work()  # type: ignore[operator]
    except ViftenError as error:
        _failed(error, lang)
        return
    _done(success)


def backup_section(lang: str) -> None:
    st.subheader(t("users_backup_heading", lang))
    if isinstance(state.database(), PostgresURL):
        # viften's backup copies a DuckDB file; PostgreSQL has its own tools
        st.info(t("users_backup_postgres", lang))
        return
    st.caption(t("users_backup_intro", lang))
    if st.button(t("users_backup_make", lang), key="users_backup_make"):
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "viften-backup.duckdb"
            try:
                backups.backup(state.database(), state.actor(), target)
            except ViftenError as error:
                _failed(error, lang)
                return
            st.session_state["users_backup_bytes"] = target.read_bytes()
    data = st.session_state.get("users_backup_bytes")
    if isinstance(data, bytes):
        st.download_button(
            t(
                "users_backup_download",
                lang,
                size=f"{formatting.number(len(data) / 1_000_000, lang, 1)} MB",
            ),
            data=data,
            file_name="viften-backup.duckdb",
            mime="application/octet-stream",
            key="users_backup_download",
        )


def restore_section(lang: str) -> None:
    """Replace the database with an uploaded backup, all or nothing, after a confirmation."""
    if isinstance(state.database(), PostgresURL):
        return  # the backup section says how (pg_restore)
    st.subheader(t("users_restore_heading", lang))
    st.caption(t("users_restore_intro", lang))
    uploaded = st.file_uploader(
        t("users_restore_file", lang), type=["duckdb"], key="users_restore_file"
    )
    if uploaded is None:
        return
    sure = st.checkbox(t("users_restore_confirm", lang), key="users_restore_sure")
    if not st.button(
        t("users_restore_button", lang), key="users_restore_button", disabled=not sure
    ):
        return
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / (Path(uploaded.name).name or "restore.duckdb")
        source.write_bytes(uploaded.getvalue())
        try:
            backups.restore(state.database(), state.actor(), source)
        except ViftenError as error:
            _failed(error, lang)
            return
    _done(t("users_restored", lang, name=_typed(uploaded.name)))
