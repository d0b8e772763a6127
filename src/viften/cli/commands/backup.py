"""`backup --out FILE`: a consistent copy of the whole database, also while the app runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viften.actions import backups, database
from viften.actions.access import command_line_actor


def run(args: argparse.Namespace) -> int:
    target = Path(args.out)
    backups.backup(database.ready(args.db), command_line_actor(), target)
    print(f"wrote a backup of the database to {target}", file=sys.stderr)
    return 0
