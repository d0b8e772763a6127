"""Interventions as a table a person reads: chosen columns, Danish headings, Danish numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from viften.present import formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd

TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "text"),
    ("target_group", "target_group"),
    ("evidence_stars", "stars"),
    ("price_per_participant", "kroner"),
    ("job_rate", "percent"),
    ("control_job_rate", "percent"),
    ("net_effect", "points"),
    ("price_per_job", "kroner"),
    ("price_per_additional_job", "kroner"),
    ("participants", "number"),
    ("capacity", "number"),
    ("provider", "text"),
    ("effect_rating", "effect_rating"),
    ("rates_from", "rates_from"),
)

SORTABLE = ("name", "price_per_job", "price_per_additional_job", "net_effect", "job_rate",
            "evidence_stars", "price_per_participant")


def display(frame: pd.DataFrame, lang: str = "da") -> pd.DataFrame:
    """Every cell as the text a reader sees; a missing figure is a dash."""
    import pandas as pd

    columns: dict[str, list[str]] = {}
    for field, kind in TABLE_COLUMNS:
        heading = t(f"col_{field}", lang)
        values = frame[field]
        if kind == "text":
            columns[heading] = ["" if v is None or v != v else str(v) for v in values]
        elif kind == "target_group":
            columns[heading] = [t(f"tg_{v}_short", lang) for v in values]
        elif kind == "effect_rating":
            columns[heading] = ["–" if not isinstance(v, str) else t(f"er_{v}", lang)
                                for v in values]
        elif kind == "rates_from":
            columns[heading] = [t(f"rates_from_{v}", lang) for v in values]
        elif field == "capacity":
            columns[heading] = [t("no_limit", lang) if formatting.is_missing(v)
                                else formatting.column([v], "number", lang)[0] for v in values]
        else:
            columns[heading] = formatting.column(values, kind, lang)
    return pd.DataFrame(columns)


def sort(frame: pd.DataFrame, by: str, descending: bool = False) -> pd.DataFrame:
    """Sorted with missing figures last, whichever the direction."""
    return frame.sort_values(by, ascending=not descending, na_position="last", kind="stable")
