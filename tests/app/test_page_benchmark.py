"""The benchmark page: every kind at a glance, one kind's forest plot and table, typed names as
text; and a fan of one municipality has nothing to benchmark."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import add_municipalities
from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "benchmark.py")


def test_the_page_pools_each_kind_and_says_what_i2_means(db_path: Path, tmp_path: Path) -> None:
    add_municipalities(db_path, tmp_path)
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not app.exception
    overview = app.dataframe[0].value
    assert "Indsatstype" in overview.columns and len(overview) >= 2
    chosen = app.selectbox(key="bm_kind")
    assert chosen.options
    (chart,) = [e for e in app.get("vega_lite_chart")]
    spec = json.loads(chart.proto.spec)
    labels = {row["label"] for layer in spec["layer"][:1] for row in layer["data"]["values"]}
    assert "Samlet vurdering" in labels
    said = " ".join(e.value for e in [*app.info, *app.warning])
    assert "Kommunernes resultater er" in said
    side = app.dataframe[1].value
    assert {"Kommune", "Mer-effekt (krympet)", "Pris pr. ekstra job (krympet)"} <= set(side.columns)
    # a kind chosen by hand is shown in full
    other = chosen.options[-1]
    chosen.set_value(chosen.options.index(other) if isinstance(chosen.value, int) else other)
    app.run()
    assert not app.exception


def test_one_municipality_has_nothing_to_benchmark(db_path: Path) -> None:
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not app.exception
    assert "Ingen indsatstype er målt i mindst to kommuner" in app.info[0].value


def test_the_municipality_switch_appears_with_several_municipalities(
    db_path: Path, tmp_path: Path
) -> None:
    app_file = str(Path(PAGE).parents[1] / "streamlit_app.py")
    single = AppTest.from_file(app_file, default_timeout=60).run()
    assert not [s for s in single.selectbox if s.key == "f_kommune"]
    add_municipalities(db_path, tmp_path)
    several = AppTest.from_file(app_file, default_timeout=60)
    several.query_params["kommune"] = "<B>fed</b> *KOMMUNE* "
    several.run()
    assert not several.exception
    switch = several.selectbox(key="f_kommune")
    assert switch.value == "<b>Fed</b> *kommune*"
    assert several.session_state["filters"].municipality == "<b>Fed</b> *kommune*"
    assert "Alle kommuner" in switch.options[0] or switch.options[0] == "*"
