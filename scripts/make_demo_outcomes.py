"""Write src/viften/data/demo_outcomes.csv: ILLUSTRATIVE outcome records for some interventions.

These are not real people and not real results. The records are made (seeded, so the
file is the same every time) from the job rates entered in demo_interventions.csv
for 2026, with a little noise, so the measured figures land near the entered ones and
show what the app does with outcome data:
  * IPS and Privat løntilskud: large groups, a measured extra effect with a narrow interval;
  * Virksomhedspraktik – tættere på: a large group whose interval includes zero;
  * Din vej i job: a small sample (fewer than 30 in each group), said plainly in the app;
  * Kvinder i Job: participants only, no comparison group.
Every person_id begins with ILLUSTRATIV so nobody mistakes a record for a real one.

Run: .venv/bin/python scripts/make_demo_outcomes.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
INTERVENTIONS = ROOT / "src" / "viften" / "data" / "demo_interventions.csv"
OUTCOMES = ROOT / "src" / "viften" / "data" / "demo_outcomes.csv"
YEAR = 2026
SEED = 2026

# name -> (participants followed up, people in the comparison group)
CHOSEN: dict[str, tuple[int, int]] = {
    "IPS": (100, 110),
    "Privat løntilskud": (200, 400),
    "Virksomhedspraktik – tættere på": (300, 300),
    "Din vej i job": (24, 20),
    "Kvinder i Job": (28, 0),
}


def entered_rates() -> dict[str, tuple[float, float | None]]:
    with INTERVENTIONS.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if int(r["year"]) == YEAR]
    return {
        r["name"]: (
            float(r["job_rate"]),
            float(r["control_job_rate"]) if r["control_job_rate"].strip() else None,
        )
        for r in rows
        if r["name"] in CHOSEN
    }


def main() -> None:
    rng = np.random.default_rng(SEED)
    rates = entered_rates()
    missing = set(CHOSEN) - set(rates)
    if missing:
        raise SystemExit(f"not in {INTERVENTIONS.name} for {YEAR}: {', '.join(sorted(missing))}")
    number = 0
    with OUTCOMES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["intervention", "year", "group", "employed", "person_id"])
        for name, (treated, controls) in CHOSEN.items():
            job_rate, control_rate = rates[name]
            groups = [("treatment", treated, job_rate)]
            if controls and control_rate is not None:
                groups.append(("control", controls, control_rate))
            for group, size, rate in groups:
                # near the entered rate: binomial noise, but at most about half its usual size
                spread = 0.5 * (size * rate * (1 - rate)) ** 0.5
                in_job = int(np.clip(round(size * rate + rng.normal(0, spread)), 0, size))
                for employed in rng.permutation(np.arange(size) < in_job):
                    number += 1
                    writer.writerow([name, YEAR, group, int(employed), f"ILLUSTRATIV-{number:05d}"])
    print(f"wrote {number} illustrative records to {OUTCOMES}")


if __name__ == "__main__":
    main()
