"""The budget case's assumptions of a fan year: read, saved and reset by editors.

`for_year` is what every case of the year uses (the defaults with the year's stored values);
`save` and `reset` are writes like the others: the editor role, one transaction, the history.
Values are checked by `viften.model.assumptions`, so a bad one raises `BadInput` naming its
key and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.model import assumptions as assumed
from viften.model.assumptions import Assumptions
from viften.store import assumptions as stored_assumptions
from viften.store import db

CHANGING = "changing the assumptions of the budget case"


def stored(path: Path, year: int) -> dict[str, Any] | None:
    """The year's stored assumptions (`Assumptions.to_dict` form), None for the defaults."""
    with db.connect(database.ensure(path)) as con:
        return stored_assumptions.read(con, year)


def for_year(path: Path, year: int) -> Assumptions:
    """The assumptions of `year`: the defaults with the year's stored values on top."""
    return assumed.effective(stored(path, year))


def _origin(actor: Actor) -> str:
    """The source a value saved without one gets: who saved it, and when."""
    return f"{actor.name}, {dt.date.today().isoformat()}"


def save(path: Path, actor: Actor, year: int, overrides: Mapping[str, Any]) -> Assumptions:
    """Apply `overrides` (the form of an `--assumptions` file: key by key, and entry by entry
    inside benefits and target_group_defaults) to the year's assumptions and store them
    (editors only). A value given without a source in `overrides["sources"]` gets the
    editor's name and the date as its source. Returns the year's assumptions as stored."""
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        before = stored_assumptions.read(con, year)
        current = assumed.effective(before)
        current.overridden(overrides, origin="assumptions")  # BadInput names the key
        after = current.overridden(overrides, origin=_origin(actor))
        stored_assumptions.write(con, actor.name, year, after.to_dict(), current.to_dict())
    return after


def reset(path: Path, actor: Actor, year: int) -> Assumptions:
    """Drop the year's stored assumptions (editors only): the defaults apply again."""
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        stored_assumptions.remove(con, actor.name, year, assumed.DEFAULT.to_dict())
    return assumed.DEFAULT
