"""The committee deck: the fan, the interventions and the allocation as a PowerPoint file.

Danish municipalities live in PowerPoint: the deck is what a committee member takes
home. Every word is real, editable text (python-pptx writes each name as a plain run,
escaping it, so a name is never markup), and every chart is a picture drawn by
vl-convert from the same Altair chart the app shows.

What the deck and presentation mode show is decided once, in `committee_views`; this
module turns the views into slides and presentation mode turns them into pages. It builds
only from what it is given: `viften.actions.committee` reads the year, the scenario and
the municipality's name from the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from viften.model import allocator, domain
from viften.model.assumptions import Assumptions
from viften.model.target_groups import COLOURS, TARGET_GROUPS
from viften.present import formatting, images, messages
from viften.present.texts import t

if TYPE_CHECKING:
    import altair as alt
    import numpy as np
    import pandas as pd
    from pptx.presentation import Presentation as Deck
    from pptx.slide import Slide

    from viften.model.filters import Filters

Progress = Callable[[float, str], None]
"""Told how far the work is (0 to 1) and the text key of the step under way."""


# --- what is shown: computed once for the deck and presentation mode -------------------------


@dataclass(frozen=True)
class KeyFigure:
    """One large number with its label, on the key-figures view."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class View:
    """One page of the presentation, one slide (or more) of the deck."""

    key: str
    """`key_figures`, `fan`, `fan_closer`, `fan_further`, `fan_cross`, `allocation`,
    `frontier`."""
    title: str
    chart: Any = None
    """An Altair chart, or None for a view of figures or text only."""
    note: str = ""
    """One or two sentences under the chart."""
    figures: tuple[KeyFigure, ...] = ()
    chart_width: float | None = None
    """The width the chart was laid out for, in pixels."""
    description: str = ""
    """What the chart shows, in words (the picture's alternative text): for a fan, every
    intervention's name in it."""


@dataclass(frozen=True)
class Committee:
    """The material of one year for the committee, in one language."""

    municipality: str
    year: int | None
    made_on: dt.date
    frame: pd.DataFrame
    """The interventions in view (derived figures included)."""
    views: tuple[View, ...]
    lang: str = "da"
    sources: tuple[tuple[str, str], ...] = field(default=())
    """(intervention, source) for every intervention in view."""
    years: tuple[int, ...] = ()
    """Every year in the database, newest first."""
    allocations: Allocations | None = None


PLACEMENT_COLUMNS = (
    "name",
    "target_group",
    "evidence_stars",
    "effect_rating",
    "job_rate",
    "control_job_rate",
    "price_per_participant",
    "price_per_job",
    "price_per_additional_job",
)
"""What decides where a tile goes and how tall it is: enough for trying out widths."""


def fan_width_for(
    frame: pd.DataFrame,
    box: tuple[float, float],
    lang: str = "da",
    measure: str = "gross",
    per_target_group: bool = False,
) -> float:
    """The chart width, in pixels, at which the fan fills a box of this shape best.

    A wider fan wraps fewer names and gets lower; the best width makes the picture as
    large as possible in the box, so the names are as large as possible on the slide.
    """
    from viften.present import fan

    box_width, box_height = box
    placement = frame[[c for c in PLACEMENT_COLUMNS if c in frame.columns]]
    best_width, best_scale = 960.0, 0.0
    for width in range(900, 1801, 100):
        placed = fan.layout(placement, lang, measure, "effect", per_target_group, None, width)
        scale = min(box_width / placed.width, box_height / max(placed.height, 1.0))
        if scale > best_scale * 1.02:
            best_width, best_scale = float(width), scale
    return best_width


SLIDE_CHART_BOX = (12.1, 5.0)
"""Inches of a slide a chart may fill (under the title, above the note)."""
SCREEN_CHART_BOX = (1800.0, 820.0)
"""Pixels of a 1920×1080 screen a chart may fill in presentation mode."""


def fan_views(
    frame: pd.DataFrame,
    year: int | None,
    lang: str = "da",
    box: tuple[float, float] = SLIDE_CHART_BOX,
    filters: Filters | None = None,
) -> list[View]:
    """The fan in Model 2, then one fan per target group that has interventions; each
    picture and note says its scope (the year, the filters, how many)."""
    from viften.model.filters import Filters
    from viften.present.case import scope_text
    from viften.present.charts import with_scope
    from viften.present.charts.fan import fan_spec

    def view(key: str, title: str, part: pd.DataFrame, scope: str) -> View:
        width = fan_width_for(part, box, lang)
        names = "; ".join(str(name) for name in part["name"])
        return View(
            key,
            title,
            with_scope(fan_spec(part, lang, width=width), scope),
            f"{scope}. {t('committee_fan_note', lang)}",
            chart_width=width,
            description=f"{title} ({scope}): {names}",
        )

    views = [
        view(
            "fan", t("committee_fan_all", lang), frame, scope_text(year, filters, len(frame), lang)
        )
    ]
    for group in TARGET_GROUPS:
        part = frame[frame["target_group"] == group]
        if not part.empty:
            title = t("committee_fan_group", lang, group=t(f"tg_{group}", lang))
            narrowed = dataclasses.replace(filters or Filters(), target_groups=(group,))
            scope = scope_text(year, narrowed, len(part), lang)
            views.append(view(f"fan_{group}", title, part, scope))
    return views


def sources(frame: pd.DataFrame, lang: str = "da") -> tuple[tuple[str, str], ...]:
    """Each intervention's name with its source, in the table's order."""
    out = []
    for row in _table_order(frame).itertuples(index=False):
        source = getattr(row, "source", None)
        text = str(source).strip() if isinstance(source, str) and source.strip() else ""
        out.append((str(row.name), text or t("committee_no_source", lang)))
    return tuple(out)


def _table_order(frame: pd.DataFrame) -> pd.DataFrame:
    order = {g: i for i, g in enumerate(TARGET_GROUPS)}
    sorted_frame = frame.assign(
        _group=frame["target_group"].map(order).fillna(len(order)),
        _price=frame["price_per_job"].fillna(float("inf")),
    ).sort_values(["_group", "_price", "name"], kind="stable")
    return sorted_frame.drop(columns=["_group", "_price"])


# --- the allocation: current against the optimal one or a saved scenario ------------------


class SavedAllocation(Protocol):
    """A saved scenario as the deck needs it (`viften.store.scenarios.Scenario` is one)."""

    @property
    def name(self) -> str: ...

    @property
    def budget(self) -> float: ...

    def participants_for(
        self, data: allocator.Interventions
    ) -> tuple[np.ndarray, tuple[str, ...]]: ...


@dataclass(frozen=True)
class Allocations:
    """The current allocation beside another one of the same budget, and the frontier."""

    budget: float
    """Kroner: what the current allocation spends."""
    current: allocator.Evaluation
    other: allocator.Evaluation | None
    """The optimal allocation (objective: extra jobs) or the scenario; None when there is
    nothing to compare."""
    scenario: str | None
    """The scenario's name; None when `other` is the optimal allocation."""
    moves: tuple[allocator.Move, ...]
    """Every intervention with participants in either allocation."""
    frontier: tuple[allocator.FrontierPoint, ...]
    problem: str = ""
    """Why there is nothing to compare, in the deck's language; empty when there is."""
    optimal_jobs: float | None = None
    """Extra jobs the optimal allocation of the current budget buys (for the frontier)."""


def allocations(
    frame: pd.DataFrame,
    lang: str = "da",
    scenario: SavedAllocation | None = None,
    exact_limit: int | None = None,
) -> Allocations:
    """The current allocation of a year's interventions against the optimal one (or a scenario).

    The optimal one spends at most the same budget as the current one and maximises the
    extra jobs (the objective `net`), as `allocate` does by default. A scenario is valued
    with today's figures, as the budget page values it.
    """
    data = allocator.Interventions.from_columns(_columns(frame))
    current = allocator.current(data)
    budget = current.spend
    if budget <= 0 and scenario is None:
        return Allocations(
            0.0, current, None, None, (), (), t("committee_allocation_missing", lang)
        )
    if exact_limit is not None and len(frame) > exact_limit:
        return Allocations(
            budget,
            current,
            None,
            None,
            (),
            (),
            t("committee_allocation_too_many", lang, count=formatting.number(len(frame), lang)),
        )
    request = allocator.Request.of(max(budget, 0.0), objective="net")
    points = allocator.frontier(data, request) if budget > 0 else ()
    at_budget = [
        p
        for p in points
        if p.expected_jobs is not None and math.isclose(p.budget, budget, rel_tol=1e-9)
    ]
    optimal_jobs = at_budget[0].expected_jobs if at_budget else None
    if scenario is not None:
        participants, _missing = scenario.participants_for(data)
        other = allocator.evaluate(data, participants, scenario.budget)
        return Allocations(
            budget,
            current,
            other,
            scenario.name,
            _scenario_moves(data, current, other),
            points,
            "",
            optimal_jobs,
        )
    result = allocator.optimise(data, request)
    if result.status != allocator.OPTIMAL:
        why = messages.render_all(result.notes, lang, brief=True)  # a slide has room for a dozen
        return Allocations(
            budget,
            current,
            None,
            None,
            (),
            points,
            t("committee_allocation_unavailable", lang, reason=why),
            optimal_jobs,
        )
    other = allocator.evaluate(data, result.participants, budget)
    return Allocations(
        budget, current, other, None, allocator.moves(data, result), points, "", result.net_jobs
    )


def _columns(frame: pd.DataFrame) -> dict[str, Any]:
    return {str(name): frame[name] for name in frame.columns}


def _scenario_moves(
    data: allocator.Interventions, current: allocator.Evaluation, other: allocator.Evaluation
) -> tuple[allocator.Move, ...]:
    """The current allocation against a scenario, as the budget page's moves (no reasons:
    a scenario was made by a person, not by the optimiser)."""
    out = []
    for i, (before, after) in enumerate(zip(current.participants, other.participants, strict=True)):
        if before or after:
            price = float(data.price[i])
            out.append(
                allocator.Move(
                    name=str(data.name[i]),
                    target_group=str(data.target_group[i]),
                    before=before,
                    after=after,
                    cost_before=price * before,
                    cost_after=price * after,
                    jobs_per_million=None,
                    reason="",
                )
            )
    return tuple(out)


# --- the charts of the allocation views: the budget page's, sized for a slide -------------

MAX_CHANGES_SHOWN = 20
"""Interventions in the allocation chart: those whose money moves most."""
LABEL_FONT_SIZE = 14
TITLE_FONT_SIZE = 15


def shown_moves(allocs: Allocations, limit: int = MAX_CHANGES_SHOWN) -> list[allocator.Move]:
    """The moves to draw: those where the most money moves."""
    return sorted(allocs.moves, key=lambda m: (-abs(m.cost_after - m.cost_before), m.name))[:limit]


def allocation_chart(
    allocs: Allocations, lang: str = "da", width: float = 760, height: float | None = None
) -> alt.TopLevelMixin:
    """The budget page's comparison chart (current beside the other allocation), for a slide."""
    from viften.present.charts import budget as budget_charts

    moves = shown_moves(allocs)
    chart: Any = budget_charts.comparison_chart(moves, lang)
    if allocs.scenario is not None:
        chart = _renamed_series(
            chart,
            t("budget_series_optimal", lang),
            t("committee_series_scenario", lang, name=allocs.scenario),
        )
    sized = chart.properties(width=width, height=height or max(200.0, 30.0 * len(moves)))
    return _for_a_slide(sized)


def _renamed_series(chart: Any, old: str, new: str) -> alt.Chart:
    """The chart's spec with one series renamed: in its data's `series` and its scales.

    The budget page calls its second series "optimal"; beside a scenario it is the scenario.
    Only the `series` field and the colour and offset sorts and domains are touched, so an
    intervention that happens to have the same name is left alone.
    """
    spec = chart.to_dict()
    tables = [spec.get("data", {}).get("values", []), *spec.get("datasets", {}).values()]
    for row in (row for table in tables for row in table):
        if row.get("series") == old:
            row["series"] = new
    for channel in spec.get("encoding", {}).values():
        if not isinstance(channel, dict) or channel.get("field") != "series":
            continue
        if isinstance(channel.get("sort"), list):
            channel["sort"] = [new if v == old else v for v in channel["sort"]]
        domain = channel.get("scale", {}).get("domain")
        if isinstance(domain, list):
            channel["scale"]["domain"] = [new if v == old else v for v in domain]
    import altair as alt

    renamed: alt.Chart = alt.Chart.from_dict(spec)
    return renamed


def frontier_picture(
    allocs: Allocations, lang: str = "da", width: float = 900, height: float = 380
) -> alt.TopLevelMixin:
    """The budget page's frontier with the current and the optimal allocation, for a slide."""
    from viften.present.charts import budget as budget_charts

    optimal = (allocs.budget, allocs.optimal_jobs) if allocs.optimal_jobs is not None else None
    chart = budget_charts.frontier_chart(
        allocs.frontier,
        objective="net",
        current=(allocs.current.spend, allocs.current.net_jobs),
        optimal=optimal,
        lang=lang,
    )
    return _for_a_slide(chart.properties(width=width, height=height))


def _for_a_slide(chart: Any) -> alt.TopLevelMixin:
    """Larger axis and legend type: the chart is seen across a meeting room."""
    configured: alt.TopLevelMixin = chart.configure_axis(
        labelFontSize=LABEL_FONT_SIZE,
        titleFontSize=TITLE_FONT_SIZE,
    ).configure_legend(labelFontSize=TITLE_FONT_SIZE, symbolSize=220, labelLimit=600)
    return configured


# --- the material of one year, and its views ------------------------------------------------


def committee_from(
    frame: pd.DataFrame,
    year: int | None,
    years: Sequence[int],
    municipality_name: str,
    lang: str = "da",
    filters: Filters | None = None,
    scenario: SavedAllocation | None = None,
    made_on: dt.date | None = None,
    box: tuple[float, float] = SLIDE_CHART_BOX,
    exact_limit: int | None = None,
    assumptions: Assumptions | None = None,
) -> Committee:
    """The committee's material from one year's interventions (a derived table) in memory.

    `filters` narrow the interventions, and every figure, fan, allocation and frontier is of
    the interventions in view, so that no slide sets one scope's figure beside another's
    (each view says its scope). `scenario` is
    shown against the current allocation instead of the optimal one. With `exact_limit`,
    a year with more interventions than that gets no optimal allocation (too slow to wait
    for on a screen). `assumptions` are the year's for the budget case (None: the defaults).
    """
    in_view = frame
    if filters is not None:
        from viften.model import filters as flt

        in_view = flt.apply(frame, filters).reset_index(drop=True)
    allocs = allocations(in_view, lang, scenario, exact_limit) if not in_view.empty else None
    return Committee(
        municipality=municipality_name,
        year=year,
        years=tuple(years),
        made_on=made_on or dt.date.today(),
        frame=in_view,
        views=tuple(
            committee_views(
                in_view, year, lang, allocs, box, assumptions=assumptions, filters=filters
            )
        )
        + tuple(benchmark_views(frame, lang, filters, box)),
        lang=lang,
        sources=sources(in_view, lang),
        allocations=allocs,
    )


def no_year_message(year: int | None, years: Sequence[int]) -> str:
    """Why there is no deck to make, for the command line."""
    if not years:
        return "the database holds no interventions: import some first"
    known = ", ".join(str(y) for y in years)
    return f"there are no interventions for {year}; the database has {known}"


def committee_views(
    frame: pd.DataFrame,
    year: int | None,
    lang: str = "da",
    allocs: Allocations | None = None,
    box: tuple[float, float] = SLIDE_CHART_BOX,
    *,
    assumptions: Assumptions | None = None,
    filters: Filters | None = None,
) -> list[View]:
    """Key figures, the fans, the allocation, the frontier and the budget case: one view
    each."""
    from viften.present.case import scope_text

    scope = scope_text(year, filters, len(frame), lang)
    views = [key_figures_view(frame, year, lang, allocs, scope)]
    if not frame.empty:
        views.extend(fan_views(frame, year, lang, box, filters))
    if allocs is not None:
        views.extend(allocation_views(allocs, lang, box, scope))
    if not frame.empty:
        views.extend(case_views(frame, year, lang, assumptions, filters, box))
    return views


# --- the benchmark: the same kind across municipalities ------------------------------------


def benchmark_views(
    frame: pd.DataFrame,
    lang: str = "da",
    filters: Filters | None = None,
    box: tuple[float, float] = SLIDE_CHART_BOX,
) -> list[View]:
    """A forest plot per kind that at least two municipalities measured (none for a
    database of one municipality); with a municipality in the filters, the kinds it takes
    part in."""
    if frame.empty or "kind" not in frame:
        return []
    from viften.model import benchmark
    from viften.model.domain import records
    from viften.present import benchmark as present_benchmark
    from viften.present.charts.benchmark import forest_chart

    objects = benchmark.benchmarks(
        records(frame), municipality=filters.municipality if filters is not None else None
    )
    width = 760.0
    views = []
    for obj in objects:
        chart = _for_a_slide(forest_chart(obj, lang, int(width)))
        names = "; ".join(
            f"{present_benchmark.place(m['municipality'], lang)} – {m['name']}"
            for m in obj["members"]
        )
        views.append(
            View(
                "benchmark",
                t("bm_slide_title", lang, kind=obj["kind"]),
                chart,
                present_benchmark.summary_text(obj, lang)
                + " "
                + present_benchmark.i2_text(obj, lang),
                chart_width=width,
                description=f"{t('bm_slide_title', lang, kind=obj['kind'])}: {names}",
            )
        )
    return views


# --- the budget case: who gains, per payer ----------------------------------------------------

MAX_CASES_SHOWN = 20
"""Interventions in the case chart: those with the most back per krone for the kommune."""


def case_views(
    frame: pd.DataFrame,
    year: int | None,
    lang: str = "da",
    assumptions: Assumptions | None = None,
    filters: Filters | None = None,
    box: tuple[float, float] = SLIDE_CHART_BOX,
) -> list[View]:
    """The case of the interventions in view: their gain per participant split by payer,
    ranked by the kommune's net gain per krone (the ranking's figure beside each name), and
    the planned participants' case per payer as key figures. Each says its scope."""
    from viften.model.assumptions import DEFAULT
    from viften.present import case as budget_case
    from viften.present.charts import case as case_charts

    used = assumptions or DEFAULT
    view = budget_case.case_view(frame, used)
    scope = budget_case.scope_text(year, filters, len(frame), lang)
    note = t(
        "committee_case_note",
        lang,
        scope=scope,
        horizon=used.horizon,
        rate=formatting.percent(used.discount_rate, lang, 1),
    )
    order = [i for i in budget_case.ranking_order(view) if view.has_case(i)]
    if not order:
        return [View("case", t("committee_case", lang), note=t("committee_case_none", lang))]
    shown = order[:MAX_CASES_SHOWN]
    per_krone = budget_case.gain_per_krone(view.case)
    rows = budget_case.split_rows(view, shown, lang)
    labels = {
        view.names[i]: f"{view.names[i]} ({budget_case.per_krone_text(per_krone[i], lang)})"
        for i in shown
    }
    for row in rows:
        row["name"] = labels[row["name"]]
    width = 760.0
    height = max((width + 340) * box[1] / box[0] - 110, 22.0 * len(shown))
    chart = _for_a_slide(case_charts.split_chart(rows, scope, lang, width, height))
    left_out = len(order) - len(shown)
    text = note + (" " + t("committee_case_left_out", lang, count=left_out) if left_out > 0 else "")
    names = "; ".join(labels.values())
    views = [
        View(
            "case",
            t("committee_case", lang),
            chart,
            text,
            chart_width=width,
            description=f"{t('committee_case', lang)}: {names}",
        )
    ]
    total = budget_case.allocation_case(view)
    if total.counted:
        figures = tuple(
            KeyFigure(
                t(f"case_payer_{payer}", lang),
                formatting.millions(total.npv[p], lang),
                t("case_col_npv", lang),
            )
            for p, payer in enumerate(budget_case.PAYERS)
        )
        notes = budget_case.allocation_notes(total, lang)[:2]
        if total.left_out:
            notes.append(
                t(
                    "committee_case_without",
                    lang,
                    count=formatting.number(len(total.left_out), lang),
                )
            )
        views.append(
            View(
                "case_allocation",
                t("case_allocation_heading", lang),
                note=" ".join([scope + ".", *notes]),
                figures=figures,
            )
        )
    return views


def investment_views(lines: Sequence[Any], lang: str = "da") -> list[View]:
    """The social investments for the committee: the portfolio (the kommune's NPV per krone
    against the risk) and one sheet per case (`present.invest.CaseLine`s)."""
    from viften.present import invest as present_invest
    from viften.present.charts import invest as invest_charts

    if not lines:
        return []
    views = []
    points = present_invest.portfolio_points(lines, lang)
    if points:
        views.append(
            View(
                "invest_portfolio",
                t("invest_portfolio_title", lang),
                _for_a_slide(invest_charts.portfolio_chart(points, lang, width=900)),
                t("invest_chart_reading", lang),
                chart_width=900,
                description="; ".join(str(p["name"]) for p in points),
            )
        )
    for line in lines:
        if line.figures is None:
            continue
        views.append(
            View(
                f"invest_case_{line.id}",
                t("invest_sheet_title", lang, name=line.name),
                note=present_invest.sheet_note(line.figures, lang),
                figures=tuple(
                    KeyFigure(label, value, note)
                    for label, value, note in present_invest.sheet_figures(line.figures, lang)
                ),
            )
        )
    return views


def key_figures_view(
    frame: pd.DataFrame,
    year: int | None,
    lang: str,
    allocs: Allocations | None,
    scope: str = "",
) -> View:
    """The year's key figures, every one of the interventions in `frame` (the scope)."""
    counts = {g: int((frame["target_group"] == g).sum()) for g in TARGET_GROUPS}
    figures = [
        KeyFigure(
            t("committee_kf_interventions", lang),
            formatting.number(len(frame), lang),
            t(
                "committee_kf_interventions_note",
                lang,
                **{g: formatting.number(n, lang) for g, n in counts.items()},
            ),
        )
    ]
    if allocs is not None and allocs.budget > 0:
        current = allocs.current
        figures.extend(
            [
                KeyFigure(
                    t("committee_kf_participants", lang),
                    formatting.number(sum(current.participants), lang),
                ),
                KeyFigure(t("committee_kf_spend", lang), formatting.millions(current.spend, lang)),
                KeyFigure(
                    t("committee_kf_jobs", lang),
                    formatting.number(current.gross_jobs, lang),
                    t(
                        "committee_kf_jobs_note",
                        lang,
                        extra=formatting.number(current.net_jobs, lang),
                    ),
                ),
                KeyFigure(
                    t("committee_kf_price_per_job", lang),
                    formatting.kroner(current.price_per_job, lang),
                ),
            ]
        )
        if allocs.other is not None:
            label = (
                t("committee_series_scenario", lang, name=allocs.scenario)
                if allocs.scenario is not None
                else t("committee_kf_optimal", lang)
            )
            figures.append(
                KeyFigure(
                    label,
                    formatting.number(allocs.other.net_jobs, lang),
                    t(
                        "committee_kf_optimal_note",
                        lang,
                        current=formatting.number(current.net_jobs, lang),
                    ),
                )
            )
    title_year = year if year is not None else ""
    return View(
        "key_figures",
        t("committee_key_figures", lang, year=title_year),
        note=scope,
        figures=tuple(figures),
    )


def allocation_views(
    allocs: Allocations,
    lang: str = "da",
    box: tuple[float, float] = SLIDE_CHART_BOX,
    scope: str = "",
) -> list[View]:
    """The allocation against the current one, and the frontier (or why they are missing);
    their pictures and notes say the `scope`."""
    from viften.present.charts import with_scope

    def scoped(chart: Any) -> Any:
        return with_scope(chart, scope) if scope else chart

    lead = f"{scope}. " if scope else ""
    title = (
        t("committee_allocation_scenario", lang, name=allocs.scenario)
        if allocs.scenario is not None
        else t("committee_allocation", lang)
    )
    aspect = box[1] / box[0]
    if allocs.other is None:
        views = [View("allocation", title, note=lead + allocs.problem)]
    else:
        if allocs.scenario is not None:
            summary = t(
                "committee_allocation_summary_scenario",
                lang,
                current_spend=formatting.millions(allocs.current.spend, lang),
                current=formatting.number(allocs.current.net_jobs, lang, 1),
                name=allocs.scenario,
                other_spend=formatting.millions(allocs.other.spend, lang),
                other=formatting.number(allocs.other.net_jobs, lang, 1),
            )
        else:
            summary = t(
                "committee_allocation_summary",
                lang,
                budget=formatting.millions(allocs.budget, lang),
                current=formatting.number(allocs.current.net_jobs, lang, 1),
                other=formatting.number(allocs.other.net_jobs, lang, 1),
            )
        left_out = len(allocs.moves) - len(shown_moves(allocs))
        if left_out > 0:
            summary += " " + t("committee_allocation_left_out", lang, count=left_out)
        width = 760.0
        # the bars, their names (about 340 px) and the legend and axis (about 90 px) fill the
        # box; a name over several lines gets the rows the height it needs
        from viften.present.charts import budget as budget_charts

        shown = shown_moves(allocs)
        height = max(
            (width + 300) * aspect - 90, budget_charts.row_height(shown, 18.0) * len(shown)
        )
        views = [
            View(
                "allocation",
                title,
                scoped(allocation_chart(allocs, lang, width, height)),
                lead + summary,
                chart_width=width,
            )
        ]
    if any(point.expected_jobs is not None for point in allocs.frontier):
        width = 900.0
        views.append(
            View(
                "frontier",
                t("committee_frontier", lang),
                scoped(frontier_picture(allocs, lang, width, (width + 80) * aspect - 90)),
                lead + t("committee_frontier_note", lang),
                chart_width=width,
            )
        )
    return views


# --- the deck -------------------------------------------------------------------------------

INK = "1F2937"
MUTED = "5B6472"
ACCENT = "0072B2"
PANEL = "F2F4F7"
HEADER_FILL = "1F3A5F"
BAND_FILL = "EEF2F7"
GROUP_COLOURS = {code: colour.lstrip("#") for code, colour in COLOURS.items()}

SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARGIN_IN = 0.6
CONTENT_TOP_IN = 1.45
CONTENT_BOTTOM_IN = 6.85
PICTURE_MIN_WIDTH = 2400
"""Pixels: a chart picture stays sharp when the slide fills a 1920 px projector."""


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour)


class _DeckWriter:
    """Slides with a common look: title top left, a thin accent line, a footer."""

    def __init__(self, committee: Committee) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.committee = committee
        self.lang = committee.lang
        self.deck: Deck = Presentation()
        self.deck.slide_width = Inches(SLIDE_WIDTH_IN)
        self.deck.slide_height = Inches(SLIDE_HEIGHT_IN)
        _widen_template(self.deck, SLIDE_WIDTH_IN / 10.0)
        self.footer = t(
            "committee_footer",
            self.lang,
            municipality=committee.municipality,
            year=committee.year if committee.year is not None else "",
        )

    # --- slide skeletons ---

    def title_slide(self) -> Slide:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Inches, Pt

        committee = self.committee
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[0])
        band = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.35), self.deck.slide_height
        )
        _fill(band, ACCENT)
        for index, (group, colour) in enumerate(GROUP_COLOURS.items()):
            del group
            stripe = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE,
                Inches(1.0 + index * 0.9),
                Inches(4.55),
                Inches(0.8),
                Inches(0.08),
            )
            _fill(stripe, colour)
        title = slide.shapes.title
        assert title is not None
        _place(title, 1.0, 1.6, 11.3, 1.4)
        year = committee.year if committee.year is not None else ""
        _set_text(
            title, t("committee_title", self.lang, year=year), size=Pt(48), bold=True, colour=INK
        )
        subtitle = slide.placeholders[1]
        _place(subtitle, 1.0, 3.0, 11.3, 1.4)
        frame = subtitle.text_frame
        frame.clear()
        _paragraph(frame, committee.municipality, Pt(30), colour=ACCENT, bold=True, first=True)
        _paragraph(frame, t("committee_subtitle", self.lang), Pt(20), colour=MUTED)
        made = _long_date(committee.made_on, self.lang)
        box = self._text_box(1.0, 4.85, 11.3, 0.6)
        _paragraph(
            box.text_frame,
            t("committee_made_on", self.lang, date=made),
            Pt(16),
            colour=MUTED,
            first=True,
        )
        return slide

    def content_slide(self, title: str) -> Slide:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Inches, Pt

        slide = self.deck.slides.add_slide(self.deck.slide_layouts[5])
        heading = slide.shapes.title
        assert heading is not None
        _place(heading, MARGIN_IN, 0.3, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 0.85)
        _set_text(heading, title, size=Pt(26), bold=True, colour=INK)
        heading.text_frame.word_wrap = True
        line = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Inches(MARGIN_IN), Inches(1.17), Inches(1.3), Inches(0.06)
        )
        _fill(line, ACCENT)
        footer = self._text_box(MARGIN_IN, 7.0, 9.0, 0.35, slide)
        _paragraph(footer.text_frame, self.footer, Pt(11), colour=MUTED, first=True)
        number = self._text_box(SLIDE_WIDTH_IN - MARGIN_IN - 1.0, 7.0, 1.0, 0.35, slide)
        _paragraph(
            number.text_frame,
            str(len(self.deck.slides)),
            Pt(11),
            colour=MUTED,
            first=True,
            align="right",
        )
        return slide

    def _text_box(
        self, left: float, top: float, width: float, height: float, slide: Slide | None = None
    ) -> Any:
        from pptx.util import Inches

        target = slide if slide is not None else self.deck.slides[-1]
        box = target.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        box.text_frame.word_wrap = True
        return box

    # --- slide kinds ---

    def picture_slide(
        self, view: View, picture: bytes | None, pixel_size: tuple[int, int]
    ) -> Slide:
        from pptx.util import Inches, Pt

        slide = self.content_slide(view.title)
        note_height = 0.6 if view.note else 0.0
        box_width = SLIDE_WIDTH_IN - 2 * MARGIN_IN
        box_height = CONTENT_BOTTOM_IN - CONTENT_TOP_IN - note_height
        bottom = CONTENT_TOP_IN
        if picture is not None:
            width_px, height_px = pixel_size
            scale = min(box_width / width_px, box_height / height_px)
            width_in, height_in = width_px * scale, height_px * scale
            left = MARGIN_IN + (box_width - width_in) / 2
            shape = slide.shapes.add_picture(
                io.BytesIO(picture),
                Inches(left),
                Inches(CONTENT_TOP_IN),
                Inches(width_in),
                Inches(height_in),
            )
            # the alternative text a screen reader speaks; lxml escapes it as an attribute
            element: Any = shape._element
            element.nvPicPr.cNvPr.set("descr", view.description or view.title)
            bottom = CONTENT_TOP_IN + height_in
        if view.note:
            note = self._text_box(MARGIN_IN, bottom + 0.1, box_width, note_height, slide)
            _paragraph(note.text_frame, view.note, Pt(14), colour=MUTED, first=True)
        return slide

    def figures_slide(self, view: View) -> Slide:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.enum.text import MSO_ANCHOR
        from pptx.util import Inches, Pt

        slide = self.content_slide(view.title)
        columns = 3
        gap = 0.3
        width = (SLIDE_WIDTH_IN - 2 * MARGIN_IN - (columns - 1) * gap) / columns
        height = 2.35
        for index, figure in enumerate(view.figures):
            row, column = divmod(index, columns)
            left = MARGIN_IN + column * (width + gap)
            top = CONTENT_TOP_IN + 0.15 + row * (height + gap)
            card = slide.shapes.add_shape(
                MSO_SHAPE.ROUNDED_RECTANGLE,
                Inches(left),
                Inches(top),
                Inches(width),
                Inches(height),
            )
            _fill(card, PANEL)
            card.adjustments[0] = 0.06
            frame = card.text_frame
            frame.word_wrap = True
            frame.vertical_anchor = MSO_ANCHOR.TOP
            _margins(frame, 0.25)
            _paragraph(frame, figure.label, Pt(16), colour=MUTED, first=True)
            _paragraph(frame, figure.value, Pt(30), colour=INK, bold=True, space_before=6)
            if figure.note:
                _paragraph(frame, figure.note, Pt(14), colour=MUTED, space_before=4)
        if view.note:
            note = self._text_box(
                MARGIN_IN, CONTENT_BOTTOM_IN - 0.5, SLIDE_WIDTH_IN - 2 * MARGIN_IN, 0.5, slide
            )
            _paragraph(note.text_frame, view.note, Pt(14), colour=MUTED, first=True)
        return slide

    def bullet_slide(
        self, title: str, sections: Sequence[tuple[str, Sequence[str]]], size: float = 18
    ) -> Slide:
        """Headed lists of lines; each line its own paragraph."""
        from pptx.util import Pt

        slide = self.content_slide(title)
        box = self._text_box(
            MARGIN_IN,
            CONTENT_TOP_IN,
            SLIDE_WIDTH_IN - 2 * MARGIN_IN,
            CONTENT_BOTTOM_IN - CONTENT_TOP_IN,
            slide,
        )
        frame = box.text_frame
        first = True
        for heading, lines in sections:
            if heading:
                _paragraph(
                    frame,
                    heading,
                    Pt(size + 2),
                    colour=ACCENT,
                    bold=True,
                    first=first,
                    space_before=0 if first else 10,
                )
                first = False
            for line in lines:
                _paragraph(frame, "•  " + line, Pt(size), colour=INK, first=first, space_before=4)
                first = False
        return slide

    def table_slide(
        self, title: str, header: Sequence[str], rows: Sequence[TableRow], widths: Sequence[float]
    ) -> Slide:
        from pptx.util import Inches, Pt

        slide = self.content_slide(title)
        shape = slide.shapes.add_table(
            len(rows) + 1,
            len(header),
            Inches(MARGIN_IN),
            Inches(CONTENT_TOP_IN),
            Inches(sum(widths)),
            Inches(HEADER_HEIGHT_IN + sum(_row_height(r) for r in rows)),
        )
        table = shape.table
        table.first_row = True
        table.horz_banding = False
        for index, width in enumerate(widths):
            table.columns[index].width = Inches(width)
        for column, text in enumerate(header):
            _cell(
                table.cell(0, column),
                text,
                Pt(TABLE_FONT_PT),
                bold=True,
                colour="FFFFFF",
                fill=HEADER_FILL,
                align="left" if column < 2 else "right",
            )
        table.rows[0].height = Inches(HEADER_HEIGHT_IN)
        for row_index, row in enumerate(rows, start=1):
            fill = BAND_FILL if row_index % 2 == 0 else "FFFFFF"
            for column, (text, gone) in enumerate(zip(row.cells, row.missing, strict=True)):
                cell = table.cell(row_index, column)
                _cell(
                    cell,
                    text,
                    Pt(TABLE_NOTE_PT if gone else TABLE_FONT_PT),
                    colour=MUTED if gone else INK,
                    fill=fill,
                    align="left" if column < 2 else "right",
                    bold=column == 0,
                    italic=gone,
                )
            _group_marker(table.cell(row_index, 1), GROUP_COLOURS.get(row.target_group, MUTED))
            table.rows[row_index].height = Inches(_row_height(row))
        return slide

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue()


# --- small python-pptx helpers ----------------------------------------------------------------


def _widen_template(deck: Deck, factor: float) -> None:
    """Stretch the default 4:3 master and layouts to 16:9, so new slides fit too."""
    master = deck.slide_master
    for shape in master.shapes:
        shape.left = int(shape.left * factor)
        shape.width = int(shape.width * factor)
    for layout in master.slide_layouts:
        for shape in layout.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left = int(shape.left * factor)
                shape.width = int(shape.width * factor)


def _place(shape: Any, left: float, top: float, width: float, height: float) -> None:
    from pptx.util import Inches

    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)


def _fill(shape: Any, colour: str) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(colour)
    shape.line.fill.background()
    shape.shadow.inherit = False


def _margins(frame: Any, inches: float) -> None:
    from pptx.util import Inches

    frame.margin_left = frame.margin_right = Inches(inches)
    frame.margin_top = frame.margin_bottom = Inches(inches * 0.75)


def _set_text(shape: Any, text: str, size: Any, bold: bool = False, colour: str = INK) -> None:
    frame = shape.text_frame
    frame.clear()
    _paragraph(frame, text, size, colour=colour, bold=bold, first=True)


def _paragraph(
    frame: Any,
    text: str,
    size: Any,
    colour: str = INK,
    bold: bool = False,
    first: bool = False,
    align: str = "left",
    space_before: float = 0,
) -> Any:
    """A paragraph of one plain run: the text is stored as text, whatever it contains."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    paragraph.alignment = {
        "left": PP_ALIGN.LEFT,
        "right": PP_ALIGN.RIGHT,
        "center": PP_ALIGN.CENTER,
    }[align]
    if space_before:
        paragraph.space_before = Pt(space_before)
    run = paragraph.add_run()
    run.text = text
    run.font.size = size
    run.font.bold = bold
    run.font.color.rgb = _rgb(colour)
    return paragraph


def _cell(
    cell: Any,
    text: str,
    size: Any,
    bold: bool = False,
    colour: str = INK,
    fill: str | None = None,
    align: str = "left",
    italic: bool = False,
) -> None:
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Inches

    frame = cell.text_frame
    frame.clear()
    frame.word_wrap = True
    paragraph = _paragraph(frame, text, size, colour=colour, bold=bold, first=True, align=align)
    paragraph.runs[0].font.italic = italic
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(0.08)
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)


def _group_marker(cell: Any, colour: str) -> None:
    """The target group's colour as a square before its name, as in the fan."""
    paragraph = cell.text_frame.paragraphs[0]
    run = paragraph.runs[0]
    marker = paragraph.add_run()
    marker.text = "■ "
    marker.font.size = run.font.size
    marker.font.color.rgb = _rgb(colour)
    # the marker goes first: move its XML element before the name's run
    run._r.addprevious(marker._r)


def _long_date(day: dt.date, lang: str) -> str:
    from babel.dates import format_date

    return format_date(day, format="long", locale=formatting.LOCALES.get(lang, "da_DK"))


# --- the table of interventions, split over slides ------------------------------------------

TABLE_WIDTHS = (3.65, 1.55, 1.35, 1.35, 1.55, 1.5, 1.18)
"""Inches per column; the sum is the slide's width inside its margins."""
TABLE_FONT_PT = 12
TABLE_NOTE_PT = 10
TABLE_ROOM_IN = CONTENT_BOTTOM_IN - CONTENT_TOP_IN - 0.15
CHARS_PER_INCH = 11.0
"""Characters of 12 pt text per inch of cell: on the safe side for wide fonts."""
LINE_IN = 0.22
"""The height of one line of 12 pt text in a table cell."""
ROW_PADDING_IN = 0.12


@dataclass(frozen=True)
class TableRow:
    """One intervention as the cells of the table."""

    cells: tuple[str, ...]
    missing: tuple[bool, ...]
    """True where the cell says why a figure is missing instead of giving it."""
    target_group: str


def table_header(lang: str) -> tuple[str, ...]:
    return tuple(
        t(f"committee_col_{key}", lang)
        for key in ("name", "group", "price", "ppj", "net", "ppaj", "stars")
    )


def table_rows(frame: pd.DataFrame, lang: str = "da") -> list[TableRow]:
    """One row per intervention, by target group and cheapest job first."""
    out = []
    for record in domain.records(_table_order(frame)):
        figures = [
            (formatting.figure_value(name, record, lang), formatting.is_missing(record.get(name)))
            for name in ("price_per_job", "net_effect", "price_per_additional_job")
        ]
        out.append(
            TableRow(
                cells=(
                    str(record["name"]),
                    t(f"tg_{record['target_group']}_short", lang),
                    formatting.figure_value("price_per_participant", record, lang),
                    *(text for text, _ in figures),
                    formatting.stars(record.get("evidence_stars")),
                ),
                missing=(False, False, False, *(gone for _, gone in figures), False),
                target_group=str(record["target_group"]),
            )
        )
    return out


def _row_height(row: TableRow, widths: Sequence[float] = TABLE_WIDTHS) -> float:
    """Inches: the cell that needs the most lines decides."""
    lines = 1
    for text, gone, width in zip(row.cells, row.missing, widths, strict=True):
        per_inch = CHARS_PER_INCH * (TABLE_FONT_PT / TABLE_NOTE_PT if gone else 1.0)
        per_line = max(4, int((width - 0.16) * per_inch))
        lines = max(lines, _wrapped_lines(text, per_line))
    return lines * LINE_IN + ROW_PADDING_IN


def _wrapped_lines(text: str, per_line: int) -> int:
    """Lines a text takes when wrapped between words at `per_line` characters."""
    import textwrap

    return max(1, len(textwrap.wrap(text, per_line)))


HEADER_HEIGHT_IN = 2 * LINE_IN + ROW_PADDING_IN


def paginate(
    rows: Sequence[TableRow], room: float = TABLE_ROOM_IN, max_rows: int = 13
) -> list[list[TableRow]]:
    """Split the rows into pages that each fit a slide under the header row."""
    pages: list[list[TableRow]] = [[]]
    used = HEADER_HEIGHT_IN
    for row in rows:
        height = _row_height(row)
        if pages[-1] and (used + height > room or len(pages[-1]) >= max_rows):
            pages.append([])
            used = HEADER_HEIGHT_IN
        pages[-1].append(row)
        used += height
    return pages if pages[0] else []


def paginate_lines(
    lines: Sequence[str], chars_per_line: int = 150, room_lines: int = 21
) -> list[list[str]]:
    """Split text lines (that wrap) into slides of about `room_lines` printed lines."""
    pages: list[list[str]] = [[]]
    used = 0.0
    for line in lines:
        needed = max(1, math.ceil(len(line) / chars_per_line))
        if pages[-1] and used + needed > room_lines:
            pages.append([])
            used = 0.0
        pages[-1].append(line)
        used += needed + 0.3
    return pages if pages[0] else []


# --- building -----------------------------------------------------------------------------


def _picture(chart: alt.TopLevelMixin | dict[str, Any], lang: str) -> tuple[bytes, tuple[int, int]]:
    rendered = images.render(chart, lang)
    data = rendered.png(PICTURE_MIN_WIDTH)
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return data, (int(image.width), int(image.height))


@dataclass(frozen=True)
class DeckFile:
    """A built deck."""

    data: bytes
    """The .pptx file."""
    slides: int


def build_deck(committee: Committee, progress: Progress | None = None) -> DeckFile:
    """The whole deck: title, key figures, the fans, the table, the allocation, the frontier,
    the reading guide, definitions and sources."""
    report = progress or (lambda share, step: None)
    lang = committee.lang
    writer = _DeckWriter(committee)
    writer.title_slide()
    charted = sum(1 for view in committee.views if view.chart is not None)
    drawn = 0
    last_fan = max((i for i, v in enumerate(committee.views) if v.key.startswith("fan")), default=0)
    for index, view in enumerate(committee.views):
        if view.figures:
            writer.figures_slide(view)
        elif view.chart is not None:
            report(0.05 + 0.85 * drawn / max(1, charted), _step(view.key))
            picture, size = _picture(view.chart, committee.lang)
            drawn += 1
            writer.picture_slide(view, picture, size)
        else:
            writer.bullet_slide(view.title, [("", [view.note])])
        if index == last_fan:
            _table_slides(writer, committee)
    report(0.92, "committee_step_slides")
    guide = t("committee_guide_lines", lang).split("\n")
    writer.bullet_slide(t("committee_guide", lang), [("", guide)], size=18)
    _definitions_slide(writer, committee)
    _sources_slides(writer, committee)
    data = writer.save()
    report(1.0, "committee_step_done")
    return DeckFile(data, len(writer.deck.slides))


def _step(view_key: str) -> str:
    if view_key == "fan":
        return "committee_step_fan"
    if view_key.startswith("fan_"):
        return "committee_step_groups"
    return f"committee_step_{view_key}"


def _table_slides(writer: _DeckWriter, committee: Committee) -> None:
    lang = committee.lang
    pages = paginate(table_rows(committee.frame, lang))
    if not pages:
        year = committee.year if committee.year is not None else ""
        writer.bullet_slide(
            t("committee_table", lang), [("", [t("committee_empty", lang, year=year)])]
        )
        return
    for number, page in enumerate(pages, start=1):
        title = t("committee_table", lang)
        if len(pages) > 1:
            title += " " + t("committee_table_part", lang, part=number, parts=len(pages))
        writer.table_slide(title, table_header(lang), page, TABLE_WIDTHS)


def _definitions_slide(writer: _DeckWriter, committee: Committee) -> None:
    lang = committee.lang
    definitions = [
        f"{t('col_price_per_job', lang)}: {t('def_price_per_job', lang)}",
        f"{t('col_net_effect', lang)}: {t('def_net_effect', lang)}",
        f"{t('col_price_per_additional_job', lang)}: {t('def_price_per_additional_job', lang)}",
        t("stars_3", lang),
        t("stars_2", lang),
        t("stars_1", lang),
    ]
    general = [
        t(
            "committee_value_of_job",
            lang,
            value=formatting.kroner(domain.DEFAULT_VALUE_PER_JOB, lang),
        ),
        t("committee_general_sources", lang),
    ]
    writer.bullet_slide(
        t("committee_definitions", lang),
        [
            (t("committee_definitions_heading", lang), definitions),
            (t("committee_sources_heading", lang), general),
        ],
        size=15,
    )


def _sources_slides(writer: _DeckWriter, committee: Committee) -> None:
    lang = committee.lang
    lines = [f"{name}: {source}" for name, source in committee.sources]
    pages = paginate_lines(lines)
    for number, page in enumerate(pages, start=1):
        title = t("committee_sources_appendix", lang)
        if len(pages) > 1:
            title += " " + t("committee_table_part", lang, part=number, parts=len(pages))
        writer.bullet_slide(title, [("", page)], size=11)


def write_deck(committee: Committee, out: Path, progress: Progress | None = None) -> DeckFile:
    """Build the deck and write it to `out` whole (never half a file)."""
    deck = build_deck(committee, progress)
    images.write_atomically(out, deck.data)
    return deck
