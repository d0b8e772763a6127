"""`user add|remove|list`: the accounts, as the file's owner (who may manage them)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from viften.actions import database, users
from viften.actions.access import command_line_actor
from viften.model.errors import BadInput


def _read_password() -> str:
    """One line from standard input, or typed without echo on a terminal."""
    if sys.stdin is None:
        raise BadInput("the password is read from standard input, which is closed")
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    path = database.ready(args.db)
    if args.user_command == "add":
        password = _read_password()
        if not password:
            raise BadInput("the password is empty: give it on standard input")
        added = users.add(path, command_line_actor(), args.name, args.role, password)
        print(f"added {added.name} as {added.role}", file=sys.stderr)
    elif args.user_command == "remove":
        users.remove(path, command_line_actor(), args.name)
        print(f"removed {args.name}", file=sys.stderr)
    else:
        listed = [{"name": a.name, "role": a.role} for a in users.accounts(path)]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
    return 0
