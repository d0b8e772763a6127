"""`report --out FILE.pptx [--year Y]`: the committee deck."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from viften.model.errors import BadInput
from viften.store import paths


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise BadInput(f"cannot write the deck to {out.name!r}: the file name must end in .pptx")
    from viften.present import report

    started = time.monotonic()
    committee = report.committee_material(paths.database_path(args.db), args.year)
    if committee.year is None or committee.frame.empty:
        raise BadInput(report.no_year_message(args.year, committee.years))
    deck = report.write_deck(committee, out)
    print(f"wrote the deck of {committee.year} ({deck.slides} slides, {len(committee.frame)} "
          f"interventions, {time.monotonic() - started:.1f} s) to {out}", file=sys.stderr)
    return 0
