"""Saving and deleting scenarios (saved allocations)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.model.allocator import Interventions
from viften.store import scenarios


def save(
    path: Path,
    actor: Actor,
    name: str,
    year: int,
    data: Interventions,
    participants: Sequence[int] | np.ndarray,
    settings: Mapping[str, Any],
    *,
    replace: bool = False,
) -> scenarios.Scenario:
    """Store an allocation of `data` under `name`; an existing one is replaced only if asked."""
    require_editor(actor, "saving scenarios")
    with database.write(path) as con:
        return scenarios.save(
            con, actor.name, name, year, data, participants, settings, replace=replace
        )


def delete(path: Path, actor: Actor, name: str, year: int) -> None:
    require_editor(actor, "deleting scenarios")
    with database.write(path) as con:
        scenarios.delete(con, name, year)
