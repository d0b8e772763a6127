"""Session state the pages share: the database, the language and who is signed in."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import streamlit as st

from viften.actions import database as databases
from viften.actions import sessions
from viften.actions.access import VIEWER, Actor
from viften.model.accounts import parse_role_mapping, role_for_identity
from viften.present.texts import DEFAULT_LANGUAGE, LANGUAGES, t
from viften.store.db import StoreError

if TYPE_CHECKING:
    from streamlit.elements.lib.mutable_expander_container import ExpanderContainer
    from streamlit.elements.lib.mutable_tab_container import TabContainer

OIDC_ROLES_VARIABLE = "VIFTEN_OIDC_ROLES"
"""A JSON object mapping e-mail addresses, @domains and group:names to roles (see
`viften.model.accounts.role_for_identity`); everyone else signed in by OIDC is a viewer."""


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


def lazy_tabs(key: str, names: Sequence[str], lang: str) -> Sequence[TabContainer]:
    """Tabs titled by the texts `names`, of which only the open one is drawn (a page asks
    each tab's `.open`); the open tab is kept in `{key}_{lang}`. It stays open when the
    reader switches language, and when they leave the page and come back."""
    wanted, kept = f"{key}_{lang}", f"{key}_kept"
    if wanted not in st.session_state and st.session_state.get(kept) in names:
        # Streamlit forgets a widget's value on a page switch; its text key outlives it
        st.session_state[wanted] = t(st.session_state[kept], lang)
    labels = [t(name, lang) for name in names]
    tabs = st.tabs(labels, key=wanted, on_change="rerun")
    if st.session_state.get(wanted) in labels:
        st.session_state[kept] = names[labels.index(st.session_state[wanted])]
    return tabs


def lazy_expander(label: str, key: str) -> ExpanderContainer:
    """An expander whose content a page draws only while it is open (it asks `.open`). It
    stays open when the reader leaves the page and comes back (kept in `{key}_kept`)."""
    kept = f"{key}_kept"
    if key not in st.session_state and st.session_state.get(kept):
        # Streamlit forgets a widget's value on a page switch
        st.session_state[key] = True
    shown = st.expander(label, key=key, on_change="rerun")
    st.session_state[kept] = bool(shown.open)
    return shown


def _keep_language_in_url(lang: str) -> None:
    """`?lang=en` for English; Danish, the default, needs no parameter."""
    if lang == DEFAULT_LANGUAGE:
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang


SESSION_KEY = "viften_session"
"""The sign-in token in session state; what it stands for is known only to the server
(`viften.actions.sessions`), so setting session state grants nothing."""
URL_SESSION_KEY = "session"
"""The same token in the address, so a reload of the page stays signed in."""
_ENDED_KEY = "viften_session_ended"


def browser() -> str:
    """The fingerprint a sign-in token is tied to: the client's address and User-Agent."""
    try:
        address = st.context.ip_address
        agent = st.context.headers.get("User-Agent")
    except Exception:  # outside a browser session: no client to tell apart
        address, agent = None, None
    return sessions.browser_fingerprint(
        address if isinstance(address, str) else None, agent if isinstance(agent, str) else None
    )


def oidc_configured() -> bool:
    """An OIDC provider is set up for `st.login` (an `[auth]` section in secrets.toml)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _oidc_actor() -> Actor | None:
    if not oidc_configured() or not st.user.get("is_logged_in"):
        return None
    email = st.user.get("email")
    claimed = st.user.get("groups")
    groups: list[str] = [str(g) for g in claimed] if isinstance(claimed, (list, tuple)) else []
    try:
        mapping = parse_role_mapping(os.environ.get(OIDC_ROLES_VARIABLE))
    except ValueError:
        mapping = {}
    name = str(st.user.get("name") or email or "oidc")
    return Actor(name, role_for_identity(mapping, str(email or ""), groups))


def _token() -> str | None:
    held = st.session_state.get(SESSION_KEY)
    if isinstance(held, str) and held:
        return held
    from_url = st.query_params.get(URL_SESSION_KEY)
    return from_url if isinstance(from_url, str) and from_url else None


DATABASE_FAILED = "database_failed"
"""Set by `viften.ui.safety` while the database fails: the session is then a viewer's."""


def actor() -> Actor:
    """The person behind this session, decided on the server: the account its sign-in token
    stands for (as the database has it now), the OIDC identity, or a viewer (always while
    the database fails: nobody writes then)."""
    if st.session_state.get(DATABASE_FAILED):
        return Actor("app", VIEWER)
    from_oidc = _oidc_actor()
    if from_oidc is not None:
        return from_oidc
    token = _token()
    try:
        found = sessions.actor(database(), token, browser()) if token else None
    except (StoreError, duckdb.Error):
        # the page meets the same failure and shows the banner (`viften.ui.safety`); until
        # then, whoever this is reads like a viewer
        return Actor("app", VIEWER)
    if found is None:
        if token:
            _forget_token(ended=True)
        return Actor("app", VIEWER)
    st.session_state[SESSION_KEY] = token
    return found


def remember(token: str) -> None:
    st.session_state[SESSION_KEY] = token
    st.session_state.pop(_ENDED_KEY, None)
    keep_session_in_url()


def sign_out() -> None:
    sessions.end(_token())
    _forget_token(ended=False)


def session_ended() -> bool:
    """A sign-in of this browser ran out (or its account changed) since the last sign-in."""
    return bool(st.session_state.get(_ENDED_KEY))


def _forget_token(*, ended: bool) -> None:
    st.session_state.pop(SESSION_KEY, None)
    if URL_SESSION_KEY in st.query_params:
        del st.query_params[URL_SESSION_KEY]
    if ended:
        st.session_state[_ENDED_KEY] = True


def keep_session_in_url() -> None:
    """The token in the address on every page (a page switch starts with a bare address)."""
    token = st.session_state.get(SESSION_KEY)
    if isinstance(token, str) and token:
        if st.query_params.get(URL_SESSION_KEY) != token:
            st.query_params[URL_SESSION_KEY] = token
    elif URL_SESSION_KEY in st.query_params:
        del st.query_params[URL_SESSION_KEY]
