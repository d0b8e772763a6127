"""Telling the user how a piece of work that writes (an import, a save) ended: as a
message, never a traceback."""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.model.errors import BadInput, ViftenError
from viften.present.formatting import escape_markdown
from viften.present.messages import error_lines, render
from viften.present.texts import t
from viften.store.interventions import ConflictError


def import_failed(error: ViftenError, progress: Any, problems_key: str, lang: str) -> None:
    """An import that wrote nothing: why, and every problem with its row and column."""
    progress.empty()
    if isinstance(error, BadInput):
        st.error(t(problems_key, lang, count=error.total or 1))
        st.text("\n".join(error_lines(error, lang)))
    else:
        st.error(escape_markdown(error))


def write_failed(error: ViftenError, lang: str, conflict_key: str | None = None) -> None:
    """A write that saved nothing, and why: a clash with another session's change says so
    in the page's own words (`conflict_key`, a text with `{detail}`) where it has them."""
    # the error names interventions and users as they were typed: text, never Markdown
    if isinstance(error, ConflictError) and conflict_key is not None:
        st.error(t(conflict_key, lang, detail=escape_markdown(error)))
    elif isinstance(error, BadInput) and not error.problems:
        # the catalogue's sentence in the reader's language, every typed value in it escaped
        st.error(render(error.message, lang, markdown=True))
    elif isinstance(error, BadInput):
        st.error("\n\n".join(escape_markdown(line) for line in error_lines(error, lang)))
    else:
        st.error(escape_markdown(error))
