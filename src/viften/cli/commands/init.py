from __future__ import annotations

import argparse
import sys

from viften.actions import database
from viften.store import paths


def run(args: argparse.Namespace) -> int:
    path = paths.database_path(args.db)
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
