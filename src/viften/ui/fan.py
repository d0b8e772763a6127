"""Widgets of the fan pages: the matrix and its switches, the drill-down, the comparison.

Data typed by people (names, descriptions, providers, sources) reaches the screen only
through `st.text`, `st.dataframe`, tables whose cells are escaped by `escape_markdown`, or
chart marks, never as Markdown or HTML that could render.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

from viften.model import domain
from viften.model import filters as flt
from viften.model.target_groups import TARGET_GROUPS
from viften.present import fan, formatting
from viften.present.case import places_text, scope_text
from viften.present.charts import fan as fan_charts
from viften.present.charts import localised, with_scope
from viften.present.formatting import escape_markdown
from viften.present.texts import t
from viften.store import db
from viften.ui import grid
from viften.ui.cache import year_view
from viften.ui.charts import as_sent
from viften.ui.downloads import matrix_downloads
from viften.ui.filters import current
from viften.ui.state import database

if TYPE_CHECKING:
    import pandas as pd

LIST_LIMIT = 500
"""Names listed as text under the matrix; more than this and the list says how many it left."""
CHOICE_LIMIT = 2_000
"""Most interventions in view that the lists to open and compare them offer. Each list sends
every name to the browser: at national size (14.700) the two were four fifths of the page's
first render, and no one scrolls such a list. Above it, the page says how to narrow the view."""
FAN_WIDTH = 880.0
"""Pixels the matrix is laid out for: the page's column at 1366 px with the sidebar open, so
the chart only ever widens to fit its column (its marks spread out, the words keep their
size); on a narrower page its words shrink with it (`charts.fan._fitted`)."""
CHART_KEY = "fan_chart"
_OPEN_DETAIL = "fan_open_detail"
PICK_KEY = "fan_pick"
COMPARE_KEY = "fan_compare"
_LAST_CLICK = "fan_last_click"

# --- the view ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """What the page shows: the filtered interventions of one year."""

    year: int | None
    years: tuple[int, ...]
    filters: flt.Filters
    frame: pd.DataFrame
    """The filtered rows; shared between sessions, so read-only."""
    total: int
    """Interventions of the year before filtering."""


def current_view() -> View:
    filters = current()
    year = year_view(filters.year)
    frame = _filtered(database(), db.data_version(database()), year.year, filters)
    return View(year.year, year.years, filters, frame, len(year.frame))


@st.cache_resource(max_entries=32, show_spinner=False)
def _filtered(
    path: Any, version: tuple[int, int, int, int], year: int | None, filters: flt.Filters
) -> pd.DataFrame:
    return flt.apply(year_view(year).frame, filters).reset_index(drop=True)


def no_data_message(view: View, lang: str) -> bool:
    """Say why there is nothing to show; True when the page should stop here."""
    if view.year is None:
        st.info(t("ui_empty_database", lang))
        return True
    if view.frame.empty:
        st.info(t("ui_nothing_matches", lang))
        return True
    return False


# --- the switches ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FanSettings:
    measure: str = "gross"
    rows: str = "effect"
    per_target_group: bool = False
    band_edges: tuple[float, ...] | None = None
    """None: the measure's default edges."""
    grade: str = "price"
    """What the shade grades: `price` (per job) or `kommune` (net gain per krone)."""


def url_choice(key: str, options: Sequence[str], default: str) -> None:
    """Seed a choice widget from the URL when it first appears (a bad value gives the default).

    Streamlit's own `bind="query-params"` puts the translated label in the URL, so a link
    copied in Danish would not work in English; this keeps the option's code there instead.
    """
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in options else default


def publish(key: str, value: str | None, default: str) -> None:
    """Write a choice to the URL, leaving it out when it is the default."""
    if value is None or value == default:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def _choice(label: str, options: Sequence[str], default: str, key: str, format_func: Any) -> str:
    url_choice(key, options, default)
    value = (
        st.segmented_control(label, list(options), required=True, key=key, format_func=format_func)
        or default
    )
    publish(key, value, default)
    return str(value)


def fan_settings(lang: str) -> FanSettings:
    """The switches above the matrix, kept in the URL so a copied link shows the same view."""
    with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
        measure = _choice(
            t("fan_measure", lang),
            fan.MEASURES,
            "gross",
            "fan_measure",
            lambda m: t(f"fan_measure_{m}", lang),
        )
        rows = _choice(
            t("fan_rows", lang),
            fan.ROW_MODES,
            "effect",
            "fan_rows",
            lambda r: t(f"fan_rows_{r}", lang),
        )
        model = _choice(
            t("fan_model", lang), ("2", "1"), "2", "fan_model", lambda m: t(f"fan_model_{m}", lang)
        )
        grade = _choice(
            t("fan_grade", lang),
            fan.GRADES,
            "price",
            "fan_grade",
            lambda g: t(f"fan_grade_{g}", lang),
        )
        with st.popover(t("fan_bands", lang)):
            typed = st.text_input(
                t("fan_bands", lang),
                key="fan_bands",
                bind="query-params",
                max_chars=120,
                placeholder=", ".join(f"{e:.0f}" for e in fan.default_band_edges(measure)),
                help=t("fan_bands_help", lang),
            )
    st.caption(t(f"fan_measure_help_{measure}", lang))
    if grade == "kommune":
        st.caption(t("fan_grade_help_kommune", lang))
    edges: tuple[float, ...] | None = None
    if typed and typed.strip():
        parsed = fan.parse_band_edges(typed)
        if parsed is None or not any(e > 0 for e in parsed):
            st.warning(t("fan_bands_invalid", lang))
        else:
            edges = fan.clean_band_edges(parsed, measure)
    return FanSettings(measure, rows, model == "1", edges, grade)


# --- the matrix --------------------------------------------------------------------------------


@st.cache_resource(max_entries=64, show_spinner=False)
def _fan_spec(
    path: Any,
    version: tuple[int, int, int, int],
    year: int | None,
    filters: flt.Filters,
    lang: str,
    settings: FanSettings,
) -> tuple[dict[str, Any], dict[str, Any], bool, int]:
    """The matrix's spec (for its pictures) and the same as the page sends it, localised and
    with its data in Arrow (`ui.charts.as_sent`), whether its tiles are aggregated, and how many
    interventions it holds."""
    frame = _filtered(path, version, year, filters)
    if settings.grade == "kommune":
        from viften.present.case import with_gain_per_krone
        from viften.ui.cache import year_assumptions

        frame = with_gain_per_krone(frame, year_assumptions(year))
    layout = fan.layout(
        frame,
        lang,
        settings.measure,
        settings.rows,
        settings.per_target_group,
        settings.band_edges,
        FAN_WIDTH,
        grade=settings.grade,
    )
    spec = fan_charts.spec_from_layout(layout, lang)
    # drawn at its height by Streamlit (`fan_matrix`): the spec the page sends does not
    # change with it, so the browser keeps the chart and swaps its data
    sent = {k: v for k, v in as_sent(localised(spec, lang)).items() if k != "height"}
    return spec, sent, layout.aggregated, layout.count


def prepare(filters: flt.Filters, lang: str) -> None:
    """Fill the shared caches that `fan_matrix` and `name_list` read for `filters` with the
    default switches, as a first visit would (`viften.ui.warm`, at server start)."""
    path, settings = database(), FanSettings()
    version = db.data_version(path)
    _fan_spec(path, version, filters.year, filters, lang, settings)
    _list_lines(path, version, filters.year, filters, settings.measure, lang)


def fan_matrix(view: View, settings: FanSettings, lang: str) -> str | None:
    """Draw the matrix; return the name of the tile clicked, if any."""
    path = database()
    spec, sent, aggregated, count = _fan_spec(
        path, db.data_version(path), view.year, view.filters, lang, settings
    )
    if aggregated:
        # an icon of its own: else Streamlit loads its emoji catalogue to look for one
        st.warning(
            t("fan_aggregated", lang, count=formatting.number(count, lang)),
            icon=":material/stacks:",
        )
    elif not settings.per_target_group:
        # Model 2 across kommuner: which ones the codes on the tiles stand for, and how many
        in_view = places_text(fan.municipalities_in(view.frame), lang)
        if in_view is not None:
            st.caption(escape_markdown(in_view))
    # the list below holds the choice; on a first visit it is still only in the URL
    chosen = st.session_state.get(PICK_KEY) or st.query_params.get(PICK_KEY)
    event = st.vega_lite_chart(
        fan_charts.with_selected(sent, chosen) if isinstance(chosen, str) else sent,
        width="stretch",
        height=math.ceil(spec["height"]),
        key=CHART_KEY,
        on_select="rerun",
        selection_mode=fan_charts.SELECTION,
    )
    # the picture taken away says what it covers: the year, the filters, the kommuner, how many
    places = fan.municipalities_in(view.frame) if not settings.per_target_group else ()
    scope = scope_text(view.year, view.filters, len(view.frame), lang, places)
    matrix_downloads(with_scope(spec, scope), f"tilbudsviften-{view.year}", lang)
    return clicked_name(event)


def clicked_name(event: Any) -> str | None:
    """The name in a chart selection event, or None for no (or an empty) selection."""
    try:
        points = event["selection"][fan_charts.SELECTION]
    except (KeyError, TypeError, IndexError):
        return None
    if isinstance(points, list) and points and isinstance(points[0], dict):
        name = points[0].get(fan_charts.SELECT_FIELD)
        return str(name) if name else None
    return None


def name_list(view: View, settings: FanSettings, lang: str) -> None:
    """Every intervention in view as plain text, cheapest first: name, group, stars, price.

    Plain text, not a table: Streamlit renders table cells as Markdown, which turns a name
    like 'bolig -> job' into 'bolig → job'. Here every name reads exactly as it was typed.
    """
    path = database()
    lines = _list_lines(
        path, db.data_version(path), view.year, view.filters, settings.measure, lang
    )
    st.subheader(t("fan_list_heading", lang), anchor=False)
    if len(view.frame) > LIST_LIMIT:
        st.caption(
            t(
                "fan_list_capped",
                lang,
                shown=formatting.number(LIST_LIMIT, lang),
                count=formatting.number(len(view.frame), lang),
            )
        )
    box = st.container(height=480) if len(lines) > 20 else st.container()
    box.text("\n".join(lines), width="stretch")


@st.cache_resource(max_entries=32, show_spinner=False)
def _list_lines(
    path: Any,
    version: tuple[int, int, int, int],
    year: int | None,
    filters: flt.Filters,
    measure: str,
    lang: str,
) -> list[str]:
    return fan.list_lines(_filtered(path, version, year, filters), measure, lang, LIST_LIMIT)


# --- drill-down --------------------------------------------------------------------------------


def pick(view: View, clicked: str | None, lang: str) -> str | None:
    """The intervention whose detail is open: a click on a tile, or the choice in the list."""
    if len(view.frame) > CHOICE_LIMIT:
        st.caption(_too_many("fan_pick_too_many", len(view.frame), lang))
        return None
    names = sorted(fan.view_keys(view.frame), key=str.casefold)
    last = st.session_state.get(_LAST_CLICK)
    if clicked != last:
        st.session_state[_LAST_CLICK] = clicked
        if clicked in names:
            st.session_state[PICK_KEY] = clicked
            st.session_state[_OPEN_DETAIL] = clicked
    if st.session_state.get(PICK_KEY) not in names:
        st.session_state.pop(PICK_KEY, None)
    chosen = st.selectbox(
        t("fan_pick", lang),
        names,
        index=None,
        key=PICK_KEY,
        placeholder=t("fan_pick_placeholder", lang),
        bind="query-params",
    )
    return chosen if chosen in names else None


def _too_many(key: str, count: int, lang: str) -> str:
    limit = formatting.number(CHOICE_LIMIT, lang)
    return t(key, lang, count=formatting.number(count, lang), limit=limit)


def clicked_detail(view: View, measure: str, lang: str) -> None:
    """The detail of a tile just clicked, in a dialog in the middle of the screen, where the
    eye is (the detail under the matrix is below the fold; a panel at the right edge ran
    past a 1366 screen with a scroll bar). It closes at the next rerun."""
    name = st.session_state.pop(_OPEN_DETAIL, None)
    if not isinstance(name, str) or name not in set(fan.view_keys(view.frame)):
        return
    # a fixed title: a dialog's title is read as Markdown, the name is shown as text inside
    st.dialog(t("fan_detail_panel", lang), width="medium")(detail)(view, name, measure, lang)


def detail(view: View, name: str, measure: str, lang: str) -> None:
    """Every figure of one intervention with its definition, and where it stands in its group."""
    rows = fan.rows_for(view.frame, name)
    if rows.empty:
        return
    record = domain.records(rows)[0]
    with st.container(border=True):
        st.subheader(escape_markdown(name), anchor=False)
        across = len(fan.municipalities_in(view.frame)) > 1
        st.caption(escape_markdown(fan.detail_caption(record, lang, with_place=across)))
        st.text(str(record.get("description") or t("fan_no_description", lang)))
        from viften.model.effects import uncertainty_flags

        flag = uncertainty_flags(rows)[0]
        if flag:
            st.warning(t(f"fan_uncertain_{flag}", lang), icon=":material/help:")
        st.table(fan.detail_table(record, lang), hide_index=True, border="horizontal")
        st.markdown(f"**{t('fan_compare_group', lang)}**")
        st.text(fan.group_text(view.frame, record, measure, lang))
        st.markdown(f"**{t('col_source', lang)}**")
        st.text(str(record.get("source") or t("fan_none", lang)))


# --- comparison --------------------------------------------------------------------------------


def compare(view: View, lang: str) -> None:
    """Choose 2 to 4 interventions and see their figures side by side."""
    st.subheader(t("fan_compare_heading", lang), anchor=False)
    if len(view.frame) > CHOICE_LIMIT:
        st.caption(_too_many("fan_compare_too_many", len(view.frame), lang))
        return
    names = sorted(fan.view_keys(view.frame), key=str.casefold)
    if COMPARE_KEY in st.session_state:
        kept = [n for n in st.session_state[COMPARE_KEY] if n in names]
        if kept != st.session_state[COMPARE_KEY]:
            st.session_state[COMPARE_KEY] = kept
    chosen = st.multiselect(
        t("fan_compare_pick", lang),
        names,
        key=COMPARE_KEY,
        max_selections=4,
        placeholder=t("fan_pick_placeholder", lang),
    )
    if len(chosen) < 2:
        st.caption(t("fan_compare_need_two", lang))
        return
    st.table(fan.compare_table(view.frame, chosen, lang), hide_index=True)


# --- the overview page -----------------------------------------------------------------------


def measure_switch(lang: str, key: str) -> str:
    measure = _choice(
        t("fan_measure", lang), fan.MEASURES, "gross", key, lambda m: t(f"fan_measure_{m}", lang)
    )
    st.caption(t(f"fan_measure_help_{measure}", lang))
    return measure


@st.cache_resource(max_entries=32, show_spinner=False)
def _scatter_spec(
    path: Any,
    version: tuple[int, int, int, int],
    year: int | None,
    filters: flt.Filters,
    lang: str,
    measure: str,
) -> tuple[dict[str, Any], int]:
    frame = _filtered(path, version, year, filters)
    column = fan.measure_column(measure)
    missing = int((frame[column].isna() | frame["net_effect"].isna()).sum())
    chart = fan_charts.scatter_chart(frame, lang, measure).to_dict()
    return as_sent(localised(chart, lang)), missing


def scatter(view: View, measure: str, lang: str) -> None:
    """Price per job against extra effect, size = participants."""
    path = database()
    spec, missing = _scatter_spec(
        path, db.data_version(path), view.year, view.filters, lang, measure
    )
    st.caption(t("fan_overview_intro", lang))
    if len(view.frame) > fan_charts.SCATTER_LIMIT:
        st.caption(
            t(
                "fan_scatter_capped",
                lang,
                shown=formatting.number(fan_charts.SCATTER_LIMIT, lang),
                count=formatting.number(len(view.frame), lang),
            )
        )
    st.vega_lite_chart(spec, width="stretch")
    if missing:
        st.caption(t("fan_scatter_missing", lang, count=formatting.number(missing, lang)))


def ranked_table(view: View, lang: str) -> None:
    """Every intervention in view, ranked by the figure the reader chooses."""
    st.subheader(t("fan_ranked_heading", lang), anchor=False)
    url_choice("ov_sort", list(fan.SORTS), "price_per_job")
    sort = (
        st.selectbox(
            t("fan_sort_by", lang),
            list(fan.SORTS),
            key="ov_sort",
            format_func=lambda c: t(f"col_{c}", lang),
            width=320,
        )
        or "price_per_job"
    )
    publish("ov_sort", sort, "price_per_job")
    path = database()
    table = _ranked(path, db.data_version(path), view.year, view.filters, sort, lang)
    if len(view.frame) > RANKED_LIMIT:
        st.caption(
            t(
                "fan_list_capped",
                lang,
                shown=formatting.number(RANKED_LIMIT, lang),
                count=formatting.number(len(view.frame), lang),
            )
        )
    # st.dataframe draws on a canvas: the cells are never read as Markdown or HTML
    grid.table(table, max_height=640)
    st.caption(t("fan_ranked_caption", lang))


RANKED_LIMIT = 1_000
"""Rows of the ranked table; beyond this a huge view says how many it left out."""


@st.cache_resource(max_entries=32, show_spinner=False)
def _ranked(
    path: Any,
    version: tuple[int, int, int, int],
    year: int | None,
    filters: flt.Filters,
    sort: str,
    lang: str,
) -> pd.DataFrame:
    return fan.ranked_table(_filtered(path, version, year, filters), sort, lang, RANKED_LIMIT)


# --- the caseworker page -----------------------------------------------------------------------

NEED_OPTIONS = ("", *fan.NEEDS)


def caseworker_choices(lang: str) -> tuple[str, str | None, int]:
    """The citizen's target group, an optional need and how many to show."""
    with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
        group = _choice(
            t("fan_cw_group", lang),
            TARGET_GROUPS[:2],
            "closer",
            "cw_group",
            lambda g: t(f"tg_{g}", lang),
        )
        url_choice("cw_need", NEED_OPTIONS, "")
        need = st.selectbox(
            t("fan_cw_need", lang),
            list(NEED_OPTIONS),
            key="cw_need",
            format_func=lambda n: t(f"fan_cw_need_{n}", lang) if n else t("fan_cw_need_any", lang),
            width=280,
        )
        publish("cw_need", need, "")
        limit = st.selectbox(
            t("fan_cw_count", lang), [3, 5, 10], index=1, key="cw_limit", width=120
        )
    return str(group), need or None, int(limit or 5)


def caseworker_list(view: View, group: str, need: str | None, limit: int, lang: str) -> None:
    found = fan.caseworker_list(view.frame, group, need, limit)
    if found.empty:
        st.info(t("fan_cw_none", lang))
        return
    st.caption(t("fan_cw_why", lang))
    for number, record in enumerate(domain.records(found), start=1):
        with st.container(border=True):
            st.subheader(f"{number}. " + escape_markdown(record["name"]), anchor=False)
            price = record.get("price_per_job")
            st.text(
                t(
                    "fan_cw_item",
                    lang,
                    stars=formatting.stars(record["evidence_stars"]),
                    price=formatting.kroner(price, lang),
                )
                if not formatting.is_missing(price)
                else f"{formatting.stars(record['evidence_stars'])}  ·  "
                f"{t('fan_cw_no_price', lang)}"
            )
            st.text(
                t(f"tg_{record['target_group']}", lang)
                + "  ·  "
                + t(f"stars_{int(record['evidence_stars'])}", lang)
            )
            st.text(str(record.get("description") or t("fan_no_description", lang)))
            st.text("\n".join(fan.caseworker_facts(record, lang)))
