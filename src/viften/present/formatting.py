"""Numbers as the reader writes them: babel's locale data, Danish first.

Danish: 1.234.567 kr., 35,4 %, 2,5 procentpoint. English: DKK 1,234,567, 35.4 %.
A missing figure is shown as a dash with the reason, never as 0, nan or inf.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from viften.present.texts import t

LOCALES = {"da": "da_DK", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["da"])


def is_missing(value: Any) -> bool:
    """None, NaN, and pandas' own markers for a missing value (NA in nullable columns, NaT)."""
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return type(value).__name__ in ("NAType", "NaTType")


def _plain(text: str) -> str:
    # babel separates some units with a no-break space; people search and copy with a plain one
    return text.replace("\xa0", " ").replace("\u202f", " ")


def number(value: Any, lang: str = "da", decimals: int = 0) -> str:
    if is_missing(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _plain(format_decimal(float(value), format=pattern, locale=_locale(lang)))


def kroner(value: Any, lang: str = "da", decimals: int = 0) -> str:
    """1.234.567 kr. in Danish, DKK 1,234,567 in English."""
    if is_missing(value):
        return "–"
    amount = number(value, lang, decimals)
    return f"DKK {amount}" if lang == "en" else f"{amount} kr."


def millions(value: Any, lang: str = "da", decimals: int = 1) -> str:
    """18,0 mio. kr. / DKK 18.0m: for budgets, where whole kroner are noise."""
    if is_missing(value):
        return "–"
    amount = number(float(value) / 1_000_000, lang, decimals)
    return f"DKK {amount}m" if lang == "en" else f"{amount} mio. kr."


def percent(value: Any, lang: str = "da", decimals: int = 0) -> str:
    """A share (0.354) as 35 % / 35,4 %."""
    if is_missing(value):
        return "–"
    return f"{number(float(value) * 100, lang, decimals)} %"


def points(value: Any, lang: str = "da", decimals: int = 1) -> str:
    """A difference of shares (0.025) as percentage points: +2,5 pct.point."""
    if is_missing(value):
        return "–"
    amount = float(value) * 100
    sign = "+" if amount > 0 else ("−" if amount < 0 else "±")
    unit = "pct.point" if lang != "en" else "pp"
    return f"{sign}{number(abs(amount), lang, decimals)} {unit}"


def ratio(value: Any, lang: str = "da", decimals: int = 2) -> str:
    return number(value, lang, decimals)


def stars(count: Any) -> str:
    if is_missing(count):
        return "–"
    whole = int(count)
    return "★" * whole + "☆" * (3 - whole)


def missing(reason_key: str | None, lang: str = "da") -> str:
    """The dash for a missing figure with its reason: '– (ingen kontrolgruppe)'."""
    if reason_key is None:
        return "–"
    return f"– ({t(reason_key, lang)})"


def _symbols(lang: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = _locale(lang)
    return get_group_symbol(locale), get_decimal_symbol(locale)


def _fast_number(value: float, decimals: int, group: str, decimal: str) -> str:
    # through Decimal so that halves round as babel rounds them (12,35 → 12,4)
    text = f"{Decimal(repr(value)):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)


def column(values: Any, kind: str, lang: str = "da", decimals: int = 0) -> list[str]:
    """A whole column formatted at once (for tables of thousands of rows).

    Uses babel's symbols for the locale with Python's own digit grouping, which gives
    the same text as `kroner`, `percent` and friends at a fraction of the cost.
    """
    group, decimal = _symbols(lang)
    out: list[str] = []
    for value in values:
        if is_missing(value):
            out.append("–")
        elif kind == "kroner":
            amount = _fast_number(float(value), 0, group, decimal)
            out.append(f"DKK {amount}" if lang == "en" else f"{amount} kr.")
        elif kind == "percent":
            out.append(f"{_fast_number(float(value) * 100, 0, group, decimal)} %")
        elif kind == "points":
            out.append(points(value, lang))
        elif kind == "ratio":
            out.append(_fast_number(float(value), 2, group, decimal))
        elif kind == "number":
            out.append(_fast_number(float(value), decimals, group, decimal))
        elif kind == "stars":
            out.append(stars(value))
        else:
            raise ValueError(f"unknown kind {kind!r}")
    return out


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'^%@])")


def escape_markdown(text: Any) -> str:
    """Text typed by a person that Streamlit's Markdown shows exactly as typed.

    CommonMark lets a backslash escape any ASCII punctuation, so every mark that Markdown (or
    Streamlit's colour, emoji and LaTeX syntax) could act on is escaped: nothing in the text can
    start emphasis, a link, an image, an HTML tag, a directive (`:red[...]`) or LaTeX (`$`).
    Line breaks become spaces, as a table cell or a heading has only one line; None is empty.
    """
    plain = " ".join(str(text).split()) if text is not None else ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain)
