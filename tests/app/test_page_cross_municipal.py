"""The cross-municipal views in the app (issue 14): Model 2 marks each tile with its kommune,
and the Budget page spends a shared pool across kommuner with each kommune's minimum."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from conftest import add_municipalities
from streamlit.testing.v1 import AppTest

from viften.actions import interventions as changes
from viften.actions.access import command_line_actor
from viften.present.charts.fan import MUNICIPALITY_FIELD
from viften.store import db

REPO = Path(__file__).resolve().parents[2]
FAN = str(REPO / "pages" / "fan.py")
BUDGET = str(REPO / "pages" / "budget.py")

CSV = """name,year,municipality,target_group,price_per_participant,capacity,participants,\
job_rate,control_job_rate,evidence_stars
IPS,2030,Aarhus,further,50000,100,10,0.40,0.20,3
IPS,2030,Randers,further,60000,100,10,0.40,0.30,3
Mentor,2030,Randers,closer,10000,100,10,0.30,0.28,2
Praktik,2030,Vejle,closer,20000,2,2,0.40,0.35,2
"""


def _dataset(app: AppTest, name: str) -> list[dict]:
    for dataset in app.get("vega_lite_chart")[0].proto.datasets:
        if dataset.name == name:
            return pa.ipc.open_stream(dataset.data.data).read_all().to_pylist()
    return []


def _labels(app: AppTest) -> list[str]:
    return [
        str(row["text"])
        for dataset in app.get("vega_lite_chart")[0].proto.datasets
        if dataset.name.startswith("labels")
        for row in _dataset(app, dataset.name)
    ]


def test_model_2_across_kommuner_marks_the_tiles_and_lists_the_kommuner(
    db_path: Path, tmp_path: Path
) -> None:
    add_municipalities(db_path, tmp_path)
    app = AppTest.from_file(FAN, default_timeout=60).run()
    assert not app.exception
    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    tooltips = [
        t["field"]
        for layer in spec["layer"]
        for t in layer.get("encoding", {}).get("tooltip", [])
        if isinstance(t, dict)
    ]
    assert MUNICIPALITY_FIELD in tooltips
    tiles = _dataset(app, "tiles")
    places = {row[MUNICIPALITY_FIELD] for row in tiles}
    assert "<b>Fed</b> *kommune*" in places and "(egen kommune)" in places and len(places) == 6
    labels = _labels(app)
    assert "Kommune:" in labels
    assert "EGEN = (egen kommune)" in labels
    assert any(label.endswith("= <b>Fed</b> *kommune*") for label in labels)
    # every tile carries its kommune's code from the legend
    codes = {label.split(" = ")[0] for label in labels if " = " in label}
    assert all(row["detail"].split(" ")[0] in codes for row in tiles)
    scope = re.sub(r"\\(.)", r"\1", " ".join(c.value for c in app.caption))
    assert "6 kommuner i visningen: (egen kommune), <b>Fed</b> *kommune*, Albertslund" in scope


def test_the_detail_of_a_tile_names_its_kommune(db_path: Path, tmp_path: Path) -> None:
    add_municipalities(db_path, tmp_path)
    app = AppTest.from_file(FAN, default_timeout=60).run()
    tiles = _dataset(app, "tiles")
    keys = [row["key"] for row in tiles]
    assert len(set(keys)) == len(keys)  # the same name in two kommuner is two tiles
    # a name that other kommuner have too: the click opens Assens's own
    tile = next(
        r for r in tiles if r[MUNICIPALITY_FIELD] == "Assens" and r["key"] == "IPS · Assens"
    )
    assert sum(key.startswith("IPS · ") for key in keys) > 1
    app.session_state["fan_chart"] = {"selection": {"tile": [{"key": tile["key"]}]}}
    app.run()
    assert not app.exception
    shown = [re.sub(r"\\(.)", r"\1", c.value) for c in app.caption]
    assert any(c.startswith("Assens · ") for c in shown), shown
    assert app.selectbox(key="fan_pick").value == "IPS · Assens"


def test_model_2_of_one_kommune_has_no_marks(db_path: Path, tmp_path: Path) -> None:
    add_municipalities(db_path, tmp_path)
    app = AppTest.from_file(FAN, default_timeout=60)
    app.query_params["kommune"] = "<b>Fed</b> *kommune*"
    app.run()
    assert not app.exception
    assert all(MUNICIPALITY_FIELD not in row for row in _dataset(app, "tiles"))
    assert "Kommune:" not in _labels(app)
    assert "kommuner i visningen" not in " ".join(c.value for c in app.caption)


@pytest.fixture
def pool_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pool.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
    finally:
        con.close()
    changes.import_file(path, CSV.encode(), "pool.csv", command_line_actor())
    monkeypatch.setenv("VIFTEN_DB", str(path))
    return path


def _pool_page() -> AppTest:
    app = AppTest.from_file(BUDGET, default_timeout=60).run()
    assert not app.exception
    assert "Fælles pulje" in [tab.label for tab in app.tabs]
    app.session_state["budget_tab_da"] = "Fælles pulje"  # only the open tab is drawn
    app.run()
    app.text_input(key="budget_pool_budget").set_value("1.000.000").run()
    return app


def _pool_table(app: AppTest):
    (table,) = [d.value for d in app.dataframe if "Minimum binder" in d.value.columns]
    return table.set_index("Kommune")


def test_the_shared_pool_gives_each_kommune_at_least_its_minimum(pool_db: Path) -> None:
    app = _pool_page()
    app.text_input(key="budget_pool_min_share_randers").set_value("30 %").run()
    assert not app.exception
    table = _pool_table(app)
    assert list(table.index) == ["Aarhus", "Randers", "Vejle"]
    randers = table.loc["Randers"]
    assert randers["Minimum"] == "300.000 kr."
    spent = float(randers["Forbrug"].removesuffix(" kr.").replace(".", ""))
    assert spent >= 300_000
    assert randers["Minimum binder"].startswith("ja")
    assert table.loc["Aarhus"]["Minimum binder"] == "nej"
    assert any("af puljen på 1,0 mio. kr. giver" in s.value for s in app.success), app.success


def test_a_minimum_typed_as_an_amount_is_kept(pool_db: Path) -> None:
    app = _pool_page()
    app.radio(key="budget_pool_mode").set_value("amount").run()
    app.text_input(key="budget_pool_min_kroner_aarhus").set_value("400.000").run()
    assert not app.exception
    aarhus = _pool_table(app).loc["Aarhus"]
    assert aarhus["Minimum"] == "400.000 kr."
    assert float(aarhus["Forbrug"].removesuffix(" kr.").replace(".", "")) >= 400_000


def test_minimums_that_cannot_be_met_say_what_to_change(pool_db: Path) -> None:
    app = _pool_page()
    app.text_input(key="budget_pool_min_share_aarhus").set_value("70 %").run()
    app.text_input(key="budget_pool_min_share_randers").set_value("50 %").run()
    said = " ".join(e.value for e in app.error)
    assert "tilsammen 120 % af puljen" in said and "Sænk en eller flere kommuners minimum" in said
    assert not [d for d in app.dataframe if "Minimum binder" in d.value.columns]
    # Vejle can take 2 × 20.000 kr.: a tenth of the pool is more than that
    app.text_input(key="budget_pool_min_share_aarhus").set_value("0 %").run()
    app.text_input(key="budget_pool_min_share_randers").set_value("0 %").run()
    app.text_input(key="budget_pool_min_share_vejle").set_value("10 %").run()
    said = " ".join(e.value for e in app.error)
    assert "Vejle" in said and "40.000 kr." in said and "Sænk minimummet for Vejle" in said
    # an amount above the whole pool
    app.radio(key="budget_pool_mode").set_value("amount").run()
    app.text_input(key="budget_pool_min_kroner_aarhus").set_value("2 mio.").run()
    said = " ".join(e.value for e in app.error)
    assert "større end hele puljen" in said


def test_one_kommune_has_no_pool(db_path: Path) -> None:
    app = AppTest.from_file(BUDGET, default_timeout=60).run()
    assert not app.exception
    assert "Fælles pulje" not in [tab.label for tab in app.tabs]


def test_the_budget_of_one_kommune_is_spent_on_its_own_interventions(pool_db: Path) -> None:
    # the kommune switch in the URL, as the sidebar sets it
    app = AppTest.from_file(BUDGET, default_timeout=60)
    app.query_params["kommune"] = "randers"
    app.run()
    assert not app.exception
    assert "Fælles pulje" not in [tab.label for tab in app.tabs]
    names = {
        str(name)
        for frame in (d.value for d in app.dataframe)
        if "Indsats" in frame.columns
        for name in frame["Indsats"]
    }
    assert names and {n.split(" · ")[0] for n in names} <= {"IPS", "Mentor"}
    assert not [n for n in names if "Praktik" in n], "Vejle's intervention is not Randers'"
    every = AppTest.from_file(BUDGET, default_timeout=60).run()
    assert "Fælles pulje" in [tab.label for tab in every.tabs]
