from __future__ import annotations

import argparse
import json
import sys

from viften.model import domain
from viften.store import paths
from viften.store import views as figures

FIELDS = (*domain.COLUMN_NAMES, *domain.DERIVED_NAMES, *domain.OUTCOME_NAMES)


def run(args: argparse.Namespace) -> int:
    view = figures.load_year(
        paths.database_path(args.db), args.year, args.value_per_job, args.effect_years
    )
    frame = view.frame
    if args.target_group:
        frame = frame[frame["target_group"] == args.target_group]
    if args.min_stars:
        frame = frame[frame["evidence_stars"] >= args.min_stars]
    rows = [{key: row[key] for key in FIELDS} for row in domain.records(frame)]
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return 0
