"""How long `python -m viften allocate` takes, beside a bare process that only solves.

For 30, 1,000 and 15,000 synthetic interventions it times, in one run and interleaved, whole
processes of
  - allocate: `python -m viften allocate --json --db DB --budget B --min-share further=0.35`
  - bare: `python bare.py model.npz`, which imports numpy and scipy.optimize, loads the exact
    arrays allocate hands to `milp` (written here beforehand) and makes one `milp` call with
    the same options;
  - bare, full: the same, on the model exactly as interface.md states it (every intervention
    a variable, bounds 0 to capacity or to 0 where it does not qualify), for comparison;
  - allocate, frozen exit: allocate through `viften.cli.main` with `gc.freeze()` before the
    process ends, as proposed for `viften/__main__.py`: the interpreter's last garbage
    collection then skips the objects of numpy, scipy and duckdb (for comparison).
Both report the objective, and the run stops if they differ. Then it times the efficiency
frontier (20 budgets) on the demo dataset.

Start-up is measured as a user meets it: the children run with compiled bytecode cached (any
PYTHONDONTWRITEBYTECODE in the environment is dropped for them), after one untimed warm-up.
Wall time is the goal's measure; CPU time (user + system) is printed too because it shakes
less on a busy machine.

    .venv/bin/python benchmarks/bench_allocate.py [--sizes 30 1000 15000] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np

from viften.actions import database, interventions
from viften.actions.access import command_line_actor
from viften.model import allocator
from viften.store import db
from viften.store import interventions as store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import write_interventions  # noqa: E402

SHARE = 0.35
BARE = """
import sys
import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

model = np.load(sys.argv[1])
found = milp(c=model["c"], integrality=np.ones(len(model["c"])),
             bounds=Bounds(model["lower"], model["upper"]),
             constraints=LinearConstraint(model["matrix"], model["row_lower"], model["row_upper"]),
             options={"mip_rel_gap": 0.0})
print(-found.fun + float(model["constant"]))
"""
FROZEN_EXIT = """
import gc
from viften.cli import main

code = main({args!r})
gc.freeze()
raise SystemExit(code)
"""
DEFAULT_REPEAT = {30: 15, 1000: 7, 15000: 2}


def child_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and stdout of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=child_environment())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def build_database(folder: Path, count: int) -> Path:
    source = write_interventions(folder / f"interventions-{count}.csv", count)
    path = folder / f"viften-{count}.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
    finally:
        con.close()
    interventions.import_file(path, source.read_bytes(), source.name, command_line_actor())
    return path


def read(path: Path) -> allocator.Interventions:
    with db.connect(path) as con:
        year = store.newest_year(con)
        assert year is not None
        return allocator.Interventions.from_columns(store.intervention_arrays(con, year))


def write_models(
    folder: Path, count: int, data: allocator.Interventions, request: allocator.Request
) -> tuple[Path, Path]:
    """The arrays allocate passes to milp, and the model as interface.md states it."""
    inputs = allocator.milp_inputs(data, request)
    assert inputs is not None
    reduced = folder / f"model-{count}.npz"
    np.savez(
        reduced,
        c=inputs.c,
        lower=inputs.lower,
        upper=inputs.upper,
        matrix=inputs.matrix,
        row_lower=inputs.row_lower,
        row_upper=inputs.row_upper,
        constant=inputs.offset,
    )
    jobs = data.jobs_per_participant(request.objective)
    qualifies = (data.stars >= request.min_stars) & (data.net_effect > 0)
    rows = [data.price] + [
        np.where(data.target_group == g, data.price, 0.0) for g, _ in request.min_shares
    ]
    full = folder / f"model-{count}-full.npz"
    np.savez(
        full,
        c=-np.where(qualifies, jobs, 0.0),
        lower=np.zeros(len(data)),
        upper=np.where(qualifies, data.capacity, 0.0),
        matrix=np.vstack(rows),
        row_lower=np.array([-np.inf] + [s * request.budget for _, s in request.min_shares]),
        row_upper=np.array([request.budget] + [np.inf] * len(request.min_shares)),
        constant=0.0,
    )
    return reduced, full


def frontier_on_demo(folder: Path) -> tuple[float, float, int]:
    """Warm frontier time (median of 5) and the time in a fresh process, scipy import included."""
    path = folder / "demo.duckdb"
    database.ensure(path)
    data = read(path)
    request = allocator.Request.of(allocator.current(data).spend)
    allocator.optimise(data, request)  # scipy imported, caches warm
    times = []
    for _ in range(5):
        start = time.perf_counter()
        allocator.frontier(data, request)
        times.append(time.perf_counter() - start)
    fresh = (
        "import time, sys\n"
        "from pathlib import Path\n"
        "from viften.model import allocator\nfrom viften.store import db\n"
        "from viften.store import interventions as store\n"
        f"with db.connect(Path({str(path)!r})) as con:\n"
        "    cols = store.intervention_arrays(con, store.newest_year(con))\n"
        "data = allocator.Interventions.from_columns(cols)\n"
        "start = time.perf_counter()\n"
        "allocator.frontier(data, allocator.Request.of(allocator.current(data).spend))\n"
        "print(time.perf_counter() - start)\n"
    )
    _, _, out = timed([sys.executable, "-c", fresh])
    return statistics.median(times), float(out), len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 1000, 15000])
    parser.add_argument("--repeat", type=int, help="timed runs per size (default 15/7/2)")
    args = parser.parse_args()
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}",
        flush=True,
    )
    header = (
        f"{'interventions':>13} {'runs':>4} | {'allocate s':>10} {'bare s':>8} "
        f"{'ratio':>6} | {'min alloc':>9} {'min bare':>8} {'ratio':>6} | "
        f"{'cpu ratio':>9} | {'bare full s':>11} | {'frozen exit s':>13} {'ratio':>6} | "
        "objective"
    )
    with tempfile.TemporaryDirectory(prefix="viften-bench-") as name:
        folder = Path(name)
        bare = folder / "bare.py"
        bare.write_text(BARE)
        rows = []
        for count in args.sizes:
            path = build_database(folder, count)
            data = read(path)
            budget = round(0.5 * allocator.current(data).spend, -5)
            request = allocator.Request.of(budget, min_shares={"further": SHARE})
            reduced, full = write_models(folder, count, data, request)
            allocate = [
                sys.executable,
                "-m",
                "viften",
                "allocate",
                "--json",
                "--db",
                str(path),
                "--budget",
                str(budget),
                "--min-share",
                f"further={SHARE}",
            ]
            solve = [sys.executable, str(bare), str(reduced)]
            solve_full = [sys.executable, str(bare), str(full)]
            frozen = [sys.executable, "-c", FROZEN_EXIT.format(args=allocate[3:])]
            if count == args.sizes[0]:
                timed(allocate), timed(solve)  # warm-up: bytecode cached, files in memory
            repeat = args.repeat or DEFAULT_REPEAT.get(count, 3)
            walls: dict[str, list[float]] = {"allocate": [], "bare": [], "full": [], "frozen": []}
            cpus: dict[str, list[float]] = {"allocate": [], "bare": []}
            objectives: dict[str, float] = {}
            for run in range(repeat):
                for key, command in (("allocate", allocate), ("bare", solve)):
                    wall, cpu, out = timed(command)
                    walls[key].append(wall)
                    cpus[key].append(cpu)
                    objectives[key] = (
                        json.loads(out)["expected_jobs"] if key == "allocate" else float(out)
                    )
                walls["frozen"].append(timed(frozen)[0])
                if run == 0:
                    wall, _, out = timed(solve_full)
                    walls["full"].append(wall)
                    objectives["full"] = float(out)
            alloc_jobs = objectives["allocate"]
            if not all(abs(alloc_jobs - v) <= 1e-6 * max(1.0, abs(v)) for v in objectives.values()):
                raise SystemExit(f"objectives differ at {count}: {objectives}")
            med = {k: statistics.median(v) for k, v in walls.items()}
            low = {k: min(v) for k, v in walls.items()}
            cpu_ratio = statistics.median(cpus["allocate"]) / statistics.median(cpus["bare"])
            rows.append(
                f"{count:>13,} {repeat:>4} | {med['allocate']:>10.3f} {med['bare']:>8.3f} "
                f"{med['allocate'] / med['bare']:>6.2f} | {low['allocate']:>9.3f} "
                f"{low['bare']:>8.3f} {low['allocate'] / low['bare']:>6.2f} | "
                f"{cpu_ratio:>9.2f} | {med['full']:>11.3f} | {med['frozen']:>13.3f} "
                f"{med['frozen'] / med['bare']:>6.2f} | {alloc_jobs:,.4f} (all equal)"
            )
            print(f"  done {count:,} interventions", file=sys.stderr, flush=True)
        print(
            "\nallocate against a bare milp process on the same model "
            "(wall seconds: median, then fastest run)"
        )
        print(header)
        for line in rows:
            print(line)
        warm, fresh, size = frontier_on_demo(folder)
        print(
            f"\nfrontier, 20 budgets on the demo data ({size} interventions): "
            f"{warm:.3f} s warm; {fresh:.3f} s as the first solve of a process "
            "(scipy import included)"
        )
        print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
