"""The tables of the effect and business-case page, every cell as the reader sees it.

Built here, without Streamlit, so that the page only draws them and a test can read every
cell: no cell ever says None or nan, in Danish or in English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from viften.model import effects
from viften.present import figures, formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


def _heading(name: str, lang: str) -> str:
    return t(figures.FIGURES[name].heading, lang)


def _difference(a: Any, b: Any) -> float | None:
    if formatting.is_missing(a) or formatting.is_missing(b):
        return None
    return float(a) - float(b)


def effect_table(frame: pd.DataFrame, dist: effects.EffectDistributions, lang: str) -> pd.DataFrame:
    """Per intervention: where its figures come from, how many stand behind them, the entered
    and the measured job rate and extra effect, the interval, its flag and any note."""
    import pandas as pd

    flags = effects.uncertainty_flag(dist.low, dist.high)
    small = effects.small_sample(
        frame["n_treatment"].to_numpy(dtype="float64"), frame["n_control"].to_numpy(dtype="float64")
    )
    rows = []
    for i, row in enumerate(frame.to_dict(orient="records")):
        measured = row["rates_from"] == "outcomes"
        notes = []
        if small[i]:
            notes.append(t("effects_small_sample", lang))
        if measured and _count(row["n_control"]) == 0:
            notes.append(t("effects_no_control_measured", lang))
        interval = (
            "–"
            if dist.basis[i] == "none"
            else f"{formatting.points(dist.low[i], lang)} … {formatting.points(dist.high[i], lang)}"
        )
        shown = {
            "entered_job_rate": row["entered_job_rate"],
            "measured_job_rate": row["job_rate"] if measured else None,
            "entered_net_effect": _difference(
                row["entered_job_rate"], row["entered_control_job_rate"]
            ),
            "measured_net_effect": row["net_effect"] if measured else None,
            "n_treatment": _count(row["n_treatment"]) if measured else None,
            "n_control": _count(row["n_control"]) if measured else None,
            # the reason for a missing extra effect is decided from these
            "price_per_participant": row["price_per_participant"],
            "job_rate": row["entered_job_rate"],
            "control_job_rate": row["entered_control_job_rate"],
        }
        rows.append(
            {
                t("col_name", lang): str(row["name"]),
                t("effects_col_rates_from", lang): t(
                    "effects_from_outcomes" if measured else "effects_from_entered", lang
                ),
                **{
                    _heading(name, lang): _measured(name, shown, measured, lang)
                    for name in (
                        "n_treatment",
                        "n_control",
                        "entered_job_rate",
                        "measured_job_rate",
                        "entered_net_effect",
                        "measured_net_effect",
                    )
                },
                t("effects_col_interval", lang): interval,
                t("effects_col_flag", lang): t(f"effects_flag_{flags[i]}", lang)
                if flags[i]
                else "",
                t("effects_col_note", lang): "; ".join(notes),
            }
        )
    return pd.DataFrame(rows, columns=effect_headings(lang))


RATES_PART = 6
"""The effect table's first six headings (the name, where the figures come from, how many
stand behind them and the job rates); the extra effect follows in a table of its own."""


def effect_parts(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The effect table as two that each fit a 1366 px screen: the job rates, then the extra
    effect with its interval, its flag and any note. Both begin with the name."""
    headings = list(table.columns)
    return table[headings[:RATES_PART]], table[[headings[0], *headings[RATES_PART:]]]


def effect_headings(lang: str) -> list[str]:
    return [
        t("col_name", lang),
        t("effects_col_rates_from", lang),
        *(
            _heading(n, lang)
            for n in (
                "n_treatment",
                "n_control",
                "entered_job_rate",
                "measured_job_rate",
                "entered_net_effect",
                "measured_net_effect",
            )
        ),
        t("effects_col_interval", lang),
        t("effects_col_flag", lang),
        t("effects_col_note", lang),
    ]


_ONLY_MEASURED = ("n_treatment", "n_control", "measured_job_rate", "measured_net_effect")


def _measured(name: str, shown: dict[str, Any], measured: bool, lang: str) -> str:
    """A figure, or a plain dash where it is only measured and this one is not."""
    if name in _ONLY_MEASURED and not measured:
        return "–"
    return formatting.figure_value(name, shown, lang)


def _count(value: Any) -> int:
    return 0 if formatting.is_missing(value) else int(value)


CASE_FIGURES = (
    "price_per_participant",
    "net_effect",
    "benefit_cost_ratio",
    "break_even_effect",
    "net_result_per_participant",
    "probability_pays_off",
)


def case_table(case: pd.DataFrame, chance: np.ndarray, lang: str) -> pd.DataFrame:
    """The business case per intervention: price, extra effect, benefit per krone, break-even,
    net result per participant and the chance of paying off, or why a figure is missing."""
    import pandas as pd

    rows = case.assign(probability_pays_off=chance)
    table = {t("col_name", lang): [str(n) for n in rows["name"]]}
    for name in CASE_FIGURES:
        table[_case_heading(name, lang)] = formatting.figure_column(name, rows, lang)
    return pd.DataFrame(table)


def _case_heading(name: str, lang: str) -> str:
    # the business case names two figures by their own, shorter headings
    own = {"benefit_cost_ratio": "effects_col_bcr", "break_even_effect": "effects_col_break_even"}
    return t(own[name], lang) if name in own else _heading(name, lang)
