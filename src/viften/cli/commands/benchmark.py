"""`benchmark --json [--year Y] [--kind K] [--municipality M]`: the same kind of intervention
across municipalities, pooled (interface.md, "Many municipalities")."""

from __future__ import annotations

import argparse
import json
import sys

from viften.actions import database
from viften.model import benchmark, domain
from viften.store import views as figures


def run(args: argparse.Namespace) -> int:
    view = figures.load_year(database.ready(args.db), args.year)
    objects = benchmark.benchmarks(
        domain.records(view.frame), kind=args.kind, municipality=args.municipality
    )
    sys.stdout.write(json.dumps(objects, ensure_ascii=False) + "\n")
    return 0
