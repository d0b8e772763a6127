"""How long the budget case takes for many interventions; prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_case.py [--interventions 15000] [--draws 10000] [--repeat 7]

In one run, interleaved, the median of --repeat timings of
1. the case (`model.case.compute`: inputs as used, the staircase, every payer's yearly flows,
   NPVs, payback years, break-even effects) for N interventions × the default horizon
   (10 years), beside a bare numpy baseline of the same size: the public NPV alone from
   ready-made arrays, (N, H) flows times the effect, discounted and summed;
2. the Monte Carlo per payer (`model.case.payer_spread`, D draws of each effect, the chance
   that each payer's NPV is above 0 and its P10), beside a bare numpy baseline: D sorted
   standard-normal draws and one binary search per intervention and payer, the least any
   common-random-numbers Monte Carlo does; and, for comparison, the existing
   `effects.probability_pays_off` (one payer) on the same effects.
The spread is timed twice: with every effect normal, and with 1 % of the effects from small
samples (drawn exactly, as differences of two Beta posteriors). Its bare numpy baseline for
the small samples is what a plain vectorised Monte Carlo does: 2 × D Beta draws for each such
effect from one generator, their difference, its P10 and P90 and one comparison per payer.
`payer_spread` draws each distinct posterior once (`effects.beta_difference_draws`), so it
can beat that baseline. A quarter of the interventions have no control group. Goal: well
under a second.

Every figure is printed twice: wall-clock time (what a reader waits) and the process's CPU
time (what the work costs; steadier on a busy machine, where other processes take turns on
the cores). Ratios are against the bare numpy baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from viften.model import case as budget_case
from viften.model import effects
from viften.model.assumptions import DEFAULT

GROUPS = np.array(["closer", "further", "cross"])
SMALL_SAMPLE_SHARE = 0.01


def synthetic(count: int, seed: int = 7, small_share: float = SMALL_SAMPLE_SHARE) -> dict[str, Any]:
    """Plausible interventions: prices, rates, stars, durations and, for some, outcome counts."""
    rng = np.random.default_rng(seed)
    control = rng.uniform(0.05, 0.55, count)
    job_rate = np.clip(control + rng.uniform(-0.03, 0.15, count), 0, 1)
    control = np.where(np.arange(count) % 4 == 0, np.nan, control)
    small = rng.random(count) < small_share
    n = np.where(small, rng.integers(8, 29, count), 0)
    return {
        "price_per_participant": rng.integers(2, 300, count) * 1000.0,
        "job_rate": job_rate,
        "control_job_rate": control,
        "net_effect": job_rate - control,
        "evidence_stars": rng.integers(1, 4, count),
        "target_group": GROUPS[np.arange(count) % 3],
        "duration_weeks": np.where(rng.random(count) < 0.1, np.nan, rng.uniform(2, 52, count)),
        "benefit": np.where(
            rng.random(count) < 0.5, None, rng.choice(list(DEFAULT.benefits), count)
        ),
        "weeks_on_benefit": np.where(rng.random(count) < 0.5, np.nan, rng.integers(0, 200, count)),
        "persistence": np.where(rng.random(count) < 0.7, np.nan, rng.uniform(0, 1, count)),
        "n_treatment": n,
        "k_treatment": np.round(n * job_rate),
        "n_control": np.where(small, n, 0),
        "k_control": np.round(np.where(small, n, 0) * np.nan_to_num(control)),
    }


def bare_case(
    price: np.ndarray, effect: np.ndarray, flows: np.ndarray, discount: np.ndarray
) -> np.ndarray:
    return effect * (flows * discount).sum(axis=1) - price


def bare_monte_carlo(thresholds: np.ndarray, draws: int, seed: int) -> np.ndarray:
    z = np.sort(np.random.default_rng(seed).standard_normal(draws))
    return draws - np.searchsorted(z, thresholds.ravel())


def bare_small_samples(
    beta: np.ndarray, gain: np.ndarray, cost: np.ndarray, draws: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Plain numpy: every small-sample effect's two Beta posteriors drawn D times, the
    difference, one comparison per payer and the P10/P90."""
    rng = np.random.default_rng(seed)
    a1, b1, a2, b2 = beta
    size = (len(a1), draws)
    effect = rng.beta(a1[:, None], b1[:, None], size) - rng.beta(a2[:, None], b2[:, None], size)
    chance = [
        (g[:, None] * effect > c[:, None]).mean(axis=1) for g, c in zip(gain, cost, strict=True)
    ]
    return np.array(chance), np.percentile(effect, [10, 90], axis=1)


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one run of `work`."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interventions", type=int, default=15_000)
    parser.add_argument("--draws", type=int, default=effects.DRAWS)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    count, draws, horizon = options.interventions, options.draws, DEFAULT.horizon

    columns = synthetic(count)
    dist = effects.effect_distributions(columns)
    found = budget_case.from_columns(columns, DEFAULT)
    rng = np.random.default_rng(1)
    flows = rng.uniform(0, 300_000, (count, horizon))
    discount = 1.035 ** -np.arange(1, horizon + 1)
    price, effect = columns["price_per_participant"], columns["net_effect"][:, None]
    thresholds = rng.normal(size=(len(budget_case.PAYERS), count))

    normal_columns = synthetic(count, small_share=0.0)
    normal_dist = effects.effect_distributions(normal_columns)
    normal_case = budget_case.from_columns(normal_columns, DEFAULT)
    small = np.flatnonzero(dist.exact)
    small_beta, small_gain = dist.beta[:, small], found.gain[:, small]
    small_cost = found.cost[:, small]
    work: dict[str, Callable[[], object]] = {
        "case": lambda: budget_case.from_columns(columns, DEFAULT),
        "case baseline": lambda: bare_case(price, effect[:, 0], flows, discount),
        "spread": lambda: budget_case.payer_spread(found, dist, draws, seed=3),
        "spread, all normal": lambda: budget_case.payer_spread(
            normal_case, normal_dist, draws, seed=3
        ),
        "spread baseline": lambda: bare_monte_carlo(thresholds, draws, 3),
        "small samples baseline": lambda: (
            bare_monte_carlo(thresholds, draws, 3),
            bare_small_samples(small_beta, small_gain, small_cost, draws, 3),
        ),
        "probability_pays_off": lambda: effects.probability_pays_off(
            dist, price, draws=draws, seed=3
        ),
    }
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in work}
    for _ in range(options.repeat):  # interleaved, so a busy moment hits all alike
        for name, job in work.items():
            timings[name].append(timed(job))

    wall = {name: statistics.median(t[0] for t in values) for name, values in timings.items()}
    cpu = {name: statistics.median(t[1] for t in values) for name, values in timings.items()}
    exact = int(dist.exact.sum())
    print(
        f"{count} interventions × {horizon} years, {draws} draws of each effect, "
        f"median of {options.repeat}, wall-clock / CPU time "
        f"(spread: {exact} effects drawn exactly from Beta posteriors):"
    )
    for name, baseline in (
        ("case", "case baseline"),
        ("spread, all normal", "spread baseline"),
        ("spread", "small samples baseline"),
    ):
        print(
            f"  {name:<19} {wall[name] * 1000:7.1f} / {cpu[name] * 1000:7.1f} ms   "
            f"bare numpy {wall[baseline] * 1000:7.1f} / {cpu[baseline] * 1000:7.1f} ms   "
            f"ratio {wall[name] / wall[baseline]:6.2f}× / {cpu[name] / cpu[baseline]:6.2f}×"
        )
    print(
        f"  for comparison, effects.probability_pays_off (one payer, the same effects): "
        f"{wall['probability_pays_off'] * 1000:.1f} / {cpu['probability_pays_off'] * 1000:.1f} ms"
    )
    for label, spread in (("", "spread"), (" with every effect normal", "spread, all normal")):
        both_wall, both_cpu = wall["case"] + wall[spread], cpu["case"] + cpu[spread]
        print(
            f"  case and spread together{label}: {both_wall * 1000:.1f} / {both_cpu * 1000:.1f} ms"
        )
    print(f"  load average while it ran: {', '.join(f'{v:.1f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
