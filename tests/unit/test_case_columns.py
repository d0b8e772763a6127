"""The budget case's columns of the interventions file (benefit, weeks_on_benefit,
persistence, mandatory): read as people write them, refused with row and column, stored,
exported, edited and audited like every other column."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from viften.actions import editing
from viften.actions import interventions as changes
from viften.actions.access import Actor
from viften.files import export as exporter
from viften.files import interventions as importer
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db, paths, views
from viften.store import interventions as store

EDITOR = Actor("mette", "editor")
HEADER = "navn;målgruppe;pris pr. deltager;jobandel;evidens"


def file_with(columns: str, *cells: str) -> bytes:
    rows = [f"Indsats {i};længere væk;9.000;20 %;2;{cell}" for i, cell in enumerate(cells)]
    return "\n".join([f"{HEADER};{columns}", *rows]).encode("utf-8") + b"\n"


def read(columns: str, *cells: str) -> list[dict[str, Any]]:
    return importer.parse(file_with(columns, *cells), "x.csv", default_year=2026).rows


def problems(columns: str, *cells: str, lang: str = "en") -> list[str]:
    with pytest.raises(BadInput) as caught:
        importer.parse(file_with(columns, *cells), "x.csv", default_year=2026)
    return error_lines(caught.value, lang)


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("kontanthjælp", "kontanthjaelp"),
        ("Kontanthjaelp", "kontanthjaelp"),
        (" uddannelseshjælp ", "uddannelseshjaelp"),
        ("SYGEDAGPENGE", "sygedagpenge"),
        ("dagpenge", "dagpenge"),
        ("ressourceforløb", "ressourceforloeb"),
        ("ressourceforløbsydelse", "ressourceforloeb"),
        ("førtidspension", "foertidspension"),
    ],
)
def test_a_benefit_is_read_in_any_spelling_as_its_key(written: str, key: str) -> None:
    assert read("ydelse", written)[0]["benefit"] == key


def test_a_benefit_that_is_not_one_names_row_column_and_the_benefits_in_either_language() -> None:
    assert problems("ydelse", "dagpenge", "løn") == [
        "row 3, column ydelse: 'løn' is not a benefit; write one of kontanthjaelp, "
        "uddannelseshjaelp, sygedagpenge, dagpenge, ressourceforloeb, foertidspension (also "
        "spelt with æ, ø, å)"
    ]
    assert problems("ydelse", "løn", lang="da")[0].startswith(
        "række 2, kolonne ydelse: 'løn' er ikke en ydelse"
    )


@pytest.mark.parametrize(
    ("written", "weeks"), [("0", 0), ("13", 13), ("104", 104), ("1.040", 1040)]
)
def test_weeks_on_benefit_are_whole_weeks(written: str, weeks: int) -> None:
    assert read("uger på ydelse", written)[0]["weeks_on_benefit"] == weeks


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("-1", "-1 weeks is negative; weeks on benefit must be 0 or more"),
        ("2,5", "2.5 must be a whole number of weeks"),
        ("mange", "'mange' is not a number"),
    ],
)
def test_bad_weeks_on_benefit_are_placed_by_row_and_column(written: str, message: str) -> None:
    assert problems("weeks_on_benefit", written) == [f"row 2, column weeks_on_benefit: {message}"]


@pytest.mark.parametrize(
    ("written", "share"), [("0,4", 0.4), ("40 %", 0.4), ("1", 1.0), ("0", 0.0)]
)
def test_persistence_is_a_share_or_a_percentage(written: str, share: float) -> None:
    assert read("holdbarhed", written)[0]["persistence"] == pytest.approx(share)


def test_a_persistence_above_one_is_an_error() -> None:
    assert problems("holdbarhed", "1,5") == [
        "row 2, column holdbarhed: 1,5 must be a share between 0 and 1 (or written as a "
        "percentage, like 35 %)"
    ]


@pytest.mark.parametrize(
    ("written", "flag"),
    [
        ("ja", True),
        ("Ja", True),
        ("yes", True),
        ("1", True),
        ("true", True),
        ("SAND", True),
        ("nej", False),
        ("no", False),
        ("0", False),
        ("false", False),
        ("", False),
        (" ", False),
    ],
)
def test_mandatory_is_a_yes_or_no_and_empty_is_no(written: str, flag: bool) -> None:
    assert read("lovpligtig", written)[0]["mandatory"] is flag


def test_a_mandatory_that_is_neither_yes_nor_no_is_an_error() -> None:
    assert problems("lovpligtig", "måske") == [
        "row 2, column lovpligtig: 'måske' is not a yes or no: write yes or no (ja/nej, 1/0, "
        "true/false); empty means no"
    ]


def test_an_xlsx_file_gives_logical_cells_and_numbers_for_mandatory() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "navn",
            "målgruppe",
            "pris pr. deltager",
            "jobandel",
            "evidens",
            "lovpligtig",
            "uger på ydelse",
        ]
    )
    sheet.append(["A", "closer", 9000, 0.2, 2, True, 13])
    sheet.append(["B", "closer", 9000, 0.2, 2, 0, 13.0])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = importer.parse(buffer.getvalue(), "x.xlsx", default_year=2026).rows
    assert [(r["mandatory"], r["weeks_on_benefit"]) for r in rows] == [(True, 13), (False, 13)]


def test_empty_case_columns_are_empty_and_mandatory_is_no() -> None:
    row = read("ydelse;uger på ydelse;holdbarhed;lovpligtig", ";;;")[0]
    assert (row["benefit"], row["weeks_on_benefit"], row["persistence"], row["mandatory"]) == (
        None,
        None,
        None,
        False,
    )


# --- stored, listed, exported ----------------------------------------------------------------

CASE_FILE = (
    "\n".join(
        [
            f"{HEADER};ydelse;uger på ydelse;holdbarhed;lovpligtig",
            "Ressourceforløb;længere væk;160.000;4 %;1;ressourceforløb;260;;ja",
            "Mentor;tættere på;27.500;22 %;3;dagpenge;13;60 %;nej",
            "Praktik;tværgående;9.000;20 %;2;;;;",
        ]
    ).encode("utf-8")
    + b"\n"
)


@pytest.fixture
def loaded(empty_db: Path) -> Path:
    changes.import_file(empty_db, CASE_FILE, "x.csv", EDITOR)
    return empty_db


def stored(path: Path, year: int = 2026) -> dict[str, dict[str, Any]]:
    with db.connect(path) as con:
        return {r["name"]: r for r in store.stored_rows(con, year)}


def case_values(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["benefit"], row["weeks_on_benefit"], row["persistence"], row["mandatory"])


def test_an_import_stores_the_case_columns(loaded: Path) -> None:
    rows = stored(loaded, importer.dt.date.today().year)
    assert case_values(rows["Ressourceforløb"]) == ("ressourceforloeb", 260, None, True)
    assert case_values(rows["Mentor"]) == ("dagpenge", 13, pytest.approx(0.6), False)
    assert case_values(rows["Praktik"]) == (None, None, None, False)


def test_the_year_table_gives_mandatory_as_a_boolean_to_the_allocator(loaded: Path) -> None:
    year = importer.dt.date.today().year
    with db.connect(loaded) as con:
        frame = store.interventions(con, year)
        arrays = store.intervention_arrays(con, year)
    assert frame["mandatory"].dtype == bool
    assert frame.set_index("name")["mandatory"].to_dict() == {
        "Mentor": False,
        "Praktik": False,
        "Ressourceforløb": True,
    }
    assert arrays["mandatory"].dtype == bool


def test_list_gives_the_case_columns_with_empty_ones_as_null(loaded: Path) -> None:
    import contextlib
    import json

    from viften import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["list", "--json", "--db", str(loaded)]) == 0
    listed = {r["name"]: r for r in json.loads(out.getvalue())}
    assert case_values(listed["Praktik"]) == (None, None, None, False)
    assert case_values(listed["Ressourceforløb"]) == ("ressourceforloeb", 260, None, True)
    assert isinstance(listed["Ressourceforløb"]["weeks_on_benefit"], int)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_an_export_of_the_case_columns_imports_again_unchanged(loaded: Path, suffix: str) -> None:
    year = importer.dt.date.today().year
    with db.connect(loaded) as con:
        data = exporter.export_bytes(store.stored_rows(con, year), suffix)
    summary = changes.import_file(loaded, data, f"x{suffix}", EDITOR)
    assert summary.unchanged and not summary.updated and not summary.inserted


def test_the_csv_export_writes_mandatory_as_yes_or_no(loaded: Path) -> None:
    year = importer.dt.date.today().year
    with db.connect(loaded) as con:
        data = exporter.to_csv(store.stored_rows(con, year))
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert (rows["Ressourceforløb"]["mandatory"], rows["Mentor"]["mandatory"]) == ("yes", "no")


def test_a_file_without_the_case_columns_keeps_the_stored_ones(loaded: Path) -> None:
    changes.import_file(
        loaded, f"{HEADER}\nRessourceforløb;længere væk;150.000;4 %;1\n".encode(), "x.csv", EDITOR
    )
    row = stored(loaded, importer.dt.date.today().year)["Ressourceforløb"]
    assert row["price_per_participant"] == 150000.0
    assert case_values(row) == ("ressourceforloeb", 260, None, True)


def test_changes_of_the_case_columns_are_in_the_history(loaded: Path) -> None:
    changes.import_file(
        loaded,
        "\n".join(
            [
                f"{HEADER};ydelse;lovpligtig;holdbarhed;uger på ydelse",
                "Praktik;tværgående;9.000;20 %;2;kontanthjælp;ja;50 %;52",
            ]
        ).encode()
        + b"\n",
        "x.csv",
        Actor("jens", "editor"),
    )
    with db.connect(loaded) as con:
        trail = [
            (r["user"], r["action"], r["name"], r["field"], r["old"], r["new"])
            for r in store.history(con)
            if r["action"] == "update"
        ]
    assert sorted(trail) == [
        ("jens", "update", "Praktik", "benefit", None, "kontanthjaelp"),
        ("jens", "update", "Praktik", "mandatory", "False", "True"),
        ("jens", "update", "Praktik", "persistence", None, "0.5"),
        ("jens", "update", "Praktik", "weeks_on_benefit", None, "52"),
    ]


def test_a_deleted_intervention_comes_back_with_its_case_columns(loaded: Path) -> None:
    year = importer.dt.date.today().year
    with db.connect(loaded) as con:
        identity = next(
            r for r in editing.stored_identities(con, year) if r.name == "Ressourceforløb"
        )
    editing.apply_plan(loaded, EDITOR, editing.EditPlan(deletes=[identity]))
    changes.restore(loaded, EDITOR, "Ressourceforløb", year)
    assert case_values(stored(loaded, year)["Ressourceforløb"]) == (
        "ressourceforloeb",
        260,
        None,
        True,
    )


def test_the_edit_table_checks_and_saves_the_case_columns(loaded: Path) -> None:
    year = importer.dt.date.today().year
    with db.connect(loaded) as con:
        identities = editing.stored_identities(con, year)
    position = [r.name for r in identities].index("Praktik")
    plan = editing.plan_edits(
        identities,
        {
            position: {
                "benefit": "sygedagpenge",
                "weeks_on_benefit": 8,
                "persistence": 0.7,
                "mandatory": True,
            }
        },
        [],
        [],
        year,
    )
    assert not plan.problems
    editing.apply_plan(loaded, EDITOR, plan)
    assert case_values(stored(loaded, year)["Praktik"]) == ("sygedagpenge", 8, 0.7, True)
    bad = editing.plan_edits(
        identities, {position: {"benefit": "løn", "weeks_on_benefit": -2}}, [], [], year
    )
    assert [(p.row, p.column) for p in bad.problems] == [
        (position + 1, "benefit"),
        (position + 1, "weeks_on_benefit"),
    ]


def test_the_template_explains_and_shows_the_case_columns() -> None:
    parsed = importer.parse(exporter.template_xlsx(), "skabelon.xlsx")
    assert case_values(parsed.rows[0]) == ("dagpenge", 13, 0.5, False)


# --- the demo data ----------------------------------------------------------------------------


def demo_rows() -> list[dict[str, Any]]:
    return importer.parse(paths.DEMO_INTERVENTIONS.read_bytes(), paths.DEMO_INTERVENTIONS.name).rows


def test_every_demo_intervention_has_a_benefit_and_weeks_with_their_source() -> None:
    for row in demo_rows():
        assert row["benefit"] is not None and row["weeks_on_benefit"] is not None, row["name"]
        assert "ydelse" in row["source"] and "uger på ydelse" in row["source"], row["name"]
        if row["persistence"] is not None:
            assert "holdbarhed" in row["source"] and "skøn" in row["source"], row["name"]


def test_the_statutory_demo_interventions_are_mandatory_and_no_others() -> None:
    mandatory = {row["name"] for row in demo_rows() if row["mandatory"]}
    assert mandatory == {"Ressourceforløb", "Jobafklaringsforløb"}
    assert all("lovpligtig" in row["source"] for row in demo_rows() if row["mandatory"])


def test_the_demo_database_gives_the_case_its_own_inputs(db_path: Path) -> None:
    from viften.model import case as budget_case
    from viften.model.assumptions import DEFAULT

    frame = views.load_year(db_path).frame
    records = {r["name"]: r for r in budget_case.records(frame, DEFAULT)}
    assert (
        records["IPS"]["benefit"],
        records["IPS"]["weeks_on_benefit"],
        records["IPS"]["persistence"],
    ) == ("kontanthjaelp", 104, 0.6)
    assert records["Mentorstøtte"]["persistence"] == DEFAULT.persistence


def test_a_short_row_without_its_mandatory_cell_is_not_mandatory() -> None:
    data = f"{HEADER};lovpligtig\nIndsats;længere væk;9.000;20 %;2;ja\nAnden;tværgående;1;0;1\n"
    rows = importer.parse(data.encode(), "x.csv", default_year=2026).rows
    assert [r["mandatory"] for r in rows] == [True, False]
