"""The habits that keep the suite deterministic: the same Hypothesis examples on every run, and
browser tests that wait for states, never for time."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parents[1]
PAUSES = re.compile(r"\b(?:time\.sleep|wait_for_timeout|asyncio\.sleep)\(")


def test_hypothesis_tries_the_same_examples_on_every_run():
    current = settings()
    assert current.derandomize is True
    assert current.database is None
    assert current.deadline is None
    assert current.print_blob is True


def test_browser_tests_and_their_fixtures_never_pause_for_a_fixed_time():
    files = [TESTS / "conftest.py", *sorted((TESTS / "browser").glob("*.py"))]
    pauses = [
        f"{path.name}:{number}"
        for path in files
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if PAUSES.search(line)
    ]
    assert pauses == []
