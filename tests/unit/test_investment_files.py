"""The investment-cases file: what `investments export` writes imports again unchanged, a bad
file imports nothing and names row and column, and no cell is ever a formula."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from viften import cli
from viften.actions import investments
from viften.actions.access import EDITOR, Actor
from viften.files import investments as case_files
from viften.model import invest
from viften.model.errors import BadInput

EDITOR_ACTOR = Actor("redaktør", EDITOR)
HEADER = (
    "navn;status;startår;indsats;borgere;investorandel;loft;resultatmål;betaling;måned;grundlag"
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_a_semicolon_file_with_danish_headers_imports_one_case_per_name(db_path: Path) -> None:
    data = "\n".join(
        [
            HEADER,
            "IPS+;besluttet;2026;IPS;100;80 %;1.000.000;Job 12;40.000;12;netto",
            "IPS+;besluttet;2026;IPS;100;80 %;1.000.000;Job 24;20.000;24;netto",
            "Idé uden mål;idé;2026;;10;0;;;;;",
        ]
    )
    added, updated = investments.import_cases(db_path, EDITOR_ACTOR, data.encode(), "c.csv")
    assert (added, updated) == (2, 0)
    ips, idea = sorted(investments.portfolio(db_path).cases, key=lambda v: v.stored.name)
    assert ips.contract.investor_share == 0.8
    assert ips.contract.cap == 1_000_000
    assert [(o.name, o.payment, o.basis) for o in ips.contract.outcomes] == [
        ("Job 12", 40_000, "net"),
        ("Job 24", 20_000, "net"),
    ]
    assert idea.contract.outcomes == ()
    assert investments.import_cases(db_path, EDITOR_ACTOR, data.encode(), "c.csv") == (0, 0)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imports_again_unchanged(db_path: Path, tmp_path: Path, suffix: str) -> None:
    contract = invest.parse_contract(
        {
            "name": '=HYPERLINK("x")',
            "intervention": "IPS",
            "citizens": 120,
            "investor_share": 0.75,
            "cap": 2_500_000.5,
            "status": "running",
            "outcomes": [
                {"name": "+Job", "payment": 40_000, "month": 12, "rate": 0.45, "basis": "net"},
                {"name": "Uddannelse", "payment": 10_000, "month": 18, "baseline": 0.05},
            ],
        }
    )
    investments.save_case(db_path, EDITOR_ACTOR, contract)
    out = tmp_path / f"cases{suffix}"
    code, _, err = run("investments", "export", "--out", str(out), "--db", str(db_path))
    assert code == 0, err
    if suffix == ".csv":
        assert "'=HYPERLINK" in out.read_text("utf-8-sig")
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    ((place, again),) = case_files.read_cases(out.read_bytes(), out.name)
    (stored,) = investments.portfolio(db_path).cases
    assert again.to_dict() == stored.contract.to_dict()


def test_a_bad_file_names_row_and_column_and_imports_nothing(db_path: Path, tmp_path: Path) -> None:
    data = "\n".join(
        [
            HEADER,
            "A;besluttet;2026;IPS;100;180 %;;Job;40.000;12;netto",
            "B;måske;2026;IPS;1,5;50 %;;Job;40.000;12;brutto",
            "C;idé;2026;Findes ikke;10;50 %;;Job;1;1;brutto",
        ]
    )
    file = tmp_path / "fejl.csv"
    file.write_text(data, "utf-8")
    code, _, err = run("investments", "import", str(file), "--db", str(db_path))
    assert code == 2
    assert "row 3, column status" in err
    assert "row 3, column borgere" in err
    assert "row 2, column investorandel" in err
    assert investments.portfolio(db_path).cases == ()
    with pytest.raises(BadInput):
        investments.import_cases(
            db_path, EDITOR_ACTOR, "\n".join([HEADER, data.splitlines()[3]]).encode(), "c.csv"
        )
    assert investments.portfolio(db_path).cases == ()
