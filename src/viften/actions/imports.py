"""Undoing an import as a whole, and starting next year's fan from this year's."""

from __future__ import annotations

from pathlib import Path

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.actions.interventions import CHANGING
from viften.store import db, imports


def revert(path: Path, actor: Actor, import_id: int) -> imports.RevertSummary:
    """Undo every change of an import in one transaction; BadInput (nothing changed) where
    it is unknown, undone already, or changed again since."""
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        return imports.revert(con, actor.name, import_id)


def new_year(path: Path, actor: Actor, from_year: int, to_year: int) -> list[str]:
    """Copy every intervention of `from_year` to `to_year` (which must have none), recorded
    as one import so that it can be undone as one; the names copied."""
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        import_id = imports.start(
            con, actor.name, imports.INTERVENTIONS, f"{from_year} → {to_year}", 0
        )
        copied = imports.copy_year(con, actor.name, from_year, to_year, import_id)
        imports.set_rows(con, import_id, len(copied))
        return copied


def listing(path: Path, limit: int | None = None) -> list[imports.Import]:
    with db.connect(path) as con:
        return imports.listing(con, limit)
