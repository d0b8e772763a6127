"""Timings of the outcome import and the Monte Carlo; prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_outcomes.py [--records 2000000] [--repeat 3]

1. The whole `python -m viften outcomes import FILE` of N generated records (a fresh
   process each time, validation included), next to a whole process that only stores
   the same file with DuckDB's read_csv in a database file and aggregates it with
   GROUP BY. Goal: the import within 2× of that.
2. The Monte Carlo for 15,000 interventions (10,000 draws each): each one's chance of
   paying off, and the spread of an allocation over all of them. Goal: under 1 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]

BARE = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("CREATE OR REPLACE TABLE raw_records AS SELECT * FROM read_csv(?)", [sys.argv[2]])
con.execute('SELECT intervention, year, "group", count(*), sum(CAST(employed AS INTEGER)) '
            'FROM raw_records GROUP BY ALL').fetchall()
con.close()
"""


def interventions(database: Path) -> list[tuple[str, int]]:
    import duckdb

    con = duckdb.connect(str(database), read_only=True)
    try:
        return [
            (r[0], int(r[1]))
            for r in con.execute(
                "SELECT name, year FROM interventions WHERE year = (SELECT max(year) "
                "FROM interventions) ORDER BY name"
            ).fetchall()
        ]
    finally:
        con.close()


def write_records(path: Path, names: list[tuple[str, int]], count: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    which = rng.integers(0, len(names), count)
    treatment = rng.random(count) < 0.5
    employed = rng.random(count) < np.where(treatment, 0.45, 0.35)
    labels = np.array([f'"{n}",{y}' for n, y in names], dtype=object)
    groups = np.where(treatment, "treatment", "control").astype(object)
    jobs = employed.astype(int).astype(str).astype(object)
    people = np.char.add("p", np.arange(count).astype(str)).astype(object)
    lines = labels[which] + "," + groups + "," + jobs + "," + people + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("intervention,year,group,employed,person_id\n")
        for start in range(0, count, 200_000):
            handle.write("".join(lines[start : start + 200_000]))


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return elapsed


def bench_import(records: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="viften-bench-") as folder:
        base = Path(folder) / "base.duckdb"
        subprocess.run(
            [sys.executable, "-m", "viften", "init", "--db", str(base)],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        names = interventions(base)
        csv_path = Path(folder) / "records.csv"
        started = time.perf_counter()
        write_records(csv_path, names, records)
        size = csv_path.stat().st_size / 1e6
        print(
            f"generated {records:,} records for {len(names)} interventions "
            f"({size:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )
        imports, bares, again = [], [], []
        for _ in range(repeat):
            target = Path(folder) / "import.duckdb"
            shutil.copy(base, target)
            imports.append(
                timed(
                    [
                        sys.executable,
                        "-m",
                        "viften",
                        "outcomes",
                        "import",
                        str(csv_path),
                        "--db",
                        str(target),
                    ]
                )
            )
            again.append(
                timed(
                    [
                        sys.executable,
                        "-m",
                        "viften",
                        "outcomes",
                        "import",
                        str(csv_path),
                        "--db",
                        str(target),
                    ]
                )
            )
            bare_target = Path(folder) / "bare.duckdb"
            shutil.copy(base, bare_target)
            bares.append(timed([sys.executable, "-c", BARE, str(bare_target), str(csv_path)]))
            target.unlink()
            bare_target.unlink()

        def line(label: str, runs: list[float]) -> None:
            print(
                f"{label:52s} best {min(runs):5.2f} s, median {statistics.median(runs):5.2f} s"
                f"  (runs: {', '.join(f'{v:.2f}' for v in runs)})"
            )

        line("python -m viften outcomes import (new records)", imports)
        line("python -m viften outcomes import (same file again)", again)
        line("bare process: read_csv into a table + GROUP BY", bares)
        # the machine may be shared: the best run is the least disturbed one
        print(
            f"ratio import / bare, best runs: {min(imports) / min(bares):.2f}× "
            f"(re-import {min(again) / min(bares):.2f}×); medians: "
            f"{statistics.median(imports) / statistics.median(bares):.2f}× "
            f"({statistics.median(again) / statistics.median(bares):.2f}×); goal ≤ 2×"
        )


def bench_monte_carlo(count: int = 15_000) -> None:
    from viften.model import effects

    rng = np.random.default_rng(7)
    measured = rng.random(count) < 0.2
    n1 = np.where(measured, rng.integers(10, 3_000, count), 0)
    n2 = np.where(measured, rng.integers(10, 3_000, count), 0)
    columns = {
        "job_rate": rng.uniform(0.1, 0.7, count),
        "control_job_rate": np.where(
            rng.random(count) < 0.9, rng.uniform(0.05, 0.5, count), np.nan
        ),
        "evidence_stars": rng.integers(1, 4, count),
        "n_treatment": n1,
        "k_treatment": rng.binomial(n1, 0.45),
        "n_control": n2,
        "k_control": rng.binomial(n2, 0.35),
    }
    price = rng.uniform(5_000, 150_000, count)
    participants = rng.integers(0, 200, count)
    started = time.perf_counter()
    found = effects.effect_distributions(columns)
    built = time.perf_counter()
    chance = effects.probability_pays_off(found, price, seed=1)
    probabilities = time.perf_counter()
    spread = effects.allocation_spread(found, participants, seed=1)
    finished = time.perf_counter()
    exact = int(found.exact.sum())
    print(
        f"Monte Carlo, {count:,} interventions × {effects.DRAWS:,} draws "
        f"({int(measured.sum()):,} measured, {exact} of them small samples drawn from Beta):"
    )
    print(f"  distributions                      {built - started:6.3f} s")
    print(
        f"  chance of paying off, each one     {probabilities - built:6.3f} s "
        f"(mean chance {np.nanmean(chance):.2f})"
    )
    print(
        f"  allocation spread over all of them {finished - probabilities:6.3f} s "
        f"(P10 {spread.p10:,.0f}, median {spread.median:,.0f}, P90 {spread.p90:,.0f})"
    )
    print(f"  total                              {finished - started:6.3f} s (goal < 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_import(args.records, args.repeat)
    bench_monte_carlo()


if __name__ == "__main__":
    main()
