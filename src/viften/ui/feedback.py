"""Telling the user how a long piece of work (an import) ended."""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.model.errors import BadInput, ViftenError
from viften.present.messages import error_lines
from viften.present.texts import t


def import_failed(error: ViftenError, progress: Any, problems_key: str, lang: str) -> None:
    """An import that wrote nothing: why, and every problem with its row and column."""
    progress.empty()
    if isinstance(error, BadInput):
        st.error(t(problems_key, lang, count=error.total or 1))
        st.text("\n".join(error_lines(error, lang)))
    else:
        st.error(str(error))
