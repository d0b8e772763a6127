"""Many users at once: concurrent headless Chromium sessions against one app server.

Starts one `streamlit run app.py` on a copy of the demo database (loopback only), with one
editor account, and drives N sessions at once (default 20; at most 50), each in its own
browser context:

1. the fan page (`/`) loads: the first render of a new session;
2. a filter change: the minimum of stars set to ★★+ in the sidebar;
3. the budget page, through the sidebar navigation (it solves at demo size);
4. session 0 also writes as an editor: signs in on the interventions page and imports a
   one-row file, which must appear in the history under the editor's name.

Each step is timed from the action to its content on the page and the run finished. It prints
p50/p95 per step, every error (a timeout, a page error, a Streamlit exception on the page), and
the server's memory (RSS) before the sessions and with all of them open, per session. A
benchmark script: it asserts nothing and is bounded in sessions and in time.

    .venv/bin/python benchmarks/load_test.py [--sessions 20] [--port 8604] [--time-limit 600]
        [--interventions 14700] [--db postgresql://…]

With `--db`, an empty PostgreSQL database is filled and served from instead (the sessions then
share the server process's pool of connections to it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench_national import CHROMIUM_ARGS  # the same browser as every benchmark

REPO = Path(__file__).resolve().parents[1]
MAX_SESSIONS = 50
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
EDITOR, PASSWORD = "Lasttest", "lasttest-kodeord-1"
STEP_TIMEOUT_MS = 180_000
"""A ceiling per step: on a loaded machine 20 browsers parsing the app at once take long."""


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)


def rss_kib(pid: int) -> int:
    """Resident memory of one process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def prepare_database(folder: Path, interventions: int = 0, url: str | None = None) -> Path:
    """The demo database with one editor; with `interventions`, that many SYNTHETIC national
    interventions besides (`synthetic.write_national_interventions`), imported as a user would.
    With `url`, that empty PostgreSQL database is filled instead of a new DuckDB file."""
    from viften.actions import database, users
    from viften.actions.access import ADMIN, Actor
    from viften.actions.access import EDITOR as EDITOR_ROLE
    from viften.store.location import PostgresURL

    path = PostgresURL(url) if url else folder / "load.duckdb"
    database.ensure(path)
    users.add(path, Actor("load test", ADMIN), EDITOR, EDITOR_ROLE, PASSWORD)
    if interventions:
        import synthetic

        national = synthetic.write_national_interventions(folder / "national.csv", interventions)
        subprocess.run(
            [sys.executable, "-m", "viften", "import", str(national), "--db", url or str(path)],
            check=True,
            capture_output=True,
        )
    return path


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "VIFTEN_EDITOR_PASSWORD"}
    env["VIFTEN_DB"] = getattr(db, "url", str(db))  # a PostgresURL shows without its password
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server ended with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return process
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not start within 180 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


async def finished(page) -> None:
    await page.wait_for_selector(DONE, timeout=STEP_TIMEOUT_MS)


async def step(tally: Tally, number: int, name: str, action, ready) -> bool:
    """Time `action` until `ready` and the run has finished; an error is counted, not raised."""
    start = time.perf_counter()
    try:
        await action()
        await ready()
        tally.times[name].append(time.perf_counter() - start)
        return True
    except Exception as error:  # a benchmark reports every failure and carries on
        tally.errors.append(f"session {number}, {name}: {type(error).__name__}: {error}"[:300])
        return False


async def session(browser, base: str, number: int, tally: Tally, upload: Path) -> None:
    """One user's walk; its context stays open until the memory is read."""
    context = await browser.new_context(viewport={"width": 1366, "height": 768}, locale="da-DK")
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = await context.new_page()
    page.on("pageerror", lambda e: tally.errors.append(f"session {number}, page error: {e}"))
    sidebar = page.locator('[data-testid="stSidebar"]')

    async def fan_shown() -> None:
        await page.locator("h1", has_text="Tilbudsviften").first.wait_for()
        await finished(page)

    async def stars_set() -> None:
        await page.wait_for_url("**stars=2**", timeout=STEP_TIMEOUT_MS)
        await finished(page)

    async def budget_shown() -> None:
        await page.locator("h1", has_text="Budget").first.wait_for()
        await finished(page)

    if not await step(
        tally,
        number,
        "first render (fan)",
        lambda: page.goto(base + "/", wait_until="commit"),
        fan_shown,
    ):
        return
    if not await step(
        tally,
        number,
        "filter change",
        lambda: sidebar.get_by_text("★★+", exact=True).click(),
        stars_set,
    ):
        return
    await step(
        tally,
        number,
        "budget page",
        lambda: sidebar.locator('[data-testid="stSidebarNav"] a[href$="/budget"]').click(),
        budget_shown,
    )
    await exceptions_on(page, number, tally)
    if number == 0:
        await editor_write(page, base, number, tally, upload)


async def exceptions_on(page, number: int, tally: Tally) -> None:
    count = await page.locator('[data-testid="stException"]').count()
    if count:
        tally.errors.append(f"session {number}: {count} Streamlit exception(s) on the page")


async def editor_write(page, base: str, number: int, tally: Tally, upload: Path) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')

    async def open_page() -> None:
        await page.goto(base + "/interventions", wait_until="commit")

    async def sign_in_shown() -> None:
        await sidebar.locator('[data-testid="stExpander"] summary', has_text="Log ind").wait_for()
        await finished(page)

    if not await step(tally, number, "editor: interventions page", open_page, sign_in_shown):
        return

    async def sign_in() -> None:
        await sidebar.locator('[data-testid="stExpander"] summary', has_text="Log ind").click()
        await sidebar.get_by_label("Brugernavn").fill(EDITOR)
        await sidebar.get_by_label("Adgangskode").fill(PASSWORD)
        await sidebar.get_by_role("button", name="Log ind").click()

    async def signed_in() -> None:
        await page.wait_for_selector(f"text=Logget ind: {EDITOR}", timeout=STEP_TIMEOUT_MS)
        await finished(page)

    if not await step(tally, number, "editor: sign in", sign_in, signed_in):
        return
    tab = page.get_by_role("tab", name="Importér")
    await tab.wait_for()
    await finished(page)
    await tab.click()

    async def import_file() -> None:
        await page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            str(upload)
        )
        await page.get_by_role("button", name=f"Importér {upload.name}").click()

    async def imported() -> None:
        await page.wait_for_selector("text=Importeret: 1 nye", timeout=STEP_TIMEOUT_MS)
        await finished(page)

    await step(tally, number, "editor: import (write)", import_file, imported)
    await exceptions_on(page, number, tally)


async def drive(base: str, sessions: int, upload: Path, tally: Tally, on_open) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            # a warm-up session: the server's imports and caches are not the sessions' memory
            warm = await browser.new_page()
            await warm.goto(base + "/")
            await warm.locator("h1", has_text="Tilbudsviften").first.wait_for(
                timeout=STEP_TIMEOUT_MS
            )
            await finished(warm)
            await warm.close()
            on_open("before")
            # every session keeps its page open until all have run, so the memory is theirs
            walks = [session(browser, base, n, tally, upload) for n in range(sessions)]
            await asyncio.gather(*walks)
        finally:
            on_open("after")  # every context still open, also when the time limit struck
            await browser.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--port", type=int, default=8604)
    parser.add_argument("--time-limit", type=float, default=600.0, help="seconds, at most")
    parser.add_argument(
        "--interventions",
        type=int,
        default=0,
        help="SYNTHETIC national interventions besides the demo's (14700: national size)",
    )
    parser.add_argument(
        "--db",
        help="an empty PostgreSQL database (postgresql://…) to fill and serve from, in place "
        "of a new DuckDB file",
    )
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    print(
        f"{sessions} concurrent sessions against one server on 127.0.0.1:{args.port}; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; the demo data"
        + (f" and {args.interventions:,} SYNTHETIC interventions" if args.interventions else "")
        + ("; in PostgreSQL" if args.db else ""),
        flush=True,
    )
    folder = Path(tempfile.mkdtemp(prefix="viften-load-"))
    tally = Tally()
    memory: dict[str, int] = {}
    try:
        db = prepare_database(folder, args.interventions, args.db)
        upload = folder / "lasttest.csv"
        upload.write_text(
            "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\n"
            "Lasttestens indsats;tættere på;12.000;40 %;2;2026\n",
            encoding="utf-8",
        )
        log = folder / "streamlit.log"
        server = start_server(db, args.port, log)
        try:
            started = time.perf_counter()

            def measure(moment: str) -> None:
                memory[moment] = rss_kib(server.pid)

            try:
                asyncio.run(
                    asyncio.wait_for(
                        drive(f"http://127.0.0.1:{args.port}", sessions, upload, tally, measure),
                        timeout=args.time_limit,
                    )
                )
            except TimeoutError:
                tally.errors.append(f"the run was stopped at the time limit ({args.time_limit} s)")
            elapsed = time.perf_counter() - started
        finally:
            stop_server(server)
        written = check_write(db)
        report(tally, memory, sessions, elapsed, written, log)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_write(db: Path) -> bool:
    from viften.store import db as store_db
    from viften.store import interventions as store

    with store_db.connect(db) as con:
        return any(
            row["user"] == EDITOR and row["name"] == "Lasttestens indsats"
            for row in store.history(con, 20)
        )


def report(
    tally: Tally,
    memory: dict[str, int],
    sessions: int,
    elapsed: float,
    written: bool,
    log: Path,
) -> None:
    print(f"\nall sessions done in {elapsed:.1f} s\n")
    print(f"{'step':<30} {'n':>3} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    every: list[float] = []
    for name, values in tally.times.items():
        every.extend(values if not name.startswith("first") else [])
        print(
            f"{name:<30} {len(values):>3} {statistics.median(values):>7.2f} "
            f"{percentile(values, 0.95):>7.2f} {max(values):>7.2f}"
        )
    if every:
        print(
            f"{'reruns (all but first render)':<30} {len(every):>3} "
            f"{statistics.median(every):>7.2f} {percentile(every, 0.95):>7.2f} {max(every):>7.2f}"
        )
    print(f"\nerrors: {len(tally.errors)}")
    for error in tally.errors[:30]:
        print(f"  {error}")
    print(f"the editor's write is in the history: {'yes' if written else 'NO'}")
    if "before" in memory and "after" in memory:
        before, after = memory["before"] / 1024, memory["after"] / 1024
        print(
            f"server RSS: {before:.0f} MiB before, {after:.0f} MiB with {sessions} sessions "
            f"open: {(after - before) / sessions:.1f} MiB per session"
        )
    problems = [
        line for line in log.read_text(errors="replace").splitlines() if "Traceback" in line
    ]
    print(f"tracebacks in the server log: {len(problems)}")


if __name__ == "__main__":
    main()
