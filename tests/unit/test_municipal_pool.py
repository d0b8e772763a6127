"""A shared pool across kommuner: each municipality's minimum share is a constraint of the
allocation, and every item says whose intervention it is; and the national synthetic dataset."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from viften.model import allocator
from viften.model.synthetic import SOURCE, national

REPO = Path(__file__).resolve().parents[2]


def _pool() -> allocator.Interventions:
    return allocator.Interventions.from_columns(
        {
            "name": ["IPS", "IPS", "Mentor"],
            "year": [2026, 2026, 2026],
            "municipality": ["Aarhus", "Randers", "Randers"],
            "target_group": ["further", "further", "closer"],
            "price_per_participant": [50_000.0, 60_000.0, 10_000.0],
            "capacity": [100, 100, 100],
            "participants": [0, 0, 0],
            "job_rate": [0.4, 0.4, 0.3],
            "control_job_rate": [0.2, 0.3, 0.28],
            "evidence_stars": [3, 3, 2],
        }
    )


def _spent(result: allocator.Result) -> dict[str, float]:
    spent: dict[str, float] = {}
    for item in result.to_json("")["allocation"]:
        spent[item["municipality"]] = spent.get(item["municipality"], 0.0) + item["cost"]
    return spent


def test_without_a_minimum_the_pool_goes_where_it_buys_most() -> None:
    result = allocator.optimise(_pool(), allocator.Request.of(1_000_000))
    assert result.status == "optimal"
    assert _spent(result) == {"Aarhus": 1_000_000.0}


def test_each_municipality_gets_at_least_its_minimum_share() -> None:
    request = allocator.Request.of(1_000_000, min_municipality_shares={" randers": 0.3})
    result = allocator.optimise(_pool(), request)
    assert result.status == "optimal"
    spent = _spent(result)
    assert spent["Randers"] >= 300_000
    assert sum(spent.values()) <= 1_000_000
    # the minimum costs extra jobs, never buys more
    free = allocator.optimise(_pool(), allocator.Request.of(1_000_000))
    assert result.expected_jobs <= free.expected_jobs


def test_a_minimum_for_a_municipality_without_interventions_is_infeasible() -> None:
    request = allocator.Request.of(1_000_000, min_municipality_shares={"Odense": 0.1})
    assert allocator.optimise(_pool(), request).status == "infeasible"


def test_the_national_dataset_is_synthetic_deterministic_and_sized_as_asked(
    tmp_path: Path,
) -> None:
    first = national(seed=3, municipalities=5, interventions=70, records=2_000)
    again = national(seed=3, municipalities=5, interventions=70, records=2_000)
    assert first.interventions["name"] == again.interventions["name"]
    assert (first.outcomes["employed"] == again.outcomes["employed"]).all()
    assert len(set(first.interventions["municipality"])) == 5
    assert len(first.interventions["name"]) == 70
    assert len(first.outcomes["employed"]) == 2_000
    assert set(first.interventions["source"]) == {SOURCE}
    keys = list(zip(first.interventions["municipality"], first.interventions["name"], strict=True))
    assert len(set(keys)) == len(keys)  # unique by (municipality, name) in one year
    done = subprocess.run(
        [sys.executable, "-m", "viften", "demo", "national", "--out", str(tmp_path),
         "--municipalities", "3", "--interventions", "42", "--records", "900"],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "SYNTETISKE DATA" in (tmp_path / "README.md").read_text()
    lines = (tmp_path / "syntetisk-udfald.csv").read_text().splitlines()
    assert lines[0] == "intervention,year,group,employed,municipality" and len(lines) == 901
    db = tmp_path / "x.duckdb"
    for args in (
        ["import", str(tmp_path / "syntetisk-indsatser.csv")],
        ["outcomes", "import", str(tmp_path / "syntetisk-udfald.csv")],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "viften", *args, "--db", str(db)],
            capture_output=True, text=True, cwd=REPO, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
    bench = subprocess.run(
        [sys.executable, "-m", "viften", "benchmark", "--json", "--db", str(db)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert all(obj["municipalities"] >= 2 for obj in json.loads(bench.stdout))
