"""The presentation page: one view at a time, moved through with buttons; the deck on demand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import sign_in
from streamlit.testing.v1 import AppTest

from viften.actions import settings
from viften.store import db
from viften.store import views as figures

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
PAGE = "pages/presentation.py"
ORDER = [
    "Nøgletal {year}",
    "Viften: alle målgrupper (model 2)",
    "Viften: Tættere på arbejdsmarkedet",
    "Viften: Længere fra arbejdsmarkedet",
    "Viften: Tværgående",
    "Fordelingen: nuværende og optimal",
    "Effektivitetsfronten: job for hvert budget",
    "Budgetcasen: kommunens nettogevinst pr. krone",
    "Den nuværende fordeling: de planlagte deltagere",
]


def shown(markdown: str) -> str:
    """Markdown as the reader sees it: the page escapes every punctuation mark."""
    return re.sub(r"\\(.)", r"\1", markdown)


def page(editor: bool = False, view: int | None = None, role: str = "editor") -> AppTest:
    """The presentation page as the app routes to it (its exit link needs the navigation)."""
    app = AppTest.from_file(APP, default_timeout=90).run()
    if editor:
        sign_in(app, "Test Editor", role)
    if view is not None:
        app.session_state["presentation_view"] = view
    app.switch_page(PAGE)
    return app.run()


@pytest.fixture
def quick_pictures(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tiny picture for every chart view, where the picture itself is not under test."""
    import io

    from PIL import Image

    from viften.ui import presentation

    buffer = io.BytesIO()
    Image.new("RGB", (4, 2), "white").save(buffer, format="PNG")
    monkeypatch.setattr(presentation, "view_picture", lambda choices, key: buffer.getvalue())


@pytest.mark.usefixtures("quick_pictures")
def test_the_views_come_one_at_a_time_in_order(db_path: Path) -> None:
    year = figures.load_year(db_path).year
    app = page()
    assert not app.exception
    expected = [title.format(year=year) for title in ORDER]
    seen = [shown(app.title[0].value)]
    assert app.button(key="presentation_previous").disabled
    for _ in range(len(expected) - 1):
        app.button(key="presentation_next").click().run()
        assert not app.exception
        seen.append(shown(app.title[0].value))
    assert seen == expected
    assert app.button(key="presentation_next").disabled
    app.button(key="presentation_previous").click().run()
    assert shown(app.title[0].value) == expected[-2]


def test_the_key_figures_are_large_numbers(db_path: Path) -> None:
    app = page()
    labels = [shown(metric.label) for metric in app.metric]
    assert "Indsatser" in labels and "Budget i den nuværende fordeling" in labels
    count = len(figures.load_year(db_path).frame)
    assert app.metric[0].value == str(count)


def test_a_chart_view_shows_a_picture_with_the_names_as_alt_text(db_path: Path) -> None:
    app = page()
    app.button(key="presentation_next").click().run()
    pictures = app.get("image")
    assert len(pictures) == 1
    alt = pictures[0].proto.imgs[0].alt
    names = figures.load_year(db_path).frame["name"].tolist()
    assert [name for name in names if name not in alt] == []


def test_the_sidebar_and_header_are_hidden_by_a_fixed_stylesheet(db_path: Path) -> None:
    app = page()
    styles = " ".join(element.proto.body for element in app.get("html"))
    assert '[data-testid="stSidebar"]' in styles and "display: none" in styles
    assert "size: A4 landscape" in styles


def test_the_deck_is_built_with_progress_and_offered_for_download(db_path: Path) -> None:
    app = page()
    app.button(key="presentation_build_deck").click().run()
    assert not app.exception
    assert any("Præsentationen er klar" in s.value for s in app.success)
    assert [b for b in app.get("download_button") if b.proto.id and "pptx" in str(b.proto)]


def test_a_viewer_cannot_change_the_municipality(db_path: Path) -> None:
    app = page()
    field = next(f for f in app.text_input if f.label == "Kommunens navn")
    assert field.disabled and field.value == "Kommunen"


def test_an_editor_may_not_change_the_municipality_a_setting_of_the_admins(
    db_path: Path,
) -> None:
    app = page(editor=True)
    field = next(f for f in app.text_input if f.label == "Kommunens navn")
    assert field.disabled and "administrator" in (field.help or "")


def test_an_admin_saves_the_municipality(db_path: Path) -> None:
    app = page(editor=True, role="admin")
    app.text_input(key="presentation_municipality").set_value("Randers Kommune")
    app.button[[b.label for b in app.button].index("Gem navnet")].click().run()
    assert not app.exception
    assert settings.municipality(db_path) == "Randers Kommune"


@pytest.mark.usefixtures("quick_pictures")
def test_a_saved_scenario_can_be_chosen_instead_of_the_optimum(db_path: Path) -> None:
    from viften.model import allocator
    from viften.store import scenarios

    view = figures.load_year(db_path)
    data = allocator.Interventions.from_columns(view.frame.to_dict("series"))
    with db.transaction(db_path) as con:
        scenarios.save(
            con,
            "tester",
            "Besparelse",
            int(view.year or 0),
            data,
            data.participants // 2,
            {"source": "what_if", "budget": 1.0},
        )
    app = page(view=5)
    assert "Scenarie: Besparelse" in app.selectbox(key="presentation_compare").options
    app.session_state["presentation_compare"] = "Besparelse"
    app.run()
    assert shown(app.title[0].value) == "Fordelingen: nuværende og scenariet «Besparelse»"


@pytest.mark.usefixtures("quick_pictures")
@pytest.mark.parametrize("bad", [-4, 99])
def test_a_view_number_out_of_range_is_brought_back(db_path: Path, bad: int) -> None:
    app = page(view=bad)
    assert not app.exception
    assert app.session_state["presentation_view"] in (0, len(ORDER) - 1)
