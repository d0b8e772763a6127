"""What a rerun that changes nothing must not do again: open the database for the sidebar,
measure the tables it draws or build its charts again (AppTest; counted calls, never time)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from test_view_kept import routed  # noqa: F401  (the fixture: every run through app.py)

from viften.actions import users
from viften.present import table_fit
from viften.present.charts import effects as effect_charts

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
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert not app.exception
    assert app.sidebar.form, "the sign-in form is drawn"
    calls = counting(monkeypatch, users, "accounts")
    app.run()
    app.run()
    assert not app.exception
    assert app.sidebar.form
    assert calls == []


def test_a_rerun_measures_no_table_it_measured_before(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = AppTest.from_file(str(REPO / "pages" / "interventions.py"), default_timeout=120).run()
    assert app.dataframe
    calls = counting(monkeypatch, table_fit, "fit")
    app.run()
    assert not app.exception
    assert calls == []


def test_a_filter_change_that_leaves_the_effects_alone_builds_no_interval_chart_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = AppTest.from_file(str(REPO / "pages" / "effects.py"), default_timeout=120).run()
    assert app.get("vega_lite_chart")
    calls = counting(monkeypatch, effect_charts, "interval_chart")
    app.run()
    assert not app.exception
    assert app.get("vega_lite_chart")
    assert calls == []
