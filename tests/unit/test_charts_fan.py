"""The fan matrix as a chart: every tile drawn, offline, the same for the app and the deck."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from viften.actions import database
from viften.model import domain
from viften.present import fan
from viften.present.charts import fan as charts
from viften.store import views as figures

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "**bold** [link](javascript:alert(1))",
    "=cmd|' /C calc'!A0",
    "<script>window.__pwned=1</script>",
]


def intervention(name: str, **given: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": 1,
        "name": name,
        "year": 2026,
        "target_group": "closer",
        "provider": "P",
        "provider_type": "internal",
        "price_per_participant": 20_000.0,
        "capacity": np.nan,
        "participants": 10.0,
        "job_rate": 0.4,
        "control_job_rate": 0.3,
        "evidence_stars": 2,
        "effect_rating": "medium",
        "duration_weeks": 10.0,
        "description": "",
        "source": "",
    }
    row.update(given)
    return row


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """The newest year of the bundled demo dataset, as `figures.load_year` gives it."""
    path = database.ensure(tmp_path_factory.mktemp("demo") / "viften.duckdb")
    return figures.load_year(path).frame


def tile_data(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return list(spec["datasets"]["tiles"])


def without_view_names(spec: dict[str, Any]) -> str:
    return re.sub(r"view_[0-9a-f]+_\d+", "view", json.dumps(spec, sort_keys=True))


@pytest.mark.parametrize("measure", fan.MEASURES)
@pytest.mark.parametrize("rows", fan.ROW_MODES)
@pytest.mark.parametrize("per_group", [False, True])
def test_every_intervention_of_the_demo_year_is_a_tile_with_its_name(
    demo: pd.DataFrame, measure: str, rows: str, per_group: bool
) -> None:
    chart = charts.fan_chart(demo, measure=measure, rows=rows, per_target_group=per_group)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    tiles = tile_data(spec)
    assert sorted(t["key"] for t in tiles) == sorted(demo["name"])
    for each in tiles:
        assert each["tt_name"] == each["key"]
        assert each["text"].replace("-\n", "").replace("\n", " ").replace(" ", "") == each[
            "key"
        ].replace(" ", "")


def test_the_chart_has_no_external_data_and_renders_offline(demo: pd.DataFrame) -> None:
    vl_convert = pytest.importorskip("vl_convert")
    chart = charts.fan_chart(demo, measure="additional", per_target_group=True)
    text = chart.to_json()
    assert '"url"' not in text
    png = vl_convert.vegalite_to_png(text, scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    svg = vl_convert.vegalite_to_svg(charts.fan_chart(demo, lang="en").to_json())
    assert "Privat løntilskud" in svg or "Privat l" in svg


def test_the_fast_spec_is_the_same_chart_as_the_altair_one(demo: pd.DataFrame) -> None:
    for options in (
        {},
        {
            "measure": "additional",
            "rows": "stars",
            "per_target_group": True,
            "lang": "en",
            "band_edges": (100_000, 1_000_000),
            "width": 1200,
        },
    ):
        fast = charts.fan_spec(demo, **options)
        slow = charts.fan_chart(demo, **options).to_dict()
        assert without_view_names(fast) == without_view_names(slow)


def test_clicking_a_tile_selects_its_name(demo: pd.DataFrame) -> None:
    spec = charts.fan_spec(demo)
    params = spec["params"]
    assert params[0]["name"] == charts.SELECTION
    assert params[0]["select"]["fields"] == [charts.SELECT_FIELD]


def test_tooltips_carry_the_figures_in_danish_format() -> None:
    frame = domain.derive(
        pd.DataFrame([intervention("A", price_per_participant=1_234_567.0, job_rate=0.5)])
    )
    row = tile_data(charts.fan_spec(frame))[0]
    assert row["tt_price"] == "1.234.567 kr."
    assert row["tt_ppj"] == "2.469.134 kr."
    assert row["tt_job_rate"] == "50 %"
    assert row["tt_net"] == "+20,0 pct.point"
    english = tile_data(charts.fan_spec(frame, lang="en"))[0]
    assert english["tt_price"] == "DKK 1,234,567"


def test_hostile_names_are_plain_data_in_the_chart() -> None:
    frame = domain.derive(pd.DataFrame([intervention(n) for n in HOSTILE]))
    spec = charts.fan_spec(frame)
    assert sorted(t["key"] for t in tile_data(spec)) == sorted(HOSTILE)
    text = json.dumps(spec)
    assert '"html"' not in text and "signal" not in json.dumps(spec["datasets"])


def test_the_tile_text_colour_has_contrast_on_its_fill(demo: pd.DataFrame) -> None:
    for row in tile_data(charts.fan_spec(demo)):
        assert fan.contrast_ratio(row["fill"], row["ink"]) >= 4.5


def test_the_chart_is_as_big_as_its_layout(demo: pd.DataFrame) -> None:
    layout = fan.layout(demo, width=1400)
    spec = charts.spec_from_layout(layout)
    assert (spec["width"], spec["height"]) == (1400, layout.height)


@pytest.mark.parametrize("options", [{}, {"measure": "additional"}, {"per_target_group": True}])
def test_the_y_scale_spans_the_layouts_height_through_the_data(
    demo: pd.DataFrame, options: dict[str, Any]
) -> None:
    """No domain in the spec (it would change with the height); the invisible frame gives it,
    and every other mark lies inside it, so the domain is exactly 0 to the height."""
    layout = fan.layout(demo, **options)
    spec = charts.spec_from_layout(layout)
    assert all("domain" not in layer["encoding"]["y"]["scale"] for layer in spec["layer"])
    frame = [row["y"] for row in spec["datasets"]["frame"]]
    assert frame == [0.0, layout.height]
    placed = [
        row[field]
        for name, rows in spec["datasets"].items()
        for row in rows
        for field in ("y", "y2", "ty", "dy")
        if name != "frame" and isinstance(row.get(field), int | float)
    ]
    assert placed and min(placed) >= 0 and max(placed) <= layout.height


def test_an_aggregated_view_has_count_tooltips() -> None:
    rows = [
        intervention(f"N{i}", price_per_participant=float(1_000 + i))
        for i in range(fan.MAX_TILES + 5)
    ]
    spec = charts.fan_spec(domain.derive(pd.DataFrame(rows)))
    assert all("indsats" in t["tt_name"] for t in tile_data(spec))


def test_the_scatter_plots_price_against_extra_effect_sized_by_participants(
    demo: pd.DataFrame,
) -> None:
    chart = charts.scatter_chart(demo)
    spec = chart.to_dict()
    dots = spec["layer"][1]
    assert dots["encoding"]["size"]["field"] == "participants"
    assert dots["encoding"]["y"]["scale"]["type"] == "log"
    plotted = charts.scatter_rows(demo)
    have_both = demo["net_effect"].notna() & demo["price_per_job"].notna()
    assert len(plotted) == int(have_both.sum())
    assert spec["config"]["locale"]["number"]["thousands"] == "."


def test_the_charts_module_does_not_import_streamlit() -> None:
    import subprocess
    import sys

    code = (
        "import sys, viften.present.charts.fan, viften.present.fan; "
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_a_tile_chosen_from_the_list_starts_out_selected() -> None:
    import pandas as pd

    from viften.model import domain
    from viften.present.charts import fan as fan_charts
    from viften.present.fan import layout

    frame = domain.derive(
        pd.DataFrame(
            [
                {
                    "id": 1,
                    "name": "Valgt",
                    "year": 2026,
                    "target_group": "closer",
                    "provider": None,
                    "provider_type": None,
                    "price_per_participant": 1000.0,
                    "capacity": None,
                    "participants": None,
                    "job_rate": 0.5,
                    "control_job_rate": 0.4,
                    "evidence_stars": 2,
                    "effect_rating": "high",
                    "duration_weeks": None,
                    "description": None,
                    "source": None,
                }
            ]
        )
    )
    spec = fan_charts.spec_from_layout(layout(frame), "da")
    chosen = fan_charts.with_selected(spec, "Valgt")
    tile = next(p for p in chosen["params"] if p["name"] == fan_charts.SELECTION)
    assert tile["value"] == [{fan_charts.SELECT_FIELD: "Valgt"}]
    assert all("value" not in p for p in spec["params"]), "the cached spec is left alone"


def test_the_stored_templates_are_what_altair_builds() -> None:
    """The app draws the fan from `fan_templates.json`; it must be the chart Altair builds
    (after a change to the marks or their texts: `python scripts/fan_templates.py`)."""
    from viften.present.charts import fan as charts

    built = charts.every_template()
    stored = charts.stored_templates()
    assert sorted(stored) == sorted(built)
    for key, template in built.items():
        assert stored[key] == template, f"{key}: run scripts/fan_templates.py"


def test_a_missing_template_is_built_with_altair(monkeypatch: pytest.MonkeyPatch) -> None:
    from viften.present.charts import fan as charts

    monkeypatch.setattr(charts, "stored_templates", dict)
    charts._template.cache_clear()
    try:
        assert charts._template("da", False) == charts.built_template("da", False)
    finally:
        charts._template.cache_clear()
