"""The landing page: the fan matrix, its switches, the drill-down and the comparison."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from viften.store import db
from viften.store import interventions as store
from viften.store import views as figures

REPO = Path(__file__).resolve().parents[2]
PAGE = str(REPO / "pages" / "fan.py")
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "**bold** [link](javascript:alert(1))",
    ":red[farvet] $x^2$ <b>fed</b>",
    "# Overskrift",
    "line\nbreak & &amp; `code`",
]


def unescape(text: str) -> str:
    """What Streamlit's Markdown shows for text escaped by `formatting.escape_markdown`."""
    return re.sub(r"\\(.)", r"\1", text)


def run(query: dict[str, str] | None = None, state: dict[str, Any] | None = None) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    for key, value in (state or {}).items():
        app.session_state[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def chart_spec(app: AppTest) -> dict[str, Any]:
    import json

    charts = app.get("vega_lite_chart")
    assert charts, "no chart on the page"
    return json.loads(charts[0].proto.spec)


def chart_tiles(app: AppTest) -> list[str]:
    import pyarrow as pa

    charts = app.get("vega_lite_chart")
    for dataset in charts[0].proto.datasets:
        if dataset.name == "tiles":
            table = pa.ipc.open_stream(dataset.data.data).read_all()
            return [str(v) for v in table.column("key").to_pylist()]
    return []


def listed_names(app: AppTest) -> list[str]:
    """The names in the plain-text list under the matrix, one a line, in the order shown."""
    return [line.split("  ·  ")[0] for line in app.text[-1].value.split("\n")]


def names_of(path: Path, year: int | None = None) -> list[str]:
    return figures.load_year(path, year).frame["name"].tolist()


def test_the_landing_page_draws_every_intervention_of_the_newest_year(db_path: Path) -> None:
    app = run()
    view = figures.load_year(db_path)
    assert app.title[0].value == f"Tilbudsviften {view.year}"
    assert sorted(chart_tiles(app)) == sorted(view.frame["name"])
    assert sorted(listed_names(app)) == sorted(view.frame["name"])


def test_the_reading_guide_and_the_measure_explanation_are_on_the_page(db_path: Path) -> None:
    app = run()
    assert any("Sådan læses viften" in e.label for e in app.expander)
    assert any("Farvetone" in m.value for m in app.markdown)
    assert any(c.value.startswith("Brutto:") for c in app.caption)


def test_filters_in_the_url_narrow_the_matrix(db_path: Path) -> None:
    frame = figures.load_year(db_path).frame
    app = run({"tg": "closer", "stars": "2"})
    wanted = frame[(frame["target_group"] == "closer") & (frame["evidence_stars"] >= 2)]
    assert sorted(chart_tiles(app)) == sorted(wanted["name"])
    assert sorted(listed_names(app)) == sorted(wanted["name"])


def test_nonsense_in_the_url_falls_back_to_the_whole_fan(db_path: Path) -> None:
    app = run(
        {
            "tg": "<script>",
            "stars": "99",
            "year": "1850",
            "pmin": "-1",
            "fan_measure": "evil",
            "fan_model": "7",
            "fan_bands": "x",
        }
    )
    assert sorted(chart_tiles(app)) == sorted(names_of(db_path))
    assert any("Prisgrænserne kunne ikke læses" in w.value for w in app.warning)


def test_an_older_year_from_the_url_shows_that_year(db_path: Path) -> None:
    view = figures.load_year(db_path)
    if len(view.years) < 2:
        pytest.skip("the demo dataset has one year")
    older = view.years[1]
    app = run({"year": str(older)})
    assert app.title[0].value == f"Tilbudsviften {older}"
    assert sorted(chart_tiles(app)) == sorted(names_of(db_path, older))


def test_the_additional_measure_puts_those_without_a_control_group_in_a_lane(
    db_path: Path,
) -> None:
    frame = figures.load_year(db_path).frame
    app = run({"fan_measure": "additional"})
    assert any(c.value.startswith("Pr. ekstra job:") for c in app.caption)
    spec = chart_spec(app)
    labels = " ".join(str(v) for v in spec.get("datasets", {}).values())
    assert sorted(chart_tiles(app)) == sorted(frame["name"])
    if frame["control_job_rate"].isna().any():
        header_texts = " ".join(_label_texts(app).split())
        assert "Ingen kontrolgruppe" in header_texts
    assert labels is not None


def _label_texts(app: AppTest) -> str:
    import pyarrow as pa

    texts = []
    for dataset in app.get("vega_lite_chart")[0].proto.datasets:
        if dataset.name.startswith("labels"):
            table = pa.ipc.open_stream(dataset.data.data).read_all()
            if table.num_rows:
                texts.extend(str(v) for v in table.column("text").to_pylist())
    return " | ".join(texts)


def test_a_switch_that_changes_the_fans_height_changes_its_data_and_not_its_spec(
    db_path: Path,
) -> None:
    """The browser then swaps the data of the chart it has instead of compiling a new one
    (Streamlit embeds a chart anew when its spec changes): the height is given to Streamlit,
    and the y scale's domain comes from the data."""
    app = run()
    before = app.get("vega_lite_chart")[0].proto
    app.session_state["fan_measure"] = "additional"
    app.run()
    assert not app.exception
    after = app.get("vega_lite_chart")[0].proto
    assert after.spec == before.spec
    assert [d.data.data for d in after.datasets] != [d.data.data for d in before.datasets]


def test_model_1_draws_a_panel_per_target_group(db_path: Path) -> None:
    app = run({"fan_model": "1", "fan_rows": "stars"})
    texts = _label_texts(app)
    for title in ("Tættere på arbejdsmarkedet", "Længere fra arbejdsmarkedet", "Tværgående"):
        assert title in texts
    assert "★★★ 3 stjerner" in texts


def test_typed_band_edges_change_the_columns(db_path: Path) -> None:
    app = run({"fan_bands": "100000"})
    texts = _label_texts(app)
    assert "Under 100.000 kr." in texts and "Over 100.000 kr." in texts
    assert "50.000" not in texts


def test_a_clicked_tile_opens_its_detail_with_every_figure_and_definition(db_path: Path) -> None:
    name = names_of(db_path)[0]
    app = run(state={"fan_chart": {"selection": {"tile": [{"key": name}]}}})
    assert unescape(app.subheader[0].value) == name
    assert app.selectbox(key="fan_pick").value == name
    figures_table = app.table[0].value
    figure_names = figures_table.iloc[:, 0].map(unescape).tolist()
    for label in (
        "Pris pr. deltager",
        "Jobandel",
        "Mer-effekt",
        "Pris pr. job",
        "Pris pr. ekstra job",
        "Gevinst pr. krone",
        "Kapacitet",
        "Evidens",
    ):
        assert label in figure_names
    assert figures_table.iloc[:, 2].map(len).min() > 10
    assert any("i målgruppen" in t.value for t in app.text)


def test_the_keyboard_list_opens_the_same_detail(db_path: Path) -> None:
    name = names_of(db_path)[-1]
    app = run()
    app.selectbox(key="fan_pick").select(name).run()
    assert not app.exception
    assert unescape(app.subheader[0].value) == name


def test_two_to_four_interventions_are_compared_side_by_side(db_path: Path) -> None:
    first, second, third = names_of(db_path)[:3]
    app = run()
    assert any("mindst 2" in c.value for c in app.caption)
    app.multiselect(key="fan_compare").select(first).select(second).select(third).run()
    assert not app.exception
    compared = app.table[0].value
    assert [unescape(c) for c in compared.columns] == ["Tal", first, second, third]


def test_a_view_too_large_to_choose_from_says_how_to_narrow_it_and_the_search_does(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viften.ui import fan as ui_fan

    names = names_of(db_path)
    monkeypatch.setattr(ui_fan, "CHOICE_LIMIT", len(names) - 1)
    app = run()
    keys = {w.key for w in [*app.selectbox, *app.multiselect]}
    assert not keys & {"fan_pick", "fan_compare"}, "no list of every name is sent"
    told = " ".join(c.value for c in app.caption)
    assert f"Der er {len(names)} indsatser i visningen" in told
    assert "Skriv en del af navnet under Søg" in told
    assert f"højst {len(names) - 1} indsatser for at sammenligne" in told
    assert sorted(listed_names(app)) == sorted(names), "the text list still names every one"
    assert len(chart_tiles(app)) == len(names), "and the matrix still shows every tile"

    narrowed = run(query={"q": names[0]})
    assert narrowed.selectbox(key="fan_pick").options, "the search brings the lists back"
    assert narrowed.multiselect(key="fan_compare") is not None


def test_the_page_speaks_english_when_asked(db_path: Path) -> None:
    app = run({"lang": "en"})
    assert app.title[0].value.startswith("The offering fan")
    assert any(c.value.startswith("Gross:") for c in app.caption)
    assert "Under DKK 50,000" in _label_texts(app)


def test_an_empty_database_says_how_to_fill_it(empty_db: Path) -> None:
    app = run()
    assert app.title[0].value == "Tilbudsviften"
    assert any("ingen indsatser" in i.value.lower() for i in app.info)


def test_filters_that_match_nothing_say_so(db_path: Path) -> None:
    app = run({"q": "ingen indsats hedder sådan"})
    assert any("Ingen indsatser passer" in i.value for i in app.info)


def hostile_database(path: Path) -> list[str]:
    """A database whose interventions have names, providers and texts typed by an attacker."""
    conn = db._open(path)
    try:
        db.create_schema(conn)
    finally:
        conn.close()
    rows = [
        {
            "name": name,
            "year": 2026,
            "target_group": ("closer", "further", "cross")[i % 3],
            "provider": name,
            "provider_type": None,
            "price_per_participant": 10_000.0 * (i + 1),
            "capacity": None,
            "participants": 5,
            "job_rate": 0.3,
            "control_job_rate": 0.2,
            "evidence_stars": 1 + i % 3,
            "effect_rating": "medium",
            "duration_weeks": None,
            "description": name,
            "source": name,
        }
        for i, name in enumerate(HOSTILE)
    ]
    with db.transaction(path) as con:
        store.upsert(con, "tester", rows, list(rows[0]))
    return HOSTILE


def test_hostile_names_are_shown_as_text_and_never_as_markdown(empty_db: Path) -> None:
    names = hostile_database(empty_db)
    app = run(state={"fan_chart": {"selection": {"tile": [{"key": names[0]}]}}})
    # the list under the matrix (the clicked tile's detail panel holds texts too)
    assert any(all(name in e.value for name in names) for e in app.text)
    assert sorted(chart_tiles(app)) == sorted(names)
    assert unescape(app.subheader[0].value) == " ".join(names[0].split())
    cells = [cell for table in app.table for cell in table.value.astype(str).to_numpy().ravel()]
    cells += [str(h) for table in app.table for h in table.value.columns]
    shown = [e.value for e in [*app.markdown, *app.caption, *app.subheader]]
    with_data = [v for v in shown if re.search(r"onerror|javascript|farvet|Overskrift|code", v)]
    assert with_data, "the detail shows no data at all"
    for text in [*cells, *with_data]:
        assert fully_escaped(text), text


def fully_escaped(markdown: str) -> bool:
    """No character that Markdown, HTML, LaTeX or a directive would act on is left bare."""
    bare = re.sub(r"\\.", "", markdown)
    return not any(c in bare for c in "<>*_[]()`$:#|&!~")


def test_the_matrix_can_be_downloaded_as_png_svg_and_pdf(db_path) -> None:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(
        str(Path(__file__).resolve().parents[2] / "pages" / "fan.py"), default_timeout=60
    ).run()
    labels = [b.proto.label for b in app.get("download_button")]
    assert [label for label in labels if "PNG" in label]
    assert [label for label in labels if "SVG" in label]
    assert [label for label in labels if "PDF" in label]


def test_the_detail_of_an_uncertain_effect_says_so(db_path) -> None:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(
        str(Path(__file__).resolve().parents[2] / "pages" / "fan.py"), default_timeout=60
    )
    app.run()
    chooser = [s for s in app.selectbox if "Mentorstøtte" in (s.options or [])]
    chooser[0].set_value("Mentorstøtte").run()
    assert any("kan være nul" in w.value for w in app.warning)


def test_the_first_visit_reads_the_newest_years_interventions_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sidebar asks for the newest year (None), the page for the year it shows: one read."""
    reads: list[int | None] = []
    load_year = figures.load_year

    def counted(path: Path, year: int | None = None, *args: Any) -> figures.YearView:
        reads.append(year)
        return load_year(path, year, *args)

    monkeypatch.setattr(figures, "load_year", counted)
    app = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=30)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.get("vega_lite_chart")
    assert reads == [figures.years(db_path)[0]]
    app.run()
    assert len(reads) == 1
