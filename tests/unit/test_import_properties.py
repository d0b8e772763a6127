"""Property tests of the importer: whatever a file holds, the importer either reads it right
or refuses it with `BadInput`, and a refused file never changes the database."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from viften.actions import interventions as changes
from viften.actions.access import Actor
from viften.files import interventions as importer
from viften.model.domain import COLUMNS
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db
from viften.store import interventions as store

EDITOR = Actor("property", "editor")
FAST = settings(max_examples=150, deadline=None)
WITH_DB = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ALIASES = {
    "target_group": {
        "closer": ["closer", "tættere på"],
        "further": ["further", "længere væk"],
        "cross": ["cross", "tværgående"],
    },
    "provider_type": {"internal": ["internal", "intern"], "external": ["external", "ekstern"]},
    "effect_rating": {
        "high": ["high", "høj"],
        "medium": ["medium", "middel"],
        "low": ["low", "lav"],
    },
}
KNOWN_HEADERS = [c.name for c in COLUMNS] + [c.danish for c in COLUMNS]


def parse_or_refuse(data: bytes, filename: str) -> importer.ParsedFile | None:
    """The only outcomes allowed: parsed rows, or BadInput with at least one message."""
    try:
        return importer.parse(data, filename, default_year=2026)
    except BadInput as error:
        assert error_lines(error, "en")
        assert all(line.strip() for line in error_lines(error, "en"))
        return None


# --- anything at all ----------------------------------------------------------------------

filenames = st.sampled_from(["f.csv", "f.CSV", "f.txt", "f", "f.xlsx", "f.parquet", "f.pdf"])


@FAST
@given(data=st.binary(max_size=2000), filename=filenames)
def test_random_bytes_never_crash_the_importer(data: bytes, filename: str) -> None:
    parse_or_refuse(data, filename)


@FAST
@given(data=st.binary(max_size=500), filename=st.sampled_from(["f.xlsx", "f.parquet"]))
def test_random_bytes_inside_a_zip_or_parquet_frame_never_crash(data: bytes, filename: str) -> None:
    frame = b"PK\x03\x04" + data if filename.endswith("xlsx") else b"PAR1" + data + b"PAR1"
    parse_or_refuse(frame, filename)


header_cells = st.one_of(
    st.sampled_from(KNOWN_HEADERS),
    st.sampled_from(KNOWN_HEADERS).map(lambda h: f"  {h.upper()} "),
    st.text(max_size=12),
)
any_cells = st.one_of(
    st.text(max_size=15),
    st.sampled_from(
        [
            "",
            " ",
            "35 %",
            "1,7",
            "★★",
            "****",
            "kr.",
            "%",
            "-",
            "+",
            ",-",
            "1.2.3",
            "1.234.567,5",
            "1,234,567.5",
            "1 234",
            "tættere på",
            "høj",
            "2026",
            "1999",
            "'=1+1",
            "=1+1",
            "nan",
            "inf",
            "1e5",
            "−5",
            "0x10",
            "٣",
        ]
    ),
    st.integers(-(10**6), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@FAST
@given(
    header=st.lists(header_cells, min_size=0, max_size=8),
    rows=st.lists(st.lists(any_cells, max_size=9), max_size=6),
    sep=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
)
def test_random_csv_cells_never_crash_the_importer(
    header: list[str], rows: list[list[str]], sep: str, bom: bool
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    parsed = parse_or_refuse((b"\xef\xbb\xbf" if bom else b"") + data, "f.csv")
    if parsed is not None:
        for row in parsed.rows:
            assert isinstance(row["name"], str) and 1 <= len(row["name"]) <= 200
            assert 2000 <= row["year"] <= 2100
            assert 0 <= row["job_rate"] <= 1
            assert row["evidence_stars"] in (1, 2, 3)
            assert row["price_per_participant"] >= 0


xlsx_cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    any_cells,
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)


@settings(max_examples=40, deadline=None)
@given(
    header=st.lists(st.one_of(st.none(), header_cells), max_size=8),
    rows=st.lists(st.lists(xlsx_cells, max_size=9), max_size=5),
)
def test_random_xlsx_cells_never_crash_the_importer(
    header: list[Any], rows: list[list[Any]]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for cells in [header, *rows]:
        sheet.append([_xlsx_safe(c) for c in cells])
    buffer = io.BytesIO()
    book.save(buffer)
    parse_or_refuse(buffer.getvalue(), "f.xlsx")


def _xlsx_safe(value: Any) -> Any:
    if isinstance(value, str):
        # openpyxl refuses control characters in cells; a spreadsheet could not hold them
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


# --- valid files written the many ways people write numbers -------------------------------


def group(digits: str, separator: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join([digits, *parts])


@st.composite
def money(draw: st.DrawFn, decimal_comma: bool) -> tuple[str, float]:
    whole = draw(st.integers(0, 10**8))
    cents = draw(st.sampled_from([None, 0, 5, 50, 99]))
    mark = "," if decimal_comma else "."
    thousands = draw(st.sampled_from(["", " ", "\u00a0", "." if decimal_comma else ","]))
    text = group(str(whole), thousands)
    value = Decimal(whole)
    if cents is not None:
        text += f"{mark}{cents:02d}"
        value += Decimal(cents) / 100
    text = draw(st.sampled_from(["{}", "{} kr.", "kr. {}", "{} kr", "{} DKK", " {} "])).format(text)
    return text, float(value)


@st.composite
def rate(draw: st.DrawFn, decimal_comma: bool) -> tuple[str, float]:
    thousandths = draw(st.integers(0, 1000))
    share = Decimal(thousandths) / 1000
    mark = "," if decimal_comma else "."
    if draw(st.booleans()):
        percent = format((share * 100).normalize(), "f")
        text = percent.replace(".", mark) + draw(st.sampled_from(["%", " %", "\u00a0%"]))
    else:
        text = format(share, "f").replace(".", mark)
    return text, float(share)


names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and not s.strip().startswith("'"))


text_characters = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ["\t", "\n", "\r", " "]
)


@st.composite
def valid_file(draw: st.DrawFn) -> tuple[bytes, list[dict[str, Any]]]:
    sep = draw(st.sampled_from([",", ";"]))
    decimal_comma = sep == ";"
    optional = draw(
        st.lists(
            st.sampled_from(
                [
                    "year",
                    "provider_type",
                    "effect_rating",
                    "capacity",
                    "control_job_rate",
                    "description",
                ]
            ),
            unique=True,
        )
    )
    columns = [
        "name",
        "target_group",
        "price_per_participant",
        "job_rate",
        "evidence_stars",
        *optional,
    ]
    columns = draw(st.permutations(columns))
    by_name = {c.name: c for c in COLUMNS}
    header = []
    for column in columns:
        written = draw(st.sampled_from([column, by_name[column].danish]))
        header.append(
            draw(st.sampled_from(["{}", " {} ", "{}  "])).format(
                draw(st.sampled_from([written, written.upper(), written.title()]))
            )
        )
    unique_names = draw(st.lists(names, min_size=1, max_size=6, unique_by=lambda s: s.strip()))
    cells: list[list[str]] = []
    expected: list[dict[str, Any]] = []
    for name in unique_names:
        values: dict[str, Any] = {"name": name.strip()}
        written: dict[str, str] = {"name": name}
        for column in columns:
            if column == "name":
                continue
            if column in ALIASES:
                value = draw(st.sampled_from(sorted(ALIASES[column])))
                text = draw(st.sampled_from(ALIASES[column][value]))
                written[column] = draw(st.sampled_from([text, text.upper(), f" {text} "]))
                values[column] = value
            elif column == "price_per_participant":
                written[column], values[column] = draw(money(decimal_comma))
            elif column in ("job_rate", "control_job_rate"):
                written[column], values[column] = draw(rate(decimal_comma))
            elif column == "evidence_stars":
                stars = draw(st.integers(1, 3))
                written[column] = draw(st.sampled_from([str(stars), "★" * stars]))
                values[column] = stars
            elif column == "year":
                year = draw(st.integers(2000, 2100))
                written[column] = str(year)
                values[column] = year
            elif column == "capacity":
                count = draw(st.integers(0, 10**6))
                written[column] = draw(
                    st.sampled_from(
                        [
                            str(count),
                            group(str(count), "." if decimal_comma else ","),
                            group(str(count), " "),
                        ]
                    )
                )
                values[column] = count
            elif column == "description":
                text = draw(st.text(text_characters, max_size=30))
                written[column] = text
                values[column] = text.strip() or None
                assume(not values[column] or not values[column].startswith("'"))
        values.setdefault("year", 2026)
        cells.append([written[c] for c in columns])
        expected.append(values)
    assume(len({(v["name"], v["year"]) for v in expected}) == len(expected))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(header)
    writer.writerows(cells)
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + buffer.getvalue().encode("utf-8"), expected


@FAST
@given(valid_file())
def test_numbers_written_as_people_write_them_are_read_exactly(
    case: tuple[bytes, list[dict[str, Any]]],
) -> None:
    data, expected = case
    try:
        parsed = importer.parse(data, "f.csv", default_year=2026)
    except BadInput as error:
        pytest.fail(f"refused a valid file: {error_lines(error, 'en')}\n{data.decode('utf-8-sig')}")
    assert parsed.rows == expected


# --- and against a database ---------------------------------------------------------------


@st.composite
def maybe_broken_file(draw: st.DrawFn) -> bytes:
    data, _ = draw(valid_file())
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    damage = draw(st.sampled_from(["none", "cell", "line", "bytes", "header"]))
    if damage == "cell" and len(lines) > 1:
        index = draw(st.integers(1, len(lines) - 1))
        sep = ";" if ";" in lines[0] else ","
        cells = lines[index].rstrip("\r\n").split(sep)
        cells[draw(st.integers(0, len(cells) - 1))] = (
            draw(any_cells).replace(sep, "").replace('"', "")
        )
        lines[index] = sep.join(cells) + "\r\n"
    elif damage == "line":
        lines.insert(draw(st.integers(1, len(lines))), draw(st.text(max_size=30)) + "\r\n")
    elif damage == "header":
        lines[0] = draw(st.text(max_size=40)) + "\r\n"
    out = "".join(lines).encode("utf-8")
    if damage == "bytes":
        position = draw(st.integers(0, len(out)))
        out = out[:position] + draw(st.binary(min_size=1, max_size=4)) + out[position:]
    return out


@pytest.fixture
def shared_db(tmp_path: Path) -> Path:
    path = tmp_path / "property.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.close()
    return path


@WITH_DB
@given(data=maybe_broken_file())
def test_a_refused_file_never_changes_the_database(
    shared_db: Path, snapshot: Any, data: bytes
) -> None:
    before = snapshot(shared_db)
    try:
        changes.import_file(shared_db, data, "f.csv", EDITOR)
    except BadInput:
        assert snapshot(shared_db) == before
        return
    parsed = importer.parse(data, "f.csv")
    with db.connect(shared_db) as con:
        for row in parsed.rows:
            stored = {r["name"]: r for r in store.stored_rows(con, row["year"])}
            assert row["name"] in stored
            for column, value in row.items():
                assert stored[row["name"]][column] == value, column
