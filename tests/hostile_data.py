"""A database typed by an attacker: every text a user can type holds Markdown or HTML.

Intervention names, providers, descriptions, sources and kinds, outcome records of those
interventions (small samples, so the Effekt page names them in a warning) and saved scenarios
all carry the payloads, and so does the municipality's name. Used by the sweep of every page
(tests/app/test_hostile_sweep.py) and its Chromium twin (tests/browser/test_browser_hostile.py).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

PAYLOADS = (
    "[klik](javascript:alert(1))",
    "**fed**",
    ":red[rød]",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x","y")',
    "$x^2$",
)
NAMES = tuple(f"{payload} {i}" for i, payload in enumerate(PAYLOADS))
"""One intervention per payload (a number keeps the names apart)."""
SCENARIOS = (f"Scenarie {PAYLOADS[0]}", f"{PAYLOADS[1]} {PAYLOADS[3]}")

BARE = (
    "javascript:",
    "<img",
    "<script",
    "**fed**",
    ":red[",
    "$x^2$",
    "http://x",
    "onerror=",
)
"""What a payload leaves in Markdown that was not escaped (after escaped characters are taken
out): any of these in a rendered Markdown text means the payload was read as Markdown."""


def unescaped(markdown: str) -> list[str]:
    """The fragments of a payload that a Markdown text leaves bare."""
    bare = re.sub(r"\\.", "", markdown)
    return [fragment for fragment in BARE if fragment in bare]


def app_pages() -> list[str]:
    """The page names of streamlit_app.py's PAGES, read from its source (a new page is swept
    too)."""
    import ast

    app = Path(__file__).resolve().parents[1] / "streamlit_app.py"
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            return [ast.literal_eval(item)[0] for item in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("streamlit_app.py has no PAGES")


def build(path: Path) -> Path:
    """The hostile database at `path` (created; it must not exist)."""
    from viften.actions import database
    from viften.model.allocator import Interventions
    from viften.store import db, outcomes, scenarios
    from viften.store import interventions as store

    connection = db._open(path)
    try:
        db.create_schema(connection)
    finally:
        connection.close()
    rows = [
        {
            "name": name,
            "year": 2026,
            "target_group": ("closer", "further", "cross")[i % 3],
            "provider": PAYLOADS[(i + 1) % len(PAYLOADS)],
            "provider_type": ("internal", "external", None)[i % 3],
            "price_per_participant": 9_000.0 * (i + 1),
            "capacity": None if i % 2 else 40,
            "participants": 10,
            "job_rate": 0.3 + 0.02 * i,
            "control_job_rate": None if i % 3 == 2 else 0.2,
            "evidence_stars": 1 + i % 3,
            "effect_rating": ("high", "medium", "low", None)[i % 4],
            "duration_weeks": 8,
            "description": PAYLOADS[(i + 2) % len(PAYLOADS)],
            "source": PAYLOADS[(i + 3) % len(PAYLOADS)],
            "kind": PAYLOADS[i],
            "mandatory": i == 1,
        }
        for i, name in enumerate(NAMES)
    ]
    records = path.with_suffix(".outcomes.csv")
    with records.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["intervention", "year", "group", "employed"])
        for name in NAMES[:3]:
            for group, employed in (("treatment", 1), ("treatment", 0), ("control", 0)) * 4:
                writer.writerow([name, 2026, group, employed])
    with db.transaction(path) as con:
        store.upsert(con, "tester", rows, list(rows[0]))
        outcomes.import_records(con, records, "tester")
        store.set_setting(con, "municipality", PAYLOADS[4])
        data = Interventions.from_columns(store.intervention_arrays(con, 2026))
        for number, scenario in enumerate(SCENARIOS):
            scenarios.save(
                con, "tester", scenario, 2026, data, data.participants + number, {"budget": 1e6}
            )
    database.ensure(path)
    return path
