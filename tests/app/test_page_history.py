"""The history page lists changes and lets an editor restore a deleted intervention."""

from __future__ import annotations

from pathlib import Path

from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.store import db
from viften.store import interventions as store
from viften.store import views as figures

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "history.py")


def test_a_deleted_intervention_is_listed_and_restored(db_path: Path) -> None:
    row = figures.load_year(db_path).frame.iloc[0]
    with db.transaction(db_path) as con:
        store.delete_intervention(con, "tester", int(row["id"]), int(row["version"]))
    app = AppTest.from_file(PAGE, default_timeout=30)
    sign_in(app, "Editor")
    app.run()
    assert not app.exception
    trail = app.dataframe[0].value
    assert "slettet" in trail["Handling"].tolist()
    app.button(key="hist_restore_button").click().run()
    assert any(row["name"] in s.value for s in app.success)
    names = figures.load_year(db_path).frame["name"].tolist()
    assert row["name"] in names


def test_a_viewer_sees_the_trail_but_no_restore(db_path: Path) -> None:
    app = AppTest.from_file(PAGE, default_timeout=30).run()
    assert not app.exception
    assert not [b for b in app.button if b.key == "hist_restore_button"]


def test_a_change_of_the_assumptions_is_listed_as_one_by_its_key(db_path: Path) -> None:
    from viften.actions import assumptions
    from viften.actions.access import Actor

    assumptions.save(db_path, Actor("mette", "editor"), 2026, {"wage": 300000})
    app = AppTest.from_file(PAGE, default_timeout=30).run()
    assert not app.exception
    trail = app.dataframe[0].value
    changed = trail[trail["Felt"] == "assumptions.wage"]
    assert changed["Indsats"].tolist() == ["Antagelser (businesscase)"]
    assert changed["Efter"].tolist() == ["300.000 kr."]
