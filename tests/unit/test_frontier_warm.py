"""The warm-started frontier against a bare milp per budget: every point the same optimum
within the frontier's gap, or the same infeasibility, on seeded random models of several
shapes (minimum shares, missing and large capacities, statutory minimums above the smaller
budgets, shares that the larger budgets cannot meet)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from viften.model import allocator, exact
from viften.model.allocator import Interventions, Request

GROUPS = ("closer", "further", "cross")
SHAPES: dict[str, dict[str, Any]] = {
    "budget only": {},
    "a minimum share": {"min_shares": {"further": 0.4}},
    "two minimum shares": {"min_shares": {"closer": 0.25, "further": 0.3}},
    "statutory minimums": {"mandatory": 0.15, "min_shares": {"cross": 0.2}},
    "a share the group cannot fill": {"min_shares": {"further": 0.6}, "further_capacity": 3},
    "no capacities": {"missing_capacity": 0.6},
    "large capacities": {"capacity": (200, 5_000), "min_shares": {"further": 0.35}},
    "whole thousands": {"thousands": True, "min_shares": {"closer": 0.3}},
}


def interventions(seed: int, count: int = 130, **shape: Any) -> Interventions:
    """Random interventions of one shape; better ones are dearer so the budget has choices."""
    rng = np.random.default_rng(seed)
    groups = rng.choice(GROUPS, count)
    if shape.get("thousands"):
        price = rng.integers(1, 60, count) * 1000.0
    else:
        price = np.round(rng.uniform(500, 60_000, count), 2)
    low, high = shape.get("capacity", (0, 30))
    capacity: list[Any] = [float(v) for v in rng.integers(low, high, count)]
    for i in np.flatnonzero(rng.random(count) < shape.get("missing_capacity", 0.1)):
        capacity[i] = None
    if "further_capacity" in shape:
        capacity = [
            shape["further_capacity"] if g == "further" else v
            for g, v in zip(groups, capacity, strict=True)
        ]
    control = rng.integers(0, 40, count) / 100
    return Interventions.from_columns(
        {
            "name": [f"I{i}" for i in range(count)],
            "year": [2026] * count,
            "target_group": list(groups),
            "price_per_participant": price,
            "capacity": capacity,
            "participants": rng.integers(0, 12, count),
            "job_rate": np.minimum(1.0, control + rng.integers(0, 40, count) / 100),
            "control_job_rate": control,
            "evidence_stars": rng.integers(1, 4, count),
            "mandatory": rng.random(count) < shape.get("mandatory", 0.0),
        }
    )


def request_of(shape: dict[str, Any], data: Interventions) -> Request:
    planned = allocator.current(data).spend
    return Request.of(
        round(0.4 * planned, -3),
        objective="net",
        min_shares=shape.get("min_shares", {}),
        keep_mandatory=True,
    )


def bare_frontier(
    data: Interventions, request: Request, budgets: tuple[float, ...]
) -> list[float | None]:
    """The best objective at each budget, each from one bare milp call."""
    best: list[float | None] = []
    for budget in budgets:
        inputs = allocator.milp_inputs(data, request.with_budget(budget))
        if inputs is None:
            best.append(allocator.optimise(data, request.with_budget(budget)).expected_jobs)
            continue
        _, x, _ = exact.plain(*inputs.arrays())
        best.append(None if x is None else inputs.offset - math.fsum((inputs.c * x).tolist()))
    return best


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("shape", SHAPES)
def test_the_warm_started_frontier_is_the_bare_milps_point_for_point(shape, seed):
    data = interventions(seed, **SHAPES[shape])
    request = request_of(SHAPES[shape], data)
    budgets = allocator.frontier_budgets(request.budget, points=10)
    points = allocator.frontier(data, request, budgets)
    assert [p.budget for p in points] == list(budgets)
    for point, best in zip(points, bare_frontier(data, request, budgets), strict=True):
        if best is None:
            assert point.expected_jobs is None, point
            continue
        assert point.expected_jobs is not None, point
        gap = allocator.FRONTIER_GAP * max(1.0, abs(best)) + 2e-6
        assert best - gap <= point.expected_jobs <= best + 2e-6, (point, best)
        assert point.total_cost is not None
        assert point.total_cost <= point.budget + allocator.tolerance(point.budget)


def solved_in_order(
    data: Interventions, request: Request, budgets: list[float]
) -> list[tuple[exact.Report, allocator.MilpInputs | None, np.ndarray | None]]:
    warm = exact.Warm()
    out = []
    for budget in budgets:
        inputs = allocator.milp_inputs(data, request.with_budget(budget))
        report = exact.Report()
        x = None
        if inputs is not None:
            status, x, _ = exact.solve(
                *inputs.arrays(),
                rel_gap=allocator.FRONTIER_GAP,
                warm=warm,
                report=report,
                reduce_from=0,
            )
            assert (status == 2) == (x is None)
        out.append((report, inputs, x))
    return out


@pytest.mark.parametrize("order", ["rising", "falling", "shuffled"])
@pytest.mark.parametrize("shape", SHAPES)
def test_prices_left_by_any_other_budget_never_cut_off_an_optimum(shape, order):
    data = interventions(7, count=50, **SHAPES[shape])
    request = request_of(SHAPES[shape], data)
    budgets = list(allocator.frontier_budgets(request.budget))
    if order == "falling":
        budgets.reverse()
    elif order == "shuffled":
        budgets = [budgets[i] for i in np.random.default_rng(1).permutation(len(budgets))]
    for report, inputs, x in solved_in_order(data, request, budgets):
        if inputs is None:
            continue
        _, bare, _ = exact.plain(*inputs.arrays())
        if bare is None:
            assert x is None
            continue
        assert x is not None
        activity = inputs.matrix @ x
        assert np.all(activity <= inputs.row_upper + 1e-6 * np.maximum(1.0, np.abs(activity)))
        assert np.all(activity >= inputs.row_lower - 1e-6 * np.maximum(1.0, np.abs(activity)))
        assert np.all((x >= inputs.lower) & (x <= inputs.upper) & (x == np.rint(x)))
        best = math.fsum((inputs.c * bare).tolist())
        found = math.fsum((inputs.c * x).tolist())
        assert found <= best + allocator.FRONTIER_GAP * max(1.0, abs(best)) + 2e-6
        if report.lp_bound is not None:
            assert report.lp_bound <= best + 1e-6 * max(1.0, abs(best))


def test_the_frontier_of_a_national_like_model_needs_no_lp_after_the_first_budget():
    data = interventions(11, count=600, **SHAPES["a minimum share"])
    request = request_of(SHAPES["a minimum share"], data)
    solved = solved_in_order(data, request, list(allocator.frontier_budgets(request.budget)))
    assert sum(report.known_prices for report, _, _ in solved) >= len(solved) // 2


def test_the_knapsack_price_bounds_a_budget_row_as_tightly_as_the_lp():
    data = interventions(5, count=300, **SHAPES["budget only"])
    inputs = allocator.milp_inputs(data, request_of({}, data))
    assert inputs is not None
    model = exact.Model(*inputs.arrays())
    by_ratio = exact._Dominance.of(model).by_ratio
    knapsack, _ = exact._bound(model, exact._knapsack_prices(model, by_ratio))
    duals = exact._lp_duals(model)
    assert duals is not None
    lp, _ = exact._bound(model, duals)
    assert knapsack == pytest.approx(lp, rel=1e-9, abs=1e-9)


def test_the_dominance_order_kept_for_other_budgets_gives_what_a_fresh_one_gives():
    data = interventions(3, count=200, **SHAPES["two minimum shares"])
    request = request_of(SHAPES["two minimum shares"], data)
    warm = exact.Warm()
    for budget in allocator.frontier_budgets(request.budget):
        inputs = allocator.milp_inputs(data, request.with_budget(budget))
        assert inputs is not None
        model = exact.Model(*inputs.arrays())
        kept = warm.dominance_of(model).dominated(model)
        assert kept.tolist() == exact._Dominance.of(model).dominated(model).tolist()


def test_budgets_asked_out_of_order_come_back_in_that_order():
    data = interventions(2, **SHAPES["a minimum share"])
    request = request_of(SHAPES["a minimum share"], data)
    asked = [2 * request.budget, 0.5 * request.budget, 2 * request.budget, request.budget]
    points = allocator.frontier(data, request, asked)
    assert [p.budget for p in points] == asked
    alone = {b: allocator.frontier(data, request, [b])[0] for b in asked}
    for point in points:
        assert point.expected_jobs == pytest.approx(alone[point.budget].expected_jobs, rel=2e-6)
