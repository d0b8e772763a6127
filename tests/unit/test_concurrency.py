"""Two programs on one database: a write waits for its turn, gives up with a message that
names the holder, and a killed import leaves nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from viften.actions import interventions as changes
from viften.actions.access import EDITOR, Actor
from viften.store import db
from viften.store import interventions as store

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from viften.store import db
    from viften.store import interventions as store
    from viften.model.domain import COLUMN_NAMES

    row = {c: None for c in COLUMN_NAMES}
    row.update(name="Holder", year=2026, target_group="cross", price_per_participant=1.0,
               job_rate=0.5, evidence_stars=1)
    with db.transaction(Path(sys.argv[1])) as con:
        store.upsert(con, "holder", [row], COLUMN_NAMES)
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
    print("released", flush=True)
""")

# The real command, stopped inside its transaction after every row has been written and
# before the commit: the moment a kill would do the most harm.
KILLED_IMPORT = textwrap.dedent("""
    import sys, time
    from viften import cli
    from viften.store import interventions as store

    original = store.record_changes

    def record_then_stop(*args, **kwargs):
        original(*args, **kwargs)
        print("written, not committed", flush=True)
        time.sleep(60)

    store.record_changes = record_then_stop
    raise SystemExit(cli.main(["import", sys.argv[1], "--db", sys.argv[2]]))
""")

HEADER = "name,year,target_group,price_per_participant,job_rate,evidence_stars,capacity\n"


def write_file(path: Path, prefix: str, count: int, price: int = 1000) -> Path:
    lines = [
        f"{prefix} {i},2026,closer,{price + i},0.{(i % 9) + 1},{(i % 3) + 1},{i}\n"
        for i in range(count)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def start(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def viften(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "viften", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def wait_for_line(process: subprocess.Popen[str], expected: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != expected:
        process.kill()
        _, err = process.communicate()
        pytest.fail(f"expected {expected!r}, got {line!r}; stderr: {err}")


def finish(process: subprocess.Popen[str], timeout: float = 90) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    assert "Traceback" not in err, err
    return process.returncode, out, err


def names(path: Path) -> set[str]:
    with db.connect(path) as con:
        return {r["name"] for r in store.stored_rows(con, 2026)}


@pytest.fixture
def seeded(empty_db: Path, tmp_path: Path) -> Path:

    data = write_file(tmp_path / "seed.csv", "Seed", 5).read_bytes()
    changes.import_file(empty_db, data, "seed.csv", Actor("seed", EDITOR))
    return empty_db


def test_an_import_waits_while_another_program_holds_the_database(
    seeded: Path, tmp_path: Path
) -> None:
    holder = start(HOLDER, str(seeded), "2")
    wait_for_line(holder, "held")
    importing = viften(
        "import", str(write_file(tmp_path / "new.csv", "New", 10)), "--db", str(seeded)
    )
    code, _, err = finish(importing)
    holder_code, holder_out, _ = finish(holder)
    assert holder_code == 0 and "released" in holder_out
    assert code == 0, err
    assert names(seeded) == {f"Seed {i}" for i in range(5)} | {f"New {i}" for i in range(10)} | {
        "Holder"
    }
    # the import came after the holder let go: its history follows the holder's
    with db.connect(seeded) as con:
        users = [h["user"] for h in reversed(store.history(con))]
    assert users.index("holder") < len(users) - 10
    assert users[-10:] == [users[-1]] * 10 and users[-1] != "holder"


def test_a_reader_waits_too(seeded: Path) -> None:
    holder = start(HOLDER, str(seeded), "1.5")
    wait_for_line(holder, "held")
    code, out, err = finish(viften("list", "--json", "--db", str(seeded)))
    finish(holder)
    assert code == 0, err
    assert '"Holder"' in out


def test_an_import_gives_up_after_the_lock_timeout_and_names_the_holder(
    seeded: Path, tmp_path: Path, snapshot: Any
) -> None:
    before = snapshot(seeded)
    holder = start(HOLDER, str(seeded), "60")
    try:
        wait_for_line(holder, "held")
        importing = viften(
            "import",
            str(write_file(tmp_path / "new.csv", "New", 3)),
            "--db",
            str(seeded),
            env={"VIFTEN_LOCK_TIMEOUT": "1"},
        )
        code, out, err = finish(importing)
    finally:
        holder.kill()
        holder.communicate()
    assert code == 1
    assert out == ""
    assert "held by" in err
    assert f"process {holder.pid}" in err
    assert str(seeded) in err
    # the holder never committed, and the import never got in
    assert snapshot(seeded) == before


def test_a_killed_import_leaves_the_database_as_it_was(
    seeded: Path, tmp_path: Path, snapshot: Any
) -> None:
    # existing rows changed and new ones added, then killed before the commit
    update = write_file(tmp_path / "update.csv", "Seed", 5, price=5000)
    extra = write_file(tmp_path / "extra.csv", "Extra", 200)
    combined = tmp_path / "combined.csv"
    combined.write_text(update.read_text() + "".join(extra.read_text().splitlines(True)[1:]))
    before = snapshot(seeded)
    process = start(KILLED_IMPORT, str(combined), str(seeded))
    wait_for_line(process, "written, not committed")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    assert snapshot(seeded) == before
    # and the database is whole: the same import now goes through
    code, _, err = finish(viften("import", str(combined), "--db", str(seeded)))
    assert code == 0, err
    assert len(names(seeded)) == 205


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.4])
def test_an_import_killed_at_any_moment_is_all_or_nothing(
    seeded: Path, tmp_path: Path, snapshot: Any, delay: float
) -> None:
    import time

    # about 1.5 s of work on an idle machine: the kills land in reading, writing, committing
    data = write_file(tmp_path / "big.csv", "Big", 30000)
    before = snapshot(seeded)
    process = viften("import", str(data), "--db", str(seeded))
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    # killed before its commit: nothing; after it (even if the process had not exited yet):
    # everything, the audit trail included
    after = snapshot(seeded)
    if after != before:
        assert len(after["interventions"]) == 30005
        assert len(after["history"]) == 30005


def test_two_imports_at_once_both_land(seeded: Path, tmp_path: Path) -> None:
    first = write_file(tmp_path / "first.csv", "First", 300)
    second = write_file(tmp_path / "second.csv", "Second", 300)
    processes = [viften("import", str(path), "--db", str(seeded)) for path in (first, second)]
    results = [finish(p) for p in processes]
    assert [code for code, _, _ in results] == [0, 0], results
    stored = names(seeded)
    assert len(stored) == 605
    assert {f"First {i}" for i in range(300)} <= stored
    assert {f"Second {i}" for i in range(300)} <= stored


def test_two_imports_of_the_same_rows_end_with_one_of_them(seeded: Path, tmp_path: Path) -> None:
    cheap = write_file(tmp_path / "cheap.csv", "Same", 50, price=100)
    dear = write_file(tmp_path / "dear.csv", "Same", 50, price=900)
    processes = [viften("import", str(path), "--db", str(seeded)) for path in (cheap, dear)]
    assert [finish(p)[0] for p in processes] == [0, 0]
    with db.connect(seeded) as con:
        prices = {
            r["price_per_participant"] - int(r["name"].split()[1])
            for r in store.stored_rows(con, 2026)
            if r["name"].startswith("Same")
        }
        count = con.execute("SELECT count(*) FROM interventions WHERE name LIKE 'Same%'").fetchone()
    assert count == (50,)
    assert prices in ({100.0}, {900.0})


def test_imports_that_create_the_database_at_once_all_land(tmp_path: Path) -> None:
    from viften.store import paths

    if not paths.DEMO_INTERVENTIONS.exists():
        pytest.skip("the demo dataset is not there yet")
    path = tmp_path / "first-use.duckdb"
    files = [write_file(tmp_path / f"batch{i}.csv", f"Batch{i}", 5) for i in range(3)]
    processes = [viften("import", str(f), "--db", str(path)) for f in files]
    assert [finish(p)[0] for p in processes] == [0, 0, 0]
    stored = names(path)
    for i in range(3):
        assert {f"Batch{i} {j}" for j in range(5)} <= stored
    assert [p.name for p in tmp_path.iterdir() if "building" in p.name] == []
