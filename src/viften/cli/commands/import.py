from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from viften.actions import database, interventions
from viften.actions.access import command_line_actor
from viften.model.errors import BadInput


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise BadInput(f"cannot read {source}: {error.strerror}") from error
    if args.dry_run:
        preview = interventions.preview(database.ready(args.db), data, source.name)
        sys.stdout.write(json.dumps(preview.as_json(), ensure_ascii=False) + "\n")
        return 0
    summary = interventions.import_file(
        database.chosen(args.db), data, source.name, command_line_actor(), source=source
    )
    print(
        f"imported {source.name}: {len(summary.inserted)} added, {len(summary.updated)} "
        f"updated, {len(summary.unchanged)} unchanged (import {summary.import_id}; undo it "
        f"with `revert --import {summary.import_id}`)",
        file=sys.stderr,
    )
    return 0
