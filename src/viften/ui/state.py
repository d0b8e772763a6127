"""Session state the pages share: the database, the language and who is editing."""

from __future__ import annotations

import hmac
import os
from pathlib import Path

import streamlit as st

from viften.actions import database as databases
from viften.actions.access import EDITOR, VIEWER, Actor
from viften.present.formatting import escape_markdown
from viften.present.texts import DEFAULT_LANGUAGE, LANGUAGES, t

EDITOR_PASSWORD_VARIABLE = "VIFTEN_EDITOR_PASSWORD"


def database() -> Path:
    """The database (`$VIFTEN_DB`, else the default), created with the demo data if missing."""
    return databases.ready()


def language() -> str:
    """'da' or 'en', from the language switch or the URL (`?lang=en`)."""
    chosen = st.session_state.get("lang")
    if chosen in LANGUAGES:
        return str(chosen)
    from_url = st.query_params.get("lang")
    return from_url if from_url in LANGUAGES else DEFAULT_LANGUAGE


def language_switch() -> str:
    current = language()
    choice = st.sidebar.segmented_control(
        "Sprog / Language",
        options=list(LANGUAGES),
        format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
        default=current,
        key="lang_choice",
    )
    st.session_state["lang"] = choice or current
    _keep_language_in_url(language())
    return language()


def _keep_language_in_url(lang: str) -> None:
    """`?lang=en` for English; Danish, the default, needs no parameter."""
    if lang == DEFAULT_LANGUAGE:
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang


def editor_password() -> str | None:
    value = os.environ.get(EDITOR_PASSWORD_VARIABLE)
    return value or None


def actor() -> Actor:
    """The person behind this session: an editor only after giving the editor password."""
    name = str(st.session_state.get("user_name") or "app")
    role = EDITOR if st.session_state.get("is_editor") is True else VIEWER
    return Actor(name=name, role=role)


def editor_login() -> Actor:
    """A small sign-in for editors; the role is decided here, on the server."""
    lang = language()
    expected = editor_password()
    with st.sidebar.expander(t("ui_editor_heading", lang), expanded=False):
        if expected is None:
            st.caption(t("ui_editing_disabled", lang, variable=EDITOR_PASSWORD_VARIABLE))
            st.session_state["is_editor"] = False
            return actor()
        if st.session_state.get("is_editor") is True:
            st.caption(t("ui_signed_in_as", lang, name=escape_markdown(actor().name)))
            if st.button(t("ui_sign_out", lang), key="editor_sign_out"):
                st.session_state["is_editor"] = False
                st.rerun()
            return actor()
        with st.form("editor_sign_in", border=False):
            name = st.text_input(t("ui_your_name", lang), max_chars=60)
            password = st.text_input(t("ui_password", lang), type="password")
            if st.form_submit_button(t("ui_sign_in", lang)):
                if hmac.compare_digest(password.encode(), expected.encode()) and name.strip():
                    st.session_state["is_editor"] = True
                    st.session_state["user_name"] = name.strip()
                    st.rerun()
                st.error(t("ui_sign_in_failed", lang))
    return actor()
