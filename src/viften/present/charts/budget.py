"""The budget page's charts: the efficiency frontier, and the optimal allocation beside the
current one. Functions return Altair charts with inline data and never call Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import altair as alt

from viften.model.allocator import MILLION, FrontierPoint, Move
from viften.present import formatting
from viften.present.charts.labels import axis as name_axis
from viften.present.charts.labels import row_px, wrapped
from viften.present.texts import t

CURRENT_COLOUR = "#9a9a9a"
OPTIMAL_COLOUR = "#1b6ca8"
FRONTIER_COLOUR = "#333333"
LABEL_CHARS = 44
"""Characters per line of a name on the comparison's axis: about 280 px."""


def _axis_format(lang: str, decimals: int) -> dict[str, Any]:
    """Axis labels as the reader writes numbers: 1.234,5 in Danish, 1,234.5 in English.

    The grouping and the decimal mark come from the spec's format locale
    (`charts.localised`, which every drawn chart goes through); swapping them here as well
    turned them back to 15,000 on a Danish axis. `lang` is kept for the callers."""
    del lang
    return {"format": f",.{decimals}~f"}  # ~: no trailing zeros (10, not 10,0)


def _jobs_title(objective: str, lang: str) -> str:
    return t(f"budget_axis_jobs_{objective}", lang)


def frontier_chart(
    points: Sequence[FrontierPoint],
    *,
    objective: str,
    current: tuple[float, float] | None,
    optimal: tuple[float, float] | None,
    lang: str = "da",
) -> alt.LayerChart:
    """Expected jobs against the budget; `current` and `optimal` are (spend, jobs) markers.

    Budgets where the constraints cannot be met have no point, so the line has a gap there.
    """
    jobs_title = _jobs_title(objective, lang)
    rows = [
        {
            "budget": p.budget / MILLION,
            "jobs": p.expected_jobs,
            "budget_text": formatting.millions(p.budget, lang),
            "jobs_text": formatting.number(p.expected_jobs, lang, 1),
        }
        for p in points
        if p.expected_jobs is not None
    ]
    x = alt.X(
        "budget:Q", title=t("budget_axis_budget", lang), axis=alt.Axis(**_axis_format(lang, 1))
    )
    y = alt.Y("jobs:Q", title=jobs_title, axis=alt.Axis(**_axis_format(lang, 0)))
    tooltip = [
        alt.Tooltip("budget_text:N", title=t("budget_axis_budget_short", lang)),
        alt.Tooltip("jobs_text:N", title=jobs_title),
    ]
    line = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(
            color=FRONTIER_COLOUR,
            point=alt.OverlayMarkDef(color=FRONTIER_COLOUR, size=40),
        )
        .encode(x=x, y=y, tooltip=tooltip)
    )
    markers = []
    for key, spot in (("budget_series_current", current), ("budget_series_optimal", optimal)):
        if spot is not None:
            markers.append(
                {
                    "budget": spot[0] / MILLION,
                    "jobs": spot[1],
                    "series": t(key, lang),
                    "budget_text": formatting.millions(spot[0], lang),
                    "jobs_text": formatting.number(spot[1], lang, 1),
                }
            )
    series = [t("budget_series_current", lang), t("budget_series_optimal", lang)]
    marks = (
        alt.Chart(alt.Data(values=markers))
        .mark_point(
            filled=True,
            size=220,
            opacity=1,
            stroke="#ffffff",
            strokeWidth=1.5,
        )
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "series:N",
                title=None,
                legend=alt.Legend(orient="top"),
                scale=alt.Scale(domain=series, range=[CURRENT_COLOUR, OPTIMAL_COLOUR]),
            ),
            shape=alt.Shape(
                "series:N", title=None, scale=alt.Scale(domain=series, range=["circle", "diamond"])
            ),
            tooltip=[alt.Tooltip("series:N", title=""), *tooltip],
        )
    )
    return cast(alt.LayerChart, alt.layer(line, marks).properties(height=340))


def row_height(moves: Sequence[Move], at_least: float) -> float:
    """Pixels per intervention of `comparison_chart`: `at_least`, or what the lines of the
    longest name need (for a slide that sizes the chart itself)."""
    return row_px((wrapped(m.name, LABEL_CHARS) for m in moves), at_least)


def comparison_chart(moves: Sequence[Move], lang: str = "da") -> alt.Chart:
    """Kroner per intervention, current beside optimal: where the money moves."""
    now, best = t("budget_series_current", lang), t("budget_series_optimal", lang)
    # the order travels in the data (`rank`), not as a list in the spec: a change of the
    # allocation then changes only the chart's data, and the browser redraws it without
    # compiling it again (Streamlit embeds a chart anew whenever its spec changes)
    ranks = {
        m.name: rank
        for rank, m in enumerate(sorted(moves, key=lambda m: -max(m.cost_before, m.cost_after)))
    }
    labels = {m.name: wrapped(m.name, LABEL_CHARS) for m in moves}
    rows = []
    for move in moves:
        for series, cost, count in (
            (now, move.cost_before, move.before),
            (best, move.cost_after, move.after),
        ):
            rows.append(
                {
                    "name": move.name,
                    "label": labels[move.name],
                    "rank": ranks[move.name],
                    "series": series,
                    "cost": cost / MILLION,
                    "group": t(f"tg_{move.target_group}_short", lang),
                    "cost_text": formatting.kroner(cost, lang),
                    "participants": formatting.number(count, lang),
                }
            )
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                sort=alt.EncodingSortField("rank", op="min"),
                title=None,
                axis=name_axis(),
            ),
            yOffset=alt.YOffset("series:N", sort=[now, best]),
            x=alt.X(
                "cost:Q", title=t("budget_axis_cost", lang), axis=alt.Axis(**_axis_format(lang, 1))
            ),
            color=alt.Color(
                "series:N",
                title=None,
                legend=alt.Legend(orient="top"),
                scale=alt.Scale(domain=[now, best], range=[CURRENT_COLOUR, OPTIMAL_COLOUR]),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t("col_name", lang)),
                alt.Tooltip("group:N", title=t("col_target_group", lang)),
                alt.Tooltip("series:N", title=""),
                alt.Tooltip("participants:N", title=t("col_participants", lang)),
                alt.Tooltip("cost_text:N", title=t("budget_col_cost", lang)),
            ],
        )
        .properties(height=max(120, row_px(labels.values(), 34) * len(moves)))
    )
