"""The text catalogue: every key in both languages with the same placeholders, and every key in
use somewhere in the source."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from viften.present import texts

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "src" / "viften" / "present" / "texts"
SOURCES = [
    path
    for path in [
        REPO / "app.py",
        REPO / "streamlit_app.py",
        *(REPO / "pages").glob("*.py"),
        *(REPO / "src" / "viften").rglob("*.py"),
    ]
    if CATALOGUE not in path.parents
]


ONE_WORD_FAMILIES = ("col_", "er_", "pt_", "stars_", "tg_")
"""Keys built from one word and a value (`t(f"tg_{group}")`). Any other built string must
start with two words or more to count: `f"fan_{group}"` names a view, not every fan_ text."""


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(texts._catalogue()))
def test_every_key_has_danish_and_english_with_the_same_placeholders(key):
    danish, english = texts._catalogue()[key]
    assert danish.strip() and english.strip()
    assert placeholders(danish) == placeholders(english)


def strings_in_the_source() -> tuple[set[str], set[str]]:
    """Whole string constants, and the fixed beginnings of strings built at run time.

    A string built at run time (`t(f"budget_why_{reason}")`, `"budget_why_" + reason`,
    `"budget_why_{}".format(reason)`)
    uses every key that starts with its fixed beginning, if that beginning ends with "_" and
    is two words or more, or one of `ONE_WORD_FAMILIES`: `f"tg_{g}"` uses every tg_ key, but
    `f"{kind}_x"`, `f"tg{g}"` and `f"fan_{group}"` use none.
    """
    whole: set[str] = set()
    beginnings: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                whole.add(node.value)
                if "{}" in node.value:  # a key pattern filled by str.format: "rates_from_{}"
                    beginnings.add(node.value.split("{}")[0])
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant):
                    beginnings.add(str(first.value))
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
            ):
                beginnings.add(node.left.value)
    return whole, beginnings


def names_a_family(beginning: str) -> bool:
    return beginning.endswith("_") and (beginning.count("_") >= 2 or beginning in ONE_WORD_FAMILIES)


def test_no_key_is_unused_in_the_source():
    whole, built = strings_in_the_source()
    beginnings = {b for b in built if names_a_family(b)}
    unused = [
        key
        for key in sorted(texts._catalogue())
        if key not in whole and not any(key.startswith(b) for b in beginnings)
    ]
    assert unused == []


def test_an_unknown_key_is_an_error_that_names_it():
    with pytest.raises(KeyError, match="no_such_key"):
        texts.t("no_such_key")
