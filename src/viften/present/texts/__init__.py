"""Every word the user reads, Danish first and English second.

Each module in this package defines `TEXTS: dict[str, tuple[str, str]]`, a key
mapped to its (Danish, English) text. Feature modules keep their own words in
their own file here; `t` finds a key in any of them.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


@cache
def _catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in module.TEXTS.items():
            if key in merged and merged[key] != pair:
                raise ValueError(f"text key {key!r} is defined twice with different words")
            merged[key] = pair
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `params`."""
    pair = _catalogue().get(key)
    if pair is None:
        raise KeyError(f"no text for {key!r}")
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    return key in _catalogue()
