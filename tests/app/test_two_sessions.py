"""Two app sessions editing the same interventions: the later save is refused with an
explanation, is never applied to another row, and never shows a raw database error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from viften.actions import editing
from viften.model.domain import COLUMN_NAMES
from viften.store import db
from viften.store import interventions as store

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "interventions.py")


def _session(name: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["is_editor"] = True
    app.session_state["user_name"] = name
    return app.run()


def _key(path: Path) -> tuple[str, int]:
    with db.connect(path) as con:
        year = store.newest_year(con)
        assert year is not None
        return editing.editor_key(year, editing.stored_identities(con, year)), year


def _rows(path: Path, year: int) -> dict[str, dict[str, Any]]:
    with db.connect(path) as con:
        return {r["name"]: r for r in store.stored_rows(con, year)}


def _edit(app: AppTest, key: str, edits: dict[int, dict[str, Any]], deleted: list[int]) -> None:
    app.session_state[key] = {"edited_rows": edits, "added_rows": [], "deleted_rows": deleted}
    app.run()
    app.button(key="iv_save").click().run()


def test_the_later_of_two_sessions_saving_one_row_is_refused_and_told_why(
    db_path: Path,
) -> None:
    anna, bo = _session("Anna"), _session("Bo")
    key, year = _key(db_path)
    before = _rows(db_path, year)
    first = sorted(before)[0]
    _edit(anna, key, {0: {"price_per_participant": 1111}}, [])
    assert not anna.exception and not anna.error
    _edit(bo, key, {0: {"price_per_participant": 2222}}, [])
    assert not bo.exception
    refusal = " ".join(e.value for e in bo.error)
    assert "Ikke gemt" in refusal and "Anna" in refusal
    after = _rows(db_path, year)
    assert after[first]["price_per_participant"] == 1111
    assert {n: r for n, r in after.items() if n != first} == {
        n: r for n, r in before.items() if n != first
    }
    assert "Error:" not in refusal, "no raw database error"


def test_an_edit_after_another_session_deleted_a_row_never_lands_on_another_row(
    db_path: Path,
) -> None:
    anna, bo = _session("Anna"), _session("Bo")
    key, year = _key(db_path)
    before = _rows(db_path, year)
    names = sorted(before)
    # Anna deletes the first row; Bo, from the same snapshot, edits the second
    _edit(anna, key, {}, [0])
    assert not anna.exception and not anna.error
    _edit(bo, key, {1: {"description": "Bos tekst"}}, [])
    assert not bo.exception
    after = _rows(db_path, year)
    assert names[0] not in after
    touched = [n for n in after if after[n]["description"] == "Bos tekst"]
    # either refused (the table changed under Bo) or applied to the row Bo edited, never another
    assert touched in ([], [names[1]])
    for name in names[2:]:
        assert {c: after[name][c] for c in COLUMN_NAMES} == {
            c: before[name][c] for c in COLUMN_NAMES
        }
