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
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

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
