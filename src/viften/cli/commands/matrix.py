"""`matrix --out FILE [--year Y] [--target-group G]`: the fan matrix as .png, .svg or .pdf."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viften.actions import database
from viften.cli.options import command_filters
from viften.model import filters as flt
from viften.model.errors import BadInput
from viften.present import images
from viften.store import views as figures


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    fmt = images.image_format(out)
    if fmt is None:
        raise BadInput(
            f"cannot draw the matrix to {out.name!r}: the file name must end in .png, .svg or .pdf"
        )
    view = figures.load_year(database.ready(args.db), args.year)
    if view.year is None or view.year not in view.years:
        raise BadInput(_no_year_message(args.year, view.years))
    frame = flt.apply(view.frame, command_filters(args))
    from viften.present.charts.fan import fan_spec

    rendered = images.render(fan_spec(frame, "da"))
    data = rendered.as_format(fmt)
    images.write_atomically(out, data)
    print(f"wrote the fan of {view.year} ({len(frame)} interventions) to {out}", file=sys.stderr)
    return 0


def _no_year_message(year: int | None, years: tuple[int, ...]) -> str:
    if not years:
        return "the database holds no interventions: import some first"
    known = ", ".join(str(y) for y in years)
    return f"there are no interventions for {year}; the database has {known}"
