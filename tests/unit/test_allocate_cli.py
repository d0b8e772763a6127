"""`python -m viften allocate` as a script calls it: a real process on a database built from a
CSV, its JSON checked constraint by constraint and against brute force."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from viften.store import db

CSV = """name;år;målgruppe;pris pr. deltager;kapacitet;deltagere;jobandel;\
kontrolgruppens jobandel;evidens
Mentor;2030;længere væk;30000;40;30;25 %;15 %;2
Praktik;2030;tættere på;9000;300;200;0,45;0,40;2
IPS;2030;further;45000;60;40;0,45;0,31;3
Samtaler;2030;closer;6000;;500;0,30;0,275;3
Kursus;2030;cross;20000;100;50;0,20;;1
Gammel;2029;closer;1000;;10;0,9;0,1;3
"""


ITEM_KEYS = ["municipality", "name", "year", "participants", "cost", "expected_jobs"]
"""The keys of an allocation item, in order (interface.md)."""


def database_from(folder: Path, csv: str) -> Path:
    """A new database in `folder` holding the interventions of `csv`, imported as a user would."""
    path = folder / "viften.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
    finally:
        con.close()
    source = folder / "interventions.csv"
    source.write_text(csv, encoding="utf-8")
    imported = subprocess.run(
        [sys.executable, "-m", "viften", "import", str(source), "--db", str(path)],
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    return path


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return database_from(tmp_path_factory.mktemp("allocate"), CSV)


def allocate(database: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viften", "allocate", "--json", "--db", str(database), *options],
        capture_output=True,
        text=True,
    )


def answer(database: Path, *options: str) -> dict[str, Any]:
    done = allocate(database, *options)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return dict(json.loads(done.stdout))


# the 2030 rows as numbers: price, capacity (None: no limit), job rate, control rate, stars, group
ROWS = {
    "Mentor": (30000, 40, 0.25, 0.15, 2, "further"),
    "Praktik": (9000, 300, 0.45, 0.40, 2, "closer"),
    "IPS": (45000, 60, 0.45, 0.31, 3, "further"),
    "Samtaler": (6000, None, 0.30, 0.275, 3, "closer"),
    "Kursus": (20000, 100, 0.20, None, 1, "cross"),
}


def check_constraints(
    out: dict[str, Any], budget: float, shares: dict[str, float], min_stars: int, objective: str
) -> float:
    """Every constraint of interface.md on the printed allocation; returns its objective."""
    assert out["status"] == "optimal", out["message"]
    spent: dict[str, float] = {}
    jobs = 0.0
    total = 0.0
    for item in out["allocation"]:
        price, capacity, rate, control, stars, group = ROWS[item["name"]]
        n = item["participants"]
        assert isinstance(n, int) and n > 0 and item["year"] == 2030
        assert capacity is None or n <= capacity
        assert stars >= min_stars
        if objective == "net":
            assert control is not None and rate - control > 0
        assert item["cost"] == pytest.approx(price * n)
        effect = rate if objective == "gross" else rate - control  # type: ignore[operator]
        assert item["expected_jobs"] == pytest.approx(effect * n)
        spent[group] = spent.get(group, 0.0) + price * n
        jobs += effect * n
        total += price * n
    assert total <= budget and out["total_cost"] == pytest.approx(total)
    for group, share in shares.items():
        assert spent.get(group, 0.0) >= share * budget
    assert out["expected_jobs"] == pytest.approx(jobs)
    return jobs


def best_by_brute_force(
    budget: float, shares: dict[str, float], min_stars: int, objective: str
) -> float:
    names = list(ROWS)
    ranges = []
    for name in names:
        price, capacity, rate, control, stars, _group = ROWS[name]
        useful = stars >= min_stars and (
            objective == "gross" or (control is not None and rate - control > 0)
        )
        most = int(budget // price) if capacity is None else min(capacity, int(budget // price))
        ranges.append(range(0, most + 1) if useful else range(1))
    best = -math.inf

    def search(i: int, left: float, value: float, spent: dict[str, float]) -> None:
        nonlocal best
        if i == len(names):
            if all(spent.get(g, 0.0) >= s * budget for g, s in shares.items()):
                best = max(best, value)
            return
        price, _capacity, rate, control, _stars, group = ROWS[names[i]]
        effect = rate if objective == "gross" else (rate - control if control else 0.0)
        for n in ranges[i]:
            if n * price > left:
                break
            search(
                i + 1,
                left - n * price,
                value + effect * n,
                {**spent, group: spent.get(group, 0.0) + n * price},
            )

    search(0, budget, 0.0, {})
    return best


@pytest.mark.parametrize(
    ("budget", "shares", "min_stars", "objective"),
    [
        (300_000, {}, 1, "net"),
        (300_000, {"further": 0.5}, 1, "net"),
        (250_000, {"closer": 0.3, "further": 0.3}, 2, "net"),
        (200_000, {"cross": 0.2}, 1, "gross"),
    ],
)
def test_the_allocation_meets_every_constraint_and_is_optimal(
    database, budget, shares, min_stars, objective
):
    options = ["--budget", str(budget), "--objective", objective, "--min-stars", str(min_stars)]
    for group, share in shares.items():
        options += ["--min-share", f"{group}={share}"]
    out = answer(database, *options)
    assert out["budget"] == budget and out["objective"] == objective
    jobs = check_constraints(out, budget, shares, min_stars, objective)
    assert jobs == pytest.approx(
        best_by_brute_force(budget, shares, min_stars, objective), abs=1e-7
    )


def test_the_newest_year_is_the_default_and_year_picks_another(database):
    newest = answer(database, "--budget", "100000")
    assert {item["year"] for item in newest["allocation"]} == {2030}
    older = answer(database, "--budget", "100000", "--year", "2029")
    assert older["allocation"] == [
        {
            "municipality": "",
            "name": "Gammel",
            "year": 2029,
            "participants": 100,
            "cost": 100000.0,
            "expected_jobs": pytest.approx(80.0),
        }
    ]


def test_target_groups_may_be_written_as_in_the_import_file(database):
    english = answer(database, "--budget", "600000", "--min-share", "further=0.5")
    danish = answer(database, "--budget", "600000", "--min-share", "længere væk=0,5")
    assert english == danish


def test_an_impossible_request_exits_0_and_says_which_constraint(database):
    out = answer(database, "--budget", "10000000", "--min-share", "further=0.9")
    assert out["status"] == "infeasible"
    assert out["allocation"] == []
    assert out["message"].startswith("At least 90 % for further from the labour market needs")
    assert "short" in out["message"]


@pytest.mark.parametrize(
    ("option", "phrase"),
    [
        ("further", "write it as G=F"),
        ("nobody=0.2", "'nobody' is not a target group"),
        ("further=x", "'x' is not a share from 0 to 1"),
        ("further=1.5", "'1.5' is not a share from 0 to 1"),
    ],
)
def test_a_bad_min_share_exits_2_with_a_message(database, option, phrase):
    done = allocate(database, "--budget", "1000", "--min-share", option)
    assert done.returncode == 2
    assert phrase in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_the_same_group_twice_is_bad_input(database):
    done = allocate(
        database, "--budget", "1000", "--min-share", "further=0.1", "--min-share", "længere væk=0.2"
    )
    assert done.returncode == 2 and "has a minimum share already" in done.stderr


def test_a_negative_budget_is_bad_input(database):
    done = allocate(database, "--budget", "-5")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_an_empty_database_gives_an_empty_optimal_allocation(tmp_path):
    path = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.close()
    out = answer(path, "--budget", "1000000")
    assert out["status"] == "optimal" and out["allocation"] == []
    assert "no interventions" in out["message"]


def test_allocate_imports_neither_pandas_nor_the_ui(database):
    code = (
        "import sys, io, contextlib\n"
        "from viften.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['allocate', '--json', '--db', {str(database)!r}, '--budget', '1e6'])\n"
        "print(sorted({'pandas', 'streamlit', 'altair', 'pyarrow'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_json_is_one_object_with_exactly_the_documented_keys(database):
    out = answer(database, "--budget", "250000", "--objective", "gross")
    assert list(out) == [
        "status",
        "budget",
        "objective",
        "total_cost",
        "expected_jobs",
        "allocation",
        "message",
    ]
    for item in out["allocation"]:
        assert list(item) == ITEM_KEYS


def test_what_native_code_prints_during_the_solve_stays_out_of_the_json():
    code = (
        "import os, sys, ctypes\n"
        "from viften.model import allocator\n"
        "print('before')\n"
        "with allocator.native_stdout_silenced():\n"
        "    os.write(1, b'raw fd write\\n')\n"
        "    ctypes.CDLL(None).printf(b'buffered C printf\\n')\n"
        "print('after')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "before\nafter\n"


def test_a_model_on_which_highs_prints_a_stray_line_still_gives_clean_json(tmp_path):
    """On this synthetic instance HiGHS (scipy 1.17.1) writes
    `HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();` to stdout."""
    import runpy

    synthetic = runpy.run_path(
        str(Path(__file__).resolve().parents[2] / "benchmarks" / "synthetic.py")
    )
    source = synthetic["write_interventions"](tmp_path / "synthetic.csv", 30)
    path = tmp_path / "synthetic.duckdb"
    con = duckdb.connect(str(path))
    db.create_schema(con)
    con.close()
    subprocess.run(
        [sys.executable, "-m", "viften", "import", str(source), "--db", str(path)],
        check=True,
        capture_output=True,
    )
    done = allocate(path, "--budget", "306500000")
    assert done.returncode == 0
    assert done.stdout.startswith("{") and "Highs" not in done.stdout + done.stderr
    assert json.loads(done.stdout)["status"] == "optimal"


# --- degenerate requests: "optimal" with an empty or a valid allocation ----------------------

AWKWARD_CSV = """name;år;målgruppe;pris pr. deltager;kapacitet;deltagere;jobandel;\
kontrolgruppens jobandel;evidens
En;2030;closer;1,0000000000000002;1;0;0,5;0,4;2
To;2030;further;2;1;0;0,5;0,4;2
Tre;2030;cross;7;1;0;0,5;0,4;2
"""


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Prices that sit on the budget only within float rounding."""
    return database_from(tmp_path_factory.mktemp("awkward"), AWKWARD_CSV)


def test_a_budget_equal_to_a_price_within_rounding_buys_it(awkward):
    out = answer(awkward, "--budget", "1")
    assert out["status"] == "optimal"
    assert [item["name"] for item in out["allocation"]] == ["En"]
    assert out["total_cost"] - 1 <= 1e-12


def test_min_shares_that_sum_to_one_within_rounding_are_met(awkward):
    out = answer(
        awkward,
        "--budget",
        "10",
        "--min-share",
        "closer=0.1",
        "--min-share",
        "further=0,2",
        "--min-share",
        "cross=70%",
    )
    assert out["status"] == "optimal", out["message"]
    assert sorted(item["name"] for item in out["allocation"]) == ["En", "To", "Tre"]


@pytest.mark.parametrize(
    ("options", "phrase"),
    [
        (["--budget", "0"], "budget is 0"),
        (["--budget", "0", "--min-share", "closer=0.5", "--min-share", "cross=0.5"], "budget is 0"),
        (["--budget", "5", "--min-stars", "3"], "at least 3 stars"),
        (["--budget", "5", "--year", "2031"], "no interventions"),
    ],
)
def test_a_degenerate_request_is_optimal_and_empty(awkward, options, phrase):
    out = answer(awkward, *options)
    assert out["status"] == "optimal"
    assert out["allocation"] == [] and out["total_cost"] == 0
    assert phrase in out["message"]


def test_a_min_share_beyond_the_groups_capacity_stays_infeasible_and_names_it(awkward):
    out = answer(awkward, "--budget", "5", "--min-share", "closer=0.5", "--min-share", "cross=0.5")
    assert out["status"] == "infeasible" and out["allocation"] == []
    assert out["message"].startswith("At least 50 % for closer to the labour market needs")


# --- the NPV objectives, statutory interventions and assumed effects -------------------------

ASSUMPTIONS = '{"discount_rate": 0.0, "horizon": 3, "wage": 300000, "persistence": 0.8}'


def case_by_name(database: Path, assumptions: Path) -> dict[str, dict[str, Any]]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "viften",
            "case",
            "--json",
            "--db",
            str(database),
            "--assumptions",
            str(assumptions),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return {row["name"]: row for row in json.loads(done.stdout)}


@pytest.mark.parametrize("objective", ["kommune", "public"])
def test_an_npv_objective_maximises_the_npv_of_case_and_adds_it(database, tmp_path, objective):
    assumptions = tmp_path / "assumptions.json"
    assumptions.write_text(ASSUMPTIONS, encoding="utf-8")
    out = answer(
        database, "--budget", "3000000", "--objective", objective, "--assumptions", str(assumptions)
    )
    assert list(out) == [
        "status",
        "budget",
        "objective",
        "total_cost",
        "expected_jobs",
        "npv",
        "allocation",
        "message",
    ]
    assert out["status"] == "optimal" and out["objective"] == objective
    case = case_by_name(database, assumptions)
    npv = f"npv_{objective}"
    assert out["allocation"]
    for item in out["allocation"]:
        assert list(item) == ITEM_KEYS
        assert case[item["name"]][npv] > 0
        assert item["expected_jobs"] == pytest.approx(
            item["participants"] * case[item["name"]]["net_effect"]
        )
    assert out["npv"] == pytest.approx(
        sum(item["participants"] * case[item["name"]][npv] for item in out["allocation"])
    )
    assert out["expected_jobs"] == pytest.approx(
        sum(item["expected_jobs"] for item in out["allocation"])
    )
    check_npv_is_optimal(out, case, npv, 3_000_000)


def check_npv_is_optimal(
    out: dict[str, Any], case: dict[str, dict[str, Any]], npv: str, budget: float
) -> None:
    """Brute force over the interventions with the figure above 0 (ROWS, 2030)."""
    names = [n for n in ROWS if case[n][npv] is not None and case[n][npv] > 0]
    best = -math.inf

    def search(i: int, left: float, value: float) -> None:
        nonlocal best
        if i == len(names):
            best = max(best, value)
            return
        price, capacity = ROWS[names[i]][0], ROWS[names[i]][1]
        most = int(left // price) if capacity is None else min(capacity, int(left // price))
        if i == len(names) - 1:  # the last one: as many as fit, if it pays
            search(i + 1, left - most * price, value + most * case[names[i]][npv])
            return
        for n in range(most + 1):
            search(i + 1, left - n * price, value + n * case[names[i]][npv])

    search(0, budget, 0.0)
    assert out["npv"] == pytest.approx(best)


def test_a_bad_assumptions_file_exits_2_and_names_the_key(database, tmp_path):
    assumptions = tmp_path / "bad.json"
    assumptions.write_text('{"discount": 0.1}', encoding="utf-8")
    done = allocate(
        database, "--budget", "1000000", "--objective", "kommune", "--assumptions", str(assumptions)
    )
    assert done.returncode == 2 and "discount" in done.stderr and "Traceback" not in done.stderr


def test_assume_effects_lets_an_intervention_without_a_control_rate_meet_a_share(database):
    without = answer(database, "--budget", "1000000", "--min-share", "cross=0.1")
    assert without["status"] == "infeasible"
    out = answer(database, "--budget", "1000000", "--min-share", "cross=0.1", "--assume-effects")
    assert out["status"] == "optimal", out["message"]
    kursus = next(item for item in out["allocation"] if item["name"] == "Kursus")
    assert kursus["assumed"] is True
    assert kursus["expected_jobs"] == pytest.approx(kursus["participants"] * 0.20 * 0.05)
    assert all("assumed" not in item for item in out["allocation"] if item["name"] != "Kursus")


def test_ignore_mandatory_is_accepted_where_nothing_is_statutory(database):
    assert answer(database, "--budget", "500000", "--ignore-mandatory") == answer(
        database, "--budget", "500000"
    )


STATUTORY_CSV = """name;år;målgruppe;pris pr. deltager;kapacitet;deltagere;jobandel;\
kontrolgruppens jobandel;evidens;lovpligtig
Good;2030;closer;10000;20;0;0,5;0,3;2;nej
Required;2030;further;20000;8;12;0,3;0,3;1;ja
"""


@pytest.fixture(scope="module")
def statutory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return database_from(tmp_path_factory.mktemp("statutory"), STATUTORY_CSV)


def test_a_statutory_intervention_keeps_its_planned_participants_up_to_its_capacity(statutory):
    out = answer(statutory, "--budget", "300000")
    assert {i["name"]: i["participants"] for i in out["allocation"]} == {"Good": 14, "Required": 8}
    assert (
        "Statutory interventions keep at least their planned participants: Required"
        in out["message"]
    )
    freed = answer(statutory, "--budget", "300000", "--ignore-mandatory")
    assert {i["name"]: i["participants"] for i in freed["allocation"]} == {"Good": 20}


def test_a_request_that_the_statutory_minimums_break_is_infeasible_and_names_them(statutory):
    out = answer(statutory, "--budget", "100000", "--objective", "kommune")
    assert out["status"] == "infeasible" and out["allocation"] == [] and out["npv"] == 0
    assert out["message"].startswith("The statutory interventions (Required) keep at least")


def test_an_npv_objective_uses_the_years_stored_assumptions(database, tmp_path):
    import shutil

    from viften.actions import assumptions
    from viften.actions.access import command_line_actor

    copy = tmp_path / "stored.duckdb"
    shutil.copy(database, copy)
    assumptions.save(copy, command_line_actor(), 2030, {"discount_rate": 0.0, "horizon": 2})
    empty = tmp_path / "none.json"
    empty.write_text("{}", encoding="utf-8")
    out = answer(copy, "--budget", "3000000", "--objective", "public")
    case = case_by_name(copy, empty)
    assert out["npv"] == pytest.approx(
        sum(item["participants"] * case[item["name"]]["npv_public"] for item in out["allocation"])
    )
    default = answer(database, "--budget", "3000000", "--objective", "public")
    assert out["npv"] != pytest.approx(default["npv"])
