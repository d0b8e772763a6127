from __future__ import annotations

import argparse
import sys

from viften.actions import database, imports
from viften.actions.access import command_line_actor


def run(args: argparse.Namespace) -> int:
    summary = imports.revert(database.ready(args.db), command_line_actor(), args.import_id)
    print(
        f"reverted import {summary.import_id}: {len(summary.removed)} removed, "
        f"{len(summary.restored)} set back, {len(summary.outcomes)} outcome records put back",
        file=sys.stderr,
    )
    return 0
