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


# --- the national dataset (SYNTHETIC: invented figures, for timing only) --------------------

NATIONAL_INTERVENTIONS = 14_700
"""150 interventions for each of the 98 kommuner (one fan here: the store of this branch has
no municipality column yet)."""
NATIONAL_RECORDS = 2_000_000
SYNTHETIC_MARK = "Syntetiske data (kun til målinger)"


def write_national_interventions(
    path: Path,
    count: int = NATIONAL_INTERVENTIONS,
    year: int = 2026,
    seed: int = 7,
) -> Path:
    """A SYNTHETIC national interventions file: `count` invented interventions, every row's
    source and description saying it is synthetic; one in 50 has no capacity, one in 200 is
    statutory."""
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
                "mandatory",
                "description",
                "source",
            ]
        )
        for number in range(count):
            control = rng.uniform(0.05, 0.55)
            job_rate = min(1.0, max(0.0, control + rng.uniform(-0.03, 0.15)))
            capacity = rng.randint(10, 400)
            writer.writerow(
                [
                    f"Indsats {number:05d}",
                    year,
                    GROUPS[number % 3],
                    f"Leverandør {number % 97}",
                    rng.choice(("internal", "external")),
                    rng.randint(2, 300) * 1000,
                    "" if number % 50 == 0 else capacity,
                    rng.randint(0, capacity),
                    round(job_rate, 4),
                    "" if number % 4 == 0 else round(control, 4),
                    rng.randint(1, 3),
                    rng.choice(("high", "medium", "low")),
                    rng.randint(2, 52),
                    "yes" if number % 200 == 0 else "no",
                    "Syntetisk indsats til målinger",
                    SYNTHETIC_MARK,
                ]
            )
    return path


def national_names(count: int = NATIONAL_INTERVENTIONS) -> list[str]:
    """The name of every intervention `write_national_interventions` writes."""
    return [f"Indsats {n:05d}" for n in range(count)]


def write_national_records(
    path: Path,
    count: int = NATIONAL_RECORDS,
    names: list[str] | None = None,
    year: int = 2026,
    seed: int = 1,
) -> Path:
    """SYNTHETIC participant-level outcome records for the national interventions: random
    treatment and control people, about 45 % and 35 % in a job."""
    import numpy as np

    names = names if names is not None else national_names()
    rng = np.random.default_rng(seed)
    which = rng.integers(0, len(names), count)
    treatment = rng.random(count) < 0.5
    employed = rng.random(count) < np.where(treatment, 0.45, 0.35)
    labels = np.array([f"{n},{year}" for n in names], dtype=object)
    groups = np.where(treatment, "treatment", "control").astype(object)
    jobs = employed.astype(int).astype(str).astype(object)
    people = np.char.add("p", np.arange(count).astype(str)).astype(object)
    lines = labels[which] + "," + groups + "," + jobs + "," + people + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("intervention,year,group,employed,person_id\n")
        for start in range(0, count, 200_000):
            handle.write("".join(lines[start : start + 200_000]))
    return path
