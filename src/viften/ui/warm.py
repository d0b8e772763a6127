"""The landing page's first run, prepared once when the server starts.

`app.py` calls `start` as the server starts. In a thread of its own, `landing` imports what
the landing page's first run imports and fills the shared caches that run reads: the newest
year's view and the fan of the default view. It runs while the first browser is still
loading Streamlit's own scripts, so its visitor finds them ready instead of waiting for
them (about two thirds of a second at national size, most of it pandas' import).

A failure here is only logged: the page's own run meets it again and says what to do.
"""

from __future__ import annotations

import importlib
import logging
import threading

LANDING_MODULES = (
    "viften.present.formatting",
    "viften.present.texts",
    "viften.ui.accounts",
    "viften.ui.fan",
    "viften.ui.filters",
    "viften.ui.fit_css",
    "viften.ui.print_css",
    "viften.ui.safety",
    "viften.ui.state",
)
"""What streamlit_app.py and pages/fan.py import (a test keeps the two in step)."""

_log = logging.getLogger(__name__)

THREAD = "viften-warm"
CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"
"""Where Streamlit warns of a thread that calls it outside any session ("missing
ScriptRunContext"): this thread does so by design, and would warn at every start."""


class _OutsideAnySession(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD


_QUIET = _OutsideAnySession()


def start() -> threading.Thread:
    """Prepare the landing page in the background; the thread is returned for tests."""
    logging.getLogger(CONTEXT_LOGGER).addFilter(_QUIET)  # once: the same filter is not added twice
    thread = threading.Thread(target=_landing_logged, name=THREAD, daemon=True)
    thread.start()
    return thread


def _landing_logged() -> None:
    try:
        landing()
    except Exception:  # the first visit meets the same failure and tells it
        _log.exception("the landing page could not be prepared at start")


def landing(lang: str = "da") -> None:
    """What a first visit to `/` without parameters reads: the modules, the newest year's
    view and the fan of every intervention of that year with the default switches."""
    for name in LANDING_MODULES:
        importlib.import_module(name)
    import streamlit as st

    from viften.model import filters as flt
    from viften.ui import fan
    from viften.ui.cache import year_view

    # Streamlit's first element in a process reads the call stack's sources once, to tell
    # whether it runs under `streamlit run` (a tenth of a second): outside a run, this one
    # element is drawn nowhere
    st.empty()
    newest = year_view(None)
    if newest.year is not None:
        # the sidebar writes the year it shows into the filters, so the key holds it too
        fan.prepare(flt.from_query({}).with_year(newest.year), lang)
