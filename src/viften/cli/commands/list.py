from __future__ import annotations

import argparse
import json
import sys

from viften.actions import database
from viften.cli.options import command_filters
from viften.model import domain
from viften.model import filters as flt
from viften.store import views as figures

FIELDS = (*domain.COLUMN_NAMES, *domain.DERIVED_NAMES, *domain.OUTCOME_NAMES)


def run(args: argparse.Namespace) -> int:
    view = figures.load_year(
        database.ready(args.db), args.year, args.value_per_job, args.effect_years
    )
    frame = flt.apply(view.frame, command_filters(args))
    rows = [{key: row[key] for key in FIELDS} for row in domain.records(frame)]
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return 0
