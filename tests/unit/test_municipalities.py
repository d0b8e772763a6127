"""Many municipalities in one database: the uniqueness rule of the interventions file across
municipalities, the database's own municipality as the default, and outcome records per
municipality."""

from __future__ import annotations

from pathlib import Path

import pg
import pytest

from viften.actions import interventions as actions
from viften.actions import settings
from viften.actions.access import Actor
from viften.files import interventions as importer
from viften.model import filters as flt
from viften.model.errors import BadInput
from viften.present.messages import error_lines
from viften.store import db


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


EDITOR = Actor("Test Editor", "editor")
ADMIN = Actor("Test Admin", "admin")
HEADER = "navn;år;målgruppe;pris pr. deltager;jobandel;evidens;kommune;indsatstype\n"


def _file(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode()


def _stored(path: Path) -> list[tuple[str, str, int, str | None]]:
    with db.connect(path) as con:
        return [
            (str(m), str(n), int(y), k)
            for m, n, y, k in con.execute(
                "SELECT municipality, name, year, kind FROM interventions ORDER BY 1, 2, 3, 4"
            ).fetchall()
        ]


def _randers_and_aarhus(path: Path) -> None:
    """An IPS in Randers and one of the same name in Aarhus (kind written in small letters)."""
    actions.import_file(
        path,
        _file(
            "IPS;2026;further;45000;0,3;3;Randers;IPS", "IPS;2026;further;60000;0,3;3;Aarhus;ips"
        ),
        "a.csv",
        EDITOR,
    )


def test_the_same_name_in_two_municipalities_is_two_interventions(empty_db: Path) -> None:
    _randers_and_aarhus(empty_db)
    assert _stored(empty_db) == [
        ("Aarhus", "IPS", 2026, "ips"),
        ("Randers", "IPS", 2026, "IPS"),
    ]


def test_a_name_twice_in_one_municipality_and_year_is_an_error_on_the_later_row() -> None:
    data = _file(
        "IPS;2026;further;45000;0,3;3;Randers;IPS",
        "IPS;2026;further;45000;0,3;3;Aarhus;IPS",
        "IPS;2025;further;45000;0,3;3;Randers;IPS",
        "IPS;2026;further;50000;0,3;3;Randers;IPS",
    )
    with pytest.raises(BadInput) as caught:
        importer.parse(data, "a.csv")
    assert error_lines(caught.value, "en") == [
        "row 5, column navn: 'IPS' for 'Randers' in 2026 already appears in row 2; a name must "
        "be unique within a municipality and a year"
    ]


def test_an_empty_municipality_is_the_database_own(empty_db: Path) -> None:
    with db.connect(empty_db) as con:
        con.execute("INSERT INTO settings VALUES ('municipality', 'Randers')")
    data = _file("IPS;2026;further;45000;0,3;3;;IPS", "IPS;2026;further;45000;0,3;3;Randers;IPS")
    with pytest.raises(BadInput) as caught:
        actions.import_file(empty_db, data, "a.csv", EDITOR)
    assert "row 3, column navn" in error_lines(caught.value, "en")[0]
    actions.import_file(empty_db, _file("IPS;2026;further;45000;0,3;3;;IPS"), "a.csv", EDITOR)
    summary = actions.import_file(
        empty_db, _file("IPS;2026;further;46000;0,3;3;Randers;IPS"), "b.csv", EDITOR
    )
    assert summary.updated == ["IPS (2026)"]
    assert _stored(empty_db) == [("Randers", "IPS", 2026, "IPS")]


def test_a_file_without_the_column_matches_the_own_municipality_only(empty_db: Path) -> None:
    actions.import_file(
        empty_db,
        _file("IPS;2026;further;45000;0,3;3;;IPS", "IPS;2026;further;60000;0,3;3;Aarhus;IPS"),
        "a.csv",
        EDITOR,
    )
    plain = b"navn;aar;maalgruppe\n"  # an unreadable header is refused, never guessed
    with pytest.raises(BadInput):
        importer.parse(plain, "a.csv")
    data = "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\nIPS;further;1;0,3;3;2026\n"
    summary = actions.import_file(empty_db, data.encode(), "b.csv", EDITOR)
    assert summary.updated == ["IPS (2026)"]
    with db.connect(empty_db) as con:
        prices = con.execute(
            "SELECT municipality, price_per_participant FROM interventions ORDER BY 1"
        ).fetchall()
        trail = con.execute(
            "SELECT municipality, field FROM history WHERE action = 'update'"
        ).fetchall()
    assert prices == [("", 1.0), ("Aarhus", 60000.0)]
    assert trail == [("", "price_per_participant")]


def test_the_municipality_filter_matches_in_any_case(empty_db: Path) -> None:
    _randers_and_aarhus(empty_db)
    from viften.store import views

    frame = views.load_year(empty_db, 2026).frame
    shown = flt.apply(frame, flt.Filters(municipality=" aarhus "))
    assert list(shown["price_per_participant"]) == [60000.0]
    assert flt.from_query({"kommune": "Aarhus"}).municipality == "Aarhus"
    assert flt.to_query(flt.Filters(municipality="Aarhus")) == {"kommune": "Aarhus"}


def test_outcome_records_belong_to_the_municipality_they_name(
    empty_db: Path, tmp_path: Path
) -> None:
    from viften.actions import outcomes

    actions.import_file(
        empty_db,
        _file("IPS;2026;further;45000;0,3;3;Randers;IPS", "IPS;2026;further;60000;0,3;3;;IPS"),
        "a.csv",
        EDITOR,
    )
    records = tmp_path / "o.csv"
    records.write_text(
        "intervention,year,group,employed,kommune,person\n"
        "IPS,2026,treatment,1,Randers,p1\nIPS,2026,control,0,Randers,p2\n"
        "IPS,2026,treatment,0,,p1\nIPS,2026,control,0,,p2\n"
    )
    outcomes.import_records(empty_db, records, EDITOR)
    from viften.store import views

    frame = views.load_year(empty_db, 2026).frame.set_index("municipality")
    assert frame.loc["Randers", "job_rate"] == 1.0
    assert frame.loc["", "job_rate"] == 0.0
    bad = tmp_path / "bad.csv"
    bad.write_text("intervention,year,group,employed,kommune\nIPS,2026,treatment,1,Odense\n")
    with pytest.raises(BadInput) as caught:
        outcomes.import_records(empty_db, bad, EDITOR)
    assert "row 2, column intervention" in error_lines(caught.value, "en")[0]


def test_renaming_the_own_municipality_moves_its_rows(empty_db: Path) -> None:
    actions.import_file(empty_db, _file("IPS;2026;further;45000;0,3;3;;IPS"), "a.csv", EDITOR)
    settings.save_municipality(empty_db, ADMIN, "Randers")
    assert _stored(empty_db) == [("Randers", "IPS", 2026, "IPS")]
    settings.save_municipality(empty_db, ADMIN, "Randers Kommune")
    assert _stored(empty_db) == [("Randers Kommune", "IPS", 2026, "IPS")]


def test_a_rename_onto_a_municipality_with_the_same_intervention_is_refused(
    empty_db: Path,
) -> None:
    actions.import_file(
        empty_db,
        _file("IPS;2026;further;45000;0,3;3;;IPS", "IPS;2026;further;60000;0,3;3;Aarhus;IPS"),
        "a.csv",
        EDITOR,
    )
    with pytest.raises(BadInput, match="IPS"):
        settings.save_municipality(empty_db, ADMIN, "Aarhus")
    assert _stored(empty_db) == [("", "IPS", 2026, "IPS"), ("Aarhus", "IPS", 2026, "IPS")]
