"""Presentation mode and the committee's downloads (the deck and the matrix images).

Presentation mode shows one view at a time, large, for a 1920×1080 projector: the key
figures, the fan in Model 2, the fan of each target group, the allocation against the
current one and the frontier. The views are the deck's (`report.committee_views`), so
what the committee sees on the screen is what it takes home. Charts are shown as the
same pictures the deck holds, drawn by vl-convert and scaled to the screen.

Words typed by people (intervention and scenario names) reach the screen as escaped
Markdown or as text in a picture; the only HTML here is the fixed stylesheet below.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from viften.actions import committee as material
from viften.actions import settings
from viften.model import allocator
from viften.model import filters as flt
from viften.model.errors import ViftenError
from viften.present import formatting, images, report
from viften.present.formatting import escape_markdown
from viften.present.texts import t
from viften.store import db, scenarios
from viften.ui.cache import municipality as cached_municipality
from viften.ui.cache import year_view
from viften.ui.downloads import matrix_downloads
from viften.ui.feedback import write_failed
from viften.ui.filters import current, view_query
from viften.ui.state import actor, database

VIEW_KEY = "presentation_view"
COMPARE_KEY = "presentation_compare"
DECK_KEY = "presentation_deck"
MUNICIPALITY_KEY = "presentation_municipality"
OPTIMAL = ""
"""The choice in "compare with" that means the optimal allocation, not a scenario."""
SCREEN_PICTURE_WIDTH = 2400
"""Pixels of a chart picture on screen: sharp on a 1920 px projector, also when zoomed."""
SCREEN_IMAGE_WIDTH = 1840
"""Pixels the picture is sent at: the width of a 1920 px screen inside the margins."""
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

PRESENTATION_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"] {
  display: none !important;
}
[data-testid="stMain"] {
  margin-left: 0 !important;
}
[data-testid="stMainBlockContainer"] {
  padding: 1.4rem 2.6rem 0.6rem 2.6rem !important;
  max-width: 100% !important;
}
[data-testid="stMainBlockContainer"] h1 {
  font-size: 2.8rem !important;
  line-height: 1.15 !important;
  padding: 0 0 0.3rem 0 !important;
}
[data-testid="stMetric"] {
  padding: 1.4rem 1.8rem !important;
}
[data-testid="stMetricLabel"] p {
  font-size: clamp(1.1rem, 1.75vw, 1.7rem) !important;
  line-height: 1.2 !important;
}
[data-testid="stMetricValue"] {
  font-size: clamp(2rem, 3.5vw, 4.2rem) !important;
}
.st-key-presentation_body [data-testid="stCaptionContainer"] p {
  font-size: 1.45rem !important;
}
.st-key-presentation_body [data-testid="stElementContainer"]:has([data-testid="stImage"]) {
  align-self: center !important;
}
.st-key-presentation_body [data-testid="stImage"] img {
  max-height: calc(100vh - 15rem) !important;
  width: auto !important;
  max-width: 100% !important;
  object-fit: contain;
}
.st-key-presentation_controls button p {
  font-size: 1.15rem !important;
}
"""
"""Fixed CSS: the app's chrome hidden and the type made large for a projector."""


# --- the material, cached by the database file's version ------------------------------------


@dataclass(frozen=True)
class Choices:
    """What the presentation shows: the filters, the language and what to compare with."""

    filters: flt.Filters
    lang: str
    scenario: str | None
    """A saved scenario's name, or None for the optimal allocation."""


@st.cache_resource(max_entries=8, show_spinner=False)
def _committee(
    path: Path,
    version: tuple[int, int, int, int],
    choices: Choices,
    box: tuple[float, float],
    today: dt.date,
) -> report.Committee:
    view = year_view(choices.filters.year)
    return material.committee_material(
        path,
        view.year,
        choices.lang,
        choices.filters,
        choices.scenario,
        today,
        box,
        exact_limit=allocator.INTERACTIVE_LIMIT,
        view=view,
        missing_scenario_as_optimal=True,
    )


def committee(
    choices: Choices, box: tuple[float, float] = report.SCREEN_CHART_BOX
) -> report.Committee:
    """The committee's material for the filters in force (read-only: it is shared)."""
    path = database()
    return _committee(path, db.data_version(path), choices, box, dt.date.today())


@st.cache_data(max_entries=48, show_spinner=False)
def _view_picture(
    path: Path, version: tuple[int, int, int, int], choices: Choices, view_key: str, today: dt.date
) -> bytes | None:
    material = _committee(path, version, choices, report.SCREEN_CHART_BOX, today)
    for view in material.views:
        if view.key == view_key and view.chart is not None:
            return images.render(view.chart, choices.lang).png(SCREEN_PICTURE_WIDTH)
    return None


def view_picture(choices: Choices, view_key: str) -> bytes | None:
    path = database()
    return _view_picture(path, db.data_version(path), choices, view_key, dt.date.today())


def choices(lang: str) -> Choices:
    compare = st.session_state.get(COMPARE_KEY) or OPTIMAL
    return Choices(current(), lang, compare or None)


# --- presentation mode ----------------------------------------------------------------------


def hide_chrome() -> None:
    """Hide the sidebar, the header and the toolbar; large type (fixed CSS, no data in it)."""
    st.html(f"<style>{PRESENTATION_CSS}</style>")


def _move(step: int, count: int) -> None:
    index = int(st.session_state.get(VIEW_KEY, 0)) + step
    st.session_state[VIEW_KEY] = max(0, min(count - 1, index))


def position(count: int) -> int:
    """The view on screen, kept within the views there are."""
    index = int(st.session_state.get(VIEW_KEY, 0) or 0)
    index = max(0, min(count - 1, index))
    st.session_state[VIEW_KEY] = index
    return index


def show_view(view: report.View, picked: Choices, lang: str) -> None:
    """One view, filling the screen."""
    with st.container(key="presentation_body"):
        st.title(escape_markdown(view.title), anchor=False)
        if view.figures:
            _key_figures(view.figures)
        elif view.chart is not None:
            with st.spinner(t("committee_drawing", lang)):
                picture = view_picture(picked, view.key)
            if picture is not None:
                # an explicit width: "stretch" would scale the picture down to 1460 px
                st.image(picture, width=SCREEN_IMAGE_WIDTH, alt=view.description or view.title)
        if view.note:
            st.caption(escape_markdown(view.note))


def _key_figures(figures: tuple[report.KeyFigure, ...]) -> None:
    for start in range(0, len(figures), 3):
        columns = st.columns(3, gap="medium")
        for column, figure in zip(columns, figures[start : start + 3], strict=False):
            with column.container(border=True, height="stretch"):
                st.metric(escape_markdown(figure.label), figure.value)
                st.caption(escape_markdown(figure.note) if figure.note else " ")


def controls(
    count: int,
    index: int,
    lang: str,
    picked: Choices,
    year: int | None,
    exit_page: str = "pages/fan.py",
) -> None:
    """Previous and next (also ← and →), where we are, the downloads and the way out."""
    with st.container(
        horizontal=True, vertical_alignment="center", gap="medium", key="presentation_controls"
    ):
        st.button(
            f"◀  {t('committee_previous', lang)}",
            key="presentation_previous",
            shortcut="Left",
            on_click=_move,
            args=(-1, count),
            disabled=index == 0,
        )
        st.markdown(t("committee_position", lang, number=index + 1, count=count))
        st.button(
            f"{t('committee_next', lang)}  ▶",
            key="presentation_next",
            shortcut="Right",
            on_click=_move,
            args=(1, count),
            type="primary",
            disabled=index >= count - 1,
        )
        st.caption(t("committee_keys_hint", lang))
        with st.popover(t("committee_prepare", lang), icon=":material/download:"):
            prepare(lang, picked, year)
        st.page_link(
            exit_page,
            label=t("committee_exit", lang),
            icon=":material/close:",
            query_params=view_query(),
        )


# --- preparing: the municipality, what to compare with, the downloads ------------------------


def prepare(lang: str, picked: Choices, year: int | None) -> None:
    municipality_setting(lang)
    compare_choice(lang, year)
    deck_download(lang, picked)
    st.divider()
    material = committee(picked)
    fans = [v for v in material.views if v.key == "fan" and v.chart is not None]
    if fans:
        matrix_downloads(fans[0].chart, f"tilbudsviften-{year}", lang, key="presentation")
    st.caption(t("committee_print_hint", lang))


def municipality_setting(lang: str) -> None:
    path = database()
    stored = cached_municipality(lang)
    if not actor().can_manage:
        st.text_input(
            t("committee_municipality", lang),
            value=stored,
            disabled=True,
            help=t("committee_municipality_readonly", lang),
        )
        return
    with st.form("presentation_municipality_form", border=False):
        typed = st.text_input(
            t("committee_municipality", lang),
            value=stored,
            max_chars=settings.MAX_MUNICIPALITY_LENGTH,
            key=MUNICIPALITY_KEY,
        )
        if st.form_submit_button(t("committee_municipality_save", lang)):
            try:
                settings.save_municipality(path, actor(), typed)
            except ViftenError as error:
                write_failed(error, lang)
            else:
                st.toast(t("committee_municipality_saved", lang))


def compare_choice(lang: str, year: int | None) -> None:
    names = saved_scenarios(year)
    if st.session_state.get(COMPARE_KEY) not in [OPTIMAL, *names]:
        st.session_state[COMPARE_KEY] = OPTIMAL
    st.selectbox(
        t("committee_compare_with", lang),
        [OPTIMAL, *names],
        key=COMPARE_KEY,
        format_func=lambda name: (
            t("committee_compare_optimal", lang)
            if name == OPTIMAL
            else t("committee_scenario_option", lang, name=name)
        ),
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _scenario_names(path: Path, version: tuple[int, int, int, int], year: int) -> list[str]:
    with db.connect(path) as con:
        return [scenario.name for scenario in scenarios.list_scenarios(con, year)]


def saved_scenarios(year: int | None) -> list[str]:
    if year is None:
        return []
    path = database()
    return _scenario_names(path, db.data_version(path), year)


def deck_download(lang: str, picked: Choices) -> None:
    """Build the deck with a progress bar, then offer it for download."""
    path = database()
    signature = (
        str(path),
        db.data_version(path),
        picked,
        cached_municipality(lang),
        dt.date.today(),
    )
    st.caption(t("committee_deck_scope", lang))
    if st.button(
        t("committee_build_deck", lang), key="presentation_build_deck", icon=":material/slideshow:"
    ):
        bar = st.progress(0.0, text=t("committee_step_data", lang))
        started = time.monotonic()

        def advance(share: float, step: str) -> None:
            bar.progress(min(1.0, max(0.0, share)), text=t(step, lang))

        material = committee(picked, report.SLIDE_CHART_BOX)
        deck = report.build_deck(material, advance)
        bar.empty()
        st.session_state[DECK_KEY] = (
            signature,
            deck.data,
            deck.slides,
            time.monotonic() - started,
            material.year,
        )
    built = st.session_state.get(DECK_KEY)
    if built is not None and built[0] == signature:
        _, data, slides, seconds, year = built
        st.success(
            t("committee_built", lang, slides=slides, seconds=formatting.number(seconds, lang, 1))
        )
        st.download_button(
            t("committee_download_deck", lang),
            data,
            file_name=f"tilbudsviften-{year}.pptx",
            mime=PPTX_MIME,
            on_click="ignore",
            key="presentation_deck_download",
            icon=":material/download:",
            type="primary",
        )


def present(lang: str) -> None:
    """The whole presentation page."""
    hide_chrome()
    picked = choices(lang)
    material = committee(picked)
    views = material.views
    if material.year is None:
        st.info(t("ui_empty_database", lang))
        return
    index = position(len(views))
    show_view(views[index], picked, lang)
    controls(len(views), index, lang, picked, material.year)
