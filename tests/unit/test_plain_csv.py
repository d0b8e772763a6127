"""The quick way in for a plain CSV file (`store.plain_csv`) against the reader it stands in
for: the same file imported both ways stores the same rows and history, or is refused with
the same messages; and the quick way does take the plain files it is there for."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from viften.actions import interventions as changes
from viften.actions.access import Actor
from viften.files import interventions as importer
from viften.model.domain import COLUMNS, COLUMNS_BY_NAME
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db, plain_csv
from viften.store import interventions as store

EDITOR = Actor("plain", "editor")
YEAR = dt.date.today().year
BOTH_WAYS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

HEADER = "name,year,target_group,price_per_participant,job_rate,evidence_stars"


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plain") / "empty.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.close()
    return path


def fresh(template: Path, folder: Path, name: str, setup: str = "") -> Path:
    path = folder / name
    path.unlink(missing_ok=True)
    shutil.copyfile(template, path)
    if setup:
        changes.import_file(path, setup.encode(), "setup.csv", EDITOR)
    return path


def outcome(path: Path, data: bytes, source: Path | None, filename: str = "f.csv") -> Any:
    """What an import did: the summary, or the messages it was refused with (both languages)."""
    try:
        summary = changes.import_file(path, data, filename, EDITOR, source=source)
    except BadInput as error:
        return ("refused", error_lines(error, "en"), error_lines(error, "da"))
    return ("imported", summary.inserted, summary.updated, summary.unchanged, summary.import_id)


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Everything an import writes, without what differs from run to run (times, ids)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "interventions": con.execute(
                "SELECT * EXCLUDE (id, updated_at) FROM interventions "
                "ORDER BY municipality, name, year"
            ).fetchall(),
            "history": con.execute(
                'SELECT "user", action, h.name, h.year, field, old, new, h.municipality, '
                "import_id, i.name FROM history h LEFT JOIN interventions i "
                "ON i.id = h.intervention_id ORDER BY h.municipality, h.name, h.year, field"
            ).fetchall(),
            "imports": con.execute(
                'SELECT id, "user", what, file_name, rows FROM imports ORDER BY id'
            ).fetchall(),
        }
    finally:
        con.close()


def both_ways(template: Path, folder: Path, text: str | bytes, setup: str = "") -> Any:
    """Import a file the quick way (where it takes it) and the reader's way: the same."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    source = folder / "f.csv"
    source.write_bytes(data)
    quick = fresh(template, folder, "quick.duckdb", setup)
    slow = fresh(template, folder, "slow.duckdb", setup)
    quick_outcome = outcome(quick, data, source)
    slow_outcome = outcome(slow, data, None)
    assert quick_outcome == slow_outcome
    assert contents(quick) == contents(slow)
    return quick_outcome


def taken(template: Path, folder: Path, text: str, setup: str = "") -> bool:
    """Whether the quick way takes the file (on a database after `setup`)."""
    source = folder / "taken.csv"
    source.write_text(text, encoding="utf-8", newline="")
    path = fresh(template, folder, "taken.duckdb", setup)
    with duckdb.connect(str(path)) as con:
        return plain_csv.check(con, source, store.own_municipality(con), YEAR) is not None


# --- hand-written files ----------------------------------------------------------------------

PLAIN = f"{HEADER}\nIPS,2026,closer,45000,0.42,3\nPraktik,,further,12000.5,0.2,1\n"
EVERY_COLUMN = (
    ",".join(c.name for c in COLUMNS)
    + "\n"
    + ",".join(
        {
            "name": "Alle",
            "year": "2027",
            "target_group": "tættere på",
            "provider": "Jobcenter",
            "provider_type": "intern",
            "price_per_participant": "1000",
            "capacity": "40",
            "participants": "12",
            "job_rate": "1",
            "control_job_rate": "0",
            "evidence_stars": "2",
            "effect_rating": "høj",
            "duration_weeks": "0.5",
            "description": '"Med komma, og ""citat"""',
            "source": "Kilde",
            "benefit": "dagpenge",
            "weeks_on_benefit": "26",
            "persistence": "0.5",
            "mandatory": "ja",
            "municipality": "Aarhus",
            "kind": "IPS",
        }[c.name]
        for c in COLUMNS
    )
    + "\n"
)

TAKEN = {
    "plain": PLAIN,
    "every column": EVERY_COLUMN,
    "Danish headers": "navn,målgruppe,pris pr. deltager,jobandel,evidens\nIPS,cross,1,0.1,2\n",
    "CRLF": PLAIN.replace("\n", "\r\n"),
    "byte order mark": "\ufeff" + PLAIN,
    "blank rows": PLAIN + ",,,,,\n\nSidst,,cross,1,0,1\n",
    "a cell in quotes": f'{HEADER}\n"IPS, udvidet",2026,closer,1,0.5,3\n',
    "empty cells too many": f"{HEADER}\nIPS,2026,closer,5,0.3,3,\nA,2026,cross,5,0.3,3,,,\n",
    "a line break in a cell": f'{HEADER}\n"IPS\nto linjer",2026,closer,1,0.5,3\n',
}

NOT_TAKEN = {
    "semicolons": PLAIN.replace(",", ";"),
    "decimal comma": f'{HEADER}\nIPS,2026,closer,45000,"0,42",3\n',
    "a title above": "Indsatser\n" + PLAIN,
    "an unknown column": PLAIN.replace("evidence_stars", "evidens_stars"),
    "a column twice": PLAIN.replace("\n", ",x\n", 1).replace(",x\n", ",navn\n", 1),
    "a required column missing": "name,target_group\nIPS,closer\n",
    "Windows-1252": "IGNORED",
    "a bad cell": f"{HEADER}\nIPS,2026,closer,-5,0.42,3\n",
    "a percent": f"{HEADER}\nIPS,2026,closer,5,35 %,3\n",
    "spaces round a cell": f"{HEADER}\nIPS ,2026,closer,5,0.3,3\n",
    "a formula guard": f"{HEADER}\n'=IPS,2026,closer,5,0.3,3\n",
    "a capital": f"{HEADER}\nIPS,2026,Closer,5,0.3,3\n",
    "a name twice": f"{HEADER}\nIPS,2026,closer,5,0.3,3\nIPS,2026,cross,5,0.3,3\n",
    "a short row": f"{HEADER}\nIPS,2026,closer,5,0.3\n",
    "a long row": f"{HEADER}\nIPS,2026,closer,5,0.3,3,x\n",
    "a required cell empty": f"{HEADER}\nIPS,2026,,5,0.3,3\n",
    "a year out of range": f"{HEADER}\nIPS,1999,closer,5,0.3,3\n",
    "a name too long": f"{HEADER}\n{'x' * 201},2026,closer,5,0.3,3\n",
    "a control character": f"{HEADER}\nI\x01PS,2026,closer,5,0.3,3\n",
    "a carriage return in a cell": f'{HEADER}\n"I\r\nPS",2026,closer,5,0.3,3\n',
    "no rows": f"{HEADER}\n",
    "a tab": PLAIN.replace(",", "\t"),
}
MANY = HEADER + "\n" + "".join(f"N{n},2026,closer,1,0.5,2\n" for n in range(3000))
"""More than the first 64 KiB that the header and the encoding are seen in."""
LATE = {
    "Windows-1252 far down": (MANY + "Æble,2026,closer,1,0.5,2\n").encode("cp1252"),
    "a stray quote far down": (MANY + '"Æble"x,2026,closer,1,0.5,2\n').encode(),
    "a short row far down": (MANY + "Æble,2026,closer,1,0.5\n").encode(),
    "good far down": (MANY + "Æble,2026,closer,1,0.5,2\n").encode(),
}


@pytest.mark.parametrize("data", LATE.values(), ids=LATE.keys())
def test_a_long_file_comes_out_the_same_both_ways(
    empty_database: Path, tmp_path: Path, data: bytes
) -> None:
    assert len(data) > 1 << 16
    both_ways(empty_database, tmp_path, data)


@pytest.mark.parametrize("text", TAKEN.values(), ids=TAKEN.keys())
def test_a_plain_file_is_taken_the_quick_way_and_stored_as_the_reader_stores_it(
    empty_database: Path, tmp_path: Path, text: str
) -> None:
    assert taken(empty_database, tmp_path, text)
    assert both_ways(empty_database, tmp_path, text)[0] == "imported"


@pytest.mark.parametrize("name", NOT_TAKEN.keys())
def test_any_other_file_goes_to_the_reader_with_the_same_result(
    empty_database: Path, tmp_path: Path, name: str
) -> None:
    text = NOT_TAKEN[name]
    data = PLAIN.encode("cp1252") if name == "Windows-1252" else text.encode("utf-8")
    if name == "Windows-1252":
        data = data.replace(b"IPS", "Ældre".encode("cp1252"))
    else:
        assert not taken(empty_database, tmp_path, text)
    both_ways(empty_database, tmp_path, data)


def test_a_file_that_updates_stored_rows_goes_to_the_reader(
    empty_database: Path, tmp_path: Path
) -> None:
    setup = f"{HEADER}\nIPS,2026,closer,1,0.1,1\n"
    assert not taken(empty_database, tmp_path, PLAIN, setup)
    quick = both_ways(empty_database, tmp_path, PLAIN, setup)
    assert quick[1:4] == ([f"Praktik ({YEAR})"], ["IPS (2026)"], [])


def test_the_own_municipality_is_written_where_the_file_names_none(
    empty_database: Path, tmp_path: Path
) -> None:
    template = tmp_path / "own.duckdb"
    shutil.copyfile(empty_database, template)
    with duckdb.connect(str(template)) as con:
        store.set_setting(con, "municipality", "Vejle")
    text = EVERY_COLUMN + "Uden,2026,cross,,,1,,,0.1,,1,,,,,,,,,,\n"
    assert taken(template, tmp_path, text)
    result = both_ways(template, tmp_path, text)
    assert result[1] == ["Alle (Aarhus, 2027)", "Uden (2026)"]


# --- the patterns against `read_cell` ----------------------------------------------------------


def test_text_the_pattern_takes_is_stored_exactly_as_read_cell_stores_it() -> None:
    characters = [chr(c) for c in range(0x3100) if not 0xD800 <= c <= 0xDFFF]
    texts = [t for c in characters for t in (c, f"a{c}", f"{c}a", f"a{c}a", f"'{c}")]
    with duckdb.connect() as con:
        accepted = con.execute(
            "SELECT t FROM unnest($texts::VARCHAR[]) AS u(t) "
            "WHERE regexp_full_match(t, $text) AND NOT regexp_matches(t, $control)",
            {"texts": texts, "text": plain_csv.TEXT_PATTERN, "control": plain_csv.CONTROL_PATTERN},
        ).fetchall()
    assert len(accepted) > len(characters)
    column = COLUMNS_BY_NAME["name"]
    for (text,) in accepted:
        assert importer.read_cell(column, text, decimal_comma=False) == text


@pytest.mark.parametrize("kind", plain_csv.NUMBER_PATTERNS)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_number_the_pattern_takes_is_read_as_read_cell_reads_it(
    kind: str, data: st.DataObject
) -> None:
    pattern, sql_type, within = plain_csv.NUMBER_PATTERNS[kind]
    text = data.draw(st.from_regex(pattern, fullmatch=True).filter(str.isascii))
    column = next(c for c in COLUMNS if c.kind == kind)
    with duckdb.connect() as con:
        found = con.execute(
            f"SELECT CASE WHEN TRY_CAST($t AS {sql_type}) {within} "
            f"THEN TRY_CAST($t AS {sql_type}) END",
            {"t": text},
        ).fetchone()
    assert found is not None
    try:
        expected = importer.read_cell(column, text, decimal_comma=False)
    except importer.CellError:
        expected = None
    assert found[0] == expected
    assert type(found[0]) is type(expected)


def test_every_choice_is_a_spelling_read_cell_reads() -> None:
    for column in COLUMNS:
        choices = importer.plain_choices(column)
        if choices is not None:
            assert choices
            assert all(importer.read_cell(column, k, False) == v for k, v in choices.items())


# --- any file, both ways -----------------------------------------------------------------------

CELLS: dict[str, list[str]] = {
    "name": ["IPS", "Praktik", "IPS", "", " IPS", "'=IPS", "IPS\x02", "Æble, pære", "x" * 201],
    "year": ["2026", "", "2027", "1999", "2026.0", "20 26", "abc"],
    "target_group": ["closer", "further", "tværgående", "Closer", "", "nær"],
    "provider": ["Jobcenter", "", " Jobcenter", "=1+1", "a\u00a0"],
    "provider_type": ["internal", "ekstern", "", "INTERN", "x"],
    "price_per_participant": ["45000", "0", "12.5", "12,5", "1.234.567", "-1", "", "1e3"],
    "capacity": ["10", "", "0", "10.0", "-3", "1.5", "9" * 20],
    "job_rate": ["0.42", "1", "0", "42 %", "1.5", "", "0,3"],
    "control_job_rate": ["0.1", "", "0.0", "2"],
    "evidence_stars": ["1", "2", "3", "4", "★★", "", "2.0"],
    "effect_rating": ["high", "lav", "", "Høj"],
    "duration_weeks": ["12", "0.5", "0", "", "-1"],
    "mandatory": ["yes", "nej", "1", "", "Ja", "maybe"],
    "municipality": ["", "Aarhus", "Vejle", " Aarhus"],
    "benefit": ["dagpenge", "", "kontanthjælp", "x"],
    "weeks_on_benefit": ["26", "", "1.5", "-2"],
}


def _quoted(cell: str) -> str:
    return f'"{cell}"' if any(c in cell for c in ',"\n\r') else cell


@st.composite
def plain_looking_file(draw: st.DrawFn) -> str:
    optional = [c for c in CELLS if not COLUMNS_BY_NAME[c].required]
    columns = [c.name for c in COLUMNS if c.required]
    columns += draw(st.lists(st.sampled_from(optional), unique=True, max_size=5))
    columns = draw(st.permutations(columns))
    rows = draw(
        st.lists(st.tuples(*(st.sampled_from(CELLS[c]) for c in columns)), min_size=0, max_size=6)
    )
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [",".join(columns)]
    lines += [",".join(_quoted(cell) for cell in row) for row in rows]
    return newline.join(lines) + newline


@BOTH_WAYS
@given(text=plain_looking_file())
@example(text=PLAIN)
def test_any_plain_looking_file_comes_out_the_same_both_ways(
    empty_database: Path, tmp_path: Path, text: str
) -> None:
    both_ways(empty_database, tmp_path, text)


@BOTH_WAYS
@given(text=plain_looking_file())
def test_any_plain_looking_file_over_stored_rows_comes_out_the_same_both_ways(
    empty_database: Path, tmp_path: Path, text: str
) -> None:
    both_ways(empty_database, tmp_path, text, setup=f"{HEADER}\nIPS,2026,closer,1,0.1,1\n")


def test_a_csv_file_named_as_a_workbook_is_refused_as_the_reader_refuses_it(
    empty_database: Path, tmp_path: Path
) -> None:
    source = tmp_path / "f.xlsx"
    source.write_text(PLAIN, encoding="utf-8")
    quick = fresh(empty_database, tmp_path, "quick.duckdb")
    slow = fresh(empty_database, tmp_path, "slow.duckdb")
    refused = [
        outcome(path, source.read_bytes(), given, "f.xlsx")
        for path, given in ((quick, source), (slow, None))
    ]
    assert refused[0] == refused[1]
    assert refused[0][0] == "refused"
    assert contents(quick) == contents(slow)


def test_a_file_whose_name_reads_as_a_pattern_is_imported_as_itself_alone(
    empty_database: Path, tmp_path: Path
) -> None:
    source = tmp_path / "f[1].csv"
    source.write_text(PLAIN, encoding="utf-8")
    (tmp_path / "f1.csv").write_text(f"{HEADER}\nAndet,2026,cross,1,0.1,1\n", encoding="utf-8")
    path = fresh(empty_database, tmp_path, "quick.duckdb")
    with duckdb.connect(str(path)) as con:
        assert plain_csv.check(con, source, "", YEAR) is None
    done = outcome(path, source.read_bytes(), source, source.name)
    assert done[1] == ["IPS (2026)", f"Praktik ({YEAR})"]


def test_the_command_line_takes_a_plain_file_the_quick_way(
    empty_database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viften import cli

    def no_reader(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the reader was asked to read a plain file")

    source = tmp_path / "plain.csv"
    source.write_text(EVERY_COLUMN, encoding="utf-8")
    path = fresh(empty_database, tmp_path, "cli.duckdb")
    monkeypatch.setattr(importer, "parse", no_reader)
    assert cli.main(["import", str(source), "--db", str(path)]) == 0
    assert len(contents(path)["interventions"]) == 1
