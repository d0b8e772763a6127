"""`restore FILE`: replace the database with a backup, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viften.actions import backups
from viften.actions.access import command_line_actor
from viften.store import paths


def run(args: argparse.Namespace) -> int:
    path = paths.database_path(args.db)
    version = backups.restore(path, command_line_actor(), Path(args.file))
    print(f"restored {path} from {args.file} (schema version {version})", file=sys.stderr)
    return 0
