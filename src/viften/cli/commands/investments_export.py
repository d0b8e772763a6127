"""`investments export --out FILE`: every investment case as .csv or .xlsx (Danish headers,
one row per outcome goal), which `investments import` reads again."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from viften.actions import database, investments

    out = Path(args.out)
    rows = investments.export_cases(database.ready(args.db), out)
    print(f"wrote {rows} rows to {out}")
    return 0
