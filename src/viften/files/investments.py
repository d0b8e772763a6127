"""Reading the contract files of `invest --contract FILE`: JSON, one contract or a list.

Why this module exists: a contract file is typed by hand or written by a script, so every
problem is said plainly and names the field (`model.invest.parse_contract`); a file that is
not JSON at all says where it breaks.
"""

from __future__ import annotations

import json
from typing import Any

from viften.model import invest
from viften.model.errors import BadInput
from viften.model.messages import Message


def read_json(data: bytes, file_name: str) -> Any:
    """The JSON value of a file (UTF-8, with or without BOM); BadInput where it is not JSON."""
    try:
        text = data.decode("utf-8-sig")
        return json.loads(text)
    except UnicodeDecodeError as error:
        detail = f"not UTF-8 text (byte {error.start})"
    except json.JSONDecodeError as error:
        detail = f"{error.msg}, line {error.lineno}, column {error.colno}"
    raise BadInput(
        Message.of("invest_error_not_json", file=("text", file_name), detail=("text", detail))
    )


def read_contracts(data: bytes, file_name: str) -> tuple[list[invest.Contract], list[Any]]:
    """The contracts of a file, in order, and the raw JSON items (for the unused keys)."""
    value = read_json(data, file_name)
    items = value if isinstance(value, list) else [value]
    return invest.parse_contracts(items), items


# --- the investment-cases file (import and export) ---------------------------------------------

CASE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "navn", "text"),
    ("municipality", "kommune", "text"),
    ("status", "status", "status"),
    ("year", "startår", "year"),
    ("intervention", "indsats", "text"),
    ("citizens", "borgere", "whole"),
    ("cost_per_citizen", "pris pr. borger", "amount"),
    ("investor_share", "investorandel", "share"),
    ("cap", "loft", "amount"),
    ("discount_rate", "diskonteringsrente", "share"),
    ("outlay_pool", "udlægspulje", "text"),
    ("payment_pool", "betalingspulje", "text"),
    ("outcome", "resultatmål", "text"),
    ("payment", "betaling", "amount"),
    ("month", "måned", "amount"),
    ("rate", "forventet andel", "share"),
    ("baseline", "basislinje", "share"),
    ("basis", "grundlag", "basis"),
)
"""The columns of the investment-cases file: (name, Danish header, kind). One row per outcome
goal; the case's own columns (name … payment_pool) repeat on each of its rows and must agree; a
case without goals is one row with the goal columns empty. The export writes the Danish
headers; the import takes either (case-insensitive, surrounding spaces ignored)."""
CASE_FIELDS = tuple(c[0] for c in CASE_COLUMNS[:12])
GOAL_FIELDS = tuple(c[0] for c in CASE_COLUMNS[12:])
_BY_HEADER = {alias: name for name, danish, _ in CASE_COLUMNS for alias in (name, danish)}
_KIND = {name: kind for name, _, kind in CASE_COLUMNS}
_DANISH = {name: danish for name, danish, _ in CASE_COLUMNS}
_STATUS_ALIASES = {
    "idea": "idea",
    "idé": "idea",
    "ide": "idea",
    "decided": "decided",
    "besluttet": "decided",
    "running": "running",
    "i gang": "running",
    "closed": "closed",
    "afsluttet": "closed",
}
_STATUS_DANISH = {"idea": "idé", "decided": "besluttet", "running": "i gang", "closed": "afsluttet"}


def _header_name(cell: Any) -> str | None:
    return _BY_HEADER.get(" ".join(str(cell).split()).casefold()) if cell is not None else None


def case_rows(cases: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One row per outcome goal of each (municipality, contract document), by column name."""
    rows = []
    for municipality, contract in cases:
        own = {key: contract.get(key) for key in CASE_FIELDS}
        own["municipality"] = municipality
        goals = contract.get("outcomes") or [{}]
        for goal in goals:
            row = dict(own)
            row.update(
                {
                    "outcome": goal.get("name"),
                    "payment": goal.get("payment"),
                    "month": goal.get("month"),
                    "rate": goal.get("rate"),
                    "baseline": goal.get("baseline"),
                    "basis": goal.get("basis") if goal else None,
                }
            )
            rows.append(row)
    return rows


def _written(name: str, value: Any) -> Any:
    from viften.files.guard import guard

    if value is None:
        return None
    kind = _KIND[name]
    if kind == "status":
        return _STATUS_DANISH.get(str(value), str(value))
    if kind == "basis":
        return "netto" if value == invest.NET else "brutto"
    if kind in ("amount", "share", "whole", "year"):
        number = float(value)
        return int(number) if number.is_integer() and kind != "share" else number
    return guard(str(value))


def export_cases(cases: list[tuple[str, dict[str, Any]]], suffix: str) -> bytes:
    """The cases as CSV (UTF-8 with BOM, comma, decimal point) or XLSX, Danish headers; no
    cell is ever a formula."""
    import csv
    import io

    header = [danish for _, danish, _ in CASE_COLUMNS]
    table = [[_written(n, row.get(n)) for n, _, _ in CASE_COLUMNS] for row in case_rows(cases)]
    if suffix == ".csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([["" if c is None else c for c in cells] for cells in table])
        return buffer.getvalue().encode("utf-8-sig")
    if suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Investeringscases")

        def cell(value: Any) -> Any:
            written = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                written.data_type = "s"
            return written

        sheet.append([cell(h) for h in header])
        for cells in table:
            sheet.append([cell(c) for c in cells])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    raise BadInput(f"--out must end in .csv or .xlsx, not {suffix or 'nothing'}")


def _cell_value(name: str, raw: Any, decimal_comma: bool) -> Any:
    from viften.files.guard import unguard
    from viften.files.interventions import CellError, parse_number, read_cell
    from viften.model.domain import COLUMNS_BY_NAME

    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind = _KIND[name]
    if kind == "text":
        return unguard(" ".join(str(raw).split()))
    if kind == "status":
        found = _STATUS_ALIASES.get(str(raw).strip().casefold())
        if found is None:
            raise CellError("invest_cell_status", value=("quoted", str(raw)))
        return found
    if kind == "basis":
        found = {"gross": "gross", "brutto": "gross", "net": "net", "netto": "net"}.get(
            str(raw).strip().casefold()
        )
        if found is None:
            raise CellError("invest_cell_basis", value=("quoted", str(raw)))
        return found
    if kind == "share":
        return float(read_cell(COLUMNS_BY_NAME["job_rate"], raw, decimal_comma, guarded=False))
    number = parse_number(raw, decimal_comma)
    if kind in ("whole", "year"):
        if not number.is_integer():
            raise CellError("invest_cell_whole", value=("quoted", str(raw)))
        return int(number)
    return number


def read_cases(data: bytes, file_name: str) -> list[tuple[str | None, invest.Contract]]:
    """The cases of a file, all or nothing: (municipality or None, contract) in the order of
    their first row. BadInput lists every problem as row N, column C."""
    from viften.files import tabular
    from viften.files.interventions import CellError
    from viften.model.errors import Problem

    kind = tabular.kind_of(file_name)
    if kind not in ("csv", "xlsx"):
        raise BadInput(f"{file_name}: an investment-cases file is .csv or .xlsx")
    rule = tabular.HeaderRule(required=("name", "citizens"), column_of=_header_name)
    problems: list[Problem] = []
    groups: dict[tuple[str | None, str], dict[str, Any]] = {}
    first_rows: dict[tuple[str | None, str], int] = {}
    with tabular.open_table(data, kind, rule) as table:
        header = table.header or []
        names = [_header_name(h) for h in header]
        missing = [c for c in rule.required if c not in names]
        unknown = [str(h) for h, n in zip(header, names, strict=True) if n is None and h]
        if missing or unknown:
            for column in missing:
                problems.append(
                    Problem(table.header_row, _DANISH[column], Message.of("invest_cell_missing"))
                )
            for column in unknown:
                problems.append(
                    Problem(table.header_row, column, Message.of("invest_cell_unknown"))
                )
            raise BadInput(Message.of("invest_cell_missing"), problems)
        decimal_comma = table.csv_format is not None and table.csv_format.delimiter == ";"
        for number, cells in table.rows:
            if tabular.blank(cells):
                continue
            values: dict[str, Any] = {}
            for named, raw in zip(names, cells, strict=False):
                if named is None:
                    continue
                column = named
                try:
                    values[column] = _cell_value(column, raw, decimal_comma)
                except CellError as error:
                    problems.append(Problem(number, _DANISH[column], error.message))
            if values.get("name") is None:
                problems.append(Problem(number, _DANISH["name"], Message.of("invest_cell_empty")))
                continue
            key = (values.get("municipality"), str(values["name"]))
            own = {k: values.get(k) for k in CASE_FIELDS}
            if key not in groups:
                groups[key] = {**own, "outcomes": []}
                first_rows[key] = number
            else:
                for field_name in CASE_FIELDS:
                    if own[field_name] != groups[key][field_name]:
                        problems.append(
                            Problem(
                                number,
                                _DANISH[field_name],
                                Message.of("invest_cell_disagrees", row=("count", first_rows[key])),
                            )
                        )
            if values.get("outcome") is not None:
                groups[key]["outcomes"].append(
                    {
                        "name": values["outcome"],
                        **{
                            f: values.get(f)
                            for f in ("payment", "month", "rate", "baseline", "basis")
                            if values.get(f) is not None
                        },
                    }
                )
    out: list[tuple[str | None, invest.Contract]] = []
    for key, document in groups.items():
        clean = {k: v for k, v in document.items() if v is not None and k != "municipality"}
        try:
            out.append((key[0], invest.parse_contract(clean, first_rows[key])))
        except BadInput as error:
            message = error.message
            problems.append(
                Problem(
                    first_rows[key],
                    _field_column(error),
                    message if isinstance(message, Message) else _plain(error),
                )
            )
    if problems:
        raise BadInput(Message.of("invest_cell_problems"), problems[:100], len(problems))
    return out


def _field_column(error: BadInput) -> str:
    message = error.message
    if isinstance(message, Message):
        for name, _, value in message.values:
            if name == "field":
                base = str(value).split(".")[-1].split("[")[0]
                base = {"name": "outcome"}.get(base, base) if "." in str(value) else base
                return _DANISH.get(base, str(value))
    return _DANISH["name"]


def _plain(error: BadInput) -> Message:
    message = error.message
    if isinstance(message, Message):
        value = next((v for n, _, v in message.values if n == "value"), "")
        return Message.of("invest_cell_bad", value=("quoted", value))
    return Message.of("invest_cell_bad", value=("quoted", str(message)))
