"""`investments import FILE`: investment cases from CSV or XLSX, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from viften.actions import database, investments
    from viften.actions.access import command_line_actor

    source = Path(args.file)
    added, updated = investments.import_cases(
        database.ready(args.db), command_line_actor(), source.read_bytes(), source.name
    )
    print(f"imported {source.name}: {added} added, {updated} updated")
    return 0
