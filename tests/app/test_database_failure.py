"""A database error puts the app in a read-only state with a banner, never a traceback.

The app is run through streamlit_app.py (its router holds the guard), on its landing page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import sign_in
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from viften.store import db

WORKING_CONNECT = duckdb.connect
APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


@pytest.fixture(autouse=True)
def routed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run through streamlit_app.py's navigation, as in the browser (see
    tests/app/test_view_kept)."""
    original = PagesManager.__init__

    def through_the_navigation(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", through_the_navigation)


def _broken(*args: Any, **kwargs: Any) -> Any:
    raise duckdb.IOException("IO Error: Could not read from file: the disk is gone")


def _changed(path: Path) -> None:
    """As after a write by someone else: the caches' key (the file's version) moves on."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _banner(app: AppTest) -> str:
    return " ".join(e.value for e in app.error if "skrivebeskyttet" in e.value)


@pytest.mark.parametrize("page", ["pages/fan.py", "pages/interventions.py", "pages/history.py"])
def test_a_database_error_shows_a_banner_and_signs_the_editor_out(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    sign_in(app, "Edith")
    app.run()
    assert not app.exception
    assert not _banner(app)
    monkeypatch.setattr(db.duckdb, "connect", _broken)
    _changed(db_path)
    app.switch_page(page).run()
    assert not app.exception
    assert "the disk is gone" in _banner(app)
    assert "viften_session" not in app.session_state, "signed out"
    # it stays read-only, without a sign-in, until the database answers and the reader retries
    app.run()
    assert not app.exception
    assert _banner(app)
    assert not app.text_input, "no sign-in while read-only"
    monkeypatch.setattr(db.duckdb, "connect", WORKING_CONNECT)
    app.button(key="safety_retry").click().run()
    assert not app.exception
    assert not _banner(app)


def test_an_error_the_store_raises_reads_the_same(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viften.store import views

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise db.StoreError("the database refused the work (Catalog Error); nothing was saved")

    monkeypatch.setattr(views, "load_year", failing)
    _changed(db_path)
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception
    assert "Catalog Error" in _banner(app)
