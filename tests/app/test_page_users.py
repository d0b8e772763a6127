"""Signing in and out in the sidebar, the Brugere page, and the rule that a session cannot
make itself an editor by setting its own session state."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from viften.actions import users
from viften.actions.access import ADMIN, EDITOR, Actor
from viften.model import accounts
from viften.present.texts import t
from viften.ui import accounts as ui_accounts

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "streamlit_app.py")
INTERVENTIONS = str(REPO / "pages" / "interventions.py")
USERS = str(REPO / "pages" / "users.py")
OWNER = Actor("owner", ADMIN)
SIDEBAR = """
import streamlit as st
from viften.ui import accounts, state
acting = accounts.sign_in_panel("da")
state.keep_session_in_url()
st.write(f"role={acting.role}")
"""
"""The sidebar's sign-in as streamlit_app.py draws it (AppTest keeps no sidebar of a navigation app
after its first run, so the panel is tested in a script of its own)."""


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    monkeypatch.setattr(accounts, "SCRYPT_P", 1)


def _sign_in(app: AppTest, name: str, password: str) -> AppTest:
    app.text_input(key="acc_name").input(name)
    app.text_input(key="acc_password").input(password)
    [b for b in app.button if b.label == "Log ind"][0].click()
    return app.run()


def _sidebar_text(app: AppTest) -> str:
    return " ".join(c.value for c in app.sidebar.caption)


def _panel() -> AppTest:
    """The script with the sign-in panel opened (it draws nothing closed)."""
    app = AppTest.from_string(SIDEBAR, default_timeout=30)
    app.session_state[ui_accounts.PANEL_KEY] = True
    return app


def test_setting_session_state_by_hand_grants_no_write(db_path: Path) -> None:
    users.add(db_path, OWNER, "bo", EDITOR, "pw")
    app = AppTest.from_file(INTERVENTIONS, default_timeout=30)
    for key, value in {
        "is_editor": True,
        "user_name": "bo",
        "role": ADMIN,
        "viften_session": "a-token-the-server-never-gave",
    }.items():
        app.session_state[key] = value
    app.query_params["session"] = "another-guess"
    app.run()
    assert not app.exception
    assert len([i for i in app.info if i.value == t("iv_editor_only")]) == 2  # edit, import
    assert not app.get("file_uploader")
    assert "viften_session" not in app.session_state


def test_an_editor_signs_in_stays_signed_in_on_reload_and_signs_out(db_path: Path) -> None:
    users.add(db_path, OWNER, "bo", EDITOR, "rigtigt")
    app = _panel().run()
    _sign_in(app, "bo", "forkert")
    assert [e.value for e in app.sidebar.error] == [
        "Forkert brugernavn eller adgangskode. Prøv igen."
    ]
    _sign_in(app, "bo", "rigtigt")
    assert not app.exception
    assert "Logget ind som bo (redaktør)." in _sidebar_text(app)
    token = app.query_params["session"]
    reloaded = _panel()
    reloaded.query_params["session"] = token
    reloaded.run()
    assert "Logget ind som bo (redaktør)." in _sidebar_text(reloaded)
    reloaded.button(key="acc_sign_out").click().run()
    assert "session" not in reloaded.query_params
    again = _panel()
    again.query_params["session"] = token
    again.run()
    assert "Logget ind" not in _sidebar_text(again)
    assert "role=viewer" in again.markdown[-1].value


def test_the_bootstrap_password_signs_in_an_admin_who_creates_the_first_admin(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIFTEN_EDITOR_PASSWORD", "start")
    app = _panel().run()
    _sign_in(app, "Kim", "start")
    assert "Logget ind som Kim (administrator)." in _sidebar_text(app)
    assert "opstartsadgangskoden" in _sidebar_text(app)
    page = AppTest.from_file(USERS, default_timeout=30)
    page.session_state["viften_session"] = app.session_state["viften_session"]
    page.run()
    assert not page.exception
    page.text_input(key="users_add_name").input("Kim")
    page.selectbox(key="users_add_role").set_value(ADMIN)
    page.text_input(key="users_add_password").input("eget-ord")
    page.text_input(key="users_add_again").input("eget-ord")
    [b for b in page.button if b.label == "Tilføj bruger"][0].click().run()
    assert [(a.name, a.role) for a in users.accounts(db_path)] == [("Kim", ADMIN)]
    app.run()
    assert "Logget ind" not in _sidebar_text(app)  # the bootstrap sign-in has ended
    assert "Du er logget ud" in app.sidebar.info[0].value


def test_an_admin_changes_a_role_resets_a_password_and_removes_a_user(db_path: Path) -> None:
    from conftest import sign_in

    users.add(db_path, OWNER, "bo", EDITOR, "pw")
    app = AppTest.from_file(USERS, default_timeout=30)
    sign_in(app, "Ada", ADMIN)
    app.run()
    assert not app.exception
    assert app.dataframe[0].value["Navn"].tolist() == ["Ada", "bo"]
    app.selectbox(key="users_pick").set_value("bo").run()
    app.selectbox(key="users_role_bo").set_value("viewer")
    app.button(key="users_role_button").click().run()
    assert users.account(db_path, "bo").role == "viewer"  # type: ignore[union-attr]
    assert any("bo er nu læser." in s.value for s in app.success)
    app.text_input(key="users_new_password").input("nyt")
    app.text_input(key="users_new_again").input("nyt")
    app.button(key="users_password_button").click().run()
    assert users.sign_in(db_path, "bo", "nyt").actor.name == "bo"
    app.checkbox(key="users_remove_sure").check().run()
    app.button(key="users_remove_button").click().run()
    assert [a.name for a in users.accounts(db_path)] == ["Ada"]


def test_an_editor_sees_no_user_page_content(db_path: Path) -> None:
    from conftest import sign_in

    app = AppTest.from_file(USERS, default_timeout=30)
    sign_in(app, "Edith", EDITOR)
    app.run()
    assert [i.value for i in app.info] == [
        "Kun en administrator kan styre brugere. Log ind som administrator i sidepanelet."
    ]
    assert not app.dataframe


def test_the_organisation_sign_in_button_appears_only_with_an_oidc_provider(
    db_path: Path,
) -> None:
    plain = AppTest.from_file(APP, default_timeout=120)
    plain.session_state[ui_accounts.PANEL_KEY] = True
    plain.run()
    assert not [b for b in plain.button if b.key == "acc_oidc_sign_in"]
    configured = AppTest.from_file(APP, default_timeout=120)
    configured.session_state[ui_accounts.PANEL_KEY] = True
    configured.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "viften",
        "client_secret": "hemmelig",
        "server_metadata_url": "https://login.example/.well-known/openid-configuration",
    }
    configured.run()
    assert not configured.exception
    assert [b.label for b in configured.button if b.key == "acc_oidc_sign_in"] == [
        "Log ind med organisationens konto"
    ]


def test_an_admin_restores_an_uploaded_backup_and_a_bad_file_changes_nothing(
    db_path: Path, tmp_path: Path
) -> None:
    from conftest import sign_in

    from viften.actions import backups

    sign_in(AppTest.from_file(USERS), "Ada", ADMIN)  # Ada is in the backup too
    backups.backup(db_path, OWNER, tmp_path / "kopi.duckdb")
    users.add(db_path, OWNER, "efter", EDITOR, "pw")
    app = AppTest.from_file(USERS, default_timeout=30)
    sign_in(app, "Ada", ADMIN)
    app.run()
    app.get("file_uploader")[0].set_value(
        ("rod.duckdb", b"no database", "application/octet-stream")
    )
    app.run()
    app.checkbox(key="users_restore_sure").check().run()
    app.button(key="users_restore_button").click().run()
    assert "is not a viften database" in app.error[0].value and "rod" in app.error[0].value
    assert "efter" in [a.name for a in users.accounts(db_path)]
    backup = (tmp_path / "kopi.duckdb").read_bytes()
    app.get("file_uploader")[0].set_value(("kopi.duckdb", backup, "application/octet-stream"))
    app.run()
    app.checkbox(key="users_restore_sure").check().run()
    app.button(key="users_restore_button").click().run()
    assert not app.exception
    assert any("Databasen er gendannet fra kopi" in s.value for s in app.success)
    assert [a.name for a in users.accounts(db_path)] == ["Ada"]


@pytest.mark.parametrize("backend", ["postgres"])
def test_on_postgresql_the_page_points_to_pg_dump_instead_of_a_backup_button(
    db_path: Path,
) -> None:
    from conftest import sign_in

    app = AppTest.from_file(USERS, default_timeout=30)
    sign_in(app, "Ada", ADMIN)
    app.run()
    assert not app.exception
    assert any("pg_dump" in i.value for i in app.info)
    keys = {w.key for w in (*app.button, *app.get("file_uploader"))}
    assert not keys & {"users_backup_make", "users_restore_button", "users_restore_file"}


def test_a_reload_with_the_token_in_the_address_stays_signed_in(
    db_path: Path,
) -> None:
    """The whole app, not the panel alone: streamlit_app.py writes the address before st.navigation,
    and must read a reload's sign-in from it first (else it would drop the token)."""
    from conftest import sign_in

    first = AppTest.from_file(APP, default_timeout=60)
    token = sign_in(first, "bo")
    first.run()
    assert first.query_params["session"] == token
    reloaded = AppTest.from_file(APP, default_timeout=60)
    reloaded.query_params["session"] = token
    reloaded.session_state[ui_accounts.PANEL_KEY] = True
    reloaded.run()
    assert not reloaded.exception
    assert "Logget ind som bo (redaktør)." in _sidebar_text(reloaded)
    assert reloaded.query_params["session"] == token
