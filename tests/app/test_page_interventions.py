"""The interventions page: the table, editing with roles and conflicts, import and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.actions import database, editing
from viften.actions import interventions as changes
from viften.actions.access import command_line_actor
from viften.store import db
from viften.store import interventions as store
from viften.store import views as figures

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "interventions.py")


def _editor_key(db_path: Path) -> str:
    with db.connect(db_path) as con:
        year = store.newest_year(con)
        assert year is not None
        return editing.editor_key(year, editing.stored_identities(con, year)) + "_da"


def _page(db_path: Path, editor: bool = False) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=30)
    if editor:
        sign_in(app, "Test Editor")
    return app.run()


def test_the_table_shows_the_newest_year_with_danish_headings_and_numbers(db_path: Path) -> None:
    app = _page(db_path)
    assert not app.exception
    newest = figures.load_year(db_path).year
    assert f"Indsatser {newest}" in app.title[0].value
    table = app.dataframe[0].value
    assert "Pris pr. job" in table.columns
    assert "Indsats" in table.columns
    prices = table["Pris pr. deltager"].tolist()
    assert all(p.endswith(" kr.") or p == "–" for p in prices)
    assert any("." in p for p in prices), "thousands are grouped with a point in Danish"


def test_the_table_shows_the_figures_a_narrow_screen_holds_until_the_reader_adds_more(
    db_path: Path,
) -> None:
    app = _page(db_path)
    shown = list(app.dataframe[0].value.columns)
    assert shown == ["Indsats", "Målgruppe", "Evidens", "Pris pr. deltager", "Jobandel"] + [
        "Mer-effekt",
        "Pris pr. job",
        "Pris pr. ekstra job",
    ]
    app.multiselect(key="iv_columns").select("provider").run()
    assert list(app.dataframe[0].value.columns)[-2:] == ["Pris pr. ekstra job", "Leverandør"]


def test_a_viewer_cannot_edit_or_import(db_path: Path) -> None:
    app = _page(db_path)
    texts = " ".join(i.value for i in app.info)
    assert "Kun redaktører" in texts
    assert not [b for b in app.button if b.key == "iv_save"]


def test_an_editor_saves_an_edited_cell_and_the_history_records_it(db_path: Path) -> None:
    app = _page(db_path, editor=True)
    editor_key = _editor_key(db_path)
    app.session_state[editor_key] = {
        "edited_rows": {0: {"price_per_participant": 12345}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.error, [e.value for e in app.error]
    app.button(key="iv_save").click().run()
    assert not app.exception
    with db.connect(db_path) as con:
        trail = store.history(con, 1)
    assert trail[0]["field"] == "price_per_participant"
    assert trail[0]["new"] == "12345"
    assert trail[0]["user"] == "Test Editor"


def _edit_columns(db_path: Path) -> dict[str, Any]:
    """The edit table's column configuration, as an editor's page sends it."""
    import json

    app = _page(db_path, editor=True)
    editor = next(e for e in app.dataframe if (e.key or "").startswith("iv_editor"))
    return dict(json.loads(editor.proto.columns))


def test_the_edit_table_offers_the_benefits_in_danish_and_a_box_for_mandatory(
    db_path: Path,
) -> None:
    config = _edit_columns(db_path)
    assert config["benefit"]["label"] == "Ydelse"
    assert config["benefit"]["type_config"]["options"][0] == {
        "label": "Kontanthjælp",
        "value": "kontanthjaelp",
    }
    assert config["mandatory"]["type_config"]["type"] == "checkbox"
    assert config["weeks_on_benefit"]["label"] == "Uger på ydelse"


def test_the_edit_tables_name_column_stays_in_sight_when_it_scrolls_sideways(
    db_path: Path,
) -> None:
    config = _edit_columns(db_path)
    assert config["name"]["pinned"] is True
    assert [name for name, column in config.items() if column.get("pinned")] == ["name"]


def test_an_editor_saves_the_case_columns(db_path: Path) -> None:
    app = _page(db_path, editor=True)
    app.session_state[_editor_key(db_path)] = {
        "edited_rows": {
            0: {
                "mandatory": True,
                "benefit": "kontanthjaelp",
                "persistence": 0.25,
                "weeks_on_benefit": 40,
            }
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    app.button(key="iv_save").click().run()
    assert not app.exception
    with db.connect(db_path) as con:
        year = store.newest_year(con)
        assert year is not None
        first = store.stored_rows(con, year)[0]
    assert (
        first["mandatory"],
        first["benefit"],
        first["persistence"],
        first["weeks_on_benefit"],
    ) == (True, "kontanthjaelp", 0.25, 40)


def test_a_bad_edit_names_its_row_and_column_and_cannot_be_saved(db_path: Path) -> None:
    app = _page(db_path, editor=True)
    editor_key = _editor_key(db_path)
    app.session_state[editor_key] = {
        "edited_rows": {1: {"job_rate": 1.7}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert any("fejl" in e.value for e in app.error)
    assert any(
        "række 2, kolonne Jobandel: 1,7 skal være en andel mellem 0 og 1" in x.value
        for x in app.text
    )
    assert app.button(key="iv_save").disabled


def test_someone_elses_change_in_between_is_not_overwritten(db_path: Path) -> None:
    app = _page(db_path, editor=True)
    editor_key = _editor_key(db_path)
    first = figures.load_year(db_path).frame.sort_values("name").iloc[0]
    with db.transaction(db_path) as con:
        store.update_intervention(
            con, "Other", int(first["id"]), int(first["version"]), {"price_per_participant": 1.0}
        )
    app.session_state[editor_key] = {
        "edited_rows": {0: {"price_per_participant": 999}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    app.button(key="iv_save").click().run()
    assert any("Ikke gemt" in e.value for e in app.error)
    after = figures.load_year(db_path).frame.set_index("id").loc[int(first["id"])]
    assert after["price_per_participant"] == 1.0


def test_a_save_that_collides_with_another_sessions_save_shows_a_message(db_path: Path) -> None:
    app = _page(db_path, editor=True)
    editor_key = _editor_key(db_path)
    first = figures.load_year(db_path).frame.sort_values("name").iloc[0]
    app.session_state[editor_key] = {
        "edited_rows": {0: {"price_per_participant": 999}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    # another session is saving the same row right now: its transaction is still open
    with db.transaction(db_path) as con:
        store.update_intervention(
            con, "Other", int(first["id"]), int(first["version"]), {"price_per_participant": 1.0}
        )
        app.button(key="iv_save").click().run()
    assert not app.exception
    assert any("Ikke gemt" in e.value and "at the same moment" in e.value for e in app.error)
    after = figures.load_year(db_path).frame.set_index("id").loc[int(first["id"])]
    assert after["price_per_participant"] == 1.0


@pytest.mark.parametrize("lang, heading", [("en", "Price per job"), ("da", "Pris pr. job")])
def test_the_language_switch_changes_headings(db_path: Path, lang: str, heading: str) -> None:
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state["lang"] = lang
    app.run()
    assert heading in app.dataframe[0].value.columns


def test_an_empty_database_says_what_to_do(db_path: Path) -> None:
    with db.transaction(db_path) as con:
        con.execute("DELETE FROM interventions")
    app = _page(db_path)
    assert any("importér en fil" in i.value for i in app.info)


def test_an_intervention_with_only_the_required_columns_is_shown(
    db_path: Path, tmp_path: Path
) -> None:

    database.ensure(db_path)
    minimal = (
        "navn;målgruppe;pris pr. deltager;jobandel;evidens;år\nKun det nødvendige;"
        "længere væk;45.000;30 %;2;2026\n"
    )
    changes.import_file(db_path, minimal.encode(), "minimal.csv", command_line_actor())
    app = _page(db_path, editor=True)
    assert not app.exception
    app.multiselect(key="iv_columns").set_value(["participants", "capacity"]).run()
    table = app.dataframe[0].value.set_index("Indsats")
    assert list(table.columns) == ["Deltagere", "Kapacitet"]
    assert table.loc["Kun det nødvendige", "Deltagere"] == "– (ikke angivet)"
    assert table.loc["Kun det nødvendige", "Kapacitet"] == "ingen grænse"


def test_the_app_migrates_a_version_1_database_when_it_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for statement in db.schema_statements(1):
        con.execute(statement)
    con.execute(
        "INSERT INTO interventions (name, year, target_group, price_per_participant, "
        "job_rate, evidence_stars) VALUES ('Gammel indsats', 2024, 'closer', 9000, 0.3, 2)"
    )
    con.close()
    monkeypatch.setenv("VIFTEN_DB", str(path))
    app = _page(path, editor=True)
    assert not app.exception
    assert "Gammel indsats" in app.dataframe[0].value["Indsats"].tolist()
    with db.connect(path) as con:
        assert db.stored_version(con) == db.SCHEMA_VERSION


def _edit_table(app: AppTest) -> object:
    return next(e for e in app.dataframe if (e.key or "").startswith("iv_editor"))


def test_the_edit_table_shows_danish_labels_numbers_and_shares_and_never_none(
    db_path: Path,
) -> None:
    import json

    app = _page(db_path, editor=True)
    editor = _edit_table(app)
    config = json.loads(editor.proto.columns)
    labels = [o["label"] for o in config["target_group"]["type_config"]["options"]]
    assert labels == ["Tættere på", "Længere væk", "Tværgående"]
    assert [o["label"] for o in config["provider_type"]["type_config"]["options"]] == [
        "Intern",
        "Ekstern",
    ]
    frame = editor.value
    ips = frame[frame["name"] == "IPS"].iloc[0]
    assert ips["price_per_participant"] == "80.000" or "." in ips["price_per_participant"]
    assert ips["job_rate"].endswith(" %") and "," in ips["job_rate"] + ips["control_job_rate"]
    text = frame.drop(columns=["mandatory", "evidence_stars"]).astype(str)
    assert not text.isin(["None", "nan", "<NA>"]).to_numpy().any()
    assert not text["job_rate"].str.contains(r"^0\.\d").any()


def test_numbers_typed_the_danish_way_in_the_edit_table_are_saved_as_numbers(
    db_path: Path,
) -> None:
    app = _page(db_path, editor=True)
    key = _edit_table(app).key
    app.session_state[key] = {
        "edited_rows": {0: {"price_per_participant": "12.345", "job_rate": "46,5 %"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    assert not app.error, [e.value for e in app.error]
    app.button(key="iv_save").click().run()
    with db.connect(db_path) as con:
        year = store.newest_year(con)
        assert year is not None
        first = store.stored_rows(con, year)[0]
    assert (first["price_per_participant"], first["job_rate"]) == (12345, 0.465)


def test_deleting_a_row_asks_first_and_writes_one_history_row(db_path: Path) -> None:
    app = _page(db_path, editor=True)
    key = _edit_table(app).key
    first = _edit_table(app).value.iloc[0]["name"]
    app.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0]}
    app.run()
    assert any(first in w.value.replace("\\", "") for w in app.warning)
    assert app.button(key="iv_save").disabled
    with db.connect(db_path) as con:
        before = len(store.history(con))
    app.checkbox(key="iv_delete_confirm").check().run()
    app.button(key="iv_save").click().run()
    assert not app.exception
    with db.connect(db_path) as con:
        trail = store.history(con)
    assert len(trail) == before + 1
    assert (trail[0]["action"], trail[0]["name"], trail[0]["field"]) == ("delete", first, None)
    assert first not in figures.load_year(db_path).frame["name"].tolist()
