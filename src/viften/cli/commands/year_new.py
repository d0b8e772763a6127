from __future__ import annotations

import argparse
import sys

from viften.actions import database, imports
from viften.actions.access import command_line_actor


def run(args: argparse.Namespace) -> int:
    copied = imports.new_year(
        database.ready(args.db), command_line_actor(), args.from_year, args.to_year
    )
    print(
        f"copied {len(copied)} interventions from {args.from_year} to {args.to_year}",
        file=sys.stderr,
    )
    return 0
