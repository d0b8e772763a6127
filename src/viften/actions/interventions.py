"""Writing interventions: importing a file, and bringing back a deleted one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.files import interventions as importer
from viften.store import db, imports
from viften.store import interventions as store

CHANGING = "changing interventions"


def import_file(
    path: Path,
    data: bytes,
    filename: str,
    actor: Actor,
    progress: Callable[[float, str], None] | None = None,
) -> store.WriteSummary:
    """Check a file and write it in one transaction: all of it, or (on any problem) nothing."""
    require_editor(actor, CHANGING)
    report = progress or (lambda share, step: None)
    report(0.05, "reading")
    # checked inside the transaction: the own municipality is read on the connection that
    # writes, so the file is opened once (each open of a DuckDB file costs a few hundredths)
    with database.write(path) as con:
        parsed = importer.parse(data, filename, own_municipality=store.own_municipality(con))
        report(0.4, "checked")
        import_id = imports.start(
            con, actor.name, imports.INTERVENTIONS, filename, len(parsed.rows)
        )
        summary = store.upsert(
            con, actor.name, parsed.rows, parsed.columns, progress=report, import_id=import_id
        )
    report(1.0, "done")
    summary.import_id = import_id
    return summary


def preview(path: Path, data: bytes, filename: str) -> store.Diff:
    """What `import_file` would do with a file, written nowhere: BadInput as it would raise."""
    with db.connect(database.ensure(path)) as con:
        parsed = importer.parse(data, filename, own_municipality=store.own_municipality(con))
        return store.compare(con, parsed.rows, parsed.columns)


def restore(
    path: Path, actor: Actor, name: str, year: int, municipality: str | None = None
) -> None:
    """Bring back the last deleted version of an intervention from the audit trail
    (`municipality` None: the database's own)."""
    require_editor(actor, CHANGING)
    with database.write(path) as con:
        store.restore_deleted(con, actor.name, name, year, municipality)
