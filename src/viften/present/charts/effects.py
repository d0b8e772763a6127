"""Charts of the extra effect and the business case: intervals, tornado, simulations.

Functions that return Altair charts from plain data; they never call Streamlit. All
data is inline, so the same charts render offline in the app, a file or the deck.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import altair as alt
import numpy as np

from viften.model.effects import BASIS_OUTCOMES, EffectDistributions, TornadoBar
from viften.present import formatting
from viften.present.charts.labels import axis as name_axis
from viften.present.charts.labels import row_px, wrapped
from viften.present.texts import t

BASIS_COLOURS = {"outcomes": "#1b6ca8", "stars": "#9a9a9a"}
ROW_STEP = 26
"""Pixels per line of the interval chart: room for its label, so every line is named."""
LABEL_CHARS = 48
"""Characters per line of a name: most names take one line, so a filter seldom changes the
rows' height (the spec) and the browser swaps the chart's data instead of drawing it anew."""
BAR_STEP = 34
"""Pixels per bar of a tornado."""


def _row_axis() -> alt.Axis:
    # every label drawn: a reader must be able to name each line and bar
    return alt.Axis(labelLimit=260, labelOverlap=False)


def interval_chart(
    names: Sequence[str], dist: EffectDistributions, lang: str = "da", width: int | None = None
) -> alt.LayerChart:
    """The extra effect of each intervention with its 95 % interval, zero marked."""
    rows: list[dict[str, Any]] = []
    for i, name in enumerate(names):
        if dist.basis[i] == "none":
            continue
        rows.append(
            {
                "name": name,
                "axis_label": wrapped(name, LABEL_CHARS),
                "mean": float(dist.mean[i]),
                "low": float(dist.low[i]),
                "high": float(dist.high[i]),
                "basis": t(f"effects_basis_{dist.basis[i]}", lang),
                "label": f"{formatting.points(dist.mean[i], lang)} "
                f"[{formatting.points(dist.low[i], lang)}; "
                f"{formatting.points(dist.high[i], lang)}]",
            }
        )
    # the rows in a named dataset and their order in the rows (`rank`), not in the spec: a
    # filter that changes the interventions then changes only the chart's data, and the
    # browser swaps it instead of embedding a new chart (Streamlit does when a spec changes)
    for rank, row in enumerate(sorted(rows, key=lambda r: -float(r["mean"]))):
        row["rank"] = rank
    colour = alt.Color(
        "basis:N",
        title=t("effects_col_rates_from", lang),
        scale=alt.Scale(
            domain=[t("effects_basis_outcomes", lang), t("effects_basis_stars", lang)],
            range=[BASIS_COLOURS["outcomes"], BASIS_COLOURS["stars"]],
        ),
        legend=alt.Legend(orient="top"),
    )
    y = alt.Y(
        "axis_label:N",
        sort=alt.EncodingSortField("rank", op="min"),
        title=None,
        axis=name_axis(),
    )
    axis = alt.Axis(format="%", title=t("effects_axis_effect", lang))
    base = alt.Chart(alt.NamedData(name=INTERVALS))
    line = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("low:Q", axis=axis),
        x2="high:Q",
        y=y,
        color=colour,
        tooltip=[
            alt.Tooltip("name:N", title=t("col_name", lang)),
            alt.Tooltip("label:N", title=t("effects_col_interval", lang)),
        ],
    )
    dots = base.mark_point(filled=True, size=60).encode(x="mean:Q", y=y, color=colour)
    zero = (
        alt.Chart(alt.Data(values=[{"zero": 0.0}]))
        .mark_rule(color="#c0392b", strokeDash=[4, 3])
        .encode(x="zero:Q")
    )
    # a height per line (a step), not in all: a total height would be shared with the legend
    # and the axis, and squeeze the lines until labels are dropped
    step = row_px((str(r["axis_label"]) for r in rows), ROW_STEP)
    chart = alt.layer(line, dots, zero).properties(
        height=alt.Step(step), datasets={INTERVALS: rows}
    )
    return cast(alt.LayerChart, chart.properties(width=width) if width else chart)


INTERVALS = "intervals"
"""The interval chart's dataset: a line per intervention."""


def _parameter_label(parameter: str, lang: str) -> str:
    if parameter.startswith("effect:"):
        return t("effects_param_effect", lang, name=parameter.split(":", 1)[1])
    return t(f"effects_param_{parameter}", lang)


def tornado_chart(
    bars: Sequence[TornadoBar],
    lang: str = "da",
    outcome_title: str = "",
    describe: Callable[[float], str] | None = None,
) -> alt.LayerChart:
    """A tornado: per parameter a bar from the outcome at its low to its high value."""
    show = describe or (lambda value: formatting.number(value, lang, 2))
    rows: list[dict[str, Any]] = []
    for bar in bars:
        if np.isnan(bar.outcome_at_low) or np.isnan(bar.outcome_at_high):
            continue
        label = _parameter_label(bar.parameter, lang)
        for end, outcome in (
            ("effects_low", bar.outcome_at_low),
            ("effects_high", bar.outcome_at_high),
        ):
            rows.append(
                {
                    "parameter": label,
                    "end": t(end, lang),
                    "from": bar.base_outcome,
                    "to": outcome,
                    "swing": bar.swing,
                    "shown": show(outcome),
                }
            )
    order = list(
        dict.fromkeys(str(r["parameter"]) for r in sorted(rows, key=lambda r: -float(r["swing"])))
    )
    base_value = bars[0].base_outcome if bars else 0.0
    data = alt.Data(values=rows)
    y = alt.Y("parameter:N", sort=order, title=None, axis=_row_axis())
    bar_marks = (
        alt.Chart(data)
        .mark_bar(opacity=0.85)
        .encode(
            x=alt.X("from:Q", title=outcome_title),
            x2="to:Q",
            y=y,
            color=alt.Color(
                "end:N",
                title=None,
                scale=alt.Scale(
                    domain=[t("effects_low", lang), t("effects_high", lang)],
                    range=["#d9822b", "#1b6ca8"],
                ),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("parameter:N", title=""),
                alt.Tooltip("end:N", title=""),
                alt.Tooltip("shown:N", title=outcome_title),
            ],
        )
    )
    centre = (
        alt.Chart(alt.Data(values=[{"base": base_value}]))
        .mark_rule(color="#333")
        .encode(x="base:Q")
    )
    return cast(alt.LayerChart, alt.layer(bar_marks, centre).properties(height=alt.Step(BAR_STEP)))


def histogram(
    values: np.ndarray,
    marker: float | None = None,
    lang: str = "da",
    axis_title: str = "",
    percent_axis: bool = True,
    markers: Sequence[tuple[str, float]] = (),
    bins: int = 40,
) -> alt.LayerChart:
    """A histogram of simulated values, binned here (so the chart carries 40 rows, not 10,000)."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        finite = np.zeros(1)
    counts, edges = np.histogram(finite, bins=bins)
    rows = [
        {"start": float(edges[i]), "end": float(edges[i + 1]), "count": int(counts[i])}
        for i in range(len(counts))
    ]
    axis = alt.Axis(format="%" if percent_axis else ",.0f", title=axis_title)
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color="#1b6ca8", opacity=0.8)
        .encode(
            x=alt.X("start:Q", axis=axis, bin="binned"),
            x2="end:Q",
            y=alt.Y("count:Q", title=t("effects_axis_draws", lang)),
        )
    )
    lines: list[dict[str, Any]] = [{"label": label, "at": at} for label, at in markers]
    if marker is not None and np.isfinite(marker):
        lines.append({"label": t("effects_col_break_even", lang), "at": float(marker)})
    rules = (
        alt.Chart(alt.Data(values=lines))
        .mark_rule(color="#c0392b", strokeWidth=2)
        .encode(x="at:Q", tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("at:Q", title="")])
    )
    labels = (
        alt.Chart(alt.Data(values=lines))
        .mark_text(align="left", dx=4, dy=-4, color="#c0392b", baseline="top")
        .encode(x="at:Q", y=alt.value(0), text="label:N")
    )
    return cast(alt.LayerChart, alt.layer(bars, rules, labels).properties(height=220))


INTERVAL_CHART_LIMIT = 60
"""More intervals than this make the chart unreadable (and slow) on any screen."""


def chart_rows(dist: EffectDistributions, limit: int = INTERVAL_CHART_LIMIT) -> list[int]:
    """Which interventions the interval chart shows: all of them up to `limit`; beyond it
    those with measured figures first, then the largest expected extra effects."""
    count = len(dist.mean)
    if count <= limit:
        return list(range(count))
    measured = dist.basis == BASIS_OUTCOMES
    mean = np.nan_to_num(dist.mean, nan=-np.inf)
    order = np.lexsort((-mean, ~measured))
    return sorted(int(i) for i in order[:limit])
