"""Every chart the pages draw is valid Vega-Lite.

The pages skip Altair's schema validation on each rerun (`viften.ui.charts.show`), so
this test validates what they actually send to the browser, page by page.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from altair.vegalite.v6.schema import core
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


TABS = {"budget:optimal": "Optimal fordeling", "budget:frontier": "Budget og job"}
"""The budget page draws only its open tab: the tabs with charts, each on its own."""


def visit(page: str, lang: str = "da") -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["lang"] = lang
    if page in TABS:
        app.session_state[f"budget_tab_{lang}"] = TABS[page]
    app.run()
    app.switch_page(f"pages/{page.split(':')[0]}.py").run()
    assert not app.exception
    return app


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(core.load_schema())


@pytest.mark.parametrize(
    "page", ["fan", "overview", "budget:optimal", "budget:frontier", "effects", "case"]
)
def test_every_chart_on_the_page_is_valid_vega_lite(
    db_path: Path, page: str, validator: jsonschema.Draft7Validator
) -> None:
    app = visit(page)
    charts = app.get("vega_lite_chart")
    assert charts, f"{page} draws at least one chart"
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        if "data" not in spec and (chart.proto.datasets or chart.proto.HasField("data")):
            # Streamlit sends a data frame beside the spec, not inside it
            spec["data"] = {"name": "streamlit"}
        found = jsonschema.exceptions.best_match(validator.iter_errors(spec))
        assert found is None, f"{list(found.absolute_path)}: {found.message[:300]}"


@pytest.mark.parametrize(
    ("page", "lang"),
    [
        ("fan", "da"),
        ("overview", "da"),
        ("budget:optimal", "da"),
        ("budget:frontier", "da"),
        ("effects", "da"),
        ("fan", "en"),
        ("effects", "en"),
    ],
)
def test_every_chart_on_the_page_writes_numbers_in_the_readers_language(
    db_path: Path, page: str, lang: str
) -> None:
    from viften.present.charts import locale

    app = visit(page, lang)
    charts = app.get("vega_lite_chart")
    assert charts, f"{page} draws at least one chart"
    for chart in charts:
        assert json.loads(chart.proto.spec)["config"]["locale"] == locale(lang)


def test_the_danish_format_locale_writes_a_comma_a_dot_and_a_spaced_percent() -> None:
    from viften.present.charts import locale

    number = locale("da")["number"]
    assert (number["decimal"], number["thousands"], number["percent"]) == (",", ".", "\u00a0%")
    assert locale("en")["number"]["decimal"] == "."
    assert locale("xx") == locale("da")
