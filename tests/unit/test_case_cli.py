"""`python -m viften case --json` as scripts use it: the objects, the year, the assumptions file."""

from __future__ import annotations

import contextlib
import io
import json
import math
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


# --- every figure of interface.md, by hand, on the demo data -----------------------------------


def _list_rows(path: Path) -> list[dict[str, Any]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["list", "--json", "--db", str(path)]) == 0
    rows: list[dict[str, Any]] = json.loads(out.getvalue())
    return rows


def _share_of_kommune(week: int) -> float:
    """s(w), interface.md: LBK nr. 221 of 12/02/2021 § 5."""
    if week <= 4:
        return 0.20
    if week <= 26:
        return 0.60
    if week <= 52:
        return 0.70
    return 0.80


def _by_hand(row: dict[str, Any], a: dict[str, Any]) -> dict[str, Any]:
    """interface.md's "The budget case" read line by line, with plain floats and loops."""
    group = a["target_group_defaults"][row["target_group"]]
    benefit = row["benefit"] if row["benefit"] is not None else group["benefit"]
    weeks = row["weeks_on_benefit"]
    if weeks is None:
        weeks = group["weeks_on_benefit"]
    rho = row["persistence"] if row["persistence"] is not None else a["persistence"]
    d = math.ceil(row["duration_weeks"]) if row["duration_weeks"] is not None else 0
    A, W, t, tau, u, r, H = (
        a["benefits"][benefit],
        a["wage"],
        a["tax_rate"],
        a["municipal_tax_rate"],
        a["equalisation"],
        a["discount_rate"],
        a["horizon"],
    )
    p, delta = row["price_per_participant"], row["net_effect"]
    k, st, o = [], [], []
    for y in range(1, H + 1):
        S = sum(_share_of_kommune(weeks + d + 52 * (y - 1) + j) for j in range(1, 53)) / 52
        k.append(rho ** (y - 1) * (A * S + tau * (1 - u) * (W - A)))
        st.append(rho ** (y - 1) * (A * (1 - S) + (t - tau) * (W - A)))
        o.append(rho ** (y - 1) * tau * u * (W - A))
    pub = [k[i] + st[i] + o[i] for i in range(H)]

    def g(flows: list[float]) -> float:
        return sum(flows[y - 1] / (1 + r) ** y for y in range(1, H + 1))

    def payback(flows: list[float]) -> int | None:
        if delta is None:
            return None
        for y in range(1, H + 1):
            if delta * sum(flows[i - 1] / (1 + r) ** i for i in range(1, y + 1)) >= p:
                return y
        return None

    g_k, g_s, g_o, g_p = g(k), g(st), g(o), g(pub)
    return {
        "name": row["name"],
        "municipality": "",
        "year": row["year"],
        "target_group": row["target_group"],
        "net_effect": delta,
        "price_per_participant": p,
        "benefit": benefit,
        "weeks_on_benefit": weeks,
        "persistence": rho,
        "npv_kommune": None if delta is None else delta * g_k - p,
        "npv_state": None if delta is None else delta * g_s,
        "npv_other_municipalities": None if delta is None else delta * g_o,
        "npv_public": None if delta is None else delta * g_p - p,
        "payback_year_kommune": payback(k),
        "payback_year_public": payback(pub),
        "break_even_effect_kommune": p / g_k if g_k > 0 else None,
        "break_even_effect_public": p / g_p if g_p > 0 else None,
        "wrong_pocket_share": 1 - g_k / g_p if g_p > 0 else None,
        "years": []
        if delta is None
        else [
            {
                "year": y,
                "kommune": delta * k[y - 1],
                "state": delta * st[y - 1],
                "other_municipalities": delta * o[y - 1],
                "public": delta * pub[y - 1],
            }
            for y in range(1, H + 1)
        ],
    }


def _same(found: Any, expected: Any) -> bool:
    if isinstance(expected, float) and isinstance(found, (int, float)):
        return found == pytest.approx(expected, rel=1e-9, abs=1e-6)
    if isinstance(expected, dict):
        return found.keys() == expected.keys() and all(
            _same(found[key], expected[key]) for key in expected
        )
    if isinstance(expected, list):
        return len(found) == len(expected) and all(
            _same(f, e) for f, e in zip(found, expected, strict=True)
        )
    return bool(found == expected)


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {
            "discount_rate": 0,
            "horizon": 3,
            "persistence": 1,
            "equalisation": 0.5,
            "target_group_defaults": {"further": {"weeks_on_benefit": 0}},
        },
    ],
    ids=["the defaults", "an assumptions file"],
)
def test_every_figure_of_case_json_on_the_demo_data_is_interface_md_by_hand(
    db_path: Path, tmp_path: Path, overrides: dict[str, Any]
) -> None:
    file = write(tmp_path, overrides)
    found = cases(db_path, "--assumptions", str(file))
    used = DEFAULT.overridden(overrides).to_dict()
    listed = _list_rows(db_path)
    assert [r["name"] for r in found] == [r["name"] for r in listed]
    assert any(r["net_effect"] is None for r in listed) and any(r["npv_kommune"] for r in found)
    wrong = [
        (row["name"], key)
        for row, record in zip(listed, found, strict=True)
        for key, value in _by_hand(row, used).items()
        if key not in record or not _same(record[key], value)
    ]
    assert wrong == []
    assert all(list(r) == list(_by_hand(listed[0], used)) for r in found)
