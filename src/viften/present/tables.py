"""Interventions as a table a person reads: chosen columns, Danish headings, Danish numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from viften.present import figures, formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd

TABLE_COLUMNS: tuple[str, ...] = (
    "name",
    "target_group",
    "evidence_stars",
    "price_per_participant",
    "job_rate",
    "control_job_rate",
    "net_effect",
    "price_per_job",
    "price_per_additional_job",
    "participants",
    "capacity",
    "provider",
    "effect_rating",
    "rates_from",
)
"""The figures of the interventions table, in order (named in `viften.present.figures`)."""

SHOWN_FIRST: tuple[str, ...] = (
    "name",
    "target_group",
    "evidence_stars",
    "price_per_participant",
    "job_rate",
    "net_effect",
    "price_per_job",
    "price_per_additional_job",
)
"""The columns shown until the reader chooses others: what a 1366 px screen holds beside the
sidebar without scrolling sideways."""

SORTABLE = (
    "name",
    "price_per_job",
    "price_per_additional_job",
    "net_effect",
    "job_rate",
    "evidence_stars",
    "price_per_participant",
)


def display(
    frame: pd.DataFrame, lang: str = "da", columns: Sequence[str] = TABLE_COLUMNS
) -> pd.DataFrame:
    """Every cell as the text a reader sees; a missing figure is a dash with its reason.
    `columns` (of `TABLE_COLUMNS`) in the table's order; the name is always the first."""
    import pandas as pd

    chosen = ["name", *(name for name in TABLE_COLUMNS[1:] if name in columns)]
    return pd.DataFrame(
        {
            t(figures.FIGURES[name].heading, lang): formatting.figure_column(name, frame, lang)
            for name in chosen
        }
    )


def sort(frame: pd.DataFrame, by: str, descending: bool = False) -> pd.DataFrame:
    """Sorted with missing figures last, whichever the direction."""
    return frame.sort_values(by, ascending=not descending, na_position="last", kind="stable")
