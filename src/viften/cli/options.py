"""What the commands' options mean in terms the pages share."""

from __future__ import annotations

import argparse

from viften.model.filters import Filters


def command_filters(args: argparse.Namespace) -> Filters:
    """The shared filters for `--year`, `--target-group`, `--min-stars` and `--municipality`;
    what a command
    has no option for lets everything through."""
    everything = Filters()
    target_group = getattr(args, "target_group", None)
    return Filters(
        year=getattr(args, "year", None),
        target_groups=(target_group,) if target_group else everything.target_groups,
        min_stars=getattr(args, "min_stars", None) or everything.min_stars,
        municipality=getattr(args, "municipality", None),
    )
