"""The compare page: a scatter of price against extra effect, a ranked table, side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from viften.store import views as figures

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "overview.py")


def run(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def scatter_spec(app: AppTest) -> dict[str, Any]:
    return json.loads(app.get("vega_lite_chart")[0].proto.spec)


def test_the_page_shows_a_scatter_sized_by_participants_and_a_ranked_table(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    app = run()
    assert app.title[0].value == "Sammenlign"
    spec = scatter_spec(app)
    dots = spec["layer"][1]["encoding"]
    assert (dots["x"]["field"], dots["y"]["field"], dots["size"]["field"]) == (
        "points",
        "price",
        "participants",
    )
    ranked = app.dataframe[0].value
    assert sorted(ranked["Indsats"]) == sorted(frame["name"])
    assert ranked["Nr."].tolist() == list(range(1, len(frame) + 1))
    cheapest = frame.sort_values("price_per_job").iloc[0]
    assert ranked.iloc[0]["Indsats"] == cheapest["name"]
    assert ranked.iloc[0]["Pris pr. job"].endswith(" kr.")


def test_those_without_a_control_group_are_counted_under_the_scatter(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    missing = int((frame["net_effect"].isna() | frame["price_per_job"].isna()).sum())
    app = run()
    if missing:
        assert any(f"{missing} indsatser uden kontrolgruppe" in c.value for c in app.caption)


def test_the_table_can_be_ranked_by_extra_effect(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    app = run({"ov_sort": "net_effect"})
    ranked = app.dataframe[0].value
    assert (
        ranked.iloc[0]["Indsats"]
        == frame.sort_values("net_effect", ascending=False).iloc[0]["name"]
    )
    app.selectbox(key="ov_sort").select("evidence_stars").run()
    assert app.query_params.get("ov_sort") == "evidence_stars"


def test_the_filters_in_the_url_apply_here_too(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    app = run({"tg": "further"})
    ranked = app.dataframe[0].value
    assert sorted(ranked["Indsats"]) == sorted(frame[frame["target_group"] == "further"]["name"])


def test_interventions_are_compared_side_by_side(db_path: Path) -> None:
    names = figures.load_year(db_path).frame["name"].tolist()[:2]
    app = run()
    app.multiselect(key="fan_compare").set_value(names).run()
    assert not app.exception
    table = app.table[0].value
    assert table.shape[1] == 3


def test_the_additional_measure_changes_the_price_axis(db_path: Path) -> None:
    app = run({"ov_measure": "additional", "lang": "en"})
    spec = scatter_spec(app)
    assert spec["layer"][1]["encoding"]["y"]["title"] == "Price per additional job"
    assert app.title[0].value == "Compare"


def test_an_empty_database_says_how_to_fill_it(empty_db: Path) -> None:
    app = run()
    assert app.info
