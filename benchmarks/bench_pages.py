"""How long a rerun of each page takes, on the demo data and on 15,000 interventions.

Prints, per page (reached through streamlit_app.py, sidebar included), the median of warm reruns
through Streamlit's AppTest, next to the same harness running a one-line page: the
difference is our own work per rerun.

    .venv/bin/python benchmarks/bench_pages.py [--rows 15000] [--reruns 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGES = (
    "fan",
    "overview",
    "caseworker",
    "interventions",
    "budget",
    "effects",
    "presentation",
    "history",
)


def _median_rerun(script: Path, reruns: int, page: str | None = None) -> float:
    """Median time of a warm rerun; `page` is reached through streamlit_app.py as a user would."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(script), default_timeout=120)
    app.run()
    if page is not None:
        app.switch_page(f"pages/{page}.py").run()
    if app.exception:
        raise RuntimeError(f"{page or script.name}: {app.exception[0].stack_trace}")
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(db: Path, reruns: int) -> dict[str, float]:
    os.environ["VIFTEN_DB"] = str(db)
    baseline_script = Path(tempfile.mkdtemp()) / "baseline.py"
    baseline_script.write_text("import streamlit as st\nst.title('baseline')\n")
    results = {"(one-line page)": _median_rerun(baseline_script, reruns)}
    for name in PAGES:
        print(f"  {db.name}: {name} …", file=sys.stderr, flush=True)
        results[name] = _median_rerun(REPO / "streamlit_app.py", reruns, name)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=15000)
    parser.add_argument("--reruns", type=int, default=5)
    args = parser.parse_args()
    from synthetic import write_interventions

    from viften.actions import database, interventions
    from viften.actions.access import command_line_actor
    from viften.store import db

    folder = Path(tempfile.mkdtemp())
    demo_db = folder / "demo.duckdb"
    big_db = folder / "big.duckdb"
    database.ensure(demo_db)
    db.build_new_database(big_db, lambda con: None)
    big_csv = write_interventions(folder / "big.csv", args.rows)
    interventions.import_file(big_db, big_csv.read_bytes(), big_csv.name, command_line_actor())
    demo = measure(demo_db, args.reruns)
    big = measure(big_db, args.reruns)
    base_demo, base_big = demo["(one-line page)"], big["(one-line page)"]
    big_label = f"{args.rows} rows"
    print(f"{'page':<18}{'demo rerun':>12}{'our work':>10}{big_label:>14}{'our work':>10}")
    for name in demo:
        ours_demo = max(0.0, demo[name] - base_demo) * 1000
        ours_big = max(0.0, big[name] - base_big) * 1000
        print(
            f"{name:<18}{demo[name] * 1000:>10.0f}ms{ours_demo:>8.0f}ms"
            f"{big[name] * 1000:>12.0f}ms{ours_big:>8.0f}ms"
        )


if __name__ == "__main__":
    main()
