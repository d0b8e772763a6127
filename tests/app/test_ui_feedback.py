"""How a failed import is reported in the app: every problem placed, nothing hidden."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

SCRIPT = """
import streamlit as st
from viften.model.errors import BadInput, Problem, ViftenError
from viften.model.messages import Message
from viften.ui.feedback import import_failed

bar = st.progress(0.5)
if st.session_state.get("kind") == "bad input":
    problems = [Problem(3, "jobandel", Message.of("cell_not_share", value=("text", "1,7"))),
                Problem(4, "evidens", Message.of("cell_stars", count=("figure", 4)))]
    import_failed(BadInput("bad", problems), bar, "iv_problems", "da")
else:
    import_failed(ViftenError("the database is held by another program"), bar, "iv_problems",
                  "da")
"""


def _run(tmp_path: Path, kind: str) -> AppTest:
    script = tmp_path / "feedback_page.py"
    script.write_text(SCRIPT)
    app = AppTest.from_file(str(script))
    app.session_state["kind"] = kind
    return app.run()


def test_bad_input_lists_every_problem_with_its_row_and_column_in_danish(tmp_path: Path) -> None:
    app = _run(tmp_path, "bad input")
    assert "2 fejl; intet er gemt" in app.error[0].value
    listed = app.text[0].value
    assert "række 3, kolonne jobandel: 1,7 skal være en andel mellem 0 og 1" in listed
    assert "række 4, kolonne evidens: 4 stjerner: evidens er 1, 2 eller 3 stjerner" in listed


def test_any_other_failure_says_what_happened(tmp_path: Path) -> None:
    app = _run(tmp_path, "other")
    assert app.error[0].value == "the database is held by another program"
    assert not app.text


WRITE_SCRIPT = """
import streamlit as st
from viften.store.db import StoreError
from viften.store.interventions import ConflictError
from viften.ui.feedback import write_failed

if st.session_state.get("kind") == "conflict":
    write_failed(ConflictError("someone else was changing it"), "da", conflict_key="iv_conflict")
else:
    write_failed(StoreError("the database refused the work"), "da", conflict_key="iv_conflict")
"""


def _run_write(tmp_path: Path, kind: str) -> AppTest:
    script = tmp_path / "write_page.py"
    script.write_text(WRITE_SCRIPT)
    app = AppTest.from_file(str(script))
    app.session_state["kind"] = kind
    return app.run()


def test_a_write_that_collided_says_so_in_the_pages_words(tmp_path: Path) -> None:
    app = _run_write(tmp_path, "conflict")
    assert not app.exception
    assert app.error[0].value.startswith("Ikke gemt: someone else was changing it.")


def test_a_write_the_database_refused_shows_its_message(tmp_path: Path) -> None:
    app = _run_write(tmp_path, "other")
    assert not app.exception
    assert app.error[0].value == "the database refused the work"
