"""Shared fixtures: temporary databases, and the app served for Chromium (browser tests)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Every run, on CI and here alike, tries the same examples: a property test that passes once
# passes always, and a failure seen anywhere is seen again everywhere. New examples are found on
# purpose (HYPOTHESIS_PROFILE=explore) and each one found is kept in its test as an @example.
settings.register_profile(
    "viften", derandomize=True, database=None, deadline=None, print_blob=True
)
settings.register_profile("explore", settings.get_profile("viften"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "viften"))

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-quic", "--disable-dev-shm-usage",
]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database path of this test's own, also in VIFTEN_DB (created on first use)."""
    path = tmp_path / "viften.duckdb"
    monkeypatch.setenv("VIFTEN_DB", str(path))
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """A running `streamlit run app.py` with its own database."""

    url: str
    db: Path
    log: Path


def start_server(db: Path, log: Path, env: dict[str, str] | None = None) -> tuple[Server,
                                                                                  subprocess.Popen]:
    port = _free_port()
    environment = {**os.environ, "VIFTEN_DB": str(db), "VIFTEN_EDITOR_PASSWORD": "test-pw",
                   **(env or {})}
    handle = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port)],
        cwd=REPO, env=environment, stdout=handle, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    health = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(health, timeout=1) as answer:
                if answer.read().decode().strip() == "ok":
                    return Server(f"http://127.0.0.1:{port}", db, log), process
        except OSError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    stop_server(process)
    raise RuntimeError(f"the app did not start; its log:\n{log.read_text()}")


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on the demo database, served for this test module."""
    folder = tmp_path_factory.mktemp("server")
    server, process = start_server(folder / "viften.duckdb", folder / "streamlit.log")
    try:
        yield server
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `bash scripts/test.sh`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: object) -> Iterator[object]:
    """A fresh 1920×1080 page that records any dialog (alert) and page error."""
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})  # type: ignore[attr-defined]
    browser_page = context.new_page()
    browser_page.dialogs = []
    browser_page.errors = []
    browser_page.on("dialog", lambda d: (browser_page.dialogs.append(d.message), d.dismiss()))
    browser_page.on("pageerror", lambda e: browser_page.errors.append(str(e)))
    try:
        yield browser_page
    finally:
        context.close()


def wait_for_app(page: object, timeout: float = 30_000) -> None:
    """Wait until the current Streamlit run has finished."""
    page.wait_for_selector(  # type: ignore[attr-defined]
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout
    )


def screenshot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
    return target


# --- the foundation's tests: an empty database and a snapshot of what it holds --------------


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database of this test's own with the schema and no interventions (no demo data)."""
    import duckdb

    from viften.store import db

    path = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
    finally:
        con.close()
    monkeypatch.setenv("VIFTEN_DB", str(path))
    return path


def database_contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order: equal before and after means untouched."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)  # noqa: S608
            for table in ("interventions", "history", "outcomes", "settings")
        }
    finally:
        con.close()


@pytest.fixture
def snapshot() -> object:
    """`snapshot(path)`: the whole content of a database, to compare before and after."""
    return database_contents
