"""Importing participant-level outcome records, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.store import imports, outcomes


def import_records(
    path: Path,
    source: str | os.PathLike[str],
    actor: Actor,
    progress: outcomes.ProgressCallback | None = None,
) -> outcomes.OutcomeImportSummary:
    """Check the records of a CSV or XLSX file and store them in one transaction."""
    require_editor(actor, "importing outcome records")
    with database.write(path) as con:
        import_id = imports.start(con, actor.name, imports.OUTCOMES, Path(source).name, 0)
        summary = outcomes.import_records(con, source, actor.name, progress, import_id)
        imports.set_rows(con, import_id, summary.records)
    summary.import_id = import_id
    return summary
