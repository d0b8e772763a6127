"""Imports as units: the preview of a file, undoing an import as a whole (and refusing where
something it changed was changed again), and starting next year's fan from this year's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pg
import pytest

from viften.actions import editing
from viften.actions import imports as import_actions
from viften.actions import interventions as actions
from viften.actions import outcomes as outcome_actions
from viften.actions.access import EDITOR, VIEWER, Actor, PermissionDenied
from viften.model.domain import COLUMN_NAMES
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db
from viften.store import interventions as store

REPO = Path(__file__).resolve().parents[2]
ANNA = Actor("Anna", EDITOR)
HEADER = "name,year,target_group,price_per_participant,job_rate,evidence_stars"


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


def csv_file(*lines: str) -> bytes:
    return ("\n".join((HEADER, *lines)) + "\n").encode()


FIRST = csv_file(
    "Mentor,2026,closer,45000,0.35,2",
    "Praktik,2026,further,20000,0.2,1",
    "Mentor,2025,closer,40000,0.3,2",
)
SECOND = csv_file(
    "Mentor,2026,closer,47000,0.4,2",
    "Praktik,2026,further,20000,0.2,1",
    "IPS,2026,further,60000,0.45,3",
)


def contents(path: Path) -> dict[str, Any]:
    """What the user sees: every intervention's columns, and the outcome records."""
    with db.connect(path) as con:
        rows = con.execute(
            f"SELECT {', '.join(COLUMN_NAMES)} FROM interventions ORDER BY year, name"  # noqa: S608
        ).fetchall()
        records = con.execute(
            "SELECT intervention, year, treatment, employed, person_id, municipality "
            "FROM outcomes ORDER BY 1, 2, 3, 4, 5, 6"
        ).fetchall()
    return {"interventions": rows, "outcomes": records}


@pytest.fixture
def imported(empty_db: Path) -> Path:
    actions.import_file(empty_db, FIRST, "first.csv", ANNA)
    return empty_db


def test_a_preview_sorts_every_row_into_added_updated_and_unchanged(imported: Path) -> None:
    preview = actions.preview(imported, SECOND, "second.csv")
    assert preview.as_json() == {
        "added": [{"municipality": "", "name": "IPS", "year": 2026}],
        "updated": [
            {
                "municipality": "",
                "name": "Mentor",
                "year": 2026,
                "fields": ["price_per_participant", "job_rate"],
            }
        ],
        "unchanged": [{"municipality": "", "name": "Praktik", "year": 2026}],
    }
    (mentor,) = preview.updated
    assert [(c.field, c.old, c.new) for c in mentor.changes] == [
        ("price_per_participant", 45000.0, 47000.0),
        ("job_rate", 0.35, 0.4),
    ]
    assert preview.missing == []


def test_a_preview_lists_the_stored_interventions_of_its_years_that_the_file_lacks(
    imported: Path,
) -> None:
    preview = actions.preview(imported, csv_file("IPS,2026,further,60000,0.45,3"), "f.csv")
    assert [(r.name, r.year) for r in preview.missing] == [("Mentor", 2026), ("Praktik", 2026)]


def test_the_pure_diff_counts_only_the_columns_the_file_has() -> None:
    stored = [{"name": "A", "year": 2026, "municipality": "", **dict.fromkeys(COLUMN_NAMES[2:])}]
    stored[0].update(price_per_participant=10.0, job_rate=0.5, description="gammel")
    rows = [{"name": "A", "year": 2026, "price_per_participant": 10.0, "job_rate": 0.5}]
    found = store.diff(stored, rows, ["name", "year", "price_per_participant", "job_rate"])
    assert (len(found.added), len(found.updated), len(found.unchanged)) == (0, 0, 1)


def test_a_preview_writes_nothing(imported: Path, snapshot: Any) -> None:
    before = snapshot(imported)
    actions.preview(imported, SECOND, "second.csv")
    assert snapshot(imported) == before


def test_every_change_of_an_import_carries_its_id(imported: Path) -> None:
    summary = actions.import_file(imported, SECOND, "second.csv", ANNA)
    with db.connect(imported) as con:
        trail = store.history(con)
        (row,) = con.execute(
            'SELECT "user", what, file_name, rows FROM imports WHERE id = ?', [summary.import_id]
        ).fetchall()
    assert row == ("Anna", "interventions", "second.csv", 3)
    mine = [(r["action"], r["name"], r["field"]) for r in trail if r["import_id"] == 2]
    assert sorted(mine, key=str) == sorted(
        [
            ("insert", "IPS", None),
            ("update", "Mentor", "price_per_participant"),
            ("update", "Mentor", "job_rate"),
        ],
        key=str,
    )
    assert {"municipality", "import_id"} <= set(trail[0])


def test_a_revert_after_an_import_restores_exactly_what_was_there(imported: Path) -> None:
    before = contents(imported)
    summary = actions.import_file(imported, SECOND, "second.csv", ANNA)
    assert contents(imported) != before
    done = import_actions.revert(imported, ANNA, summary.import_id or 0)
    assert contents(imported) == before
    assert (done.removed, done.restored) == (["IPS (2026)"], ["Mentor (2026)"])
    with db.connect(imported) as con:
        actions_now = {r["action"] for r in store.history(con, 6)}
    assert "revert" in actions_now


def test_a_revert_is_refused_after_a_later_edit_and_names_the_field(imported: Path) -> None:
    summary = actions.import_file(imported, SECOND, "second.csv", ANNA)
    with db.connect(imported) as con:
        stored = {row.name: row for row in editing.stored_identities(con, 2026)}
    with db.transaction(imported) as con:
        store.update_intervention(
            con, "Bo", stored["Mentor"].id, stored["Mentor"].version, {"job_rate": 0.5}
        )
    before = contents(imported)
    with pytest.raises(BadInput) as refused:
        import_actions.revert(imported, ANNA, summary.import_id or 0)
    text = " ".join(error_lines(refused.value, "en"))
    assert "Mentor (2026): job_rate" in text
    assert contents(imported) == before


def test_a_revert_is_refused_after_a_later_edit_of_an_added_intervention(imported: Path) -> None:
    summary = actions.import_file(imported, SECOND, "second.csv", ANNA)
    actions.import_file(imported, csv_file("IPS,2026,further,61000,0.45,3"), "third.csv", ANNA)
    with pytest.raises(BadInput) as refused:
        import_actions.revert(imported, ANNA, summary.import_id or 0)
    assert "IPS (2026): price_per_participant" in " ".join(error_lines(refused.value, "en"))


def test_an_import_reverted_twice_is_refused_the_second_time(imported: Path) -> None:
    summary = actions.import_file(imported, SECOND, "second.csv", ANNA)
    import_actions.revert(imported, ANNA, summary.import_id or 0)
    after_first = contents(imported)
    with pytest.raises(BadInput) as refused:
        import_actions.revert(imported, ANNA, summary.import_id or 0)
    assert "reverted already" in " ".join(error_lines(refused.value, "en"))
    assert contents(imported) == after_first


def test_a_later_import_that_was_reverted_does_not_block_an_earlier_one(imported: Path) -> None:
    before = contents(imported)
    second = actions.import_file(imported, SECOND, "second.csv", ANNA)
    third = actions.import_file(imported, csv_file("Mentor,2026,closer,1,0.4,2"), "t.csv", ANNA)
    import_actions.revert(imported, ANNA, third.import_id or 0)
    import_actions.revert(imported, ANNA, second.import_id or 0)
    assert contents(imported) == before


def test_only_an_editor_may_revert(imported: Path) -> None:
    with pytest.raises(PermissionDenied):
        import_actions.revert(imported, Actor("Vera", VIEWER), 1)


def test_an_outcome_import_is_undone_with_the_records_it_replaced(
    imported: Path, tmp_path: Path
) -> None:
    first = tmp_path / "records.csv"
    first.write_text(
        "intervention,year,group,employed\nMentor,2026,treatment,1\nMentor,2026,control,0\n"
    )
    outcome_actions.import_records(imported, first, ANNA)
    before = contents(imported)
    second = tmp_path / "records2.csv"
    second.write_text("intervention,year,group,employed\n" + "Mentor,2026,treatment,0\n" * 3)
    summary = outcome_actions.import_records(imported, second, ANNA)
    assert contents(imported) != before
    done = import_actions.revert(imported, ANNA, summary.import_id or 0)
    assert done.outcomes == ["Mentor (2026)"]
    assert contents(imported) == before


def test_an_outcome_import_replaced_by_a_later_one_cannot_be_reverted(
    imported: Path, tmp_path: Path
) -> None:
    records = tmp_path / "records.csv"
    records.write_text("intervention,year,group,employed\nMentor,2026,treatment,1\n")
    summary = outcome_actions.import_records(imported, records, ANNA)
    records.write_text("intervention,year,group,employed\nMentor,2026,treatment,0\n")
    outcome_actions.import_records(imported, records, ANNA)
    with pytest.raises(BadInput) as refused:
        import_actions.revert(imported, ANNA, summary.import_id or 0)
    assert "Mentor (2026): outcome_records" in " ".join(error_lines(refused.value, "en"))


def test_next_year_starts_as_a_copy_of_this_year(imported: Path) -> None:
    copied = import_actions.new_year(imported, ANNA, 2026, 2027)
    assert copied == ["Mentor", "Praktik"]
    with db.connect(imported) as con:
        this = store.stored_rows(con, 2026)
        next_ = store.stored_rows(con, 2027)
    assert [{**r, "year": 2027} for r in this] == next_


@pytest.mark.parametrize(
    ("source", "target", "said"), [(2026, 2025, "2025 has"), (2030, 2031, "2030 has no")]
)
def test_next_year_is_refused_where_it_has_interventions_or_the_source_has_none(
    imported: Path, source: int, target: int, said: str
) -> None:
    with pytest.raises(BadInput) as refused:
        import_actions.new_year(imported, ANNA, source, target)
    assert said in " ".join(error_lines(refused.value, "en"))


def viften(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viften", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )


def test_the_commands_preview_import_revert_and_start_a_year(
    imported: Path, tmp_path: Path
) -> None:
    file = tmp_path / "second.csv"
    file.write_bytes(SECOND)
    dry = viften("import", str(file), "--dry-run", "--db", str(imported))
    assert dry.returncode == 0, dry.stderr
    assert [r["name"] for r in json.loads(dry.stdout)["added"]] == ["IPS"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_file("X,2026,nowhere,1,0.3,1"))
    refused = viften("import", str(bad), "--dry-run", "--db", str(imported))
    assert refused.returncode == 2 and "row 2" in refused.stderr
    assert viften("import", str(file), "--db", str(imported)).returncode == 0
    history = json.loads(viften("history", "--json", "--db", str(imported)).stdout)
    assert {r["import_id"] for r in history} == {1, 2}
    assert viften("revert", "--import", "2", "--db", str(imported)).returncode == 0
    again = viften("revert", "--import", "2", "--db", str(imported))
    assert again.returncode == 2 and "reverted already" in again.stderr
    assert (
        viften("year", "new", "--from", "2026", "--to", "2027", "--db", str(imported)).returncode
        == 0
    )
    twice = viften("year", "new", "--from", "2026", "--to", "2027", "--db", str(imported))
    assert twice.returncode == 2 and "2027 has interventions" in twice.stderr


# --- two kommuner with an intervention of the same name and year ----------------------------
# Outcome records are keyed by (municipality, intervention, year): an import for one kommune
# replaces only that kommune's records, and its revert puts back only those.

KOMMUNER = (
    "\n".join(
        (
            f"{HEADER},municipality",
            "Mentor,2026,closer,45000,0.35,2,Aarhus",
            "Mentor,2026,closer,41000,0.3,2,Odense",
        )
    )
    + "\n"
).encode()
RECORDS_HEADER = "intervention,year,group,employed,municipality\n"
BOTH_KOMMUNER = RECORDS_HEADER + (
    "Mentor,2026,treatment,1,Aarhus\nMentor,2026,control,0,Aarhus\n"
    "Mentor,2026,treatment,1,Odense\nMentor,2026,treatment,0,Odense\nMentor,2026,control,1,Odense\n"
)
ODENSE_AGAIN = RECORDS_HEADER + "Mentor,2026,treatment,0,Odense\n" * 4
AARHUS_AGAIN = RECORDS_HEADER + "Mentor,2026,control,1,Aarhus\n"


@pytest.fixture
def two_kommuner(empty_db: Path, tmp_path: Path) -> Path:
    """Mentor 2026 in Aarhus and in Odense, each with outcome records of one import."""
    actions.import_file(empty_db, KOMMUNER, "kommuner.csv", ANNA)
    import_outcomes(empty_db, tmp_path, BOTH_KOMMUNER)
    return empty_db


def import_outcomes(path: Path, folder: Path, text: str) -> int:
    """Import the outcome records `text` (in a file of its own in `folder`); the import's id."""
    file = records_file(folder, text)
    return outcome_actions.import_records(path, file, ANNA).import_id or 0


def records_file(folder: Path, text: str) -> Path:
    """`text` in a file of its own in `folder`, named after the files there before it."""
    path = folder / f"records-{len(list(folder.glob('records-*.csv')))}.csv"
    path.write_text(text)
    return path


def records_per_kommune(path: Path) -> dict[str, int]:
    with db.connect(path) as con:
        rows = con.execute(
            "SELECT municipality, count(*) FROM outcomes GROUP BY municipality ORDER BY 1"
        ).fetchall()
    return {str(place): int(n) for place, n in rows}


def outcome_revert_rows(path: Path) -> list[tuple[Any, ...]]:
    """The history's reverts of outcome records: which intervention row each names."""
    with db.connect(path) as con:
        return con.execute(
            "SELECT h.municipality, h.name, h.year, i.municipality, h.old, h.new FROM history h "
            "LEFT JOIN interventions i ON i.id = h.intervention_id "
            "WHERE h.action = 'revert' AND h.field = 'outcome_records' ORDER BY h.seq"
        ).fetchall()


def test_an_outcome_import_for_one_kommune_keeps_only_the_records_it_replaced(
    two_kommuner: Path, tmp_path: Path
) -> None:
    import_id = import_outcomes(two_kommuner, tmp_path, ODENSE_AGAIN)
    with db.connect(two_kommuner) as con:
        kept = con.execute(
            "SELECT municipality, count(*) FROM outcomes_replaced WHERE import_id = ? "
            "GROUP BY municipality",
            [import_id],
        ).fetchall()
    assert kept == [("Odense", 3)]
    assert records_per_kommune(two_kommuner) == {"Aarhus": 2, "Odense": 4}


def test_a_revert_of_one_kommunes_outcome_import_puts_back_only_that_kommunes_records(
    two_kommuner: Path, tmp_path: Path
) -> None:
    before = contents(two_kommuner)
    import_id = import_outcomes(two_kommuner, tmp_path, ODENSE_AGAIN)
    done = import_actions.revert(two_kommuner, ANNA, import_id)
    assert done.outcomes == ["Mentor (2026)"]
    assert records_per_kommune(two_kommuner) == {"Aarhus": 2, "Odense": 3}
    assert contents(two_kommuner) == before
    assert outcome_revert_rows(two_kommuner) == [
        (
            "Odense",
            "Mentor",
            2026,
            "Odense",
            "treatment 4 (0 in job), control 0 (0 in job)",
            "treatment 2 (1 in job), control 1 (1 in job)",
        )
    ]


def test_a_later_outcome_import_for_another_kommune_does_not_stop_a_revert(
    two_kommuner: Path, tmp_path: Path
) -> None:
    odense = import_outcomes(two_kommuner, tmp_path, ODENSE_AGAIN)
    import_outcomes(two_kommuner, tmp_path, AARHUS_AGAIN)
    import_actions.revert(two_kommuner, ANNA, odense)
    with db.connect(two_kommuner) as con:
        records = con.execute(
            "SELECT municipality, treatment, employed, count(*) FROM outcomes "
            "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).fetchall()
    assert records == [
        ("Aarhus", False, True, 1),
        ("Odense", False, True, 1),
        ("Odense", True, False, 1),
        ("Odense", True, True, 1),
    ]


def test_a_later_outcome_import_for_the_same_kommune_still_stops_a_revert(
    two_kommuner: Path, tmp_path: Path
) -> None:
    odense = import_outcomes(two_kommuner, tmp_path, ODENSE_AGAIN)
    import_outcomes(two_kommuner, tmp_path, RECORDS_HEADER + "Mentor,2026,control,0,Odense\n")
    before = contents(two_kommuner)
    with pytest.raises(BadInput) as refused:
        import_actions.revert(two_kommuner, ANNA, odense)
    assert "Mentor (2026): outcome_records" in " ".join(error_lines(refused.value, "en"))
    assert contents(two_kommuner) == before


def test_a_revert_skips_other_kommunes_records_that_an_earlier_version_kept(
    two_kommuner: Path, tmp_path: Path
) -> None:
    """Earlier versions kept every kommune's records of the name and year with the import,
    also those it did not replace: a database that has such copies reverts as a new one."""
    before = contents(two_kommuner)
    import_id = import_outcomes(two_kommuner, tmp_path, ODENSE_AGAIN)
    with db.transaction(two_kommuner) as con:
        con.execute(
            "INSERT INTO outcomes_replaced SELECT ?, intervention, year, treatment, employed, "
            "person_id, municipality, import_id FROM outcomes WHERE municipality = 'Aarhus'",
            [import_id],
        )
    import_actions.revert(two_kommuner, ANNA, import_id)
    assert contents(two_kommuner) == before


def test_records_an_import_replaced_follow_a_renamed_municipality(
    two_kommuner: Path, tmp_path: Path
) -> None:
    import_id = import_outcomes(two_kommuner, tmp_path, ODENSE_AGAIN)
    with db.transaction(two_kommuner) as con:
        assert store.rename_municipality(con, "Anna", "Odense", "Odense Kommune") is None
    import_actions.revert(two_kommuner, ANNA, import_id)
    assert records_per_kommune(two_kommuner) == {"Aarhus": 2, "Odense Kommune": 3}


def test_the_commands_revert_one_kommunes_outcome_import(
    two_kommuner: Path, tmp_path: Path
) -> None:
    before = contents(two_kommuner)
    file = records_file(tmp_path, ODENSE_AGAIN)
    done = viften("outcomes", "import", str(file), "--db", str(two_kommuner))
    assert done.returncode == 0, done.stderr
    newest = json.loads(viften("history", "--json", "--db", str(two_kommuner)).stdout)[0]
    reverted = viften("revert", "--import", str(newest["import_id"]), "--db", str(two_kommuner))
    assert reverted.returncode == 0, reverted.stderr
    assert "1 outcome records put back" in reverted.stderr
    assert contents(two_kommuner) == before
    history = json.loads(viften("history", "--json", "--db", str(two_kommuner)).stdout)
    (revert_row,) = [r for r in history if r["action"] == "revert"]
    assert (revert_row["municipality"], revert_row["name"], revert_row["import_id"]) == (
        "Odense",
        "Mentor",
        None,
    )
