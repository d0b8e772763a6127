"""The intervals against published worked examples, and the business-case maths."""

from __future__ import annotations

import math

import numpy as np
import pytest

from viften import domain, effects

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
    k1, n1, k2, n2 = (np.array(column) for column in zip(*(c for c, _ in NEWCOMBE_TABLE_II),
                                                          strict=True))
    low, high = effects.newcombe_interval(k1, n1, k2, n2)
    assert isinstance(low, np.ndarray) and low.shape == (len(NEWCOMBE_TABLE_II),)
    for i, (_, (expected_low, expected_high)) in enumerate(NEWCOMBE_TABLE_II):
        assert round(float(low[i]), 4) == pytest.approx(expected_low)
        assert round(float(high[i]), 4) == pytest.approx(expected_high)


def test_an_empty_group_gives_no_interval():
    low, high = effects.newcombe_interval(np.array([5, 5, 0]), np.array([10, 0, 0]),
                                          np.array([2, 2, 0]), np.array([0, 10, 0]))
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
