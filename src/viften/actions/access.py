"""Who is acting, and the one check of whether they may write.

Every action that writes calls `require_editor` before it opens a transaction, on the
server side: a page that hides a button is a courtesy, this is the rule.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from viften.model.errors import ViftenError

EDITOR = "editor"
VIEWER = "viewer"


@dataclass(frozen=True)
class Actor:
    """Who is asking for a change."""

    name: str
    """Shown in the audit trail."""
    role: str = VIEWER
    """`editor` may write; anybody else may only read."""

    @property
    def can_write(self) -> bool:
        return self.role == EDITOR


class PermissionDenied(ViftenError):
    """A write by someone without the editor role."""


def command_line_actor() -> Actor:
    """Whoever runs the CLI owns the file, so they edit as themselves."""
    try:
        user = getpass.getuser()
    except Exception:
        user = "cli"
    return Actor(name=user, role=EDITOR)


def require_editor(actor: Actor, doing: str) -> None:
    """Refuse `actor` unless they may write; `doing` says what they tried ("saving scenarios")."""
    if not actor.can_write:
        raise PermissionDenied(f"{actor.name} may only read: {doing} needs the editor role")
