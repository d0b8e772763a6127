"""`python -m viften` as scripts use it: exit codes, messages, JSON, and no tracebacks."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from viften.actions import interventions as changes
from viften.actions.access import EDITOR, Actor, command_line_actor
from viften.actions.interventions import restore
from viften.model import domain
from viften.store import db, paths
from viften.store import interventions as store

COMMANDS = ("init", "import", "list", "export", "history")
HEADER = "navn;år;målgruppe;pris pr. deltager;jobandel;kontrolgruppens jobandel;evidens;kapacitet"
FILE = (
    "\n".join(
        [
            HEADER,
            "Mentor;2026;tættere på;45.000;35 %;25 %;2;100",
            "Praktik;2026;længere væk;9.000,50;0,2;;3;",
            "Kursus;2026;tværgående;0;0;0,1;1;50",
            "Løntilskud;2026;tættere på;60.000;50 %;50 %;3;",
            "Mentor;2025;tættere på;40.000;30 %;;1;",
        ]
    )
    + "\n"
)


def viften(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "VIFTEN_DB": str(cwd / "never-used.duckdb"), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "viften", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "indsatser.csv"
    path.write_text(FILE, encoding="utf-8")
    return path


@pytest.fixture
def loaded(empty_db: Path, data_file: Path) -> Path:
    """FILE imported (in this process: the import command has tests of its own)."""

    changes.import_file(empty_db, data_file.read_bytes(), data_file.name, command_line_actor())
    return empty_db


def listed(path: Path, *options: str) -> list[dict[str, Any]]:
    """`list --json` in a process of its own, exactly as a script runs it."""
    done = viften("list", "--json", "--db", str(path), *options, cwd=path.parent)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert isinstance(rows, list)
    return rows


def listed_here(path: Path, *options: str) -> list[dict[str, Any]]:
    """`list --json` through the same entry point, inside this process: for the many
    variations of one option, where starting Python each time would only cost time."""
    from viften import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["list", "--json", "--db", str(path), *options])
    assert code == 0, err.getvalue()
    rows = json.loads(out.getvalue())
    assert isinstance(rows, list)
    return rows


# --- help and arguments -------------------------------------------------------------------


def test_help_names_every_command(tmp_path: Path) -> None:
    done = viften("--help", cwd=tmp_path)
    assert done.returncode == 0
    for name in COMMANDS:
        assert name in done.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, tmp_path: Path) -> None:
    done = viften(command, "--help", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("usage:")
    assert "--db" in done.stdout
    assert not (tmp_path / "never-used.duckdb").exists()


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["frobnicate"],
        ["import"],
        ["list"],
        ["list", "--json", "--year", "abc"],
        ["list", "--json", "--year", "1999"],
        ["list", "--json", "--min-stars", "4"],
        ["list", "--json", "--target-group", "nowhere"],
        ["list", "--json", "--value-per-job=-1"],
        ["list", "--json", "--effect-years", "many"],
        ["export"],
        ["history", "--json", "--limit", "-3"],
        ["history"],
        ["init", "--frobnicate"],
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    arguments: list[str], empty_db: Path, tmp_path: Path, snapshot: Any
) -> None:
    before = snapshot(empty_db)
    done = viften(*arguments, cwd=tmp_path, env={"VIFTEN_DB": str(empty_db)})
    assert done.returncode == 2
    assert "error" in done.stderr
    assert snapshot(empty_db) == before


# --- import -------------------------------------------------------------------------------


def test_an_import_exits_0_and_stores_every_row(
    empty_db: Path, data_file: Path, tmp_path: Path
) -> None:
    done = viften("import", str(data_file), "--db", str(empty_db), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == (
        "imported indsatser.csv: 5 added, 0 updated, 0 unchanged "
        "(import 1; undo it with `revert --import 1`)"
    )
    again = viften("import", str(data_file), "--db", str(empty_db), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 5 unchanged" in again.stderr
    loaded = empty_db
    with db.connect(loaded) as con:
        assert store.years(con) == [2026, 2025]
        assert [r["name"] for r in store.stored_rows(con, 2026)] == [
            "Kursus",
            "Løntilskud",
            "Mentor",
            "Praktik",
        ]


def test_an_import_reads_the_database_from_the_environment(
    empty_db: Path, data_file: Path, tmp_path: Path
) -> None:
    done = viften("import", str(data_file), cwd=tmp_path, env={"VIFTEN_DB": str(empty_db)})
    assert done.returncode == 0, done.stderr
    assert "5 added" in done.stderr
    with db.connect(empty_db) as con:
        assert len(store.stored_rows(con, 2026)) == 4


def test_the_db_option_wins_over_the_environment(
    empty_db: Path, data_file: Path, tmp_path: Path, snapshot: Any
) -> None:
    other = tmp_path / "other.duckdb"
    import duckdb

    con = duckdb.connect(str(other))
    db.create_schema(con)
    con.close()
    before = snapshot(empty_db)
    done = viften(
        "import", str(data_file), "--db", str(other), cwd=tmp_path, env={"VIFTEN_DB": str(empty_db)}
    )
    assert done.returncode == 0, done.stderr
    assert snapshot(empty_db) == before
    assert snapshot(other)["interventions"]


def test_a_bad_file_exits_2_lists_every_problem_and_writes_nothing(
    loaded: Path, tmp_path: Path, snapshot: Any
) -> None:
    before = snapshot(loaded)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "\n".join(
            [
                HEADER + ";kommentar",
                "Mentor;2026;tættere på;50.000;40 %;25 %;2;100;",
                "Ny;2026;ingen;-5;1,7;;4;x;",
                "Mentor;2026;tættere på;50.000;40 %;25 %;2;100;",
                "x" * 201 + ";1999;tættere på;1;0,1;;1;;",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    done = viften("import", str(bad), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [
        "row 1, column kommentar: unknown column; did you mean 'kommune' (municipality)?",
        "row 3, column målgruppe: 'ingen' is not one of closer, further or cross (tættere på, "
        "længere væk, tværgående)",
        "row 3, column pris pr. deltager: -5 kr. is negative; a price must be 0 or more",
        "row 3, column jobandel: 1,7 must be a share between 0 and 1 (or written as a "
        "percentage, like 35 %)",
        "row 3, column evidens: 4 stars: evidence is 1, 2 or 3 stars",
        "row 3, column kapacitet: 'x' is not a number",
        "row 4, column navn: 'Mentor' for 2026 already appears in row 2; a name must be unique "
        "within a year",
        "row 5, column år: 1999 must be a year between 2000 and 2100",
        "row 5, column navn: the name has 201 characters; at most 200 are allowed",
    ]
    assert done.stdout == ""
    assert snapshot(loaded) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tom.csv", b""),
        ("kun-header.csv", b"name,target_group,price_per_participant,job_rate,evidence_stars\n"),
        ("latin1.csv", "navn;målgruppe\nÆble;closer\n".encode("latin-1")),
        ("fil.pdf", b"%PDF-1.4"),
        ("fil.xlsx", b"not a workbook"),
        ("fil.parquet", b"not parquet"),
        ("binary.csv", bytes(range(256))),
    ],
)
def test_an_unusable_file_exits_2_without_a_traceback(
    name: str, content: bytes, loaded: Path, tmp_path: Path, snapshot: Any
) -> None:
    before = snapshot(loaded)
    path = tmp_path / name
    path.write_bytes(content)
    done = viften("import", str(path), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip()
    assert snapshot(loaded) == before


def test_a_missing_file_exits_2(empty_db: Path, tmp_path: Path) -> None:
    done = viften("import", str(tmp_path / "findes-ikke.csv"), "--db", str(empty_db), cwd=tmp_path)
    assert done.returncode == 2
    assert "findes-ikke.csv" in done.stderr


def test_a_directory_as_file_exits_2(empty_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mappe.csv"
    folder.mkdir()
    done = viften("import", str(folder), "--db", str(empty_db), cwd=tmp_path)
    assert done.returncode == 2


def test_a_database_that_is_not_a_database_exits_1(tmp_path: Path, data_file: Path) -> None:
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    for arguments in (
        ["import", str(data_file)],
        ["list", "--json"],
        ["history", "--json"],
        ["export", "--out", str(tmp_path / "x.csv")],
    ):
        done = viften(*arguments, "--db", str(broken), cwd=tmp_path)
        assert done.returncode == 1, arguments
        assert done.stderr.startswith("error:")


# --- list ---------------------------------------------------------------------------------


def test_list_gives_every_column_and_every_derived_figure(loaded: Path) -> None:
    rows = listed(loaded)
    expected = {
        *domain.COLUMN_NAMES,
        *domain.DERIVED_NAMES,
        "n_treatment",
        "n_control",
        "net_effect_ci_low",
        "net_effect_ci_high",
        "rates_from",
    }
    assert len(rows) == 4
    for row in rows:
        assert expected <= set(row), expected - set(row)
        assert isinstance(row["year"], int)
        assert isinstance(row["evidence_stars"], int)
        assert row["rates_from"] == "entered"
        assert row["n_treatment"] == 0 and row["n_control"] == 0
    praktik = next(r for r in rows if r["name"] == "Praktik")
    assert praktik["capacity"] is None
    assert praktik["provider"] is None
    assert praktik["control_job_rate"] is None
    assert praktik["price_per_participant"] == 9000.5


def test_list_defaults_to_the_newest_year(loaded: Path) -> None:
    assert {r["year"] for r in listed(loaded)} == {2026}
    older = listed(loaded, "--year", "2025")
    assert [(r["name"], r["year"], r["price_per_participant"]) for r in older] == [
        ("Mentor", 2025, 40000.0)
    ]
    assert listed_here(loaded, "--year", "2030") == []


def test_list_of_an_empty_database_is_an_empty_array(empty_db: Path) -> None:
    assert listed_here(empty_db) == []


def by_name(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in rows}


def test_list_gives_the_derived_figures_of_the_interface(loaded: Path) -> None:
    rows = by_name(listed_here(loaded))
    mentor = rows["Mentor"]
    assert mentor["price_per_job"] == pytest.approx(45000 / 0.35)
    assert mentor["net_effect"] == pytest.approx(0.10)
    assert mentor["price_per_additional_job"] == pytest.approx(45000 / 0.10)
    assert mentor["benefit_cost_ratio"] == pytest.approx(0.10 * 260000 / 45000)
    assert mentor["break_even_effect"] == pytest.approx(45000 / 260000)
    praktik = rows["Praktik"]  # no control group
    assert praktik["net_effect"] is None
    assert praktik["price_per_additional_job"] is None
    assert praktik["benefit_cost_ratio"] is None
    assert praktik["price_per_job"] == pytest.approx(9000.5 / 0.2)
    kursus = rows["Kursus"]  # free, zero job rate, negative extra effect
    assert kursus["price_per_job"] is None
    assert kursus["net_effect"] == pytest.approx(-0.1)
    assert kursus["price_per_additional_job"] is None
    assert kursus["benefit_cost_ratio"] is None
    assert kursus["break_even_effect"] == 0
    lontilskud = rows["Løntilskud"]  # no extra effect
    assert lontilskud["net_effect"] == 0
    assert lontilskud["price_per_additional_job"] is None
    assert lontilskud["benefit_cost_ratio"] == 0


def test_value_per_job_and_effect_years_change_the_business_case(loaded: Path) -> None:
    mentor = by_name(listed(loaded, "--value-per-job", "300000", "--effect-years", "2.5"))["Mentor"]
    assert (
        by_name(listed_here(loaded, "--value-per-job", "0", "--effect-years", "3"))["Mentor"][
            "benefit_cost_ratio"
        ]
        == 0
    )
    assert mentor["benefit_cost_ratio"] == pytest.approx(0.10 * 300000 * 2.5 / 45000)
    assert mentor["break_even_effect"] == pytest.approx(45000 / (300000 * 2.5))
    assert mentor["price_per_job"] == pytest.approx(45000 / 0.35)


@pytest.mark.parametrize(
    ("group", "names"),
    [
        ("closer", {"Mentor", "Løntilskud"}),
        ("tættere på", {"Mentor", "Løntilskud"}),
        ("Længere væk", {"Praktik"}),
        ("further", {"Praktik"}),
        ("tværgående", {"Kursus"}),
        ("cross", {"Kursus"}),
    ],
)
def test_list_filters_by_target_group_in_either_language(
    loaded: Path, group: str, names: set[str]
) -> None:
    assert set(by_name(listed_here(loaded, "--target-group", group))) == names


def test_list_filters_by_stars(loaded: Path) -> None:
    assert set(by_name(listed_here(loaded, "--min-stars", "2"))) == {
        "Mentor",
        "Praktik",
        "Løntilskud",
    }
    assert set(by_name(listed_here(loaded, "--min-stars", "3"))) == {"Praktik", "Løntilskud"}
    assert len(listed_here(loaded, "--min-stars", "1")) == 4


def test_list_filters_combine_in_a_process_of_their_own(loaded: Path) -> None:
    rows = listed(loaded, "--min-stars", "3", "--target-group", "tættere på", "--year", "2026")
    assert set(by_name(rows)) == {"Løntilskud"}


# --- export -------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_an_export_imports_into_a_fresh_database_unchanged(
    loaded: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / "ud" / f"indsatser{suffix}"
    done = viften("export", "--out", str(out), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.exists()
    fresh = tmp_path / "fresh.duckdb"
    import duckdb

    con = duckdb.connect(str(fresh))
    db.create_schema(con)
    con.close()
    done = viften("import", str(out), "--db", str(fresh), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert listed_here(fresh) == listed_here(loaded)
    with db.connect(fresh) as con:
        assert store.years(con) == [2026]


def test_an_export_of_an_older_year(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "2025.csv"
    done = viften("export", "--out", str(out), "--year", "2025", "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].split(",") == list(domain.COLUMN_NAMES)
    assert len(text.strip().splitlines()) == 2
    assert "Mentor,2025," in text


@pytest.mark.parametrize("name", ["x.json", "x", "x.xls"])
def test_an_export_to_an_unknown_format_exits_2(loaded: Path, tmp_path: Path, name: str) -> None:
    done = viften("export", "--out", str(tmp_path / name), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 2
    assert ".csv" in done.stderr
    assert not (tmp_path / name).exists()


def test_an_xlsx_export_of_text_it_cannot_hold_exits_1_with_a_message(
    loaded: Path, tmp_path: Path
) -> None:
    with db.transaction(loaded) as con:
        con.execute(
            "UPDATE interventions SET description = 'klokke' || chr(7) WHERE name = 'Mentor'"
        )
    out = tmp_path / "x.xlsx"
    done = viften("export", "--out", str(out), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 1
    assert "control character" in done.stderr
    assert not out.exists()
    done = viften("export", "--out", str(tmp_path / "x.csv"), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 0, done.stderr


# --- history ------------------------------------------------------------------------------


def history(path: Path, *options: str) -> list[dict[str, Any]]:
    done = viften("history", "--json", "--db", str(path), *options, cwd=path.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_history_records_imports_and_updates(loaded: Path, tmp_path: Path) -> None:
    first = history(loaded)
    assert len(first) == 5
    for entry in first:
        assert {"at", "user", "action", "name", "year", "field", "old", "new"} <= set(entry)
        assert entry["action"] == "insert"
        assert isinstance(entry["year"], int)
        assert dt.datetime.fromisoformat(entry["at"])
        assert entry["user"]
    change = tmp_path / "change.csv"
    change.write_text(
        "navn;år;pris pr. deltager;målgruppe;jobandel;evidens\n"
        "Mentor;2026;50.000;tættere på;35 %;3\n"
        "Ny;2026;1;tværgående;0,1;1\n",
        encoding="utf-8",
    )
    done = viften("import", str(change), "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    newest = history(loaded)
    assert len(newest) == 8
    top = {(h["action"], h["name"], h["year"], h["field"], h["old"], h["new"]) for h in newest[:3]}
    assert top == {
        ("update", "Mentor", 2026, "price_per_participant", "45000", "50000"),
        ("update", "Mentor", 2026, "evidence_stars", "2", "3"),
        ("insert", "Ny", 2026, None, None, None),
    }
    assert newest[3:] == first
    assert history(loaded, "--limit", "2") == newest[:2]


def test_history_shows_deletes_and_restores(loaded: Path) -> None:
    editor = Actor("redaktør", EDITOR)
    with db.transaction(loaded) as con:
        found = con.execute(
            "SELECT id, version FROM interventions WHERE name = 'Praktik'"
        ).fetchone()
        assert found is not None
        store.delete_intervention(con, editor.name, found[0], found[1])
    restore(loaded, editor, "Praktik", 2026)
    entries = history(loaded)
    actions = [h["action"] for h in entries if h["name"] == "Praktik"]
    assert actions[0] == "restore" and "delete" in actions and actions[-1] == "insert"
    assert {h["user"] for h in entries if h["action"] in ("delete", "restore")} == {"redaktør"}


# --- init ---------------------------------------------------------------------------------

needs_demo = pytest.mark.skipif(
    not paths.DEMO_INTERVENTIONS.exists(), reason="the demo dataset is not there yet"
)


@needs_demo
def test_init_creates_the_demo_database(tmp_path: Path) -> None:
    path = tmp_path / "ny" / "viften.duckdb"
    done = viften("init", "--db", str(path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = listed(path)
    assert 20 <= len(rows) <= 30
    assert {r["year"] for r in rows} == {2026}
    assert {r["target_group"] for r in rows} == {"closer", "further", "cross"}
    assert {r["evidence_stars"] for r in rows} == {1, 2, 3}
    assert all(r["source"] for r in rows)
    assert listed_here(path, "--year", "2025")


@needs_demo
def test_init_keeps_an_existing_database_unless_forced(
    loaded: Path, tmp_path: Path, snapshot: Any
) -> None:
    before = snapshot(loaded)
    done = viften("init", "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 0, "init makes sure a database is there: it may run every time"
    assert "left as it is" in done.stderr and "--force" in done.stderr
    assert snapshot(loaded) == before
    done = viften("init", "--force", "--db", str(loaded), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = set(by_name(listed_here(loaded)))
    assert "Løntilskud" not in names
    assert 20 <= len(names) <= 30
    assert [p.name for p in tmp_path.iterdir() if "building" in p.name] == []


@needs_demo
def test_any_command_creates_a_missing_database_from_the_demo_dataset(tmp_path: Path) -> None:
    path = tmp_path / "auto.duckdb"
    assert len(listed(path)) >= 20
    assert path.exists()


def test_the_filter_options_of_list_and_matrix_are_the_filters_the_pages_share() -> None:
    from viften.cli import build_parser
    from viften.cli.options import command_filters
    from viften.model.filters import Filters

    listing = build_parser().parse_args(
        ["list", "--json", "--year", "2025", "--target-group", "længere væk", "--min-stars", "2"]
    )
    assert command_filters(listing) == Filters(year=2025, target_groups=("further",), min_stars=2)
    drawing = build_parser().parse_args(["matrix", "--out", "fan.png"])
    assert command_filters(drawing) == Filters()
