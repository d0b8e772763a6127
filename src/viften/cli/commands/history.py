from __future__ import annotations

import argparse
import json
import sys

from viften.actions import database
from viften.store import db
from viften.store import interventions as store


def run(args: argparse.Namespace) -> int:
    with db.connect(database.ready(args.db)) as con:
        rows = store.history(con, args.limit)
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return 0
