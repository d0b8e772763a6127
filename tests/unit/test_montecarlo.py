"""Property tests of the Monte Carlo: reproducible with a seed, converging to analytic figures."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from viften.model import effects


def clipped_normal_mean(mean: float, sd: float, low: float, high: float) -> float:
    """E[min(max(X, low), high)] for X normal: the analytic mean of the clipped draws."""
    a, b = (low - mean) / sd, (high - mean) / sd
    inside = mean * (stats.norm.cdf(b) - stats.norm.cdf(a)) - sd * (
        stats.norm.pdf(b) - stats.norm.pdf(a)
    )
    return float(low * stats.norm.cdf(a) + high * stats.norm.sf(b) + inside)


rates = st.floats(min_value=0.05, max_value=0.95)
stars = st.integers(min_value=1, max_value=3)
seeds = st.integers(min_value=0, max_value=2**32 - 1)


def _entered(job_rate: float, control: float, star: int) -> effects.EffectDistributions:
    return effects.effect_distributions(
        {"job_rate": [job_rate], "control_job_rate": [control], "evidence_stars": [star]}
    )


def _measured(n1: int, k1: int, n2: int, k2: int) -> effects.EffectDistributions:
    return effects.effect_distributions(
        {
            "job_rate": [k1 / n1],
            "control_job_rate": [k2 / n2],
            "evidence_stars": [1],
            "n_treatment": [n1],
            "k_treatment": [k1],
            "n_control": [n2],
            "k_control": [k2],
        }
    )


@settings(max_examples=25, deadline=None)
@given(rates, rates, stars, seeds)
def test_the_same_seed_gives_the_same_figures(job_rate, control, star, seed):
    found = _entered(job_rate, control, star)
    first = effects.probability_pays_off(found, [20_000.0], seed=seed, draws=2_000)
    again = effects.probability_pays_off(found, [20_000.0], seed=seed, draws=2_000)
    assert np.array_equal(first, again)
    draws = effects.draw_effects(found, draws=500, seed=seed)
    assert np.array_equal(draws, effects.draw_effects(found, draws=500, seed=seed))
    spread = effects.allocation_spread(found, [50], draws=1_000, seed=seed)
    assert spread == effects.allocation_spread(found, [50], draws=1_000, seed=seed)


@settings(max_examples=30, deadline=None)
@given(st.floats(min_value=-0.4, max_value=0.4), stars, seeds)
def test_the_draws_converge_to_the_analytic_mean_of_an_entered_effect(effect, star, seed):
    control = 0.5
    found = _entered(control + effect, control, star)
    draws = effects.draw_effects(found, draws=20_000, seed=seed)[:, 0]
    standard_error = found.sd[0] / math.sqrt(draws.size)
    analytic = clipped_normal_mean(found.mean[0], found.sd[0], -control, 1 - control)
    assert abs(draws.mean() - analytic) < 5 * standard_error
    assert draws.min() >= -control and draws.max() <= 1 - control


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 29), st.integers(2, 29), st.data(), seeds)
def test_the_draws_of_a_small_sample_converge_to_the_beta_mean(n1, n2, data, seed):
    k1 = data.draw(st.integers(0, n1))
    k2 = data.draw(st.integers(0, n2))
    found = _measured(n1, k1, n2, k2)
    assert found.exact[0]
    analytic = (k1 + 0.5) / (n1 + 1) - (k2 + 0.5) / (n2 + 1)
    draws = effects.draw_effects(found, draws=20_000, seed=seed)[:, 0]
    assert abs(draws.mean() - analytic) < 5 * found.sd[0] / math.sqrt(draws.size)


@settings(max_examples=30, deadline=None)
@given(rates, rates, stars, st.floats(min_value=1_000, max_value=150_000), seeds)
def test_the_chance_of_paying_off_converges_to_the_normal_probability(
    job_rate, control, star, price, seed
):
    found = _entered(job_rate, control, star)
    draws = 20_000
    chance = effects.probability_pays_off(found, [price], 260_000, 1, draws=draws, seed=seed)[0]
    break_even = price / 260_000
    analytic = stats.norm.sf(break_even, loc=found.mean[0], scale=found.sd[0])
    if break_even >= 1 - control:
        analytic = 0.0
    allowed = 5 * math.sqrt(max(analytic * (1 - analytic), 1e-6) / draws) + 1 / draws
    assert abs(chance - analytic) < allowed


@settings(max_examples=20, deadline=None)
@given(
    st.lists(st.tuples(rates, rates, stars, st.integers(0, 500)), min_size=1, max_size=12), seeds
)
def test_an_allocation_spread_is_ordered_and_centred_on_the_expected_jobs(rows, seed):
    columns = {
        "job_rate": [r[0] for r in rows],
        "control_job_rate": [r[1] for r in rows],
        "evidence_stars": [r[2] for r in rows],
    }
    participants = np.array([r[3] for r in rows], dtype=float)
    found = effects.effect_distributions(columns)
    spread = effects.allocation_spread(found, participants, draws=20_000, seed=seed)
    assert spread.p10 <= spread.median <= spread.p90
    assert spread.expected == pytest.approx(float(np.sum(participants * found.mean)))
    analytic = sum(
        n * clipped_normal_mean(found.mean[i], found.sd[i], -r[1], 1 - r[1])
        for i, (r, n) in enumerate(zip(rows, participants, strict=True))
    )
    total_sd = math.sqrt(float(np.sum((participants * found.sd) ** 2)))
    assert abs(spread.mean - analytic) < 5 * total_sd / math.sqrt(20_000) + 1e-6


def test_the_normal_spread_of_an_allocation_matches_its_analytic_percentiles():
    columns = {"job_rate": [0.5, 0.4], "control_job_rate": [0.4, 0.35], "evidence_stars": [3, 2]}
    found = effects.effect_distributions(columns)
    participants = np.array([200.0, 100.0])
    spread = effects.allocation_spread(found, participants, draws=50_000, seed=1)
    mean = float(np.sum(participants * found.mean))
    sd = math.sqrt(float(np.sum((participants * found.sd) ** 2)))
    assert spread.p10 == pytest.approx(stats.norm.ppf(0.1, mean, sd), abs=0.05 * sd)
    assert spread.p90 == pytest.approx(stats.norm.ppf(0.9, mean, sd), abs=0.05 * sd)


def test_no_control_group_means_no_chance_and_no_jobs():
    found = effects.effect_distributions(
        {"job_rate": [0.5, 0.5], "control_job_rate": [None, 0.4], "evidence_stars": [3, 3]}
    )
    chance = effects.probability_pays_off(found, [10_000.0, 10_000.0], seed=3)
    assert np.isnan(chance[0]) and 0 < chance[1] <= 1
    spread = effects.allocation_spread(found, [100, 0], seed=3)
    assert spread.expected == 0 and spread.p90 == 0


def test_a_threshold_beyond_any_possible_effect_gives_certainty_either_way():
    found = _entered(0.9, 0.1, 1)
    assert effects.probability_pays_off(found, [10_000_000.0], 260_000, 1, seed=1)[0] == 0.0
    assert effects.probability_pays_off(found, [-600_000.0], 260_000, 1, seed=1)[0] == 1.0


def test_many_interventions_run_in_chunks_with_the_same_answer_per_column():
    rng = np.random.default_rng(5)
    m = 600
    n1 = rng.integers(5, 25, m)
    n2 = rng.integers(5, 25, m)
    found = _measured_many(n1, rng.binomial(n1, 0.5), n2, rng.binomial(n2, 0.3))
    chance = effects.probability_pays_off(found, np.full(m, 30_000.0), draws=10_000, seed=2)
    analytic = np.array(
        [
            np.mean(
                rng.beta(found.beta[0, i], found.beta[1, i], 20_000)
                - rng.beta(found.beta[2, i], found.beta[3, i], 20_000)
                > 30_000 / 260_000
            )
            for i in range(20)
        ]
    )
    assert np.all(np.abs(chance[:20] - analytic) < 0.04)


def _measured_many(n1, k1, n2, k2):
    return effects.effect_distributions(
        {
            "job_rate": k1 / n1,
            "control_job_rate": k2 / n2,
            "evidence_stars": np.ones(len(n1)),
            "n_treatment": n1,
            "k_treatment": k1,
            "n_control": n2,
            "k_control": k2,
        }
    )


def test_a_large_allocation_sums_its_many_small_terms_without_changing_the_spread(monkeypatch):
    rng = np.random.default_rng(3)
    m = 1_500
    columns = {
        "job_rate": rng.uniform(0.1, 0.7, m),
        "control_job_rate": rng.uniform(0.05, 0.5, m),
        "evidence_stars": np.ones(m),
    }
    found = effects.effect_distributions(columns)
    participants = rng.integers(1, 200, m).astype(float)
    quick = effects.allocation_spread(found, participants, draws=20_000, seed=4)
    monkeypatch.setattr(effects, "INDIVIDUAL_DRAWS", 10**9)
    slow = effects.allocation_spread(found, participants, draws=20_000, seed=4)
    analytic = sum(
        n
        * clipped_normal_mean(
            found.mean[i],
            found.sd[i],
            -columns["control_job_rate"][i],
            1 - columns["control_job_rate"][i],
        )
        for i, n in enumerate(participants)
    )
    width = slow.p90 - slow.p10
    assert abs(quick.mean - analytic) < 0.02 * width
    assert abs(slow.mean - analytic) < 0.02 * width
    assert quick.p10 == pytest.approx(slow.p10, abs=0.03 * width)
    assert quick.p90 == pytest.approx(slow.p90, abs=0.03 * width)


# --- the small samples' draws, each posterior once ----------------------------------------------


def test_small_sample_effects_are_drawn_from_their_two_beta_posteriors() -> None:
    # Beta(6.5, 6.5) - Beta(1.5, 9.5): mean 0.5 - 1.5/11, variance the sum of the two
    beta = np.array([[6.5], [6.5], [1.5], [9.5]])
    drawn = effects.beta_difference_draws(beta, 100_000, seed=4)[0]
    variance = 6.5 * 6.5 / (13**2 * 14) + 1.5 * 9.5 / (11**2 * 12)
    assert drawn.mean() == pytest.approx(0.5 - 1.5 / 11, abs=0.002)
    assert drawn.var() == pytest.approx(variance, rel=0.02)


def test_two_groups_with_the_same_posterior_are_still_drawn_independently() -> None:
    beta = np.array([[3.5, 3.5], [5.5, 5.5], [3.5, 1.5], [5.5, 7.5]])
    drawn = effects.beta_difference_draws(beta, 50_000, seed=4)
    same = drawn[0]
    # X - Y with X, Y independent Beta(3.5, 5.5): never identically 0, variance twice one's
    one = 3.5 * 5.5 / (9**2 * 10)
    assert same.var() == pytest.approx(2 * one, rel=0.03)
    # the shared treatment posterior is drawn once: both effects see the same X draws
    # (common random numbers), so their draws correlate (about 0.56 here)
    assert np.corrcoef(drawn[0], drawn[1])[0, 1] > 0.45


def test_the_same_seed_draws_the_same_small_sample_effects() -> None:
    beta = np.array([[3.5, 2.5], [5.5, 9.5], [1.5, 2.5], [8.5, 9.5]])
    np.testing.assert_array_equal(
        effects.beta_difference_draws(beta, 1_000, seed=8),
        effects.beta_difference_draws(beta, 1_000, seed=8),
    )
