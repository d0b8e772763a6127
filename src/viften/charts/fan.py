"""The fan matrix as an Altair chart, drawn from the layout in `viften.fan`.

Every mark sits at the pixel position the layout chose (x and y on identity-like linear
scales), so the picture is the same in the browser, in an exported PNG/SVG/PDF and in the
committee deck. All data is inline: vl-convert renders it with no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import altair as alt

from viften import fan, formatting
from viften.texts import t

if TYPE_CHECKING:
    import pandas as pd

SELECTION = "tile"
"""The name of the point selection on the tiles; its value is the intervention's name."""
SELECT_FIELD = "key"

FanChart = alt.LayerChart


def fan_chart(
    frame: pd.DataFrame,
    lang: str = "da",
    measure: str = "gross",
    rows: str = "effect",
    per_target_group: bool = False,
    band_edges: Sequence[float] | None = None,
    width: float | None = None,
) -> FanChart:
    """The fan matrix of the interventions in `frame` (a derived table, as `figures.load_year`).

    measure: "gross" (price per job) or "additional" (price per additional job).
    rows: "effect" (effect rating high/medium/low) or "stars" (evidence 3/2/1).
    per_target_group: Model 1, one panel per target group; else Model 2, all in one.
    band_edges: the kroner between price columns; None for the measure's defaults.
    width: pixels; None for the default (960). The height follows from the content.
    Clicking a tile selects it: the point selection "tile" holds its name in the field "key".
    """
    return chart_from_layout(
        fan.layout(frame, lang, measure, rows, per_target_group, band_edges, width), lang
    )


def chart_from_layout(layout: fan.FanLayout, lang: str = "da") -> FanChart:
    geo = layout.geometry
    x_scale = alt.Scale(domain=[0, layout.width], range=[0, layout.width], nice=False,
                        zero=False)
    y_scale = alt.Scale(domain=[0, layout.height], range=[0, layout.height], nice=False,
                        zero=False)

    def x(field: str) -> alt.X:
        return alt.X(f"{field}:Q", scale=x_scale, axis=None)

    def y(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", scale=y_scale, axis=None)

    layers: list[alt.Chart] = [
        _grid(layout, x, y),
        _tile_rects(layout, lang, x, y),
        _dashed_outlines(layout, x, y),
        *_tile_text(layout, geo, x, y),
        _legend(layout, x, y),
        *_labels(layout, x, y),
    ]
    chart = alt.layer(*layers).properties(
        width=layout.width, height=layout.height,
    ).configure_view(stroke=None).configure(
        font="Helvetica, Arial, 'Liberation Sans', sans-serif",
        background="#FFFFFF",
        padding=8,
    )
    return chart


def _grid(layout: fan.FanLayout, x: Any, y: Any) -> alt.Chart:
    """Alternating row bands and the column dividers, so cells read as a table."""
    cells = []
    for index, row in enumerate(layout.rows):
        for column in layout.columns:
            cells.append({
                "x": column.x, "x2": column.x + column.width, "y": row.y,
                "y2": row.y + row.height,
                "fill": "#F1F1EE" if column.is_lane else ("#F7F7F5" if index % 2 else "#FFFFFF"),
            })
        cells.append({"x": 0, "x2": layout.geometry.row_label_width, "y": row.y,
                      "y2": row.y + row.height, "fill": "#F7F7F5" if index % 2 else "#FFFFFF"})
    return alt.Chart(alt.Data(values=cells)).mark_rect(
        stroke="#D4D4D0", strokeWidth=0.75, aria=False,
    ).encode(
        x=x("x"), x2="x2:Q", y=y("y"), y2="y2:Q", fill=alt.Fill("fill:N", scale=None),
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
    rating = record.get("effect_rating")
    return {
        "tt_name": tile.name,
        "tt_group": t(f"tg_{tile.target_group}", lang),
        "tt_stars": formatting.stars(tile.stars),
        "tt_effect": t(f"er_{rating}", lang) if rating in ("high", "medium", "low")
        else t("fan_row_unrated", lang),
        "tt_price": formatting.kroner(record.get("price_per_participant"), lang),
        "tt_job_rate": formatting.percent(record.get("job_rate"), lang, 1),
        "tt_control": formatting.percent(record.get("control_job_rate"), lang, 1),
        "tt_net": formatting.points(record.get("net_effect"), lang),
        "tt_ppj": _figure(record, "price_per_job", lang),
        "tt_ppaj": _figure(record, "price_per_additional_job", lang),
        "tt_provider": str(record.get("provider") or t("fan_none", lang)),
        "tt_reason": t(f"fan_lane_{reason}", lang) if reason else "",
    }


def _figure(record: dict[str, Any], column: str, lang: str) -> str:
    from viften.domain import unavailable_reason

    value = record.get(column)
    if formatting.is_missing(value):
        return formatting.missing(unavailable_reason(column, record), lang)
    return formatting.kroner(value, lang)


_TOOLTIP_TITLES = {
    "tt_name": "fan_tt_name", "tt_group": "fan_tt_group", "tt_stars": "fan_tt_stars",
    "tt_effect": "fan_tt_effect", "tt_price": "fan_tt_price", "tt_job_rate": "fan_tt_job_rate",
    "tt_control": "fan_tt_control", "tt_net": "fan_tt_net", "tt_ppj": "fan_tt_ppj",
    "tt_ppaj": "fan_tt_ppaj", "tt_provider": "fan_tt_provider",
}


def _tile_rows(layout: fan.FanLayout, lang: str) -> list[dict[str, Any]]:
    out = []
    for tile in layout.tiles:
        row: dict[str, Any] = {
            SELECT_FIELD: tile.key, "x": tile.x, "x2": tile.x + tile.width, "y": tile.y,
            "y2": tile.y + tile.height, "fill": tile.fill,
            "stroke": tile.fill if tile.reason else tile.stroke,
            "ink": tile.text_color,
            "text": "\n".join(tile.lines), "detail": tile.detail,
            "tx": tile.x + layout.geometry.tile_padding,
            "ty": tile.y + layout.geometry.tile_padding,
            "dy": tile.y + layout.geometry.tile_padding
            + len(tile.lines) * layout.geometry.line_height,
            "aria": f"{tile.name or tile.lines[0]}, {tile.detail}",
        }
        row.update(_tooltip_rows(tile, lang))
        out.append(row)
    return out


def _tile_rects(layout: fan.FanLayout, lang: str, x: Any, y: Any) -> alt.Chart:
    rows = _tile_rows(layout, lang)
    selection = alt.selection_point(name=SELECTION, fields=[SELECT_FIELD], on="click",
                                    clear="dblclick", empty=False)
    aggregated = layout.aggregated
    tooltip_keys = ["tt_name", "tt_group", "tt_ppj"] if aggregated else list(_TOOLTIP_TITLES)
    tooltip = [alt.Tooltip(f"{k}:N", title=t(_TOOLTIP_TITLES[k], lang)) for k in tooltip_keys]
    if aggregated:
        tooltip[0] = alt.Tooltip("tt_name:N", title=t("fan_tt_count", lang))
        tooltip[2] = alt.Tooltip("tt_ppj:N", title=t("fan_median", lang))
    return alt.Chart(alt.Data(values=rows)).mark_rect(
        cornerRadius=3, cursor="pointer",
    ).encode(
        x=x("x"), x2="x2:Q", y=y("y"), y2="y2:Q",
        fill=alt.Fill("fill:N", scale=None),
        stroke=alt.condition(selection, alt.value("#000000"),
                             alt.Stroke("stroke:N", scale=None)),
        strokeWidth=alt.condition(selection, alt.value(3.5), alt.value(1.25)),
        tooltip=tooltip,
        description=alt.Description("aria:N"),
    ).add_params(selection)


def _dashed_outlines(layout: fan.FanLayout, x: Any, y: Any) -> alt.Chart:
    """A dashed border over the tiles that lack the measure, and the legend's example."""
    boxes = [
        {SELECT_FIELD: tile.key, "x": tile.x, "x2": tile.x + tile.width, "y": tile.y,
         "y2": tile.y + tile.height, "stroke": tile.stroke}
        for tile in layout.tiles if tile.reason
    ] + [
        {"x": b.x, "x2": b.x + b.width, "y": b.y, "y2": b.y + b.height, "stroke": b.stroke}
        for b in layout.legend if b.dashed
    ]
    return alt.Chart(alt.Data(values=boxes)).mark_rect(
        fillOpacity=0, strokeWidth=1.75, strokeDash=[5, 3], cornerRadius=3, aria=False,
        cursor="pointer",
    ).encode(x=x("x"), x2="x2:Q", y=y("y"), y2="y2:Q", stroke=alt.Stroke("stroke:N", scale=None))


def _tile_text(layout: fan.FanLayout, geo: fan.Geometry, x: Any, y: Any) -> list[alt.Chart]:
    rows = [
        {SELECT_FIELD: tile.key, "tx": tile.x + geo.tile_padding,
         "ty": tile.y + geo.tile_padding, "text": "\n".join(tile.lines), "detail": tile.detail,
         "dy": tile.y + geo.tile_padding + len(tile.lines) * geo.line_height,
         "ink": tile.text_color}
        for tile in layout.tiles
    ]
    base = alt.Chart(alt.Data(values=rows))
    names = base.mark_text(
        align="left", baseline="top", fontSize=geo.font_size, lineHeight=geo.line_height,
        lineBreak="\n", fontWeight=600, aria=False, cursor="pointer",
    ).encode(x=x("tx"), y=y("ty"), text="text:N", color=alt.Color("ink:N", scale=None))
    details = base.mark_text(
        align="left", baseline="top", fontSize=geo.font_size - 0.5, aria=False,
        cursor="pointer", fontWeight="normal",
    ).encode(x=x("tx"), y=y("dy"), text="detail:N", color=alt.Color("ink:N", scale=None))
    return [names, details]


def _legend(layout: fan.FanLayout, x: Any, y: Any) -> alt.Chart:
    boxes = [
        {"x": b.x, "x2": b.x + b.width, "y": b.y, "y2": b.y + b.height, "fill": b.fill,
         "stroke": b.stroke}
        for b in layout.legend if not b.dashed
    ]
    return alt.Chart(alt.Data(values=boxes)).mark_rect(strokeWidth=1, aria=False).encode(
        x=x("x"), x2="x2:Q", y=y("y"), y2="y2:Q",
        fill=alt.Fill("fill:N", scale=None),
        stroke=alt.Stroke("stroke:N", scale=None),
    )


def _labels(layout: fan.FanLayout, x: Any, y: Any) -> list[alt.Chart]:
    layers = []
    groups: dict[tuple[str, bool, float, str], list[dict[str, Any]]] = {}
    for label in layout.labels:
        groups.setdefault((label.align, label.bold, label.size, label.color), []).append(
            {"x": label.x, "y": label.y, "text": label.text}
        )
    for (align, bold, size, color), values in groups.items():
        layers.append(
            alt.Chart(alt.Data(values=values)).mark_text(
                align=align, baseline="middle", fontSize=size, color=color,  # type: ignore[arg-type]
                fontWeight="bold" if bold else "normal", aria=False, lineBreak="\n",
                lineHeight=size + 2,
            ).encode(x=x("x"), y=y("y"), text="text:N")
        )
    return layers
