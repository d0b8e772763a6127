"""Stored investment cases: editors write them with history and optimistic concurrency,
results give the payments due, the pools their commitments year by year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pg
import pytest

from viften.actions import investments
from viften.actions.access import EDITOR, Actor, PermissionDenied
from viften.model import invest
from viften.model.errors import BadInput
from viften.store.interventions import ConflictError


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


EDITOR_ACTOR = Actor("redaktør", EDITOR)
VIEWER = Actor("læser")

CONTRACT = invest.parse_contract(
    {
        "name": "IPS-investering",
        "intervention": "IPS",
        "year": 2026,
        "citizens": 100,
        "investor_share": 0.8,
        "status": "decided",
        "outlay_pool": "Sociale investeringer",
        "payment_pool": "Resultatbetalingspulje",
        "outcomes": [{"name": "Job", "payment": 40_000, "month": 12, "basis": "net"}],
    }
)


def test_an_editor_stores_a_case_and_a_viewer_may_not(db_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        investments.save_case(db_path, VIEWER, CONTRACT)
    case_id = investments.save_case(db_path, EDITOR_ACTOR, CONTRACT)
    view = investments.one_case(db_path, case_id)
    assert view.contract == CONTRACT.with_changes()
    assert view.figures is not None and view.figures.kommune_npv is not None
    assert view.stored.version == 1
    trail = investments.history(db_path)
    assert {row["action"] for row in trail} == {"insert"}


def test_an_edit_based_on_an_old_version_is_refused(db_path: Path) -> None:
    case_id = investments.save_case(db_path, EDITOR_ACTOR, CONTRACT)
    investments.save_case(db_path, EDITOR_ACTOR, CONTRACT.with_changes(citizens=80), case_id, 1)
    with pytest.raises(ConflictError):
        investments.save_case(db_path, EDITOR_ACTOR, CONTRACT.with_changes(citizens=60), case_id, 1)
    assert investments.one_case(db_path, case_id).contract.citizens == 80
    changed = [r for r in investments.history(db_path) if r["action"] == "update"]
    assert [(r["field"], r["old"], r["new"]) for r in changed] == [("citizens", "100", "80")]


def test_an_unknown_intervention_is_not_stored(db_path: Path) -> None:
    with pytest.raises(BadInput):
        investments.save_case(db_path, EDITOR_ACTOR, CONTRACT.with_changes(intervention="Nej"))
    assert investments.portfolio(db_path).cases == ()


def test_a_result_gives_the_payment_due_and_the_pools_their_commitments(db_path: Path) -> None:
    case_id = investments.save_case(db_path, EDITOR_ACTOR, CONTRACT)
    investments.set_pool(db_path, EDITOR_ACTOR, "Sociale investeringer", 48e6)
    investments.set_pool(db_path, EDITOR_ACTOR, "Resultatbetalingspulje", 27e6)
    investments.set_result(db_path, EDITOR_ACTOR, case_id, "Job", dt.date(2027, 1, 31), 100, 60)
    view = investments.one_case(db_path, case_id)
    baseline = view.figures.terms.baselines[0]  # type: ignore[union-attr]
    assert view.paid == pytest.approx(40_000 * (60 - 100 * baseline))
    folio = investments.portfolio(db_path)
    outlay, payments = (
        next(p for p in folio.pools if p.name == name)
        for name in ("Sociale investeringer", "Resultatbetalingspulje")
    )
    assert outlay.committed == pytest.approx(0.2 * 100 * 45_000)
    assert outlay.by_year[0] == (2026, pytest.approx(900_000))
    assert sum(v for _, v in outlay.by_year[1:]) == 0
    assert payments.paid == pytest.approx(view.paid)
    assert payments.left == pytest.approx(27e6 - payments.committed)
    with pytest.raises(BadInput):
        investments.set_result(db_path, EDITOR_ACTOR, case_id, "Job", dt.date(2027, 1, 31), 10, 11)
    with pytest.raises(BadInput):
        investments.set_result(db_path, EDITOR_ACTOR, case_id, "Nej", dt.date(2027, 1, 31), 10, 1)


def test_a_result_is_computed_from_the_outcome_records(db_path: Path) -> None:
    case_id = investments.save_case(db_path, EDITOR_ACTOR, CONTRACT)
    citizens, reached = investments.result_from_outcomes(
        db_path, EDITOR_ACTOR, case_id, "Job", dt.date(2027, 1, 31)
    )
    assert (citizens, reached) == (100, 58)  # the demo IPS participants: 58 % in job
    assert investments.one_case(db_path, case_id).results[0].reached == reached


def test_deleting_a_case_removes_its_results_and_keeps_its_history(db_path: Path) -> None:
    case_id = investments.save_case(db_path, EDITOR_ACTOR, CONTRACT)
    investments.set_result(db_path, EDITOR_ACTOR, case_id, "Job", dt.date(2027, 1, 31), 10, 5)
    investments.delete_case(db_path, EDITOR_ACTOR, case_id, 1)
    assert investments.portfolio(db_path).cases == ()
    assert investments.history(db_path)[0]["action"] == "delete"


def test_the_deck_ends_with_the_portfolio_and_a_sheet_per_case(db_path: Path) -> None:
    from viften.actions.committee import committee_material
    from viften.present import images
    from viften.present import invest as present
    from viften.present.charts import invest as charts

    before = [v.key for v in committee_material(db_path).views]
    investments.save_case(db_path, EDITOR_ACTOR, CONTRACT)
    material = committee_material(db_path)
    added = material.views[len(before) :]
    assert [v.key for v in material.views[: len(before)]] == before
    assert added[0].key == "invest_portfolio" and added[0].chart is not None
    (sheet,) = added[1:]
    assert sheet.title == "Investeringscase: IPS-investering"
    assert len(sheet.figures) == 6
    (line,) = investments.case_lines(investments.portfolio(db_path))
    assert line.figures is not None
    picture = charts.case_sheet(line.name, present.sheet_figures(line.figures), line.figures)
    assert images.render(picture).png()[:4] == b"\x89PNG"
