"""The landing page prepared at server start (`viften.ui.warm`, started by app.py): a first
visit after it reads nothing again (AppTest; counted calls, never time)."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import streamlit as st
from conftest import viften_modules_imported_by
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app
from test_rerun_costs import counting
from test_view_kept import routed  # noqa: F401  (the fixture: every run through streamlit_app.py)

from viften.present import fan
from viften.store import views
from viften.ui import warm

REPO = Path(__file__).resolve().parents[2]


def test_the_warm_up_imports_every_module_the_landing_page_imports() -> None:
    wanted = viften_modules_imported_by(REPO / "streamlit_app.py") | viften_modules_imported_by(
        REPO / "pages" / "fan.py"
    )
    assert "viften.ui.fan" in wanted
    assert wanted <= set(warm.LANDING_MODULES), sorted(wanted - set(warm.LANDING_MODULES))


def _first_visit_reads(monkeypatch: pytest.MonkeyPatch, warmed: bool) -> dict[str, int]:
    """What a first visit to `/` reads and builds, counted, with empty caches before it."""
    st.cache_resource.clear()
    st.cache_data.clear()
    if warmed:
        warm.landing()
    counts = {
        "year read": counting(monkeypatch, views, "load_year"),
        "fan laid out": counting(monkeypatch, fan, "layout"),
        "list built": counting(monkeypatch, fan, "list_lines"),
    }
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value.startswith("Tilbudsviften")
    return {name: len(calls) for name, calls in counts.items()}


@pytest.mark.usefixtures("routed")
def test_after_the_warm_up_a_first_visit_reads_and_builds_nothing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _first_visit_reads(monkeypatch, warmed=True) == {
        "year read": 0,
        "fan laid out": 0,
        "list built": 0,
    }


@pytest.mark.usefixtures("routed")
def test_without_the_warm_up_the_first_visit_does_that_work_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the counts above can fail: without the warm-up, each of them is done by the visit
    assert all(_first_visit_reads(monkeypatch, warmed=False).values())


def test_a_failing_warm_up_is_logged_and_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(lang: str = "da") -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(warm, "landing", broken)
    warm.start().join(timeout=30)
    assert "could not be prepared" in caplog.text
    assert "disk gone" in caplog.text


def test_streamlits_warning_of_a_thread_outside_any_session_is_dropped_for_it_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import logging

    monkeypatch.setattr(warm, "landing", lambda lang="da": None)
    warm.start().join(timeout=30)
    context_logger = logging.getLogger(warm.CONTEXT_LOGGER)
    assert warm._QUIET in context_logger.filters

    def record(thread: str) -> logging.LogRecord:
        made = context_logger.makeRecord(
            context_logger.name, logging.WARNING, __file__, 1, "missing ScriptRunContext", (), None
        )
        made.threadName = thread
        return made

    assert not context_logger.filter(record(warm.THREAD))
    assert context_logger.filter(record("ScriptRunner.scriptThread"))


def _launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("viften_launcher", REPO / "app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_streamlit_run_app_py_serves_the_app_and_starts_the_warm_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = discover_asgi_app(REPO / "app.py")
    assert found.is_asgi_app and found.app_name == "app"
    started: list[int] = []
    monkeypatch.setattr(warm, "start", lambda: started.append(1))
    launcher = _launcher()
    assert isinstance(launcher.app, st.App)

    async def serve_once() -> None:
        async with launcher._prepared(launcher.app):
            assert started == [1]  # before the first request is served

    asyncio.run(serve_once())
