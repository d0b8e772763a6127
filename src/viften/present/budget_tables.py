"""The tables of the budget page, every cell as the reader sees it, built without Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from viften.model.allocator import NPV_OBJECTIVES, PAYERS
from viften.present import formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd

    from viften.model.allocator import FrontierPoint, Interventions, Move
    from viften.model.pool import KommuneShare
    from viften.model.what_if import Rounded


def group_name(group: str, lang: str) -> str:
    return t(f"tg_{group}_short", lang)


def signed_money(value: float, lang: str) -> str:
    return formatting.signed(value, formatting.money(abs(value), lang))


def signed_number(value: float, lang: str, decimals: int = 1) -> str:
    return formatting.signed(value, formatting.number(abs(value), lang, decimals))


def allocation_table(data: Interventions, participants: np.ndarray, lang: str) -> pd.DataFrame:
    """The interventions an allocation buys: participants, price, cost, jobs and extra jobs
    (or why an intervention has no extra jobs)."""
    import pandas as pd

    chosen = np.flatnonzero(participants > 0)
    net = data.jobs_per_participant("net")[chosen]
    count = participants[chosen].astype("float64")
    price = np.asarray(data.price, dtype="float64")[chosen]
    no_control = np.isnan(np.asarray(data.net_effect, dtype="float64")[chosen])
    extra = formatting.column(np.where(no_control, np.nan, net * count), "number", lang, 1)
    assumed = np.asarray(data.assumed, dtype=bool)[chosen]
    extra = [_assumed(text, flag, lang) for text, flag in zip(extra, assumed, strict=True)]
    missing = formatting.missing("reason_no_control", lang)
    return pd.DataFrame(
        {
            t("col_name", lang): [str(data.name[i]) for i in chosen],
            t("col_target_group", lang): [
                group_name(str(data.target_group[i]), lang) for i in chosen
            ],
            t("col_participants", lang): formatting.column(count, "number", lang),
            t("col_price_per_participant", lang): formatting.column(price, "kroner", lang),
            t("budget_col_cost", lang): formatting.column(price * count, "kroner", lang),
            t("budget_col_jobs", lang): formatting.column(
                np.asarray(data.job_rate, dtype="float64")[chosen] * count, "number", lang, 1
            ),
            t("budget_col_extra_jobs", lang): [
                missing if gap else text for gap, text in zip(no_control, extra, strict=True)
            ],
        }
    )


def _assumed(text: str, assumed: bool, lang: str) -> str:
    """Extra jobs from an effect assumed from the stars: "4,2 (antaget)"."""
    return f"{text} ({t('budget_assumed', lang)})" if assumed else text


SHOWN_MOVES = 500
"""Rows of the moves table at most. A national allocation moves money in 15.000 interventions:
a table of them all takes seconds to build on every rerun and cannot be read, so the largest
changes of spend are shown, and the caption says of how many."""
CHARTED_MOVES = 40
"""Interventions in the chart of the moves at most (two bars each), for the same reason."""


def _by_change(move: Move) -> tuple[float, str]:
    return (-abs(move.cost_after - move.cost_before), move.name)


def largest_moves(moved: Sequence[Move], limit: int) -> tuple[Move, ...]:
    """The `limit` moves with the largest change of spend, largest first."""
    return tuple(sorted(moved, key=_by_change)[:limit])


def moves_table(moved: Sequence[Move], lang: str) -> pd.DataFrame:
    """What the optimal allocation moves, the largest change of spend first."""
    import pandas as pd

    ordered = sorted(moved, key=_by_change)
    return pd.DataFrame(
        {
            t("col_name", lang): [m.name for m in ordered],
            t("col_target_group", lang): [group_name(m.target_group, lang) for m in ordered],
            t("budget_col_before", lang): [formatting.number(m.before, lang) for m in ordered],
            t("budget_col_after", lang): [formatting.number(m.after, lang) for m in ordered],
            t("budget_col_change", lang): [signed_number(m.change, lang, 0) for m in ordered],
            t("budget_col_cost_before", lang): [
                formatting.kroner(m.cost_before, lang) for m in ordered
            ],
            t("budget_col_cost_after", lang): [
                formatting.kroner(m.cost_after, lang) for m in ordered
            ],
            t("budget_col_jobs_after", lang): [
                formatting.number(m.jobs_after, lang, 1) for m in ordered
            ],
            t("budget_col_extra_jobs_after", lang): [
                _assumed(formatting.number(m.extra_jobs_after, lang, 1), m.assumed, lang)
                for m in ordered
            ],
            t("budget_col_jobs_per_million", lang): [
                formatting.number(m.jobs_per_million, lang, 1) for m in ordered
            ],
            t("budget_col_why", lang): [t(m.reason, lang) for m in ordered],
        }
    )


MOVES_JOBS = ("budget_col_jobs_after", "budget_col_extra_jobs_after", "budget_col_jobs_per_million")
"""The moves table's headings of what the optimum buys: a table of their own beside the name."""


def moves_parts(table: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The moves table as two that each fit a 1366 px screen, even with national figures and
    the longest reason (eleven headings alone need more): what moves and why, then the jobs
    the optimum buys. Both begin with the name."""
    jobs = [t(key, lang) for key in MOVES_JOBS]
    name = t("col_name", lang)
    return table[[h for h in table.columns if h not in jobs]], table[[name, *jobs]]


def frontier_table(points: Sequence[FrontierPoint], objective: str, lang: str) -> pd.DataFrame:
    """The frontier as numbers: budget, expected jobs and what is spent."""
    import pandas as pd

    priced = objective in NPV_OBJECTIVES
    return pd.DataFrame(
        {
            t("budget_axis_budget_short", lang): [formatting.money(p.budget, lang) for p in points],
            t(f"budget_axis_jobs_{objective}", lang): [
                formatting.kroner(p.expected_jobs, lang)
                if priced
                else formatting.number(p.expected_jobs, lang, 1)
                for p in points
            ],
            t("budget_metric_spend", lang): [formatting.kroner(p.total_cost, lang) for p in points],
        }
    )


def scenarios_table(saved: Sequence[Any], lang: str) -> pd.DataFrame:
    """The saved scenarios of a year (`store.scenarios.Scenario`s): who saved what when, from
    where, its spend and jobs."""
    import pandas as pd

    return pd.DataFrame(
        {
            t("budget_sc_name", lang): [s.name for s in saved],
            t("budget_sc_col_created", lang): [
                s.created_at.strftime("%d-%m-%Y %H:%M") if s.created_at else "–" for s in saved
            ],
            t("budget_sc_col_by", lang): [s.created_by or "–" for s in saved],
            t("budget_sc_col_source", lang): [
                t(f"budget_sc_source_{s.settings.get('source', 'what_if')}", lang) for s in saved
            ],
            t("budget_metric_spend", lang): [formatting.money(s.spend, lang) for s in saved],
            t("budget_metric_gross", lang): [
                formatting.number(s.gross_jobs, lang, 1) for s in saved
            ],
            t("budget_metric_net", lang): [formatting.number(s.net_jobs, lang, 1) for s in saved],
        }
    )


def comparison_table(both: Any, first_name: str, second_name: str, lang: str) -> pd.DataFrame:
    """Two scenarios side by side (a `store.scenarios.Comparison`; typed loosely, as the
    display layer does not import the store): participants in each, the change, the cost."""
    import pandas as pd

    return pd.DataFrame(
        {
            t("col_name", lang): [r.name for r in both.rows],
            t("col_target_group", lang): [group_name(r.target_group, lang) for r in both.rows],
            first_name: [formatting.number(r.first, lang) for r in both.rows],
            second_name if second_name != first_name else f"{second_name} (2)": [
                formatting.number(r.second, lang) for r in both.rows
            ],
            t("budget_col_change", lang): [signed_number(r.change, lang, 0) for r in both.rows],
            t("budget_col_cost", lang): [
                signed_money(r.second_cost - r.first_cost, lang) for r in both.rows
            ],
        }
    )


def rounding_notes(
    rounded: Sequence[Rounded], names: Sequence[str], price: np.ndarray, lang: str
) -> list[str]:
    """One sentence per typed amount that bought whole participants for less (Markdown: the
    name is escaped)."""
    return [
        t(
            "budget_kroner_rounded",
            lang,
            name=formatting.escape_markdown(names[r.index]),
            kroner=formatting.kroner(r.kroner, lang),
            participants=formatting.number(r.participants, lang),
            cost=formatting.kroner(r.participants * price[r.index], lang),
        )
        for r in rounded
    ]


def payer_case_table(columns: Sequence[tuple[str, Any]], lang: str) -> pd.DataFrame:
    """The case of several allocations side by side: one column per (heading, allocation), an
    `allocator.Evaluation` or None where there is none (the requirements cannot be met); rows
    the spend, all jobs, the extra jobs and each payer's net present value ("–" with the reason
    where the allocation has no budget case)."""
    import pandas as pd

    rows: list[str] = [
        t("budget_case_row_spend", lang),
        t("budget_case_row_gross", lang),
        t("budget_case_row_net", lang),
    ]
    rows += [t(f"budget_case_row_{payer}", lang) for payer in PAYERS]
    table: dict[str, list[str]] = {t("budget_case_col_figure", lang): rows}
    for heading, evaluation in columns:
        if evaluation is None:
            table[heading] = [t("budget_case_infeasible", lang)] * len(rows)
            continue
        cells = [
            formatting.kroner(evaluation.spend, lang),
            formatting.number(evaluation.gross_jobs, lang, 1),
            formatting.number(evaluation.net_jobs, lang, 1),
        ]
        npv = evaluation.payer_npv
        cells += (
            [formatting.kroner(value, lang) for value in npv]
            if npv is not None
            else [formatting.missing("budget_reason_no_case", lang)] * len(PAYERS)
        )
        table[heading] = cells
    return pd.DataFrame(table)


def pool_table(shares: Sequence[KommuneShare], budget: float, lang: str) -> pd.DataFrame:
    """A shared pool per kommune: its minimum, what it got (kroner and share of the pool),
    participants, expected extra jobs, and whether its minimum binds."""
    import pandas as pd

    from viften.present.benchmark import place

    return pd.DataFrame(
        {
            t("col_municipality", lang): [place(s.municipality, lang) for s in shares],
            t("budget_pool_col_minimum", lang): [
                formatting.kroner(s.minimum, lang)
                if s.minimum > 0
                else t("budget_pool_no_minimum", lang)
                for s in shares
            ],
            t("budget_pool_col_spend", lang): [formatting.kroner(s.spend, lang) for s in shares],
            t("budget_pool_col_share", lang): [
                formatting.percent(s.spend / budget if budget > 0 else 0.0, lang, 1) for s in shares
            ],
            t("col_participants", lang): [formatting.number(s.participants, lang) for s in shares],
            t("budget_col_extra_jobs", lang): [
                formatting.number(s.extra_jobs, lang, 1) for s in shares
            ],
            t("budget_pool_col_binds", lang): [
                t("budget_pool_binds_yes" if s.binds else "budget_pool_binds_no", lang)
                for s in shares
            ],
        }
    )
