"""The committee deck: built from a database, opened with python-pptx and read slide by slide."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from viften.actions import settings
from viften.actions.access import VIEWER, Actor, PermissionDenied, command_line_actor
from viften.actions.committee import committee_material
from viften.model import allocator
from viften.model.errors import BadInput
from viften.model.filters import Filters
from viften.present import report
from viften.present import texts as texts_module
from viften.store import db, scenarios
from viften.store import interventions as store
from viften.store import views as figures

HOSTILE = '<b>x</b> & "quotes"'
YEAR = 2026
MADE_ON = dt.date(2026, 3, 9)
GROUPS = ("closer", "further", "cross")


def rows(count: int = 32) -> list[dict[str, object]]:
    """Interventions of every kind: with and without a control group, capacity, participants."""
    out = []
    for i in range(count):
        name = HOSTILE if i == 0 else f"Indsats nr. {i:02d} {'æøå ' * (i % 2)}med et navn".strip()
        if i == 5:
            name = (
                "Et meget langt navn på en indsats der fylder to eller tre linjer i tabellen "
                "og stadig skal stå der helt"
            )
        out.append(
            {
                "name": name,
                "year": YEAR,
                "target_group": GROUPS[i % 3],
                "provider": "Jobcentret",
                "provider_type": "internal" if i % 2 else "external",
                "price_per_participant": 8_000.0 + 3_500.0 * i,
                "capacity": 40 + i,
                "participants": 10 + (i % 7) * 5,
                "job_rate": 0.2 + (i % 9) * 0.05,
                "control_job_rate": None if i % 4 == 3 else 0.18 + (i % 5) * 0.02,
                "evidence_stars": 1 + i % 3,
                "effect_rating": ("high", "medium", "low", None)[i % 4],
                "duration_weeks": 12.0,
                "description": "Beskrivelse",
                "source": f"Kilde {i}: skøn (E)" if i % 6 else None,
            }
        )
    return out


def build_database(path: Path, count: int = 32) -> Path:
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
        data = rows(count)
        store.upsert(con, "tester", data, list(data[0]))
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("report") / "viften.duckdb")


@pytest.fixture(scope="module")
def committee(database: Path) -> report.Committee:
    return committee_material(database, made_on=MADE_ON)


@pytest.fixture(scope="module")
def deck(committee: report.Committee) -> report.DeckFile:
    steps: list[tuple[float, str]] = []
    built = report.build_deck(committee, lambda share, step: steps.append((share, step)))
    assert steps[-1] == (1.0, "committee_step_done")
    assert all(texts_module.has(step) for _, step in steps), "every step has its words"
    assert [s for s, _ in steps] == sorted(s for s, _ in steps), "progress only goes forward"
    return built


@pytest.fixture(scope="module")
def slides(deck: report.DeckFile) -> list:
    return list(Presentation(io.BytesIO(deck.data)).slides)


def title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def texts(slide) -> list[str]:
    """Every paragraph of every text frame and table cell on the slide."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.extend(p.text for p in shape.text_frame.paragraphs)
        if shape.has_table:
            for row in shape.table.rows:
                found.extend(cell.text for cell in row.cells)
    return found


def test_the_deck_is_16_to_9_with_the_slides_in_order(deck: report.DeckFile, slides) -> None:
    presentation = Presentation(io.BytesIO(deck.data))
    assert presentation.slide_width / presentation.slide_height == pytest.approx(16 / 9, 0.01)
    assert deck.slides == len(slides)
    titles = [title(s) for s in slides]
    assert titles[0] == f"Tilbudsviften {YEAR}"
    assert titles[1] == f"Nøgletal {YEAR}"
    assert titles[2] == "Viften: alle målgrupper (model 2)"
    assert titles[3:6] == [
        "Viften: Tættere på arbejdsmarkedet",
        "Viften: Længere fra arbejdsmarkedet",
        "Viften: Tværgående",
    ]
    tables = [t for t in titles if t.startswith("Indsatserne")]
    assert len(tables) >= 3, "32 interventions do not fit one slide"
    after = titles[6 + len(tables) :]
    assert after[:6] == [
        "Fordelingen: nuværende og optimal",
        "Effektivitetsfronten: job for hvert budget",
        "Budgetcasen: kommunens nettogevinst pr. krone",
        "Den nuværende fordeling: de planlagte deltagere",
        "Sådan læses viften",
        "Definitioner og kilder",
    ]
    assert all(t.startswith("Bilag: kilde pr. indsats") for t in after[6:]) and after[6:]


def test_the_title_slide_has_the_municipality_the_year_and_the_date(slides) -> None:
    words = texts(slides[0])
    assert "Kommunen" in words
    assert f"Tilbudsviften {YEAR}" in words
    assert "Udarbejdet 9. marts 2026" in words


def test_every_intervention_is_in_the_table_with_its_figures(slides, committee) -> None:
    cells = [c for s in slides if title(s).startswith("Indsatserne") for c in texts(s)]
    names = committee.frame["name"].tolist()
    assert len(names) == 32
    assert [n for n in names if n not in cells] == []
    assert cells.count("Indsats") == len([s for s in slides if title(s).startswith("Indsatserne")])
    assert "– (ingen kontrolgruppe)" in cells
    assert any(c.endswith(" kr.") for c in cells)
    assert any("pct.point" in c for c in cells)
    assert "★★★" in cells and "★☆☆" in cells


def test_the_table_parts_are_numbered(slides) -> None:
    parts = [title(s) for s in slides if title(s).startswith("Indsatserne")]
    assert parts[0].endswith(f"(1 af {len(parts)})")
    assert parts[-1].endswith(f"({len(parts)} af {len(parts)})")


def test_charts_are_pictures_and_words_are_text(slides) -> None:
    pictured = [
        title(s)
        for s in slides
        if any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in s.shapes)
    ]
    assert pictured == [title(s) for s in slides[2:6]] + [
        "Fordelingen: nuværende og optimal",
        "Effektivitetsfronten: job for hvert budget",
        "Budgetcasen: kommunens nettogevinst pr. krone",
    ]
    for slide in slides:
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert shape.image.content_type == "image/png"
                assert shape.image.size[0] >= report.PICTURE_MIN_WIDTH
                assert shape.left >= 0 and shape.left + shape.width <= Emu(12_192_000)


def test_a_fan_picture_names_its_interventions_in_its_alternative_text(slides, committee) -> None:
    fan = next(s for s in slides if title(s) == "Viften: alle målgrupper (model 2)")
    picture = next(shape for shape in fan.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE)
    described = picture._element.nvPicPr.cNvPr.get("descr")
    assert [n for n in committee.frame["name"] if n not in described] == []


def test_a_name_with_markup_arrives_as_plain_text(deck: report.DeckFile, slides) -> None:
    cells = [c for s in slides for c in texts(s)]
    assert HOSTILE in cells
    with zipfile.ZipFile(io.BytesIO(deck.data)) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.startswith("ppt/slides/slide")
        )
    assert "<b>x</b>" not in xml
    assert (
        '&lt;b&gt;x&lt;/b&gt; &amp; "quotes"' in xml
        or "&lt;b&gt;x&lt;/b&gt; &amp; &quot;quotes&quot;" in xml
    )


def test_the_key_figures_match_the_allocator(slides, committee) -> None:
    data = allocator.Interventions.from_columns(committee.frame.to_dict("series"))
    current = allocator.current(data)
    words = texts(slides[1])
    from viften.present import formatting

    assert formatting.millions(current.spend) in words
    assert formatting.number(sum(current.participants)) in words
    assert "32" in words


def test_the_allocation_compares_the_same_budget(committee) -> None:
    allocs = committee.allocations
    assert allocs is not None and allocs.other is not None
    assert allocs.other.spend <= allocs.budget + 1e-6
    assert allocs.other.net_jobs >= allocs.current.net_jobs - 1e-9
    assert allocs.scenario is None
    frontier = [p for p in allocs.frontier if p.expected_jobs is not None]
    jobs = [p.expected_jobs for p in frontier]
    assert jobs == sorted(jobs), "more money never buys fewer jobs"


def test_the_sources_name_every_intervention(committee, slides) -> None:
    appendix = [c for s in slides if title(s).startswith("Bilag") for c in texts(s)]
    for name, _ in committee.sources:
        assert any(line.startswith(f"•  {name}: ") for line in appendix), name
    assert any("ingen kilde angivet" in line for line in appendix)


def test_a_saved_scenario_replaces_the_optimal_one(tmp_path: Path) -> None:
    path = build_database(tmp_path / "scenario.duckdb", count=9)
    frame = figures.load_year(path).frame
    data = allocator.Interventions.from_columns(frame.to_dict("series"))
    planned = [0] * len(data)
    planned[0] = 3
    with db.transaction(path) as con:
        scenarios.save(
            con,
            "tester",
            "Spar <i>10</i> mio.",
            YEAR,
            data,
            planned,
            {"source": "what_if", "budget": 1_000_000.0},
        )
    material = committee_material(path, scenario="Spar <i>10</i> mio.")
    titles = [v.title for v in material.views]
    assert "Fordelingen: nuværende og scenariet «Spar <i>10</i> mio.»" in titles
    assert material.allocations is not None
    assert material.allocations.scenario == "Spar <i>10</i> mio."
    assert material.allocations.other is not None
    assert material.allocations.other.participants[0] == 3
    with pytest.raises(scenarios.ScenarioNotFound, match="no scenario"):
        committee_material(path, scenario="Findes ikke")


def test_the_municipality_is_a_setting_that_only_admins_change(tmp_path: Path) -> None:
    path = build_database(tmp_path / "municipality.duckdb", count=3)
    assert settings.municipality(path) == "Kommunen"
    with pytest.raises(PermissionDenied):
        settings.save_municipality(path, Actor("Viggo", VIEWER), "Randers")
    with pytest.raises(PermissionDenied, match="admin role"):
        settings.save_municipality(path, Actor("Edda", "editor"), "Randers")
    assert (
        settings.save_municipality(path, command_line_actor(), "  Randers\n Kommune ")
        == "Randers Kommune"
    )
    assert settings.municipality(path) == "Randers Kommune"
    with pytest.raises(BadInput):
        settings.save_municipality(path, command_line_actor(), "   ")
    material = committee_material(path, made_on=MADE_ON)
    deck = report.build_deck(replace(material, views=()))
    first = Presentation(io.BytesIO(deck.data)).slides[0]
    assert "Randers Kommune" in texts(first)


def test_the_material_for_a_screen_skips_the_optimum_of_a_year_too_large_to_wait_for(
    database: Path,
) -> None:
    limited = committee_material(database, exact_limit=5)
    assert limited.allocations is not None
    assert limited.allocations.other is None
    assert "32" in limited.allocations.problem
    whole = committee_material(database)
    assert whole.allocations is not None and whole.allocations.other is not None


def test_a_screen_shows_the_optimal_allocation_when_its_scenario_has_just_been_deleted(
    database: Path,
) -> None:
    material = committee_material(database, scenario="Slettet", missing_scenario_as_optimal=True)
    assert material.allocations is not None and material.allocations.scenario is None


def test_every_key_figure_is_of_the_filtered_interventions_and_every_view_says_so(
    database: Path,
) -> None:
    from viften.present import formatting

    narrowed = committee_material(database, filters=Filters(target_groups=("further",)))
    frame = narrowed.frame
    assert set(frame["target_group"]) == {"further"}
    assert [v.key for v in narrowed.views if v.key.startswith("fan")] == ["fan", "fan_further"]
    figures = {f.label: f.value for f in narrowed.views[0].figures}
    participants = frame["participants"].fillna(0)
    spend = float((participants * frame["price_per_participant"]).sum())
    assert figures["Indsatser"] == formatting.number(len(frame))
    assert figures["Planlagte deltagere"] == formatting.number(participants.sum())
    assert figures["Budget i den nuværende fordeling"] == formatting.millions(spend)
    assert figures["Forventede job"] == formatting.number((participants * frame["job_rate"]).sum())
    assert narrowed.allocations is not None and narrowed.allocations.budget == pytest.approx(spend)
    scope = f"målgruppe: længere væk · {len(frame)} indsatser"
    for view in narrowed.views:
        assert scope in view.note, view.key
        if view.chart is not None:
            spec = view.chart if isinstance(view.chart, dict) else view.chart.to_dict()
            assert scope in str(spec.get("title")), view.key


def test_a_search_that_finds_nothing_shows_no_budget_beside_its_zero(database: Path) -> None:
    material = committee_material(database, filters=Filters(search="findes ikke"))
    (view,) = material.views
    assert [(f.label, f.value) for f in view.figures] == [("Indsatser", "0")]
    assert "søgning: “findes ikke” · 0 indsatser" in view.note


def test_without_planned_participants_the_deck_says_there_is_nothing_to_compare(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unplanned.duckdb"
    con = duckdb.connect(str(path))
    try:
        db.create_schema(con)
        data = [{**row, "participants": None} for row in rows(4)]
        store.upsert(con, "tester", data, list(data[0]))
    finally:
        con.close()
    material = committee_material(path)
    allocation = next(v for v in material.views if v.key == "allocation")
    assert allocation.chart is None and "ingen indsats har et antal" in allocation.note
    assert not [v for v in material.views if v.key == "frontier"]
    chartless = tuple(v for v in material.views if v.chart is None)
    deck = report.build_deck(replace(material, views=chartless))
    titles = [title(s) for s in Presentation(io.BytesIO(deck.data)).slides]
    assert "Fordelingen: nuværende og optimal" in titles


@pytest.mark.parametrize(("count", "pages"), [(0, 0), (1, 1), (13, 1), (14, 2), (40, 4)])
def test_the_table_is_split_over_slides(count: int, pages: int) -> None:
    row = report.TableRow(
        ("Kort navn", "Tættere på", "1 kr.", "2 kr.", "+1,0 pct.point", "3 kr.", "★☆☆"),
        (False,) * 7,
        "closer",
    )
    assert len(report.paginate([row] * count)) == pages


def test_long_names_take_more_room_in_the_table() -> None:
    short = report.TableRow(("Kort",) + ("x",) * 6, (False,) * 7, "closer")
    long = report.TableRow(("ord " * 60,) + ("x",) * 6, (False,) * 7, "closer")
    assert len(report.paginate([long] * 8)) > len(report.paginate([short] * 8))


def test_the_deck_is_written_whole(tmp_path: Path, committee) -> None:
    out = tmp_path / "deck.pptx"
    written = report.write_deck(replace(committee, views=()), out)
    assert out.read_bytes() == written.data
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_a_screen_skips_the_exact_solve_for_a_national_dataset(tmp_path) -> None:
    from viften.actions import database
    from viften.present import report
    from viften.store import views as figures

    view = figures.load_year(database.ensure(tmp_path / "viften.duckdb"))
    allocs = report.allocations(view.frame, "da", exact_limit=5)
    assert allocs.other is None and allocs.frontier == ()
    assert "for mange" in allocs.problem
    assert report.allocations(view.frame, "da").other is not None


def test_the_allocation_slide_gives_a_long_name_the_rows_its_lines_need(
    demo_database: Path,
) -> None:
    from viften.present.charts import labels
    from viften.store import views as figures

    allocs = report.allocations(figures.load_year(demo_database).frame, "da")
    assert allocs.other is not None and len(report.shown_moves(allocs)) >= 10
    short = report.allocation_views(allocs, "da")[0]
    long_name = "Integreret beskæftigelses- og sundhedsindsats for borgere med komplekse " * 2
    longer = replace(
        allocs, moves=tuple(replace(m, name=f"{long_name}{m.name}") for m in allocs.moves)
    )
    tall = report.allocation_views(longer, "da")[0]
    rows = len(report.shown_moves(longer))
    height = tall.chart.to_dict()["height"]
    assert height >= (labels.LINE_PX * labels.MOST_LINES + 8) * rows
    assert height > short.chart.to_dict()["height"]
