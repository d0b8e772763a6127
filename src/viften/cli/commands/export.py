from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viften.actions import database
from viften.files import export as exporter
from viften.model.errors import BadInput
from viften.store import db
from viften.store import interventions as store


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in exporter.FORMATS:
        raise BadInput(
            f"cannot export to {out.name!r}: the file name must end in .csv, .xlsx or .parquet"
        )
    with db.connect(database.ready(args.db)) as con:
        year = args.year if args.year is not None else store.newest_year(con)
        rows = store.stored_rows(con, year) if year is not None else []
    if year is None:
        raise BadInput("the database has no interventions to export; import a file first")
    exporter.write_file(rows, out)
    print(f"wrote {len(rows)} interventions of {year} to {out}", file=sys.stderr)
    return 0
