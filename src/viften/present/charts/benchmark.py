"""The benchmark's forest plot: each municipality's estimate with its 95 % interval, its
shrunken estimate, and the pool with its interval (Altair, never Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import altair as alt

from viften.present import formatting
from viften.present.benchmark import place
from viften.present.charts.labels import axis as name_axis
from viften.present.charts.labels import row_px, wrapped
from viften.present.texts import t

ROW_STEP = 30
LABEL_CHARS = 44
"""Characters per line of a name on the axis: a municipality and a name in about 300 px."""
"""Pixels per line: room for every municipality's label."""
OWN_COLOUR = "#1b6ca8"
SHRUNKEN_COLOUR = "#e67e22"
POOLED_COLOUR = "#2c3e50"


def forest_chart(
    obj: Mapping[str, Any], lang: str = "da", width: int | None = None
) -> alt.LayerChart:
    """One kind's forest plot; the pool is the last line, zero is marked."""
    pooled_label = t("bm_pooled", lang)
    own, shrunken = t("bm_own", lang), t("bm_shrunken", lang)
    rows: list[dict[str, Any]] = []
    for m in obj["members"]:
        label = f"{place(m['municipality'], lang)} – {m['name']}"
        rows.append(
            {
                "label": label,
                "estimate": m["net_effect"],
                "low": m["net_effect_ci_low"],
                "high": m["net_effect_ci_high"],
                "shrunken": m["shrunken_effect"],
                "series": own,
                "text": f"{formatting.points(m['net_effect'], lang)} "
                f"[{formatting.points(m['net_effect_ci_low'], lang)}; "
                f"{formatting.points(m['net_effect_ci_high'], lang)}]",
                "shrunken_text": formatting.points(m["shrunken_effect"], lang),
            }
        )
    rows.append(
        {
            "label": pooled_label,
            "estimate": obj["pooled_effect"],
            "low": obj["pooled_ci_low"],
            "high": obj["pooled_ci_high"],
            "shrunken": None,
            "series": pooled_label,
            "text": f"{formatting.points(obj['pooled_effect'], lang)} "
            f"[{formatting.points(obj['pooled_ci_low'], lang)}; "
            f"{formatting.points(obj['pooled_ci_high'], lang)}]",
            "shrunken_text": "",
        }
    )
    for r in rows:
        r["axis_label"] = wrapped(str(r["label"]), LABEL_CHARS)
    data = alt.Data(values=rows)
    order = [str(r["axis_label"]) for r in rows]
    y = alt.Y("axis_label:N", sort=order, title=None, axis=name_axis())
    x_axis = alt.Axis(format="%", title=t("bm_axis_effect", lang))
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(
            domain=[own, shrunken, pooled_label],
            range=[OWN_COLOUR, SHRUNKEN_COLOUR, POOLED_COLOUR],
        ),
        legend=alt.Legend(orient="top"),
    )
    tooltip = [
        alt.Tooltip("label:N", title=t("bm_col_name", lang)),
        alt.Tooltip("text:N", title=t("bm_col_interval", lang)),
        alt.Tooltip("shrunken_text:N", title=t("bm_shrunken", lang)),
    ]
    base = alt.Chart(data)
    line = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("low:Q", axis=x_axis), x2="high:Q", y=y, color=colour, tooltip=tooltip
    )
    dots = base.mark_point(filled=True, size=70).encode(
        x="estimate:Q",
        y=y,
        color=colour,
        shape=alt.Shape(
            "series:N",
            scale=alt.Scale(domain=[own, pooled_label], range=["circle", "diamond"]),
            legend=None,
        ),
        tooltip=tooltip,
    )
    shrunk = (
        alt.Chart(alt.Data(values=[{**r, "series": shrunken} for r in rows[:-1]]))
        .mark_point(shape="triangle-up", size=90, filled=True)
        .encode(x="shrunken:Q", y=y, color=colour, tooltip=tooltip)
    )
    pool_line = (
        alt.Chart(alt.Data(values=[{"pooled": obj["pooled_effect"]}]))
        .mark_rule(color=POOLED_COLOUR, strokeDash=[2, 2], opacity=0.6)
        .encode(x="pooled:Q")
    )
    zero = (
        alt.Chart(alt.Data(values=[{"zero": 0.0}]))
        .mark_rule(color="#c0392b", strokeDash=[4, 3])
        .encode(x="zero:Q")
    )
    step = row_px(order, ROW_STEP)
    chart = alt.layer(line, dots, shrunk, pool_line, zero).properties(height=alt.Step(step))
    return cast(alt.LayerChart, chart.properties(width=width) if width else chart)
