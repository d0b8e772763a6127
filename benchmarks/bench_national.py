"""Every figure of national scale (issue 15) as a ratio against a bare baseline, in one run.

On a SYNTHETIC national dataset (`synthetic.write_national_interventions`: 14.700
interventions in 98 invented kommuner, and 2.000.000 invented outcome records), each figure
times whole processes, interleaved, as a new user meets them:

- `import`: `python -m viften import FILE --db NEW` against a bare process that opens a DuckDB
  file and stores the same file with `read_csv` (CREATE TABLE AS);
- `outcomes import`: `python -m viften outcomes import FILE` against a bare process that stores
  the records with `read_csv` and counts them with GROUP BY;
- landing page, first render: `streamlit run app.py` on the national database, from launching
  the server to the fan page rendered and finished in headless Chromium, against the same for a
  one-line Streamlit app;
- `allocate`, proven optimal: `python -m viften allocate --json --budget B --min-share
  further=0.35` against a bare process that loads the very arrays `allocate` would hand to
  `milp` without its reduction (`allocator.milp_inputs`) and makes one `milp` call with the same
  options; the two objectives must agree, or the run stops;
- the frontier (20 budgets) against one solve of the same request, in one process.

The best of the runs is the figure (the machine may be shared; the least disturbed run is the
fairest), the median is printed beside it.

    .venv/bin/python benchmarks/bench_national.py [--repeat 3] [--interventions 14700]
        [--records 2000000] [--skip pages]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402
from bench_allocate import BARE  # noqa: E402

SHARE = 0.35
BARE_IMPORT = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE raw_interventions AS SELECT * FROM read_csv(?)", [sys.argv[2]])
con.close()
"""
BARE_OUTCOMES = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("CREATE OR REPLACE TABLE raw_records AS SELECT * FROM read_csv(?)", [sys.argv[2]])
con.execute('SELECT intervention, year, "group", count(*), '
            'sum(CAST(employed AS INTEGER)) FROM raw_records GROUP BY ALL').fetchall()
con.close()
"""
BARE_MILP = BARE
"""The bare process: one `milp` call on the arrays `allocate` would hand it (bench_allocate's)."""
ONE_LINE_APP = "import streamlit as st\nst.write('baseline')\n"
STREAMLIT_CONFIG = """[server]
headless = true
address = "127.0.0.1"
fileWatcherType = "none"
runOnSave = false
[browser]
gatherUsageStats = false
serverAddress = "localhost"
[client]
toolbarMode = "minimal"
"""
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
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def child_environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def timed(command: list[str], **extra: str) -> tuple[float, str]:
    """Wall seconds and stdout of one whole process (it must succeed)."""
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, env=child_environment(**extra)
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return wall, done.stdout


def viften(*args: str) -> list[str]:
    return [sys.executable, "-m", "viften", *args]


class Figures:
    """The table printed at the end."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, list[float], list[float], str, str]] = []

    def add(self, name: str, ours: list[float], bare: list[float], against: str, goal: str):
        self.rows.append((name, ours, bare, against, goal))
        best = min(ours) / min(bare)
        print(
            f"  {name}: {min(ours):.3f} s against {min(bare):.3f} s → {best:.2f}× "
            f"(runs {', '.join(f'{v:.2f}' for v in ours)} | {', '.join(f'{v:.2f}' for v in bare)})",
            flush=True,
        )

    def print(self) -> None:
        print()
        header = (
            f"{'figure':<34} {'viften s':>9} {'bare s':>8} {'ratio':>7} {'median':>7} "
            f"{'goal':>8}  against"
        )
        print(header)
        print("-" * len(header))
        for name, ours, bare, against, goal in self.rows:
            ratio = min(ours) / min(bare)
            median = statistics.median(ours) / statistics.median(bare)
            print(
                f"{name:<34} {min(ours):>9.3f} {min(bare):>8.3f} {ratio:>6.2f}× {median:>6.2f}× "
                f"{goal:>8}  {against}"
            )


def empty_database(path: Path) -> Path:
    import duckdb

    from viften.store import db

    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
    finally:
        con.close()
    return path


def bench_import(folder: Path, source: Path, repeat: int, figures: Figures) -> Path:
    """Times `import`; returns a database holding the national interventions."""
    template = empty_database(folder / "empty.duckdb")
    ours, bare = [], []
    kept = folder / "national.duckdb"
    for run in range(repeat + 1):  # the first pair warms the caches and is not counted
        target = folder / "import.duckdb"
        shutil.copy(template, target)
        wall, _ = timed(viften("import", str(source), "--db", str(target)))
        bare_target = folder / "bare-import.duckdb"
        bare_target.unlink(missing_ok=True)
        bare_wall, _ = timed([sys.executable, "-c", BARE_IMPORT, str(bare_target), str(source)])
        if run:
            ours.append(wall)
            bare.append(bare_wall)
        if run == repeat:
            shutil.move(target, kept)
        else:
            target.unlink()
    figures.add("import (interventions)", ours, bare, "bare DuckDB read_csv into a file", "≤ 2,5×")
    return kept


def bench_outcomes(
    folder: Path, national: Path, records: Path, repeat: int, figures: Figures
) -> None:
    ours, bare = [], []
    for run in range(repeat + 1):
        target = folder / "outcomes.duckdb"
        shutil.copy(national, target)
        wall, _ = timed(viften("outcomes", "import", str(records), "--db", str(target)))
        bare_target = folder / "bare-outcomes.duckdb"
        shutil.copy(national, bare_target)
        bare_wall, _ = timed([sys.executable, "-c", BARE_OUTCOMES, str(bare_target), str(records)])
        target.unlink()
        bare_target.unlink()
        if run:
            ours.append(wall)
            bare.append(bare_wall)
    figures.add(
        "outcomes import", ours, bare, "bare DuckDB read_csv + GROUP BY into a file", "≤ 2×"
    )


def read_national(path: Path):  # -> allocator.Interventions
    from viften.model import allocator
    from viften.store import db
    from viften.store import interventions as store

    with db.connect(path) as con:
        year = store.newest_year(con)
        assert year is not None
        return allocator.Interventions.from_columns(store.intervention_arrays(con, year))


def bench_allocate(folder: Path, national: Path, repeat: int, figures: Figures) -> None:
    import numpy as np

    from viften.model import allocator

    data = read_national(national)
    budget = round(0.5 * allocator.current(data).spend, -5)
    request = allocator.Request.of(budget, min_shares={"further": SHARE})
    inputs = allocator.milp_inputs(data, request)
    assert inputs is not None
    model = folder / "model.npz"
    np.savez(
        model,
        c=inputs.c,
        lower=inputs.lower,
        upper=inputs.upper,
        matrix=inputs.matrix,
        row_lower=inputs.row_lower,
        row_upper=inputs.row_upper,
        constant=inputs.offset,
    )
    bare_script = folder / "bare_milp.py"
    bare_script.write_text(BARE_MILP)
    command = viften(
        "allocate",
        "--json",
        "--db",
        str(national),
        "--budget",
        str(budget),
        "--min-share",
        f"further={SHARE}",
    )
    print(
        f"  allocate: {len(data):,} interventions, {len(inputs.c):,} variables, "
        f"budget {budget:,.0f} kr., further ≥ {SHARE:.0%}",
        flush=True,
    )
    ours, bare = [], []
    timed(command)  # warm-up: bytecode cached, files in memory
    for _ in range(repeat):
        wall, out = timed(command)
        ours.append(wall)
        reached = json.loads(out)["expected_jobs"]
        bare_wall, bare_out = timed([sys.executable, str(bare_script), str(model)])
        bare.append(bare_wall)
        if abs(reached - float(bare_out)) > 1e-6 * max(1.0, abs(reached)):
            raise SystemExit(f"objectives differ: allocate {reached}, bare milp {bare_out}")
    figures.add("allocate, proven optimal", ours, bare, "bare milp process, same model", "≤ 0,25×")
    # the frontier against one solve, in one process (scipy imported, nothing else cached)
    one, curve = [], []
    allocator.optimise(data, request.with_budget(budget / 3))
    for _ in range(repeat):
        start = time.perf_counter()
        allocator.optimise(data, request)
        one.append(time.perf_counter() - start)
        start = time.perf_counter()
        points = allocator.frontier(data, request)
        curve.append(time.perf_counter() - start)
    figures.add(
        f"frontier ({len(points)} budgets)", curve, one, "one allocate solve, in process", "≤ 2×"
    )


def wait_healthy(port: int, process: subprocess.Popen[bytes], limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"streamlit on {port} ended with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"streamlit on {port} did not start within {limit:.0f} s")


@contextlib.contextmanager
def serving(folder: Path, script: Path, port: int, **env: str) -> Iterator[None]:
    """`streamlit run script` on `port` (output logged in `folder`), until the block ends."""
    import signal

    log = (folder / f"streamlit-{port}.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
        ],
        cwd=script.parent,
        env=child_environment(**env),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_healthy(port, process)
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def first_render(
    browser, folder: Path, script: Path, port: int, ready: Callable[[object], None], **env: str
) -> float:
    """Seconds from launching `streamlit run script` to its page rendered and finished."""
    start = time.perf_counter()
    with serving(folder, script, port, **env):
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        try:
            page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
            ready(page)
            page.wait_for_selector(DONE, timeout=120_000)
            return time.perf_counter() - start
        finally:
            page.close()


def bench_pages(folder: Path, national: Path, repeat: int, figures: Figures) -> None:
    from playwright.sync_api import sync_playwright

    baseline = folder / "baseline" / "baseline.py"
    baseline.parent.mkdir()
    baseline.write_text(ONE_LINE_APP)
    (baseline.parent / ".streamlit").mkdir()
    (baseline.parent / ".streamlit" / "config.toml").write_text(STREAMLIT_CONFIG)
    database = folder / "pages.duckdb"
    shutil.copy(national, database)

    def baseline_ready(page) -> None:
        page.get_by_text("baseline").wait_for(timeout=120_000)

    def fan_ready(page) -> None:
        # the fan page's matrix: a chart or the table of tiles, whichever it draws
        page.wait_for_selector(
            '[data-testid="stMain"] h1, [data-testid="stMain"] h2', timeout=120_000
        )

    ours, bare = [], []
    port = int(os.environ.get("VIFTEN_BENCH_PORT", "8604"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for run in range(repeat + 1):
                one_line = first_render(browser, folder, baseline, port, baseline_ready)
                app = first_render(
                    browser, folder, REPO / "app.py", port, fan_ready, VIFTEN_DB=str(database)
                )
                if run:
                    bare.append(one_line)
                    ours.append(app)
        finally:
            browser.close()
    figures.add("landing page, first render", ours, bare, "one-line Streamlit app, cold", "≤ 1,5×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--interventions", type=int, default=synthetic.NATIONAL_INTERVENTIONS)
    parser.add_argument("--records", type=int, default=synthetic.NATIONAL_RECORDS)
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=["import", "outcomes", "allocate", "pages"],
        help="figures to leave out (import is still run once to build the database)",
    )
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}; SYNTHETIC national data: {args.interventions:,} "
        f"interventions, {args.records:,} outcome records",
        flush=True,
    )
    figures = Figures()
    with tempfile.TemporaryDirectory(prefix="viften-national-") as name:
        folder = Path(name)
        started = time.perf_counter()
        source = synthetic.write_national_interventions(folder / "national.csv", args.interventions)
        records = synthetic.write_national_records(
            folder / "records.csv",
            args.records,
            synthetic.national_names(args.interventions),
        )
        print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)
        if "import" in args.skip:
            national = folder / "national.duckdb"
            empty_database(national)
            timed(viften("import", str(source), "--db", str(national)))
        else:
            national = bench_import(folder, source, args.repeat, figures)
        sections = (
            ("outcomes", lambda: bench_outcomes(folder, national, records, args.repeat, figures)),
            ("allocate", lambda: bench_allocate(folder, national, args.repeat, figures)),
            ("pages", lambda: bench_pages(folder, national, args.repeat, figures)),
        )
        for name, run in sections:
            if name in args.skip:
                continue
            try:
                run()
            except Exception as error:  # one broken figure must not hide the others
                print(f"  {name}: FAILED: {type(error).__name__}: {error}"[:400], flush=True)
    figures.print()
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
