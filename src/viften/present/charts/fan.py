"""The fan matrix as an Altair chart, drawn from the layout in `viften.present.fan`.

Every mark sits at the pixel position the layout chose (x and y on identity-like linear
scales), so the picture is the same in the browser, in an exported PNG/SVG/PDF and in the
committee deck. All data is inline: vl-convert renders it with no network.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viften.model.target_groups import COLOURS, TARGET_GROUPS
from viften.present import fan, formatting
from viften.present.charts import locale
from viften.present.texts import t

if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

SELECTION = "tile"
"""The name of the point selection on the tiles; its value is the intervention's name."""
SELECT_FIELD = "key"

FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"


def fan_chart(
    frame: pd.DataFrame,
    lang: str = "da",
    measure: str = "gross",
    rows: str = "effect",
    per_target_group: bool = False,
    band_edges: Sequence[float] | None = None,
    width: float | None = None,
) -> alt.LayerChart:
    """The fan matrix of the interventions in `frame` (a derived table, as `figures.load_year`).

    measure: "gross" (price per job) or "additional" (price per additional job).
    rows: "effect" (effect rating high/medium/low) or "stars" (evidence 3/2/1).
    per_target_group: Model 1, one panel per target group; else Model 2, all in one.
    band_edges: the kroner between price columns; None for the measure's defaults.
    width: pixels; None for the default (960). The height follows from the content.
    Clicking a tile selects it: the point selection "tile" holds its name in the field "key".
    """
    layout = fan.layout(frame, lang, measure, rows, per_target_group, band_edges, width)
    return chart_from_layout(layout, lang)


def fan_spec(
    frame: pd.DataFrame,
    lang: str = "da",
    measure: str = "gross",
    rows: str = "effect",
    per_target_group: bool = False,
    band_edges: Sequence[float] | None = None,
    width: float | None = None,
) -> dict[str, Any]:
    """The same chart as a Vega-Lite dict, built without Altair's per-call cost (for the app)."""
    layout = fan.layout(frame, lang, measure, rows, per_target_group, band_edges, width)
    return spec_from_layout(layout, lang)


def chart_from_layout(layout: fan.FanLayout, lang: str = "da") -> alt.LayerChart:
    marked = bool(layout.municipalities)
    chart = _structure(lang, layout.aggregated, layout.width, layout.height, marked)
    return chart.properties(datasets=_datasets(layout, lang))


def spec_from_layout(layout: fan.FanLayout, lang: str = "da") -> dict[str, Any]:
    spec = _fill_size(
        copy.deepcopy(_template(lang, layout.aggregated, bool(layout.municipalities))),
        layout.width,
        layout.height,
    )
    spec["datasets"] = _datasets(layout, lang)
    return spec


_WIDTH_MARK = 987_654.0
_HEIGHT_MARK = 876_543.0


TEMPLATES = Path(__file__).with_name("fan_templates.json")
"""The app's chart templates, as `built_template` makes them, kept so that the landing page
never loads Altair (about half a second of a first render): `scripts/fan_templates.py`
writes them again, and a test fails while they differ from what Altair builds."""


@functools.lru_cache(maxsize=8)
def _template(lang: str, aggregated: bool, marked: bool = False) -> dict[str, Any]:
    """The chart without data, with marker numbers where the size goes: the stored one, or
    one built where none is stored."""
    stored = stored_templates().get(template_key(lang, aggregated, marked))
    return stored if stored is not None else built_template(lang, aggregated, marked)


def built_template(lang: str, aggregated: bool, marked: bool = False) -> dict[str, Any]:
    """The template built with Altair. Not validated against the schema here: that is half its
    time, and the same structure is validated by `chart_from_layout` (exports, tests)."""
    return _structure(lang, aggregated, _WIDTH_MARK, _HEIGHT_MARK, marked).to_dict(validate=False)


def template_key(lang: str, aggregated: bool, marked: bool) -> str:
    return f"{lang}|{'aggregated' if aggregated else 'tiles'}|{'marked' if marked else 'plain'}"


@functools.cache
def stored_templates() -> dict[str, dict[str, Any]]:
    """The templates in TEMPLATES by `template_key` (none where the file is missing)."""
    try:
        found: dict[str, dict[str, Any]] = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return found


def every_template() -> dict[str, dict[str, Any]]:
    """Every template the app can ask for, built with Altair, by `template_key`."""
    from viften.present.texts import LANGUAGES

    return {
        template_key(lang, aggregated, marked): built_template(lang, aggregated, marked)
        for lang in LANGUAGES
        for aggregated in (False, True)
        for marked in (False, True)
    }


def _fill_size(node: Any, width: float, height: float) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = _fill_size(value, width, height)
    elif isinstance(node, list):
        return [_fill_size(v, width, height) for v in node]
    elif isinstance(node, str) and repr(_WIDTH_MARK) in node:
        return node.replace(repr(_WIDTH_MARK), repr(float(width)))
    elif node == _WIDTH_MARK:
        return width
    elif node == _HEIGHT_MARK:
        return height
    return node


def _structure(
    lang: str, aggregated: bool, width: float, height: float, marked: bool = False
) -> alt.LayerChart:
    """Marks, encodings and the selection; the data comes in named datasets. `marked`: the
    tiles carry their kommune (Model 2 across kommuner), and the tooltip names it."""
    import altair as alt

    x_scale = alt.Scale(domain=[0, width], nice=False, zero=False)
    # the height is not in the y scale but in the data (`_frame`): a switch that changes only
    # the fan's height then leaves its spec as it was, and the browser swaps the data of the
    # chart it has instead of compiling a new one (the page gives the height to Streamlit)
    y_scale = alt.Scale(nice=False, zero=False, reverse=True)

    def x(field: str) -> alt.X:
        return alt.X(f"{field}:Q", scale=x_scale, axis=None)

    def y(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", scale=y_scale, axis=None)

    layers: list[alt.Chart] = [
        _frame(y),
        _grid(x, y),
        _tile_rects(lang, aggregated, x, y, marked),
        _dashed_outlines(x, y),
        *_tile_text(x, y, width),
        _legend(x, y),
        *_labels(x, y, width),
    ]
    return (
        alt.layer(*layers)
        .properties(width=width, height=height)
        .configure(
            font=FONT,
            background="#FFFFFF",
            padding=8,
        )
        # after `configure`, which would replace it: no frame round the legend and the grid
        .configure_view(strokeWidth=0)
    )


def _data(name: str) -> alt.Chart:
    import altair as alt

    return alt.Chart(alt.NamedData(name=name))


def _frame(y: Any) -> alt.Chart:
    """Two invisible rules at the top and the bottom of the fan: the y scale's domain, from 0
    to the height, comes from them (every other mark lies between)."""
    return _data("frame").mark_rule(opacity=0, strokeWidth=0, aria=False).encode(y=y("y"))


def _datasets(layout: fan.FanLayout, lang: str) -> dict[str, list[dict[str, Any]]]:
    tiles = _tile_rows(layout, lang)
    return {
        "frame": [{"y": 0.0}, {"y": float(layout.height)}],
        "grid": _grid_rows(layout),
        "tiles": tiles,
        "dashed": _dashed_rows(layout),
        "legend": [
            {
                "x": b.x,
                "x2": b.x + b.width,
                "y": b.y,
                "y2": b.y + b.height,
                "fill": b.fill,
                "stroke": b.stroke,
            }
            for b in layout.legend
            if not b.dashed
        ],
        **_label_rows(layout),
    }


def _grid_rows(layout: fan.FanLayout) -> list[dict[str, Any]]:
    """Alternating row bands and the column dividers, so cells read as a table."""
    cells = []
    for index, row in enumerate(layout.rows):
        shade = "#F7F7F5" if index % 2 else "#FFFFFF"
        for column in layout.columns:
            cells.append(
                {
                    "x": column.x,
                    "x2": column.x + column.width,
                    "y": row.y,
                    "y2": row.y + row.height,
                    "fill": "#F1F1EE" if column.is_lane else shade,
                }
            )
        cells.append(
            {
                "x": 0,
                "x2": layout.geometry.row_label_width,
                "y": row.y,
                "y2": row.y + row.height,
                "fill": shade,
            }
        )
    return cells


def _grid(x: Any, y: Any) -> alt.Chart:
    import altair as alt

    return (
        _data("grid")
        .mark_rect(stroke="#D4D4D0", strokeWidth=0.75, aria=False)
        .encode(
            x=x("x"),
            x2="x2:Q",
            y=y("y"),
            y2="y2:Q",
            fill=alt.Fill("fill:N", scale=None),
        )
    )


def _tooltip_rows(tile: fan.Tile, lang: str) -> dict[str, str]:
    record = tile.record
    if tile.count > 1 or not tile.name:
        return {
            "tt_name": t("fan_tile_count", lang, count=formatting.number(tile.count, lang)),
            "tt_group": t(f"tg_{tile.target_group}", lang),
            "tt_ppj": formatting.kroner(tile.value, lang),
        }
    reason = tile.reason

    def figure(name: str) -> str:
        return formatting.figure_value(name, record, lang)

    return {
        "tt_name": tile.name,
        "tt_group": t(f"tg_{tile.target_group}", lang),
        "tt_stars": formatting.stars(tile.stars),
        "tt_effect": figure("effect_rating"),
        "tt_price": figure("price_per_participant"),
        "tt_job_rate": figure("job_rate"),
        "tt_control": figure("control_job_rate"),
        "tt_net": figure("net_effect"),
        "tt_ppj": figure("price_per_job"),
        "tt_ppaj": figure("price_per_additional_job"),
        "tt_provider": str(record.get("provider") or t("fan_none", lang)),
        "tt_reason": t(f"fan_lane_{reason}", lang) if reason else "",
        "tt_uncertain": t(f"fan_uncertain_{tile.uncertain}", lang) if tile.uncertain else "",
        "tt_kommune": _gain_per_krone(record, lang),
    }


def _gain_per_krone(record: dict[str, Any], lang: str) -> str:
    """The kommune's net gain per krone where the frame carries it, else nothing."""
    from viften.present import case as budget_case

    if budget_case.PER_KRONE_COLUMN not in record:
        return ""
    value = record[budget_case.PER_KRONE_COLUMN]
    if formatting.is_missing(value):
        return formatting.missing(budget_case.per_krone_reason(record), lang)
    return budget_case.per_krone_text(value, lang)


_TOOLTIP_TITLES = {
    "tt_name": "fan_tt_name",
    "tt_group": "fan_tt_group",
    "tt_stars": "fan_tt_stars",
    "tt_effect": "fan_tt_effect",
    "tt_price": "fan_tt_price",
    "tt_job_rate": "fan_tt_job_rate",
    "tt_control": "fan_tt_control",
    "tt_net": "fan_tt_net",
    "tt_ppj": "fan_tt_ppj",
    "tt_ppaj": "fan_tt_ppaj",
    "tt_provider": "fan_tt_provider",
    "tt_uncertain": "fan_tt_uncertain",
    "tt_kommune": "fan_tt_kommune",
}


def _tile_rows(layout: fan.FanLayout, lang: str) -> list[dict[str, Any]]:
    out = []
    for tile in layout.tiles:
        row: dict[str, Any] = {
            SELECT_FIELD: tile.key,
            "x": tile.x,
            "x2": tile.x + tile.width,
            "y": tile.y,
            "y2": tile.y + tile.height,
            "fill": tile.fill,
            "stroke": tile.fill if tile.reason else tile.stroke,
            "ink": tile.text_color,
            "text": "\n".join(tile.lines),
            "detail": tile.detail,
            "tx": tile.x + layout.geometry.tile_padding,
            "ty": tile.y + layout.geometry.tile_padding,
            "dy": tile.y
            + layout.geometry.tile_padding
            + len(tile.lines) * layout.geometry.line_height,
            "aria": f"{tile.name or tile.lines[0]}, {tile.detail}",
        }
        if layout.municipalities:
            place = tile.municipality or t("bm_own_municipality", lang)
            row[MUNICIPALITY_FIELD] = place
            row["aria"] = f"{row['aria']}, {place}"
        row.update(_tooltip_rows(tile, lang))
        out.append(row)
    return out


def with_selected(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """The spec with the tile of `name` selected from the start (outlined as a click does), for
    an intervention chosen from the list or a shared link. The cached spec is not changed."""
    params = [
        dict(p, value=[{SELECT_FIELD: name}]) if p.get("name") == SELECTION else p
        for p in spec.get("params", [])
    ]
    return {**spec, "params": params}


MUNICIPALITY_FIELD = "tt_municipality"
"""The tile's kommune, where the chart marks the kommuner (`FanLayout.municipalities`)."""


def _tile_rects(lang: str, aggregated: bool, x: Any, y: Any, marked: bool = False) -> alt.Chart:
    import altair as alt

    selection = alt.selection_point(
        name=SELECTION, fields=[SELECT_FIELD], on="click", clear="dblclick", empty=False
    )
    tooltip_keys = ["tt_name", "tt_group", "tt_ppj"] if aggregated else list(_TOOLTIP_TITLES)
    tooltip = [alt.Tooltip(f"{k}:N", title=t(_TOOLTIP_TITLES[k], lang)) for k in tooltip_keys]
    if aggregated:
        tooltip[0] = alt.Tooltip("tt_name:N", title=t("fan_tt_count", lang))
        tooltip[2] = alt.Tooltip("tt_ppj:N", title=t("fan_median", lang))
    if marked:
        tooltip.insert(
            1, alt.Tooltip(f"{MUNICIPALITY_FIELD}:N", title=t("fan_tt_municipality", lang))
        )
    return (
        _data("tiles")
        .mark_rect(cornerRadius=3, cursor="pointer")
        .encode(
            x=x("x"),
            x2="x2:Q",
            y=y("y"),
            y2="y2:Q",
            fill=alt.Fill("fill:N", scale=None),
            stroke=alt.condition(
                selection, alt.value("#000000"), alt.Stroke("stroke:N", scale=None)
            ),
            strokeWidth=alt.condition(selection, alt.value(3.5), alt.value(1.25)),
            tooltip=tooltip,
            description=alt.Description("aria:N"),
        )
        .add_params(selection)
    )


def _dashed_rows(layout: fan.FanLayout) -> list[dict[str, Any]]:
    """A dashed border over the tiles that lack the measure, and the legend's example."""
    return [
        {
            SELECT_FIELD: tile.key,
            "x": tile.x,
            "x2": tile.x + tile.width,
            "y": tile.y,
            "y2": tile.y + tile.height,
            "stroke": tile.stroke,
        }
        for tile in layout.tiles
        if tile.reason
    ] + [
        {"x": b.x, "x2": b.x + b.width, "y": b.y, "y2": b.y + b.height, "stroke": b.stroke}
        for b in layout.legend
        if b.dashed
    ]


def _dashed_outlines(x: Any, y: Any) -> alt.Chart:
    import altair as alt

    return (
        _data("dashed")
        .mark_rect(
            fillOpacity=0,
            strokeWidth=1.75,
            strokeDash=[5, 3],
            cornerRadius=3,
            aria=False,
            cursor="pointer",
        )
        .encode(x=x("x"), x2="x2:Q", y=y("y"), y2="y2:Q", stroke=alt.Stroke("stroke:N", scale=None))
    )


def _fitted(size: float | str, width: float) -> dict[str, str]:
    """A font size that shrinks with the chart when the page is narrower than the layout
    (the browser fits the chart's width to its column, and a text mark does not scale), so
    no word runs out of its tile; it never grows. `size` is points or a field's name."""
    base = f"datum.{size}" if isinstance(size, str) else repr(float(size))
    return {"expr": f"{base} * min(1, width / {width!r})"}


def _tile_text(x: Any, y: Any, width: float) -> list[alt.Chart]:
    """The name and the line of stars and price, on the tiles' own data."""
    import altair as alt

    geo = fan.DEFAULT_GEOMETRY
    base = _data("tiles")
    names = base.mark_text(
        align="left",
        baseline="top",
        fontSize=_fitted(geo.font_size, width),
        lineHeight=geo.line_height,
        lineBreak="\n",
        fontWeight=600,
        aria=False,
        cursor="pointer",
    ).encode(x=x("tx"), y=y("ty"), text="text:N", color=alt.Color("ink:N", scale=None))
    details = base.mark_text(
        align="left",
        baseline="top",
        fontSize=_fitted(geo.font_size - 0.5, width),
        lineBreak="\n",
        lineHeight=geo.line_height,
        aria=False,
        cursor="pointer",
        fontWeight="normal",
    ).encode(x=x("tx"), y=y("dy"), text="detail:N", color=alt.Color("ink:N", scale=None))
    return [names, details]


def _legend(x: Any, y: Any) -> alt.Chart:
    import altair as alt

    return (
        _data("legend")
        .mark_rect(strokeWidth=1, aria=False)
        .encode(
            x=x("x"),
            x2="x2:Q",
            y=y("y"),
            y2="y2:Q",
            fill=alt.Fill("fill:N", scale=None),
            stroke=alt.Stroke("stroke:N", scale=None),
        )
    )


_LABEL_STYLES = (("left", True), ("left", False), ("center", True), ("center", False))
"""Alignment and weight cannot be encoded from data, so each pair is a layer of its own."""


def _label_rows(layout: fan.FanLayout) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {f"labels{i}": [] for i in range(len(_LABEL_STYLES))}
    for label in layout.labels:
        index = _LABEL_STYLES.index(
            (label.align if label.align == "center" else "left", label.bold)
        )
        out[f"labels{index}"].append(
            {"x": label.x, "y": label.y, "text": label.text, "size": label.size, "ink": label.color}
        )
    return out


def _labels(x: Any, y: Any, width: float) -> list[alt.Chart]:
    import altair as alt

    return [
        _data(f"labels{index}")
        .mark_text(
            align=align,  # type: ignore[arg-type]
            baseline="middle",
            fontWeight="bold" if bold else "normal",
            aria=False,
            lineBreak="\n",
            lineHeight=14,
            fontSize=_fitted("size", width),
        )
        .encode(
            x=x("x"),
            y=y("y"),
            text="text:N",
            color=alt.Color("ink:N", scale=None),
        )
        for index, (align, bold) in enumerate(_LABEL_STYLES)
    ]


# --- the scatter of the overview page -----------------------------------------------------------

LOG_TICKS = [1_000 * m * 10**k for k in range(0, 6) for m in (1, 2, 5)]
"""Round kroner for the log axis: 1.000, 2.000, 5.000, 10.000, ... 500.000.000."""


def scatter_rows(
    frame: pd.DataFrame, lang: str = "da", measure: str = "gross"
) -> list[dict[str, Any]]:
    """The interventions that have both an extra effect and the measure, ready to plot."""
    from viften.model.domain import records

    column = fan.measure_column(measure)
    out = []
    for record in records(frame):
        value, effect = record.get(column), record.get("net_effect")
        if formatting.is_missing(value) or formatting.is_missing(effect):
            continue
        group = str(record.get("target_group"))
        out.append(
            {
                "name": str(record["name"]),
                "points": float(effect or 0) * 100,
                "price": float(value or 0),
                "participants": float(record.get("participants") or 0),
                "group": t(f"tg_{group}_short", lang),
                "group_key": group,
                "tt_ppj": formatting.kroner(value, lang),
                "tt_net": formatting.points(effect, lang),
                "tt_participants": formatting.number(record.get("participants"), lang),
                "tt_stars": formatting.stars(record.get("evidence_stars")),
            }
        )
    return out


SCATTER_LIMIT = 2_000
"""Dots in the scatter; a bigger view shows those with the most participants."""


def scatter_chart(
    frame: pd.DataFrame, lang: str = "da", measure: str = "gross", height: int = 460
) -> alt.LayerChart:
    """Price per job (log scale) against extra effect; dot size = participants.

    At most SCATTER_LIMIT dots, those with the most participants (the caller says so).
    """
    import altair as alt

    if len(frame) > SCATTER_LIMIT:
        frame = frame.sort_values("participants", ascending=False, kind="stable").head(
            SCATTER_LIMIT
        )
    rows = scatter_rows(frame, lang, measure)
    column = fan.measure_column(measure)
    groups = list(TARGET_GROUPS)
    colour = alt.Color(
        "group:N",
        title=t("target_group", lang),
        scale=alt.Scale(
            domain=[t(f"tg_{g}_short", lang) for g in groups], range=[COLOURS[g] for g in groups]
        ),
        legend=alt.Legend(orient="top"),
    )
    base = alt.Chart(alt.NamedData(name="dots"))
    dots = base.mark_circle(opacity=0.8, stroke="#333333", strokeWidth=0.75).encode(
        x=alt.X(
            "points:Q",
            title=t("col_net_effect", lang) + " (pct.point)"
            if lang != "en"
            else t("col_net_effect", lang) + " (pp)",
            axis=alt.Axis(format=",.1f"),
        ),
        y=alt.Y(
            "price:Q",
            title=t(f"col_{column}", lang),
            scale=alt.Scale(type="log"),
            axis=alt.Axis(format=",.0f", values=LOG_TICKS),
        ),
        size=alt.Size(
            "participants:Q",
            title=t("col_participants", lang),
            scale=alt.Scale(range=[40, 900]),
            # on the right, where the layout makes room for it: on top, beside the groups'
            # legend, it ran past the chart's right edge at 1366 px
            legend=alt.Legend(orient="right"),
        ),
        color=colour,
        tooltip=[
            alt.Tooltip("name:N", title=t("fan_tt_name", lang)),
            alt.Tooltip("group:N", title=t("fan_tt_group", lang)),
            alt.Tooltip("tt_stars:N", title=t("fan_tt_stars", lang)),
            alt.Tooltip("tt_net:N", title=t("fan_tt_net", lang)),
            alt.Tooltip("tt_ppj:N", title=t(f"col_{column}", lang)),
            alt.Tooltip("tt_participants:N", title=t("col_participants", lang)),
        ],
        description=alt.Description("name:N"),
    )
    names = base.mark_text(align="left", dx=9, fontSize=10.5, color="#333333").encode(
        x="points:Q",
        y="price:Q",
        text="name:N",
    )
    zero = (
        alt.Chart(alt.Data(values=[{"x": 0}]))
        .mark_rule(color="#888888", strokeDash=[4, 3])
        .encode(x="x:Q")
    )
    chart = alt.layer(zero, dots, names).properties(height=height, datasets={"dots": rows})
    return chart.configure(
        font=FONT,
        locale=locale(lang),
    )
