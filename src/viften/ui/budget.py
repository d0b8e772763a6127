"""The budget page's parts: the current allocation, what-if by hand, the optimiser, the
frontier and the scenarios. Solves are cached per (interventions, request)."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from viften.actions import scenarios as scenario_actions
from viften.model import allocator, pool, what_if
from viften.model.allocator import Evaluation, FrontierPoint, Interventions, Request, Result
from viften.model.errors import ViftenError
from viften.model.target_groups import TARGET_GROUPS
from viften.present import budget_tables as tables
from viften.present import formatting, messages
from viften.present.charts import budget as charts
from viften.present.formatting import escape_markdown
from viften.present.texts import t
from viften.store import db, scenarios
from viften.ui import grid
from viften.ui.amounts import amount_input, kept_amount
from viften.ui.cache import FRAME_HASH, year_assumptions
from viften.ui.charts import show as show_chart
from viften.ui.charts import show_built
from viften.ui.feedback import write_failed
from viften.ui.state import actor, database, lazy_expander

BASE_KEY = "budget_base"
"""Where the what-if table starts from: {year, participants, source, version}."""
FLASH_KEY = "budget_flash"
"""A message to show after a rerun that a button asked for."""
TAB_KEY = "budget_tab"
"""The open tab, per language (`budget_tab_da`): only it is drawn."""
WHAT_IF_KEPT_KEY = "budget_what_if_kept"
"""The what-if as its tab last left it: {year, version (of the base), participants, budget}."""
RULES_KEPT_KEY = "budget_rules_kept"
"""The optimiser's locks and maxima as the rules table last had them, per year."""
RULES_OPEN_KEY = "budget_opt_rules_open"
CASE_OPEN_KEY = "budget_opt_case_open"
JOBS_OPEN_KEY = "budget_opt_jobs_open"
"""The optimal tab's rules editor, its jobs per intervention and its budget case per payer:
each is drawn only while its expander is open."""
_LOCK_MODES = ("", allocator.AT_LEAST, allocator.EXACTLY)


# --- solving, cached ------------------------------------------------------------------------


def interventions(frame: pd.DataFrame) -> Interventions:
    """The year's interventions with their budget case (the year's assumptions), extra effects
    assumed from the stars where there is no control group (`budget_msg_assumed_effects`)."""
    years = frame["year"].dropna().tolist() if "year" in frame else []
    year = int(years[0]) if years else None
    # the app values an intervention without a control group by the extra effect its stars
    # stand for, shown as assumed: a statutory one is never dropped for lack of a measurement
    return Interventions.from_columns(
        frame, assumptions=year_assumptions(year), assume_effects=True
    )


def optimal(frame: pd.DataFrame, request: Request, explain: bool = True) -> Result:
    # the database's version in the key: saved assumptions change the NPV objectives
    return _optimal(frame, request, explain, db.data_version(database()))


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=FRAME_HASH)
def _optimal(
    frame: pd.DataFrame, request: Request, explain: bool, version: tuple[int, int, int, int]
) -> Result:
    return allocator.optimise(interventions(frame), request, explain=explain)


def frontier(frame: pd.DataFrame, request: Request) -> tuple[FrontierPoint, ...]:
    return _frontier(frame, request, db.data_version(database()))


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=FRAME_HASH)
def _frontier(
    frame: pd.DataFrame, request: Request, version: tuple[int, int, int, int]
) -> tuple[FrontierPoint, ...]:
    return allocator.frontier(interventions(frame), request)


AUTO_SOLVE_LIMIT = allocator.INTERACTIVE_LIMIT

_ASKED = "budget_solve_asked"


def solved(frame: pd.DataFrame, request: Request) -> Result | None:
    """The optimal allocation where the page may have it without a button: at once for a
    municipality's fan, and for a huge one once its button was pressed (another tab's)."""
    if len(frame) <= AUTO_SOLVE_LIMIT or request in st.session_state.get(_ASKED, set()):
        return optimal(frame, request)
    return None


def optimal_on_request(
    frame: pd.DataFrame,
    request: Request,
    lang: str,
    key: str = "budget_solve_button",
    explain: bool = True,
) -> Result | None:
    """The optimal allocation: at once for a municipality's fan, on a button (`key`) for a
    huge one."""
    if len(frame) <= AUTO_SOLVE_LIMIT:
        return optimal(frame, request, explain)
    asked = st.session_state.setdefault(_ASKED, set())
    if request not in asked:
        st.info(t("budget_large_solve", lang, count=formatting.number(len(frame), lang)))
        if not st.button(t("budget_solve_button", lang), type="primary", key=key):
            return None
        asked.add(request)
    with st.spinner(t("budget_solving", lang, count=formatting.number(len(frame), lang))):
        return optimal(frame, request, explain)


# --- small helpers ----------------------------------------------------------------------------


def _flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(message)


def metrics(evaluation: Evaluation, lang: str, against: Evaluation | None = None) -> None:
    """Spend, jobs and prices per job; with `against`, the changes from it (none when zero)."""

    def delta(field: str, signed: Any) -> str | None:
        if against is None:
            return None
        change = float(getattr(evaluation, field)) - float(getattr(against, field))
        return None if abs(change) < 1e-9 else formatting.metric_delta(signed(change, lang))

    figures = [
        (
            "budget_metric_spend",
            _short_money(evaluation.spend, lang),
            delta("spend", tables.signed_money),
            "off",
        ),
        (
            "budget_metric_gross",
            formatting.number(evaluation.gross_jobs, lang, 1),
            delta("gross_jobs", tables.signed_number),
            "normal",
        ),
        (
            "budget_metric_net",
            formatting.number(evaluation.net_jobs, lang, 1),
            delta("net_jobs", tables.signed_number),
            "normal",
        ),
        (
            "budget_metric_price_per_job",
            formatting.kroner(evaluation.price_per_job, lang),
            None,
            "off",
        ),
        (
            "budget_metric_price_per_additional_job",
            formatting.kroner(evaluation.price_per_additional_job, lang),
            None,
            "off",
        ),
    ]
    exact = {"budget_metric_spend": formatting.kroner(evaluation.spend, lang)}
    for column, (key, value, change, colour) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(
            t(key, lang),
            value,
            change,
            delta_color=colour,  # type: ignore[arg-type]
            help=exact.get(key),
        )


def _short_money(amount: float, lang: str) -> str:
    """An amount for a metric, a fifth of the page wide: millions from 10 mio. kr. (the
    exact kroner in its help), or "94.479.0…" at 1366 px."""
    return (
        formatting.millions(amount, lang)
        if abs(amount) >= 10 * allocator.MILLION
        else (formatting.money(amount, lang))
    )


def current_section(data: Interventions, now: Evaluation, year: int, lang: str) -> None:
    st.caption(t("budget_current_caption", lang))
    if not any(now.participants):
        st.info(t("budget_no_plan", lang, year=year))
        return
    metrics(now, lang)
    if now.without_control:
        st.caption(t("budget_without_control", lang, count=now.without_control))
    if now.assumed_effects:
        st.caption(t("budget_assumed_effects", lang, count=now.assumed_effects))
    grid.table(tables.allocation_table(data, np.asarray(now.participants), lang))


# --- what if, by hand -------------------------------------------------------------------------


def _base(data: Interventions, year: int) -> dict[str, Any]:
    found = st.session_state.get(BASE_KEY)
    if (
        not isinstance(found, dict)
        or found.get("year") != year
        or len(found.get("participants", ())) != len(data)
    ):
        version = found.get("version", 0) + 1 if isinstance(found, dict) else 0
        found = {
            "year": year,
            "participants": tuple(int(v) for v in data.participants),
            "source_key": "current",
            "name": None,
            "version": version,
        }
        st.session_state[BASE_KEY] = found
    return found


def start_from(year: int, participants: Any, source_key: str, name: str | None = None) -> None:
    """Let the what-if table start from these participants (resetting its edits)."""
    old = st.session_state.get(BASE_KEY)
    version = old.get("version", 0) + 1 if isinstance(old, dict) else 0
    st.session_state[BASE_KEY] = {
        "year": year,
        "participants": tuple(int(v) for v in participants),
        "source_key": source_key,
        "name": name,
        "version": version,
    }


def _source_text(base: dict[str, Any], lang: str) -> str:
    key = base.get("source_key", "current")
    if key == "scenario":
        return t("budget_source_scenario", lang, name=escape_markdown(base.get("name")))
    return t(f"budget_source_{key}", lang)


def what_if_key(year: int, version: int) -> str:
    return f"budget_what_if_{year}_{version}"


def _participants_from(
    edited: pd.DataFrame, start: pd.DataFrame, data: Interventions, lang: str
) -> tuple[np.ndarray, list[str]]:
    """Participants from the edited table: a changed count wins, else changed kroner buy
    whole participants."""
    counts = pd.to_numeric(edited["participants"], errors="coerce").fillna(0).to_numpy()
    kroner = pd.to_numeric(edited["kroner"], errors="coerce").fillna(0).to_numpy()
    price = np.asarray(data.price, dtype="float64")
    out, rounded = what_if.participants_from(
        start["participants"].to_numpy(dtype="float64"),
        start["kroner"].to_numpy(dtype="float64"),
        counts,
        kroner,
        price,
    )
    return out, tables.rounding_notes(rounded, [str(n) for n in data.name], price, lang)


def what_if_section(
    data: Interventions, year: int, now: Evaluation, result: Result | None, lang: str
) -> Evaluation:
    """The editable table and what it costs and buys, beside the current allocation."""
    st.caption(t("budget_what_if_hint", lang))
    left, middle, right = st.columns([2, 1, 1])
    budget = amount_input(
        t("budget_what_if_budget", lang),
        default=float(now.spend),
        key=f"budget_what_if_budget_{year}",
        lang=lang,
        where=left,
    )
    if middle.button(t("budget_reset", lang), key="budget_reset"):
        start_from(year, data.participants, "current")
    if right.button(
        t("budget_use_optimal", lang),
        key="budget_use_optimal",
        disabled=result is None or result.status != allocator.OPTIMAL,
    ):
        assert result is not None  # the button is disabled without a result
        start_from(year, result.participants, "optimal")
    base = _base(data, year)
    kept = _kept_what_if(data, year, base)
    if (
        kept is not None
        and what_if_key(year, int(base["version"])) not in st.session_state
        and kept["participants"] != base["participants"]
    ):
        # the tab was closed and its editor forgot the edits: start again from them
        start_from(year, kept["participants"], base["source_key"], base.get("name"))
        base = _base(data, year)
    st.caption(t("budget_what_if_from", lang, source=_source_text(base, lang)))
    start_counts = np.asarray(base["participants"], dtype="int64")
    start = pd.DataFrame(
        {
            "name": [str(n) for n in data.name],
            "group": [tables.group_name(str(g), lang) for g in data.target_group],
            "price": data.price,
            "capacity": [None if math.isinf(c) else int(c) for c in data.capacity],
            "now": data.participants,
            "participants": start_counts,
            "kroner": start_counts * data.price,
        }
    )
    edited = st.data_editor(
        start,
        key=what_if_key(year, int(base["version"])),
        hide_index=True,
        width="stretch",
        disabled=["name", "group", "price", "capacity", "now"],
        column_config={
            "name": st.column_config.TextColumn(t("col_name", lang)),
            "group": st.column_config.TextColumn(t("col_target_group", lang)),
            "price": st.column_config.NumberColumn(
                t("col_price_per_participant", lang), format="%.0f"
            ),
            "capacity": st.column_config.NumberColumn(t("col_capacity", lang), format="%d"),
            "now": st.column_config.NumberColumn(
                t("budget_col_participants_now", lang), format="%d"
            ),
            "participants": st.column_config.NumberColumn(
                t("budget_col_participants_what_if", lang), min_value=0, step=1, format="%d"
            ),
            "kroner": st.column_config.NumberColumn(
                t("budget_col_kroner_what_if", lang), min_value=0, step=1000, format="%.0f"
            ),
        },
    )
    participants, notes = _participants_from(edited, start, data, lang)
    evaluation = allocator.evaluate(data, participants, budget)
    metrics(evaluation, lang, against=now)
    if evaluation.budget_left < 0:
        st.error(
            t("budget_over_budget", lang, over=formatting.money(-evaluation.budget_left, lang))
        )
    else:
        st.caption(
            f"{t('budget_metric_left', lang)}: "
            f"{formatting.full_stop(formatting.money(evaluation.budget_left, lang))} "
            f"{t('budget_within_budget', lang)}"
        )
    for problem in evaluation.over_capacity:
        st.warning(
            t(
                "budget_over_capacity",
                lang,
                name=escape_markdown(problem.name),
                participants=formatting.number(problem.participants, lang),
                capacity=formatting.number(problem.capacity, lang),
            )
        )
    for note in notes:
        st.caption(note)
    st.session_state[WHAT_IF_KEPT_KEY] = {
        "year": year,
        "version": base["version"],
        "participants": tuple(int(v) for v in participants),
    }
    return evaluation


def _kept_what_if(data: Interventions, year: int, base: dict[str, Any]) -> dict[str, Any] | None:
    """The what-if's participants as its tab last left them, if they are edits of `base`."""
    kept = st.session_state.get(WHAT_IF_KEPT_KEY)
    if (
        isinstance(kept, dict)
        and kept.get("year") == year
        and kept.get("version") == base["version"]
        and len(kept.get("participants", ())) == len(data)
    ):
        return kept
    return None


def kept_what_if(data: Interventions, year: int, now: Evaluation) -> Evaluation:
    """The what-if as its tab last left it, read without drawing the tab (the table's
    start before it was first opened)."""
    base = _base(data, year)
    kept = _kept_what_if(data, year, base)
    participants = (kept or base)["participants"]
    budget = kept_amount(f"budget_what_if_budget_{year}", float(now.spend))
    return allocator.evaluate(data, np.asarray(participants, dtype="int64"), budget)


# --- the optimiser ----------------------------------------------------------------------------


def _kept_rules(year: int) -> dict[str, dict[str, Any]]:
    """The locks and maxima as the rules table last had them: {"locks": …, "maxima": …}."""
    found = st.session_state.get(f"{RULES_KEPT_KEY}_{year}")
    return found if isinstance(found, dict) else {"locks": {}, "maxima": {}}


def _rules(data: Interventions, year: int, lang: str) -> None:
    """The table of locks and maxima, started from the ones kept: an editor forgets its edits
    while its tab is closed, the kept rules do not."""
    labels = {mode: t(f"budget_lock_{mode or 'none'}", lang) for mode in _LOCK_MODES}
    modes = {label: mode for mode, label in labels.items()}
    kept = _kept_rules(year)
    names = [str(n) for n in data.name]
    start = pd.DataFrame(
        {
            "name": names,
            "planned": data.participants,
            "capacity": [None if math.isinf(c) else int(c) for c in data.capacity],
            "lock": [labels[kept["locks"].get(name, "")] for name in names],
            "maximum": [kept["maxima"].get(name) for name in names],
        }
    ).astype({"maximum": "Float64"})
    st.caption(t("budget_opt_rules_hint", lang))
    edited = st.data_editor(
        start,
        key=f"budget_rules_{year}_{lang}",
        hide_index=True,
        width="stretch",
        disabled=["name", "planned", "capacity"],
        column_config={
            "name": st.column_config.TextColumn(t("col_name", lang)),
            "planned": st.column_config.NumberColumn(
                t("budget_col_participants_now", lang), format="%d"
            ),
            "capacity": st.column_config.NumberColumn(t("col_capacity", lang), format="%d"),
            "lock": st.column_config.SelectboxColumn(
                t("budget_col_lock", lang), options=list(labels.values()), required=True
            ),
            "maximum": st.column_config.NumberColumn(
                t("budget_col_maximum", lang), min_value=0, step=1, format="%d"
            ),
        },
    )
    locks = {
        str(name): modes[str(label)]
        for name, label in zip(edited["name"], edited["lock"], strict=True)
        if modes.get(str(label))
    }
    maxima = {
        str(name): int(most)
        for name, most in zip(edited["name"], edited["maximum"], strict=True)
        if most is not None and not pd.isna(most)
    }
    st.session_state[f"{RULES_KEPT_KEY}_{year}"] = {"locks": locks, "maxima": maxima}


def _default_budget(now: Evaluation) -> float:
    return float(now.spend) if now.spend > 0 else allocator.MILLION


def request(data: Interventions, now: Evaluation, year: int, default_stars: int) -> Request:
    """The optimiser's request as its settings last stood (their defaults before the optimal
    tab was first opened): every tab reads it, without the settings drawn."""
    state = st.session_state
    names = {str(n) for n in data.name}
    rules = _kept_rules(year)
    shares = {g: int(state.get(f"budget_share_{g}", 0)) / 100 for g in TARGET_GROUPS}
    return Request.of(
        kept_amount(f"budget_opt_budget_{year}", _default_budget(now)),
        objective=str(state.get("budget_opt_objective", allocator.OBJECTIVES[0])),
        min_shares={g: s for g, s in shares.items() if s > 0},
        min_stars=int(state.get("budget_opt_min_stars") or default_stars),
        locks={n: m for n, m in rules["locks"].items() if n in names},
        maxima={n: m for n, m in rules["maxima"].items() if n in names},
        keep_mandatory=not state.get("budget_opt_ignore_mandatory", False),
    )


def optimiser_controls(
    data: Interventions, now: Evaluation, year: int, default_stars: int, lang: str
) -> Request:
    """Budget, objective, minimum shares, stars, locks and maxima: the optimiser's request.
    The settings keep their values while the tab is closed, and when the reader leaves the
    page and comes back (`persist_state="session"`; the amounts keep theirs themselves)."""
    with st.container(border=True):
        st.markdown(f"**{t('budget_opt_settings', lang)}**")
        left, middle, right = st.columns([2, 2, 1])
        amount_input(
            t("budget_opt_budget", lang),
            default=_default_budget(now),
            key=f"budget_opt_budget_{year}",
            lang=lang,
            help=t("budget_amount_help", lang),
            where=left,
        )
        middle.radio(
            t("budget_opt_objective", lang),
            allocator.OBJECTIVES,
            format_func=lambda o: t(f"budget_obj_{o}", lang),
            key="budget_opt_objective",
            persist_state="session",
        )
        right.radio(
            t("budget_opt_min_stars", lang),
            [1, 2, 3],
            index=default_stars - 1,
            format_func=lambda n: "★" * n,
            key="budget_opt_min_stars",
            persist_state="session",
        )
        st.caption(t("budget_opt_shares", lang))
        for column, group in zip(st.columns(3), TARGET_GROUPS, strict=True):
            column.slider(
                tables.group_name(group, lang),
                0,
                100,
                0,
                step=5,
                format="%d %%",
                key=f"budget_share_{group}",
                persist_state="session",
            )
        st.checkbox(
            t("budget_opt_ignore_mandatory", lang),
            key="budget_opt_ignore_mandatory",
            persist_state="session",
        )
        # drawn only when opened: the rules are kept apart from their editor (`_kept_rules`)
        with lazy_expander(t("budget_opt_rules", lang), RULES_OPEN_KEY) as shown:
            if shown.open:
                _rules(data, year, lang)
    return request(data, now, year, default_stars)


def _jobs_kind(objective: str) -> str:
    """The jobs an objective reports: all jobs for gross, else extra jobs."""
    return "gross" if objective == "gross" else "net"


def tradeoff_section(
    frame: pd.DataFrame,
    data: Interventions,
    request: Request,
    result: Result,
    now: Evaluation,
    year: int,
    lang: str,
) -> None:
    """What the chosen objective costs against another, in jobs and per payer, and the case
    per payer of the current, the optimal and the saved allocations."""
    others = [o for o in allocator.OBJECTIVES if o != request.objective]
    default = "net" if request.objective in allocator.NPV_OBJECTIVES else "kommune"
    compare = st.selectbox(
        t("budget_opt_compare", lang),
        others,
        index=others.index(default),
        format_func=lambda o: t(f"budget_obj_{o}", lang),
        key="budget_opt_compare",
        persist_state="session",
    )
    other = optimal(frame, replace(request, objective=str(compare)), explain=False)
    sentence = allocator.tradeoff(result, other)
    if sentence is not None:
        st.info(messages.render(sentence, lang, markdown=True))
    columns: list[tuple[str, Evaluation | None]] = [(t("budget_case_col_current", lang), now)]
    for found in (result, other):
        heading = t("budget_case_col_optimal", lang, goal=t(f"budget_goal_{found.objective}", lang))
        columns.append(
            (
                heading,
                None
                if found.status != allocator.OPTIMAL
                else allocator.evaluate(data, found.participants, found.budget),
            )
        )
    for scenario in _saved(year)[:3]:
        participants, _missing = scenario.participants_for(data)
        columns.append(
            (
                t("budget_case_col_scenario", lang, name=scenario.name),
                allocator.evaluate(data, participants, scenario.budget),
            )
        )
    chosen_assumptions = year_assumptions(year)
    st.caption(
        t(
            "budget_case_caption",
            lang,
            horizon=chosen_assumptions.horizon,
            rate=formatting.percent(chosen_assumptions.discount_rate, lang, 1),
            year=year,
        )
    )
    grid.table(tables.payer_case_table(columns, lang))


def optimal_section(data: Interventions, result: Result, now: Evaluation, lang: str) -> None:
    """The optimal allocation beside the current one: what moves where, and why."""
    if result.status != allocator.OPTIMAL:
        st.error(
            t("budget_infeasible", lang, why=messages.render_all(result.notes, lang, markdown=True))
        )
        return
    flagged = [n for n in result.notes if n.key == "budget_msg_uncapped"]
    st.info(messages.render_all([n for n in result.notes if n not in flagged], lang, markdown=True))
    for note in flagged:
        st.warning(messages.render(note, lang, markdown=True))
    objective = result.objective
    best = allocator.evaluate(data, result.participants, result.budget)
    metrics(best, lang, against=now)
    left, right = st.columns(2)
    left.metric(t("budget_metric_left", lang), _short_money(best.budget_left, lang))
    marginal = result.marginal_jobs_per_million
    full = any(n.key.startswith("budget_msg_unspent_full") for n in result.notes)
    if full:
        more = t("budget_metric_marginal_full", lang)
    elif marginal is None:
        more = "–"
    elif objective in allocator.NPV_OBJECTIVES:
        more = t("budget_metric_marginal_npv", lang, amount=formatting.money(marginal, lang))
    else:
        more = t("budget_metric_marginal_value", lang, jobs=formatting.number(marginal, lang, 1))
    right.metric(
        t("budget_metric_marginal", lang),
        more,
        help=t("budget_metric_marginal_full_help", lang) if full else None,
    )
    st.subheader(t("budget_binding_heading", lang))
    notes = [messages.render(b.note, lang, markdown=True) for b in result.binding]
    st.markdown("\n".join(f"- {n}" for n in notes) if notes else t("budget_nothing_binds", lang))
    st.subheader(t("budget_moves_heading", lang))
    st.caption(
        t(
            "budget_compare_caption",
            lang,
            jobs=formatting.number(result.expected_jobs, lang, 1),
            kind=t(f"budget_kind_{_jobs_kind(objective)}", lang),
            now=formatting.number(now.expected_jobs(objective), lang, 1),
            cost=formatting.money(result.total_cost, lang),
            now_cost=formatting.money(now.spend, lang),
        )
    )
    moved = allocator.moves(data, result)
    if all(m.change == 0 for m in moved):
        st.caption(t("budget_nothing_moves", lang))
    shown = tables.largest_moves(moved, tables.SHOWN_MOVES)
    count = formatting.number(len(moved), lang)
    if len(shown) < len(moved):
        st.caption(
            t("budget_moves_largest", lang, shown=formatting.number(len(shown), lang), count=count)
        )
    spend, jobs = tables.moves_parts(tables.moves_table(shown, lang), lang)
    grid.table(spend)
    with lazy_expander(t("budget_moves_jobs", lang), JOBS_OPEN_KEY) as opened:
        if opened.open:
            grid.table(jobs)
    charted = shown[: tables.CHARTED_MOVES]
    if charted:
        if len(charted) < len(moved):
            st.caption(
                t(
                    "budget_moves_charted",
                    lang,
                    shown=formatting.number(len(charted), lang),
                    count=count,
                )
            )
        show_built(charts.comparison_chart, charted, lang, options={"width": "stretch"})


def frontier_section(
    frame: pd.DataFrame, request: Request, result: Result, now: Evaluation, lang: str
) -> None:
    st.caption(t("budget_frontier_caption", lang))
    if len(frame) > AUTO_SOLVE_LIMIT and not st.toggle(
        t("budget_frontier_large", lang), key="budget_frontier_large"
    ):
        return
    with st.spinner(t("budget_frontier_drawing", lang)):
        points = frontier(frame, request)
    objective = request.objective
    optimal_spot = (
        None if result.status != allocator.OPTIMAL else (result.budget, result.objective_value)
    )
    reached_now = now.objective_value(objective)
    chart = charts.frontier_chart(
        points,
        objective=objective,
        current=None if reached_now is None else (now.spend, reached_now),
        optimal=optimal_spot,
        lang=lang,
    )
    show_chart(chart, width="stretch")
    gaps = sum(p.expected_jobs is None for p in points)
    if gaps:
        st.caption(t("budget_frontier_gap", lang, count=gaps))
    cut = amount_input(
        t("budget_cut", lang),
        default=0.0,
        key="budget_cut",
        lang=lang,
        most=float(request.budget),
        help=t("budget_amount_help", lang),
    )
    if cut > 0 and result.status == allocator.OPTIMAL:
        smaller = request.with_budget(max(0.0, request.budget - cut))
        after = optimal(frame, smaller, explain=False)
        if after.status == allocator.OPTIMAL:
            decimals = 0 if objective in allocator.NPV_OBJECTIVES else 1
            st.info(
                t(
                    "budget_cut_result",
                    lang,
                    budget=formatting.money(smaller.budget, lang),
                    jobs=formatting.number(after.objective_value, lang, decimals),
                    kind=t(f"budget_kind_{objective}", lang),
                    lost=formatting.number(
                        result.objective_value - after.objective_value, lang, decimals
                    ),
                    full=formatting.number(result.objective_value, lang, decimals),
                    whole=formatting.money(request.budget, lang),
                )
            )
        else:
            st.warning(
                t(
                    "budget_cut_infeasible",
                    lang,
                    budget=formatting.money(smaller.budget, lang),
                    why=messages.render_all(after.notes, lang, markdown=True),
                )
            )
    with st.expander(t("budget_frontier_table", lang)):
        grid.table(tables.frontier_table(points, objective, lang))


# --- scenarios --------------------------------------------------------------------------------


def _save_form(
    data: Interventions, year: int, sources: dict[str, tuple[Any, dict[str, Any]]], lang: str
) -> None:
    st.subheader(t("budget_sc_save_heading", lang))
    if not actor().can_write:
        st.caption(t("budget_sc_editor_only", lang))
        return
    with st.form("budget_sc_save_form", border=False):
        name = st.text_input(
            t("budget_sc_name", lang), max_chars=scenarios.MAX_NAME_LENGTH, key="budget_sc_name"
        )
        source = st.radio(
            t("budget_sc_what", lang),
            list(sources),
            horizontal=True,
            format_func=lambda s: t(f"budget_sc_source_{s}", lang),
            key="budget_sc_source",
        )
        replace = st.checkbox(t("budget_sc_replace", lang), key="budget_sc_replace")
        if not st.form_submit_button(t("budget_sc_save", lang)):
            return
    participants, settings = sources[str(source)]
    if participants is None:
        st.error(t("budget_sc_no_optimal", lang))
        return
    try:
        saved = scenario_actions.save(
            database(),
            actor(),
            name,
            year,
            data,
            participants,
            {"source": source, **settings},
            replace=replace,
        )
    except ViftenError as error:
        write_failed(error, lang)
        return
    st.session_state[FLASH_KEY] = t("budget_sc_saved", lang, name=escape_markdown(saved.name))
    st.rerun()


def _saved(year: int) -> list[scenarios.Scenario]:
    path = database()
    return list(_saved_in(path, db.data_version(path), year))


@st.cache_resource(max_entries=16, show_spinner=False)
def _saved_in(
    path: Path, version: tuple[int, int, int, int], year: int
) -> tuple[scenarios.Scenario, ...]:
    """The year's scenarios, read again only when the database file has changed."""
    with db.connect(path) as con:
        return tuple(scenarios.list_scenarios(con, year))


def scenarios_section(
    data: Interventions,
    year: int,
    now: Evaluation,
    what_if: Evaluation,
    result: Result | None,
    request: Request,
    lang: str,
) -> None:
    """Save, list, open, delete and compare scenarios of this year."""
    _flash()
    optimal_participants = (
        result.participants if result is not None and result.status == allocator.OPTIMAL else None
    )
    sources: dict[str, tuple[Any, dict[str, Any]]] = {
        "what_if": (what_if.participants, {"budget": what_if.budget}),
        "optimal": (optimal_participants, request.settings()),
        "current": (now.participants, {"budget": now.spend}),
    }
    _save_form(data, year, sources, lang)
    saved = _saved(year)
    st.subheader(t("budget_sc_list_heading", lang, year=year))
    if not saved:
        st.caption(t("budget_sc_none", lang, year=year))
        return
    grid.table(tables.scenarios_table(saved, lang))
    names = [s.name for s in saved]
    by_name = {s.name: s for s in saved}
    pick, open_button, delete_button = st.columns([3, 1, 1], vertical_alignment="bottom")
    chosen = pick.selectbox(t("budget_sc_pick", lang), names, key="budget_sc_pick")
    if open_button.button(t("budget_sc_open", lang), key="budget_sc_open"):
        scenario = by_name[str(chosen)]
        participants, missing = scenario.participants_for(data)
        start_from(year, participants, "scenario", scenario.name)
        message = t("budget_sc_opened", lang, name=escape_markdown(scenario.name))
        if missing:
            message += " " + t(
                "budget_sc_missing", lang, names=", ".join(escape_markdown(n) for n in missing)
            )
        st.session_state[FLASH_KEY] = message
        st.rerun()
    if actor().can_write and delete_button.button(
        t("budget_sc_delete", lang), key="budget_sc_delete"
    ):
        try:
            scenario_actions.delete(database(), actor(), str(chosen), year)
        except ViftenError as error:
            write_failed(error, lang)
        else:
            st.session_state[FLASH_KEY] = t("budget_sc_deleted", lang, name=escape_markdown(chosen))
            st.rerun()
    _compare(saved, lang)


def _compare(saved: list[scenarios.Scenario], lang: str) -> None:
    st.subheader(t("budget_sc_compare_heading", lang))
    if len(saved) < 2:
        st.caption(t("budget_sc_need_two", lang))
        return
    names = [s.name for s in saved]
    left, right = st.columns(2)
    first_name = left.selectbox(t("budget_sc_first", lang), names, index=1, key="budget_sc_first")
    second_name = right.selectbox(
        t("budget_sc_second", lang), names, index=0, key="budget_sc_second"
    )
    by_name = {s.name: s for s in saved}
    both = scenarios.compare(by_name[str(first_name)], by_name[str(second_name)])
    for column, scenario in ((left, both.first), (right, both.second)):
        column.metric(t("budget_metric_spend", lang), formatting.money(scenario.spend, lang))
        column.metric(t("budget_metric_net", lang), formatting.number(scenario.net_jobs, lang, 1))
        column.metric(
            t("budget_metric_gross", lang), formatting.number(scenario.gross_jobs, lang, 1)
        )
    grid.table(tables.comparison_table(both, str(first_name), str(second_name), lang))


# --- the shared pool across kommuner (issue 14) -------------------------------------------------

POOL_PLACES_KEY = "budget_pool_places"
POOL_MODE_KEY = "budget_pool_mode"


def pool_places(data: Interventions) -> tuple[str, ...]:
    """The kommuner in view; a pool is offered where there are two or more."""
    return pool.municipalities(data)


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=FRAME_HASH)
def _pool_split(
    frame: pd.DataFrame,
    request: Request,
    places: tuple[str, ...],
    version: tuple[int, int, int, int],
) -> tuple[pool.KommuneShare, ...]:
    data = interventions(frame)
    return pool.split(data, allocator.optimise(data, request), places)


def pool_section(frame: pd.DataFrame, data: Interventions, min_stars: int, lang: str) -> None:
    """One pool spent across the chosen kommuner, each with its minimum (a share of the pool
    or an amount), and the answer per kommune."""
    from viften.model.domain import municipality_key
    from viften.present.benchmark import place

    st.subheader(t("budget_pool_heading", lang), anchor=False)
    st.caption(t("budget_pool_intro", lang))
    every = pool_places(data)
    chosen = st.multiselect(
        t("budget_pool_places", lang),
        every,
        default=list(every),
        format_func=lambda p: place(p, lang),
        key=POOL_PLACES_KEY,
        persist_state="session",
    )
    if len(chosen) < 2:
        st.info(t("budget_pool_choose", lang))
        return
    wanted = {municipality_key(p) for p in chosen}
    inside = frame["municipality"].fillna("").map(municipality_key).isin(wanted)
    part = frame[inside.to_numpy()]
    now = allocator.current(interventions(part))
    left, right = st.columns([3, 2])
    budget = amount_input(
        t("budget_pool_budget", lang),
        default=float(now.spend) if now.spend > 0 else allocator.MILLION,
        key="budget_pool_budget",
        lang=lang,
        help=t("budget_amount_help", lang),
        where=left,
    )
    as_amounts = (
        right.radio(
            t("budget_pool_mode", lang),
            ["share", "amount"],
            format_func=lambda m: t(f"budget_pool_mode_{m}", lang),
            horizontal=True,
            key=POOL_MODE_KEY,
            persist_state="session",
        )
        == "amount"
    )
    kind = "kroner" if as_amounts else "share"
    minimums: dict[str, float] = {}
    across = min(len(chosen), 4)
    for index, name in enumerate(chosen):
        if index % across == 0:
            # a row of its own, its fields at the bottom: a long kommune name wraps its
            # label onto two lines, and the fields beside it still line up
            columns = st.columns(across, vertical_alignment="bottom")
        minimums[name] = amount_input(
            # a widget's label is Markdown: a kommune's name is the user's own text
            t("budget_pool_minimum", lang, place=escape_markdown(place(name, lang))),
            default=0.0,
            key=f"budget_pool_min_{kind}_{municipality_key(name)}",
            lang=lang,
            kind=kind,
            most=None if as_amounts else 1.0,
            help=t(f"budget_pool_{'amount' if as_amounts else 'share'}_help", lang),
            where=columns[index % across],
        )
    shares = pool.shares_from_minimums(budget, minimums, as_amounts)
    over = [name for name, share in shares.items() if share > 1]
    if over:
        st.error(
            escape_markdown(
                t(
                    "budget_pool_over_pool",
                    lang,
                    place=place(over[0], lang),
                    amount=formatting.kroner(minimums[over[0]], lang),
                    budget=formatting.kroner(budget, lang),
                )
            )
        )
        return
    request = Request.of(budget, min_stars=min_stars, min_municipality_shares=shares)
    result = optimal_on_request(part, request, lang, key="budget_pool_solve", explain=False)
    if result is None:
        return
    if result.status != allocator.OPTIMAL:
        why = messages.render_all(result.notes, lang, markdown=True)
        st.error(t("budget_pool_infeasible", lang, why=why))
        return
    st.success(
        t(
            "budget_pool_result",
            lang,
            cost=formatting.money(result.total_cost, lang),
            budget=formatting.money(budget, lang),
            jobs=formatting.number(result.expected_jobs, lang, 1),
            participants=formatting.number(sum(result.participants), lang),
        )
    )
    split = _pool_split(part, request, tuple(chosen), db.data_version(database()))
    grid.table(tables.pool_table(split, budget, lang))
    st.caption(t("budget_pool_binds_caption", lang))
