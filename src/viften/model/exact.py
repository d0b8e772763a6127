"""The allocation's integer programme solved exactly, and fast at national size.

A bare `scipy.optimize.milp` call proves optimality by branching over every intervention; at
15.000 of them that takes seconds to tens of seconds. This module keeps the proof and makes the
model small first, with three steps that each leave the optimal objective unchanged:

1. **Dominance.** Where intervention i is at least as good as j in every row and in the
   objective (no dearer, no fewer jobs, and in a minimum-share row exactly as much spend per
   participant), and i alone can absorb the whole budget (a large or missing capacity), some
   optimum gives j only its lower bound: move j's participants to i one by one. j is fixed there.
2. **Reduced costs.** The LP relaxation (HiGHS, through `linprog`) gives dual prices y. For any
   y of the right signs, weak duality gives a bound that holds for every allocation:
   objective ≤ LB(y) + d_j · (x_j − its LP bound) with the reduced cost d = c − Aᵀy. With an
   allocation in hand whose objective is `incumbent`, no better allocation can move x_j further
   from its LP bound than (LB − incumbent) / |d_j|: its bounds shrink to that. The bound is
   recomputed here in plain arithmetic from y (and never taken from the solver), so a rounding
   inside HiGHS can only weaken it, never make it wrong.
3. **A core.** The incumbent comes from an exact solve over the interventions whose reduced
   cost is nearest zero (the LP relaxation of this knapsack-like model is almost integral: the
   rest sit at their bounds). If the reduced costs then prove every other intervention fixed,
   that solve was already optimal for the whole model; otherwise the model with the shrunken
   bounds is solved exactly, which holds every better allocation.

Every solve asks HiGHS for a zero relative gap, as the allocator always has. Where a step
cannot be taken safely (the LP fails, a bound is infinite) the model is solved as it is.

**A sequence of budgets** (the frontier, `Warm`) shares what does not need its own LP. Any y
of the right signs gives a valid bound, so before an LP of its own each budget tries the
better of two known ones: the budget row's fractional-knapsack price (the exact LP dual where
no minimum row binds) and the last LP's prices. Against that bound comes, first, an allocation
filled along the reduced costs and checked in plain arithmetic (no milp at all), then a core
solve, and a final solve only while it stays as small as a core. Only what is proven that way
is returned; otherwise the budget is reduced as above, with its own LP.

The input is the minimisation `milp` takes: min c·x, row_lower ≤ A·x ≤ row_upper,
lower ≤ x ≤ upper, x whole. Only numpy at module level; scipy is imported on a solve.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

REDUCE_FROM = 100
"""Models with fewer variables are solved as they are: HiGHS proves them in milliseconds, and
the reduction's own solves would cost more than they save."""

FIRST_CORE = 32
"""Variables in the first core: those with the reduced costs nearest zero. Small, as HiGHS'
time grows fast with the core; it grows fourfold while it is infeasible."""

ABSOLUTE_GAP = 1e-6
"""An answer this close to the proven bound is optimal: HiGHS' own absolute gap."""

_FEASIBILITY = 1e-7
"""HiGHS' primal feasibility tolerance: how far a row may be missed and still count as met."""

_BOUND_MARGIN = 1e-9
"""Relative slack added to the gap before bounds are shrunk: the bound and the incumbent are
sums of thousands of floats, and a rounding must never cut off an optimum."""


@dataclass
class Report:
    """What a reduced solve did (for benchmarks and tests)."""

    variables: int = 0
    dominated: int = 0
    """Fixed at their lower bound by dominance."""
    lp_bound: float | None = None
    """The proven lower bound of the minimisation, from the dual prices."""
    incumbent: float | None = None
    cores: list[int] = field(default_factory=list)
    """Variables of each core solve."""
    final: int | None = None
    """Variables left free by the reduced costs (solved again only if not all in the core)."""
    plain: bool = False
    """Solved as it is, without reduction."""
    known_prices: bool = False
    """Proven with dual prices known without an LP of its own (`Warm`)."""
    rounded: bool = False
    """The incumbent came from filling the bounds the reduced costs point at: no milp at all."""


@dataclass(frozen=True)
class Model:
    """The minimisation `milp` takes: min c·x, row_lower ≤ matrix·x ≤ row_upper,
    lower ≤ x ≤ upper, x whole."""

    c: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    matrix: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray

    def arrays(self) -> tuple[np.ndarray, ...]:
        """(c, lower, upper, matrix, row_lower, row_upper), as `plain` and `solve` take them."""
        return (self.c, self.lower, self.upper, self.matrix, self.row_lower, self.row_upper)

    def bounded(self, lower: np.ndarray, upper: np.ndarray) -> Model:
        """The same model with other bounds on x."""
        return replace(self, lower=lower, upper=upper)


@dataclass
class Warm:
    """What the solves of one model at a sequence of budgets share (the frontier): the dual
    prices of the last LP, and the part of the dominance test that needs only c and the rows.

    Only ever a shortcut: any y of the right signs gives a valid bound (`_bound`), so prices
    from another budget are checked against this budget's incumbent like the LP's own, and
    where they prove nothing the model is reduced as if from scratch."""

    y: np.ndarray | None = None
    """Dual prices of the last LP solved, one per row."""
    dominance: _Dominance | None = None

    def dominance_of(self, model: Model) -> _Dominance:
        """The dominance order of `model`'s c and rows, kept while they stay the same."""
        kept = self.dominance
        if kept is None or not kept.fits(model):
            kept = self.dominance = _Dominance.of(model)
        return kept


def plain(
    c: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    matrix: np.ndarray,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    *,
    rel_gap: float = 0.0,
) -> tuple[int, np.ndarray | None, str]:
    """One `milp` call with the allocator's options (a zero relative gap unless told otherwise):
    (status, whole x or None, message)."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    if len(c) == 0:  # every row must hold as it is, to HiGHS' feasibility tolerance
        inside = np.all(row_lower <= _FEASIBILITY) and np.all(row_upper >= -_FEASIBILITY)
        return (0 if inside else 2), (np.zeros(0) if inside else None), ""
    found = milp(
        c=c,
        integrality=np.ones(len(c)),
        bounds=Bounds(lower, upper),
        constraints=LinearConstraint(matrix, row_lower, row_upper),
        options={"mip_rel_gap": rel_gap},
    )
    if found.x is None or found.status != 0:
        return int(found.status), None, str(found.message)
    return 0, np.clip(np.rint(found.x), lower, upper), str(found.message)


def solve(
    c: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    matrix: np.ndarray,
    row_lower: np.ndarray,
    row_upper: np.ndarray,
    *,
    reduce_from: int = REDUCE_FROM,
    rel_gap: float = 0.0,
    first_core: int = FIRST_CORE,
    report: Report | None = None,
    warm: Warm | None = None,
) -> tuple[int, np.ndarray | None, str]:
    """An optimal whole x, as `plain` returns it, found on a reduced model where that is
    large enough to pay. With `rel_gap` > 0 an answer is proven within that share of the
    optimum (as HiGHS' `mip_rel_gap`) instead of optimal. With `warm`, what earlier solves of
    the same model at other budgets left is tried first, and this solve's is kept in it."""
    report = report if report is not None else Report()
    report.variables = len(c)
    c = np.asarray(c, dtype="float64")
    lower = np.asarray(lower, dtype="float64").copy()
    upper = np.asarray(upper, dtype="float64").copy()
    matrix = np.atleast_2d(np.asarray(matrix, dtype="float64"))
    if len(c) < max(1, reduce_from) or not _reducible(c, lower, upper, matrix):
        report.plain = True
        return plain(c, lower, upper, matrix, row_lower, row_upper, rel_gap=rel_gap)
    # a variable in no row takes its best bound (any value where it adds nothing)
    alone = ~matrix.any(axis=0)
    upper[alone & (c >= 0)] = lower[alone & (c >= 0)]
    lower[alone & (c < 0)] = upper[alone & (c < 0)]
    model = Model(c, lower, upper, matrix, np.asarray(row_lower), np.asarray(row_upper))
    dominance = warm.dominance_of(model) if warm is not None else _Dominance.of(model)
    dominated = dominance.dominated(model)
    report.dominated = int(dominated.sum())
    model = model.bounded(lower, np.where(dominated, lower, upper))
    found = None if warm is None else _from_known_prices(model, warm, report, rel_gap, first_core)
    if found is None:
        found = _by_reduced_costs(model, report, rel_gap, first_core, warm)
    if found is None:
        report.plain = True
        return plain(*model.arrays(), rel_gap=rel_gap)
    return found


def _reducible(c: np.ndarray, lower: np.ndarray, upper: np.ndarray, matrix: np.ndarray) -> bool:
    return bool(
        np.all(np.isfinite(c))
        and np.all(np.isfinite(lower))
        and np.all(np.isfinite(upper))
        and np.all(np.isfinite(matrix))
        and np.all(lower <= upper)
    )


def _row_sum(row: np.ndarray, x: np.ndarray) -> float:
    used = (row != 0) & (x != 0)
    return math.fsum((row[used] * x[used]).tolist())


# --- 1. dominance ------------------------------------------------------------------------


def _dominated(model: Model) -> np.ndarray:
    """Variables some optimum keeps at their lower bound, by dominance (`_Dominance`)."""
    return _Dominance.of(model).dominated(model)


@dataclass(frozen=True, eq=False)
class _Dominance:
    """Variables some optimum keeps at their lower bound, by dominance over the budget row.

    Needs the allocator's shape: row 0 a budget (finite upper bound only, coefficients ≥ 0),
    every other row a minimum (finite lower bound only, coefficients ≥ 0). i dominates j when
    c_i ≤ c_j, A_0i ≤ A_0j, and A_ri ≥ A_rj in every minimum row, strictly ordered by
    (A_0, c, index) so that no two dominate each other. Take, among the optima, one that puts
    as many participants as possible on earlier variables of that order: there, x_j above its
    lower bound means every dominator of j is at its upper bound (else a participant moves from
    j to it, the rows still hold and the objective is no worse). A dominator i whose upper
    bound alone, with j's lower bound + 1 and everyone else's lower bound, breaks the budget
    row therefore keeps j at its lower bound.

    The order and the grouping need only c and the rows, and are built once (`of`); the test
    itself (`dominated`) reads the bounds and the budget.
    """

    c: np.ndarray
    matrix: np.ndarray
    order: np.ndarray
    """Variables in the strict order (A_0, c, index)."""
    rank: np.ndarray
    """Each variable's place in `order`."""
    in_minimum: np.ndarray
    c_rank: np.ndarray
    """c as a dense integer rank: c_i ≤ c_j exactly when c_rank_i ≤ c_rank_j."""
    alike: np.ndarray
    """The priced variables in a minimum row, grouped by their column, by rank in a group."""
    kind: np.ndarray
    """The group of each of `alike` (non-decreasing)."""
    by_ratio: np.ndarray
    """The priced variables that add to the objective, by c per unit of row 0, best first:
    the order in which the budget row's LP fills them."""

    @classmethod
    def of(cls, model: Model) -> _Dominance:
        c, matrix = model.c, model.matrix
        count = len(c)
        price = matrix[0] if matrix.shape[0] else np.zeros(count)
        order = np.lexsort((np.arange(count), c, price))
        rank = np.empty(count, dtype=np.int64)
        rank[order] = np.arange(count)
        in_minimum = np.asarray((matrix[1:] > 0).any(axis=0), dtype=bool)
        c_rank = np.unique(c, return_inverse=True)[1].reshape(-1).astype(np.int64)
        alike = np.flatnonzero((price > 0) & in_minimum)
        kind = np.zeros(0, dtype=np.int64)
        if len(alike):
            kind = np.unique(matrix[:, alike].T, axis=0, return_inverse=True)[1].reshape(-1)
            by_kind = np.lexsort((rank[alike], kind))
            alike, kind = alike[by_kind], kind[by_kind].astype(np.int64)
        wanted = np.flatnonzero((c < 0) & (price > 0))
        by_ratio = wanted[np.argsort(c[wanted] / price[wanted], kind="stable")]
        return cls(c, matrix, order, rank, in_minimum, c_rank, alike, kind, by_ratio)

    def fits(self, model: Model) -> bool:
        """Whether `model` has the c and rows this order was built from."""
        return np.array_equal(self.c, model.c) and np.array_equal(self.matrix, model.matrix)

    def dominated(self, model: Model) -> np.ndarray:
        c, lower, upper, matrix = model.c, model.lower, model.upper, model.matrix
        row_upper = model.row_upper
        count = len(c)
        out = np.zeros(count, dtype=bool)
        if not _allocation_shaped(model):
            return out
        price = matrix[0]
        paid = (price > 0) & (upper > lower)
        room = float(row_upper[0]) - _row_sum(price, lower)
        margin = 1e-9 * max(1.0, abs(float(row_upper[0])))
        # i full, with j (no cheaper than i) at its lower bound + 1, breaks the budget row
        absorbs = paid & (price * (upper - lower) + price > room + margin)
        if not absorbs.any():
            return out
        order, rank = self.order, self.rank
        # in no minimum row: dominated by any absorbing variable earlier in the order with c ≤
        pool = order[absorbs[order]]
        best = np.minimum.accumulate(c[pool])
        loose = np.flatnonzero(paid & ~self.in_minimum)
        earlier = np.searchsorted(rank[pool], rank[loose], side="left")
        hit = earlier > 0
        hit[hit] = best[earlier[hit] - 1] <= c[loose[hit]]
        out[loose[hit]] = True
        # in a minimum row: only by a variable with the very same column (same price, same rows)
        keep = paid[self.alike]
        members, kind = self.alike[keep], self.kind[keep]
        if len(members):
            out[members[_best_before(self.c_rank[members], absorbs[members], kind, count)]] = True
        return out


def _best_before(c_rank: np.ndarray, absorbing: np.ndarray, kind: np.ndarray, count: int):
    """For each member (grouped by `kind`, in rank order within a group): whether an absorbing
    member earlier in its group has a c no larger. In integers, so that the shifts that keep
    the groups apart in one running minimum are exact."""
    sentinel = count  # above every rank: no absorbing member before
    shift = kind * (count + 1)
    running = np.minimum.accumulate(np.where(absorbing, c_rank, sentinel) - shift)
    before = np.empty_like(running)
    before[0] = sentinel
    before[1:] = running[:-1] + shift[1:]
    before[np.concatenate(([True], kind[1:] != kind[:-1]))] = sentinel
    return before <= c_rank


# --- 2. and 3. reduced costs and a core ----------------------------------------------------


def _lp_duals(model: Model) -> np.ndarray | None:
    """Dual prices y of the rows (y_r > 0 presses on a lower bound, < 0 on an upper one), or
    None when the LP gives none."""
    from scipy.optimize import linprog

    c, matrix, row_lower, row_upper = model.c, model.matrix, model.row_lower, model.row_upper
    rows, bounds, signs, index = [], [], [], []
    for r in range(matrix.shape[0]):
        if math.isfinite(row_upper[r]):
            rows.append(matrix[r])
            bounds.append(row_upper[r])
            signs.append(1.0)
            index.append(r)
        if math.isfinite(row_lower[r]):
            rows.append(-matrix[r])
            bounds.append(-row_lower[r])
            signs.append(-1.0)
            index.append(r)
    if not rows:
        return np.zeros(matrix.shape[0])
    found = linprog(
        c,
        A_ub=np.vstack(rows),
        b_ub=np.array(bounds),
        bounds=np.column_stack((model.lower, model.upper)),
        method="highs",
        # HiGHS' presolve takes far longer on this shape than the simplex itself
        options={"presolve": False},
    )
    if found.status != 0 or found.ineqlin is None:
        return None
    y = np.zeros(matrix.shape[0])
    for marginal, sign, r in zip(
        np.minimum(np.asarray(found.ineqlin.marginals, dtype="float64"), 0.0),
        signs,
        index,
        strict=True,
    ):
        y[r] += sign * marginal
    return y


def _bound(model: Model, y: np.ndarray) -> tuple[float, np.ndarray]:
    """The Lagrangian lower bound LB(y) on c·x over every x that meets the rows, and the reduced
    costs d = c − Aᵀy; valid for any y whose signs fit the rows' finite bounds."""
    row_lower, row_upper = model.row_lower, model.row_upper
    y = np.where(
        y > 0, np.where(np.isfinite(row_lower), y, 0.0), np.where(np.isfinite(row_upper), y, 0.0)
    )
    d = model.c.copy()
    for row, price in zip(model.matrix, y, strict=True):
        if price != 0:  # row by row, not a matrix product: BLAS threads cost more here
            d -= price * row
    pressed = np.where(y > 0, row_lower, row_upper)
    terms = [float(v * b) for v, b in zip(y, pressed, strict=True) if v != 0]
    least = np.minimum(d * model.lower, d * model.upper)
    terms.extend(least[least != 0].tolist())
    return math.fsum(terms), d


def _by_reduced_costs(
    model: Model,
    report: Report,
    rel_gap: float,
    first_core: int,
    warm: Warm | None = None,
) -> tuple[int, np.ndarray | None, str] | None:
    """The optimum through a core and the reduced costs; None where a step cannot be taken
    safely (then the caller solves the model as it is)."""
    y = _lp_duals(model)
    if y is None:
        return None
    if warm is not None:
        warm.y = y
    lp_bound, d = _bound(model, y)
    report.lp_bound = lp_bound
    return _through_core(model, report, rel_gap, first_core, lp_bound, d)


def _enough(bound: float, rel_gap: float) -> float:
    """How close to the bound an answer must be to need no further proof."""
    return max(ABSOLUTE_GAP, rel_gap * max(1.0, abs(bound)))


def _through_core(
    model: Model,
    report: Report,
    rel_gap: float,
    first_core: int,
    lp_bound: float,
    d: np.ndarray,
    *,
    final_most: int | None = None,
) -> tuple[int, np.ndarray | None, str] | None:
    """Steps 3 and 2 with the bound `lp_bound` and reduced costs `d` of some dual prices: a
    core's optimum, proven by the bound or, with shrunken bounds, by a final solve. With
    `final_most` (the prices came from another budget and may prove little), None where the
    core is infeasible or the final solve would leave more variables free than that: an LP of
    this budget's own then costs less than the search."""
    c, lower, upper = model.c, model.lower, model.upper
    scale = max(1.0, abs(lp_bound))
    enough = _enough(lp_bound, rel_gap)
    # outside the core a variable sits at the bound its reduced cost points at, as in the LP
    at_bound = np.where(d > 0, lower, upper)
    fixed_anyway = upper == lower
    order = np.argsort(np.where(fixed_anyway, np.inf, np.abs(d)), kind="stable")
    movable = int((~fixed_anyway).sum())
    basic = (d == 0) & ~fixed_anyway
    size = max(1, min(movable, first_core))
    while True:
        core = basic.copy()
        core[order[:size]] = True
        low, high = np.where(core, lower, at_bound), np.where(core, upper, at_bound)
        # the core only has to give a good allocation: its gap is the whole model's target
        outside = math.fsum((c * np.where(core, 0.0, at_bound)).tolist())
        status, incumbent, message = _restricted(
            model.bounded(low, high), enough / max(1.0, abs(lp_bound - outside))
        )
        report.cores.append(int(core.sum()))
        if status == 0 and incumbent is not None:
            break
        if status != 2 or final_most is not None:
            return None
        if size >= movable:
            return status, None, message  # infeasible with every variable free
        size = min(movable, size * 4)
    best = math.fsum((c * incumbent).tolist())
    report.incumbent = best
    if best - lp_bound <= enough:
        return 0, incumbent, message
    gap = best - lp_bound + _BOUND_MARGIN * max(scale, abs(best))
    low, high = _shrunk(lower, upper, d, gap)
    report.final = int((high > low).sum())
    if final_most is not None and report.final > final_most:
        return None
    status, x, message = _restricted(model.bounded(low, high), rel_gap)
    if status != 0 or x is None:
        return None  # the incumbent meets these bounds: a failure here is no answer
    return 0, x, message


def _from_known_prices(
    model: Model, warm: Warm, report: Report, rel_gap: float, first_core: int
) -> tuple[int, np.ndarray | None, str] | None:
    """The answer proven without an LP of its own, or None: the bound of the better of the
    last LP's prices and the budget row's fractional-knapsack price (the exact LP dual where
    no minimum row binds), against an incumbent filled along the reduced costs or else a
    core's optimum."""
    if not _allocation_shaped(model):
        return None
    rows = model.matrix.shape[0]
    by_ratio = warm.dominance_of(model).by_ratio
    candidates = [_knapsack_prices(model, by_ratio)]
    if warm.y is not None and len(warm.y) == rows:
        candidates.append(warm.y)
    bounds = [_bound(model, y) for y in candidates]
    best_of = max(range(len(candidates)), key=lambda i: bounds[i][0])
    bound, d = bounds[best_of]
    report.lp_bound, report.known_prices = bound, True
    only_budget = not np.any(candidates[best_of][1:])
    filled = _filled(model, d, by_ratio if only_budget else None)
    if filled is not None:
        best = _row_sum(model.c, filled)
        if best - bound <= _enough(bound, rel_gap):
            report.incumbent, report.rounded = best, True
            return 0, filled, "proven by known dual prices"
    found = _through_core(model, report, rel_gap, first_core, bound, d, final_most=first_core)
    if found is None:
        report.known_prices, report.final = False, None
        report.cores.clear()
    return found


def _allocation_shaped(model: Model) -> bool:
    """Row 0 a budget (upper bound only), every other row a minimum, no coefficient below 0."""
    matrix, row_lower, row_upper = model.matrix, model.row_lower, model.row_upper
    return bool(
        matrix.shape[0] > 0
        and math.isfinite(row_upper[0])
        and not math.isfinite(row_lower[0])
        and not np.any(np.isfinite(row_upper[1:]))
        and not np.any(matrix < 0)
    )


def _knapsack_prices(model: Model, by_ratio: np.ndarray) -> np.ndarray:
    """Dual prices with only the budget row priced: the jobs per krone of the variable that
    the budget, filled best first (`_Dominance.by_ratio`), reaches (0 where all fits)."""
    c, lower, upper, price = model.c, model.lower, model.upper, model.matrix[0]
    y = np.zeros(model.matrix.shape[0])
    wanted = by_ratio[upper[by_ratio] > lower[by_ratio]]
    if not len(wanted):
        return y
    spend = np.cumsum(price[wanted] * (upper[wanted] - lower[wanted]))
    room = float(model.row_upper[0]) - _row_sum(price, lower)
    reached = int(np.searchsorted(spend, room, side="right"))
    if reached < len(wanted):
        y[0] = min(0.0, float(c[wanted[reached]] / price[wanted[reached]]))
    return y


FILL_ROUNDS = 4
"""Passes of the fill in `_filled`: each gives whole participants to the variables that still
fit in the budget, best reduced cost first."""


def _filled(model: Model, d: np.ndarray, in_order: np.ndarray | None) -> np.ndarray | None:
    """A whole allocation that meets every row (checked in plain arithmetic), or None: from the
    lower bounds, every variable that adds to the objective gets participants in the order of
    its reduced cost, as many as the budget row leaves room for. `in_order`, where given, is
    that order already (only the budget row priced: by c per unit of it), free ones first."""
    c, lower, upper, matrix = model.c, model.lower, model.upper, model.matrix
    price = matrix[0]
    x = lower.copy()
    room = float(model.row_upper[0]) - _row_sum(price, x)
    if room < 0:
        return None
    if in_order is None:
        waiting = np.flatnonzero((upper > lower) & (c < 0))
        waiting = waiting[np.argsort(d[waiting], kind="stable")]
    else:
        free = np.flatnonzero((upper > lower) & (c < 0) & (price == 0))
        waiting = np.concatenate((free, in_order[upper[in_order] > lower[in_order]]))
    for _ in range(FILL_ROUNDS):
        # the room is followed in floats here; the allocation is checked exactly below
        waiting = waiting[price[waiting] <= room]
        if not len(waiting):
            break
        spent = np.cumsum(price[waiting] * (upper[waiting] - lower[waiting]))
        fits = int(np.searchsorted(spent, room, side="right"))
        x[waiting[:fits]] = upper[waiting[:fits]]
        room -= float(spent[fits - 1]) if fits else 0.0
        if fits == len(waiting):
            break
        last = waiting[fits]
        more = min(upper[last] - lower[last], math.floor(room / price[last]))
        x[last] += more
        room -= more * price[last]
        waiting = waiting[fits + 1 :]
    if _row_sum(price, x) > float(model.row_upper[0]):
        return None
    for row, low in zip(matrix[1:], model.row_lower[1:], strict=True):
        if _row_sum(row, x) < low:
            return None
    return x


def _shrunk(
    lower: np.ndarray, upper: np.ndarray, d: np.ndarray, gap: float
) -> tuple[np.ndarray, np.ndarray]:
    """The bounds that hold every allocation within `gap` of the bound: x_j moves at most
    gap / |d_j| from the bound its reduced cost points at."""
    steps = np.full(len(d), np.inf)
    moving = d != 0
    with np.errstate(over="ignore"):
        steps[moving] = np.floor(gap / np.abs(d[moving]))
    low = np.where(d < 0, np.maximum(lower, upper - steps), lower)
    high = np.where(d > 0, np.minimum(upper, lower + steps), upper)
    return low, high


def _restricted(model: Model, rel_gap: float = 0.0) -> tuple[int, np.ndarray | None, str]:
    """The model over the variables with room between their bounds, the rest at their bound."""
    lower, upper = model.lower, model.upper
    free = upper > lower
    x = lower.copy()
    shift = np.array([_row_sum(row, np.where(free, 0.0, lower)) for row in model.matrix])
    status, found, message = plain(
        model.c[free],
        lower[free],
        upper[free],
        model.matrix[:, free],
        model.row_lower - shift,
        model.row_upper - shift,
        rel_gap=rel_gap,
    )
    if found is None:
        return status, None, message
    x[free] = found
    return status, x, message
