"""The import's preview on the interventions page, the history page's revert of a whole
import, and the year-over-year page with its button for next year."""

from __future__ import annotations

from pathlib import Path

from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.actions import interventions as actions
from viften.actions.access import EDITOR, Actor
from viften.store import db
from viften.store import interventions as store
from viften.store import views as figures

PAGES = Path(__file__).resolve().parents[2] / "pages"
ANNA = Actor("Anna", EDITOR)


def _page(name: str, editor: bool = True) -> AppTest:
    app = AppTest.from_file(str(PAGES / name), default_timeout=60)
    if editor:
        sign_in(app, "Anna")
    return app.run()


def _changed_file(db_path: Path) -> tuple[bytes, str, float]:
    with db.connect(db_path) as con:
        year = store.newest_year(con)
        assert year is not None
        rows = store.stored_rows(con, year)
    first = rows[0]
    header = "navn;år;målgruppe;pris pr. deltager;jobandel;evidens\n"
    line = (
        f"{first['name']};{year};{first['target_group']};"
        f"{int(first['price_per_participant']) + 1000};"
        f"{str(first['job_rate']).replace('.', ',')};{first['evidence_stars']}\n"
    )
    new = f"Ny <b>indsats</b>;{year};tættere på;1000;0,3;1\n"
    return (header + line + new).encode(), first["name"], first["price_per_participant"]


def test_an_upload_shows_the_preview_first_and_imports_only_when_confirmed(db_path: Path) -> None:
    data, name, price = _changed_file(db_path)
    app = _page("interventions.py")
    app.file_uploader(key="iv_upload_0").set_value(("nye.csv", data, "text/csv")).run()
    assert not app.exception
    assert any(s.value == "Det vil importen gøre" for s in app.subheader)
    shown = "\n".join(t.value for t in app.text)
    assert "1 nye, 1 ændrede" in shown
    assert f"{name} (" in shown and "Pris pr. deltager:" in shown and "→" in shown
    assert any("Ny <b>indsats</b>" in d.value.iloc[:, 0].tolist() for d in app.dataframe)
    # nothing is written before the confirmation
    frame = figures.load_year(db_path).frame
    assert "Ny <b>indsats</b>" not in frame["name"].tolist()
    app.button(key="iv_import_button").click().run()
    assert not app.exception
    assert any("import nr." in s.value for s in app.success)
    frame = figures.load_year(db_path).frame.set_index("name")
    assert "Ny <b>indsats</b>" in frame.index
    assert frame.loc[name, "price_per_participant"] == price + 1000


def test_a_bad_upload_lists_its_problems_instead_of_a_preview(db_path: Path) -> None:
    app = _page("interventions.py")
    bad = b"navn;m\xc3\xa5lgruppe;pris pr. deltager;jobandel;evidens\nX;nowhere;1;0,3;1\n"
    app.file_uploader(key="iv_upload_0").set_value(("bad.csv", bad, "text/csv")).run()
    assert not app.exception
    assert not [s for s in app.subheader if s.value == "Det vil importen gøre"]
    assert "række 2, kolonne målgruppe" in "\n".join(t.value for t in app.text)


def test_the_history_page_reverts_a_whole_import(db_path: Path) -> None:
    data, name, price = _changed_file(db_path)
    summary = actions.import_file(db_path, data, "nye.csv", ANNA)
    app = _page("history.py")
    assert not app.exception
    assert any("nye" in e.label for e in app.expander)
    app.button(key=f"imp_revert_{summary.import_id}").click().run()
    assert not app.exception
    assert any(f"Import nr. {summary.import_id} er fortrudt" in s.value for s in app.success)
    frame = figures.load_year(db_path).frame.set_index("name")
    assert "Ny <b>indsats</b>" not in frame.index
    assert frame.loc[name, "price_per_participant"] == price
    assert not [b for b in app.button if b.key == f"imp_revert_{summary.import_id}"]


def test_the_history_page_refuses_a_revert_after_a_later_change_and_says_why(
    db_path: Path,
) -> None:
    data, name, _ = _changed_file(db_path)
    summary = actions.import_file(db_path, data, "nye.csv", ANNA)
    header, first, _ = data.decode().split("\n", 2)
    cells = first.split(";")
    cells[3] = str(int(cells[3]) + 5)  # the price, changed again by a later import
    actions.import_file(db_path, f"{header}\n{';'.join(cells)}\n".encode(), "l.csv", ANNA)
    app = _page("history.py")
    app.button(key=f"imp_revert_{summary.import_id}").click().run()
    assert not app.exception
    refusal = " ".join(e.value for e in app.error)
    assert "kan ikke fortrydes" in refusal and name in refusal
    # the field's name is shown as typed, as text: Markdown's underscores are escaped
    assert "price\\_per\\_participant" in refusal


def test_a_viewer_sees_the_imports_but_no_revert(db_path: Path) -> None:
    data, _, _ = _changed_file(db_path)
    actions.import_file(db_path, data, "nye.csv", ANNA)
    app = _page("history.py", editor=False)
    assert not app.exception
    assert not [b for b in app.button if (b.key or "").startswith("imp_revert_")]


def test_the_year_over_year_page_lists_what_came_went_and_changed(db_path: Path) -> None:
    app = _page("year_over_year.py", editor=False)
    assert not app.exception
    with db.connect(db_path) as con:
        newest, before = store.years(con)[:2]
    assert app.header[0].value == f"{before} mod {newest}"
    assert "kom til" in app.text[0].value
    changed = app.dataframe[-1].value
    assert list(changed.columns) == ["Indsats", "Tal", str(before), str(newest)]
    assert len(app.get("image")) == 2, "the fan of both years"
    assert not [b for b in app.button if b.key == "year_new_button"]


def test_an_editor_starts_next_year_from_the_newest(db_path: Path) -> None:
    app = _page("year_over_year.py")
    with db.connect(db_path) as con:
        newest = store.newest_year(con)
        count = len(store.stored_rows(con, newest))
    app.button(key="year_new_button").click().run()
    assert not app.exception
    assert any(f"{count} indsatser er kopieret" in s.value for s in app.success)
    with db.connect(db_path) as con:
        assert store.newest_year(con) == newest + 1
