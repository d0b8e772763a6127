"""Every page of streamlit_app.py on a database typed by an attacker: no Markdown element, label or
table cell shows a payload as Markdown (a link, bold, colour, LaTeX, HTML, an autolink).

Text shown as text (st.text, st.dataframe's canvas, st.code) is safe and is not read here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hostile_data
import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.ui import budget

REPO = Path(__file__).resolve().parents[2]
MARKDOWN = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
    "exception",
)
LABELLED = (
    "metric",
    "expander",
    "tab",
    "checkbox",
    "toggle",
    "radio",
    "selectbox",
    "multiselect",
    "text_input",
    "button",
    "slider",
)


def app_pages() -> list[str]:
    """The page names of streamlit_app.py's PAGES, read from its source."""
    tree = ast.parse((REPO / "streamlit_app.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            return [ast.literal_eval(item)[0] for item in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("streamlit_app.py has no PAGES")


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_data.build(tmp_path_factory.mktemp("hostile") / "viften.duckdb")


@pytest.fixture
def hostile_db(hostile_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import shutil

    path = tmp_path / "viften.duckdb"
    shutil.copyfile(hostile_template, path)
    monkeypatch.setenv("VIFTEN_DB", str(path))
    monkeypatch.setenv("VIFTEN_EDITOR_PASSWORD", "hemmelig")
    return path


def _texts(app: AppTest) -> Iterator[tuple[str, str]]:
    """(where, Markdown text) of everything on the page that Streamlit reads as Markdown."""
    for kind in MARKDOWN:
        for element in app.get(kind):
            yield kind, str(getattr(element, "value", "") or "")
    for table in app.get("table"):
        frame = table.value
        for cell in [*frame.astype(str).to_numpy().ravel(), *map(str, frame.columns)]:
            yield "table", cell
    for kind in LABELLED:
        for element in app.get(kind):
            yield f"{kind} label", str(getattr(element, "label", "") or "")
            proto: Any = getattr(element, "proto", None)
            if proto is not None and getattr(proto, "help", ""):
                yield f"{kind} help", str(proto.help)
            if kind == "radio":
                yield from (("radio option", str(o)) for o in element.options)
    for element in app.get("metric"):
        yield "metric", str(element.value)


BUDGET_TABS = (
    "Nuværende fordeling",
    "Hvad nu hvis",
    "Optimal fordeling",
    "Budget og job",
    "Scenarier",
)
"""The budget page's tabs: only the open one is drawn."""
SIGNED_IN = "signed in as"
"""A state key of `_runs` that is no session-state key: sign in as the editor it names."""


def _runs(page: str) -> list[dict[str, Any]]:
    """The states a page is swept in: each tab, tile or choice that shows typed text."""
    if page == "fan":
        return [{}, {"fan_chart": {"selection": {"tile": [{"key": hostile_data.NAMES[0]}]}}}]
    if page == "case":
        return [{"case_pick": hostile_data.NAMES[0]}, {"case_pick": hostile_data.NAMES[2]}]
    if page == "effects":
        return [
            {"effects_tab_da": tab}
            for tab in ("Mer-effekt og usikkerhed", "Business case", "Følsomhed")
        ]
    if page == "interventions":
        return [{SIGNED_IN: hostile_data.PAYLOADS[1]}]
    if page == "budget":
        # the optimal tab's rules, jobs and case per payer opened: they are drawn only then
        opened = {
            key: True for key in (budget.RULES_OPEN_KEY, budget.JOBS_OPEN_KEY, budget.CASE_OPEN_KEY)
        }
        return [
            {SIGNED_IN: hostile_data.PAYLOADS[0], "budget_tab_da": tab, **opened}
            for tab in BUDGET_TABS
        ]
    if page == "history":
        return [{SIGNED_IN: hostile_data.PAYLOADS[0]}]
    if page == "presentation":
        return [{"presentation_view": view} for view in (0, 2, 4)]
    return [{}]


NAMES_IN_MARKDOWN = {("fan", 1), ("budget", 2), ("case", 0), ("case", 1), ("effects", 0)}
"""Pages that put typed names into Markdown (notes, warnings, headings) in the states swept:
there the sweep must find them, escaped."""
SWEEP = [(page, i) for page in app_pages() for i in range(len(_runs(page)))]


@pytest.fixture
def routed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run goes through streamlit_app.py's navigation and sidebar (see
    tests/app/test_view_kept.py)."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def through_the_navigation(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", through_the_navigation)


def _visit(page: str, state: dict[str, Any], query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    for key, value in state.items():
        if key == SIGNED_IN:
            sign_in(app, value)  # an editor whose account name is a payload
        else:
            app.session_state[key] = value
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.mark.parametrize(("page", "run"), SWEEP)
def test_no_page_shows_a_typed_text_as_markdown(
    hostile_db: Path, routed: None, page: str, run: int
) -> None:
    app = _visit(page, _runs(page)[run])
    found = [(where, text) for where, text in _texts(app) if hostile_data.unescaped(text)]
    assert found == []
    if (page, run) in NAMES_IN_MARKDOWN:
        shown = " ".join(text for _, text in _texts(app))
        assert "fed" in shown or "klik" in shown, "the sweep saw no typed text at all"


def test_a_search_and_a_deleted_row_show_typed_text_as_text(hostile_db: Path, routed: None) -> None:
    from viften.actions import editing
    from viften.store import db

    state = {SIGNED_IN: hostile_data.PAYLOADS[2]}
    app = _visit("interventions", state, {"q": hostile_data.PAYLOADS[0]})
    with db.connect(hostile_db) as con:
        key = editing.editor_key(2026, editing.stored_identities(con, 2026)) + "_da"
    app.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0, 1]}
    app.run()
    assert any("slette 2" in w.value for w in app.warning)
    assert [(w, t) for w, t in _texts(app) if hostile_data.unescaped(t)] == []
