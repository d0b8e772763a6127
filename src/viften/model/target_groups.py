"""The target groups in one table: their order, names, colour and the words a file may use.

Everything that lists, names, colours or reads a target group takes it from here, so the
filters, the allocator, the fan, the charts, the deck and the importer agree on the groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from viften.model.domain import TargetGroup


@dataclass(frozen=True)
class TargetGroupInfo:
    """One target group as every layer needs it."""

    code: str
    """The code in the database and the files: closer, further or cross."""
    colour: str
    """Hex colour with '#' (Okabe–Ito: told apart with every common colour vision)."""
    aliases: tuple[str, ...]
    """Other words a file may use for the group (compared case-insensitively)."""

    @property
    def long_key(self) -> str:
        """Text key of the full name ('Tættere på arbejdsmarkedet')."""
        return f"tg_{self.code}"

    @property
    def short_key(self) -> str:
        """Text key of the short name ('Tættere på')."""
        return f"tg_{self.code}_short"


TARGET_GROUP_TABLE: tuple[TargetGroupInfo, ...] = (
    TargetGroupInfo(
        TargetGroup.CLOSER.value,
        "#0072B2",
        ("tættere på", "taettere paa", "tættere på arbejdsmarkedet", "tættere"),
    ),
    TargetGroupInfo(
        TargetGroup.FURTHER.value,
        "#E69F00",
        ("længere væk", "laengere vaek", "længere fra arbejdsmarkedet", "længere"),
    ),
    TargetGroupInfo(TargetGroup.CROSS.value, "#009E73", ("tværgående", "tvaergaaende", "both")),
)
"""In the order every view lists them."""

TARGET_GROUPS: tuple[str, ...] = tuple(g.code for g in TARGET_GROUP_TABLE)
"""The codes in order: closer, further, cross."""

COLOURS: dict[str, str] = {g.code: g.colour for g in TARGET_GROUP_TABLE}
"""Code → hex colour with '#'."""

ALIASES: dict[str, str] = {
    word: g.code for g in TARGET_GROUP_TABLE for word in (g.code, *g.aliases)
}
"""Every word a file may use (lower case) → the code."""
