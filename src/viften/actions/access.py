"""Who is acting, and the one check of whether they may write or manage accounts.

Every action that writes calls `require_editor` (or, for accounts and backups,
`require_admin`) before it opens a transaction, on the server side: a page that hides a
button is a courtesy, this is the rule.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from viften.model.errors import ViftenError

VIEWER = "viewer"
EDITOR = "editor"
ADMIN = "admin"
ROLES = (VIEWER, EDITOR, ADMIN)
"""From least to most: a viewer reads, an editor also writes the data, an admin also manages
accounts and backups."""


@dataclass(frozen=True)
class Actor:
    """Who is asking for a change."""

    name: str
    """Shown in the audit trail."""
    role: str = VIEWER
    """`editor` and `admin` may write; `admin` may also manage accounts; a viewer only reads."""

    @property
    def can_write(self) -> bool:
        return self.role in (EDITOR, ADMIN)

    @property
    def can_manage(self) -> bool:
        return self.role == ADMIN


class PermissionDenied(ViftenError):
    """A write by someone without the role it needs."""


def command_line_actor() -> Actor:
    """Whoever runs the CLI owns the file, so they act as themselves, with every right."""
    try:
        user = getpass.getuser()
    except Exception:
        user = "cli"
    return Actor(name=user, role=ADMIN)


def require_editor(actor: Actor, doing: str) -> None:
    """Refuse `actor` unless they may write; `doing` says what they tried ("saving scenarios")."""
    if not actor.can_write:
        raise PermissionDenied(f"{actor.name} may only read: {doing} needs the editor role")


def require_admin(actor: Actor, doing: str) -> None:
    """Refuse `actor` unless they may manage accounts; `doing` says what they tried."""
    if not actor.can_manage:
        raise PermissionDenied(f"{actor.name} may not do this: {doing} needs the admin role")
