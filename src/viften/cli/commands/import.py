from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viften.files import interventions as importer
from viften.model.errors import BadInput
from viften.store import interventions as store
from viften.store import paths


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise BadInput(f"cannot read {source}: {error.strerror}") from error
    summary = importer.import_file(
        paths.database_path(args.db), data, source.name, store.command_line_actor()
    )
    print(
        f"imported {source.name}: {len(summary.inserted)} added, {len(summary.updated)} "
        f"updated, {len(summary.unchanged)} unchanged",
        file=sys.stderr,
    )
    return 0
