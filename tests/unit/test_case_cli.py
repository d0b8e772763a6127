"""`python -m viften case --json` as scripts use it: the objects, the year, the assumptions file."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from viften import cli
from viften.actions import settings
from viften.actions.access import command_line_actor
from viften.model import case as budget_case
from viften.model.assumptions import DEFAULT

FILE = (
    "\n".join(
        [
            "navn;år;målgruppe;pris pr. deltager;jobandel;kontrolgruppens jobandel;evidens;"
            "varighed (uger)",
            "Mentor;2026;tættere på;45.000;35 %;25 %;2;12,5",
            "Praktik;2026;længere væk;9.000;0,2;;3;",
            "Mentor;2025;tættere på;40.000;30 %;20 %;1;8",
        ]
    )
    + "\n"
)


@pytest.fixture
def loaded(empty_db: Path, tmp_path: Path) -> Path:
    from viften.actions import interventions as actions

    actions.import_file(empty_db, FILE.encode("utf-8"), "indsatser.csv", command_line_actor())
    return empty_db


def case_here(path: Path, *options: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["case", "--json", "--db", str(path), *options])
    return code, out.getvalue(), err.getvalue()


def cases(path: Path, *options: str) -> list[dict[str, Any]]:
    code, out, err = case_here(path, *options)
    assert code == 0, err
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def write(folder: Path, content: Any) -> Path:
    target = folder / "antagelser.json"
    target.write_text(
        content if isinstance(content, str) else json.dumps(content), encoding="utf-8"
    )
    return target


def test_case_prints_one_object_per_intervention_of_the_newest_year(loaded: Path) -> None:
    rows = cases(loaded)
    assert sorted(r["name"] for r in rows) == ["Mentor", "Praktik"]
    assert {r["year"] for r in rows} == {2026}


def test_the_figures_are_those_of_the_model_on_the_stored_interventions(loaded: Path) -> None:
    mentor = next(r for r in cases(loaded) if r["name"] == "Mentor")
    expected = budget_case.compute(DEFAULT, [45_000.0], [0.35 - 0.25], ["closer"], [12.5])
    assert mentor["net_effect"] == pytest.approx(0.1)
    assert mentor["npv_kommune"] == pytest.approx(expected.npv[0, 0])
    assert mentor["npv_public"] == pytest.approx(expected.npv[3, 0])
    assert mentor["benefit"] == DEFAULT.target_group_defaults["closer"].benefit
    assert mentor["weeks_on_benefit"] == DEFAULT.target_group_defaults["closer"].weeks_on_benefit
    assert mentor["persistence"] == DEFAULT.persistence
    assert [y["year"] for y in mentor["years"]] == list(range(1, DEFAULT.horizon + 1))


def test_an_intervention_without_a_control_group_has_no_case(loaded: Path) -> None:
    praktik = next(r for r in cases(loaded) if r["name"] == "Praktik")
    assert praktik["net_effect"] is None
    assert praktik["npv_kommune"] is None and praktik["years"] == []


def test_the_year_option_chooses_the_year(loaded: Path) -> None:
    rows = cases(loaded, "--year", "2025")
    assert [(r["name"], r["year"]) for r in rows] == [("Mentor", 2025)]


def test_the_municipality_is_the_database_setting_else_empty(loaded: Path) -> None:
    assert {r["municipality"] for r in cases(loaded)} == {""}
    settings.save_municipality(loaded, command_line_actor(), "Randers Kommune")
    assert {r["municipality"] for r in cases(loaded)} == {"Randers Kommune"}


def test_an_assumptions_file_overrides_the_defaults(loaded: Path, tmp_path: Path) -> None:
    file = write(
        tmp_path,
        {
            "horizon": 3,
            "discount_rate": 0,
            "persistence": 1,
            "target_group_defaults": {"closer": {"weeks_on_benefit": 80}},
        },
    )
    mentor = next(r for r in cases(loaded, "--assumptions", str(file)) if r["name"] == "Mentor")
    assert len(mentor["years"]) == 3
    assert mentor["weeks_on_benefit"] == 80
    assert mentor["npv_kommune"] == pytest.approx(
        sum(y["kommune"] for y in mentor["years"]) - 45_000
    )


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ({"horizon": 0}, "horizon"),
        ({"benefits": {"loen": 5}}, "benefits.loen"),
        ({"tax-rate": 0.4}, "tax-rate"),
        ("{not json", "not valid JSON"),
    ],
)
def test_a_bad_assumptions_file_exits_2_naming_the_key(
    loaded: Path, tmp_path: Path, content: Any, named: str
) -> None:
    code, out, err = case_here(loaded, "--assumptions", str(write(tmp_path, content)))
    assert code == 2
    assert out == ""
    assert named in err and "antagelser.json" in err


def test_a_missing_assumptions_file_exits_2(loaded: Path, tmp_path: Path) -> None:
    code, out, err = case_here(loaded, "--assumptions", str(tmp_path / "none.json"))
    assert (code, out) == (2, "")
    assert "none.json" in err


def test_case_in_a_process_of_its_own_exits_2_without_a_traceback(
    loaded: Path, tmp_path: Path
) -> None:
    environment = {**os.environ, "VIFTEN_DB": str(loaded)}
    bad = write(tmp_path, {"equalisation": 2})
    done = subprocess.run(
        [sys.executable, "-m", "viften", "case", "--json", "--assumptions", str(bad)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "equalisation" in done.stderr and "Traceback" not in done.stderr
    good = subprocess.run(
        [sys.executable, "-m", "viften", "case", "--json"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert good.returncode == 0, good.stderr
    assert len(json.loads(good.stdout)) == 2


def test_case_without_json_is_a_bad_argument(loaded: Path) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as raised:
        cli.main(["case", "--db", str(loaded)])
    assert raised.value.code == 2
