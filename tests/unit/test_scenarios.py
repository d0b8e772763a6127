"""Scenarios: saved under a name, listed, reopened, compared and deleted; editors only."""

from __future__ import annotations

from pathlib import Path

import pg
import pytest

from viften.actions import scenarios as scenario_actions
from viften.actions.access import Actor, PermissionDenied
from viften.model import allocator
from viften.model.allocator import Interventions, Request
from viften.model.errors import BadInput
from viften.store import db, scenarios
from viften.store.db import StoreError


@pytest.fixture(params=pg.BOTH)
def backend(request: pytest.FixtureRequest) -> str:
    """Every test here runs on a DuckDB file and on a PostgreSQL database (issue 15)."""
    return str(request.param)


EDITOR = Actor("Birgit", "editor")
VIEWER = Actor("Viggo", "viewer")


def data() -> Interventions:
    return Interventions.from_columns(
        {
            "name": ["Mentor", "Praktik", "IPS"],
            "year": [2026, 2026, 2026],
            "target_group": ["further", "closer", "further"],
            "price_per_participant": [30_000.0, 9_000.0, 45_000.0],
            "capacity": [40, 300, None],
            "participants": [30, 200, 0],
            "job_rate": [0.25, 0.45, 0.45],
            "control_job_rate": [0.15, None, 0.31],
            "evidence_stars": [2, 2, 3],
        }
    )


def save(path: Path, name: str, participants, settings=None, actor=EDITOR, **options):
    return scenario_actions.save(
        path,
        actor,
        name,
        2026,
        data(),
        participants,
        settings or {"source": "what_if", "budget": 3_000_000.0},
        **options,
    )


def test_a_saved_scenario_reopens_with_its_snapshot_and_settings(empty_db):
    request = Request.of(3_000_000, min_shares={"further": 0.5})
    result = allocator.optimise(data(), request)
    saved = save(
        empty_db, "  Forslag   A ", result.participants, {"source": "optimal", **request.settings()}
    )
    assert saved.name == "Forslag A" and saved.created_by == "Birgit"
    with db.connect(empty_db) as con:
        loaded = scenarios.load(con, "Forslag A", 2026)
    assert loaded == saved
    assert loaded.spend == pytest.approx(result.total_cost)
    assert loaded.net_jobs == pytest.approx(result.net_jobs)
    assert (
        Request.from_settings({k: v for k, v in loaded.settings.items() if k != "source"})
        == request
    )
    participants, missing = loaded.participants_for(data())
    assert tuple(participants) == result.participants and missing == ()


def test_scenarios_are_listed_per_year(empty_db):
    save(empty_db, "A", [1, 0, 0])
    save(empty_db, "B", [0, 1, 0])
    with db.connect(empty_db) as con:
        assert sorted(s.name for s in scenarios.list_scenarios(con, 2026)) == ["A", "B"]
        assert scenarios.list_scenarios(con, 2025) == []
        assert len(scenarios.list_scenarios(con)) == 2


def test_a_name_in_use_is_refused_unless_replacing(empty_db):
    save(empty_db, "A", [1, 0, 0])
    with pytest.raises(StoreError, match="exists for 2026 already"):
        save(empty_db, "A", [2, 0, 0])
    replaced = save(empty_db, "A", [2, 0, 0], replace=True)
    assert replaced.entries[0].participants == 2


def test_a_viewer_cannot_save_or_delete(empty_db):
    with pytest.raises(PermissionDenied):
        save(empty_db, "A", [1, 0, 0], actor=VIEWER)
    save(empty_db, "A", [1, 0, 0])
    with pytest.raises(PermissionDenied):
        scenario_actions.delete(empty_db, VIEWER, "A", 2026)


def test_a_deleted_scenario_is_gone(empty_db):
    save(empty_db, "A", [1, 0, 0])
    scenario_actions.delete(empty_db, EDITOR, "A", 2026)
    with db.connect(empty_db) as con, pytest.raises(scenarios.ScenarioNotFound):
        scenarios.load(con, "A", 2026)


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_scenario_needs_a_sensible_name(empty_db, name):
    with pytest.raises(BadInput):
        save(empty_db, name, [1, 0, 0])


def test_two_scenarios_compare_side_by_side(empty_db):
    first = save(empty_db, "Now", [30, 200, 0])
    second = save(empty_db, "Cut", [10, 250, 5])
    both = scenarios.compare(first, second)
    assert [(r.name, r.first, r.second, r.change) for r in both.rows] == [
        ("Mentor", 30, 10, -20),
        ("Praktik", 200, 250, 50),
        ("IPS", 0, 5, 5),
    ]
    assert both.spend_change == pytest.approx(second.spend - first.spend)
    assert both.net_jobs_change == pytest.approx((10 * 0.1 + 5 * 0.14) - (30 * 0.1))


def test_a_scenario_keeps_its_snapshot_when_an_intervention_disappears(empty_db):
    saved = save(empty_db, "A", [1, 2, 3])
    fewer = Interventions.from_columns(
        {
            "name": ["Mentor"],
            "year": [2026],
            "target_group": ["further"],
            "price_per_participant": [35_000.0],
            "capacity": [40],
            "participants": [30],
            "job_rate": [0.25],
            "control_job_rate": [0.15],
            "evidence_stars": [2],
        }
    )
    participants, missing = saved.participants_for(fewer)
    assert participants.tolist() == [1] and missing == ("Praktik", "IPS")
    assert saved.spend == 30_000 + 2 * 9_000 + 3 * 45_000
    assert scenarios.evaluation(saved, fewer).spend == 35_000
