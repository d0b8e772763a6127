"""Write the files of this folder: the same interventions (and outcome records) the way
municipal users' programs save them. Run it from the repository's root:

    python tests/data/arrivals/make_arrivals.py

and check the output in with the script. Each file's bytes are built here by hand (CSV) or
with openpyxl (XLSX), after the files these programs write; README.md in this folder says
what each one copies and how it was checked.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

DANISH_HEADER = [
    "Navn",
    "År",
    "Målgruppe",
    "Leverandør",
    "Pris pr. deltager",
    "Jobandel",
    "Evidens",
    "Beskrivelse",
]
ENGLISH_HEADER = [
    "name",
    "year",
    "target_group",
    "provider",
    "price_per_participant",
    "job_rate",
    "evidence_stars",
    "description",
]

ROWS = [
    # name, year, target group, provider, price, job rate, stars, description
    (
        "Virksomhedspraktik – tættere på",
        2027,
        "tættere på",
        "Jobcenter Århus",
        9500,
        0.47,
        2,
        "Praktik i en privat virksomhed; æ, ø og å",
    ),
    (
        "Mentorstøtte for unge",
        2027,
        "længere væk",
        "Mentorhuset ApS",
        45000,
        0.35,
        2,
        "Særlig støtte til unge på uddannelseshjælp",
    ),
    (
        "Løntilskud på Ærø",
        2027,
        "tværgående",
        "Ærø Kommune",
        120500.5,
        0.525,
        3,
        'Ansættelse med tilskud, "ordinære" vilkår',
    ),
]
"""What every interventions file holds; tests/unit/test_arrivals.py checks it back."""

OUTCOMES_HEADER_DA = ["Indsats", "År", "Gruppe", "I job", "Person"]
OUTCOMES = [
    ("Mentorstøtte for unge", 2027, "deltager", "ja", "p-æ1"),
    ("Mentorstøtte for unge", 2027, "deltager", "nej", "p-ø2"),
    ("Mentorstøtte for unge", 2027, "kontrol", "nej", "p-å3"),
]


def decimal_comma(value: object) -> str:
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def excel_semicolon_cp1252() -> bytes:
    """Danish Excel, "CSV (semikolonsepareret)": Windows-1252, semicolons, decimal comma,
    CRLF, no byte order mark, quotes only around cells holding a quote or a semicolon."""
    lines = [";".join(DANISH_HEADER)]
    for row in ROWS:
        cells = []
        for cell in row:
            text = decimal_comma(cell)
            if '"' in text or ";" in text:
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(";".join(cells))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def libreoffice_utf8_quoted() -> bytes:
    """LibreOffice Calc, Text CSV with "Quote all text cells": UTF-8 without BOM, commas,
    every text cell in quotes, numbers bare with a decimal point, LF line ends."""

    def cell(value: object) -> str:
        if isinstance(value, str):
            return '"' + value.replace('"', '""') + '"'
        return repr(value) if isinstance(value, float) else str(value)

    lines = [",".join(f'"{h}"' for h in ENGLISH_HEADER)]
    lines += [",".join(cell(v) for v in row) for row in ROWS]
    return ("\n".join(lines) + "\n").encode("utf-8")


def google_sheets() -> bytes:
    """Google Sheets, File > Download > CSV: UTF-8 without BOM, commas, CRLF, quotes only
    where needed, no newline after the last row, a percent cell as shown ("47%")."""
    lines = [",".join(DANISH_HEADER)]
    for name, year, group, provider, price, rate, stars, text in ROWS:
        cells = [
            name,
            str(year),
            group,
            provider,
            repr(price),
            f"{round(rate * 100, 4):g}%",
            str(stars),
            text,
        ]
        lines.append(
            ",".join(
                '"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c for c in cells
            )
        )
    return "\r\n".join(lines).encode("utf-8")


def numbers_semicolon_bom() -> bytes:
    """Apple Numbers in a Danish locale, Export > CSV, Unicode (UTF-8): a byte order mark,
    semicolons (the decimal mark is a comma), LF; text keyed on a Mac may be decomposed
    (å as a + ring), as in the header "Målgruppe" here."""
    header = [unicodedata.normalize("NFD", h) for h in DANISH_HEADER]
    lines = [";".join(header)]
    for row in ROWS:
        cells = [decimal_comma(v) for v in row]
        lines.append(
            ";".join(
                '"' + c.replace('"', '""') + '"' if ('"' in c or ";" in c) else c for c in cells
            )
        )
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return _stable(out.getvalue())


def _stable(data: bytes) -> bytes:
    """The same bytes on every run: openpyxl writes the time of saving into the workbook."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                content = re.sub(
                    rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\w+>", b"", content
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


def excel_title_and_date() -> bytes:
    """Excel's XLSX as a controller makes one for the committee: a title in A1, the date of
    the figures (a date cell) in A2, an empty row, then the header in row 4; kroner and
    percent formats on the number cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tilbudsviften 2027"
    sheet["A1"] = "Tilbudsviften 2027 – Jobcenter Århus"
    sheet["A2"] = dt.date(2026, 12, 1)
    sheet["A2"].number_format = "dd-mm-yyyy"
    sheet.append([])
    sheet.append(DANISH_HEADER)
    for row in ROWS:
        sheet.append(list(row))
        sheet.cell(sheet.max_row, 5).number_format = '#,##0 "kr."'
        sheet.cell(sheet.max_row, 6).number_format = "0%"
    return _saved(book)


def excel_guide_first() -> bytes:
    """The template as users fill it in: a guide sheet "Vejledning" first (a heading and
    text in column A), the data on the second sheet."""
    book = Workbook()
    guide = book.active
    guide.title = "Vejledning"
    guide.append(["Sådan udfylder du arket"])
    guide.append(["Skriv én indsats pr. række på arket 'Indsatser'. Jobandel: 0–1 eller %."])
    guide.append(["Kolonne", "Forklaring"])
    guide.append(["Navn", "Indsatsens navn"])
    data = book.create_sheet("Indsatser")
    data.append(DANISH_HEADER)
    for row in ROWS:
        data.append(list(row))
    return _saved(book)


def openpyxl_numbers_as_text() -> bytes:
    """A workbook written by a script (openpyxl) that put every cell in as text: numbers
    as "45000" and "0,35" (a Danish decimal comma), years as "2027"."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(ENGLISH_HEADER)
    for row in ROWS:
        sheet.append([decimal_comma(v) if not isinstance(v, str) else v for v in row])
    return _saved(book)


def excel_percent_cells() -> bytes:
    """Excel with the job rate typed as "47 %" into a percent-formatted cell (stored as the
    number 0.47, shown as 47 %) and prices in a kroner format with thousands."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Ark1"
    sheet.append(DANISH_HEADER)
    for row in ROWS:
        sheet.append(list(row))
        sheet.cell(sheet.max_row, 5).number_format = '#,##0.00 "kr."'
        sheet.cell(sheet.max_row, 6).number_format = "0.0%"
    return _saved(book)


def outcomes_semicolon_cp1252() -> bytes:
    """Outcome records from Danish Excel, "CSV (semikolonsepareret)", with a title row."""
    lines = ["Effektmåling for Mentorstøtte;;;;", ";".join(OUTCOMES_HEADER_DA)]
    lines += [";".join(str(c) for c in row) for row in OUTCOMES]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def outcomes_guide_and_title() -> bytes:
    """Outcome records in XLSX: a guide sheet first, then a title and a date above the header."""
    book = Workbook()
    guide = book.active
    guide.title = "Vejledning"
    guide.append(["Én række pr. borger; gruppe er deltager eller kontrol."])
    data = book.create_sheet("Målinger")
    data.append(["Opfølgning efter 12 måneder"])
    data.append([dt.date(2026, 11, 30)])
    data.append(OUTCOMES_HEADER_DA)
    for row in OUTCOMES:
        data.append(list(row))
    return _saved(book)


FILES = {
    "excel-semikolonsepareret-cp1252.csv": excel_semicolon_cp1252,
    "libreoffice-utf8-quoted.csv": libreoffice_utf8_quoted,
    "google-sheets-export.csv": google_sheets,
    "numbers-dansk-bom-semikolon.csv": numbers_semicolon_bom,
    "excel-titel-og-dato.xlsx": excel_title_and_date,
    "excel-vejledning-foerst.xlsx": excel_guide_first,
    "openpyxl-tal-som-tekst.xlsx": openpyxl_numbers_as_text,
    "excel-procentceller.xlsx": excel_percent_cells,
}
OUTCOME_FILES = {
    "effekt-excel-semikolonsepareret-cp1252.csv": outcomes_semicolon_cp1252,
    "effekt-vejledning-titel.xlsx": outcomes_guide_and_title,
}


def main() -> None:
    for name, make in {**FILES, **OUTCOME_FILES}.items():
        (HERE / name).write_bytes(make())
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
