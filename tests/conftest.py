"""Shared fixtures: temporary databases, and the app served for Chromium (browser tests)."""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pg
import pytest
from hypothesis import settings
from pg import Cluster

# Every run, on CI and here alike, tries the same examples: a property test that passes once
# passes always, and a failure seen anywhere is seen again everywhere. New examples are found on
# purpose (HYPOTHESIS_PROFILE=explore) and each one found is kept in its test as an @example.
settings.register_profile("viften", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", settings.get_profile("viften"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "viften"))

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
ARTIFACTS = REPO / "test-artifacts"
PATIENCE_MS = 180_000
"""How long a browser test waits for a state before it gives up. A ceiling, never a pause: every
wait returns as soon as its state is there, so only a broken app ever waits this long, and a
loaded machine (CI's two cores, shared) never fails a test that is right."""
SERVER_START_S = 180.0
STARTED = "You can now view your Streamlit app"


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test process from src/viften/data/demo_*.csv. Never
    write to it: a test that may write takes `db_path`, a copy of its own."""
    from viften.actions import database

    path = tmp_path_factory.mktemp("demo") / "viften.duckdb"
    return database.ensure(path)


def copy_of_demo(demo_database: Path, folder: Path) -> Path:
    """A file copy of the session's demo database: as the app would build it, but in no time."""
    path = folder / "viften.duckdb"
    shutil.copyfile(demo_database, path)
    return path


@pytest.fixture
def db_path(
    backend: str,
    request: pytest.FixtureRequest,
    demo_database: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """A demo database of this test's own (a copy of the session's), also in VIFTEN_DB: a
    DuckDB file, or a PostgreSQL database where `backend` is "postgres"."""
    if backend == "postgres":
        from viften.store.location import PostgresURL

        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        url = cluster.fresh_database(template=request.getfixturevalue("postgres_demo"))
        monkeypatch.setenv("VIFTEN_DB", url)
        return PostgresURL(url)
    path = copy_of_demo(demo_database, tmp_path)
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


def start_server(
    db: Path, log: Path, env: dict[str, str] | None = None
) -> tuple[Server, subprocess.Popen]:
    """Start the app and return once it says it listens (its output goes to `log`)."""
    from viften.actions import database

    database.ensure(db)  # created here, so a test may read it before the first page load
    port = _free_port()
    environment = {
        **os.environ,
        "VIFTEN_DB": str(db),
        "VIFTEN_EDITOR_PASSWORD": "test-pw",
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
        ],
        cwd=REPO,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        text=True,
        bufsize=1,
    )
    listening, answered = threading.Event(), threading.Event()
    threading.Thread(
        target=_copy_output, args=(process, log, listening, answered), daemon=True
    ).start()
    answered.wait(SERVER_START_S)
    url = f"http://127.0.0.1:{port}"
    if listening.is_set():
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=SERVER_START_S) as answer:
            if answer.read().decode().strip() == "ok":
                return Server(url, db, log), process
    stop_server(process)
    raise RuntimeError(f"the app did not start; its log:\n{log.read_text()}")


def _copy_output(
    process: subprocess.Popen, log: Path, listening: threading.Event, answered: threading.Event
) -> None:
    """Copy the server's output to `log` line by line; `answered` once it listens (`listening`
    then set too) or its output has ended."""
    assert process.stdout is not None
    with log.open("w") as handle:
        for line in process.stdout:
            handle.write(line)
            handle.flush()
            if STARTED in line:
                listening.set()
                answered.set()
    answered.set()


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
def app_server(demo_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on a demo database of its own, served for this test module."""
    folder = tmp_path_factory.mktemp("server")
    server, process = start_server(copy_of_demo(demo_database, folder), folder / "streamlit.log")
    try:
        yield server
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def kommuner_server(
    demo_database: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The app on a demo database of its own with more kommuner (`add_municipalities`),
    served for this test module."""
    folder = tmp_path_factory.mktemp("kommuner")
    path = add_municipalities(copy_of_demo(demo_database, folder), folder)
    server, process = start_server(path, folder / "streamlit.log")
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
    context.set_default_timeout(PATIENCE_MS)
    context.set_default_navigation_timeout(PATIENCE_MS)
    browser_page = context.new_page()
    browser_page.dialogs = []
    browser_page.errors = []
    browser_page.on("dialog", lambda d: (browser_page.dialogs.append(d.message), d.dismiss()))
    browser_page.on("pageerror", lambda e: browser_page.errors.append(str(e)))
    try:
        yield browser_page
    finally:
        context.close()


def wait_for_app(page: object, timeout: float = PATIENCE_MS) -> None:
    """Wait until the current Streamlit run has finished. Wait for the content you expect
    first: this state also holds before a rerun has started."""
    page.wait_for_selector(  # type: ignore[attr-defined]
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout
    )


PAINTED = (
    "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame("
    "() => setTimeout(done, 0))))"
)
"""Resolves once the page has painted what it holds and run the effects that follow a paint."""


def press_shortcut(page: object, key: str, button_key: str) -> None:
    """Press `key`, the shortcut of the button with Streamlit key `button_key`, once it listens.

    A shortcut works only while its button is on the page and enabled, and it is bound in an
    effect that runs after the button is painted. Under load the app reports its run as
    finished (notRunning) before the last elements of the run, the controls, are drawn, so a
    key pressed at notRunning can reach a page where nothing listens for it and is lost.
    """
    page.locator(f".st-key-{button_key} button:not([disabled])").wait_for()  # type: ignore[attr-defined]
    wait_for_app(page)
    page.evaluate(PAINTED)  # type: ignore[attr-defined]
    page.keyboard.press(key)  # type: ignore[attr-defined]


def screenshot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
    return target


# --- the foundation's tests: an empty database and a snapshot of what it holds --------------


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster for this test process (tests/pg.py); skipped where
    PostgreSQL is not installed, except on CI."""
    found = pg.binaries()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; scripts/test.sh installs it")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    cluster = Cluster.start(found)
    try:
        yield cluster
    finally:
        cluster.stop(found)


@pytest.fixture(scope="session")
def postgres_demo(postgres_cluster: Cluster) -> str:
    """The name of a PostgreSQL database with the demo data, built once per test process, for
    copies (CREATE DATABASE … TEMPLATE) only."""
    from viften.actions import database
    from viften.store import postgres
    from viften.store.location import PostgresURL

    url = postgres_cluster.fresh_database()
    database.ensure(PostgresURL(url))
    postgres.close_pools()  # PostgreSQL copies a database only while no one is connected to it
    return url.rsplit("/", 1)[1]


@pytest.fixture(params=[os.environ.get("VIFTEN_TEST_BACKEND", "duckdb")])
def backend(request: pytest.FixtureRequest) -> str:
    """The store a test's database is in: DuckDB (VIFTEN_TEST_BACKEND=postgres tries every
    test on PostgreSQL); a module that tests both stores overrides this fixture with
    `params=pg.BOTH`."""
    return str(request.param)


@pytest.fixture
def empty_db(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A database of this test's own with the schema and no interventions (no demo data):
    a DuckDB file, or a new PostgreSQL database where `backend` is "postgres"."""
    import duckdb

    from viften.store import db

    if backend == "postgres":
        from viften.store import postgres
        from viften.store.location import PostgresURL

        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        location = PostgresURL(cluster.fresh_database())
        with db.postgres_creation(location) as (con, _):
            postgres.create_schema(con, db.SCHEMA, db.SCHEMA_VERSION)
        monkeypatch.setenv("VIFTEN_DB", location.url)
        return location
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

    from viften.store import db
    from viften.store.location import PostgresURL

    if isinstance(path, PostgresURL):
        with db.connect(path) as pg:
            return {
                table: sorted(pg.execute(f"SELECT * FROM {table}").fetchall(), key=repr)  # noqa: S608
                for table in ("interventions", "history", "outcomes", "settings")
            }

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


def add_municipalities(path: Path, folder: Path, municipalities: int = 4) -> Path:
    """Add a small national synthetic dataset (issue 14) to the database at `path`: a few
    kommuner whose interventions share kinds, with outcome records, and one kommune with a
    name and kind a user typed as markup. Returns `path`."""
    from viften.actions import database, outcomes
    from viften.actions import interventions as actions
    from viften.actions.access import Actor
    from viften.files import synthetic as files
    from viften.model import synthetic

    editor = Actor("Test Editor", "editor")
    database.ensure(path)
    data = synthetic.national(
        seed=7, municipalities=municipalities, interventions=14 * municipalities, records=8_000
    )
    data.interventions["municipality"][0] = "<b>Fed</b> *kommune*"
    data.interventions["kind"][0] = "Virksomhedspraktik"
    written = files.write(data, folder / "national", seed=7)
    actions.import_file(
        path, written["interventions"].read_bytes(), written["interventions"].name, editor
    )
    outcomes.import_records(path, written["outcomes"], editor)
    return path


# --- accounts: a session signed in as the app would sign it in --------------------------------


def sign_in(app: object, name: str = "Editor", role: str = "editor") -> str:
    """Sign the AppTest `app` in as `name` with `role`: the account is stored in the database
    of $VIFTEN_DB (without a real hash: no test signs in with its password), and the session
    gets a token from the server's registry, the way the sign-in form gives one. Setting
    session state by hand grants nothing (tests/app/test_page_users.py)."""
    from viften.actions import sessions, users
    from viften.actions.access import Actor
    from viften.store import db, paths
    from viften.store import users as accounts

    path = paths.database_path()
    with db.transaction(path) as con:
        if accounts.account(con, name) is None:
            accounts.insert(con, name, role, "not-a-hash")
        else:
            accounts.set_role(con, name, role)
    token = sessions.start(
        users.SignedIn(Actor(name, role)), sessions.browser_fingerprint(None, None)
    )
    app.session_state["viften_session"] = token  # type: ignore[attr-defined]
    return token


def viften_modules_imported_by(script: Path) -> set[str]:
    """The viften modules a script imports at its top level: a name imported from a module
    counts as that module, unless the name is a module itself."""

    def is_module(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:  # its parent is a module, not a package
            return False

    found: set[str] = set()
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("viften"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if is_module(candidate) else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("viften")}
    return found
