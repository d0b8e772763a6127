"""Every page copes with an intervention that has only the required columns filled in."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.actions import database
from viften.actions import interventions as changes
from viften.actions.access import command_line_actor

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
MINIMAL = (
    "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\n"
    "Kun det nødvendige;længere væk;45.000;30 %;2;2026\n"
    "Gratis og uden job;tværgående;0;0;1;2026\n"
)


@pytest.mark.parametrize(
    "page",
    [
        "fan",
        "overview",
        "caseworker",
        "interventions",
        "budget",
        "case",
        "effects",
        "presentation",
        "history",
    ],
)
def test_the_page_renders_with_sparse_interventions(db_path: Path, page: str) -> None:
    database.ensure(db_path)
    changes.import_file(db_path, MINIMAL.encode(), "minimal.csv", command_line_actor())
    app = AppTest.from_file(APP, default_timeout=120)
    sign_in(app, "Editor")
    app.run()
    app.switch_page(f"pages/{page}.py").run()
    assert not app.exception, app.exception[0].stack_trace if app.exception else ""
