"""How the audit trail stores an intervention's outcome records, without numpy.

Its own module so that storing outcome records (a command-line import) does not load the
effect maths (`viften.model.effects`) and numpy with it.
"""

from __future__ import annotations

import re

OUTCOME_COUNTS = (
    "treatment {n_treatment} ({k_treatment} in job), control {n_control} ({k_control} in job)"
)
"""How the history stores an intervention's outcome records: the counts of both groups.
The words are the stored format, kept as they are in every database; `outcome_counts`
reads them back, so each reader gets them in their own language."""
_OUTCOME_COUNTS = re.compile(r"treatment (\d+) \((\d+) in job\), control (\d+) \((\d+) in job\)")


def outcome_counts(stored: str) -> tuple[int, int, int, int] | None:
    """(n_treatment, k_treatment, n_control, k_control) of a stored `OUTCOME_COUNTS`,
    None for any other text."""
    found = _OUTCOME_COUNTS.fullmatch(stored)
    if found is None:
        return None
    n_treatment, k_treatment, n_control, k_control = (int(g) for g in found.groups())
    return n_treatment, k_treatment, n_control, k_control
