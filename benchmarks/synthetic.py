"""Synthetic interventions files for benchmarks: plausible figures, any number of rows."""

from __future__ import annotations

import csv
import random
from pathlib import Path

GROUPS = ("closer", "further", "cross")


def write_interventions(path: Path, count: int, year: int = 2026, seed: int = 7) -> Path:
    """A CSV of `count` interventions with every column of the interventions file."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "name",
                "year",
                "target_group",
                "provider",
                "provider_type",
                "price_per_participant",
                "capacity",
                "participants",
                "job_rate",
                "control_job_rate",
                "evidence_stars",
                "effect_rating",
                "duration_weeks",
                "description",
                "source",
            ]
        )
        for number in range(count):
            group = GROUPS[number % 3]
            control = rng.uniform(0.05, 0.55)
            job_rate = min(1.0, max(0.0, control + rng.uniform(-0.03, 0.15)))
            capacity = rng.randint(10, 400)
            writer.writerow(
                [
                    f"Indsats {number:05d}",
                    year,
                    group,
                    f"Leverandør {number % 97}",
                    rng.choice(("internal", "external")),
                    rng.randint(2, 300) * 1000,
                    capacity,
                    rng.randint(0, capacity),
                    round(job_rate, 4),
                    "" if number % 4 == 0 else round(control, 4),
                    rng.randint(1, 3),
                    rng.choice(("high", "medium", "low")),
                    rng.randint(2, 52),
                    "Syntetisk indsats til målinger",
                    "Syntetiske data",
                ]
            )
    return path
