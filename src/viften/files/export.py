"""Writing interventions to CSV, XLSX and Parquet, and the import template.

What is written imports again unchanged. Spreadsheets never receive a live
formula: a text cell that begins with =, +, -, @, a tab or a carriage return is
written with a leading apostrophe (which the importer takes off again), and
every XLSX text cell is stored as a string, never as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from viften.files.guard import guard
from viften.model.domain import COLUMN_NAMES, COLUMNS, COLUMNS_BY_NAME
from viften.model.errors import BadInput, ViftenError
from viften.model.kinds import CATALOGUE

FORMATS = (".csv", ".xlsx", ".parquet")


def _cell(column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = COLUMNS_BY_NAME[column].kind
    if kind in ("year", "count", "stars", "weeks"):
        return int(value)
    if kind == "flag":
        return "yes" if value else "no"
    if kind in ("money", "rate", "positive"):
        number = float(value)
        return int(number) if number.is_integer() and kind == "money" else number
    return guard(str(value))


def _table(rows: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    return [[_cell(c, row.get(c)) for c in COLUMN_NAMES] for row in rows]


def _positional(number: float) -> str:
    """The shortest exact digits without an exponent: the importer reads 0.00001, not 1e-05."""
    from decimal import Decimal

    return format(Decimal(repr(number)), "f")


def to_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for cells in _table(rows):
        writer.writerow(
            ["" if c is None else _positional(c) if isinstance(c, float) else c for c in cells]
        )
    # a BOM so that Excel opens the file as UTF-8; the importer accepts it with or without
    return buffer.getvalue().encode("utf-8-sig")


def _text_cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def to_xlsx(rows: Sequence[Mapping[str, Any]], sheet_title: str = "Indsatser") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    table = _table(rows)
    for cells in table:
        for value in cells:
            if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                # only text stored before the importer refused control characters has one
                raise ViftenError(
                    f"{value!r} holds an invisible control character that an .xlsx file "
                    "cannot hold: remove it, or export as .csv or .parquet"
                )
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    sheet.append([_text_cell(sheet, name) for name in COLUMN_NAMES])
    for cells in table:
        sheet.append([_text_cell(sheet, c) for c in cells])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_parquet(rows: Sequence[Mapping[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "text": pa.string(),
        "year": pa.int32(),
        "target_group": pa.string(),
        "provider_type": pa.string(),
        "money": pa.float64(),
        "count": pa.int64(),
        "rate": pa.float64(),
        "stars": pa.int32(),
        "effect_rating": pa.string(),
        "positive": pa.float64(),
        "benefit": pa.string(),
        "weeks": pa.int32(),
        "flag": pa.bool_(),
    }
    table = pa.table(
        {c.name: pa.array([row.get(c.name) for row in rows], type=types[c.kind]) for c in COLUMNS}
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def export_bytes(rows: Sequence[Mapping[str, Any]], suffix: str) -> bytes:
    writers = {".csv": to_csv, ".xlsx": to_xlsx, ".parquet": to_parquet}
    writer = writers.get(suffix.lower())
    if writer is None:
        raise BadInput(
            f"cannot export to {suffix or 'a file without a suffix'!r}: use .csv, .xlsx or .parquet"
        )
    return writer(rows)


def write_file(rows: Sequence[Mapping[str, Any]], out: Path) -> None:
    """Write atomically: a reader never sees half a file."""
    data = export_bytes(rows, out.suffix)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.partial")
    temporary.write_bytes(data)
    temporary.replace(out)


# --- the template --------------------------------------------------------------------------

_EXPLANATIONS: dict[str, str] = {
    "name": "Indsatsens navn, 1 til 200 tegn. Skal være unikt inden for et år.",
    "year": "Året tallene gælder (2000–2100). Tom: indeværende år.",
    "target_group": "tættere på, længere væk eller tværgående (closer, further, cross).",
    "provider": "Hvem leverer indsatsen.",
    "provider_type": "intern eller ekstern.",
    "price_per_participant": "Kroner pr. deltager, 0 eller mere. Fx 45000 eller 45.000.",
    "capacity": "Hvor mange deltagere indsatsen kan tage om året. Tom: ingen grænse.",
    "participants": "Planlagte deltagere i år (den nuværende fordeling af budgettet).",
    "job_rate": "Andel af deltagerne i job eller uddannelse ved opfølgning: 0 til 1, "
    "eller i procent med %-tegn (35 % = 0,35).",
    "control_job_rate": "Samme andel for en sammenligningsgruppe (kontrolgruppe), hvis der er "
    "en. Bruges til mer-effekten.",
    "evidence_stars": "Evidens 1, 2 eller 3 stjerner. 3: metaanalyse eller lodtrækningsforsøg; "
    "2: kvasi-eksperiment eller registermatch; 1: før/efter, "
    "leverandørdata eller for få studier.",
    "effect_rating": "Forvaltningens samlede vurdering af effekten for målgruppen: høj, "
    "middel eller lav.",
    "duration_weeks": "Varighed i uger (mere end 0).",
    "description": "Kort beskrivelse i almindeligt sprog: hvad sker der, og for hvem.",
    "source": "Hvor tallene kommer fra (rapport, evaluering, eget skøn). Skriv også, hvor "
    "ydelse, uger på ydelse og holdbarhed kommer fra, eller at de er skøn.",
    "benefit": "Den ydelse, deltagerne ellers ville leve af: kontanthjælp, uddannelseshjælp, "
    "sygedagpenge, dagpenge, ressourceforløb eller førtidspension (også uden æ, ø, "
    "å: kontanthjaelp). Tom: målgruppens standard i antagelserne.",
    "weeks_on_benefit": "Hvor mange uger deltagerne typisk har været på offentlig forsørgelse, "
    "når indsatsen begynder: et helt tal, 0 eller mere. Afgør kommunens "
    "andel af ydelsen (refusionstrappen). Tom: målgruppens standard.",
    "persistence": "Holdbarhed: den andel af mer-effekten, der stadig er der et år senere, 0 til "
    "1 eller i procent (50 % = 0,5). Tom: antagelsen for alle indsatser.",
    "mandatory": "Lovpligtig: ja, hvis kommunen skal give indsatsen efter loven (fx "
    "ressourceforløb og jobafklaringsforløb); ellers nej. Også yes/no, 1/0, "
    "true/false. Tom: nej.",
    "municipality": "Kommunen, indsatsen hører til. Tom: databasens egen kommune. Et navn er "
    "unikt inden for en kommune og et år.",
    "kind": "Indsatstypen, fx " + ", ".join(CATALOGUE) + ". Samme type i to kommuner "
    "sammenlignes i benchmark; store og små bogstaver er det samme. Anden tekst er også "
    "tilladt.",
}

TEMPLATE_EXAMPLE: dict[str, Any] = {
    "name": "Virksomhedspraktik",
    "year": 2026,
    "target_group": "tættere på",
    "provider": "Jobcenter",
    "provider_type": "intern",
    "price_per_participant": 9000,
    "capacity": 400,
    "participants": 320,
    "job_rate": "38 %",
    "control_job_rate": "33 %",
    "evidence_stars": 2,
    "effect_rating": "middel",
    "duration_weeks": 8,
    "description": "Praktik i en virksomhed med en aftalt plan og opfølgning.",
    "source": "Eksempel: udfyld med jeres egne tal; ydelse og uger på ydelse: skøn",
    "benefit": "dagpenge",
    "weeks_on_benefit": 13,
    "persistence": "50 %",
    "mandatory": "nej",
    "municipality": "",
    "kind": "Virksomhedspraktik",
}


def template_xlsx() -> bytes:
    """An import template: Danish headers, one example row, a sheet explaining each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Indsatser"
    sheet.append([c.danish for c in COLUMNS])
    sheet.append([TEMPLATE_EXAMPLE.get(c.name) for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(
            14, len(column.danish) + 4
        )
    guide = book.create_sheet("Forklaring")
    guide.append(["Kolonne", "Engelsk navn", "Påkrævet", "Forklaring"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append(
            [
                column.danish,
                column.name,
                "ja" if column.required else "nej",
                _EXPLANATIONS[column.name],
            ]
        )
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 24
    guide.column_dimensions["D"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
