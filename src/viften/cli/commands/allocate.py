"""`allocate --budget KR [--objective net|gross|kommune|public] [--min-share G=F ...]
[--min-stars N] [--year Y] [--assumptions FILE] [--ignore-mandatory] [--assume-effects] --json`:
the optimal allocation as one JSON object (interface.md).

Start-up counts here (the command is benchmarked against a bare solver process), so this
path imports numpy, duckdb and, when solving, scipy.optimize: never pandas or the UI. The
NPV objectives also compute the budget case (`viften.model.case`, numpy only) with the
year's assumptions (`viften.actions.budget_case.assumptions_for`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from viften.model.errors import BadInput, ViftenError


def parse_share(text: str) -> float:
    """A share from 0 to 1; a decimal comma and a value written with % are understood."""
    cleaned = text.strip().replace(",", ".")
    scale = 1.0
    if cleaned.endswith("%"):
        cleaned, scale = cleaned[:-1].strip(), 100.0
    value = float(cleaned) / scale
    if not 0.0 <= value <= 1.0:
        raise ValueError(text)
    return value


def parse_min_shares(values: Iterable[str]) -> dict[str, float]:
    """`--min-share G=F` options as {target group: share}; a bad one raises BadInput."""
    from viften.files.interventions import parse_target_group

    shares: dict[str, float] = {}
    for text in values:
        group_text, equals, share_text = text.partition("=")
        if not equals:
            raise BadInput(f"--min-share {text!r}: write it as G=F, for example further=0.4")
        group = parse_target_group(group_text)
        if group is None:
            raise BadInput(
                f"--min-share {text!r}: {group_text.strip()!r} is not a target group; "
                "use closer, further or cross"
            )
        try:
            share = parse_share(share_text)
        except ValueError:
            raise BadInput(
                f"--min-share {text!r}: {share_text.strip()!r} is not a share from 0 to 1"
            ) from None
        if group in shares:
            raise BadInput(f"--min-share {text!r}: {group} has a minimum share already")
        shares[group] = share
    return shares


def parse_municipality_shares(values: Iterable[str]) -> dict[str, float]:
    """`--min-municipality M=F` options as {municipality: share}; a bad one raises BadInput.
    The name is everything before the last `=`, so a name may hold one."""
    shares: dict[str, float] = {}
    for text in values:
        place, equals, share_text = text.rpartition("=")
        if not equals or not place.strip():
            raise BadInput(f"--min-municipality {text!r}: write it as M=F, for example Randers=0.2")
        try:
            share = parse_share(share_text)
        except ValueError:
            raise BadInput(
                f"--min-municipality {text!r}: {share_text.strip()!r} is not a share from 0 to 1"
            ) from None
        key = " ".join(place.split())
        if key.casefold() in {k.casefold() for k in shares}:
            raise BadInput(f"--min-municipality {text!r}: {key} has a minimum share already")
        shares[key] = share
    return shares


def only_municipality(columns: dict[str, Any], municipality: str) -> dict[str, Any]:
    """The columns of `store.intervention_arrays` for one municipality's interventions
    (matched as `list --municipality`: any case, surrounding spaces ignored)."""
    import numpy as np

    from viften.model.domain import municipality_key

    wanted = municipality_key(municipality)
    keep = np.array([municipality_key(m) == wanted for m in columns["municipality"]], dtype=bool)
    return {name: values[keep] for name, values in columns.items()}


def run(args: argparse.Namespace) -> int:
    from viften.actions import database
    from viften.model import allocator
    from viften.present.messages import render_all
    from viften.store import db
    from viften.store import interventions as store

    request = allocator.Request.of(
        args.budget,
        objective=args.objective,
        min_shares=parse_min_shares(args.min_share),
        min_stars=args.min_stars,
        keep_mandatory=not args.ignore_mandatory,
        min_municipality_shares=parse_municipality_shares(args.min_municipality),
    )
    priced = args.objective in allocator.NPV_OBJECTIVES
    path = database.ready(args.db)
    with db.connect(path) as con:
        year = args.year if args.year is not None else store.newest_year(con)
        # with no interventions at all, any year gives the empty table with its columns
        columns = store.intervention_arrays(con, year if year is not None else 0)
    if args.municipality is not None:
        columns = only_municipality(columns, args.municipality)
    chosen = None
    if priced or args.assumptions is not None:  # a bad file is bad input for every objective
        # the budget case only where it is used: the jobs objectives start without it
        from viften.actions.budget_case import assumptions_for
        from viften.cli.commands.case import origin_of, read_overrides

        chosen = assumptions_for(
            path, year, read_overrides(args.assumptions), origin_of(args.assumptions)
        )
    data = allocator.Interventions.from_columns(
        columns, assumptions=chosen if priced else None, assume_effects=args.assume_effects
    )
    with allocator.native_stdout_silenced():
        result = allocator.optimise(data, request)
    if sys.stdout is None:
        raise ViftenError("there is no standard output to write the JSON to")
    json.dump(
        result.to_json(render_all(result.notes, "en")), sys.stdout, ensure_ascii=False, indent=1
    )
    sys.stdout.write("\n")
    return 0
