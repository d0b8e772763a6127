"""Accounts: slow salted hashes, the lock-out after failed sign-ins, roles, the bootstrap
password, server-side sign-in tokens, and `user add|remove|list`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pg
import pytest

from viften import cli
from viften.actions import sessions, users
from viften.actions.access import (
    ADMIN,
    EDITOR,
    VIEWER,
    Actor,
    PermissionDenied,
    command_line_actor,
    require_admin,
    require_editor,
)
from viften.model import accounts
from viften.model.errors import BadInput
from viften.store import db
from viften.store.location import PostgresURL


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


REPO = Path(__file__).resolve().parents[2]
ADMINISTRATOR = Actor("Ada", ADMIN)
PASSWORD = "korrekt-hest-batteri-42"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap scrypt parameters for the tests that sign in many times; a hash records its
    own, so it verifies the same way (the real ones are tested once, below)."""
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    monkeypatch.setattr(accounts, "SCRYPT_P", 1)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 9, 0)

    def __call__(self) -> datetime:
        return self.now


def test_a_hash_is_salted_self_describing_and_verifies_only_its_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = accounts.hash_password(PASSWORD), accounts.hash_password(PASSWORD)
    assert first != second  # a new salt each time
    assert first.split("$")[:4] == ["scrypt", "1024", "8", "1"]
    assert PASSWORD not in first
    assert accounts.verify_password(PASSWORD, first)
    assert not accounts.verify_password(PASSWORD + "x", first)
    assert not accounts.verify_password(PASSWORD, "plain-text")
    assert not accounts.verify_password(PASSWORD, "scrypt$1$2$3$!!$!!")
    monkeypatch.undo()  # the real parameters, once
    strong = accounts.hash_password(PASSWORD)
    assert strong.split("$")[:4] == ["scrypt", "32768", "8", "3"]
    assert accounts.verify_password(PASSWORD, strong)


def test_the_fifth_failure_in_a_row_locks_for_fifteen_minutes() -> None:
    now = datetime(2026, 1, 1, 12, 0)
    lockout = accounts.Lockout()
    for _ in range(4):
        lockout = lockout.after_failure(now)
        assert not lockout.is_locked(now)
    lockout = lockout.after_failure(now)
    assert lockout.is_locked(now + timedelta(minutes=14, seconds=59))
    assert not lockout.is_locked(now + timedelta(minutes=15))


def test_roles_editor_and_admin_write_only_admin_manages() -> None:
    require_editor(Actor("e", EDITOR), "x")
    require_editor(Actor("a", ADMIN), "x")
    require_admin(Actor("a", ADMIN), "x")
    with pytest.raises(PermissionDenied, match="needs the editor role"):
        require_editor(Actor("v", VIEWER), "x")
    with pytest.raises(PermissionDenied, match="needs the admin role"):
        require_admin(Actor("e", EDITOR), "managing accounts")
    assert command_line_actor().can_manage


def test_an_oidc_identity_gets_the_highest_role_its_mapping_gives_else_viewer() -> None:
    mapping = accounts.parse_role_mapping(
        '{"anna@randers.dk": "admin", "@randers.dk": "editor", "group:Ledelse": "admin"}'
    )
    assert accounts.role_for_identity(mapping, "Anna@Randers.dk") == "admin"
    assert accounts.role_for_identity(mapping, "bo@randers.dk") == "editor"
    assert accounts.role_for_identity(mapping, "bo@aarhus.dk") == "viewer"
    assert accounts.role_for_identity(mapping, "bo@aarhus.dk", ["ledelse"]) == "admin"
    assert accounts.role_for_identity({}, None) == "viewer"
    with pytest.raises(ValueError, match="not a role"):
        accounts.parse_role_mapping('{"x@y.dk": "superuser"}')


def test_an_admin_adds_changes_and_removes_accounts(db_path: Path) -> None:
    users.add(db_path, ADMINISTRATOR, "  Birgit  Hansen ", EDITOR, PASSWORD)
    assert [(a.name, a.role) for a in users.accounts(db_path)] == [("Birgit Hansen", EDITOR)]
    users.change_role(db_path, ADMINISTRATOR, "Birgit Hansen", VIEWER)
    assert users.account(db_path, "Birgit Hansen").role == VIEWER  # type: ignore[union-attr]
    with pytest.raises(BadInput) as twice:
        users.add(db_path, ADMINISTRATOR, "Birgit Hansen", EDITOR, PASSWORD)
    assert twice.value.message.key == "users_err_exists"  # type: ignore[union-attr]
    users.remove(db_path, ADMINISTRATOR, "Birgit Hansen")
    assert users.accounts(db_path) == []


def test_an_editor_cannot_manage_accounts_and_an_admin_not_remove_themselves(
    db_path: Path,
) -> None:
    with pytest.raises(PermissionDenied):
        users.add(db_path, Actor("Edith", EDITOR), "x", EDITOR, PASSWORD)
    users.add(db_path, ADMINISTRATOR, "Ada", ADMIN, PASSWORD)
    with pytest.raises(BadInput):
        users.remove(db_path, ADMINISTRATOR, "Ada")
    with pytest.raises(BadInput):
        users.change_role(db_path, ADMINISTRATOR, "Ada", EDITOR)


def test_sign_in_counts_failures_locks_and_a_reset_lifts_the_lock(db_path: Path) -> None:
    clock = Clock()
    users.add(db_path, ADMINISTRATOR, "bo", EDITOR, PASSWORD)
    assert users.sign_in(db_path, "bo", PASSWORD, clock).actor == Actor("bo", EDITOR)
    for _ in range(5):
        with pytest.raises(users.SignInRefused) as refused:
            users.sign_in(db_path, "bo", "wrong", clock)
        assert refused.value.locked_until is None
    with pytest.raises(users.SignInRefused) as locked:
        users.sign_in(db_path, "bo", PASSWORD, clock)  # the right password, but locked
    assert locked.value.locked_until == clock.now + timedelta(minutes=15)
    clock.now += timedelta(minutes=15)
    assert users.sign_in(db_path, "bo", PASSWORD, clock).actor.name == "bo"
    assert users.account(db_path, "bo").failed_sign_ins == 0  # type: ignore[union-attr]
    for _ in range(5):
        with pytest.raises(users.SignInRefused):
            users.sign_in(db_path, "bo", "wrong", clock)
    users.reset_password(db_path, ADMINISTRATOR, "bo", "new-one")
    assert users.sign_in(db_path, "bo", "new-one", clock).actor.name == "bo"
    with pytest.raises(users.SignInRefused):
        users.sign_in(db_path, "nobody", PASSWORD, clock)


def test_the_bootstrap_password_makes_an_admin_only_while_there_is_none(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(users.BOOTSTRAP_PASSWORD_VARIABLE, "start")
    first = users.sign_in(db_path, "Kim", "start")
    assert first.bootstrap and first.actor == Actor("Kim", ADMIN)
    token = sessions.start(first, "browser")
    users.add(db_path, first.actor, "Kim", ADMIN, PASSWORD)
    with pytest.raises(users.SignInRefused):
        users.sign_in(db_path, "Kim", "start")
    assert sessions.actor(db_path, token, "browser") is None  # the bootstrap sign-in ended


def test_a_token_follows_the_account_and_ends_when_idle_or_in_another_browser(
    db_path: Path,
) -> None:
    clock = Clock()
    users.add(db_path, ADMINISTRATOR, "bo", EDITOR, PASSWORD)
    token = sessions.start(users.sign_in(db_path, "bo", PASSWORD), "mine", clock)
    assert sessions.actor(db_path, token, "mine", clock) == Actor("bo", EDITOR)
    assert sessions.actor(db_path, token, "someone else's", clock) is None
    assert sessions.actor(db_path, "guessed", "mine", clock) is None
    users.change_role(db_path, ADMINISTRATOR, "bo", VIEWER)
    assert sessions.actor(db_path, token, "mine", clock) == Actor("bo", VIEWER)
    clock.now += sessions.IDLE_LIMIT + timedelta(seconds=1)
    assert sessions.actor(db_path, token, "mine", clock) is None
    again = sessions.start(users.sign_in(db_path, "bo", PASSWORD), "mine", clock)
    users.remove(db_path, ADMINISTRATOR, "bo")
    assert sessions.actor(db_path, again, "mine", clock) is None


def _viften(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viften", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        timeout=120,
    )


def test_user_add_reads_the_password_from_stdin_and_the_file_never_holds_it(
    db_path: Path,
) -> None:
    secret = "Sommerfugl-Æblegrød-7319"
    added = _viften("user", "add", "Mette", "--role", "admin", "--db", str(db_path), stdin=secret)
    assert added.returncode == 0, added.stderr
    assert secret not in added.stdout + added.stderr
    listed = _viften("user", "list", "--json", "--db", str(db_path))
    assert json.loads(listed.stdout) == [{"name": "Mette", "role": "admin"}]
    if isinstance(db_path, PostgresURL):
        with db.connect(db_path) as con:
            raw = repr(con.execute("SELECT * FROM users").fetchall()).encode()
    else:
        raw = b"".join(p.read_bytes() for p in db_path.parent.glob(f"{db_path.name}*"))
    assert secret.encode() not in raw and secret.encode("utf-16-le") not in raw
    assert users.sign_in(db_path, "Mette", secret).actor.role == ADMIN


def test_user_add_refuses_an_empty_password_and_remove_an_unknown_name(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Input("\n"))
    assert cli.main(["user", "add", "x", "--role", "editor", "--db", str(db_path)]) == 2
    assert "password is empty" in capsys.readouterr().err
    assert cli.main(["user", "remove", "nobody", "--db", str(db_path)]) == 2
    assert "no account named 'nobody'" in capsys.readouterr().err
    assert cli.main(["user", "list", "--json", "--db", str(db_path)]) == 0
    assert json.loads(capsys.readouterr().out) == []


class _Input:
    def __init__(self, text: str) -> None:
        self.text = text

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        return self.text
