"""Importing outcome records: every kind of bad file, all or nothing, replace not append."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viften.actions import database as databases
from viften.actions import outcomes as outcome_actions
from viften.actions.access import Actor, PermissionDenied
from viften.model import effects
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db, outcomes, paths
from viften.store import interventions as store

REPO = Path(__file__).resolve().parents[2]
EDITOR = Actor("Test Editor", "editor")
COLUMNS = [
    "name",
    "year",
    "target_group",
    "price_per_participant",
    "job_rate",
    "control_job_rate",
    "evidence_stars",
]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database with Alpha and Beta in 2026 and Alpha in 2025, no demo data."""
    path = tmp_path / "outcomes.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    rows = [
        {
            "name": name,
            "year": year,
            "target_group": "closer",
            "price_per_participant": 20000.0,
            "job_rate": 0.4,
            "control_job_rate": 0.3,
            "evidence_stars": 2,
        }
        for name, year in (("Alpha", 2026), ("Beta", 2026), ("Alpha", 2025))
    ]
    store.upsert(con, EDITOR.name, rows, COLUMNS)
    con.close()
    return path


def _write(tmp_path: Path, text: str, name: str = "records.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _import(database: Path, path: Path, actor: Actor = EDITOR, progress=None):
    return outcome_actions.import_records(database, path, actor, progress)


def _stored(database: Path) -> list[tuple]:
    with db.connect(database) as con:
        return con.execute(
            "SELECT intervention, year, treatment, employed, person_id FROM outcomes ORDER BY ALL"
        ).fetchall()


def _history_count(database: Path) -> int:
    with db.connect(database) as con:
        row = con.execute("SELECT count(*) FROM history").fetchone()
        return int(row[0]) if row else 0


def _problems(database: Path, path: Path) -> list[str]:
    before, history = _stored(database), _history_count(database)
    with pytest.raises(BadInput) as caught:
        _import(database, path)
    assert _stored(database) == before, "a refused file must leave the records as they were"
    assert _history_count(database) == history
    return error_lines(caught.value, "en")


ALPHA = (
    "intervention,year,group,employed,person_id\n"
    "Alpha,2026,treatment,1,p1\nAlpha,2026,treatment,0,p2\nAlpha,2026,treatment,1,p3\n"
    "Alpha,2026,control,0,p4\nAlpha,2026,control,1,p5\n"
)


# --- what lands -----------------------------------------------------------------------------


def test_measured_rates_replace_the_entered_ones(database: Path, tmp_path: Path) -> None:
    summary = _import(database, _write(tmp_path, ALPHA))
    assert summary.records == 5 and summary.replaced == 0
    assert [
        (i.intervention, i.year, i.n_treatment, i.k_treatment, i.n_control, i.k_control)
        for i in summary.interventions
    ] == [("Alpha", 2026, 3, 2, 2, 1)]
    with db.connect(database) as con:
        frame = store.interventions(con, 2026).set_index("name")
    assert frame.loc["Alpha", "job_rate"] == pytest.approx(2 / 3)
    assert frame.loc["Alpha", "control_job_rate"] == pytest.approx(0.5)
    assert frame.loc["Alpha", "rates_from"] == "outcomes"
    assert frame.loc["Beta", "rates_from"] == "entered"


def test_danish_headers_semicolons_a_bom_and_spaces_all_read_the_same(
    database: Path, tmp_path: Path
) -> None:
    text = (
        " Indsats ; ÅR;GRUPPE ; I Job ;Person\n"
        "Alpha;2026; deltager ;ja;p1\nAlpha;2026;Deltager;NEJ;p2\nAlpha;2026;deltager;true;p3\n"
        "Alpha;2026;kontrol;false;p4\nAlpha;2026;KONTROL;1;p5\n"
    )
    _import(database, _write(tmp_path, text, bom=True))
    danish = _stored(database)
    _import(database, _write(tmp_path, ALPHA, "english.csv"))
    assert _stored(database) == danish


def test_crlf_line_ends_and_quoted_names_are_read(database: Path, tmp_path: Path) -> None:
    text = 'intervention,group,employed\r\n"Alpha",treatment,1\r\n"Alpha",control,0\r\n'
    summary = _import(database, _write(tmp_path, text))
    assert summary.records == 2


def test_an_empty_or_missing_year_means_the_newest_year(database: Path, tmp_path: Path) -> None:
    _import(
        database,
        _write(
            tmp_path, "intervention,year,group,employed\nAlpha,,treatment,1\nAlpha,2025,control,0\n"
        ),
    )
    _import(
        database, _write(tmp_path, "intervention,group,employed\nBeta,treatment,1\n", "no-year.csv")
    )
    years = {(r[0], r[1]) for r in _stored(database)}
    assert years == {("Alpha", 2026), ("Alpha", 2025), ("Beta", 2026)}


def test_an_xlsx_file_is_read_from_its_first_sheet(database: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indsats", "År", "Gruppe", "I job"])
    sheet.append(["Alpha", 2026, "deltager", 1])
    sheet.append(["Alpha", 2026, "kontrol", True])
    sheet.append([None, None, None, None])
    sheet.append(["Alpha", None, "deltager", "nej"])
    book.create_sheet("ignored").append(["nothing", "here"])
    path = tmp_path / "records.xlsx"
    book.save(path)
    summary = _import(database, path)
    assert summary.interventions[0].n_treatment == 2
    assert summary.interventions[0].k_control == 1


def test_xlsx_problems_are_numbered_as_the_spreadsheet_shows_them(
    database: Path, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["intervention", "group", "employed"])
    sheet.append(["Alpha", "treatment", 1])
    sheet.append([None, None, None])
    sheet.append(["Alpha", "neither", 1])
    path = tmp_path / "records.xlsx"
    book.save(path)
    lines = _problems(database, path)
    assert lines[0].startswith("row 4, column group: 'neither' is not a group")


def test_importing_the_same_file_again_replaces_and_never_doubles(
    database: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path, ALPHA)
    _import(database, path)
    once = _stored(database)
    summary = _import(database, path)
    assert _stored(database) == once
    assert summary.replaced == 5


def test_an_import_leaves_other_interventions_and_years_alone(
    database: Path, tmp_path: Path
) -> None:
    _import(database, _write(tmp_path, ALPHA.replace("Alpha,2026", "Alpha,2025"), "old.csv"))
    _import(
        database, _write(tmp_path, "intervention,group,employed\nBeta,treatment,1\n", "beta.csv")
    )
    _import(database, _write(tmp_path, ALPHA))
    counts = {
        (c["intervention"], c["year"]): c["n_treatment"] + c["n_control"] for c in _counts(database)
    }
    assert counts == {("Alpha", 2025): 5, ("Beta", 2026): 1, ("Alpha", 2026): 5}


def _counts(database: Path) -> list[dict]:
    with db.connect(database) as con:
        return outcomes.counts(con)


def test_the_audit_trail_records_each_replaced_intervention(database: Path, tmp_path: Path) -> None:
    _import(database, _write(tmp_path, ALPHA))
    with db.connect(database) as con:
        latest = store.history(con, limit=1)[0]
    assert latest["field"] == "outcome_records" and latest["name"] == "Alpha"
    assert latest["action"] == "update" and latest["user"] == "Test Editor"
    assert latest["new"] == "treatment 3 (2 in job), control 2 (1 in job)"


def test_progress_is_reported_stage_by_stage(database: Path, tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    _import(
        database, _write(tmp_path, ALPHA), progress=lambda share, stage: seen.append((share, stage))
    )
    assert [stage for _, stage in seen] == ["reading", "checking", "writing", "done"]
    assert [share for share, _ in seen] == sorted(share for share, _ in seen)


def test_a_viewer_cannot_import(database: Path, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        _import(database, _write(tmp_path, ALPHA), actor=Actor("Guest"))
    assert _stored(database) == []


# --- what is refused ------------------------------------------------------------------------


def test_an_unknown_column_names_the_nearest_known_one(database: Path, tmp_path: Path) -> None:
    lines = _problems(database, _write(tmp_path, "intervention,grupe,employed\nAlpha,x,1\n"))
    assert lines[0].startswith("row 1, column grupe: unknown column 'grupe'; did you mean 'group'")
    assert any("required column 'group'" in line for line in lines)


def test_a_doubled_column_is_refused(database: Path, tmp_path: Path) -> None:
    lines = _problems(database, _write(tmp_path, "intervention,group,gruppe,employed\n"))
    assert "appears twice" in lines[0]


def test_a_bad_group_a_bad_employed_and_a_bad_year_name_their_rows(
    database: Path, tmp_path: Path
) -> None:
    text = (
        "intervention,year,group,employed\n"
        "Alpha,2026,treatment,1\n"
        "Alpha,2026,behandling,1\n"
        "Alpha,2026,control,maybe\n"
        "Alpha,twenty,control,0\n"
        "Alpha,2026,,\n"
    )
    lines = _problems(database, _write(tmp_path, text))
    assert lines == [
        "row 3, column group: 'behandling' is not a group: write treatment or control "
        "(deltager or kontrol)",
        "row 4, column employed: 'maybe' is not a yes or no: write 1 or 0 (ja/nej, true/false)",
        "row 5, column year: 'twenty' is not a year from 2000 to 2100",
        "row 6, column group: the group is empty: write treatment or control (deltager or kontrol)",
        "row 6, column employed: employed is empty: write 1 or 0 (ja/nej, true/false)",
    ]


def test_an_unknown_intervention_is_an_error_on_its_row_with_a_suggestion(
    database: Path, tmp_path: Path
) -> None:
    text = (
        "intervention,year,group,employed\nalpha,2026,treatment,1\n"
        "Beta,2025,treatment,1\nGamma,2026,control,0\n,2026,control,0\n"
    )
    lines = _problems(database, _write(tmp_path, text))
    assert lines == [
        "row 2, column intervention: there is no intervention named 'alpha' in 2026; "
        "did you mean 'Alpha'?",
        "row 3, column intervention: there is no intervention named 'Beta' in 2025",
        "row 4, column intervention: there is no intervention named 'Gamma' in 2026",
        "row 5, column intervention: the intervention's name is empty",
    ]


def test_a_person_listed_twice_for_one_intervention_is_refused(
    database: Path, tmp_path: Path
) -> None:
    text = ALPHA + "Alpha,2026,control,0,p1\nBeta,2026,control,0,p1\n"
    lines = _problems(database, _write(tmp_path, text))
    assert lines == [
        "row 7, column person_id: person 'p1' appears more than once for "
        "Alpha (2026), first on row 2"
    ]


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_an_empty_file_is_refused(database: Path, tmp_path: Path, text: str) -> None:
    lines = _problems(database, _write(tmp_path, text))
    assert "empty" in lines[0]


def test_a_header_without_records_is_refused(database: Path, tmp_path: Path) -> None:
    lines = _problems(database, _write(tmp_path, "intervention,group,employed\n"))
    assert "no records" in lines[0]


def test_a_row_with_too_many_values_and_a_blank_line_keep_spreadsheet_numbering(
    database: Path, tmp_path: Path
) -> None:
    text = (
        "intervention,group,employed\nAlpha,treatment,1\n\nAlpha,control,0,extra\nAlpha,nobody,1\n"
    )
    lines = _problems(database, _write(tmp_path, text))
    assert lines == [
        "row 4, column 4: 4 values, but the header has 3",
        "row 5, column group: 'nobody' is not a group: write treatment or control "
        "(deltager or kontrol)",
    ]


def test_a_short_row_is_read_with_its_missing_values_empty(database: Path, tmp_path: Path) -> None:
    lines = _problems(database, _write(tmp_path, "intervention;group;employed\nAlpha;control\n"))
    assert lines == ["row 2, column employed: employed is empty: write 1 or 0 (ja/nej, true/false)"]


def test_a_file_in_neither_utf8_nor_windows_1252_says_so(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "intervention,group,employed\nAlpha,kontrol,ja\nÅrhus,kontrol,ja\n".encode("latin-1")
        + b"\x81\n"
    )
    lines = _problems(database, path)
    assert "UTF-8" in lines[0] and "Windows-1252" in lines[0]


def test_a_file_of_another_kind_is_refused(database: Path, tmp_path: Path) -> None:
    lines = _problems(database, _write(tmp_path, ALPHA, "records.json"))
    assert ".csv or .xlsx" in lines[0]


def test_many_problems_list_the_first_fifty_and_count_the_rest(
    database: Path, tmp_path: Path
) -> None:
    text = "intervention,group,employed\n" + "Alpha,treatment,maybe\n" * 120
    with pytest.raises(outcomes.OutcomeProblems) as caught:
        _import(database, _write(tmp_path, text))
    assert caught.value.total == 120
    assert len(caught.value.problems) == outcomes.MAX_PROBLEMS
    assert caught.value.problems[0].row == 2
    assert error_lines(caught.value, "en")[-1].startswith("... and 70 more problem(s) (120 in all)")


# --- the command ----------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "viften", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_the_command_imports_and_list_reports_counts_and_the_interval(
    database: Path, tmp_path: Path
) -> None:
    done = _cli("outcomes", "import", str(_write(tmp_path, ALPHA)), "--db", str(database))
    assert done.returncode == 0, done.stderr
    assert "imported 5 outcome record(s)" in done.stdout
    listed = _cli("list", "--json", "--db", str(database))
    assert listed.returncode == 0, listed.stderr
    alpha = next(r for r in json.loads(listed.stdout) if r["name"] == "Alpha")
    assert (alpha["n_treatment"], alpha["n_control"], alpha["rates_from"]) == (3, 2, "outcomes")
    low, high = effects.newcombe_interval(2, 3, 1, 2)
    assert alpha["net_effect_ci_low"] == pytest.approx(low)
    assert alpha["net_effect_ci_high"] == pytest.approx(high)


def test_the_command_exits_2_and_lists_the_rows_on_stderr(database: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "intervention,group,employed\nAlpha,treatment,1\nAlpha,x,1\n")
    done = _cli("outcomes", "import", str(path), "--db", str(database))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "row 3, column group: 'x' is not a group: write treatment or control (deltager or kontrol)"
    )
    assert "Traceback" not in done.stderr
    assert _stored(database) == []


def test_the_demo_outcome_records_import_into_the_demo_database(tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    databases.ensure(path)
    summary = outcome_actions.import_records(path, paths.DEMO_OUTCOMES, EDITOR)
    assert len(summary.interventions) >= 3
    assert {i.intervention for i in summary.interventions} >= {"IPS", "Din vej i job"}


def test_one_audit_row_per_intervention_carries_its_municipality_and_import(
    database: Path, tmp_path: Path
) -> None:
    with db.transaction(database) as con:
        store.upsert(
            con,
            EDITOR.name,
            [{**_GAMMA, "municipality": "Aarhus"}],
            [*COLUMNS, "municipality"],
        )
    records = (
        "intervention,year,group,employed,municipality\n"
        "Alpha,2026,treatment,1,\nBeta,2026,control,0,\nGamma,2026,treatment,0,Aarhus\n"
    )
    summary = _import(database, _write(tmp_path, records))
    with db.connect(database) as con:
        trail = con.execute(
            "SELECT name, year, municipality, import_id, old, new FROM history "
            "WHERE field = 'outcome_records' ORDER BY seq"
        ).fetchall()
    assert [(name, year, place) for name, year, place, *_ in trail] == [
        ("Alpha", 2026, ""),
        ("Beta", 2026, ""),
        ("Gamma", 2026, "Aarhus"),
    ]
    assert {import_id for *_, import_id, _, _ in trail} == {summary.import_id}
    assert trail[2][4:] == (None, "treatment 1 (0 in job), control 0 (0 in job)")
    before = _history_count(database)
    _import(database, _write(tmp_path, records))  # the same counts again: nothing to record
    assert _history_count(database) == before


_GAMMA = {
    "name": "Gamma",
    "year": 2026,
    "target_group": "closer",
    "price_per_participant": 20000.0,
    "job_rate": 0.4,
    "control_job_rate": 0.3,
    "evidence_stars": 2,
}


# --- the fast path: records read straight into `outcomes` -----------------------------------
# A regular UTF-8 CSV imported with an import id goes into `outcomes` at once and is checked
# there; one without an id (the demo data) goes through the staging table. Both must give the
# very same records, trail and messages, and a refused file must leave no trace.


def _everything(database: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to see that a refused file changed nothing at all."""
    with db.connect(database) as con:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        return {t: sorted(con.table(t).fetchall(), key=repr) for t in tables}


def _staged_import(database: Path, path: Path) -> outcomes.OutcomeImportSummary:
    """The same import through the staging table (no import id, as the demo data go in)."""
    with db.transaction(database) as con:
        return outcomes.import_records(con, path, EDITOR.name)


def _trail(database: Path) -> list[tuple]:
    with db.connect(database) as con:
        return con.execute(
            "SELECT name, year, municipality, field, old, new FROM history "
            "WHERE field = 'outcome_records' ORDER BY seq"
        ).fetchall()


EARLIER = ALPHA.replace(",p", ",q").replace(",qerson_id", ",person_id")
"""Alpha's records of an earlier import, with other people."""

_BAD_FILES = {
    "bad values": (
        "intervention,year,group,employed,person_id\n"
        "Alpha,2026,treatment,1,p1\n,2026,control,0,p2\nAlpha,1999,control,0,p3\n"
        "Alpha,twenty,control,0,p4\nAlpha,2026,neither,1,p5\nAlpha,2026,control,maybe,p6\n"
        "Alpha,2026,,,p7\n"
    ),
    "an unknown intervention": (
        "intervention,year,group,employed\nAlpha,2026,treatment,1\nalpha,2026,control,0\n"
        "Gamma,2026,control,0\nBeta,2025,treatment,1\n"
    ),
    "a person twice": ALPHA + "Alpha,2026,control,0,p3\nBeta,2026,control,0,p3\n",
    "a blank line inside and a bad value": (
        "intervention,group,employed\nAlpha,treatment,1\n\nAlpha,control,x\n\r\nAlpha,x,1\n"
    ),
    "a row of empty cells": "intervention,group,employed\nAlpha,treatment,1\n,,\nAlpha,x,1\n",
    "too many values": "intervention,group,employed\nAlpha,treatment,1\nAlpha,control,0,9\n",
    "a quote left open": 'intervention,group,employed\nAlpha,treatment,1\n"Alpha,control,0\n',
    "a wrong header": "intervention,grupe,employed\nAlpha,treatment,1\n",
    "no records": "intervention,group,employed\n\n",
}


@pytest.mark.parametrize("kind", list(_BAD_FILES))
def test_a_bad_file_gives_the_same_messages_both_ways_and_leaves_no_trace(
    database: Path, tmp_path: Path, kind: str
) -> None:
    _import(database, _write(tmp_path, EARLIER, "earlier.csv"))
    before = _everything(database)
    path = _write(tmp_path, _BAD_FILES[kind])
    with pytest.raises(BadInput) as fast:
        _import(database, path)
    assert _everything(database) == before
    with pytest.raises(BadInput) as staged:
        _staged_import(database, path)
    assert _everything(database) == before
    for language in ("en", "da"):
        assert error_lines(fast.value, language) == error_lines(staged.value, language)


def test_a_semicolon_file_in_windows_1252_gives_the_same_messages_both_ways(
    database: Path, tmp_path: Path
) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(
        "Indsats;Gruppe;I job\nAlpha;deltager;ja\nAlpha;kontrol;måske\nÅrhus;kontrol;nej\n".encode(
            "cp1252"
        )
    )
    before = _everything(database)
    with pytest.raises(BadInput) as fast:
        _import(database, path)
    with pytest.raises(BadInput) as staged:
        _staged_import(database, path)
    assert _everything(database) == before
    assert error_lines(fast.value, "da") == error_lines(staged.value, "da")
    assert error_lines(fast.value, "en") == [
        "row 3, column I job: 'måske' is not a yes or no: write 1 or 0 (ja/nej, true/false)",
        "row 4, column Indsats: there is no intervention named 'Århus' in 2026",
    ]


_GOOD_FILES = {
    "english": ALPHA + "Beta,2026,control,1,p1\n",
    "danish, semicolons, spaces and a default year": (
        " Indsats ; I job ;Gruppe\nAlpha;ja; deltager \nAlpha; NEJ;KONTROL\nBeta;1;kontrol\n"
    ),
    "a blank line inside": "intervention,group,employed\nAlpha,treatment,1\n\nAlpha,control,0\n",
    "capitals and spaces around years and words": (
        "intervention,year,group,employed\nAlpha, 2026 ,Treatment ,YES\nAlpha,2026, control,False\n"
        "Alpha,,DELTAGER,Nej\nBeta,2026  ,kontrol,  1\n"
    ),
    "empty cells past the header's end": (
        "intervention,group,employed\nAlpha,treatment,1,,\nBeta,control,0\n"
    ),
    # DuckDB's reader refuses the short row, the shared reader takes it (the person empty):
    # the records stored at first are taken out again and go through the staging table
    "a short row without its optional last value": (
        "intervention,group,employed,person_id\nAlpha,treatment,1\nBeta,control,0,p2\n"
    ),
    "crlf and quotes": 'intervention,group,employed\r\n"Alpha",treatment,1\r\n"Beta",control,0\r\n',
    "in windows-1252": (
        "intervention;group;employed;person\nAlpha;treatment;ja;Søren\nBeta;control;nej;Åse\n"
    ),
}


@pytest.mark.parametrize("kind", list(_GOOD_FILES))
def test_a_good_file_stores_the_same_records_and_trail_both_ways(
    database: Path, tmp_path: Path, kind: str
) -> None:
    encoding = "cp1252" if "1252" in kind else "utf-8"
    earlier = _write(tmp_path, EARLIER + "Beta,2026,treatment,0,q9\n", "e.csv")
    path = tmp_path / "records.csv"
    path.write_bytes(_GOOD_FILES[kind].encode(encoding))
    results = []
    for number, way in enumerate((_import, _staged_import)):
        copy = tmp_path / f"copy{number}.duckdb"
        shutil.copy(database, copy)
        _staged_import(copy, earlier)
        summary = way(copy, path)
        results.append((summary.records, summary.replaced, summary.interventions))
        results.append((_stored(copy), _counts(copy), _trail(copy)))
    assert results[0] == results[2] and results[1] == results[3]
    with db.connect(tmp_path / "copy0.duckdb") as con:
        marks = con.execute("SELECT count(*) FROM outcomes WHERE import_id < 0").fetchone()
    assert marks == (0,)


def test_a_file_the_quick_check_doubts_but_the_detailed_one_clears_is_imported(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as where two people's hashes collide: the detailed check finds no problem at all
    quick = outcomes._quick_check
    monkeypatch.setattr(
        outcomes, "_quick_check", lambda con, staged, i: (quick(con, staged, i)[0], True)
    )
    summary = _import(database, _write(tmp_path, ALPHA))
    assert summary.records == 5
    assert _stored(database) == [
        ("Alpha", 2026, False, False, "p4"),
        ("Alpha", 2026, False, True, "p5"),
        ("Alpha", 2026, True, False, "p2"),
        ("Alpha", 2026, True, True, "p1"),
        ("Alpha", 2026, True, True, "p3"),
    ]


def _blank_line_before_last_record(data: bytes) -> bool:
    """The former check, a reference: the first blank line of each kind, then the rest."""
    for blank in (b"\n\n", b"\n\r\n"):
        found = data.find(blank)
        if found >= 0 and data[found:].strip():
            return True
    return False


@given(st.binary(max_size=40).map(lambda b: bytes(b"a \n\r\t\x0b\x0c,"[x % 8] for x in b)))
@settings(max_examples=500, deadline=None)
def test_the_blank_line_check_answers_as_before(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.csv"
        path.write_bytes(data)
        assert outcomes._has_inner_blank_line(path) == _blank_line_before_last_record(data)


def test_the_command_loads_no_library_it_does_not_need(database: Path, tmp_path: Path) -> None:
    # each costs start-up time on every import of records (issue 15: within 2x of a bare
    # DuckDB process); the texts' formatting (babel) only a refused file needs
    code = (
        "import contextlib, io, sys\n"
        "from viften.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['outcomes', 'import', {str(_write(tmp_path, ALPHA))!r}, "
        f"'--db', {str(database)!r}])\n"
        "heavy = ('pandas', 'numpy', 'scipy', 'streamlit', 'pyarrow', 'openpyxl', 'babel')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"
