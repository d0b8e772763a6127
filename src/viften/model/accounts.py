"""Passwords, the lock-out after failed sign-ins, and the roles an OIDC identity gets.

Pure rules, no database: the store keeps what these functions compute. A password is kept
only as a slow, salted scrypt hash in a self-describing string
(`scrypt$n$r$p$salt$hash`, salt and hash in base64), so the parameters can be raised later
and old hashes still verify.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

SCRYPT_N = 2**15
"""CPU and memory cost: 2^15 with r = 8 is 32 MiB per try; with p = 3 this is the minimum that
OWASP's Password Storage Cheat Sheet gives for scrypt (N=2^15, r=8, p=3), a quarter to one
second per try on a small server."""
SCRYPT_R = 8
SCRYPT_P = 3
SALT_BYTES = 16
HASH_BYTES = 32
_MAX_MEMORY = 256 * 1024 * 1024
_PREFIX = "scrypt"

MAX_FAILED_SIGN_INS = 5
"""Failed sign-ins in a row before an account is locked."""
LOCK_DURATION = timedelta(minutes=15)
"""How long a locked account refuses every sign-in, the right password included."""

ROLE_ORDER = ("viewer", "editor", "admin")


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """The self-describing scrypt hash of `password` with a new random salt."""
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(
        (_PREFIX, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest))
    )


def verify_password(password: str, stored: str) -> bool:
    """True when `password` is the one `stored` was made from (compared in constant time)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = _unb64(parts[4]), _unb64(parts[5])
        digest = _scrypt(password, salt, n, r, p, length=len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def waste_time(password: str) -> None:
    """As long as a real check, for a name that has no account: the answer's time does not
    tell which names exist."""
    dummy = (_PREFIX, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(bytes(16)), _b64(bytes(32)))
    verify_password(password, "$".join(dummy))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEMORY, dklen=length
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Lockout:
    """An account's count of failed sign-ins and the time it is locked until."""

    failed: int = 0
    """Failed sign-ins since the last good one."""
    locked_until: datetime | None = None
    """While this is in the future, every sign-in is refused."""

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> Lockout:
        """One more failure: the fifth in a row locks the account for LOCK_DURATION, and the
        count starts again after the lock."""
        failed = self.failed + 1
        if failed >= MAX_FAILED_SIGN_INS:
            return Lockout(0, now + LOCK_DURATION)
        return Lockout(failed, self.locked_until)


def role_for_identity(
    mapping: Mapping[str, str], email: str | None, groups: Iterable[str] = ()
) -> str:
    """The role an identity from an OIDC provider gets: the highest that any entry of
    `mapping` gives it, else viewer.

    An entry's key is an e-mail address (`anna@randers.dk`), a domain (`@randers.dk`), or a
    group (`group:Jobcenter`); keys match case-insensitively.
    """
    address = (email or "").strip().casefold()
    domain = address[address.rfind("@") :] if "@" in address else None
    owned = {f"group:{group}".casefold() for group in groups}
    best = 0
    for key, role in mapping.items():
        wanted = key.strip().casefold()
        if wanted and (wanted == address or wanted == domain or wanted in owned):
            if role in ROLE_ORDER:
                best = max(best, ROLE_ORDER.index(role))
    return ROLE_ORDER[best]


def parse_role_mapping(text: str | None) -> dict[str, str]:
    """`VIFTEN_OIDC_ROLES` as a mapping: a JSON object {"anna@randers.dk": "admin", ...}.
    Anything else gives nobody more than the viewer role (ValueError says why)."""
    if not text or not text.strip():
        return {}
    found = json.loads(text)
    if not isinstance(found, dict):
        raise ValueError("the role mapping must be a JSON object of key → role")
    mapping: dict[str, str] = {}
    for key, role in found.items():
        if role not in ROLE_ORDER:
            raise ValueError(f"{role!r} is not a role: use viewer, editor or admin")
        mapping[str(key)] = str(role)
    return mapping
