"""The reduced exact solve against a bare milp call on the same model: the same optimum, or
the same infeasibility, on random instances with minimum shares and statutory minimums."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viften.model import allocator, exact
from viften.model.allocator import Interventions, Request

GROUPS = ("closer", "further", "cross")


def value(inputs: allocator.MilpInputs, x: np.ndarray) -> float:
    return math.fsum((inputs.c * x).tolist())


def arrays(inputs: allocator.MilpInputs) -> tuple[np.ndarray, ...]:
    return inputs.arrays()


def meets(inputs: allocator.MilpInputs, x: np.ndarray) -> bool:
    """Whole, within bounds, and every row met to within HiGHS' tolerance."""
    activity = inputs.matrix @ x
    slack = 1e-6 * np.maximum(1.0, np.abs(activity))
    return bool(
        np.all(x >= inputs.lower)
        and np.all(x <= inputs.upper)
        and np.all(x == np.rint(x))
        and np.all(activity <= inputs.row_upper + slack)
        and np.all(activity >= inputs.row_lower - slack)
    )


@st.composite
def models(draw: Any, most: int = 14) -> allocator.MilpInputs | None:
    count = draw(st.integers(1, most))
    rows: dict[str, list[Any]] = {
        key: []
        for key in (
            "name",
            "year",
            "target_group",
            "price_per_participant",
            "capacity",
            "participants",
            "job_rate",
            "control_job_rate",
            "evidence_stars",
            "mandatory",
        )
    }
    for i in range(count):
        capacity = draw(st.one_of(st.none(), st.integers(0, 12)))
        rows["name"].append(f"I{i}")
        rows["year"].append(2026)
        rows["target_group"].append(draw(st.sampled_from(GROUPS)))
        # whole thousands make ties and exact fills, the knapsack's hard cases
        rows["price_per_participant"].append(
            draw(
                st.one_of(
                    st.integers(1, 40).map(lambda k: k * 1000.0),
                    st.floats(500, 40_000).map(lambda v: round(v, 2)),
                )
            )
        )
        rows["capacity"].append(capacity)
        rows["participants"].append(draw(st.integers(0, 8)))
        rows["job_rate"].append(draw(st.integers(0, 100)) / 100)
        rows["control_job_rate"].append(draw(st.integers(0, 60)) / 100)
        rows["evidence_stars"].append(draw(st.integers(1, 3)))
        rows["mandatory"].append(draw(st.booleans()) and draw(st.booleans()))
    data = Interventions.from_columns(rows)
    shares = draw(
        st.dictionaries(
            st.sampled_from(GROUPS), st.integers(0, 5).map(lambda k: k / 10), max_size=3
        )
    )
    request = Request.of(
        float(draw(st.integers(0, 150)) * 1000 + draw(st.sampled_from((0, 0, 250, 999)))),
        objective=draw(st.sampled_from(allocator.JOB_OBJECTIVES)),
        min_shares=shares,
        keep_mandatory=draw(st.booleans()),
    )
    return allocator.milp_inputs(data, request)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(), st.sampled_from((1, 2, 4, exact.FIRST_CORE)))
def test_the_reduced_solve_finds_the_optimum_of_the_bare_milp(inputs, first_core):
    if inputs is None:
        return
    bare_status, bare, _ = exact.plain(*arrays(inputs))
    report = exact.Report()
    status, found, _ = exact.solve(
        *arrays(inputs), reduce_from=0, first_core=first_core, report=report
    )
    assert status == bare_status
    if bare is None:
        assert found is None
        return
    assert found is not None and meets(inputs, found)
    assert value(inputs, found) == pytest.approx(value(inputs, bare), abs=2e-6)
    if report.lp_bound is not None:
        assert report.lp_bound <= value(inputs, bare) + 1e-6


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(), st.sampled_from((1e-6, 1e-3)))
def test_a_relative_gap_is_proven_against_the_optimum(inputs, rel_gap):
    if inputs is None:
        return
    _, bare, _ = exact.plain(*arrays(inputs))
    _, found, _ = exact.solve(*arrays(inputs), reduce_from=0, rel_gap=rel_gap, first_core=2)
    if bare is None:
        assert found is None
        return
    assert found is not None and meets(inputs, found)
    best = value(inputs, bare)
    assert value(inputs, found) <= best + rel_gap * max(1.0, abs(best)) + 2e-6


@settings(max_examples=30, deadline=None)
@given(models(most=12), st.lists(st.floats(-1e-4, 1e-4), min_size=4, max_size=4))
def test_the_bound_holds_for_any_dual_prices_of_the_right_sign(inputs, prices):
    if inputs is None:
        return
    _, bare, _ = exact.plain(*arrays(inputs))
    if bare is None:
        return
    y = np.array(prices[: len(inputs.row_lower)])
    bound, _ = exact._bound(exact.Model(*arrays(inputs)), y)
    assert bound <= value(inputs, bare) + 1e-6 * max(1.0, abs(bound))


def budget_model(price, value_, capacity, budget, group=None, share_group=None, share=0.0):
    """A minimisation with one budget row and, optionally, one minimum-share row."""
    price = np.array(price, dtype=float)
    rows = [price]
    row_lower, row_upper = [-np.inf], [budget]
    if share_group is not None:
        rows.append(np.where(np.array(group) == share_group, price, 0.0))
        row_lower.append(share * budget)
        row_upper.append(np.inf)
    return (
        -np.array(value_, dtype=float),
        np.zeros(len(price)),
        np.array(capacity, dtype=float),
        np.vstack(rows),
        np.array(row_lower),
        np.array(row_upper),
    )


def test_an_intervention_that_can_absorb_the_budget_takes_out_those_it_dominates():
    # 0 is cheaper and better than 1 and can take the whole budget; 2 is better than 0
    model = budget_model([1000, 2000, 1500], [0.5, 0.4, 0.9], [100, 10, 5], 50_000)
    dominated = exact._dominated(exact.Model(*model))
    assert dominated.tolist() == [False, True, False]


def test_dominance_needs_a_dominator_that_can_absorb_the_budget():
    model = budget_model([1000, 2000], [0.5, 0.4], [10, 10], 50_000)
    assert not exact._dominated(exact.Model(*model)).any()


def test_a_minimum_share_keeps_a_dominated_intervention_of_its_group():
    # 1 is in the group with a minimum share: only the same price in the same group dominates
    model = budget_model(
        [1000, 2000, 2000],
        [0.5, 0.4, 0.3],
        [100, 10, 100],
        50_000,
        group=["closer", "further", "further"],
        share_group="further",
        share=0.3,
    )
    dominated = exact._dominated(exact.Model(*model))
    assert dominated.tolist() == [False, False, False]
    model = budget_model(
        [1000, 2000, 2000],
        [0.5, 0.4, 0.45],
        [100, 10, 100],
        50_000,
        group=["closer", "further", "further"],
        share_group="further",
        share=0.3,
    )
    assert exact._dominated(exact.Model(*model)).tolist() == [False, True, False]


def test_two_identical_interventions_never_take_each_other_out():
    model = budget_model([1000, 1000], [0.5, 0.5], [100, 100], 50_000)
    assert exact._dominated(exact.Model(*model)).tolist() == [False, True]
    status, x, _ = exact.solve(*model, reduce_from=0)
    assert status == 0 and x is not None and x.tolist() == [50, 0]


def test_a_large_model_is_solved_on_a_small_core_with_the_same_optimum():
    rng = np.random.default_rng(3)
    count = 1500
    price = rng.integers(2, 300, count) * 1000.0
    value_ = rng.uniform(0.01, 0.2, count).round(4)
    capacity = rng.integers(10, 400, count).astype(float)
    # a budget that the best interventions by jobs per krone fill exactly: an integral LP,
    # which a bare milp also proves at once
    best_first = np.argsort(-value_ / price, kind="stable")
    budget = float(np.sum((price * capacity)[best_first[: count // 3]]))
    model = budget_model(price, value_, capacity, budget)
    report = exact.Report()
    _, found, _ = exact.solve(*model, report=report)
    _, bare, _ = exact.plain(*model)
    assert found is not None and bare is not None
    assert model[0] @ found == pytest.approx(model[0] @ bare, abs=2e-6)
    assert not report.plain
    assert report.cores[0] <= exact.FIRST_CORE + 1


def test_a_small_model_is_solved_as_it_is():
    report = exact.Report()
    exact.solve(*budget_model([1000], [0.5], [3], 2500), report=report)
    assert report.plain


def test_an_infeasible_model_stays_infeasible():
    model = budget_model(
        [1000] * 500,
        [0.1] * 500,
        [1] * 500,
        100_000,
        group=["closer"] * 500,
        share_group="further",
        share=0.1,
    )
    status, x, _ = exact.solve(*model, reduce_from=0)
    assert status == 2 and x is None
