"""Proof that nothing is lost: an import killed with SIGKILL at 200 seeded moments is there
whole or not at all, 16 threads write through the store at once, and a write lands while the
app has the same database open. (Two writers in two processes, a write that waits for a
holder and gives up naming it: tests/unit/test_concurrency.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from viften.actions import database, editing
from viften.actions import interventions as actions
from viften.actions.access import EDITOR, Actor
from viften.store import db
from viften.store import interventions as store

REPO = Path(__file__).resolve().parents[2]
RUNS = 200
ROWS = 200
SEED = 12

# One Python process that has imported everything forks a child per run: the child first
# looks at the database as the last kill left it (it must open, and hold every row of each
# earlier import or none), reports that on a pipe, then imports ROWS new rows; the parent
# kills it with SIGKILL after a seeded delay. A fork costs milliseconds, so 200 runs fit in
# seconds; the delays spread over the time an unkilled import takes, so the kills land
# before, inside and after the transaction.
KILLER = textwrap.dedent("""
    import json, os, random, signal, sys, time
    from pathlib import Path
    from viften.actions import interventions as actions
    from viften.actions.access import Actor
    from viften.store import db

    path, runs, rows, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    header = "name,year,target_group,price_per_participant,job_rate,evidence_stars\\n"

    def data(run):
        return (header + "".join(f"K{run} {j},2026,closer,{1000 + j},0.4,2\\n"
                                 for j in range(rows))).encode()

    def look(upto):
        with db.connect(path) as con:
            counts = dict.fromkeys(range(upto), (0, 0))
            for table in ("interventions", "history"):
                query = ("SELECT split_part(name, ' ', 1), count(*) FROM " + table
                         + " WHERE name LIKE 'K%' GROUP BY 1")
                for key, n in con.execute(query).fetchall():
                    run = int(key[1:])
                    if run < upto:
                        old = counts[run]
                        counts[run] = (n, old[1]) if table == "interventions" else (old[0], n)
        return [list(counts[run]) for run in range(upto)]

    def child(run, report):
        os.write(report, json.dumps(look(run)).encode())
        os.close(report)
        actions.import_file(path, data(run), f"k{run}.csv", Actor("killer", "editor"))
        os._exit(0)

    def fork(run):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            child(run, write)
        os.close(write)
        return pid, read

    def answer(read):
        chunks = []
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
        os.close(read)
        return json.loads(b"".join(chunks))

    # the modules a child needs, loaded once here (never the database: it is not forked)
    from viften.files import interventions as importer
    importer.parse(data(0), "warm.csv")
    # an unkilled import, to know how long one takes
    pid, read = fork(0)
    started = time.monotonic()
    answer(read)
    os.waitpid(pid, 0)
    took = time.monotonic() - started
    rng = random.Random(seed)
    killed_early = 0
    for run in range(1, runs):
        pid, read = fork(run)
        answer(read)  # the child has looked: the import starts now
        time.sleep(rng.uniform(0, took))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed_early += os.WIFSIGNALED(status)
    pid, read = fork(runs)
    final = answer(read)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print(json.dumps({"took": took, "killed": killed_early, "final": final}))
""")


def test_an_import_killed_at_200_seeded_moments_is_whole_or_absent_every_time(
    empty_db: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLER, str(empty_db), str(RUNS), str(ROWS), str(SEED)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    final = result["final"]
    assert len(final) == RUNS
    assert final[0] == [ROWS, ROWS], "the unkilled import landed whole"
    for run, (rows, history) in enumerate(final):
        assert (rows, history) in ((0, 0), (ROWS, ROWS)), f"run {run}: {rows} rows, {history}"
    print(
        f"one import {result['took']:.2f} s; {result['killed']} of {RUNS - 1} killed before "
        f"they ended; {sum(1 for r, _ in final if r)} landed whole, the rest not at all"
    )
    # and the database is whole enough to take the next import
    actions.import_file(
        empty_db,
        b"name,target_group,price_per_participant,job_rate,evidence_stars\nAfter,closer,1,0.3,1\n",
        "after.csv",
        Actor("after", EDITOR),
    )


def _file(prefix: str, count: int) -> bytes:
    header = "name,year,target_group,price_per_participant,job_rate,evidence_stars\n"
    body = "".join(f"{prefix} {j},2026,further,{500 + j},0.3,1\n" for j in range(count))
    return (header + body).encode()


def test_16_threads_through_the_store_all_land_and_every_conflict_is_our_own(
    empty_db: Path,
) -> None:
    actions.import_file(empty_db, _file("Shared", 1), "shared.csv", Actor("seed", EDITOR))
    errors: list[BaseException] = []
    conflicts = 0
    lock = threading.Lock()

    def work(number: int) -> None:
        nonlocal conflicts
        me = Actor(f"thread-{number}", EDITOR)
        try:
            for round_ in range(3):
                actions.import_file(empty_db, _file(f"T{number}-{round_}", 5), "t.csv", me)
                with db.connect(empty_db) as con:
                    (row,) = editing.stored_identities(con, 2026)[:1]
                    store.stored_rows(con, 2026)
                plan = editing.plan_edits(
                    [row], {0: {"description": f"{number}/{round_}"}}, [], [], 2026
                )
                try:
                    editing.apply_plan(empty_db, me, plan)
                except store.ConflictError:
                    with lock:
                        conflicts += 1
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.connect(empty_db) as con:
        stored = {r["name"] for r in store.stored_rows(con, 2026)}
        imports = con.execute("SELECT count(*) FROM imports").fetchone()
    expected = {f"T{n}-{r} {j}" for n in range(16) for r in range(3) for j in range(5)}
    assert expected <= stored
    assert imports == (1 + 16 * 3,)
    print(f"{conflicts} of 48 edits of the shared row were refused as conflicts")


def test_a_write_lands_while_the_app_has_the_database_open(db_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60).run()
    assert not app.exception
    database.ensure(db_path)
    actions.import_file(db_path, _file("While the app runs", 1), "w.csv", Actor("cli", EDITOR))
    app.switch_page("pages/interventions.py").run()
    assert not app.exception
    names = app.dataframe[0].value["Indsats"].tolist()
    assert "While the app runs 0" in names


@pytest.fixture(autouse=True)
def _quiet_lock_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIFTEN_LOCK_TIMEOUT", "30")
