"""Social investments in the store: finding a contract's intervention, and (below) the stored
investment cases, their follow-up results, their history and the pools.

Every statement is parameterised; writes run inside the caller's transaction
(`viften.actions.investments` opens it and checks the role).
"""

from __future__ import annotations

from typing import Any

import duckdb


def intervention_ids(
    con: duckdb.DuckDBPyConnection, year: int, places: tuple[str, ...]
) -> list[tuple[int, str, str]]:
    """(id, name, municipality) of every intervention of `year` in one of `places`."""
    marks = ", ".join("?" for _ in places)
    rows = con.execute(
        "SELECT id, name, municipality FROM interventions "  # noqa: S608 - placeholders only
        f"WHERE year = ? AND municipality IN ({marks}) ORDER BY name",
        [year, *places],
    ).fetchall()
    return [(int(i), str(n), str(m)) for i, n, m in rows]


def newest_year(con: duckdb.DuckDBPyConnection, places: tuple[str, ...]) -> int | None:
    """The newest year with interventions in one of `places`, else in any municipality."""
    marks = ", ".join("?" for _ in places)
    row: Any = con.execute(
        f"SELECT max(year) FROM interventions WHERE municipality IN ({marks})",  # noqa: S608
        list(places),
    ).fetchone()
    if row and row[0] is not None:
        return int(row[0])
    row = con.execute("SELECT max(year) FROM interventions").fetchone()
    return int(row[0]) if row and row[0] is not None else None
