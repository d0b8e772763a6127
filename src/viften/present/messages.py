"""Messages of the core written out in the reader's language, from the text catalogue.

A `Message` carries a text key and typed values; here each value is written the way its
kind is written in Danish or English (kroner, shares, counts, quoted text), and the key's
sentence is filled in. English is written without babel: the `allocate` command prints
English and must start fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from viften.model.errors import BadInput, Problem
from viften.model.messages import Message
from viften.present.texts import t

MILLION = 1_000_000.0


def _number(value: float, lang: str, decimals: int) -> str:
    # Python's own grouping gives what viften.present.formatting gives for English (a test
    # holds them equal), without importing babel
    if lang == "en":
        return f"{float(value):,.{decimals}f}"
    from viften.present import formatting

    return formatting.number(value, lang, decimals)


def money_text(value: float, lang: str = "da") -> str:
    """Kroner for a sentence: whole kroner, or millions (3,2 mio. kr.) for round amounts."""
    if abs(value) >= MILLION and abs(round(value, -5) - value) < 0.5:
        amount = _number(value / MILLION, lang, 1)
        return f"DKK {amount}m" if lang == "en" else f"{amount} mio. kr."
    amount = _number(value, lang, 0)
    return f"DKK {amount}" if lang == "en" else f"{amount} kr."


def _figure(value: Any, lang: str) -> str:
    written = f"{float(value):g}"
    return written.replace(".", ",") if lang == "da" else written


def _value(kind: str, value: Any, lang: str) -> str:
    if kind == "money":
        return money_text(float(value), lang)
    if kind == "share":
        percent = float(value) * 100
        whole = abs(percent - round(percent)) < 1e-9
        return f"{_number(percent, lang, 0 if whole else 1)} %"
    if kind == "jobs":
        return _number(value, lang, 1)
    if kind == "count":
        return _number(value, lang, 0)
    if kind == "group":
        return t(f"tg_{value}", lang).lower()
    if kind == "names":
        return ", ".join(str(v) for v in value)
    if kind == "quoted":
        return repr(str(value))
    if kind == "figure":
        return _figure(value, lang)
    return str(value)


def render(message: Message | str, lang: str) -> str:
    """The sentence in `lang`; plain text (words not in the catalogue yet) as it is."""
    if isinstance(message, str):
        return message
    return t(message.key, lang, **{name: _value(kind, value, lang)
                                   for name, kind, value in message.values})


def render_all(messages: Iterable[Message], lang: str) -> str:
    """Several sentences as one paragraph (an allocation's notes)."""
    return " ".join(render(message, lang) for message in messages)


def problem_text(problem: Problem, lang: str) -> str:
    """`row 2, column Målgruppe: ...` in English, `række 2, kolonne Målgruppe: ...` in Danish."""
    return t("problem_at", lang, row=problem.row, column=problem.column,
             message=render(problem.message, lang))


def error_lines(error: BadInput, lang: str) -> list[str]:
    """Every problem on a line of its own, and how many more there are; else the message."""
    lines = [problem_text(p, lang) for p in error.problems]
    if error.total > len(error.problems):
        more = error.total - len(error.problems)
        lines.append(t("problems_more", lang, more=more, total=error.total))
    return lines or [render(error.message, lang)]
