"""The one field for an amount or a number typed as the reader writes it (76.479.000, 1,5 mio.).

An `st.number_input` is an `<input type="number">`: the browser refuses "76.479.000" or reads
it as 76, and shows 94479000 and "1.0". This field is a text input read by
`formatting.parse_amount` (babel, the reader's language). After Enter the text is rewritten
as the page writes the value; a text that cannot be read is kept for correcting, with a
message that says what to type, and the page goes on with the last value that could.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.present import formatting
from viften.present.formatting import AmountError, amount_text, escape_markdown, parse_amount
from viften.present.texts import t


def _value_key(key: str) -> str:
    return f"{key}__value"


def _lang_key(key: str) -> str:
    return f"{key}__lang"


def _tidy(key: str, lang: str, kind: str, least: float | None, most: float | None) -> None:
    """After Enter: a readable text is written again as the page writes its value."""
    try:
        value = parse_amount(st.session_state.get(key), lang, kind, least, most)
    except AmountError:
        return
    st.session_state[_value_key(key)] = value
    st.session_state[key] = amount_text(value, lang, kind)


def kept_amount(key: str, default: float) -> float:
    """The value the field `key` last held, read without drawing it (`default` before)."""
    return float(st.session_state.get(_value_key(key), default))


def amount_input(
    label: str,
    *,
    key: str,
    default: float,
    lang: str,
    kind: str = "kroner",
    least: float | None = 0.0,
    most: float | None = None,
    help: str | None = None,
    where: Any = None,
) -> float:
    """The value in the field (`kind`: kroner, number or share), or the last readable one
    while it holds text that is not an amount. `where` is a column or container (the page
    by default)."""
    spot = st if where is None else where
    value_key, lang_key = _value_key(key), _lang_key(key)
    if key not in st.session_state or st.session_state.get(lang_key) != lang:
        # first drawn, or the language switched: the value written in the reader's style
        st.session_state[key] = amount_text(st.session_state.get(value_key, default), lang, kind)
        st.session_state[lang_key] = lang
    spot.text_input(
        label,
        key=key,
        help=help,
        on_change=_tidy,
        args=(key, lang, kind, least, most),
    )
    last = float(st.session_state.get(value_key, default))
    try:
        value = parse_amount(st.session_state.get(key), lang, kind, least, most)
    except AmountError as error:
        shown = formatting.kroner(last, lang) if kind == "kroner" else amount_text(last, lang, kind)
        spot.error(escape_markdown(f"{error.message} {t('amount_kept', lang, value=shown)}"))
        return last
    st.session_state[value_key] = value
    return value
