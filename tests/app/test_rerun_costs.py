"""What a rerun that changes nothing must not do again: open the database for the sidebar,
measure the tables it draws or build its charts again (AppTest; counted calls, never time)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from test_view_kept import routed  # noqa: F401  (the fixture: every run through streamlit_app.py)

from viften.actions import users
from viften.present import table_fit
from viften.present.charts import effects as effect_charts
from viften.ui.accounts import PANEL_KEY

REPO = Path(__file__).resolve().parents[2]


def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Count the calls of `owner.name` from now on."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)  # the same name: the caches of `ui.charts` know a chart by it
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.mark.usefixtures("routed")
def test_the_sidebars_sign_in_reads_the_accounts_once_per_version_of_the_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(users.BOOTSTRAP_PASSWORD_VARIABLE, raising=False)
    calls = counting(monkeypatch, users, "accounts")
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120).run()
    assert not app.exception
    assert not app.sidebar.form, "the sign-in form is drawn only when its panel is opened"
    assert calls == [], "nor are the accounts read"
    app.session_state[PANEL_KEY] = True
    app.run()
    assert app.sidebar.form, "the sign-in form is drawn"
    read = len(calls)
    app.run()
    app.run()
    assert not app.exception
    assert app.sidebar.form
    assert len(calls) == read


def calls_on_a_rerun(
    monkeypatch: pytest.MonkeyPatch, page: str, drawn: str, *counted: tuple[Any, str]
) -> list[list[int]]:
    """The calls of each `counted` (owner, name) in the second run of a page, where the
    first drew elements of the kind `drawn`."""
    app = AppTest.from_file(str(REPO / "pages" / f"{page}.py"), default_timeout=120).run()
    assert app.get(drawn)
    calls = [counting(monkeypatch, owner, name) for owner, name in counted]
    app.run()
    assert not app.exception
    assert app.get(drawn)
    return calls


def test_a_rerun_measures_no_table_it_measured_before(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = (table_fit, "fit")
    assert calls_on_a_rerun(monkeypatch, "interventions", "dataframe", counted) == [[]]


def test_a_filter_change_that_leaves_the_effects_alone_builds_no_interval_chart_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = (effect_charts, "interval_chart")
    assert calls_on_a_rerun(monkeypatch, "effects", "vega_lite_chart", counted) == [[]]


def test_the_history_page_reads_the_trail_and_the_imports_once_per_version_of_the_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viften.store import imports
    from viften.store import interventions as store

    counted = ((store, "history"), (imports, "listing"))
    assert calls_on_a_rerun(monkeypatch, "history", "dataframe", *counted) == [[], []]


@pytest.mark.usefixtures("routed")
def test_the_presentation_reads_the_municipalitys_name_once_per_version_of_the_database(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viften.actions import settings

    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120).run()
    app.switch_page("pages/presentation.py").run()
    calls = counting(monkeypatch, settings, "municipality_setting")
    app.button(key="presentation_next").click().run()
    assert not app.exception
    assert calls == []


def test_a_frame_is_hashed_once_for_the_caches_and_by_its_content(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pandas as pd

    from viften.ui.cache import frame_digest

    frame = pd.DataFrame({"name": ["IPS", "Mentor"], "price": [45_000, 30_000]})
    first = frame_digest(frame)
    hashed = counting(monkeypatch, pd.util, "hash_pandas_object")
    assert frame_digest(frame) == first
    assert hashed == []
    assert frame_digest(frame.copy()) == first
    assert frame_digest(frame.assign(price=[45_000, 31_000])) != first
    assert frame_digest(frame.rename(columns={"price": "pris"})) != first


@pytest.mark.parametrize("page", ["fan", "overview"])
def test_a_rerun_turns_no_rows_of_a_chart_into_arrow_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    from streamlit import dataframe_util

    app = AppTest.from_file(str(REPO / "pages" / f"{page}.py"), default_timeout=120).run()
    assert app.get("vega_lite_chart")
    converted: list[int] = []
    original = dataframe_util.convert_anything_to_arrow_bytes

    def counted(data: Any, *args: Any, **kwargs: Any) -> bytes:
        if isinstance(data, list):  # a chart's dataset: its rows (a table's frame is no list)
            converted.append(1)
        return original(data, *args, **kwargs)

    monkeypatch.setattr(dataframe_util, "convert_anything_to_arrow_bytes", counted)
    app.run()
    assert not app.exception
    assert app.get("vega_lite_chart")
    assert converted == []
