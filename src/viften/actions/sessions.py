"""Who a browser session is signed in as, decided on the server.

A sign-in gets a random token; this process keeps what it stands for (the account's name,
or a bootstrap sign-in) in a registry that no browser can write to. The page keeps only the
token (in its session state and in the address, `?session=…`, so a reload stays signed in).
Each run looks the token up again and reads the account from the database, so an account
removed or given another role takes effect at once. A token ends at sign-out, after
IDLE_LIMIT without use or MAX_AGE in all, and works only from the browser it was given to
(the same address and User-Agent): a link copied with it to another machine signs no one in.
The registry lives in the app's process: a restart signs everyone out.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from viften.actions import users
from viften.actions.access import ADMIN, Actor
from viften.actions.users import Clock, local_now

IDLE_LIMIT = timedelta(hours=1)
MAX_AGE = timedelta(hours=12)
TOKEN_BYTES = 32


@dataclass
class _Entry:
    name: str
    bootstrap: bool
    browser: str
    started: datetime
    last_used: datetime


_registry: dict[str, _Entry] = {}
_lock = threading.Lock()


def browser_fingerprint(address: str | None, user_agent: str | None) -> str:
    """What a token is tied to: a digest of the client's address and its User-Agent."""
    return hashlib.sha256(f"{address or ''}\n{user_agent or ''}".encode()).hexdigest()


def start(signed_in: users.SignedIn, browser: str, now: Clock = local_now) -> str:
    """A new token for `signed_in`, usable from `browser` (a `browser_fingerprint`)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    moment = now()
    with _lock:
        _forget_expired(moment)
        _registry[token] = _Entry(
            signed_in.actor.name, signed_in.bootstrap, browser, moment, moment
        )
    return token


def end(token: str | None) -> None:
    if token:
        with _lock:
            _registry.pop(token, None)


def end_all_of(name: str) -> None:
    """Sign out every session of the account `name` (it was removed or its password reset)."""
    with _lock:
        for token in [t for t, entry in _registry.items() if entry.name == name]:
            del _registry[token]


def actor(path: Path, token: str | None, browser: str, now: Clock = local_now) -> Actor | None:
    """The signed-in actor behind `token`, as the database has them now; None when the token
    is unknown, expired, from another browser, or its account is gone."""
    if not token or not isinstance(token, str):
        return None
    moment = now()
    with _lock:
        entry = _registry.get(token)
        if entry is None:
            return None
        if (
            moment - entry.last_used > IDLE_LIMIT
            or moment - entry.started > MAX_AGE
            or not secrets.compare_digest(entry.browser, browser)
        ):
            if entry.browser == browser:
                del _registry[token]
            return None
        entry.last_used = moment
        name, bootstrap = entry.name, entry.bootstrap
    if bootstrap:
        return Actor(name, ADMIN) if users.bootstrap_open(path) else None
    found = users.account(path, name)
    return Actor(found.name, found.role) if found is not None else None


def _forget_expired(moment: datetime) -> None:
    for token in [
        t
        for t, entry in _registry.items()
        if moment - entry.last_used > IDLE_LIMIT or moment - entry.started > MAX_AGE
    ]:
        del _registry[token]
