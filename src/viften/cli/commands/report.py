"""`report --out FILE.pptx [--year Y]`: the committee deck."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from viften.actions import database
from viften.model.errors import BadInput


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise BadInput(f"cannot write the deck to {out.name!r}: the file name must end in .pptx")
    from viften.actions.committee import committee_material
    from viften.present import report

    started = time.monotonic()
    from viften.cli.options import command_filters

    municipality = getattr(args, "municipality", None)
    committee = committee_material(
        database.ready(args.db),
        args.year,
        filters=command_filters(args) if municipality else None,
    )
    if committee.year is None or committee.frame.empty:
        raise BadInput(report.no_year_message(args.year, committee.years))
    deck = report.write_deck(committee, out)
    print(
        f"wrote the deck of {committee.year} ({deck.slides} slides, {len(committee.frame)} "
        f"interventions, {time.monotonic() - started:.1f} s) to {out}",
        file=sys.stderr,
    )
    return 0
