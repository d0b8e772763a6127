"""Importing participant-level outcome records, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.store import outcomes


def import_records(
    path: Path,
    source: str | os.PathLike[str],
    actor: Actor,
    progress: outcomes.ProgressCallback | None = None,
) -> outcomes.OutcomeImportSummary:
    """Check the records of a CSV or XLSX file and store them in one transaction."""
    require_editor(actor, "importing outcome records")
    with database.write(path) as con:
        return outcomes.import_records(con, source, actor.name, progress)
