"""When the database fails: a banner and a read-only app, never a traceback.

A page that meets a database error it does not handle itself (the file is damaged, the
disk is gone, another program holds it too long) ends with a banner that says so. The
session then stays read-only (signed out, no sign-in, no editing) until the reader asks to try again
and the database answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import streamlit as st

from viften.present.texts import t
from viften.store.db import StoreError
from viften.ui import state

FLAG = state.DATABASE_FAILED


def read_only() -> bool:
    return bool(st.session_state.get(FLAG))


def _engage(detail: str) -> None:
    st.session_state[FLAG] = detail
    # writes are off until the database answers again: the sign-in is dropped here, without
    # asking the database that just failed (its record of the token runs out by itself)
    st.session_state.pop(state.SESSION_KEY, None)
    if state.URL_SESSION_KEY in st.query_params:
        del st.query_params[state.URL_SESSION_KEY]


def can_manage() -> bool:
    """Whether the session may manage users: never while read-only or the database fails."""
    if read_only():
        return False
    try:
        return state.actor().can_manage
    except (StoreError, duckdb.Error) as error:
        _engage(_first_line(error))
        return False


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def banner(lang: str) -> None:
    """The read-only banner, with a button that tries the database again."""
    detail = str(st.session_state.get(FLAG) or "")
    st.error(t("safety_banner", lang, detail=detail))
    if st.button(t("safety_retry", lang), key="safety_retry"):
        st.session_state.pop(FLAG, None)
        st.rerun()


@contextmanager
def guard(lang: str, *, show: bool = True) -> Iterator[None]:
    """Run a page; a database error it lets through becomes the banner and read-only mode.
    `show=False`: read-only mode only, for work done before the place the banner is drawn."""
    try:
        yield
    except (StoreError, duckdb.Error) as error:
        already = read_only()
        _engage(_first_line(error))
        if show and not already:
            banner(lang)
