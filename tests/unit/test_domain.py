"""The derived figures against the definitions in interface.md, undefined cases included."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viften.model import domain
from viften.store import views as figures

V, E = domain.DEFAULT_VALUE_PER_JOB, domain.DEFAULT_EFFECT_YEARS


def frame(*rows: tuple[float, float, float | None]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"price_per_participant": p, "job_rate": r, "control_job_rate": c} for p, r, c in rows]
    )


def derived_records(
    rows: list[tuple[float, float, float | None]], value: float = V, years: float = E
) -> list[dict[str, Any]]:
    return domain.records(domain.derive(frame(*rows), value, years))


def test_the_defaults_are_those_of_the_interface() -> None:
    assert domain.DEFAULT_VALUE_PER_JOB == 260_000
    assert domain.DEFAULT_EFFECT_YEARS == 1


def test_every_figure_follows_its_definition() -> None:
    [row] = derived_records([(45000.0, 0.35, 0.25)])
    assert row["price_per_job"] == pytest.approx(45000 / 0.35)
    assert row["net_effect"] == pytest.approx(0.10)
    assert row["price_per_additional_job"] == pytest.approx(45000 / 0.10)
    assert row["benefit_cost_ratio"] == pytest.approx(0.10 * 260000 * 1 / 45000)
    assert row["break_even_effect"] == pytest.approx(45000 / 260000)


@pytest.mark.parametrize(
    ("value", "years"), [(300000.0, 1.0), (260000.0, 3.0), (150000.0, 2.5), (1.0, 0.5)]
)
def test_value_per_job_and_effect_years_scale_the_business_case(value: float, years: float) -> None:
    [row] = derived_records([(20000.0, 0.5, 0.3)], value, years)
    assert row["benefit_cost_ratio"] == pytest.approx(0.2 * value * years / 20000)
    assert row["break_even_effect"] == pytest.approx(20000 / (value * years))
    # the business case does not touch the other figures
    assert row["price_per_job"] == pytest.approx(40000)
    assert row["price_per_additional_job"] == pytest.approx(100000)


def test_a_zero_job_rate_has_no_price_per_job() -> None:
    [row] = derived_records([(10000.0, 0.0, None)])
    assert row["price_per_job"] is None
    assert domain.price_per_job(10000.0, 0.0) is None


def test_without_a_control_rate_there_is_no_net_effect_and_what_follows_from_it() -> None:
    [row] = derived_records([(10000.0, 0.4, None)])
    assert row["net_effect"] is None
    assert row["price_per_additional_job"] is None
    assert row["benefit_cost_ratio"] is None
    assert row["price_per_job"] == pytest.approx(25000)
    assert row["break_even_effect"] == pytest.approx(10000 / 260000)
    assert domain.net_effect(0.4, None) is None
    assert domain.price_per_additional_job(10000.0, None) is None
    assert domain.benefit_cost_ratio(10000.0, None, V, E) is None


@pytest.mark.parametrize("control", [0.4, 0.5, 1.0])
def test_no_extra_effect_has_no_price_per_additional_job(control: float) -> None:
    [row] = derived_records([(10000.0, 0.4, control)])
    assert row["net_effect"] == pytest.approx(0.4 - control)
    assert row["price_per_additional_job"] is None
    # the ratio is defined (zero or negative): the interface leaves it out only without an effect
    assert row["benefit_cost_ratio"] == pytest.approx((0.4 - control) * 260000 / 10000)
    assert domain.price_per_additional_job(10000.0, 0.4 - control) is None


def test_a_free_intervention_has_no_benefit_cost_ratio() -> None:
    [row] = derived_records([(0.0, 0.4, 0.2)])
    assert row["benefit_cost_ratio"] is None
    assert row["price_per_job"] == 0
    assert row["price_per_additional_job"] == 0
    assert row["break_even_effect"] == 0
    assert domain.benefit_cost_ratio(0.0, 0.2, V, E) is None


def test_undefined_figures_are_none_in_records_never_nan_or_infinite() -> None:
    rows = derived_records(
        [(0.0, 0.0, 0.0), (10.0, 0.0, None), (10.0, 0.0, 0.5), (1e12, 1e-300, 0.0)]
    )
    for row in rows:
        for name in domain.DERIVED_NAMES:
            value = row[name]
            assert value is None or (isinstance(value, float) and math.isfinite(value)), (
                name,
                value,
            )


def test_unavailable_reasons_say_why() -> None:
    no_control = {"price_per_participant": 10.0, "job_rate": 0.3, "control_job_rate": None}
    assert domain.unavailable_reason("net_effect", no_control) == "reason_no_control"
    assert domain.unavailable_reason("price_per_additional_job", no_control) == (
        "reason_no_control"
    )
    worse = {"price_per_participant": 10.0, "job_rate": 0.3, "control_job_rate": 0.4}
    assert domain.unavailable_reason("price_per_additional_job", worse) == (
        "reason_no_extra_effect"
    )
    zero_rate = {"price_per_participant": 10.0, "job_rate": 0.0, "control_job_rate": None}
    assert domain.unavailable_reason("price_per_job", zero_rate) == "reason_zero_job_rate"
    free = {"price_per_participant": 0.0, "job_rate": 0.3, "control_job_rate": 0.1}
    assert domain.unavailable_reason("benefit_cost_ratio", free) == "reason_zero_price"
    fine = {"price_per_participant": 10.0, "job_rate": 0.3, "control_job_rate": 0.1}
    for name in domain.DERIVED_NAMES:
        assert domain.unavailable_reason(name, fine) is None


rates = st.floats(min_value=0, max_value=1, allow_nan=False)
prices = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@settings(max_examples=120, deadline=None)
@given(
    price=prices,
    rate=rates,
    control=st.none() | rates,
    value=st.floats(min_value=1, max_value=1e7),
    years=st.floats(min_value=0.1, max_value=30),
)
def test_the_table_agrees_with_the_scalar_definitions(
    price: float, rate: float, control: float | None, value: float, years: float
) -> None:
    [row] = derived_records([(price, rate, control)], value, years)
    effect = domain.net_effect(rate, control)
    expected = {
        "price_per_job": domain.price_per_job(price, rate),
        "net_effect": effect,
        "price_per_additional_job": domain.price_per_additional_job(price, effect),
        "benefit_cost_ratio": domain.benefit_cost_ratio(price, effect, value, years),
        "break_even_effect": domain.break_even_effect(price, value, years),
    }
    for name, want in expected.items():
        got = row[name]
        if want is None or not math.isfinite(want):
            assert got is None, (name, got)
        else:
            assert got == pytest.approx(want, rel=1e-12), name
            assert math.isfinite(got)
    # the definitions themselves, written out once more
    if rate > 0 and row["price_per_job"] is not None:
        assert row["price_per_job"] == pytest.approx(price / rate)
    if control is None:
        assert row["net_effect"] is None
        assert row["benefit_cost_ratio"] is None
    elif rate - control <= 0:
        assert row["price_per_additional_job"] is None


def test_intervals_come_only_from_outcome_counts() -> None:
    table = frame((10.0, 0.5, 0.3), (10.0, 0.5, 0.3)).assign(
        n_treatment=[0, 70], k_treatment=[0, 56], n_control=[0, 80], k_control=[0, 48]
    )
    rows = domain.records(figures.derived(table))
    assert rows[0]["net_effect_ci_low"] is None and rows[0]["net_effect_ci_high"] is None
    # Newcombe (1998) Table II, method 10: 56/70 against 48/80
    assert rows[1]["net_effect_ci_low"] == pytest.approx(0.0524, abs=1e-4)
    assert rows[1]["net_effect_ci_high"] == pytest.approx(0.3339, abs=1e-4)


def test_records_are_plain_python_values() -> None:
    rows = domain.records(
        pd.DataFrame({"a": [1, None], "b": [0.5, float("nan")], "c": ["x", None]})
    )
    assert rows == [{"a": 1.0, "b": 0.5, "c": "x"}, {"a": None, "b": None, "c": None}]
    assert type(rows[0]["b"]) is float
