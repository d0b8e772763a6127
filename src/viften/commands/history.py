from __future__ import annotations

import argparse
import json
import sys

from viften import db, paths, store


def run(args: argparse.Namespace) -> int:
    with db.connect(paths.database_path(args.db)) as con:
        rows = store.history(con, args.limit)
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0
