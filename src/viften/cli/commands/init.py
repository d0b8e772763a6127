from __future__ import annotations

import argparse
import sys

from viften.actions import database
from viften.store import paths
from viften.store.location import PostgresURL


def run(args: argparse.Namespace) -> int:
    path = paths.database_path(args.db)
    if isinstance(path, PostgresURL) and not args.force:
        # a PostgreSQL database is made by its server; viften fills an empty one
        database.ensure(path)
        print(f"{path} is ready (an empty database was given the demo dataset)")
        return 0
    if path.exists() and not args.force:
        # init makes sure a database is there, so a script may run it every time
        print(
            f"{path} exists already and was left as it is; use --force to replace it "
            "with the demo dataset",
            file=sys.stderr,
        )
        return 0
    database.create(path, replace=args.force)
    print(f"created {path} with the demo dataset")
    return 0
