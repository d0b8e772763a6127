"""An import's preview and the imports of the history page, as a reader sees them.

Everything here is plain text for `st.text` or a table for `st.dataframe`: names come from
users' files and are never read as Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from viften.model.import_diff import Diff, RowDiff
from viften.present.history import field_text, value_text, when
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd


def _stored(value: Any) -> str | None:
    """A value in the trail's spelling, so it is written as the history writes it."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shown(field: str, value: Any, lang: str) -> str:
    return value_text(field, _stored(value), lang) or "–"


def counts_text(preview: Diff, lang: str) -> str:
    return t(
        "imp_preview_counts",
        lang,
        added=len(preview.added),
        updated=len(preview.updated),
        unchanged=len(preview.unchanged),
        missing=len(preview.missing),
    )


def label(row: RowDiff) -> str:
    place = f"{row.municipality}: " if row.municipality else ""
    return f"{place}{row.name} ({row.year})"


def change_lines(rows: Sequence[RowDiff], lang: str) -> list[str]:
    """`Mentor (2026)` and under it `  Pris pr. deltager: 45.000 kr. → 47.000 kr.`."""
    lines: list[str] = []
    for row in rows:
        lines.append(label(row))
        lines.extend(
            f"    {field_text(c.field, lang)}: {_shown(c.field, c.old, lang)} → "
            f"{_shown(c.field, c.new, lang)}"
            for c in row.changes
        )
    return lines


def names_table(rows: Sequence[RowDiff], lang: str) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            t("col_name", lang): [r.name for r in rows],
            t("col_year", lang): [str(r.year) for r in rows],
        }
    )


def import_label(found: Any, changes: int, lang: str) -> str:
    """`found` is a `viften.store.imports.Import` (present does not import the store).

    `Import nr. 3: fil.xlsx · indsatser · Anna · 01.12.2026 19.01 · 12 ændringer`."""
    text = t(
        "imp_label",
        lang,
        id=found.id,
        file=found.file_name or "–",
        what=t(f"imp_what_{found.what}", lang),
        user=found.user,
        at=when(found.at, lang),
    )
    text += " · " + t("imp_changes", lang, count=changes)
    if found.reverted_at:
        text += " · " + t(
            "imp_reverted_mark", lang, at=when(found.reverted_at, lang), by=found.reverted_by or ""
        )
    return text


def by_import(
    rows: Sequence[Mapping[str, Any]],
) -> tuple[dict[int, list[Mapping[str, Any]]], list[Mapping[str, Any]]]:
    """The trail's rows per import (newest first as given), and the rows of no import."""
    grouped: dict[int, list[Mapping[str, Any]]] = {}
    others: list[Mapping[str, Any]] = []
    for row in rows:
        if row.get("import_id") is None:
            others.append(row)
        else:
            grouped.setdefault(int(row["import_id"]), []).append(row)
    return grouped, others
