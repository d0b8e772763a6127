"""`python -m viften invest --contract FILE --json` on the demo database, against a hand
computation of interface.md from what `list --json` and `case --json` print."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from viften import cli


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def invest(db: Path, folder: Path, contract: Any, *options: str) -> tuple[int, str, str]:
    file = folder / "kontrakt.json"
    file.write_text(contract if isinstance(contract, str) else json.dumps(contract), "utf-8")
    return run("invest", "--contract", str(file), "--json", "--db", str(db), *options)


def printed(db: Path, command: str) -> dict[str, dict[str, Any]]:
    code, out, err = run(command, "--json", "--db", str(db))
    assert code == 0, err
    return {row["name"]: row for row in json.loads(out)}


IPS = {
    "name": "IPS-investering",
    "intervention": "IPS",
    "citizens": 100,
    "investor_share": 0.8,
    "outcomes": [
        {"name": "Job 12", "payment": 40_000, "month": 12, "basis": "net"},
        {"name": "Job 24", "payment": 20_000, "month": 24, "rate": 0.5},
    ],
}


def test_invest_prints_interface_figures_computed_by_hand(db_path: Path, tmp_path: Path) -> None:
    listed = printed(db_path, "list")["IPS"]
    case = printed(db_path, "case")["IPS"]
    code, out, err = invest(db_path, tmp_path, IPS)
    assert code == 0, err
    (found,) = json.loads(out)
    n, c, f, r = 100, listed["price_per_participant"], 0.8, 0.035
    q, q0 = listed["job_rate"], listed["control_job_rate"]
    e1, e2 = 40_000 * n * max(0.0, q - q0), 20_000 * n * 0.5
    pv = e1 / (1 + r) ** (12 / 12) + e2 / (1 + r) ** (24 / 12)
    assert found["outlay_investor"] == pytest.approx(f * n * c)
    assert found["outlay_kommune"] == pytest.approx((1 - f) * n * c)
    assert [o["expected_payment"] for o in found["outcomes"]] == pytest.approx([e1, e2])
    assert found["payments_expected"] == pytest.approx(e1 + e2)
    assert found["deadweight_share"] == pytest.approx(20_000 * n * min(0.5, q0) / (e1 + e2))
    assert found["investor_multiple"] == pytest.approx((e1 + e2) / (f * n * c))
    assert found["payments_present_value"] == pytest.approx(pv)
    p = case["price_per_participant"]
    assert found["kommune_npv"] == pytest.approx(
        n * (case["npv_kommune"] + p) - (1 - f) * n * c - pv
    )
    assert found["outcomes"][0] == {**found["outcomes"][0], "name": "Job 12"}


def test_a_cap_and_a_list_give_one_object_per_contract(db_path: Path, tmp_path: Path) -> None:
    capped = {**IPS, "cap": 1_000_000}
    bare = {
        "name": "Uden indsats",
        "citizens": 10,
        "outcomes": [{"name": "Job", "payment": 5, "month": 6}],
    }
    code, out, err = invest(db_path, tmp_path, [IPS, capped, bare])
    assert code == 0, err
    plain, cap, none = json.loads(out)
    assert cap["payments_expected"] == 1_000_000
    assert cap["payments_present_value"] == pytest.approx(
        plain["payments_present_value"] * 1_000_000 / plain["payments_expected"]
    )
    assert none["kommune_npv"] is None
    assert none["outlay_investor"] is None
    assert none["outcomes"] == [{**none["outcomes"][0], "expected_payment": None}]
    assert none["year"] == 2026


def test_one_contract_is_an_array_of_one(db_path: Path, tmp_path: Path) -> None:
    code, out, _ = invest(db_path, tmp_path, {**IPS, "year": 2025, "discount_rate": 0.04})
    assert code == 0
    (found,) = json.loads(out)
    assert found["year"] == 2025
    assert found["discount_rate"] == 0.04


def test_the_assumptions_file_sets_the_discount_rate(db_path: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "antagelser.json"
    overrides.write_text(json.dumps({"discount_rate": 0.1}), "utf-8")
    code, out, err = invest(db_path, tmp_path, IPS, "--assumptions", str(overrides))
    assert code == 0, err
    assert json.loads(out)[0]["discount_rate"] == 0.1


@pytest.mark.parametrize(
    ("contract", "named"),
    [
        ({**IPS, "intervention": "Findes ikke"}, "intervention"),
        ({**IPS, "investor_share": 1.5}, "investor_share"),
        ({k: v for k, v in IPS.items() if k != "citizens"}, "citizens"),
        (
            {**IPS, "outcomes": [{"name": "Job", "payment": 1, "month": 1, "rate": -1}]},
            "outcomes[0].rate",
        ),
        ('{"name": "x", "citizens": 1,', "not valid JSON"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    db_path: Path, tmp_path: Path, contract: Any, named: str
) -> None:
    code, out, err = invest(db_path, tmp_path, contract)
    assert code == 2
    assert out == ""
    assert named in err
    assert "Traceback" not in err


def test_a_field_it_does_not_use_is_named_on_stderr(db_path: Path, tmp_path: Path) -> None:
    code, _, err = invest(db_path, tmp_path, {**IPS, "investor_shar": 0.5})
    assert code == 0
    assert "investor_shar" in err


def test_an_intervention_of_another_municipality_is_not_found(
    db_path: Path, tmp_path: Path
) -> None:
    code, _, err = invest(db_path, tmp_path, IPS, "--municipality", "Aarhus")
    assert code == 2
    assert "Aarhus" in err
