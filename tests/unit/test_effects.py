"""The intervals against published worked examples, and the business-case maths."""

from __future__ import annotations

import math

import numpy as np
import pytest

from viften.model import domain, effects

# Newcombe (1998) Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score
# interval without continuity correction): (k1, n1, k2, n2) -> (low, high), to 4 decimals.
NEWCOMBE_TABLE_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
]

# Newcombe (1998) Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score
# interval without continuity correction): (k, n) -> (low, high).
WILSON_TABLE_I = [
    ((81, 263), (0.2553, 0.3662)),
    ((15, 148), (0.0624, 0.1605)),
    ((0, 20), (0.0000, 0.1611)),
    ((1, 29), (0.0061, 0.1718)),
]


@pytest.mark.parametrize(("counts", "expected"), NEWCOMBE_TABLE_II)
def test_the_newcombe_interval_matches_the_published_table(counts, expected):
    low, high = effects.newcombe_interval(*counts)
    assert round(low, 4) == pytest.approx(expected[0], abs=1e-9)
    assert round(high, 4) == pytest.approx(expected[1], abs=1e-9)


@pytest.mark.parametrize(("counts", "expected"), WILSON_TABLE_I)
def test_the_wilson_interval_matches_the_published_table(counts, expected):
    low, high = effects.wilson_interval(*counts)
    assert round(low, 4) == pytest.approx(expected[0], abs=1e-9)
    assert round(high, 4) == pytest.approx(expected[1], abs=1e-9)


def test_the_newcombe_interval_works_on_whole_arrays_at_once():
    k1, n1, k2, n2 = (
        np.array(column) for column in zip(*(c for c, _ in NEWCOMBE_TABLE_II), strict=True)
    )
    low, high = effects.newcombe_interval(k1, n1, k2, n2)
    assert isinstance(low, np.ndarray) and low.shape == (len(NEWCOMBE_TABLE_II),)
    for i, (_, (expected_low, expected_high)) in enumerate(NEWCOMBE_TABLE_II):
        assert round(float(low[i]), 4) == pytest.approx(expected_low)
        assert round(float(high[i]), 4) == pytest.approx(expected_high)


def test_an_empty_group_gives_no_interval():
    low, high = effects.newcombe_interval(
        np.array([5, 5, 0]), np.array([10, 0, 0]), np.array([2, 2, 0]), np.array([0, 10, 0])
    )
    assert np.isnan(low).all() and np.isnan(high).all()
    low_scalar, high_scalar = effects.newcombe_interval(3, 10, 0, 0)
    assert math.isnan(low_scalar) and math.isnan(high_scalar)
    assert all(math.isnan(v) for v in effects.wilson_interval(0, 0))


def test_the_interval_holds_the_observed_difference_and_stays_within_minus_one_and_one():
    rng = np.random.default_rng(7)
    n1 = rng.integers(1, 500, 2000)
    n2 = rng.integers(1, 500, 2000)
    k1 = rng.integers(0, n1 + 1)
    k2 = rng.integers(0, n2 + 1)
    low, high = effects.newcombe_interval(k1, n1, k2, n2)
    difference = k1 / n1 - k2 / n2
    assert (low <= difference + 1e-12).all() and (difference <= high + 1e-12).all()
    assert (low >= -1 - 1e-12).all() and (high <= 1 + 1e-12).all()


def test_swapping_the_groups_mirrors_the_interval():
    low, high = effects.newcombe_interval(56, 70, 48, 80)
    mirrored_low, mirrored_high = effects.newcombe_interval(48, 80, 56, 70)
    assert mirrored_low == pytest.approx(-high)
    assert mirrored_high == pytest.approx(-low)


# --- the business case ---------------------------------------------------------------------


def test_the_net_result_per_participant_is_the_effect_times_value_times_years_minus_price():
    assert effects.net_result_per_participant(20_000, 0.1, 260_000, 1) == pytest.approx(6_000)
    assert effects.net_result_per_participant(20_000, 0.1, 260_000, 2.5) == pytest.approx(45_000)
    result = effects.net_result_per_participant(
        np.array([10_000.0, 5.0]), np.array([np.nan, 0.0]), 260_000, 1
    )
    assert np.isnan(result[0]) and result[1] == -5.0


def test_the_business_case_adds_the_net_result_to_the_domain_figures():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "name": ["a", "b", "c"],
            "price_per_participant": [20_000.0, 0.0, 50_000.0],
            "job_rate": [0.4, 0.5, 0.3],
            "control_job_rate": [0.3, 0.4, np.nan],
        }
    )
    case = effects.business_case(frame, 300_000, 2)
    expected = domain.derive(frame, 300_000, 2)
    for column in domain.DERIVED_NAMES:
        assert np.allclose(case[column], expected[column], equal_nan=True)
    assert case.loc[0, "benefit_cost_ratio"] == pytest.approx(0.1 * 300_000 * 2 / 20_000)
    assert case.loc[0, "break_even_effect"] == pytest.approx(20_000 / 600_000)
    assert case.loc[0, "net_result_per_participant"] == pytest.approx(0.1 * 600_000 - 20_000)
    assert np.isnan(case.loc[1, "benefit_cost_ratio"])
    assert np.isnan(case.loc[2, "net_result_per_participant"])


# --- distributions and flags ---------------------------------------------------------------


def _columns(**overrides):
    base = {
        "job_rate": [0.4],
        "control_job_rate": [0.3],
        "evidence_stars": [2],
        "n_treatment": [0],
        "k_treatment": [0],
        "n_control": [0],
        "k_control": [0],
    }
    return {**base, **{k: [v] for k, v in overrides.items()}}


def test_fewer_stars_give_a_wider_interval_for_an_entered_effect():
    widths = {}
    for stars in (1, 2, 3):
        found = effects.effect_distributions(_columns(evidence_stars=stars))
        assert found.basis[0] == "stars"
        assert found.mean[0] == pytest.approx(0.1)
        share, floor = effects.STAR_SPREAD[stars]
        assert found.sd[0] == pytest.approx(share * 0.1 + floor)
        widths[stars] = found.high[0] - found.low[0]
    assert widths[1] > widths[2] > widths[3]


def test_a_measured_effect_uses_the_newcombe_interval():
    found = effects.effect_distributions(
        _columns(
            job_rate=0.8,
            control_job_rate=0.6,
            n_treatment=70,
            k_treatment=56,
            n_control=80,
            k_control=48,
        )
    )
    assert found.basis[0] == "outcomes" and not found.exact[0]
    assert round(found.low[0], 4) == 0.0524 and round(found.high[0], 4) == 0.3339
    assert found.mean[0] == pytest.approx(0.2)


def test_a_small_sample_is_drawn_exactly_and_flagged():
    found = effects.effect_distributions(
        _columns(n_treatment=10, k_treatment=9, n_control=10, k_control=3)
    )
    assert found.exact[0]
    assert round(found.low[0], 4) == 0.1705
    assert effects.small_sample(10, 10) and not effects.small_sample(30, 30)
    assert not effects.small_sample(0, 0), "no records is not a small sample"


def test_without_a_control_rate_there_is_no_distribution():
    found = effects.effect_distributions(_columns(control_job_rate=None))
    assert found.basis[0] == "none" and np.isnan(found.mean[0]) and np.isnan(found.low[0])


def test_the_flag_marks_an_interval_that_includes_zero_before_a_wide_one():
    flags = effects.uncertainty_flag(
        np.array([-0.1, 0.05, 0.02, np.nan, -0.5]), np.array([0.1, 0.40, 0.10, np.nan, 0.0])
    )
    assert list(flags) == ["includes_zero", "wide", None, None, "includes_zero"]
    assert effects.uncertainty_flag(0.1, 0.2) is None
    assert effects.uncertainty_flags(_columns(evidence_stars=1))[0] == "includes_zero"


# --- sensitivity ---------------------------------------------------------------------------


def test_the_tornado_moves_each_parameter_and_puts_the_biggest_swing_first():
    bars = effects.tornado(20_000, 0.4, 0.3, 260_000, 1)
    assert [b.swing for b in bars] == sorted((b.swing for b in bars), reverse=True)
    by_name = {b.parameter: b for b in bars}
    base = 0.1 * 260_000 / 20_000
    assert all(b.base_outcome == pytest.approx(base) for b in bars)
    assert by_name["value_per_job"].outcome_at_low == pytest.approx(base * 0.8)
    assert by_name["value_per_job"].outcome_at_high == pytest.approx(base * 1.2)
    assert by_name["price"].outcome_at_high == pytest.approx(base / 1.2)
    assert by_name["job_rate"].outcome_at_high == pytest.approx((0.48 - 0.3) * 260_000 / 20_000)


def test_a_measured_rate_swings_over_its_interval():
    interval = effects.wilson_interval(56, 70)
    bars = {b.parameter: b for b in effects.tornado(20_000, 0.8, 0.6, job_rate_interval=interval)}
    assert bars["job_rate"].low_input == pytest.approx(interval[0])
    assert bars["job_rate"].high_input == pytest.approx(interval[1])


def test_at_the_flip_point_both_interventions_return_the_same_per_krone():
    flip = effects.ranking_flip(20_000, 0.10, 30_000, 0.12, 260_000, 1)
    assert flip.a_ahead_by_ratio is True
    same = domain.benefit_cost_ratio(20_000, flip.effect_a_at_flip, 260_000, 1)
    assert same == pytest.approx(domain.benefit_cost_ratio(30_000, 0.12, 260_000, 1))
    same_b = domain.benefit_cost_ratio(30_000, flip.effect_b_at_flip, 260_000, 1)
    assert same_b == pytest.approx(domain.benefit_cost_ratio(20_000, 0.10, 260_000, 1))
    value = flip.value_per_job_at_flip
    assert value is not None
    assert effects.net_result_per_participant(20_000, 0.10, value, 1) == pytest.approx(
        effects.net_result_per_participant(30_000, 0.12, value, 1)
    )


def test_no_flip_is_offered_without_an_extra_effect():
    assert effects.ranking_flip(20_000, float("nan"), 30_000, 0.1).a_ahead_by_ratio is None
    assert effects.ranking_flip(0, 0.1, 30_000, 0.1).a_ahead_by_ratio is None
    assert effects.ranking_flip(20_000, 0.1, 30_000, 0.1).value_per_job_at_flip is None


def test_the_allocation_tornado_scales_jobs_with_prices_at_the_same_budget():
    columns = {"job_rate": [0.4, 0.5], "control_job_rate": [0.3, 0.45], "evidence_stars": [3, 1]}
    found = effects.effect_distributions(columns)
    bars = {
        b.parameter: b
        for b in effects.allocation_tornado(
            found, columns["job_rate"], columns["control_job_rate"], [100, 200], ["A", "B"]
        )
    }
    base = 100 * 0.1 + 200 * 0.05
    assert bars["price"].base_outcome == pytest.approx(base)
    assert bars["price"].outcome_at_high == pytest.approx(base / 1.2)
    assert bars["effect:B"].outcome_at_low == pytest.approx(base + 200 * (found.low[1] - 0.05))
