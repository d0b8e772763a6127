"""Writing interventions: importing a file, and bringing back a deleted one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from viften.actions import database
from viften.actions.access import Actor, require_editor
from viften.files import interventions as importer
from viften.store import db, imports, location, plain_csv
from viften.store import interventions as store

CHANGING = "changing interventions"


def import_file(
    path: Path,
    data: bytes,
    filename: str,
    actor: Actor,
    progress: Callable[[float, str], None] | None = None,
    source: Path | None = None,
) -> store.WriteSummary:
    """Check a file and write it in one transaction: all of it, or (on any problem) nothing.

    `source`, the file on disk that `data` was read from, lets a plain CSV file of new
    interventions be read and stored by DuckDB itself (`plain_csv`); any other file, and any
    file with a problem, is read by `importer.parse`, with the same result."""
    require_editor(actor, CHANGING)
    report = progress or (lambda share, step: None)
    report(0.05, "reading")
    # checked inside the transaction: the own municipality is read on the connection that
    # writes, so the file is opened once (each open of a DuckDB file costs a few hundredths)
    with database.write(path) as con:
        own = store.own_municipality(con)
        if source is not None and not isinstance(path, location.PostgresURL):
            summary = _import_plain(con, source, filename, actor, own)
            if summary is not None:
                report(1.0, "done")
                return summary
        parsed = importer.parse(data, filename, own_municipality=own)
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


def _import_plain(
    con: duckdb.DuckDBPyConnection, source: Path, filename: str, actor: Actor, own: str
) -> store.WriteSummary | None:
    """`import_file` of a plain CSV file of new interventions; None (nothing written) where
    the file is not one."""
    if filename != source.name:
        return None  # the reader goes by the name it is given
    year_now = dt.date.today().year
    plain = plain_csv.check(con, source.absolute(), own, year_now)
    if plain is None:
        return None
    import_id = imports.start(con, actor.name, imports.INTERVENTIONS, filename, plain.rows)
    summary = plain_csv.write(con, actor.name, plain, own, import_id)
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
