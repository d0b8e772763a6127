"""The budget case's assumptions stored per fan year: read, saved and reset by editors only,
checked by the model, audited, and used by `case --json` beneath an `--assumptions` file."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pg
import pytest

from viften import cli
from viften.actions import assumptions as actions
from viften.actions.access import Actor, PermissionDenied
from viften.model.assumptions import DEFAULT
from viften.model.errors import BadInput
from viften.store import assumptions as stored
from viften.store import db
from viften.store import interventions as store


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


EDITOR = Actor("mette", "editor")
VIEWER = Actor("jens", "viewer")


def everything(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables these writes touch: equal before and after means untouched."""
    with db.connect(path) as con:
        tables = ("assumptions", "history", "interventions")
        query = "SELECT * FROM {}"
        return {
            table: sorted(con.execute(query.format(table)).fetchall(), key=repr) for table in tables
        }


def assumption_history(path: Path) -> list[dict[str, Any]]:
    with db.connect(path) as con:
        return [r for r in store.history(con) if (r["field"] or "").startswith("assumptions.")]


def test_a_year_without_stored_assumptions_uses_the_defaults(db_path: Path) -> None:
    assert actions.for_year(db_path, 2026) == DEFAULT
    assert actions.stored(db_path, 2026) is None


def test_saved_assumptions_are_the_years_and_no_other_years(db_path: Path) -> None:
    saved = actions.save(
        db_path,
        EDITOR,
        2026,
        {"discount_rate": "4 %", "horizon": 5, "benefits": {"kontanthjælp": 150000}},
    )
    year = actions.for_year(db_path, 2026)
    assert year == saved
    assert (year.discount_rate, year.horizon, year.benefits["kontanthjaelp"]) == (0.04, 5, 150000.0)
    assert year.benefits["dagpenge"] == DEFAULT.benefits["dagpenge"]
    assert actions.for_year(db_path, 2025) == DEFAULT
    assert actions.stored(db_path, 2026) == saved.to_dict()


def test_a_second_save_changes_only_its_own_keys(db_path: Path) -> None:
    actions.save(db_path, EDITOR, 2026, {"wage": 300000})
    actions.save(
        db_path, EDITOR, 2026, {"target_group_defaults": {"closer": {"weeks_on_benefit": 26}}}
    )
    year = actions.for_year(db_path, 2026)
    assert year.wage == 300000.0
    assert year.target_group_defaults["closer"].weeks_on_benefit == 26
    assert year.target_group_defaults["closer"].benefit == "dagpenge"


def test_a_value_saved_without_a_source_names_who_saved_it_and_when(db_path: Path) -> None:
    year = actions.save(
        db_path,
        EDITOR,
        2026,
        {"wage": 300000, "tax_rate": 0.5, "sources": {"tax_rate": "Skatteministeriet 2026"}},
    )
    assert year.source("wage") == f"mette, {dt.date.today().isoformat()}"
    assert year.source("tax_rate") == "Skatteministeriet 2026"
    assert year.source("discount_rate") == DEFAULT.source("discount_rate")


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"discount_rate": "lots"}, "discount_rate"),
        ({"horizon": 0}, "horizon"),
        ({"benefits": {"løn": 1}}, "benefits.løn"),
        ({"wages": 1}, "wages"),
        ({"municipal_tax_rate": 0.9}, "municipal_tax_rate"),
    ],
)
def test_a_bad_value_names_its_key_and_stores_nothing(
    db_path: Path, overrides: dict[str, Any], key: str
) -> None:
    before = everything(db_path)
    with pytest.raises(BadInput, match=key):
        actions.save(db_path, EDITOR, 2026, overrides)
    assert everything(db_path) == before


def test_a_viewer_may_not_save_or_reset_and_nothing_changes(db_path: Path) -> None:
    actions.save(db_path, EDITOR, 2026, {"wage": 300000})
    before = everything(db_path)
    with pytest.raises(PermissionDenied, match="jens may only read"):
        actions.save(db_path, VIEWER, 2026, {"wage": 1})
    with pytest.raises(PermissionDenied):
        actions.reset(db_path, VIEWER, 2026)
    assert everything(db_path) == before


def test_a_save_is_in_the_history_with_the_editors_name_value_by_value(db_path: Path) -> None:
    actions.save(db_path, EDITOR, 2026, {"wage": 300000, "benefits": {"dagpenge": 250000}})
    trail = {r["field"]: r for r in assumption_history(db_path)}
    assert trail["assumptions.wage"]["old"] == "330000.0"
    assert trail["assumptions.wage"]["new"] == "300000.0"
    assert trail["assumptions.benefits.dagpenge"]["new"] == "250000.0"
    assert trail["assumptions.sources.wage"]["old"] == DEFAULT.source("wage")
    assert {(r["user"], r["action"], r["name"], r["year"]) for r in trail.values()} == {
        ("mette", "update", "", 2026)
    }
    assert "assumptions.tax_rate" not in trail


def test_a_reset_brings_back_the_defaults_and_is_in_the_history(db_path: Path) -> None:
    actions.save(db_path, EDITOR, 2026, {"wage": 300000})
    assert actions.reset(db_path, Actor("jens", "editor"), 2026) == DEFAULT
    assert actions.for_year(db_path, 2026) == DEFAULT
    assert actions.stored(db_path, 2026) is None
    reset = [r for r in assumption_history(db_path) if r["user"] == "jens"]
    assert {(r["field"], r["old"], r["new"]) for r in reset} >= {
        ("assumptions.wage", "300000.0", "330000.0")
    }


def test_a_reset_of_a_year_without_stored_assumptions_changes_nothing(db_path: Path) -> None:
    before = everything(db_path)
    actions.reset(db_path, EDITOR, 2026)
    assert everything(db_path) == before


def test_the_stored_form_is_read_back_as_stored(empty_db: Path) -> None:
    with db.transaction(empty_db) as con:
        stored.write(con, "mette", 2030, {"wage": 1.0}, DEFAULT.to_dict())
        assert stored.read(con, 2030) == {"wage": 1.0}
        assert stored.read(con, 2031) is None
        assert stored.stored_years(con) == [2030]


# --- case --json ------------------------------------------------------------------------------


def case_json(path: Path, *options: str) -> dict[str, dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["case", "--json", "--db", str(path), *options]) == 0
    return {r["name"]: r for r in json.loads(out.getvalue())}


def test_case_uses_the_years_stored_assumptions(db_path: Path) -> None:
    before = case_json(db_path)["IPS"]
    actions.save(db_path, EDITOR, 2026, {"horizon": 3, "persistence": 1})
    after = case_json(db_path)
    assert len(after["IPS"]["years"]) == 3 and len(before["years"]) == DEFAULT.horizon
    assert after["Mentorstøtte"]["persistence"] == 1.0  # no persistence of its own
    assert after["IPS"]["persistence"] == 0.6  # its own wins over the assumption
    assert len(case_json(db_path, "--year", "2025")["IPS"]["years"]) == DEFAULT.horizon


def test_an_assumptions_file_overrides_the_stored_ones_key_by_key(
    db_path: Path, tmp_path: Path
) -> None:
    actions.save(
        db_path,
        EDITOR,
        2026,
        {"horizon": 3, "discount_rate": 0, "benefits": {"kontanthjaelp": 100000}},
    )
    file = tmp_path / "antagelser.json"
    file.write_text(json.dumps({"horizon": 2, "benefits": {"dagpenge": 200000}}))
    objects = case_json(db_path, "--assumptions", str(file))
    expected = actions.for_year(db_path, 2026).overridden(
        {"horizon": 2, "benefits": {"dagpenge": 200000}}
    )
    assert (
        expected.horizon,
        expected.discount_rate,
        expected.benefits["kontanthjaelp"],
        expected.benefits["dagpenge"],
    ) == (2, 0.0, 100000.0, 200000.0)
    from viften.model import case as budget_case
    from viften.store import views

    frame = views.load_year(db_path, 2026).frame
    assert list(objects.values()) == budget_case.records(frame, expected, "")
