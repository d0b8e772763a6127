"""The moves of the fan from one year to the next: an arrow per intervention from its price
per job and job rate of the first year to those of the second. Altair only, never `st`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import altair as alt

from viften.model.target_groups import COLOURS
from viften.present.texts import t

WIDTH, HEIGHT = 640, 380


def _angle(
    row: dict[str, Any], x_domain: tuple[float, float], y_domain: tuple[float, float]
) -> float:
    """The arrowhead's rotation in degrees (clockwise, 0 pointing right) on the drawn scales:
    x is logarithmic, y linear, both as wide as the chart."""
    span_x = math.log10(x_domain[1]) - math.log10(x_domain[0]) or 1.0
    span_y = (y_domain[1] - y_domain[0]) or 1.0
    dx = (math.log10(row["x1"]) - math.log10(row["x0"])) / span_x * WIDTH
    dy = (row["y1"] - row["y0"]) / span_y * HEIGHT
    return -math.degrees(math.atan2(dy, dx))


def moves_chart(
    rows: Sequence[dict[str, Any]], before: int, after: int, lang: str
) -> alt.LayerChart:
    """Arrows from `before` to `after`, coloured by target group; the name on hover."""
    xs = [r[k] for r in rows for k in ("x0", "x1")] or [1.0, 10.0]
    ys = [r[k] for r in rows for k in ("y0", "y1")] or [0.0, 1.0]
    x_domain = (min(xs) / 1.3, max(xs) * 1.3)
    y_domain = (max(0.0, min(ys) - 0.05), min(1.0, max(ys) + 0.05))
    data = [
        {
            **r,
            "angle": _angle(r, x_domain, y_domain),
            "group": t(f"tg_{r['target_group']}", lang),
            "label": f"{r['name']}: {before} → {after}",
        }
        for r in rows
    ]
    groups = [code for code in COLOURS]
    colour = alt.Color(
        "target_group:N",
        scale=alt.Scale(domain=groups, range=[COLOURS[g] for g in groups]),
        legend=alt.Legend(
            title=None,
            orient="bottom",
            labelExpr="{"
            + ", ".join(f"'{g}': '{t(f'tg_{g}', lang)}'" for g in groups)
            + "}[datum.label]",
        ),
    )
    x = alt.X(
        "x0:Q",
        scale=alt.Scale(type="log", domain=list(x_domain)),
        title=t("col_price_per_job", lang),
        axis=alt.Axis(format="~s"),
    )
    y = alt.Y(
        "y0:Q",
        scale=alt.Scale(domain=list(y_domain)),
        title=t("col_job_rate", lang),
        axis=alt.Axis(format="%"),
    )
    base = alt.Chart(alt.Data(values=data)).properties(width=WIDTH, height=HEIGHT)
    tooltip = [alt.Tooltip("label:N", title=t("col_name", lang))]
    lines = base.mark_rule(strokeWidth=2).encode(x=x, y=y, x2="x1:Q", y2="y1:Q", color=colour)
    start = base.mark_point(filled=False, size=60).encode(x=x, y=y, color=colour, tooltip=tooltip)
    heads = base.mark_point(shape="triangle-right", filled=True, size=140, opacity=1).encode(
        x=alt.X("x1:Q", scale=alt.Scale(type="log", domain=list(x_domain))),
        y=alt.Y("y1:Q", scale=alt.Scale(domain=list(y_domain))),
        angle=alt.Angle("angle:Q", scale=None),
        color=colour,
        tooltip=tooltip,
    )
    return alt.LayerChart(layer=[lines, start, heads])
