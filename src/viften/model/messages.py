"""A sentence for the user, kept as a text key and typed values until a language is chosen.

The model, the files and the store say what happened without choosing words or a language:
`viften.present.messages` renders a `Message` in Danish or English from the text catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = (
    "money",
    "share",
    "jobs",
    "count",
    "group",
    "names",
    "quoted",
    "figure",
    "text",
    "objective",
    "payer",
    "assumption",
    "origin",
)
"""How a value is written: kroner, a share as a percentage, jobs (one decimal), a whole count,
a target group, a list of names, text in quotes as Python shows it, a number as written
(`1.5`, `1,5` in Danish), plain text, an allocator objective (`net`, `kommune`, ...) or a
payer of the budget case (`kommune`, `state`, ...) by name, a key of the budget case's
assumptions (`wage`, `benefits.dagpenge`: the key in English, its name in Danish), or where
assumptions came from (`--assumptions file`, a file's name, the app's `assumptions`)."""


@dataclass(frozen=True)
class Message:
    """A text key of `viften.present.texts` and the values for its placeholders."""

    key: str
    values: tuple[tuple[str, str, Any], ...] = ()
    """(placeholder, kind, value); kind is one of `KINDS`."""

    @classmethod
    def of(cls, key: str, **values: tuple[str, Any]) -> Message:
        """`Message.of("key", name=("quoted", "Mentor"))`."""
        return cls(key, tuple((name, kind, value) for name, (kind, value) in values.items()))

    def __str__(self) -> str:
        # for logs and tracebacks only: a reader sees viften.present.messages.render
        shown = ", ".join(f"{name}={value!r}" for name, _, value in self.values)
        return f"{self.key}({shown})"
