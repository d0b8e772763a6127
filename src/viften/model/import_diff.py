"""What an import of a checked file would do to the stored interventions of its years: added,
updated (field by field, old → new), unchanged, and the stored ones the file lacks. Pure:
rows in, a comparison out (`viften.store.interventions.compare` reads the stored rows)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from viften.model.domain import COLUMN_NAMES, COLUMNS_BY_NAME

__all__ = ["Diff", "FieldChange", "Key", "RowDiff", "diff", "identity", "same", "stored_value"]


def same(old: Any, new: Any) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        if old is None or new is None:
            return old is new
        return abs(float(old) - float(new)) <= 1e-12 * max(1.0, abs(float(old)))
    return bool(old == new)


def stored_value(row: Mapping[str, Any], column: str) -> Any:
    """The value to store: an absent or empty one is the column's `empty` (mandatory: no)."""
    value = row.get(column)
    return COLUMNS_BY_NAME[column].empty if value is None else value


Key = tuple[str, str, int]
"""What an imported row is matched to a stored one by (interface.md): (municipality, name,
year)."""


def identity(row: Mapping[str, Any], own_municipality: str = "") -> Key:
    """The matching key of a row of a file or of the store; a row without a municipality is
    the database's own."""
    return (str(row.get("municipality") or own_municipality), str(row["name"]), int(row["year"]))


@dataclass(frozen=True)
class FieldChange:
    """One field an import would change."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RowDiff:
    """One row of a file against the stored intervention it matches (if any)."""

    name: str
    year: int
    municipality: str
    row: Mapping[str, Any]
    """The file's row (checked values)."""
    stored: Mapping[str, Any] | None = None
    """The stored intervention (id, version and every column), None for a new one."""
    changes: tuple[FieldChange, ...] = ()

    def item(self) -> dict[str, Any]:
        """As `import --dry-run` prints it."""
        found: dict[str, Any] = {
            "municipality": self.municipality,
            "name": self.name,
            "year": self.year,
        }
        if self.changes:
            found["fields"] = [c.field for c in self.changes]
        return found


@dataclass
class Diff:
    """What an import of a checked file would do to the stored interventions of its years."""

    added: list[RowDiff] = field(default_factory=list)
    updated: list[RowDiff] = field(default_factory=list)
    unchanged: list[RowDiff] = field(default_factory=list)
    missing: list[RowDiff] = field(default_factory=list)
    """Stored interventions of the file's years that the file lacks (an import keeps them)."""

    def as_json(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "added": [r.item() for r in self.added],
            "updated": [r.item() for r in self.updated],
            "unchanged": [r.item() for r in self.unchanged],
        }


def diff(
    stored: Sequence[Mapping[str, Any]],
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    own_municipality: str = "",
) -> Diff:
    """The pure comparison of a file's checked rows with the stored rows of the same years.

    Only `columns` (those the file has) count as changes: the others keep their values.
    """
    writable = [
        c for c in COLUMN_NAMES if c in columns and c not in ("name", "year", "municipality")
    ]
    by_key = {identity(r): r for r in stored}
    result = Diff()
    seen: set[Key] = set()
    for row in rows:
        key = identity(row, own_municipality)
        place, name, year = key
        seen.add(key)
        existing = by_key.get(key)
        if existing is None:
            result.added.append(RowDiff(name, year, place, row))
            continue
        changes = tuple(
            FieldChange(c, existing[c], stored_value(row, c))
            for c in writable
            if not same(existing[c], stored_value(row, c))
        )
        found = RowDiff(name, year, place, row, existing, changes)
        (result.updated if changes else result.unchanged).append(found)
    result.missing = [
        RowDiff(str(r["name"]), int(r["year"]), str(r.get("municipality") or ""), r, r)
        for key, r in by_key.items()
        if key not in seen
    ]
    result.missing.sort(key=lambda r: (r.year, r.name))
    return result
