"""The formula guard: one list of formula starts, used by the export and the import."""

from __future__ import annotations

import pytest

from viften.files import export, guard
from viften.files import interventions as importer

ROW = {
    "name": "A",
    "year": 2026,
    "target_group": "closer",
    "price_per_participant": 1.0,
    "job_rate": 0.3,
    "evidence_stars": 1,
}


@pytest.mark.parametrize("start", guard.FORMULA_STARTS)
def test_text_starting_like_a_formula_is_guarded_and_comes_back_unchanged(start: str) -> None:
    for text in (f"{start}1+1", f"'{start}1", f"''{start}x"):
        assert guard.guard(text).startswith("'")
        assert guard.unguard(guard.guard(text)) == text


def test_text_that_does_not_start_like_a_formula_is_left_alone() -> None:
    for text in ("Mentor", "'quoted'", "1+1", " =x"):
        assert not guard.starts_like_formula(text)
        assert guard.guard(text) == text


def test_the_formula_starts_are_the_ones_interface_md_names() -> None:
    # exports of CSV and XLSX are checked cell by cell in test_exporter.py
    assert guard.FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_guarded_text_imports_again_as_it_was(suffix: str) -> None:
    texts = [f"{start}x" for start in guard.FORMULA_STARTS if start not in "\t\r"]
    rows = [{**ROW, "name": f"N{i}", "description": text} for i, text in enumerate(texts)]
    parsed = importer.parse(export.export_bytes(rows, suffix), f"f{suffix}", default_year=2026)
    assert [row["description"] for row in parsed.rows] == texts
