"""Backup and restore of the whole database (admins: a backup holds the accounts too)."""

from __future__ import annotations

from pathlib import Path

from viften.actions import database
from viften.actions.access import Actor, require_admin
from viften.store import db


def backup(path: Path, actor: Actor, target: Path) -> Path:
    """A consistent copy of the database at `target`, also while the app runs."""
    require_admin(actor, "making a backup")
    db.backup(database.ensure(path), target)
    return target


def restore(path: Path, actor: Actor, source: Path) -> int:
    """Replace the database with the backup `source`, all or nothing; the backup's schema
    version (an older one is migrated on the way in)."""
    require_admin(actor, "restoring a backup")
    return db.restore(path, source)
