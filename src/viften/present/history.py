"""The audit trail as a reader sees it: times, actions, fields and values in the reader's language.

The trail stores every value as text in Python's own spelling ("0.48", "low"); here each one is
read back in its column's type and written as every other view writes that figure
("48 %", "Lav"), so a change reads the same in the history as in the table it came from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from babel.dates import format_datetime

from viften.files.interventions import coerce_stored, deleted_fields
from viften.model.assumptions import HISTORY_PREFIX
from viften.model.domain import COLUMNS_BY_NAME
from viften.model.outcome_counts import outcome_counts
from viften.present import formatting
from viften.present.figures import FIGURES
from viften.present.texts import has, t

if TYPE_CHECKING:
    import pandas as pd


def when(stamp: str | None, lang: str = "da") -> str:
    """An ISO time of the trail as the reader writes it: 01.12.2026 19.01 / 1 Dec 2026, 19:01."""
    if not stamp:
        return ""
    moment = dt.datetime.fromisoformat(stamp)
    return format_datetime(
        moment,
        "short" if lang != "en" else "d MMM yyyy, HH:mm",
        locale=formatting.LOCALES.get(lang, formatting.LOCALES["da"]),
    )


_ASSUMPTION_SHARES = (
    "tax_rate",
    "municipal_tax_rate",
    "equalisation",
    "discount_rate",
    "persistence",
)


def _assumption_text(key: str, stored: str, lang: str) -> str:
    """A stored assumption's value (JSON text) as the reader writes it: kroner, a share, a
    number or a benefit's name; a source stays as it was typed."""
    try:
        value: Any = json.loads(stored)
    except ValueError:
        value = stored  # a text is kept as it is, not as JSON
    if key.endswith(".benefit") and isinstance(value, str) and has(f"iv_benefit_{value}"):
        return t(f"iv_benefit_{value}", lang)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return stored
    if key == "wage" or key.startswith("benefits."):
        return formatting.kroner(value, lang)
    if key in _ASSUMPTION_SHARES:
        return formatting.share(value, lang)
    return formatting.number(value, lang, 0 if float(value).is_integer() else 2)


_RECORD_SUMMARY = (
    "target_group",
    "price_per_participant",
    "capacity",
    "participants",
    "job_rate",
    "control_job_rate",
    "evidence_stars",
)
"""What the trail shows of a deleted record (the whole of it is kept for a restore)."""


def _record_text(stored: str, lang: str) -> str:
    """A deleted record (JSON) as a short line: Målgruppe: Tættere på; Pris pr. deltager: …"""
    values = dict(deleted_fields([(None, stored)]))
    return "; ".join(
        f"{field_text(name, lang)}: {value_text(name, values[name], lang)}"
        for name in _RECORD_SUMMARY
        if name in values
    )


def value_text(field: str | None, stored: str | None, lang: str = "da") -> str:
    """One old or new value of the trail; an empty one stays empty (nothing was there)."""
    if stored is None or stored == "":
        return ""
    if field is None and stored.startswith("{"):
        try:
            return _record_text(stored, lang)
        except ValueError:
            return stored
    if (
        field
        and field.startswith(HISTORY_PREFIX)
        and not field.startswith(HISTORY_PREFIX + "sources.")
    ):
        return _assumption_text(field.removeprefix(HISTORY_PREFIX), stored, lang)
    if field == "outcome_records" and (counts := outcome_counts(stored)) is not None:
        n_treatment, k_treatment, n_control, k_control = counts
        return t(
            "hist_outcome_counts",
            lang,
            n_treatment=formatting.number(n_treatment, lang),
            k_treatment=formatting.number(k_treatment, lang),
            n_control=formatting.number(n_control, lang),
            k_control=formatting.number(k_control, lang),
        )
    if field == "mandatory" and stored in ("True", "False"):
        return t("hist_mandatory_yes" if stored == "True" else "hist_mandatory_no", lang)
    if field == "benefit" and has(f"iv_benefit_{stored}"):
        return t(f"iv_benefit_{stored}", lang)
    if not field or field not in COLUMNS_BY_NAME or field not in FIGURES:
        return stored
    try:
        typed = coerce_stored(field, stored)
    except (TypeError, ValueError):
        return stored
    return formatting.figure_value(field, {field: typed}, lang)


def field_text(field: str | None, lang: str = "da", action: str | None = None) -> str:
    if not field:
        return t("hist_whole_record", lang) if action == "delete" else ""
    key = f"col_{field}"
    return t(key, lang) if has(key) else field


def subject_text(row: Mapping[str, Any], lang: str = "da") -> str:
    """What a row of the trail is about: an intervention's name, or the assumptions."""
    if not row["name"] and str(row["field"] or "").startswith(HISTORY_PREFIX):
        return t("hist_assumptions", lang)
    return str(row["name"] or "")


def trail_table(rows: Sequence[Mapping[str, Any]], lang: str = "da") -> pd.DataFrame:
    """The trail's rows (newest first, as `store.interventions.history` gives them) as a table."""
    import pandas as pd

    return pd.DataFrame(
        {
            t("hist_at", lang): [when(r["at"], lang) for r in rows],
            t("hist_user", lang): [str(r["user"]) for r in rows],
            t("hist_action", lang): [t(f"hist_action_{r['action']}", lang) for r in rows],
            t("col_name", lang): [subject_text(r, lang) for r in rows],
            t("col_year", lang): ["" if r["year"] is None else str(r["year"]) for r in rows],
            t("hist_field", lang): [field_text(r["field"], lang, r["action"]) for r in rows],
            t("hist_old", lang): [value_text(r["field"], r["old"], lang) for r in rows],
            t("hist_new", lang): [value_text(r["field"], r["new"], lang) for r in rows],
        }
    )
