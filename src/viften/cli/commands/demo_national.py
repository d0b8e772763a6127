"""`demo national --out DIR [--seed S] [--municipalities N] [--interventions N] [--records N]`:
the national synthetic dataset (98 kommuner, about 15.000 interventions, 2.000.000 outcome
records), clearly marked synthetic, the same for the same seed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from viften.files import synthetic as files
    from viften.model import synthetic

    data = synthetic.national(
        seed=args.seed,
        municipalities=args.municipalities,
        interventions=args.interventions,
        records=args.records,
    )
    paths = files.write(data, Path(args.out), args.seed)
    print(
        f"wrote SYNTHETIC data: {len(data.interventions['name'])} interventions in "
        f"{len(set(data.interventions['municipality']))} municipalities to "
        f"{paths['interventions']}, {len(data.outcomes['employed'])} outcome records to "
        f"{paths['outcomes']} (see {paths['readme']})",
        file=sys.stderr,
    )
    return 0
