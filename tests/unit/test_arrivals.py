"""Files as they arrive: the same interventions saved by Danish Excel, LibreOffice, Google
Sheets, Numbers and a script, each imported and read back with every value and letter
(tests/data/arrivals/, made by make_arrivals.py there)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from viften.actions import interventions as actions
from viften.actions import outcomes as outcome_actions
from viften.actions.access import EDITOR, Actor
from viften.store import db, outcomes
from viften.store import interventions as store

ARRIVALS = Path(__file__).resolve().parents[1] / "data" / "arrivals"
ANNA = Actor("Anna", EDITOR)


def _maker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_arrivals", ARRIVALS / "make_arrivals.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_arrivals"] = module
    spec.loader.exec_module(module)
    return module


MAKER = _maker()
GROUPS = {"tættere på": "closer", "længere væk": "further", "tværgående": "cross"}


@pytest.mark.parametrize("name", sorted(MAKER.FILES))
def test_the_checked_in_file_is_what_the_script_makes(name: str) -> None:
    assert (ARRIVALS / name).read_bytes() == MAKER.FILES[name]()


@pytest.mark.parametrize("name", sorted(MAKER.FILES))
def test_a_file_as_it_arrives_imports_with_every_value_and_letter(
    name: str, empty_db: Path
) -> None:
    summary = actions.import_file(empty_db, (ARRIVALS / name).read_bytes(), name, ANNA)
    assert len(summary.inserted) == len(MAKER.ROWS)
    with db.connect(empty_db) as con:
        stored = {r["name"]: r for r in store.stored_rows(con, 2027)}
    assert sorted(stored) == sorted(row[0] for row in MAKER.ROWS)
    for title, year, group, provider, price, rate, stars, text in MAKER.ROWS:
        row = stored[title]
        assert row["year"] == year
        assert row["target_group"] == GROUPS[group]
        assert row["provider"] == provider
        assert row["price_per_participant"] == pytest.approx(price)
        assert row["job_rate"] == pytest.approx(rate)
        assert row["evidence_stars"] == stars
        assert row["description"] == text
    assert stored["Løntilskud på Ærø"]["provider"] == "Ærø Kommune"


@pytest.mark.parametrize("name", sorted(MAKER.OUTCOME_FILES))
def test_outcome_records_as_they_arrive_import_with_their_letters(
    name: str, empty_db: Path
) -> None:
    first = MAKER.FILES["excel-semikolonsepareret-cp1252.csv"]()
    actions.import_file(empty_db, first, "indsatser.csv", ANNA)
    assert (ARRIVALS / name).read_bytes() == MAKER.OUTCOME_FILES[name]()
    outcome_actions.import_records(empty_db, ARRIVALS / name, ANNA)
    with db.connect(empty_db) as con:
        (counts,) = outcomes.counts(con, 2027)
        people = sorted(r[0] for r in con.execute("SELECT person_id FROM outcomes").fetchall())
    assert counts["intervention"] == "Mentorstøtte for unge"
    assert (counts["n_treatment"], counts["k_treatment"], counts["n_control"]) == (2, 1, 1)
    assert people == ["p-å3", "p-æ1", "p-ø2"]
