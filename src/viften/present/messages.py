"""Messages of the core written out in the reader's language, from the text catalogue.

A `Message` carries a text key and typed values; here each value is written the way its
kind is written in Danish or English (kroner, shares, counts, quoted text), and the key's
sentence is filled in, with the numbers written by `viften.present.formatting` as every view
writes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from viften.model.assumptions import SCALAR_KEYS
from viften.model.errors import BadInput, Problem
from viften.model.messages import KINDS, Message
from viften.present import formatting
from viften.present.texts import has, t


def _figure(value: Any, lang: str) -> str:
    written = f"{float(value):g}"
    return written.replace(".", ",") if lang == "da" else written


def _value(kind: str, value: Any, lang: str, brief: bool = False) -> str:
    if kind == "money":
        return formatting.money(float(value), lang)
    if kind == "share":
        return formatting.share(value, lang)
    if kind == "jobs":
        return formatting.number(value, lang, 1)
    if kind == "count":
        return formatting.number(value, lang, 0)
    if kind == "group":
        return t(f"tg_{value}", lang).lower()
    if kind == "names":
        return _names(value, lang, markdown=False, brief=brief)
    if kind == "quoted":
        return repr(str(value))
    if kind == "objective":
        return t(f"budget_goal_{value}", lang)
    if kind == "payer":
        return t(f"budget_payer_{value}", lang)
    if kind == "figure":
        return _figure(value, lang)
    if kind == "assumption":
        return str(value) if lang == "en" else assumption_label(str(value), lang)
    if kind == "origin":
        return t(ORIGINS[value], lang) if value in ORIGINS else str(value)
    return str(value)


ORIGINS = {
    "assumptions": "assumptions_origin_checked",
    "stored assumptions": "assumptions_origin_stored",
    "--assumptions file": "assumptions_origin_file",
}
"""The origins of assumptions that `viften.model.assumptions` names in words (a file is
named by its own name)."""

_GROUP_FIELDS = {"benefit": "case_a_group_benefit", "weeks_on_benefit": "case_a_group_weeks"}


def assumption_label(key: str, lang: str) -> str:
    """The name of an assumption by its key (`wage`, `benefits.dagpenge`,
    `target_group_defaults.closer.weeks_on_benefit`), as the form and the assumptions table
    call it; a key that is none of them as it is."""
    head, _, rest = key.partition(".")
    if not rest and head in SCALAR_KEYS:
        return t(f"case_a_{head}", lang)
    if head == "benefits" and has(f"case_benefit_{rest}"):
        return t("case_a_benefit", lang, benefit=t(f"case_benefit_{rest}", lang))
    group, _, field = rest.partition(".")
    if head == "target_group_defaults" and has(f"tg_{group}_short"):
        name = t(f"tg_{group}_short", lang).lower()
        if not field:
            return t("case_a_group", lang, group=name)
        if field in _GROUP_FIELDS:
            return t(_GROUP_FIELDS[field], lang, group=name)
    return key


_TYPED_KINDS = ("names", "quoted", "text", "name")
"""Kinds whose values a user typed (names of interventions, scenarios, cells of a file)."""


NAMES_SHOWN = 12
"""Names a sentence for a reader (on screen, on a slide) lists at most; the rest are counted
("og 388 flere"). At national size a note would otherwise list hundreds of interventions in
one paragraph. The command line's plain text keeps them all."""


def _names(value: Any, lang: str, markdown: bool, brief: bool) -> str:
    names = [formatting.escape_markdown(v) if markdown else str(v) for v in value]
    if brief and len(names) > NAMES_SHOWN:
        more = t("msg_names_more", lang, count=formatting.number(len(names) - NAMES_SHOWN, lang))
        names = [*names[:NAMES_SHOWN], more]
    return ", ".join(names)


def _markdown_value(kind: str, value: Any, lang: str, brief: bool = True) -> str:
    if kind == "names":
        return _names(value, lang, markdown=True, brief=brief)
    written = _value(kind, value, lang)
    known = kind in KINDS and kind not in _TYPED_KINDS
    return written if known else formatting.escape_markdown(written)


def render(
    message: Message | str, lang: str, markdown: bool = False, brief: bool | None = None
) -> str:
    """The sentence in `lang`; plain text (words not in the catalogue yet) as it is.

    With `markdown`, for Streamlit's Markdown (st.info, st.markdown, ...): every value a user
    typed is escaped (`formatting.escape_markdown`), and a plain text entirely, while the
    catalogue's own words keep their emphasis. `brief` (on with `markdown` unless told
    otherwise; for a slide too) names at most `NAMES_SHOWN` interventions and counts the rest.
    """
    if isinstance(message, str):
        return formatting.escape_markdown(message) if markdown else message
    write = _markdown_value if markdown else _value
    short = markdown if brief is None else brief
    return t(
        message.key,
        lang,
        **{name: write(kind, value, lang, short) for name, kind, value in message.values},
    )


def render_all(
    messages: Iterable[Message], lang: str, markdown: bool = False, brief: bool | None = None
) -> str:
    """Several sentences as one paragraph (an allocation's notes)."""
    return " ".join(render(message, lang, markdown, brief) for message in messages)


def problem_text(problem: Problem, lang: str) -> str:
    """`row 2, column Målgruppe: ...` in English, `række 2, kolonne Målgruppe: ...` in Danish."""
    return t(
        "problem_at",
        lang,
        row=problem.row,
        column=problem.column,
        message=render(problem.message, lang),
    )


def error_lines(error: BadInput, lang: str) -> list[str]:
    """Every problem on a line of its own, and how many more there are; else the message."""
    lines = [problem_text(p, lang) for p in error.problems]
    if error.total > len(error.problems):
        more = error.total - len(error.problems)
        lines.append(t("problems_more", lang, more=more, total=error.total))
    return lines or [render(error.message, lang)]
