"""`python -m viften outcomes import FILE`: participant-level outcome records, all or nothing."""

from __future__ import annotations

import argparse
import sys

from viften.actions import database, outcomes
from viften.actions.access import command_line_actor


def run(args: argparse.Namespace) -> int:
    summary = outcomes.import_records(database.ready(args.db), args.file, command_line_actor())
    print(summary.describe(), file=sys.stdout)
    return 0
