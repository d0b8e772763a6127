"""The year-over-year page's tables and sentences, without Streamlit: every figure written by
the one formatter, names kept as text (tables for `st.dataframe`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from viften.model.year_over_year import YearComparison
from viften.present import formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd

LISTED = ("target_group", "price_per_participant", "price_per_job", "job_rate", "evidence_stars")
"""The figures shown beside an intervention that came or went."""


def counts_text(comparison: YearComparison, lang: str) -> str:
    return t(
        "yoy_counts",
        lang,
        came=len(comparison.came),
        went=len(comparison.went),
        changed=len(comparison.changed),
        same=len(comparison.same),
    )


def listed_table(
    names: Sequence[str], rows: Sequence[Mapping[str, Any]], lang: str
) -> pd.DataFrame:
    """The interventions named, with their target group, prices, job rate and stars."""
    import pandas as pd

    by_name = {str(r["name"]): r for r in rows}
    chosen = [by_name[n] for n in names if n in by_name]
    table: dict[str, list[str]] = {t("col_name", lang): [str(r["name"]) for r in chosen]}
    for column in LISTED:
        table[t(f"col_{column}", lang)] = formatting.figure_column(column, chosen, lang)
    return pd.DataFrame(table)


def changes_table(comparison: YearComparison, lang: str) -> pd.DataFrame:
    """One line per changed figure: intervention, figure, before, after."""
    import pandas as pd

    names, figures, before, after = [], [], [], []
    for changed in comparison.changed:
        for move in changed.moves:
            names.append(changed.name)
            figures.append(t(f"col_{move.field}", lang))
            before.append(formatting.figure_value(move.field, dict(changed.before), lang))
            after.append(formatting.figure_value(move.field, dict(changed.after), lang))
    return pd.DataFrame(
        {
            t("col_name", lang): names,
            t("yoy_figure", lang): figures,
            str(comparison.before_year): before,
            str(comparison.after_year): after,
        }
    )


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and math.isfinite(float(value))


def moves(comparison: YearComparison) -> list[dict[str, Any]]:
    """The arrows of the interventions whose price per job or job rate moved: from
    (price per job, job rate) of the first year to that of the second."""
    found = []
    for changed in comparison.changed:
        if not {m.field for m in changed.moves} & {"price_per_job", "job_rate"}:
            continue
        first, second = changed.before, changed.after
        raw = (
            first.get("price_per_job"),
            first.get("job_rate"),
            second.get("price_per_job"),
            second.get("job_rate"),
        )
        if not all(_finite(v) for v in raw):
            continue
        points = [float(v) for v in raw if v is not None]
        if points[0] > 0 and points[2] > 0:
            found.append(
                {
                    "name": changed.name,
                    "target_group": str(second.get("target_group")),
                    "x0": points[0],
                    "y0": points[1],
                    "x1": points[2],
                    "y1": points[3],
                }
            )
    return found
