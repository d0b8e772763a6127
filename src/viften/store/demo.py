"""The bundled demo dataset: real Danish interventions (src/viften/data/demo_interventions.csv)
and illustrative participant-level outcome records for a few of them (demo_outcomes.csv there)."""

from __future__ import annotations

import duckdb

from viften.files import interventions as importer
from viften.store import interventions as store
from viften.store import outcomes, paths

DEMO_ACTOR = store.Actor(name="demodata", role=store.EDITOR)


def load_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Fill a new database (inside the caller's transaction) with the demo interventions."""
    parsed = importer.parse(paths.DEMO_INTERVENTIONS.read_bytes(), paths.DEMO_INTERVENTIONS.name)
    store.upsert(con, DEMO_ACTOR, parsed.rows, parsed.columns)
    if paths.DEMO_OUTCOMES.exists():
        outcomes.import_records(con, paths.DEMO_OUTCOMES, DEMO_ACTOR)
