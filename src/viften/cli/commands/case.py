"""`case --json [--year Y] [--assumptions FILE]`: the budget case of every intervention of a
year as a JSON array (interface.md, "The budget case").

The interventions come from `store.views.load_year` (the derived net_effect included); the
assumptions are the year's stored ones (`actions.assumptions`; the defaults where none are
stored), with the file's overrides on top, key by key.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from viften.model import assumptions as assumed
from viften.model import case as budget_case
from viften.model.errors import BadInput


def origin_of(file: str | None) -> str:
    """How messages and sources name the assumptions file: `--assumptions NAME`."""
    return f"--assumptions {Path(file).name}" if file else "--assumptions"


def read_overrides(file: str | None) -> dict[str, Any] | None:
    """The overrides of `--assumptions FILE`, None without one; BadInput where unreadable."""
    if file is None:
        return None
    source = Path(file)
    origin = origin_of(file)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise BadInput(f"{origin}: cannot read {source}: {error.strerror}") from error
    return assumed.parse_overrides(data, origin)


def run_case(
    path: Path,
    year: int | None,
    overrides: Mapping[str, Any] | None,
    stored: Mapping[str, Any] | None = None,
    origin: str = "--assumptions file",
    municipality: str | None = None,
) -> list[dict[str, Any]]:
    """The case objects of one year (the newest when `year` is None).

    `stored` is the year's assumptions (`Assumptions.to_dict` form); None reads the ones
    stored for the year (the defaults where there are none). `overrides` go on top of them.
    """
    from viften.actions import assumptions as stored_assumptions
    from viften.actions import settings
    from viften.store import views

    view = views.load_year(path, year)
    frame = view.frame
    if municipality is not None:
        from viften.model import filters as flt

        frame = flt.apply(frame, flt.Filters(municipality=municipality))
    if stored is None and view.year is not None:
        stored = stored_assumptions.stored(path, view.year)
    chosen = assumed.effective(stored, overrides, origin)
    return budget_case.records(frame, chosen, settings.municipality_setting(path))


def run(args: argparse.Namespace) -> int:
    from viften.actions import database

    overrides = read_overrides(args.assumptions)
    rows = run_case(
        database.ready(args.db),
        args.year,
        overrides,
        origin=origin_of(args.assumptions),
        municipality=args.municipality,
    )
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return 0
