"""Where the database is: a DuckDB file's path, or a PostgreSQL database's URL (issue 15).

Kept apart from `viften.store.postgres`, which needs psycopg and pyarrow: every command and
every page run needs to know which store it has, and only a PostgreSQL store needs its
driver (a third of a second to import), so `viften.store.db` imports that module only when
it opens a PostgreSQL database. The store's errors live here for the same reason: both
stores raise them.
"""

from __future__ import annotations

import os
from pathlib import PosixPath
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from viften.model.errors import ViftenError

SCHEMES = ("postgresql://", "postgres://")


class StoreError(ViftenError):
    """A problem with the database that the user can act on; the message says what
    (`viften.store.db.StoreError`: it lives here so that both stores raise it)."""


class DatabaseBusy(StoreError):
    """Another process held the database for longer than we were willing to wait."""


class Conflict(StoreError):
    """Another session changed the same data at the same moment (a serialization failure or
    a deadlock, which the write lock should make impossible)."""


class Refused(StoreError):
    """The database refused a change that breaks one of its rules (a constraint)."""


def is_url(text: str | None) -> bool:
    return bool(text) and str(text).startswith(SCHEMES)


class PostgresURL(PosixPath):
    """A PostgreSQL database where the code expects the `Path` of a DuckDB file.

    Paths are what the actions, the CLI and the app hand around; this one carries its URL
    (`url`), compares and hashes by it, and shows it without the password. It exists
    (`exists()`): `viften.actions.database.ensure` creates the schema in an empty database.
    """

    url: str

    def __new__(cls, url: str) -> PostgresURL:
        self = super().__new__(cls, "/postgresql", _shown(url).split("://", 1)[1])
        self.url = url
        return self

    def __str__(self) -> str:
        return _shown(self._key())

    def _key(self) -> str:
        # a path made from this one (`parent`, `/`) has the class but no URL: a plain path
        return getattr(self, "url", None) or PosixPath.__str__(self)

    def __repr__(self) -> str:
        return f"PostgresURL({str(self)!r})"

    def __hash__(self) -> int:
        return hash(("postgresql", self._key()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PostgresURL) and other._key() == self._key()

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (PostgresURL, (self.url,))

    def exists(self, *, follow_symlinks: bool = True) -> bool:
        return True


def _shown(url: str) -> str:
    """The URL without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc[-1]}"))


def lock_timeout() -> float:
    """How long a session waits for another that holds the database: VIFTEN_LOCK_TIMEOUT
    seconds, 30 unless set (both stores; `viften.store.db` takes it from here)."""
    try:
        return max(0.0, float(os.environ.get("VIFTEN_LOCK_TIMEOUT", "30")))
    except ValueError:
        return 30.0
