"""Export to CSV, XLSX and Parquet: what is written imports again unchanged, and no
spreadsheet cell is ever a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from viften.actions import interventions as changes
from viften.actions.access import Actor
from viften.files import export as exporter
from viften.files import interventions as importer
from viften.model.assumptions import BENEFITS
from viften.model.domain import COLUMN_NAMES, COLUMNS_BY_NAME
from viften.model.errors import BadInput
from viften.store import db
from viften.store import interventions as store

EDITOR = Actor("tester", "editor")

FORMULA_TEXTS = [
    "=1+1",
    "+45 12 34 56",
    "-5 %",
    "@SUM(A1:A2)",
    "\tindrykket",
    "\rretur",
    '=HYPERLINK("http://x","klik")',
    "'=allerede beskyttet",
    "''+to apostroffer",
    "'almindelig apostrof",
    "-",
]


def row(name: str, **values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {c: COLUMNS_BY_NAME[c].empty for c in COLUMN_NAMES}
    base.update(
        name=name,
        year=2026,
        target_group="closer",
        price_per_participant=45000.0,
        job_rate=0.35,
        evidence_stars=2,
    )
    base.update(values)
    return base


ROWS = [
    row(
        "Mentor",
        provider="Jobcenter",
        provider_type="internal",
        capacity=100,
        participants=80,
        control_job_rate=0.3,
        effect_rating="high",
        duration_weeks=12.5,
        description='Linje 1\nLinje 2, med komma; og semikolon og "citat"',
        source="Egen opgørelse 2025",
    ),
    row(
        "Praktik i virksomhed",
        target_group="further",
        price_per_participant=9000.5,
        job_rate=0.143,
        control_job_rate=1 / 3,
        evidence_stars=3,
        effect_rating="low",
        duration_weeks=12.345,
        description="1,5",
        provider_type="external",
    ),
    row(
        "Kursus",
        target_group="cross",
        price_per_participant=0.0,
        job_rate=0.0,
        evidence_stars=1,
        capacity=0,
        participants=0,
        duration_weeks=0.125,
    ),
    row(
        "Dyr indsats",
        price_per_participant=1234567.89,
        job_rate=1.0,
        control_job_rate=0.0,
        effect_rating="medium",
        duration_weeks=2.0,
    ),
    row(
        "Lille rate",
        price_per_participant=12.345,
        job_rate=1e-05,
        control_job_rate=2.5e-07,
        duration_weeks=1e-03,
        description="12,500",
    ),
    row("Æbleø – ★ 😀", description="Tekst med 'apostrof'", source="'kilde'"),
    *[
        row(f"Formel {i}", description=text, provider=text, source=text)
        for i, text in enumerate(FORMULA_TEXTS)
    ],
    row("=Formel i navnet", provider="@leverandør"),
    row("-Minus i navnet"),
]


def fill(path: Path, rows: list[dict[str, Any]] = ROWS) -> None:
    with db.transaction(path) as con:
        store.upsert(con, EDITOR.name, rows, COLUMN_NAMES)


def stored(path: Path, year: int = 2026) -> list[dict[str, Any]]:
    with db.connect(path) as con:
        return store.stored_rows(con, year)


def new_database(tmp_path: Path, name: str) -> Path:
    import duckdb

    path = tmp_path / name
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.close()
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet", ".CSV", ".XLSX"])
def test_an_export_imports_again_unchanged(empty_db: Path, tmp_path: Path, suffix: str) -> None:
    fill(empty_db)
    original = stored(empty_db)
    out = tmp_path / f"export{suffix}"
    exporter.write_file(original, out)
    fresh = new_database(tmp_path, "fresh.duckdb")
    summary = changes.import_file(fresh, out.read_bytes(), out.name, EDITOR)
    assert len(summary.inserted) == len(ROWS)
    assert stored(fresh) == original


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_csv_and_parquet_keep_every_digit_of_a_number(suffix: str) -> None:
    exact = row(
        "A",
        price_per_participant=0.1 + 0.2,
        job_rate=0.1 + 0.2,
        control_job_rate=5e-324,
        duration_weeks=1.7976931348623157e308,
    )
    parsed = importer.parse(exporter.export_bytes([exact], suffix), f"x{suffix}").rows[0]
    for column in ("price_per_participant", "job_rate", "control_job_rate", "duration_weeks"):
        assert parsed[column] == exact[column], column


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_an_export_imported_over_its_own_database_changes_nothing(
    empty_db: Path, tmp_path: Path, snapshot: Any, suffix: str
) -> None:
    fill(empty_db)
    out = tmp_path / f"export{suffix}"
    exporter.write_file(stored(empty_db), out)
    before = snapshot(empty_db)
    summary = changes.import_file(empty_db, out.read_bytes(), out.name, EDITOR)
    assert summary.inserted == [] and summary.updated == []
    assert snapshot(empty_db) == before


def test_text_with_formula_starts_is_guarded_in_csv() -> None:
    data = exporter.to_csv(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert records[0] == list(COLUMN_NAMES)
    for record in records[1:]:
        for column, cell in zip(COLUMN_NAMES, record, strict=True):
            if cell and cell[0] in "=+-@\t\r":
                pytest.fail(f"{column} {cell!r} is not guarded")
    by_name = {r[0]: dict(zip(COLUMN_NAMES, r, strict=True)) for r in records[1:]}
    assert by_name["'=Formel i navnet"]["provider"] == "'@leverandør"
    assert by_name["Formel 0"]["description"] == "'=1+1"
    assert by_name["Formel 4"]["description"] == "'\tindrykket"
    assert by_name["Formel 5"]["description"] == "'\rretur"
    assert by_name["Formel 7"]["description"] == "''=allerede beskyttet"
    assert by_name["Formel 9"]["description"] == "'almindelig apostrof"


def test_numbers_stay_numbers_in_csv() -> None:
    data = exporter.to_csv(ROWS[:4])
    records = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert records[0]["price_per_participant"] == "45000"
    assert records[0]["capacity"] == "100"
    assert records[0]["evidence_stars"] == "2"
    assert records[0]["job_rate"] == "0.35"
    assert records[0]["year"] == "2026"
    assert records[1]["price_per_participant"] == "9000.5"
    assert records[2]["control_job_rate"] == ""


def test_no_csv_number_is_written_in_scientific_notation() -> None:
    data = exporter.to_csv(ROWS).decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(data, newline="")))
    small = next(r for r in records if r["name"] == "Lille rate")
    for column in ("job_rate", "control_job_rate", "duration_weeks"):
        assert "e" not in small[column].lower(), small[column]
        assert float(small[column]) == next(r for r in ROWS if r["name"] == "Lille rate")[column]


def test_text_with_formula_starts_is_guarded_in_xlsx_and_no_cell_is_a_formula() -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(exporter.to_xlsx(ROWS)))
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == list(COLUMN_NAMES)
    texts = 0
    for cells in rows:
        for cell in cells:
            assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
            if isinstance(cell.value, str):
                texts += 1
                assert cell.data_type == "s"
                if cell.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    pytest.fail(f"{cell.coordinate} {cell.value!r} is not guarded")
    assert texts > 50
    by_name = {
        r[0].value: {c: cell.value for c, cell in zip(COLUMN_NAMES, r, strict=True)}
        for r in rows[1:]
    }
    assert by_name["'=Formel i navnet"]["provider"] == "'@leverandør"
    for i, text in enumerate(FORMULA_TEXTS):
        written = by_name[f"Formel {i}"]["description"]
        if text[:1] in ("=", "+", "-", "@", "\t", "\r") or text.lstrip("'")[:1] in (
            "=",
            "+",
            "-",
            "@",
        ):
            assert written == "'" + text
        else:
            assert written == text


def test_numbers_stay_numbers_in_xlsx() -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(exporter.to_xlsx(ROWS[:2]))).worksheets[0]
    values = {c: sheet.cell(2, i).value for i, c in enumerate(COLUMN_NAMES, start=1)}
    assert values["price_per_participant"] == 45000
    assert values["year"] == 2026
    assert values["capacity"] == 100
    assert values["job_rate"] == 0.35
    assert values["evidence_stars"] == 2
    assert values["control_job_rate"] == 0.3
    for column in ("price_per_participant", "year", "capacity", "job_rate", "evidence_stars"):
        assert sheet.cell(2, COLUMN_NAMES.index(column) + 1).data_type == "n"
    assert sheet.cell(3, COLUMN_NAMES.index("price_per_participant") + 1).value == 9000.5


def test_parquet_keeps_types_and_text_as_it_is() -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(exporter.to_parquet(ROWS)))
    assert table.column_names == list(COLUMN_NAMES)
    assert str(table.schema.field("price_per_participant").type) == "double"
    assert str(table.schema.field("evidence_stars").type) == "int32"
    names = table.column("name").to_pylist()
    assert "=Formel i navnet" in names


@pytest.mark.parametrize("text", FORMULA_TEXTS)
def test_the_guard_is_undone_exactly_on_import(text: str) -> None:
    for suffix in (".csv", ".xlsx"):
        data = exporter.export_bytes([row("A", description=text)], suffix)
        parsed = importer.parse(data, f"x{suffix}").rows[0]
        assert parsed["description"] == text, suffix


def test_guard_adds_one_apostrophe_only_where_a_spreadsheet_would_run_the_text() -> None:
    assert exporter.guard("=1") == "'=1"
    assert exporter.guard("'=1") == "''=1"
    assert exporter.guard("'a") == "'a"
    assert exporter.guard("a=1") == "a=1"
    assert exporter.guard("") == ""


def test_a_control_character_stored_earlier_fails_the_xlsx_export_with_a_message() -> None:
    from viften.model.errors import ViftenError

    legacy = [row("A", description="klokke\x07")]
    with pytest.raises(ViftenError, match="control character"):
        exporter.to_xlsx(legacy)
    for suffix in (".csv", ".parquet"):
        data = exporter.export_bytes(legacy, suffix)
        assert data


def test_an_unknown_export_suffix_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        exporter.write_file(ROWS, tmp_path / "x.json")
    with pytest.raises(BadInput):
        exporter.export_bytes(ROWS, "")


def test_the_template_imports_and_explains_every_column_in_danish() -> None:
    from openpyxl import load_workbook

    data = exporter.template_xlsx()
    parsed = importer.parse(data, "skabelon.xlsx")
    assert len(parsed.rows) == 1
    assert parsed.rows[0]["name"] == "Virksomhedspraktik"
    assert parsed.rows[0]["job_rate"] == 0.38
    book = load_workbook(io.BytesIO(data))
    explained = [r[1] for r in book["Forklaring"].iter_rows(min_row=2, values_only=True)]
    assert explained == list(COLUMN_NAMES)


# --- the round trip for any content the importer can store -------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_core_text = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"))
        | st.sampled_from(["\t", "\n", "\r", "'", "=", "+", "-", "@"]),
        min_size=1,
        max_size=25,
    )
    .map(str.strip)
    .filter(bool)
)
_texts = st.builds(
    lambda prefix, core: prefix + core,
    st.sampled_from(["", "=", "+", "-", "@", "'", "'=", "''-", "\t", "\r", "\t="]),
    _core_text,
).filter(lambda t: t.strip() == t or t[0] in "\t\r")
# numbers as a file can write them: at most 15 significant digits
_shares = st.integers(0, 10**6).map(lambda n: n / 10**6)
_money = st.decimals(0, 10**9, places=2, allow_nan=False).map(float)
_positive = st.integers(1, 10**7).map(lambda n: n / 1000)


@st.composite
def _stored_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    names = draw(st.lists(_texts, min_size=1, max_size=5, unique=True))
    rows = []
    for name in names:
        optional = st.none() | _texts
        rows.append(
            row(
                name,
                year=draw(st.integers(2000, 2100)),
                target_group=draw(st.sampled_from(["closer", "further", "cross"])),
                provider=draw(optional),
                provider_type=draw(st.sampled_from([None, "internal", "external"])),
                price_per_participant=draw(_money),
                capacity=draw(st.none() | st.integers(0, 10**7)),
                participants=draw(st.none() | st.integers(0, 10**7)),
                job_rate=draw(_shares),
                control_job_rate=draw(st.none() | _shares),
                evidence_stars=draw(st.integers(1, 3)),
                effect_rating=draw(st.sampled_from([None, "high", "medium", "low"])),
                duration_weeks=draw(st.none() | _positive),
                description=draw(optional),
                source=draw(optional),
                benefit=draw(st.none() | st.sampled_from(BENEFITS)),
                weeks_on_benefit=draw(st.none() | st.integers(0, 10**4)),
                persistence=draw(st.none() | _shares),
                mandatory=draw(st.booleans()),
            )
        )
    return rows


@settings(max_examples=40, deadline=None)
@given(rows=_stored_rows(), suffix=st.sampled_from([".csv", ".xlsx", ".parquet"]))
def test_whatever_the_importer_can_store_comes_back_unchanged(
    rows: list[dict[str, Any]], suffix: str
) -> None:
    parsed = importer.parse(exporter.export_bytes(rows, suffix), f"x{suffix}").rows
    assert parsed == rows
