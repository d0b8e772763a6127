"""Numbers as the reader writes them: babel's locale data, Danish first.

Danish: 1.234.567 kr., 35,4 %, 2,5 procentpoint. English: DKK 1,234,567, 35.4 %.
A missing figure is shown as a dash with the reason, never as 0, nan or inf.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from viften.present.texts import t

LOCALES = {"da": "da_DK", "en": "en_GB"}
MINUS = "\u2212"
"""The one sign of a negative number in every view, table and chart (not babel's hyphen)."""


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
    amount = float(value)
    # the sign apart: -0.0 == 0.0 would share a cache entry, and babel writes −0
    return _number(amount, math.copysign(1.0, amount) < 0, lang, decimals)


@functools.lru_cache(maxsize=65_536)
def _number(amount: float, negative: bool, lang: str, decimals: int) -> str:
    """Kept: a rerun formats the same figures again (the budget page a few hundred a run),
    and babel takes tens of microseconds for each."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = _plain(format_decimal(amount, format=pattern, locale=_locale(lang)))
    if text.startswith("-") and not any(c in "123456789" for c in text):
        # a small negative rounded to nothing: "0,0", not "−0,0"
        text = text[1:]
    return _minus(text)


def _minus(text: str) -> str:
    return MINUS + text[1:] if text.startswith("-") else text


def kroner(value: Any, lang: str = "da", decimals: int = 0) -> str:
    """1.234.567 kr. in Danish, DKK 1,234,567 in English."""
    if is_missing(value):
        return "–"
    amount = number(value, lang, decimals)
    return f"DKK {amount}" if lang == "en" else f"{amount} kr."


def kroner_range(low: Any, high: Any, lang: str = "da") -> str:
    """100.000–250.000 kr. in Danish, DKK 100,000–250,000 in English: the unit once."""
    amounts = f"{number(low, lang)}–{number(high, lang)}"
    return f"DKK {amounts}" if lang == "en" else f"{amounts} kr."


def millions(value: Any, lang: str = "da", decimals: int = 1) -> str:
    """18,0 mio. kr. / DKK 18.0m: for budgets, where whole kroner are noise."""
    if is_missing(value):
        return "–"
    amount = number(float(value) / 1_000_000, lang, decimals)
    return f"DKK {amount}m" if lang == "en" else f"{amount} mio. kr."


def money(value: Any, lang: str = "da") -> str:
    """Kroner for a sentence or a budget: whole kroner, or millions (3,2 mio. kr.) where the
    amount is a round number of hundred thousands of at least a million."""
    if is_missing(value):
        return "–"
    amount = float(value)
    if abs(amount) >= 1_000_000 and abs(round(amount, -5) - amount) < 0.5:
        return millions(amount, lang)
    return kroner(amount, lang)


def signed(value: float, text: str) -> str:
    """A change with its sign: +3, −3, ±0."""
    return ("+" if value > 0 else MINUS if value < 0 else "±") + text


def metric_delta(text: str) -> str:
    """A signed change for `st.metric`, which reads the direction of a delta only from a
    leading hyphen: the one place a negative number is written with "-"."""
    return "-" + text[1:] if text.startswith(MINUS) else text


def full_stop(text: str) -> str:
    """The text ending a sentence: a full stop added, unless it ends in one ("0 kr.")."""
    return text if text.endswith(".") else f"{text}."


def percent(value: Any, lang: str = "da", decimals: int = 0) -> str:
    """A share (0.354) as 35 % / 35,4 %."""
    if is_missing(value):
        return "–"
    return f"{number(float(value) * 100, lang, decimals)} %"


def share(value: Any, lang: str = "da") -> str:
    """A share of people (a job rate) as every view writes it: one decimal unless it is whole,
    35,4 % and 35 %."""
    if is_missing(value):
        return "–"
    return _share_text(number(float(value) * 100, lang, 1), _symbols(lang)[1])


def _share_text(one_decimal: str, decimal: str) -> str:
    whole = one_decimal.removesuffix(decimal + "0")
    return f"{whole} %"


def points(value: Any, lang: str = "da", decimals: int = 1) -> str:
    """A difference of shares (0.025) as percentage points: +2,5 pct.point."""
    if is_missing(value):
        return "–"
    amount = float(value) * 100
    sign = "+" if amount > 0 else (MINUS if amount < 0 else "±")
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


@functools.cache
def _symbols(lang: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = _locale(lang)
    return get_group_symbol(locale), get_decimal_symbol(locale)


def _fast_number(value: float, decimals: int, group: str, decimal: str) -> str:
    # through Decimal so that halves round as babel rounds them (12,35 → 12,4)
    text = f"{Decimal(repr(value)):,.{decimals}f}"
    return _minus(text.replace(",", "\x00").replace(".", decimal).replace("\x00", group))


def _fast_points(value: float, lang: str, group: str, decimal: str) -> str:
    amount = value * 100
    sign = "+" if amount > 0 else (MINUS if amount < 0 else "±")
    unit = "pct.point" if lang != "en" else "pp"
    return f"{sign}{_fast_number(abs(amount), 1, group, decimal)} {unit}"


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
            out.append(f"{_fast_number(float(value) * 100, decimals, group, decimal)} %")
        elif kind == "share":
            out.append(_share_text(_fast_number(float(value) * 100, 1, group, decimal), decimal))
        elif kind == "points":
            out.append(_fast_points(float(value), lang, group, decimal))
        elif kind == "ratio":
            out.append(_fast_number(float(value), 2, group, decimal))
        elif kind == "number":
            out.append(_fast_number(float(value), decimals, group, decimal))
        elif kind == "stars":
            out.append(stars(value))
        else:
            raise ValueError(f"unknown kind {kind!r}")
    return out


# --- amounts typed by the reader ----------------------------------------------------------------

AMOUNT_KINDS: tuple[str, ...] = ("kroner", "number", "share")
"""What a typed field holds: kroner (units kr., mio., mia. allowed), a plain number (years of
effect), or a share (0,47 or 47 %)."""

_KRONER_UNITS = re.compile(r"^(?:dkk|kr\.?)\s*|\s*(?:dkk|kr\.?|kroner|,-|\.-)$")
_THOUSAND_KRONER = re.compile(r"\s*(?:t\.\s?kr\.?|tkr\.?)$")
_SCALES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\s*(?:mia\.?|milliard(?:er)?|billion|bn)$"), 1_000_000_000),
    (re.compile(r"\s*(?:mio\.?|mill\.?|million(?:er)?|mn|m)$"), 1_000_000),
    (re.compile(r"\s*(?:tusind|thousand|k)$"), 1_000),
)
_SPACE_IN_NUMBER = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?:\D|$))")


class AmountError(ValueError):
    """Typed text that is not an amount; `message` says why and what to type, in the reader's
    language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _how(kind: str, lang: str) -> str:
    return t(f"amount_how_{kind}", lang)


def amount_text(value: float, lang: str = "da", kind: str = "kroner") -> str:
    """A value as a typed field shows it, and as `parse_amount` reads it back: 76.479.000,
    1,5, 47 %."""
    shown = float(value) * 100 if kind == "share" else float(value)
    text = number(shown, lang, 0 if shown.is_integer() else 2)
    decimal = _symbols(lang)[1]
    if decimal in text:
        text = text.rstrip("0").rstrip(decimal)
    return f"{text} %" if kind == "share" else text


def parse_amount(
    text: str | None,
    lang: str = "da",
    kind: str = "kroner",
    least: float | None = None,
    most: float | None = None,
) -> float:
    """The one reader of an amount or number typed in the app, as the reader writes it.

    Danish: 76.479.000, 76479000, 76 479 000, 1,5 mio., 1,5 mio. kr., 260.000 kr., 0,47;
    English: 76,479,000, DKK 1.5m, 0.47. Babel checks the digits against the language's
    grouping and decimal marks (strict), so 1.5 in Danish is refused with "Mente du »1,5«?"
    rather than read as 15. A share may end in %; a sign may be a hyphen or a minus.
    Raises `AmountError` with the reason and what to type.
    """
    from babel.numbers import NumberFormatError, parse_decimal

    if kind not in AMOUNT_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    typed = " ".join(str(text or "").split())
    if not typed:
        raise AmountError(t("amount_empty", lang, how=_how(kind, lang)))
    digits = typed.lower().replace(MINUS, "-")
    scale = Decimal(1)
    if kind == "kroner" and _THOUSAND_KRONER.search(digits):
        digits, scale = _THOUSAND_KRONER.sub("", digits).strip(), Decimal(1_000)
    elif kind == "kroner":
        digits = _KRONER_UNITS.sub("", digits).strip()
        for pattern, factor in _SCALES:
            if pattern.search(digits):
                digits, scale = pattern.sub("", digits).strip(), Decimal(factor)
                digits = _KRONER_UNITS.sub("", digits).strip()  # DKK 1,5 mio.
                break
    elif kind == "share" and digits.endswith("%"):
        digits, scale = digits[:-1].strip(), Decimal("0.01")
    group, _decimal = _symbols(lang)
    digits = _SPACE_IN_NUMBER.sub(group, digits).replace(" ", "")
    try:
        if not re.fullmatch(r"[-+]?[\d.,]*\d[\d.,]*", digits):
            raise NumberFormatError(digits)
        parsed = parse_decimal(digits, locale=_locale(lang), strict=True)
    except NumberFormatError as error:
        message = t("amount_not_a_number", lang, typed=typed, how=_how(kind, lang))
        suggestions = [s for s in getattr(error, "suggestions", None) or [] if s != digits]
        if suggestions:
            # babel offers the digits read with the other mark too; the decimal one is last
            message += " " + t("amount_did_you_mean", lang, suggestion=suggestions[-1])
        raise AmountError(message) from None
    value = float(parsed * scale)
    if not math.isfinite(value):
        raise AmountError(t("amount_not_a_number", lang, typed=typed, how=_how(kind, lang)))
    if least is not None and value < least:
        raise AmountError(
            t(
                "amount_too_small",
                lang,
                value=amount_text(value, lang, kind),
                least=amount_text(least, lang, kind),
            )
        )
    if most is not None and value > most:
        raise AmountError(
            t(
                "amount_too_large",
                lang,
                value=amount_text(value, lang, kind),
                most=amount_text(most, lang, kind),
            )
        )
    return value


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


NO_BREAK = "\u00a0"
_UNIT_AFTER = re.compile(r"(?<=\d) (?=kr\\\.|pct\\\.point|pp\b|\\%|uger\b|weeks\b|år\b|years\b)")
_UNIT_BEFORE = re.compile(r"\b(DKK|år|year) (?=\\?[+\-−\d])")


def unbroken_amounts(escaped: str) -> str:
    """Markdown from `escape_markdown` with a no-break space between a number and its unit
    (`9.000 kr.`, `DKK 9,000`, `+2,4 pct.point`, `80 %`, `år 3`), so that a narrow table
    column wraps between words, never inside an amount."""
    return _UNIT_BEFORE.sub(r"\1" + NO_BREAK, _UNIT_AFTER.sub(NO_BREAK, escaped))


# --- a figure of the registry (viften.present.figures) --------------------------------------

_NUMBER_KINDS = {
    "kroner": "kroner",
    "percent": "share",
    "points": "points",
    "ratio": "ratio",
    "count": "number",
    "capacity": "number",
    "stars": "stars",
    "chance": "percent",
}
"""A figure's kind → the kind of `column` that writes a value of it."""


def figure_value(name: str, record: Mapping[str, Any], lang: str = "da") -> str:
    """One figure of one intervention (a row as a dict) as every view writes it; a missing
    figure is a dash with its reason."""
    return figure_column(name, [record], lang)[0]


def figure_column(name: str, rows: Any, lang: str = "da") -> list[str]:
    """A figure for every row at once: a DataFrame, or a list of dicts (fast for 15.000 rows).

    Gives exactly what `figure_value` gives for each row.
    """
    from viften.present.figures import figure

    fig = figure(name)
    table = _Rows(rows)
    values = table.column(name)
    kind = fig.kind
    if kind in _CODE_TEXTS:
        return _codes(kind, values, lang)
    if kind == "text":
        return ["" if is_missing(v) else str(v) for v in values]
    if kind == "capacity":
        limitless = t("no_limit", lang)
        return [
            limitless if is_missing(v) else text
            for v, text in zip(values, column(values, "number", lang), strict=True)
        ]
    if kind in ("year", "per_krone"):
        if kind == "year":
            texts = [t("case_year_n", lang, year=int(v)) for v in values if not is_missing(v)]
        else:
            amounts = column([v for v in values if not is_missing(v)], "number", lang, 2)
            texts = [f"DKK {a}" if lang == "en" else f"{a} kr." for a in amounts]
        given = iter(texts)
        return [
            next(given) if not is_missing(v) else missing(fig.reason_missing(table.record(i)), lang)
            for i, v in enumerate(values)
        ]
    if kind == "weeks":
        return [
            number(v, lang, 0 if float(v).is_integer() else 1)
            if not is_missing(v)
            else missing(fig.reason_missing(table.record(i)), lang)
            for i, v in enumerate(values)
        ]
    out = column(values, _NUMBER_KINDS[kind], lang)
    for i, value in enumerate(values):
        if is_missing(value):
            out[i] = missing(fig.reason_missing(table.record(i)), lang)
    if name == "net_effect" and table.has("net_effect_ci_low"):
        lows, highs = table.column("net_effect_ci_low"), table.column("net_effect_ci_high")
        group, decimal = _symbols(lang)
        for i, (low, high) in enumerate(zip(lows, highs, strict=True)):
            if not is_missing(values[i]) and not is_missing(low) and not is_missing(high):
                out[i] += " " + t(
                    "fan_ci",
                    lang,
                    low=_fast_points(float(low), lang, group, decimal).rsplit(" ", 1)[0],
                    high=_fast_points(float(high), lang, group, decimal).rsplit(" ", 1)[0],
                )
    return out


_CODE_TEXTS: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    "effect_rating": ("er_{}", ("high", "medium", "low"), "fan_row_unrated"),
    "rates_from": ("rates_from_{}", ("outcomes", "entered"), "rates_from_entered"),
    "target_group": ("tg_{}_short", ("closer", "further", "cross"), None),
    "provider_type": ("pt_{}", ("internal", "external"), "fan_unknown"),
}
"""A code's kind → (its text key pattern, the codes, the text key of any other value)."""


def _codes(kind: str, values: Sequence[Any], lang: str) -> list[str]:
    pattern, codes, other = _CODE_TEXTS[kind]
    texts = {code: t(pattern.format(code), lang) for code in codes}
    fallback = t(other, lang) if other else "–"
    return [texts.get(v, fallback) if isinstance(v, str) else fallback for v in values]


class _Rows:
    """Columns and rows of a DataFrame or a list of dicts, read the same way."""

    _REASON_INPUTS = ("price_per_participant", "job_rate", "control_job_rate")

    def __init__(self, rows: Any) -> None:
        self._frame = None if isinstance(rows, list) else rows
        self._records: list[Mapping[str, Any]] = rows if isinstance(rows, list) else []
        self._inputs: dict[str, list[Any]] | None = None

    def has(self, name: str) -> bool:
        if self._frame is not None:
            return name in self._frame.columns
        return bool(self._records) and name in self._records[0]

    def column(self, name: str) -> list[Any]:
        if self._frame is not None:
            return (
                self._frame[name].tolist()
                if name in self._frame.columns
                else ([None] * len(self._frame))
            )
        return [r.get(name) for r in self._records]

    def record(self, index: int) -> dict[str, Any]:
        """What the reason for a missing figure is decided from, missing values as None."""
        if self._frame is not None:
            if self._inputs is None:
                # read once: a column lookup per missing cell is slow in a table of thousands
                self._inputs = {
                    name: self.column(name)
                    for name in self._REASON_INPUTS
                    if name in self._frame.columns
                }
            return {name: _none(values[index]) for name, values in self._inputs.items()}
        return {name: _none(value) for name, value in self._records[index].items()}


def _none(value: Any) -> Any:
    if is_missing(value):
        return None
    return value.item() if hasattr(value, "item") else value
