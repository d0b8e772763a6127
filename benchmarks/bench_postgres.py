"""The PostgreSQL store's reads under many sessions at once, as a ratio against bare psycopg.

What a page's rerun asks the store once its caches are warm: the write counter that keys them
(`db.data_version`) and one small read (the years the database holds). `--sessions` threads
(Streamlit runs every session as a thread of one process) each do `--reruns` of them, at
once, three ways, interleaved:

- viften: through `viften.store.db`, which borrows a connection from the process's pool for
  each piece of work (`viften.store.postgres.borrowed`);
- a connection per read: `db.open_postgres` for each piece of work, as the store did before
  it had a pool;
- bare: each thread holds one psycopg connection of its own and sends the same two queries.

Without `--db` it starts a throwaway cluster from the distribution's packages (as the tests
do) and fills a new database with the demo data.

    .venv/bin/python benchmarks/bench_postgres.py [--sessions 20] [--reruns 50] [--repeat 3]
        [--db postgresql://…]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WRITES = "SELECT last_value, is_called FROM viften_writes"
YEARS = "SELECT DISTINCT year FROM interventions ORDER BY year DESC"


@contextlib.contextmanager
def database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    sys.path.insert(0, str(REPO / "tests"))
    import pg  # the tests' throwaway cluster

    from viften.actions import database as actions

    binaries = pg.binaries()
    if binaries is None:
        raise SystemExit("no PostgreSQL binaries (initdb): install postgresql or pass --db")
    cluster = pg.Cluster.start(binaries)
    try:
        fresh = cluster.fresh_database()
        from viften.store.location import PostgresURL

        actions.ensure(PostgresURL(fresh))
        yield fresh
    finally:
        cluster.stop(binaries)


def at_once(sessions: int, work: Callable[[], None]) -> float:
    """Seconds until `sessions` threads, started together, have each done `work`."""
    gate = threading.Barrier(sessions + 1)
    failures: list[BaseException] = []

    def run() -> None:
        gate.wait()
        try:
            work()
        except BaseException as error:  # reported below, after every thread is done
            failures.append(error)

    threads = [threading.Thread(target=run) for _ in range(sessions)]
    for thread in threads:
        thread.start()
    gate.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"a session failed: {failures[0]!r}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--reruns", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="a PostgreSQL database with viften's schema")
    args = parser.parse_args()

    import psycopg

    from viften.store import db, postgres
    from viften.store import interventions as store
    from viften.store.location import PostgresURL

    print(
        f"{args.sessions} sessions at once, {args.reruns} reruns each; {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}; pool of {postgres.POOL_SIZE} connections",
        flush=True,
    )
    with database(args.db) as url:
        where = PostgresURL(url)

        def pooled() -> None:
            for _ in range(args.reruns):
                db.data_version(where)
                with db.connect(where) as con:
                    store.years(con)

        def connect_per_read() -> None:
            for _ in range(args.reruns):
                with contextlib.closing(db.open_postgres(where)) as con:
                    con.execute(WRITES).fetchone()
                with contextlib.closing(db.open_postgres(where)) as con:
                    store.years(db.as_duckdb(con))

        def bare() -> None:
            with psycopg.connect(url, autocommit=True) as con:
                for _ in range(args.reruns):
                    con.execute(WRITES).fetchone()
                    con.execute(YEARS).fetchall()

        ways = {"viften (pool)": pooled, "a connection per read": connect_per_read, "bare": bare}
        times: dict[str, list[float]] = {name: [] for name in ways}
        for run in range(args.repeat + 1):  # the first round warms the pool and the server
            for name, work in ways.items():
                took = at_once(args.sessions, work)
                if run:
                    times[name].append(took)
        postgres.close_pools()
    reads = args.sessions * args.reruns
    best_bare = min(times["bare"])
    print(f"\n{'way':<24} {'best s':>7} {'median s':>9} {'ms/rerun':>9} {'ratio':>7}")
    for name, values in times.items():
        best = min(values)
        print(
            f"{name:<24} {best:>7.3f} {statistics.median(values):>9.3f} "
            f"{best / reads * 1000 * args.sessions:>9.2f} {best / best_bare:>6.2f}×"
        )
    print(
        "(ms/rerun: what one session waits per rerun with all of them at once; ratio: best "
        "against the bare best)"
    )


if __name__ == "__main__":
    main()
