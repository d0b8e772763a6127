"""Both imports read files by the same rules (viften.files.tabular): Windows-1252 as Danish
Excel saves it, a byte order mark, tabs, title rows above the header, a guide sheet first."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pytest
from openpyxl import Workbook

from viften.actions import outcomes as outcome_actions
from viften.actions.access import EDITOR as ROLE_EDITOR
from viften.actions.access import Actor
from viften.files import interventions as importer
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db
from viften.store import interventions as store

EDITOR = Actor("Test Editor", ROLE_EDITOR)
DANISH_NAME = "Ærø – mentor"
"""Æ and ø are the same in Latin-1 and Windows-1252; the dash is Windows-1252's own."""

IV_HEADER = ["navn", "målgruppe", "pris pr. deltager", "jobandel", "evidens"]
IV_ROW = [DANISH_NAME, "tættere på", "45000", "35 %", "2"]
IV_BAD_ROW = ["Andet", "ukendt", "45000", "35 %", "2"]
OUT_HEADER = ["indsats", "gruppe", "i job"]
OUT_ROWS = [[DANISH_NAME, "deltager", "ja"], [DANISH_NAME, "kontrol", "nej"]]
OUT_BAD_ROW = [DANISH_NAME, "ingen", "ja"]
TITLE_ROWS: list[list[Any]] = [["Indsatser 2026"], ["Udskrevet 1. december 2026"], []]


def csv_text(rows: Sequence[Sequence[Any]], delimiter: str) -> str:
    return "".join(delimiter.join(str(c) for c in row) + "\r\n" for row in rows)


def workbook(*sheets: Sequence[Sequence[Any]]) -> bytes:
    """A real workbook written by openpyxl, one sheet per list of rows."""
    book = Workbook()
    book.remove(book.active)
    for number, rows in enumerate(sheets, start=1):
        sheet = book.create_sheet(f"Ark{number}")
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GUIDE = [
    ["Kolonne", "Engelsk navn", "Påkrævet", "Forklaring"],
    ["navn", "name", "ja", "Indsatsens navn"],
    ["indsats", "intervention", "ja", "Indsatsens navn i udfaldsdata"],
    ["gruppe", "group", "ja", "deltager eller kontrol"],
]


# --- the interventions file -----------------------------------------------------------------


def parse(data: bytes, filename: str) -> list[dict[str, Any]]:
    return importer.parse(data, filename, default_year=2026).rows


def problems(data: bytes, filename: str) -> list[str]:
    with pytest.raises(BadInput) as caught:
        importer.parse(data, filename, default_year=2026)
    return error_lines(caught.value, "en")


def test_an_interventions_file_in_windows_1252_keeps_its_danish_letters() -> None:
    data = csv_text([IV_HEADER, IV_ROW], ";").encode("cp1252")
    assert [row["name"] for row in parse(data, "fil.csv")] == [DANISH_NAME]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_an_interventions_file_with_a_byte_order_mark_reads_with_any_delimiter(
    delimiter: str,
) -> None:
    data = b"\xef\xbb\xbf" + csv_text([IV_HEADER, IV_ROW], delimiter).encode("utf-8")
    (row,) = parse(data, "fil.csv")
    assert (row["name"], row["price_per_participant"], row["job_rate"]) == (
        DANISH_NAME,
        45000.0,
        0.35,
    )


def test_a_tab_separated_interventions_file_reads_decimal_points() -> None:
    data = csv_text([IV_HEADER, [*IV_ROW[:3], "0.35", "2"]], "\t").encode("utf-8")
    assert parse(data, "fil.txt")[0]["job_rate"] == 0.35


def test_title_rows_above_the_csv_header_are_skipped_and_still_counted() -> None:
    data = csv_text([*TITLE_ROWS, IV_HEADER, IV_ROW, IV_BAD_ROW], ";").encode("utf-8")
    assert problems(data, "fil.csv") == [
        "row 6, column målgruppe: 'ukendt' is not one of closer, further or cross "
        "(tættere på, længere væk, tværgående)"
    ]
    good = csv_text([*TITLE_ROWS, IV_HEADER, IV_ROW], ";").encode("utf-8")
    assert [row["name"] for row in parse(good, "fil.csv")] == [DANISH_NAME]


def test_title_rows_above_the_xlsx_header_are_skipped_and_still_counted() -> None:
    data = workbook([*TITLE_ROWS, IV_HEADER, IV_ROW, IV_BAD_ROW])
    assert [line.split(":")[0] for line in problems(data, "fil.xlsx")] == [
        "row 6, column målgruppe"
    ]
    assert [r["name"] for r in parse(workbook([*TITLE_ROWS, IV_HEADER, IV_ROW]), "f.xlsx")] == [
        DANISH_NAME
    ]


def test_a_guide_sheet_before_the_interventions_sheet_is_passed_over() -> None:
    data = workbook(GUIDE, [IV_HEADER, IV_ROW])
    assert [row["name"] for row in parse(data, "fil.xlsx")] == [DANISH_NAME]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_file_without_a_header_row_anywhere_names_the_required_columns_not_found(
    kind: str,
) -> None:
    rows = [["Indsatser"], ["navn", "beskrivelse"], ["Mentor", "Et forløb"]]
    data = (
        csv_text(rows, ";").encode("utf-8")
        if kind == "csv"
        else workbook(rows, [["Noter"], ["intet her"]])
    )
    lines = problems(data, f"fil.{kind}")
    missing = [line for line in lines if "required column is missing" in line]
    assert [line.split(":")[0] for line in missing] == [
        "row 2, column target_group",
        "row 2, column price_per_participant",
        "row 2, column job_rate",
        "row 2, column evidence_stars",
    ]


# --- the outcome records --------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database whose one intervention has a name that only Windows-1252 can spell."""
    path = tmp_path / "tabular.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    store.upsert(
        con,
        EDITOR.name,
        [
            {
                "name": DANISH_NAME,
                "year": 2026,
                "target_group": "closer",
                "price_per_participant": 20000.0,
                "job_rate": 0.4,
                "evidence_stars": 2,
            }
        ],
        ["name", "year", "target_group", "price_per_participant", "job_rate", "evidence_stars"],
    )
    con.close()
    return path


def import_records(database: Path, path: Path) -> list[tuple[str, int, int]]:
    summary = outcome_actions.import_records(database, path, EDITOR)
    return [(i.intervention, i.n_treatment, i.n_control) for i in summary.interventions]


def outcome_problems(database: Path, path: Path) -> list[str]:
    with pytest.raises(BadInput) as caught:
        import_records(database, path)
    return error_lines(caught.value, "en")


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


IMPORTED = [(DANISH_NAME, 1, 1)]


def test_outcome_records_in_windows_1252_keep_their_danish_letters(
    database: Path, tmp_path: Path
) -> None:
    path = written(tmp_path, "r.csv", csv_text([OUT_HEADER, *OUT_ROWS], ";").encode("cp1252"))
    assert import_records(database, path) == IMPORTED


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_outcome_records_with_a_byte_order_mark_read_with_any_delimiter(
    database: Path, tmp_path: Path, delimiter: str
) -> None:
    data = b"\xef\xbb\xbf" + csv_text([OUT_HEADER, *OUT_ROWS], delimiter).encode("utf-8")
    assert import_records(database, written(tmp_path, "r.csv", data)) == IMPORTED


def test_title_rows_above_the_outcome_csv_header_are_skipped_and_still_counted(
    database: Path, tmp_path: Path
) -> None:
    rows = [*TITLE_ROWS, OUT_HEADER, *OUT_ROWS]
    assert (
        import_records(database, written(tmp_path, "r.csv", csv_text(rows, ";").encode("utf-8")))
        == IMPORTED
    )
    bad = written(tmp_path, "bad.csv", csv_text([*rows, OUT_BAD_ROW], ";").encode("utf-8"))
    assert outcome_problems(database, bad)[0].startswith(
        "row 7, column gruppe: 'ingen' is not a group"
    )


def test_title_rows_above_the_outcome_xlsx_header_are_skipped_and_still_counted(
    database: Path, tmp_path: Path
) -> None:
    rows = [*TITLE_ROWS, OUT_HEADER, *OUT_ROWS]
    assert import_records(database, written(tmp_path, "r.xlsx", workbook(rows))) == IMPORTED
    bad = written(tmp_path, "bad.xlsx", workbook([*rows, OUT_BAD_ROW]))
    assert outcome_problems(database, bad)[0].startswith(
        "row 7, column gruppe: 'ingen' is not a group"
    )


def test_a_guide_sheet_before_the_outcome_records_is_passed_over(
    database: Path, tmp_path: Path
) -> None:
    path = written(tmp_path, "r.xlsx", workbook(GUIDE, [OUT_HEADER, *OUT_ROWS]))
    assert import_records(database, path) == IMPORTED


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_outcome_records_without_a_header_row_anywhere_name_the_columns_not_found(
    database: Path, tmp_path: Path, kind: str
) -> None:
    rows = [["Udfald"], ["indsats", "person"], [DANISH_NAME, "p1"]]
    data = csv_text(rows, ";").encode("utf-8") if kind == "csv" else workbook(rows, [["Noter"]])
    lines = outcome_problems(database, written(tmp_path, f"r.{kind}", data))
    assert lines == [
        "row 2, column group: the required column 'group' (gruppe) is missing",
        "row 2, column employed: the required column 'employed' (i job) is missing",
    ]
