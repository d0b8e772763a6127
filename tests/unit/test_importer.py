"""Reading the interventions file: every separator, decimal style and spelling people use,
and every kind of bad value placed as `row N, column C: message`."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from viften.actions import interventions as changes
from viften.actions.access import Actor, PermissionDenied
from viften.files import interventions as importer
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db
from viften.store import interventions as store

EDITOR = Actor("tester", "editor")
REQUIRED = ["name", "target_group", "price_per_participant", "job_rate", "evidence_stars"]
DANISH_REQUIRED = ["navn", "målgruppe", "pris pr. deltager", "jobandel", "evidens"]


def csv_bytes(header: list[str], rows: list[list[Any]], sep: str = ",", bom: bool = False) -> bytes:
    """A CSV file as a person would type it; a cell holding the separator is quoted."""

    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        if sep in text or '"' in text or "\n" in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    lines = [sep.join(cell(c) for c in header)]
    lines += [sep.join(cell(c) for c in row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def parse(data: bytes, filename: str = "file.csv") -> list[dict[str, Any]]:
    return importer.parse(data, filename, default_year=2026).rows


def one(header: list[str], row: list[Any], sep: str = ",") -> dict[str, Any]:
    rows = parse(csv_bytes(header, [row], sep))
    assert len(rows) == 1
    return rows[0]


def problems(data: bytes, filename: str = "file.csv") -> list[str]:
    with pytest.raises(BadInput) as caught:
        importer.parse(data, filename, default_year=2026)
    return error_lines(caught.value, "en")


def problems_of(header: list[str], rows: list[list[Any]], sep: str = ",") -> list[str]:
    return problems(csv_bytes(header, rows, sep))


# --- separators, decimals, thousands ------------------------------------------------------


def test_a_comma_separated_file_with_decimal_points_is_read() -> None:
    row = one(
        [*REQUIRED, "control_job_rate", "duration_weeks"],
        ["Mentor", "closer", "45000.5", "0.35", "2", "0.3", "12.5"],
    )
    assert row == {
        "name": "Mentor",
        "year": 2026,
        "target_group": "closer",
        "price_per_participant": 45000.5,
        "job_rate": 0.35,
        "evidence_stars": 2,
        "control_job_rate": 0.3,
        "duration_weeks": 12.5,
    }


def test_a_semicolon_separated_file_with_decimal_commas_is_read() -> None:
    row = one(
        [*DANISH_REQUIRED, "kontrolgruppens jobandel", "varighed (uger)"],
        ["Mentor", "tættere på", "45000,5", "0,35", "2", "0,3", "12,5"],
        sep=";",
    )
    assert row["price_per_participant"] == 45000.5
    assert row["job_rate"] == 0.35
    assert row["control_job_rate"] == 0.3
    assert row["duration_weeks"] == 12.5


def test_a_comma_separated_file_with_quoted_decimal_commas_is_read() -> None:
    row = one(REQUIRED, ["Mentor", "closer", "45000", "0,35", "2"])
    assert row["job_rate"] == 0.35


@pytest.mark.parametrize(
    ("written", "sep", "expected"),
    [
        ("1.234.567", ";", 1234567.0),
        ("1,234,567", ",", 1234567.0),
        ("1 234 567", ",", 1234567.0),
        ("1 234 567", ";", 1234567.0),
        ("1\u00a0234\u00a0567", ";", 1234567.0),
        ("1.234.567,50", ";", 1234567.5),
        ("1,234,567.50", ",", 1234567.5),
        ("45.000", ";", 45000.0),
        ("45,000", ",", 45000.0),
        ("45000", ",", 45000.0),
        ("45.000 kr.", ";", 45000.0),
        ("kr. 45.000", ";", 45000.0),
        ("45.000 kr", ";", 45000.0),
        ("45000 DKK", ",", 45000.0),
        ("45.000,-", ";", 45000.0),
        ("0", ",", 0.0),
    ],
)
def test_prices_are_read_as_people_write_them(written: str, sep: str, expected: float) -> None:
    row = one(REQUIRED, ["Mentor", "closer", written, "35 %", "2"], sep=sep)
    assert row["price_per_participant"] == expected


def test_a_comma_file_with_one_thousands_group_reads_it_as_thousands() -> None:
    # "12,500" in a comma-separated file with decimal points elsewhere is twelve thousand
    # five hundred, not twelve and a half
    rows = parse(
        csv_bytes(
            REQUIRED, [["A", "closer", "12,500", "0.35", "2"], ["B", "closer", "9000", "0.4", "1"]]
        )
    )
    assert rows[0]["price_per_participant"] == 12500.0


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("sep", [",", ";"])
def test_a_byte_order_mark_is_accepted_or_absent(bom: bool, sep: str) -> None:
    rows = parse(csv_bytes(REQUIRED, [["Mentor", "closer", "45000", "35%", "2"]], sep, bom))
    assert rows[0]["name"] == "Mentor"
    assert rows[0]["price_per_participant"] == 45000.0


@pytest.mark.parametrize(
    "header",
    [
        REQUIRED,
        DANISH_REQUIRED,
        ["NAME", "Target_Group", "PRICE_PER_PARTICIPANT", "Job_Rate", "EVIDENCE_STARS"],
        ["  Navn ", " MÅLGRUPPE", "Pris Pr. Deltager  ", "JOBANDEL", "Evidens"],
        ["navn", "target_group", "Pris pr. deltager", "job_rate", " evidens "],
        ["\tnavn\t", "målgruppe", "pris  pr.   deltager", "jobandel", "evidens"],
    ],
)
def test_headers_match_in_any_case_with_surrounding_spaces(header: list[str]) -> None:
    row = one(header, ["Mentor", "closer", "45000", "35 %", "2"], sep=";")
    assert row["name"] == "Mentor"
    assert row["target_group"] == "closer"
    assert row["evidence_stars"] == 2


def test_danish_letters_written_as_two_characters_are_the_same_letters() -> None:
    import unicodedata

    def decomposed(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    header = [
        decomposed(h)
        for h in [
            "navn",
            "målgruppe",
            "pris pr. deltager",
            "jobandel",
            "evidens",
            "leverandørtype",
            "effektvurdering",
        ]
    ]
    row = one(
        header,
        ["A", decomposed("Tættere på"), "1", "0,3", "1", "intern", decomposed("høj")],
        sep=";",
    )
    assert row["target_group"] == "closer"
    assert row["effect_rating"] == "high"
    assert importer.parse_target_group(decomposed("længere væk")) == "further"


def test_every_danish_header_is_accepted() -> None:
    header = [
        "navn",
        "år",
        "målgruppe",
        "leverandør",
        "leverandørtype",
        "pris pr. deltager",
        "kapacitet",
        "deltagere",
        "jobandel",
        "kontrolgruppens jobandel",
        "evidens",
        "effektvurdering",
        "varighed (uger)",
        "beskrivelse",
        "kilde",
    ]
    row = one(
        header,
        [
            "Mentor",
            "2025",
            "længere væk",
            "Jobcenter",
            "intern",
            "9.000",
            "400",
            "320",
            "38 %",
            "33 %",
            "3",
            "høj",
            "8",
            "Praktik",
            "Egen opgørelse",
        ],
        sep=";",
    )
    assert row == {
        "name": "Mentor",
        "year": 2025,
        "target_group": "further",
        "provider": "Jobcenter",
        "provider_type": "internal",
        "price_per_participant": 9000.0,
        "capacity": 400,
        "participants": 320,
        "job_rate": pytest.approx(0.38),
        "control_job_rate": pytest.approx(0.33),
        "evidence_stars": 3,
        "effect_rating": "high",
        "duration_weeks": 8.0,
        "description": "Praktik",
        "source": "Egen opgørelse",
    }


@pytest.mark.parametrize(
    ("written", "sep", "expected"),
    [
        ("35 %", ";", 0.35),
        ("35%", ";", 0.35),
        ("35 %", ",", 0.35),
        ("35%", ",", 0.35),
        ("35,5 %", ";", 0.355),
        ("35.5%", ",", 0.355),
        ("0,35", ";", 0.35),
        ("0.35", ",", 0.35),
        ("100 %", ",", 1.0),
        ("0 %", ",", 0.0),
        ("0", ",", 0.0),
        ("1", ",", 1.0),
    ],
)
def test_rates_are_shares_or_percentages(written: str, sep: str, expected: float) -> None:
    row = one(
        [*REQUIRED, "control_job_rate"],
        ["Mentor", "closer", "45000", written, "2", written],
        sep=sep,
    )
    assert row["job_rate"] == pytest.approx(expected)
    assert row["control_job_rate"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("14,3 %", 0.143),
        ("14.3%", 0.143),
        ("57 %", 0.57),
        ("33,33 %", 0.3333),
        ("0,5 %", 0.005),
        ("12,345 %", 0.12345),
    ],
)
def test_a_percentage_is_exactly_the_share_it_names(written: str, expected: float) -> None:
    assert one(REQUIRED, ["A", "closer", "1", written, "1"], sep=";")["job_rate"] == expected


@pytest.mark.parametrize(
    ("column", "written", "expected"),
    [
        ("target_group", "closer", "closer"),
        ("target_group", "tættere på", "closer"),
        ("target_group", "Tættere På", "closer"),
        ("target_group", "further", "further"),
        ("target_group", "længere væk", "further"),
        ("target_group", "LÆNGERE VÆK", "further"),
        ("target_group", "cross", "cross"),
        ("target_group", "tværgående", "cross"),
        ("target_group", " Tværgående ", "cross"),
        ("provider_type", "internal", "internal"),
        ("provider_type", "intern", "internal"),
        ("provider_type", "external", "external"),
        ("provider_type", "ekstern", "external"),
        ("provider_type", "Ekstern", "external"),
        ("effect_rating", "high", "high"),
        ("effect_rating", "høj", "high"),
        ("effect_rating", "HØJ", "high"),
        ("effect_rating", "medium", "medium"),
        ("effect_rating", "middel", "medium"),
        ("effect_rating", "low", "low"),
        ("effect_rating", "lav", "low"),
    ],
)
def test_every_value_has_its_danish_alias(column: str, written: str, expected: str) -> None:
    header = [*REQUIRED, column] if column != "target_group" else REQUIRED
    cells = ["Mentor", "cross", "45000", "0.35", "2"]
    if column == "target_group":
        cells[1] = written
    else:
        cells.append(written)
    assert one(header, cells)[column] == expected


def test_an_empty_year_is_the_current_calendar_year() -> None:
    data = csv_bytes(
        ["year", *REQUIRED],
        [
            ["", "Mentor", "closer", "45000", "0.35", "2"],
            ["2025", "Mentor", "closer", "45000", "0.35", "2"],
        ],
    )
    rows = importer.parse(data, "file.csv").rows
    assert rows[0]["year"] == dt.date.today().year
    assert rows[1]["year"] == 2025


def test_a_file_without_a_year_column_is_for_the_current_year() -> None:
    rows = importer.parse(
        csv_bytes(REQUIRED, [["Mentor", "closer", "45000", "0.35", "2"]]), "file.csv"
    ).rows
    assert rows[0]["year"] == dt.date.today().year


def test_empty_optional_cells_are_none() -> None:
    header = [
        *REQUIRED,
        "year",
        "provider",
        "provider_type",
        "capacity",
        "participants",
        "control_job_rate",
        "effect_rating",
        "duration_weeks",
        "description",
        "source",
    ]
    row = one(
        header,
        ["Mentor", "closer", "45000", "0.35", "2", "2026", "", " ", "", "", "", "", "", "   ", ""],
    )
    for column in header[6:]:
        assert row[column] is None, column


@pytest.mark.parametrize(
    ("written", "stars"),
    [
        ("★", 1),
        ("★★", 2),
        ("★★★", 3),
        ("**", 2),
        ("3", 3),
        (" 1 ", 1),
        ("★★☆", 2),
        ("★☆☆", 1),
        ("★ ★", 2),
    ],
)
def test_stars_may_be_written_as_stars(written: str, stars: int) -> None:
    assert one(REQUIRED, ["Mentor", "closer", "45000", "0.35", written])["evidence_stars"] == stars


def test_text_keeps_its_content_and_loses_surrounding_spaces() -> None:
    row = one(
        [*REQUIRED, "description"],
        ['  Mentor, med "støtte"  ', "closer", "1", "0.3", "1", "Linje 1\nLinje 2"],
    )
    assert row["name"] == 'Mentor, med "støtte"'
    assert row["description"] == "Linje 1\nLinje 2"


@pytest.mark.parametrize("control", ["\x01", "\x07", "\x0b", "\x1f"])
def test_text_with_an_invisible_control_character_is_an_error(control: str) -> None:
    lines = problems_of(
        [*REQUIRED, "beskrivelse"], [["A", "closer", "1", "0.3", "1", f"før{control}efter"]]
    )
    assert lines == [
        f"row 2, column beskrivelse: holds an invisible control character "
        f"(U+{ord(control):04X}) that a spreadsheet cannot hold; remove it"
    ]


def test_text_keeps_tabs_and_line_breaks_inside() -> None:
    row = one([*REQUIRED, "description"], ["A", "closer", "1", "0.3", "1", "a\tb\r\nc"])
    assert row["description"] == "a\tb\r\nc"


def test_a_blank_line_in_the_file_is_skipped_but_counted() -> None:
    data = csv_bytes(
        REQUIRED, [["A", "closer", "1", "0.3", "1"], [], ["B", "closer", "-1", "0.3", "1"]]
    )
    assert len(problems(data)) == 1
    assert problems(data)[0].startswith("row 4, column price_per_participant:")


# --- XLSX -----------------------------------------------------------------------------------


def xlsx_bytes(rows: list[list[Any]], percent_cells: tuple[tuple[int, int], ...] = ()) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for row_number, column_number in percent_cells:
        sheet.cell(row_number, column_number).number_format = "0%"
    book.create_sheet("Ignored").append(["not", "read"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_file_gives_numbers_texts_and_percent_cells() -> None:
    data = xlsx_bytes(
        [
            [
                " Navn ",
                "ÅR",
                "målgruppe",
                "pris pr. deltager",
                "jobandel",
                "kontrolgruppens jobandel",
                "evidens",
                "kapacitet",
                "varighed (uger)",
            ],
            ["Mentor", 2025, "tættere på", 45000, "35 %", 0.3, 2, 100, 12.5],
            ["Praktik", None, "længere væk", 9000.5, 0.38, "30%", "★★★", None, "8"],
            ["Kursus", 2025, "cross", "45.000", "0,2", None, "1", 50.0, None],
        ],
        percent_cells=((3, 5), (2, 6)),
    )
    rows = importer.parse(data, "fil.xlsx", default_year=2026).rows
    assert rows[0] == {
        "name": "Mentor",
        "year": 2025,
        "target_group": "closer",
        "price_per_participant": 45000.0,
        "job_rate": 0.35,
        "control_job_rate": 0.3,
        "evidence_stars": 2,
        "capacity": 100,
        "duration_weeks": 12.5,
    }
    assert rows[1]["year"] == 2026
    assert rows[1]["price_per_participant"] == 9000.5
    assert rows[1]["job_rate"] == 0.38
    assert rows[1]["control_job_rate"] == 0.3
    assert rows[1]["evidence_stars"] == 3
    assert rows[1]["capacity"] is None
    assert rows[1]["duration_weeks"] == 8.0
    assert rows[2]["price_per_participant"] == 45000.0
    assert rows[2]["job_rate"] == 0.2
    assert rows[2]["capacity"] == 50
    assert rows[2]["control_job_rate"] is None


def test_an_xlsx_file_places_problems_as_the_spreadsheet_shows_them() -> None:
    data = xlsx_bytes(
        [
            REQUIRED,
            ["Mentor", "closer", 45000, 0.35, 2],
            ["Praktik", "closer", -5, 1.7, 4],
            [None, None, None, None, None],
            ["Kursus", "nowhere", 1, True, 2],
        ]
    )
    lines = problems(data, "fil.xlsx")
    assert lines[0].startswith("row 3, column price_per_participant: ")
    assert lines[1].startswith("row 3, column job_rate: ")
    assert "between 0 and 1" in lines[1]
    assert lines[2].startswith("row 3, column evidence_stars: ")
    assert lines[3].startswith("row 5, column target_group: ")
    assert lines[4].startswith("row 5, column job_rate: ")
    assert len(lines) == 5


def with_dimension(data: bytes, dimension: str) -> bytes:
    """The workbook as a program that states a wrong size for its sheet would write it."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(
                    rb'<dimension ref="[^"]*"/>',
                    f'<dimension ref="{dimension}"/>'.encode(),
                    content,
                )
            target.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize("dimension", ["A1", "A1:E2", "A1:B2"])
def test_an_xlsx_file_with_a_wrong_stated_size_is_read_whole(dimension: str) -> None:
    data = xlsx_bytes(
        [
            REQUIRED,
            ["A", "closer", 1, 0.3, 1],
            ["B", "further", 2, 0.4, 2],
            ["C", "cross", 3, 0.5, 3],
        ]
    )
    rows = importer.parse(with_dimension(data, dimension), "fil.xlsx").rows
    assert [(r["name"], r["evidence_stars"]) for r in rows] == [("A", 1), ("B", 2), ("C", 3)]


def test_an_xlsx_file_with_a_gap_keeps_the_row_numbers() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(REQUIRED)
    sheet.append(["A", "closer", 1, 0.3, 1])
    for column, value in enumerate(["B", "closer", -1, 0.3, 1], start=1):
        sheet.cell(5, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    assert problems(with_dimension(buffer.getvalue(), "A1"), "fil.xlsx") == [
        "row 5, column price_per_participant: -1 kr. is negative; a price must be 0 or more"
    ]


def damaged(data: bytes, part: str, change: Any) -> bytes:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = (
                change(source.read(item.filename))
                if item.filename == part
                else (source.read(item.filename))
            )
            if content is not None:
                target.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("part", "change"),
    [
        ("xl/worksheets/sheet1.xml", lambda b: b[: len(b) // 2]),
        ("xl/worksheets/sheet1.xml", lambda b: b.replace(b"<v>1</v>", b"<v>abc</v>")),
        ("xl/workbook.xml", lambda b: b[: len(b) // 2]),
        ("xl/styles.xml", lambda b: b"garbage"),
        ("[Content_Types].xml", lambda b: b"<x/>"),
        ("xl/_rels/workbook.xml.rels", lambda b: None),
    ],
)
def test_a_damaged_xlsx_file_is_bad_input(part: str, change: Any) -> None:
    data = xlsx_bytes([REQUIRED, ["A", "closer", 1, 0.3, 1]])
    lines = problems(damaged(data, part, change), "fil.xlsx")
    assert len(lines) == 1
    assert ".xlsx" in lines[0]


def test_an_xlsx_file_missing_its_first_sheet_is_bad_input() -> None:
    data = xlsx_bytes([REQUIRED, ["A", "closer", 1, 0.3, 1]])
    assert problems(damaged(data, "xl/worksheets/sheet1.xml", lambda b: None), "fil.xlsx")


def test_a_parquet_file_from_pandas_reads_nan_as_empty() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "name": ["A", "B"],
            "target_group": ["closer", "tværgående"],
            "price_per_participant": [100.0, 200.0],
            "job_rate": [0.3, 0.4],
            "evidence_stars": [1, 2],
            "capacity": [float("nan"), 5.0],
            "control_job_rate": [0.2, float("nan")],
        }
    )
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    rows = importer.parse(buffer.getvalue(), "fil.parquet", default_year=2026).rows
    assert rows[0]["capacity"] is None and rows[1]["capacity"] == 5
    assert rows[0]["control_job_rate"] == 0.2 and rows[1]["control_job_rate"] is None
    assert rows[1]["target_group"] == "cross"


def test_an_xlsx_date_in_a_number_column_is_an_error() -> None:
    data = xlsx_bytes([REQUIRED, ["Mentor", "closer", dt.datetime(2025, 1, 1), 0.3, 2]])
    assert problems(data, "fil.xlsx") == [
        "row 2, column price_per_participant: is a date or time; expected a number"
    ]


def test_an_empty_xlsx_sheet_is_an_error() -> None:
    lines = problems(xlsx_bytes([]), "fil.xlsx")
    assert len(lines) == 1
    assert "empty" in lines[0]


def test_an_xlsx_file_with_only_a_header_is_an_error() -> None:
    assert problems(xlsx_bytes([REQUIRED]), "fil.xlsx") == [
        "row 2, column name: the file has a header but no interventions"
    ]


def test_a_broken_xlsx_file_is_bad_input() -> None:
    lines = problems(b"PK\x03\x04 not really a zip", "fil.xlsx")
    assert "xlsx" in lines[0]
    lines = problems(b"hello", "fil.xlsx")
    assert "xlsx" in lines[0]


# --- bad values, each placed as `row N, column C: message` --------------------------------


def test_an_unknown_column_names_the_nearest_known_one() -> None:
    lines = problems_of(
        ["navn", "målgruppe", "pris pr deltager", "jobandell", "evidens", "kommentar"],
        [["A", "closer", "1", "0.3", "1"]],
        sep=";",
    )
    assert lines[0] == (
        "row 1, column pris pr deltager: unknown column; did you mean "
        "'pris pr. deltager' (price_per_participant)?"
    )
    assert lines[1] == (
        "row 1, column jobandell: unknown column; did you mean 'jobandel' (job_rate)?"
    )
    assert lines[2].startswith("row 1, column kommentar: unknown column")
    # the missing required columns follow from the misspelled ones
    assert any(
        line.startswith("row 1, column price_per_participant: required column") for line in lines
    )


def test_an_unknown_english_column_names_the_english_one() -> None:
    lines = problems_of([*REQUIRED, "capacty"], [["A", "closer", "1", "0.3", "1", "4"]])
    assert lines == ["row 1, column capacty: unknown column; did you mean 'capacity'?"]


def test_a_column_that_appears_twice_is_an_error() -> None:
    lines = problems_of([*REQUIRED, "navn"], [["A", "closer", "1", "0.3", "1", "B"]])
    assert len(lines) == 1
    assert lines[0].startswith("row 1, column navn: the column name appears twice")


@pytest.mark.parametrize("sep", [",", ";"])
def test_a_job_rate_above_one_says_share_or_percentage(sep: str) -> None:
    lines = problems_of(REQUIRED, [["A", "closer", "1", "1,7", "1"]], sep=sep)
    assert lines == [
        "row 2, column job_rate: 1,7 must be a share between 0 and 1 (or written as a "
        "percentage, like 35 %)"
    ]


def test_a_percentage_above_100_is_an_error() -> None:
    lines = problems_of(
        [*REQUIRED, "kontrolgruppens jobandel"], [["A", "closer", "1", "0.3", "1", "130 %"]]
    )
    assert lines == [
        "row 2, column kontrolgruppens jobandel: 130 % must be a share between 0 and 1 "
        "(or written as a percentage, like 35 %)"
    ]


@pytest.mark.parametrize("written", ["4", "0", "★★★★", "2.5", "-1", "☆☆☆", "★★★☆"])
def test_stars_outside_one_to_three_are_an_error(written: str) -> None:
    lines = problems_of(REQUIRED, [["A", "closer", "1", "0.3", written]])
    assert len(lines) == 1
    assert lines[0].startswith("row 2, column evidence_stars: ")
    assert "1, 2 or 3" in lines[0]


def test_four_stars_say_one_to_three() -> None:
    lines = problems_of(DANISH_REQUIRED, [["A", "closer", "1", "0,3", "4"]], sep=";")
    assert lines == ["row 2, column evidens: 4 stars: evidence is 1, 2 or 3 stars"]


def test_a_negative_price_is_an_error() -> None:
    lines = problems_of(REQUIRED, [["A", "closer", "-45.000", "0.3", "1"]], sep=";")
    assert lines == [
        "row 2, column price_per_participant: -45000 kr. is negative; a price must be 0 or more"
    ]


@pytest.mark.parametrize(
    ("column", "written"),
    [
        ("price_per_participant", "abc"),
        ("price_per_participant", "kr."),
        ("price_per_participant", ",-"),
        ("price_per_participant", "45 000 000 000 kr 5"),
        ("price_per_participant", "1.2.3"),
        ("price_per_participant", "1,23,4"),
        ("price_per_participant", "TRUE"),
        ("job_rate", "%"),
        ("job_rate", "høj"),
        ("job_rate", "-"),
        ("evidence_stars", "mange"),
    ],
)
def test_a_cell_that_is_not_a_number_is_an_error(column: str, written: str) -> None:
    cells = {
        "name": "A",
        "target_group": "closer",
        "price_per_participant": "1",
        "job_rate": "0.3",
        "evidence_stars": "1",
        column: written,
    }
    lines = problems_of(REQUIRED, [[cells[c] for c in REQUIRED]])
    assert len(lines) == 1
    assert lines[0].startswith(f"row 2, column {column}: ")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("1999", "1999 must be a year between 2000 and 2100"),
        ("2101", "2101 must be a year between 2000 and 2100"),
        ("2026.5", "2026.5 must be a whole number (a year)"),
        ("i år", "'i år' is not a number"),
    ],
)
def test_a_year_out_of_range_is_an_error(written: str, message: str) -> None:
    lines = problems_of(["år", *REQUIRED], [[written, "A", "closer", "1", "0.3", "1"]])
    assert lines == [f"row 2, column år: {message}"]


@pytest.mark.parametrize(
    ("column", "written"),
    [
        ("capacity", "-1"),
        ("capacity", "10.5"),
        ("participants", "-3"),
        ("duration_weeks", "0"),
        ("duration_weeks", "-2"),
    ],
)
def test_counts_and_durations_out_of_range_are_errors(column: str, written: str) -> None:
    lines = problems_of([*REQUIRED, column], [["A", "closer", "1", "0.3", "1", written]])
    assert len(lines) == 1
    assert lines[0].startswith(f"row 2, column {column}: ")


def test_a_name_over_200_characters_is_an_error() -> None:
    assert one(REQUIRED, ["x" * 200, "closer", "1", "0.3", "1"])["name"] == "x" * 200
    lines = problems_of(REQUIRED, [["x" * 201, "closer", "1", "0.3", "1"]])
    assert lines == ["row 2, column name: the name has 201 characters; at most 200 are allowed"]


def test_a_duplicate_name_within_a_year_is_an_error_on_the_later_row() -> None:
    lines = problems_of(
        ["navn", "år", *REQUIRED[1:]],
        [
            ["Mentor", "2026", "closer", "1", "0.3", "1"],
            ["Mentor", "2025", "closer", "1", "0.3", "1"],
            ["Praktik", "", "closer", "1", "0.3", "1"],
            ["Mentor", "2026", "further", "2", "0.4", "2"],
        ],
    )
    assert lines == [
        "row 5, column navn: 'Mentor' for 2026 already appears in row 2; a name "
        "must be unique within a year"
    ]


def test_an_empty_year_counts_as_the_current_year_for_duplicates() -> None:
    this_year = dt.date.today().year
    data = csv_bytes(
        ["year", *REQUIRED],
        [[str(this_year), "A", "closer", "1", "0.3", "1"], ["", "A", "closer", "1", "0.3", "1"]],
    )
    with pytest.raises(BadInput) as caught:
        importer.parse(data, "file.csv")
    assert [p.row for p in caught.value.problems] == [3]


@pytest.mark.parametrize("missing", REQUIRED)
def test_a_missing_required_column_is_an_error(missing: str) -> None:
    header = [c for c in REQUIRED if c != missing]
    data = csv_bytes(
        header,
        [
            [
                {
                    "name": "A",
                    "target_group": "closer",
                    "price_per_participant": "1",
                    "job_rate": "0.3",
                    "evidence_stars": "1",
                }[c]
                for c in header
            ]
        ],
    )
    lines = problems(data)
    assert len(lines) == 1
    assert lines[0].startswith(f"row 1, column {missing}: required column is missing")


@pytest.mark.parametrize("missing", REQUIRED)
def test_a_missing_required_cell_is_an_error(missing: str) -> None:
    values = {
        "name": "A",
        "target_group": "closer",
        "price_per_participant": "1",
        "job_rate": "0.3",
        "evidence_stars": "1",
        missing: "",
    }
    lines = problems_of(REQUIRED, [[values[c] for c in REQUIRED]])
    assert lines == [f"row 2, column {missing}: {missing} is required"]


def test_a_short_row_misses_its_required_cells() -> None:
    data = b"name,target_group,price_per_participant,job_rate,evidence_stars\nA,closer,1\n"
    assert problems(data) == [
        "row 2, column job_rate: job_rate is required",
        "row 2, column evidence_stars: evidence_stars is required",
    ]


def test_a_cell_beyond_the_header_is_an_error() -> None:
    data = b"name,target_group,price_per_participant,job_rate,evidence_stars\nA,closer,1,0.3,1,x\n"
    assert problems(data) == [
        "row 2, column F (no header): a cell beyond the last column; remove it"
    ]


@pytest.mark.parametrize("written", ["nowhere", "close", "nær", "both sides", "1"])
def test_a_bad_target_group_is_an_error(written: str) -> None:
    lines = problems_of(REQUIRED, [["A", written, "1", "0.3", "1"]])
    assert lines == [
        f"row 2, column target_group: {written!r} is not one of closer, further or "
        "cross (tættere på, længere væk, tværgående)"
    ]


def test_bad_provider_type_and_effect_rating_are_errors() -> None:
    lines = problems_of(
        [*REQUIRED, "leverandørtype", "effektvurdering"],
        [["A", "closer", "1", "0.3", "1", "privat", "super"]],
    )
    assert [line.split(":")[0] for line in lines] == [
        "row 2, column leverandørtype",
        "row 2, column effektvurdering",
    ]


def test_every_problem_in_a_file_is_listed_in_row_order() -> None:
    lines = problems_of(
        REQUIRED,
        [
            ["A", "closer", "1", "0.3", "1"],
            ["B", "nowhere", "-1", "1,7", "4"],
            ["C", "closer", "1", "0.3", "1"],
            ["", "closer", "x", "0.3", "2"],
        ],
    )
    assert [line.split(":")[0] for line in lines] == [
        "row 3, column target_group",
        "row 3, column price_per_participant",
        "row 3, column job_rate",
        "row 3, column evidence_stars",
        "row 5, column price_per_participant",
        "row 5, column name",
    ]


def test_a_file_in_neither_utf8_nor_windows_1252_is_an_error() -> None:
    data = "navn;målgruppe;pris pr. deltager;jobandel;evidens\nÅ;closer;1;0,3;1\n".encode("cp1252")
    lines = problems(data + b"\x81\n")
    assert len(lines) == 1
    assert "UTF-8" in lines[0] and "Windows-1252" in lines[0]


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n", b"  \r\n"])
def test_an_empty_file_is_an_error(data: bytes) -> None:
    lines = problems(data)
    assert len(lines) == 1
    assert "header" in lines[0] or "empty" in lines[0]


def test_a_file_with_only_a_header_is_an_error() -> None:
    assert problems(csv_bytes(REQUIRED, [])) == [
        "row 2, column name: the file has a header but no interventions"
    ]


@pytest.mark.parametrize("filename", ["fil.pdf", "fil.docx", "fil.json", "fil.xls"])
def test_an_unknown_file_type_is_an_error(filename: str) -> None:
    lines = problems(b"name\nA\n", filename)
    assert len(lines) == 1
    assert "unknown file type" in lines[0]


def test_binary_data_with_a_csv_suffix_is_an_error() -> None:
    lines = problems(b"\x00\x01\x02name\x00", "fil.csv")
    assert len(lines) == 1


def test_bad_input_never_escapes_as_another_error() -> None:
    # these once broke the number reader with an IndexError
    for written in ("kr.", ",-", "DKK", "%", "-%", "+"):
        lines = problems_of(REQUIRED, [["A", "closer", written, written, "1"]])
        assert all(line.startswith("row 2, column ") for line in lines)


# --- all or nothing, upsert ---------------------------------------------------------------


def import_csv(
    path: Path, header: list[str], rows: list[list[Any]], sep: str = ","
) -> store.WriteSummary:
    return changes.import_file(path, csv_bytes(header, rows, sep), "file.csv", EDITOR)


def stored(path: Path, year: int = 2026) -> dict[str, dict[str, Any]]:
    with db.connect(path) as con:
        return {row["name"]: row for row in store.stored_rows(con, year)}


def test_a_file_with_one_bad_row_writes_nothing(empty_db: Path, snapshot: Any) -> None:
    import_csv(empty_db, ["year", *REQUIRED], [["2026", "A", "closer", "1", "0.3", "1"]])
    before = snapshot(empty_db)
    with pytest.raises(BadInput):
        import_csv(
            empty_db,
            ["year", *REQUIRED],
            [
                ["2026", "A", "further", "2", "0.4", "2"],
                ["2026", "B", "closer", "1", "0.3", "1"],
                ["2026", "C", "closer", "1", "1,7", "1"],
            ],
        )
    assert snapshot(empty_db) == before


def test_a_file_that_the_database_refuses_writes_nothing(
    empty_db: Path, snapshot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_csv(empty_db, ["year", *REQUIRED], [["2026", "A", "closer", "1", "0.3", "1"]])
    before = snapshot(empty_db)

    def failing_history(*args: Any) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(store, "record_changes", failing_history)
    with pytest.raises(RuntimeError):
        import_csv(
            empty_db,
            ["year", *REQUIRED],
            [["2026", "A", "further", "2", "0.4", "2"], ["2026", "B", "closer", "1", "0.3", "1"]],
        )
    assert snapshot(empty_db) == before


def test_an_import_adds_new_rows_and_updates_matching_ones(empty_db: Path) -> None:
    header = ["year", *REQUIRED, "capacity", "description"]
    first = import_csv(
        empty_db,
        header,
        [
            ["2026", "A", "closer", "1000", "0.3", "1", "10", "a"],
            ["2026", "B", "closer", "2000", "0.4", "2", "20", "b"],
            ["2025", "A", "closer", "900", "0.2", "1", "5", "old"],
        ],
    )
    assert sorted(first.inserted) == ["A (2025)", "A (2026)", "B (2026)"]
    second = import_csv(
        empty_db,
        header,
        [
            ["2026", "A", "further", "1500", "0.3", "1", "", "a"],
            ["2026", "B", "closer", "2000", "0.4", "2", "20", "b"],
            ["2026", "C", "cross", "3000", "0.5", "3", "30", "c"],
        ],
    )
    assert second.inserted == ["C (2026)"]
    assert second.updated == ["A (2026)"]
    assert second.unchanged == ["B (2026)"]
    rows = stored(empty_db)
    assert set(rows) == {"A", "B", "C"}
    assert rows["A"]["target_group"] == "further"
    assert rows["A"]["price_per_participant"] == 1500.0
    assert rows["A"]["capacity"] is None
    assert stored(empty_db, 2025)["A"]["price_per_participant"] == 900.0
    with db.connect(empty_db) as con:
        count = con.execute("SELECT count(*) FROM interventions").fetchone()
        version = con.execute(
            "SELECT version FROM interventions WHERE name = 'A' AND year = 2026"
        ).fetchone()
    assert count == (4,)
    assert version == (2,)


def test_columns_absent_from_the_file_keep_their_stored_values(empty_db: Path) -> None:
    import_csv(
        empty_db,
        ["year", *REQUIRED, "capacity", "provider", "control_job_rate", "description"],
        [["2026", "A", "closer", "1000", "0.3", "1", "10", "Kommunen", "0.2", "tekst"]],
    )
    import_csv(
        empty_db,
        ["år", "navn", "pris pr. deltager", "evidens", "målgruppe", "jobandel"],
        [["2026", "A", "1200", "2", "closer", "0.35"]],
    )
    row = stored(empty_db)["A"]
    assert row["price_per_participant"] == 1200.0
    assert row["evidence_stars"] == 2
    assert row["job_rate"] == 0.35
    assert row["capacity"] == 10
    assert row["provider"] == "Kommunen"
    assert row["control_job_rate"] == 0.2
    assert row["description"] == "tekst"


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    empty_db: Path, snapshot: Any
) -> None:
    header = [*REQUIRED, "year", "control_job_rate", "duration_weeks"]
    rows = [
        ["A", "closer", "1.234,5", "35 %", "★★", "2026", "0,3", "2,5"],
        ["B", "further", "0", "0", "1", "2026", "", ""],
    ]
    import_csv(empty_db, header, rows, sep=";")
    before = snapshot(empty_db)
    summary = import_csv(empty_db, header, rows, sep=";")
    assert summary.unchanged == ["A (2026)", "B (2026)"]
    assert snapshot(empty_db) == before


def test_a_viewer_cannot_import(empty_db: Path, snapshot: Any) -> None:
    before = snapshot(empty_db)
    with pytest.raises(PermissionDenied):
        changes.import_file(
            empty_db,
            csv_bytes(REQUIRED, [["A", "closer", "1", "0.3", "1"]]),
            "file.csv",
            Actor("guest"),
        )
    assert snapshot(empty_db) == before
