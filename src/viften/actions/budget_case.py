"""The assumptions a year's budget case uses, for every reader of the case.

Why this module exists: the allocator's NPV objectives (`allocate --objective kommune|public`,
the budget page) and the case must value an intervention with the same assumptions. One
function says which: the year's stored ones (`viften.actions.assumptions`; the documented
defaults where none are stored), with an `--assumptions` file's overrides on top
(`model.assumptions.effective`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from viften.actions import assumptions as stored_assumptions
from viften.model import assumptions as assumed


def assumptions_for(
    path: Path,
    year: int | None,
    overrides: Mapping[str, Any] | None = None,
    origin: str = "--assumptions file",
) -> assumed.Assumptions:
    """The assumptions of `year`'s case in the database at `path` (the defaults for no year),
    `overrides` on top; BadInput (naming `origin`) for an override that is not one."""
    stored = None if year is None else stored_assumptions.stored(path, year)
    return assumed.effective(stored, overrides, origin)
