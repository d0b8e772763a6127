"""Telling the user how a long piece of work (an import) ended."""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.model.errors import BadInput, ViftenError
from viften.present.texts import t


def import_failed(error: ViftenError, progress: Any, problems_key: str, lang: str) -> None:
    """An import that wrote nothing: why, and every problem with its row and column."""
    progress.empty()
    if isinstance(error, BadInput):
        count = getattr(error, "total", None) or len(error.problems) or 1
        st.error(t(problems_key, lang, count=count))
        st.text("\n".join(error.lines()))
    else:
        st.error(str(error))
