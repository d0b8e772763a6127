"""The accounts (table `users`): name, role, password hash and the failed sign-ins.

Writes run inside the caller's transaction (`viften.actions.users` opens it and checks the
role). Nothing here returns a password hash to anyone but the sign-in check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from viften.model.accounts import Lockout


@dataclass(frozen=True)
class Account:
    """One account as a page or `user list` shows it (never its hash)."""

    name: str
    role: str
    created_at: datetime
    failed_sign_ins: int
    locked_until: datetime | None


_COLUMNS = "name, role, created_at, failed_sign_ins, locked_until"


def accounts(con: duckdb.DuckDBPyConnection) -> list[Account]:
    rows = con.execute(f"SELECT {_COLUMNS} FROM users ORDER BY lower(name), name").fetchall()  # noqa: S608 - constant columns
    return [Account(*row) for row in rows]


def account(con: duckdb.DuckDBPyConnection, name: str) -> Account | None:
    row = con.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", [name]).fetchone()  # noqa: S608 - constant columns
    return Account(*row) if row else None


def password_hash(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute("SELECT password_hash FROM users WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def count_admins(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchone()
    return int(row[0]) if row else 0


def insert(con: duckdb.DuckDBPyConnection, name: str, role: str, hashed: str) -> None:
    con.execute(
        "INSERT INTO users (name, role, password_hash) VALUES (?, ?, ?)", [name, role, hashed]
    )


def set_role(con: duckdb.DuckDBPyConnection, name: str, role: str) -> None:
    con.execute("UPDATE users SET role = ? WHERE name = ?", [role, name])


def set_password(con: duckdb.DuckDBPyConnection, name: str, hashed: str) -> None:
    con.execute(
        "UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL "
        "WHERE name = ?",
        [hashed, name],
    )


def delete(con: duckdb.DuckDBPyConnection, name: str) -> None:
    con.execute("DELETE FROM users WHERE name = ?", [name])


def set_lockout(con: duckdb.DuckDBPyConnection, name: str, lockout: Lockout) -> None:
    con.execute(
        "UPDATE users SET failed_sign_ins = ?, locked_until = ? WHERE name = ?",
        [lockout.failed, lockout.locked_until, name],
    )
