"""`python -m viften outcomes import FILE`: participant-level outcome records, all or nothing."""

from __future__ import annotations

import argparse
import sys

from viften.store import db, outcomes, paths
from viften.store import interventions as store


def run(args: argparse.Namespace) -> int:
    path = paths.database_path(args.db)
    with db.transaction(path) as con:
        summary = outcomes.import_records(con, args.file, store.command_line_actor())
    print(summary.describe(), file=sys.stdout)
    return 0
