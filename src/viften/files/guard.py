"""The formula guard: spreadsheets never receive text they would run as a formula.

A spreadsheet runs a cell that begins with one of `FORMULA_STARTS` (interface.md, `export`).
The export puts an apostrophe in front of such text, and the importer takes one off again, so
that what is written imports again unchanged. Text that already starts with apostrophes before
such a character gets one more, so that taking one off gives back exactly the original.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The characters that make a spreadsheet read a text cell as a formula."""

_STARTS = "[" + re.escape("".join(FORMULA_STARTS)) + "]"
_NEEDS_GUARD = re.compile("^'*" + _STARTS)
_GUARDED = re.compile("^'+" + _STARTS)


def starts_like_formula(text: str) -> bool:
    """True where a spreadsheet would run the text as a formula."""
    return text[:1] in FORMULA_STARTS


def guard(text: str) -> str:
    """Text made inert with a leading apostrophe where it (after apostrophes) would run."""
    return "'" + text if _NEEDS_GUARD.match(text) else text


def unguard(text: str) -> str:
    """The text as it was before `guard`."""
    if not text.startswith("'"):  # nearly every cell: no pattern match needed
        return text
    return text[1:] if _GUARDED.match(text) else text
