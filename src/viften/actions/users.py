"""Accounts: adding, changing and removing them (admins), and signing in (anyone).

The role check and the transaction are here, shared by `python -m viften user` and the
Brugere page. `VIFTEN_EDITOR_PASSWORD` is the bootstrap: while no account has the admin
role, that password (with any name) signs one in as an admin, to create the first admin.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from viften.actions import database
from viften.actions.access import ADMIN, ROLES, Actor, require_admin
from viften.model.accounts import Lockout, hash_password, verify_password, waste_time
from viften.model.errors import BadInput, ViftenError
from viften.model.messages import Message
from viften.store import db
from viften.store import users as store
from viften.store.users import Account

BOOTSTRAP_PASSWORD_VARIABLE = "VIFTEN_EDITOR_PASSWORD"
MAX_NAME_LENGTH = 100
MANAGING = "managing accounts"

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The time as the database writes it (local, without a zone)."""
    return datetime.now()


class SignInRefused(ViftenError):
    """A wrong name or password, or an account locked after too many failures."""

    def __init__(self, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until
        """Set when the account is locked: until when."""


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and how."""

    actor: Actor
    bootstrap: bool = False
    """Signed in with the bootstrap password, not an account."""


def clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise BadInput(Message.of("users_err_empty_name"))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise BadInput(Message.of("users_err_long_name", limit=("count", MAX_NAME_LENGTH)))
    return cleaned


def _checked_role(role: str) -> str:
    if role not in ROLES:
        raise BadInput(Message.of("users_err_role", role=("quoted", role)))
    return role


def _checked_password(password: str) -> str:
    if not password:
        raise BadInput(Message.of("users_err_empty_password"))
    return password


def accounts(path: Path) -> list[Account]:
    """Every account, by name (never a password or hash)."""
    with db.connect(database.ensure(path)) as con:
        return store.accounts(con)


def account(path: Path, name: str) -> Account | None:
    with db.connect(database.ensure(path)) as con:
        return store.account(con, name)


def has_admin(path: Path) -> bool:
    with db.connect(database.ensure(path)) as con:
        return store.count_admins(con) > 0


def add(path: Path, actor: Actor, name: str, role: str, password: str) -> Account:
    require_admin(actor, MANAGING)
    name, role = clean_name(name), _checked_role(role)
    hashed = hash_password(_checked_password(password))
    with database.write(path) as con:
        if store.account(con, name) is not None:
            raise BadInput(Message.of("users_err_exists", name=("quoted", name)))
        store.insert(con, name, role, hashed)
        added = store.account(con, name)
    assert added is not None
    return added


def _existing(con: duckdb.DuckDBPyConnection, name: str) -> Account:
    found = store.account(con, name)
    if found is None:
        raise BadInput(Message.of("users_err_missing", name=("quoted", name)))
    return found


def _not_yourself(actor: Actor, name: str, refusal: str) -> None:
    """An admin in the app cannot lock themselves out: another admin can do it."""
    if actor.name == name:
        raise BadInput(Message.of(refusal))


def remove(path: Path, actor: Actor, name: str) -> None:
    require_admin(actor, MANAGING)
    _not_yourself(actor, name, "users_err_remove_yourself")
    with database.write(path) as con:
        _existing(con, name)
        store.delete(con, name)


def change_role(path: Path, actor: Actor, name: str, role: str) -> None:
    require_admin(actor, MANAGING)
    role = _checked_role(role)
    if role != ADMIN:
        _not_yourself(actor, name, "users_err_demote_yourself")
    with database.write(path) as con:
        _existing(con, name)
        store.set_role(con, name, role)


def reset_password(path: Path, actor: Actor, name: str, password: str) -> None:
    """A new password for `name`; it also lifts a lock."""
    require_admin(actor, MANAGING)
    hashed = hash_password(_checked_password(password))
    with database.write(path) as con:
        _existing(con, name)
        store.set_password(con, name, hashed)


WRONG = "wrong name or password"


def sign_in(path: Path, name: str, password: str, now: Clock = local_now) -> SignedIn:
    """The account `name` if `password` is its own and it is not locked; a failure is
    counted, and the fifth in a row locks the account (`model.accounts.Lockout`).

    With no admin account yet, the bootstrap password signs in as an admin under `name`.
    """
    name = " ".join(str(name).split())
    if not name or not password:
        raise SignInRefused(WRONG)
    if bootstrap_open(path) and _is_bootstrap_password(password):
        return SignedIn(Actor(name, ADMIN), bootstrap=True)
    with database.write(path) as con:
        found = store.account(con, name)
        hashed = store.password_hash(con, name)
        if found is None or hashed is None:
            waste_time(password)
            raise SignInRefused(WRONG)
        moment = now()
        lockout = Lockout(found.failed_sign_ins, found.locked_until)
        if lockout.is_locked(moment):
            raise SignInRefused("the account is locked", lockout.locked_until)
        if not verify_password(password, hashed):
            store.set_lockout(con, name, lockout.after_failure(moment))
            failed = True
        else:
            if found.failed_sign_ins or found.locked_until:
                store.set_lockout(con, name, Lockout())
            failed = False
    if failed:  # raised after the transaction, so the count is kept
        raise SignInRefused(WRONG)
    return SignedIn(Actor(found.name, found.role))


def bootstrap_password() -> str | None:
    return os.environ.get(BOOTSTRAP_PASSWORD_VARIABLE) or None


def bootstrap_open(path: Path) -> bool:
    """The bootstrap password works: it is set, and no account has the admin role yet."""
    return bootstrap_password() is not None and not has_admin(path)


def _is_bootstrap_password(password: str) -> bool:
    expected = bootstrap_password()
    return expected is not None and hmac.compare_digest(password.encode(), expected.encode())
