"""The extra effect with its uncertainty, and the business case, without a UI.

Why this module exists: a committee should see how sure a figure is, not only the
figure. Everything here is plain Python over numpy arrays (scipy only where a
distribution function is needed); no pandas at module level, no Streamlit.

Intervals
    `wilson_interval` is the Wilson score interval for one proportion.
    `newcombe_interval` is Newcombe's hybrid score interval (method 10 in Newcombe,
    Statistics in Medicine 1998;17:873-890) for the difference p_treatment - p_control,
    built from the two Wilson intervals. It is what `list --json` reports as
    net_effect_ci_low / net_effect_ci_high.

The business case (interface.md, "Derived figures"), with V kroner a job is worth
a year and E years of effect: benefit-cost ratio = net_effect × V × E / price,
break-even extra effect = price / (V × E), and the net result per participant
= net_effect × V × E − price. The first two are `viften.model.domain`'s; this module
only adds the third and the uncertainty around all of them.

The extra effect as a distribution (`effect_distributions`)
    * Measured (outcome records for both groups), at least SMALL_SAMPLE people in each
      group: normal, mean the measured difference, standard deviation
      sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) with p = (k + 1/2)/(n + 1).
    * Measured, but a group smaller than SMALL_SAMPLE: the difference of two Beta
      posteriors, Beta(k + 1/2, n - k + 1/2) for each group (Jeffreys prior), drawn
      exactly, because the normal approximation is poor for small groups.
    * Entered (no outcome records for both groups): normal around the entered extra
      effect, with a standard deviation set by the evidence stars:
      STAR_SPREAD[stars] = (share, floor) gives sd = share × |effect| + floor, that is
      ★★★ 15 % of the effect + 1 percentage point, ★★ 30 % + 2 points, ★ 60 % + 3 points.
      Fewer stars, wider. The rule is a documented judgement, not an estimate: a one-star
      figure is close to a guess, and the distribution says so.
    * No control rate at all: no distribution (NaN); nothing can be said about the
      extra effect. Where a user asks to try one anyway (`allocate --assume-effects`),
      `assumed_effect` gives the extra effect the stars stand for: ASSUMED_EFFECT_SHARE of
      the job rate, ★★★ 20 %, ★★ 10 %, ★ 5 %, the rest counted as jobs that would have come
      anyway. Like the star rule it is a documented judgement (the measured effects of the
      demo fan are 4 % to 45 % of their job rates), always shown as assumed, never stored.
    Entered effects are clipped to [−control rate, 1 − control rate] (the job rate stays a
    share); measured ones to [−1, 1].
    So the mean of the draws can differ a little from `mean` where the spread is wide
    next to a bound; `mean` stays the figure reported as expected.

The Monte Carlo
    `probability_pays_off` gives each intervention's chance that its benefits exceed its
    costs (extra effect > break-even effect) from DRAWS draws. For the normal
    distributions it uses common random numbers: the same sorted standard-normal draws
    are scaled for every intervention, which gives exactly the Monte Carlo estimate of
    independent draws for each intervention at a cost of O(m log DRAWS), and makes the
    probabilities of two interventions comparable. Beta distributions are drawn.
    `allocation_spread` draws every intervention of an allocation independently and
    sums participants × extra effect: the P10, median and P90 of the extra jobs. The
    normal effects far (6 sd) from their bounds are summed exactly as one normal (a sum
    of independent normals is normal). Normal effects near a bound are clipped, so they
    are drawn one by one, up to the INDIVIDUAL_DRAWS (200) that vary the total most; the
    sum of any further ones is drawn as one normal with the exact mean and variance of
    their clipped distributions (with hundreds of small terms the sum is normal to well
    within the Monte Carlo's own noise). Beta effects are always drawn one by one. It is
    the uncertainty about the effects, not the luck of individual participants.
    Everything takes a `seed`; the same seed gives the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from viften.model import domain

Z95 = 1.959963984540054
"""The standard normal quantile for a two-sided 95 % interval."""

FloatArray = NDArray[np.float64]


def _floats(value: ArrayLike) -> FloatArray:
    return np.asarray(value, dtype=np.float64)


def _result(value: FloatArray, scalar: bool) -> Any:
    return float(value) if scalar else value


def wilson_interval(k: ArrayLike, n: ArrayLike, z: float = Z95) -> tuple[Any, Any]:
    """Wilson's score interval for the share k/n, without continuity correction.

    Works on scalars (returns floats) or arrays (returns arrays); NaN where n is 0.
    """
    scalar = np.ndim(k) == 0 and np.ndim(n) == 0
    k_arr, n_arr = np.broadcast_arrays(_floats(k), _floats(n))
    with np.errstate(divide="ignore", invalid="ignore"):
        share = k_arr / n_arr
        z2 = z * z
        denominator = 2.0 * (n_arr + z2)
        centre = (2.0 * k_arr + z2) / denominator
        half = z * np.sqrt(z2 + 4.0 * k_arr * (1.0 - share)) / denominator
        low = np.where(n_arr > 0, np.clip(centre - half, 0.0, 1.0), np.nan)
        high = np.where(n_arr > 0, np.clip(centre + half, 0.0, 1.0), np.nan)
    return _result(low, scalar), _result(high, scalar)


def newcombe_interval(
    k_treatment: ArrayLike,
    n_treatment: ArrayLike,
    k_control: ArrayLike,
    n_control: ArrayLike,
    z: float = Z95,
) -> tuple[Any, Any]:
    """Newcombe's hybrid score interval for p_treatment - p_control (method 10, 1998).

    With (l1, u1) and (l2, u2) the Wilson intervals of the two shares p1 and p2:
    low = (p1 - p2) - sqrt((p1 - l1)^2 + (u2 - p2)^2),
    high = (p1 - p2) + sqrt((u1 - p1)^2 + (p2 - l2)^2).
    Vectorised; NaN where either group has no one in it.
    """
    scalar = all(np.ndim(v) == 0 for v in (k_treatment, n_treatment, k_control, n_control))
    k1, n1, k2, n2 = np.broadcast_arrays(
        _floats(k_treatment), _floats(n_treatment), _floats(k_control), _floats(n_control)
    )
    l1, u1 = wilson_interval(k1, n1, z)
    l2, u2 = wilson_interval(k2, n2, z)
    with np.errstate(divide="ignore", invalid="ignore"):
        p1 = k1 / n1
        p2 = k2 / n2
        difference = p1 - p2
        low = difference - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
        high = difference + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    empty = (n1 <= 0) | (n2 <= 0)
    low = np.where(empty, np.nan, low)
    high = np.where(empty, np.nan, high)
    return _result(low, scalar), _result(high, scalar)


# --- the business case ---------------------------------------------------------------------

benefit_cost_ratio = domain.benefit_cost_ratio
"""Scalar: net_effect × V × E / price (None where undefined); the domain's definition."""
break_even_effect = domain.break_even_effect
"""Scalar: price / (V × E); the domain's definition."""


def net_result_per_participant(
    price: ArrayLike, effect: ArrayLike, value_per_job: float, effect_years: float
) -> Any:
    """Kroner gained per participant: net_effect × V × E − price; NaN without an extra effect."""
    scalar = np.ndim(price) == 0 and np.ndim(effect) == 0
    result = _floats(effect) * value_per_job * effect_years - _floats(price)
    return _result(result, scalar)


def business_case(
    frame: Any,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
) -> Any:
    """A table of interventions with the derived figures and the net result per participant.

    `frame` is a pandas DataFrame with price_per_participant, job_rate and control_job_rate;
    the derived figures are `domain.derive`'s.
    """
    out = domain.derive(frame, value_per_job, effect_years)
    out["net_result_per_participant"] = net_result_per_participant(
        out["price_per_participant"].to_numpy(dtype="float64"),
        out["net_effect"].to_numpy(dtype="float64"),
        value_per_job,
        effect_years,
    )
    return out


# --- the extra effect as a distribution ----------------------------------------------------

SMALL_SAMPLE = 30
"""A group with fewer people than this is a small sample: said plainly, and drawn exactly."""

STAR_SPREAD: dict[int, tuple[float, float]] = {3: (0.15, 0.01), 2: (0.30, 0.02), 1: (0.60, 0.03)}
"""Evidence stars -> (share of the effect, floor) of the standard deviation of an entered effect."""

ASSUMED_EFFECT_SHARE: dict[int, float] = {3: 0.20, 2: 0.10, 1: 0.05}
"""Evidence stars -> the share of the job rate assumed to be extra effect where there is no
control rate (`assumed_effect`)."""

DRAWS = 10_000
"""Monte Carlo draws unless told otherwise."""

WIDE_INTERVAL = 0.20
"""A 95 % interval for the extra effect wider than this (20 percentage points) is wide."""

BASIS_OUTCOMES = "outcomes"
BASIS_STARS = "stars"
BASIS_NONE = "none"


@dataclass(frozen=True)
class EffectDistributions:
    """The extra effect of each of m interventions as a distribution (arrays of length m)."""

    mean: FloatArray
    """The expected extra effect (NaN where there is none)."""
    sd: FloatArray
    """Its standard deviation."""
    low: FloatArray
    """95 % interval, low end: Newcombe's where measured, mean − 1.96 sd where entered."""
    high: FloatArray
    """95 % interval, high end."""
    basis: NDArray[np.str_]
    """`outcomes` (measured), `stars` (entered, spread by the stars rule) or `none`."""
    exact: NDArray[np.bool_]
    """True where the effect is drawn as a difference of two Beta posteriors (small samples)."""
    beta: FloatArray
    """Shape (4, m): a1, b1, a2, b2 of the two Beta posteriors (NaN where not exact)."""
    lower: FloatArray
    """The smallest effect possible: minus the control rate (a job rate cannot go below 0)."""
    upper: FloatArray
    """The largest effect possible: 1 minus the control rate."""

    def __len__(self) -> int:
        return int(self.mean.shape[0])

    def take(self, index: ArrayLike) -> EffectDistributions:
        """The distributions of some interventions only."""
        chosen = np.asarray(index)
        return EffectDistributions(
            self.mean[chosen],
            self.sd[chosen],
            self.low[chosen],
            self.high[chosen],
            self.basis[chosen],
            self.exact[chosen],
            self.beta[:, chosen],
            self.lower[chosen],
            self.upper[chosen],
        )


def _column(columns: Any, name: str, length: int, default: float) -> FloatArray:
    if name not in columns:
        return np.full(length, default)
    values = np.asarray(columns[name], dtype=object)
    return (
        np.array([default if v is None else float(v) for v in values], dtype=np.float64)
        if values.dtype == object
        else np.asarray(columns[name], dtype=np.float64)
    )


def effect_distributions(columns: Any) -> EffectDistributions:
    """Each intervention's extra effect as a distribution, by the rules in the module docstring.

    `columns` maps names to equal-length sequences: job_rate, control_job_rate (NaN or None
    where there is none), evidence_stars, and optionally n_treatment, k_treatment, n_control,
    k_control (a pandas DataFrame, `store.intervention_arrays` or a dict of lists all work).
    """
    length = len(np.asarray(columns["job_rate"]))
    rate = _column(columns, "job_rate", length, np.nan)
    control = _column(columns, "control_job_rate", length, np.nan)
    stars = np.clip(np.nan_to_num(_column(columns, "evidence_stars", length, 1.0), nan=1.0), 1, 3)
    n1 = np.nan_to_num(_column(columns, "n_treatment", length, 0.0))
    k1 = np.nan_to_num(_column(columns, "k_treatment", length, 0.0))
    n2 = np.nan_to_num(_column(columns, "n_control", length, 0.0))
    k2 = np.nan_to_num(_column(columns, "k_control", length, 0.0))

    measured = (n1 > 0) & (n2 > 0)
    exact = measured & ((n1 < SMALL_SAMPLE) | (n2 < SMALL_SAMPLE))
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = k1 / n1, k2 / n2
        s1, s2 = (k1 + 0.5) / (n1 + 1.0), (k2 + 0.5) / (n2 + 1.0)
        measured_sd = np.sqrt(s1 * (1 - s1) / n1 + s2 * (1 - s2) / n2)
        a1, b1, a2, b2 = k1 + 0.5, n1 - k1 + 0.5, k2 + 0.5, n2 - k2 + 0.5
        beta_mean = a1 / (a1 + b1) - a2 / (a2 + b2)
        beta_sd = np.sqrt(
            a1 * b1 / ((a1 + b1) ** 2 * (a1 + b1 + 1)) + a2 * b2 / ((a2 + b2) ** 2 * (a2 + b2 + 1))
        )
    entered = rate - control
    share = np.select(
        [stars >= 3, stars >= 2], [STAR_SPREAD[3][0], STAR_SPREAD[2][0]], STAR_SPREAD[1][0]
    )
    floor = np.select(
        [stars >= 3, stars >= 2], [STAR_SPREAD[3][1], STAR_SPREAD[2][1]], STAR_SPREAD[1][1]
    )
    stars_sd = share * np.abs(entered) + floor

    mean = np.where(exact, beta_mean, np.where(measured, p1 - p2, entered))
    sd = np.where(exact, beta_sd, np.where(measured, measured_sd, stars_sd))
    newcombe_low, newcombe_high = newcombe_interval(k1, n1, k2, n2)
    low = np.where(measured, newcombe_low, np.clip(entered - Z95 * stars_sd, -1.0, 1.0))
    high = np.where(measured, newcombe_high, np.clip(entered + Z95 * stars_sd, -1.0, 1.0))
    none = ~measured & np.isnan(entered)
    mean, sd, low, high = (np.where(none, np.nan, v) for v in (mean, sd, low, high))
    basis = np.where(measured, BASIS_OUTCOMES, np.where(none, BASIS_NONE, BASIS_STARS))
    beta = np.where(exact, np.vstack([a1, b1, a2, b2]), np.nan)
    # an entered control rate is held fixed, so the job rate bounds the effect; a measured
    # one is uncertain itself, so only the range of a difference of two shares applies
    lower = np.where(measured, -1.0, -np.nan_to_num(control, nan=1.0))
    upper = np.where(measured, 1.0, 1.0 - np.nan_to_num(control, nan=0.0))
    lower, upper = np.where(none, np.nan, lower), np.where(none, np.nan, upper)
    return EffectDistributions(mean, sd, low, high, basis, exact, beta, lower, upper)


def assumed_effect(job_rate: ArrayLike, stars: ArrayLike) -> Any:
    """The extra effect assumed for an intervention without a control rate: its job rate ×
    ASSUMED_EFFECT_SHARE[stars] (stars clipped to 1..3, empty as 1); NaN where the job rate is
    empty. Scalars in, a float out; arrays in, an array out."""
    scalar = np.ndim(job_rate) == 0 and np.ndim(stars) == 0
    rate, level = np.broadcast_arrays(_floats(job_rate), _floats(stars))
    level = np.clip(np.nan_to_num(level, nan=1.0), 1, 3)
    share = np.select(
        [level >= 3, level >= 2],
        [ASSUMED_EFFECT_SHARE[3], ASSUMED_EFFECT_SHARE[2]],
        ASSUMED_EFFECT_SHARE[1],
    )
    return _result(rate * share, scalar)


def uncertainty_flag(low: ArrayLike, high: ArrayLike, wide: float = WIDE_INTERVAL) -> Any:
    """`includes_zero`, `wide` or None for each 95 % interval of the extra effect.

    `includes_zero`: the effect may be nil (or negative): it comes first, it matters most.
    `wide`: the interval spans more than `wide` (20 percentage points). A missing interval
    gets None. Works on scalars or arrays (an object array of str or None).
    """
    scalar = np.ndim(low) == 0 and np.ndim(high) == 0
    low_arr, high_arr = np.broadcast_arrays(_floats(low), _floats(high))
    with np.errstate(invalid="ignore"):
        flags = np.where(
            (low_arr <= 0) & (high_arr >= 0),
            "includes_zero",
            np.where(high_arr - low_arr > wide, "wide", ""),
        )
    plain = [str(f) if f else None for f in flags.ravel()]
    result = np.array(plain, dtype=object).reshape(flags.shape)
    return result.item() if scalar else result


def uncertainty_flags(columns: Any, wide: float = WIDE_INTERVAL) -> Any:
    """The flag of every intervention in a table (see `effect_distributions` for `columns`)."""
    found = effect_distributions(columns)
    return uncertainty_flag(found.low, found.high, wide)


def small_sample(n_treatment: ArrayLike, n_control: ArrayLike, limit: int = SMALL_SAMPLE) -> Any:
    """True where outcome records exist but a group has fewer than `limit` people."""
    n1, n2 = _floats(n_treatment), _floats(n_control)
    small = ((n1 > 0) & (n1 < limit)) | ((n2 > 0) & (n2 < limit))
    return bool(small) if np.ndim(small) == 0 else small


# --- the Monte Carlo -----------------------------------------------------------------------

_NEVER_CLIPPED = 6.0
"""Standard deviations between the mean and the nearest bound beyond which no draw is clipped
(the chance is below one in 10^9)."""

INDIVIDUAL_DRAWS = 200
"""In an allocation, at most this many normal effects near a bound are drawn one by one."""

CHUNK_CELLS = 4_000_000
"""Draws × interventions computed at once: bounds the memory a Monte Carlo takes."""


def _clipped_moments(
    mean: FloatArray, sd: FloatArray, low: FloatArray, high: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Mean and variance of min(max(X, low), high) for X normal(mean, sd), exactly."""
    from scipy.special import ndtr

    alpha, beta = (low - mean) / sd, (high - mean) / sd
    cdf_a, cdf_b = ndtr(alpha), ndtr(beta)
    pdf_a = np.exp(-0.5 * alpha**2) / np.sqrt(2 * np.pi)
    pdf_b = np.exp(-0.5 * beta**2) / np.sqrt(2 * np.pi)
    inside = cdf_b - cdf_a
    first = low * cdf_a + high * (1 - cdf_b) + mean * inside - sd * (pdf_b - pdf_a)
    second = (
        low**2 * cdf_a
        + high**2 * (1 - cdf_b)
        + mean**2 * inside
        + 2 * mean * sd * (pdf_a - pdf_b)
        + sd**2 * (inside + alpha * pdf_a - beta * pdf_b)
    )
    return first, np.maximum(second - first**2, 0.0)


def _rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def _draw_block(dist: EffectDistributions, rng: np.random.Generator, draws: int) -> FloatArray:
    normal = rng.standard_normal((draws, len(dist)))
    values = dist.mean + dist.sd * normal
    if dist.exact.any():
        exact = np.flatnonzero(dist.exact)
        a1, b1, a2, b2 = dist.beta[:, exact]
        values[:, exact] = rng.beta(a1, b1, size=(draws, exact.size)) - rng.beta(
            a2, b2, size=(draws, exact.size)
        )
    return np.clip(values, dist.lower, dist.upper)


def beta_difference_draws(
    beta: FloatArray, draws: int = DRAWS, seed: int | np.random.Generator | None = None
) -> FloatArray:
    """Draws of Beta(a1, b1) − Beta(a2, b2) for each column (a1, b1, a2, b2) of `beta`
    (shape (4, m), as `EffectDistributions.beta`): shape (m, draws).

    Drawing Beta variates is most of a small-sample Monte Carlo's time, and posteriors repeat
    (a group of fewer than SMALL_SAMPLE people has one of a few hundred), so each distinct
    posterior is drawn once, `draws` times, in one call, and shared by every group that has
    it: common random numbers, as for the normal effects. A control group reads its
    posterior's draws shifted by half their number, so draw j of an effect pairs draw j of
    the treatment group's posterior with draw j + draws/2 of the control group's: two
    independent draws even where both groups have the same posterior. Every effect's draws
    are exact draws of its distribution.
    """
    rng = _rng(seed)
    groups = np.concatenate([beta[:2].T, beta[2:].T])
    posteriors, which = np.unique(groups, axis=0, return_inverse=True)
    which = which.ravel()
    pool = rng.beta(posteriors[:, :1], posteriors[:, 1:], size=(len(posteriors), draws))
    treated, compared = which[: beta.shape[1]], which[beta.shape[1] :]
    return pool[treated] - np.roll(pool, -(draws // 2), axis=1)[compared]


def draw_effects(
    dist: EffectDistributions, draws: int = DRAWS, seed: int | np.random.Generator | None = None
) -> FloatArray:
    """Independent draws of every extra effect: shape (draws, m); NaN where there is none."""
    rng = _rng(seed)
    return _draw_block(dist, rng, draws)


def probability_pays_off(
    dist: EffectDistributions,
    price: ArrayLike,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
    draws: int = DRAWS,
    seed: int | np.random.Generator | None = None,
) -> FloatArray:
    """Each intervention's chance that its benefits exceed its costs (NaN without an effect).

    Benefits exceed costs when extra effect × V × E > price, that is when the extra
    effect is above the break-even effect.
    """
    rng = _rng(seed)
    price_arr = np.broadcast_to(_floats(price), dist.mean.shape)
    scale = value_per_job * effect_years
    with np.errstate(divide="ignore", invalid="ignore"):
        threshold = np.where(scale > 0, price_arr / scale, np.inf)
    shared = np.sort(rng.standard_normal(draws))
    with np.errstate(divide="ignore", invalid="ignore"):
        standardised = (threshold - dist.mean) / dist.sd
    above = draws - np.searchsorted(shared, standardised, side="right")
    chance = above / draws
    # a draw is clipped to [lower, upper]: no effect can beat a threshold at or above upper
    with np.errstate(invalid="ignore"):
        chance = np.where(
            threshold >= dist.upper, 0.0, np.where(threshold < dist.lower, 1.0, chance)
        )
    if dist.exact.any():
        exact = np.flatnonzero(dist.exact)
        a1, b1, a2, b2 = dist.beta[:, exact]
        columns_per_block = max(1, CHUNK_CELLS // max(draws, 1))
        for start in range(0, exact.size, columns_per_block):
            part = slice(start, start + columns_per_block)
            size = (draws, exact[part].size)
            effect = rng.beta(a1[part], b1[part], size=size) - rng.beta(
                a2[part], b2[part], size=size
            )
            chance[exact[part]] = (effect > threshold[exact[part]]).mean(axis=0)
    return np.where(np.isnan(dist.mean), np.nan, chance)


@dataclass(frozen=True)
class JobsSpread:
    """The extra jobs of an allocation: the expected figure and a cautious one."""

    expected: float
    """Participants × expected extra effect, summed."""
    mean: float
    """The mean over the draws (close to `expected`)."""
    p10: float
    """Nine times in ten, at least this many extra jobs: the cautious figure."""
    median: float
    p90: float
    """One time in ten, more than this."""
    draws: int


def allocation_draws(
    dist: EffectDistributions,
    participants: ArrayLike,
    draws: int = DRAWS,
    seed: int | np.random.Generator | None = None,
) -> FloatArray:
    """The total extra jobs of an allocation in each of `draws` draws.

    Interventions without a distribution (no control rate) add nothing, as in the
    allocator's net objective.
    """
    rng = _rng(seed)
    counts = _floats(participants)
    usable = (counts > 0) & ~np.isnan(dist.mean)
    # A normal effect far from its bounds is never clipped in practice, and a weighted sum
    # of independent normals is normal: draw that part of the total at once, exactly.
    with np.errstate(invalid="ignore"):
        room = np.minimum(dist.mean - dist.lower, dist.upper - dist.mean)
        summed = usable & ~dist.exact & (room > _NEVER_CLIPPED * dist.sd)
    centre = float(np.sum(counts[summed] * dist.mean[summed]))
    variance = float(np.sum((counts[summed] * dist.sd[summed]) ** 2))
    # Normal effects near a bound are clipped; beyond the INDIVIDUAL_DRAWS that vary the
    # total most, their sum is drawn as one normal with the clipped normals' exact moments.
    near = np.flatnonzero(usable & ~dist.exact & ~summed)
    if near.size > INDIVIDUAL_DRAWS:
        clipped_mean, clipped_variance = _clipped_moments(
            dist.mean[near], dist.sd[near], dist.lower[near], dist.upper[near]
        )
        weight = counts[near] ** 2 * clipped_variance
        rest = np.argsort(-weight, kind="stable")[INDIVIDUAL_DRAWS:]
        centre += float(np.sum(counts[near[rest]] * clipped_mean[rest]))
        variance += float(np.sum(weight[rest]))
        summed[near[rest]] = True
    totals = np.zeros(draws)
    if summed.any():
        totals += centre + np.sqrt(variance) * rng.standard_normal(draws)
    chosen = np.flatnonzero(usable & ~summed)
    if chosen.size == 0:
        return totals
    part_dist = dist.take(chosen)
    weights = counts[chosen]
    columns_per_block = max(1, CHUNK_CELLS // max(draws, 1))
    for start in range(0, chosen.size, columns_per_block):
        block = part_dist.take(np.arange(start, min(start + columns_per_block, chosen.size)))
        totals += _draw_block(block, rng, draws) @ weights[start : start + columns_per_block]
    return totals


def allocation_spread(
    dist: EffectDistributions,
    participants: ArrayLike,
    draws: int = DRAWS,
    seed: int | np.random.Generator | None = None,
) -> JobsSpread:
    """P10, median and P90 of an allocation's extra jobs, next to the expected figure."""
    counts = _floats(participants)
    usable = (counts > 0) & ~np.isnan(dist.mean)
    expected = float(np.sum(counts[usable] * dist.mean[usable]))
    totals = allocation_draws(dist, counts, draws, seed)
    p10, median, p90 = np.percentile(totals, [10, 50, 90])
    return JobsSpread(expected, float(totals.mean()), float(p10), float(median), float(p90), draws)


# --- sensitivity ---------------------------------------------------------------------------

RELATIVE_SWING = 0.20
"""How far a parameter is moved each way in a tornado when it has no interval of its own."""


@dataclass(frozen=True)
class TornadoBar:
    """One parameter moved from low to high, everything else held at its base value."""

    parameter: str
    """price, job_rate, control_job_rate, value_per_job, effect_years, or effect:NAME."""
    low_input: float
    high_input: float
    outcome_at_low: float
    outcome_at_high: float
    base_outcome: float

    @property
    def swing(self) -> float:
        return abs(self.outcome_at_high - self.outcome_at_low)


def _case_outcome(
    metric: str, price: float, rate: float, control: float, value: float, years: float
) -> float:
    effect = rate - control
    if metric == "net_result_per_participant":
        return float(effect * value * years - price)
    ratio = domain.benefit_cost_ratio(price, effect, value, years)
    return float("nan") if ratio is None else float(ratio)


def tornado(
    price: float,
    job_rate: float,
    control_job_rate: float,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
    metric: str = "benefit_cost_ratio",
    job_rate_interval: tuple[float, float] | None = None,
    control_rate_interval: tuple[float, float] | None = None,
    swing: float = RELATIVE_SWING,
) -> list[TornadoBar]:
    """How one intervention's business case moves with each parameter, biggest swing first.

    Each parameter goes ±`swing` (20 %) of its value; a job rate or control rate with an
    interval (a measured share's Wilson interval) goes over that interval instead.
    `metric` is benefit_cost_ratio or net_result_per_participant.
    """
    base = {
        "price": price,
        "job_rate": job_rate,
        "control_job_rate": control_job_rate,
        "value_per_job": value_per_job,
        "effect_years": effect_years,
    }
    ranges = {name: (value * (1 - swing), value * (1 + swing)) for name, value in base.items()}
    for name in ("job_rate", "control_job_rate"):
        low, high = ranges[name]
        ranges[name] = (max(0.0, low), min(1.0, high))
    if job_rate_interval is not None:
        ranges["job_rate"] = job_rate_interval
    if control_rate_interval is not None:
        ranges["control_job_rate"] = control_rate_interval

    def outcome(**changed: float) -> float:
        values = {**base, **changed}
        return _case_outcome(
            metric,
            values["price"],
            values["job_rate"],
            values["control_job_rate"],
            values["value_per_job"],
            values["effect_years"],
        )

    centre = outcome()
    bars = [
        TornadoBar(name, low, high, outcome(**{name: low}), outcome(**{name: high}), centre)
        for name, (low, high) in ranges.items()
    ]
    return sorted(bars, key=lambda bar: -np.nan_to_num(bar.swing, nan=-1.0))


def allocation_tornado(
    dist: EffectDistributions,
    job_rate: ArrayLike,
    control_job_rate: ArrayLike,
    participants: ArrayLike,
    names: Sequence[str] | None = None,
    swing: float = RELATIVE_SWING,
    top: int = 8,
) -> list[TornadoBar]:
    """How an allocation's expected extra jobs move, biggest swing first.

    Bars: every price ±`swing` at the same budget (so participants scale by 1/(1 ± swing)),
    every job rate ±`swing`, every control rate ±`swing`, and for the `top` interventions
    with the largest swing their own extra effect over its 95 % interval.
    """
    counts = _floats(participants)
    rate = _floats(job_rate)
    control = _floats(control_job_rate)
    usable = (counts > 0) & ~np.isnan(rate - control)

    def jobs(rates: FloatArray, controls: FloatArray, scale: float = 1.0) -> float:
        return float(np.sum(counts[usable] * scale * (rates[usable] - controls[usable])))

    base = jobs(rate, control)
    bars = [
        TornadoBar(
            "price",
            1 - swing,
            1 + swing,
            jobs(rate, control, 1 / (1 - swing)),
            jobs(rate, control, 1 / (1 + swing)),
            base,
        ),
        TornadoBar(
            "job_rate",
            1 - swing,
            1 + swing,
            jobs(np.clip(rate * (1 - swing), 0, 1), control),
            jobs(np.clip(rate * (1 + swing), 0, 1), control),
            base,
        ),
        TornadoBar(
            "control_job_rate",
            1 - swing,
            1 + swing,
            jobs(rate, np.clip(control * (1 - swing), 0, 1)),
            jobs(rate, np.clip(control * (1 + swing), 0, 1)),
            base,
        ),
    ]
    label = list(names) if names is not None else [str(i) for i in range(len(counts))]
    own = []
    for i in np.flatnonzero(usable & ~np.isnan(dist.low)):
        effect = rate[i] - control[i]
        delta_low = counts[i] * (dist.low[i] - effect)
        delta_high = counts[i] * (dist.high[i] - effect)
        own.append(
            TornadoBar(
                f"effect:{label[i]}",
                float(dist.low[i]),
                float(dist.high[i]),
                base + float(delta_low),
                base + float(delta_high),
                base,
            )
        )
    own.sort(key=lambda bar: -bar.swing)
    return sorted(bars + own[:top], key=lambda bar: -bar.swing)


@dataclass(frozen=True)
class FlipPoint:
    """Where the ranking of two interventions A and B turns round."""

    a_ahead_by_ratio: bool | None
    """A has the higher benefit-cost ratio now (None where either has no extra effect)."""
    effect_a_at_flip: float | None
    """A's extra effect at which both have the same benefit-cost ratio (B's held)."""
    effect_b_at_flip: float | None
    """B's extra effect at which both have the same benefit-cost ratio (A's held)."""
    value_per_job_at_flip: float | None
    """The value of a job at which both have the same net result per participant (None where
    no positive value does it). The value of a job and the years of effect never change the
    ranking by benefit-cost ratio: both ratios scale with them alike."""


def ranking_flip(
    price_a: float,
    effect_a: float,
    price_b: float,
    effect_b: float,
    value_per_job: float = domain.DEFAULT_VALUE_PER_JOB,
    effect_years: float = domain.DEFAULT_EFFECT_YEARS,
) -> FlipPoint:
    """The parameter values at which A and B swap places (see `FlipPoint`)."""
    if any(v is None or np.isnan(v) for v in (effect_a, effect_b)) or price_a <= 0 or price_b <= 0:
        return FlipPoint(None, None, None, None)
    ratio_a = effect_a / price_a
    ratio_b = effect_b / price_b
    effect_a_at_flip = effect_b * price_a / price_b
    effect_b_at_flip = effect_a * price_b / price_a
    value_at_flip: float | None = None
    if effect_a != effect_b and effect_years > 0:
        candidate = (price_a - price_b) / ((effect_a - effect_b) * effect_years)
        value_at_flip = float(candidate) if candidate > 0 else None
    return FlipPoint(
        bool(ratio_a > ratio_b), float(effect_a_at_flip), float(effect_b_at_flip), value_at_flip
    )
