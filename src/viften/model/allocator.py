"""Where a budget buys the most jobs, and what a hand-made allocation buys: without a UI.

The model is the one of interface.md (`allocate`): a whole number of participants for
each intervention, from 0 to its capacity; total cost within the budget; minimum spend
shares per target group; a minimum of evidence stars; the sum of extra jobs (`net`) or of
all jobs (`gross`) maximised. On top of it, for the budget page: interventions locked at
their planned participants (at least or exactly, for contracts already signed) and an
optional maximum per intervention.

It is solved exactly with scipy's `milp` (HiGHS) and the answer is checked again in plain
arithmetic before it is returned, so a rounding inside the solver can never push the cost
over the budget or a share under its minimum by more than float rounding (`COST_TOLERANCE`).
An impossible request is explained: which constraint cannot be met, and by how much.

Only numpy is imported at module level: the `allocate` command must start fast, and the
what-if sums need no solver. scipy is imported when a model is solved; pandas never.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from viften.model.errors import BadInput, ViftenError
from viften.model.messages import Message
from viften.model.target_groups import TARGET_GROUPS

if TYPE_CHECKING:
    import pandas as pd

OBJECTIVES: tuple[str, ...] = ("net", "gross")
AT_LEAST, EXACTLY = "at_least", "exactly"
LOCK_MODES: tuple[str, ...] = (AT_LEAST, EXACTLY)
OPTIMAL, INFEASIBLE = "optimal", "infeasible"
MILLION = 1_000_000.0
FRONTIER_POINTS = 20

_JOBS_EPSILON = 1e-9
"""Jobs gained below this are solver noise, not a reason to call a constraint binding."""
_REPAIR_ATTEMPTS = 4
_SOLVER_SLACK = 1e-6
"""Kroner by which HiGHS may break a row and still call it met (its feasibility tolerance is
absolute): a repair tightens a broken row by at least twice this, or it never gets through."""

COST_TOLERANCE = 1e-12
"""How far, as a share of the budget (and at least of 1 kr.), a total cost may lie above the
budget, or a group's spend below its minimum share, and still count as within it.

Prices are floats, so price × participants carries rounding: a budget of 1 kr. buys one
participant at 1,0000000000000002 kr., and shares of 10 %, 20 % and 70 % can all be met
together. The tolerance is far above that rounding (even summed over thousands of
interventions) and far below an øre on any budget of a jobcentre."""


def tolerance(budget: float) -> float:
    """Kroner by which an answer may miss `budget` (see `COST_TOLERANCE`)."""
    return COST_TOLERANCE * max(1.0, abs(budget))


INTERACTIVE_LIMIT = 2_000
"""Above this many interventions an exact solve takes seconds to minutes (HiGHS proves
optimality), so screens solve only when asked instead of on every view."""


# --- the interventions, as the allocator reads them ---------------------------------------


def _floats(values: Any, missing: float = math.nan) -> np.ndarray:
    """A float array from a column: numpy (masked where NULL), pandas or a plain sequence."""
    if isinstance(values, np.ma.MaskedArray):
        out = np.ma.filled(values.astype("float64"), np.nan)
    elif hasattr(values, "to_numpy"):
        out = values.to_numpy(dtype="float64", na_value=np.nan)
    else:
        out = np.asarray(values, dtype="float64")
    out = np.array(out, dtype="float64", copy=True).reshape(-1)
    if not math.isnan(missing):
        out[np.isnan(out)] = missing
    return out


def _texts(values: Any) -> np.ndarray:
    if isinstance(values, np.ma.MaskedArray):
        values = values.filled("")
    return np.array([str(v) for v in values], dtype=object)


def _column(columns: Mapping[str, Any] | pd.DataFrame, name: str) -> Any:
    try:
        return columns[name]
    except KeyError:
        raise BadInput(f"the interventions have no column {name!r}") from None


@dataclass(frozen=True, eq=False)
class Interventions:
    """One year's interventions as aligned arrays: everything the allocator needs, no more."""

    name: np.ndarray
    """Names (object array); unique within a year."""
    year: np.ndarray
    target_group: np.ndarray
    """'closer', 'further' or 'cross' (object array)."""
    price: np.ndarray
    """Price per participant in kroner."""
    capacity: np.ndarray
    """Participants a year at most; inf where there is no limit."""
    participants: np.ndarray
    """Participants planned this year (the current allocation); 0 where none are given."""
    job_rate: np.ndarray
    net_effect: np.ndarray
    """job_rate − control_job_rate; NaN without a control group."""
    stars: np.ndarray

    @classmethod
    def from_columns(cls, columns: Mapping[str, Any] | pd.DataFrame) -> Interventions:
        """From `store.intervention_arrays` (numpy, masked where NULL), a DataFrame or lists.

        Needs name, year, target_group, price_per_participant, capacity, participants,
        job_rate, evidence_stars and either net_effect or control_job_rate.
        """
        job_rate = _floats(_column(columns, "job_rate"), 0.0)
        if "net_effect" in columns:
            net = _floats(columns["net_effect"])
        else:
            net = job_rate - _floats(_column(columns, "control_job_rate"))
        planned = np.rint(_floats(_column(columns, "participants"), 0.0)).clip(min=0)
        return cls(
            name=_texts(_column(columns, "name")),
            year=np.rint(_floats(_column(columns, "year"), 0.0)).astype("int64"),
            target_group=_texts(_column(columns, "target_group")),
            price=_floats(_column(columns, "price_per_participant")),
            capacity=np.floor(_floats(_column(columns, "capacity"), math.inf)).clip(min=0),
            participants=planned.astype("int64"),
            job_rate=job_rate,
            net_effect=net,
            stars=np.rint(_floats(_column(columns, "evidence_stars"), 0.0)).astype("int64"),
        )

    def __len__(self) -> int:
        return len(self.name)

    def position(self, name: str) -> int:
        found = np.flatnonzero(self.name == name)
        if not len(found):
            raise BadInput(f"there is no intervention called {name!r}")
        return int(found[0])

    def jobs_per_participant(self, objective: str) -> np.ndarray:
        """Expected jobs per participant: the job rate (gross) or the extra effect (net, 0 if
        unknown)."""
        if objective == "gross":
            return self.job_rate
        return np.where(np.isnan(self.net_effect), 0.0, self.net_effect)


# --- what the user asks for ---------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One question to the optimiser. Hashable, so a UI can cache the answer."""

    budget: float
    """Kroner to spend at most."""
    objective: str = "net"
    """'net': extra jobs over the control group; 'gross': all jobs."""
    min_shares: tuple[tuple[str, float], ...] = ()
    """(target group, share 0..1): spend at least share × budget on that group."""
    min_stars: int = 1
    locks: tuple[tuple[str, str], ...] = ()
    """(intervention name, 'at_least' | 'exactly'): keep its planned participants."""
    maxima: tuple[tuple[str, int], ...] = ()
    """(intervention name, participants): at most this many, below its capacity."""

    @classmethod
    def of(
        cls,
        budget: float,
        *,
        objective: str = "net",
        min_shares: Mapping[str, float] | None = None,
        min_stars: int = 1,
        locks: Mapping[str, str] | None = None,
        maxima: Mapping[str, int] | None = None,
    ) -> Request:
        """A checked request from plain mappings; bad values raise `BadInput`."""
        return cls(
            budget=float(budget),
            objective=objective,
            min_shares=tuple(sorted((min_shares or {}).items())),
            min_stars=int(min_stars),
            locks=tuple(sorted((locks or {}).items())),
            maxima=tuple(sorted((k, int(v)) for k, v in (maxima or {}).items())),
        ).checked()

    def checked(self) -> Request:
        if not (math.isfinite(self.budget) and self.budget >= 0):
            raise BadInput(f"the budget must be a number of kroner ≥ 0, not {self.budget}")
        if self.objective not in OBJECTIVES:
            raise BadInput(f"the objective must be net or gross, not {self.objective!r}")
        if self.min_stars not in (1, 2, 3):
            raise BadInput(f"the minimum of stars must be 1, 2 or 3, not {self.min_stars}")
        groups = [g for g, _ in self.min_shares]
        for group, share in self.min_shares:
            if group not in TARGET_GROUPS:
                raise BadInput(f"{group!r} is not a target group: use closer, further or cross")
            if not (0.0 <= share <= 1.0):
                raise BadInput(f"the minimum share for {group} must be from 0 to 1, not {share}")
        if len(set(groups)) != len(groups):
            raise BadInput("a target group has more than one minimum share")
        for name, mode in self.locks:
            if mode not in LOCK_MODES:
                raise BadInput(f"the lock on {name!r} must be at_least or exactly, not {mode!r}")
        for name, most in self.maxima:
            if most < 0:
                raise BadInput(f"the maximum for {name!r} must be 0 or more, not {most}")
        return self

    def with_budget(self, budget: float) -> Request:
        return replace(self, budget=float(budget))

    def settings(self) -> dict[str, Any]:
        """A JSON-ready form (saved with a scenario)."""
        return {
            "budget": self.budget,
            "objective": self.objective,
            "min_shares": dict(self.min_shares),
            "min_stars": self.min_stars,
            "locks": dict(self.locks),
            "maxima": dict(self.maxima),
        }

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Request:
        return cls.of(
            float(settings.get("budget", 0.0)),
            objective=str(settings.get("objective", "net")),
            min_shares={str(k): float(v) for k, v in (settings.get("min_shares") or {}).items()},
            min_stars=int(settings.get("min_stars", 1)),
            locks={str(k): str(v) for k, v in (settings.get("locks") or {}).items()},
            maxima={str(k): int(v) for k, v in (settings.get("maxima") or {}).items()},
        )


# --- words, kept as keys and values until a language is chosen ----------------------------

Note = Message
"""A sentence of an allocation: a text key of viften.present.texts.budget and its values;
viften.present.messages renders it."""


def _note(key: str, **values: tuple[str, Any]) -> Note:
    return Message.of(key, **values)


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """One intervention in an allocation."""

    name: str
    year: int
    target_group: str
    participants: int
    cost: float
    """price per participant × participants."""
    expected_jobs: float
    """By the objective: job rate or extra effect × participants."""


@dataclass(frozen=True)
class Binding:
    """A constraint that limits the answer, and what it costs in jobs."""

    kind: str
    """budget, share, capacity, maximum, lock or stars."""
    subject: str | None
    """The target group or intervention it is about, if any."""
    jobs: float | None
    """Jobs the constraint costs: what dropping it would add (None where not measured)."""
    note: Note


@dataclass(frozen=True)
class Result:
    """The optimiser's answer."""

    status: str
    """'optimal' or 'infeasible'."""
    request: Request
    total_cost: float
    expected_jobs: float
    """By the objective of the request."""
    gross_jobs: float
    net_jobs: float
    """Extra jobs; an intervention without a control group counts 0."""
    participants: tuple[int, ...]
    """Participants of every intervention, aligned with the input (0 where none)."""
    allocation: tuple[Placement, ...]
    """Only the interventions with participants > 0, in input order."""
    notes: tuple[Note, ...]
    """The message: the headline first, then what the user should know."""
    binding: tuple[Binding, ...] = ()
    """Filled when explained (see `optimise`)."""
    marginal_jobs_per_million: float | None = None
    """Jobs the next 1 mio. kr. would buy (re-solved at budget + 1 mio.), when explained."""

    @property
    def budget(self) -> float:
        return self.request.budget

    @property
    def objective(self) -> str:
        return self.request.objective

    def to_json(self, message: str) -> dict[str, Any]:
        """The object `allocate --json` prints (interface.md), with the notes as `message`
        (written out by viften.present.messages)."""
        return {
            "status": self.status,
            "budget": self.budget,
            "objective": self.objective,
            "total_cost": self.total_cost,
            "expected_jobs": self.expected_jobs,
            "allocation": [
                {"name": p.name, "year": p.year, "participants": p.participants,
                 "cost": p.cost, "expected_jobs": p.expected_jobs}
                for p in self.allocation
            ],
            "message": message,
        }


# --- the model ----------------------------------------------------------------------------


def _spend(price: np.ndarray, participants: np.ndarray) -> float:
    """Exact enough to compare with a budget: every product summed without loss."""
    chosen = participants > 0
    return math.fsum((price[chosen] * participants[chosen]).tolist())


@dataclass(frozen=True)
class MilpInputs:
    """The arrays handed to `scipy.optimize.milp` for one budget (for benchmarks and tests)."""

    c: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    matrix: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray
    offset: float = 0.0
    """Jobs of the participants fixed by their bounds (left out of the arrays)."""


@dataclass
class _Model:
    """The budget-independent part of one request: who may get participants, and how many."""

    data: Interventions
    request: Request
    jobs: np.ndarray
    """Objective coefficient per participant."""
    lower: np.ndarray
    upper: np.ndarray
    limit: np.ndarray
    """min(capacity, maximum): the bound a lock must respect."""
    usable: np.ndarray
    """May get participants beyond any lock (stars, effect, price all qualify)."""
    free_unbounded: np.ndarray
    """Free and without a capacity: left out, or the model would have no optimum."""
    locked: np.ndarray
    shares: tuple[tuple[str, float], ...] = field(default=())

    @classmethod
    def build(cls, data: Interventions, request: Request) -> _Model:
        request.checked()
        jobs = data.jobs_per_participant(request.objective)
        qualifies = (data.stars >= request.min_stars) & np.isfinite(data.price) & (data.price >= 0)
        if request.objective == "net":
            qualifies &= data.net_effect > 0
        limit = data.capacity.copy()
        for name, most in request.maxima:
            i = data.position(name)
            limit[i] = min(limit[i], float(most))
        free_unbounded = qualifies & (data.price == 0) & np.isinf(limit) & (jobs > 0)
        # a free intervention that adds no jobs would only make the answer arbitrary
        usable = qualifies & ~free_unbounded & ~((data.price == 0) & (jobs <= 0))
        upper = np.where(usable, limit, 0.0)
        lower = np.zeros(len(data))
        locked = np.zeros(len(data), dtype=bool)
        for name, mode in request.locks:
            i = data.position(name)
            locked[i] = True
            lower[i] = float(data.participants[i])
            if mode == EXACTLY or not usable[i]:
                upper[i] = min(limit[i], lower[i])
        return cls(data, request, jobs, lower, upper, limit, usable, free_unbounded, locked,
                   tuple((g, s) for g, s in request.min_shares if s > 0))

    def conflicts(self) -> np.ndarray:
        """Interventions whose lock asks for more participants than their limit allows."""
        return np.flatnonzero(self.lower > self.upper)

    def _budget_bounds(self, budget: float) -> np.ndarray:
        price = self.data.price
        upper = self.upper.copy()
        paid = price > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            affordable = np.floor(budget / price[paid] + 1e-9)
        upper[paid] = np.maximum(np.minimum(upper[paid], affordable), self.lower[paid])
        return upper

    def inputs(self, budget: float) -> tuple[MilpInputs, np.ndarray, np.ndarray] | None:
        """The milp arrays over the interventions not fixed by their bounds, plus the fixed
        participants and the mask of free ones; None when nothing is free."""
        upper = self._budget_bounds(budget)
        free = upper > self.lower
        fixed = np.where(free, 0.0, self.lower)
        if not free.any():
            return None
        price = self.data.price[free]
        groups = self.data.target_group[free]
        fixed_groups = self.data.target_group
        rows = [price]
        row_lower = [-np.inf]
        row_upper = [budget - _spend(self.data.price, fixed)]
        for group, share in self.shares:
            rows.append(np.where(groups == group, price, 0.0))
            in_group = fixed_groups == group
            row_lower.append(share * budget - _spend(self.data.price[in_group], fixed[in_group]))
            row_upper.append(np.inf)
        return (
            MilpInputs(
                c=-self.jobs[free],
                lower=self.lower[free],
                upper=upper[free],
                matrix=np.vstack(rows),
                row_lower=np.array(row_lower),
                row_upper=np.array(row_upper),
                offset=float(self.jobs @ fixed),
            ),
            fixed,
            free,
        )

    def check(self, participants: np.ndarray, budget: float) -> tuple[float, dict[str, float]]:
        """How far an allocation is over budget (≤ 0: within) and under each share (≤ 0: met)."""
        price = self.data.price
        over = max(_spend(price, participants), float(np.sum(price * participants))) - budget
        short = {}
        for group, share in self.shares:
            in_group = self.data.target_group == group
            spent = min(_spend(price[in_group], participants[in_group]),
                        float(np.sum(price[in_group] * participants[in_group])))
            short[group] = share * budget - spent
        return over, short

    def solve(self, budget: float) -> np.ndarray | None:
        """Optimal whole participants for `budget`, checked; None when nothing meets the
        constraints."""
        if len(self.conflicts()):
            return None
        prepared = self.inputs(budget)
        if prepared is None:
            fixed = self.lower.copy()
            over, short = self.check(fixed, budget)
            return fixed if _within(over, short, budget) else None
        inputs, fixed, free = prepared
        row_lower, row_upper = inputs.row_lower.copy(), inputs.row_upper.copy()
        margin = 2 * _SOLVER_SLACK + 1e-9 * max(1.0, budget)
        slack = tolerance(budget)
        for _ in range(_REPAIR_ATTEMPTS):
            chosen = _milp(replace(inputs, row_lower=row_lower, row_upper=row_upper))
            if chosen is None:
                return None
            participants = fixed.copy()
            participants[free] = chosen
            over, short = self.check(participants, budget)
            if _within(over, short, budget):
                return participants
            # the solver's tolerances let a rounding through: tighten by what broke, again
            if over > slack:
                row_upper[0] -= 2 * over + margin
            for row, (group, _share) in enumerate(self.shares, start=1):
                if short[group] > slack:
                    row_lower[row] += 2 * short[group] + margin
        return None


def _within(over: float, short: Mapping[str, float], budget: float) -> bool:
    """Whether `_Model.check`'s figures are all met, to within the tolerance."""
    slack = tolerance(budget)
    return over <= slack and all(s <= slack for s in short.values())


def _milp(inputs: MilpInputs) -> np.ndarray | None:
    """One exact solve; whole participants, or None when the model is infeasible."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    found = milp(
        c=inputs.c,
        integrality=np.ones(len(inputs.c)),
        bounds=Bounds(inputs.lower, inputs.upper),
        constraints=LinearConstraint(inputs.matrix, inputs.row_lower, inputs.row_upper),
        options={"mip_rel_gap": 0.0},
    )
    if found.status == 2:
        return None
    if found.x is None or found.status != 0:
        raise ViftenError(f"the optimiser stopped without an answer: {found.message}")
    return np.clip(np.rint(found.x), inputs.lower, inputs.upper)


@contextmanager
def native_stdout_silenced() -> Iterator[None]:
    """Send what native code prints to standard output to /dev/null while the block runs.

    HiGHS prints a stray debug line (`HighsMipSolverData::transformNewIntegerFeasibleSolution
    tmpSolver.run();`) straight to file descriptor 1 on some models, past every log option;
    on a pipe the C library buffers it until the process ends, so it would land after the
    JSON of `allocate`. Process-wide: for single-threaded callers such as the CLI.
    """
    try:
        import ctypes

        flush = ctypes.CDLL(None).fflush
    except (OSError, AttributeError, TypeError):  # no C library to flush (Windows)
        flush = None
    if sys.stdout is not None:
        sys.stdout.flush()
    if flush is not None:
        flush(None)
    try:
        saved = os.dup(1)
    except OSError:  # no standard output at all: nothing to protect
        yield
        return
    sink = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(sink, 1)
        yield
    finally:
        if flush is not None:
            flush(None)
        os.dup2(saved, 1)
        os.close(saved)
        os.close(sink)


def milp_inputs(data: Interventions, request: Request) -> MilpInputs | None:
    """The exact arrays `optimise` hands to milp for this request (None: nothing to solve)."""
    prepared = _Model.build(data, request).inputs(request.budget)
    return None if prepared is None else prepared[0]


# --- optimising ---------------------------------------------------------------------------


def _result(model: _Model, participants: np.ndarray, notes: Sequence[Note]) -> Result:
    data = model.data
    whole = participants.astype("int64")
    cost = data.price * whole
    jobs = model.jobs * whole
    placements = tuple(
        Placement(
            name=str(data.name[i]),
            year=int(data.year[i]),
            target_group=str(data.target_group[i]),
            participants=int(whole[i]),
            cost=float(cost[i]),
            expected_jobs=float(jobs[i]),
        )
        for i in np.flatnonzero(whole > 0)
    )
    return Result(
        status=OPTIMAL,
        request=model.request,
        total_cost=math.fsum(p.cost for p in placements),
        expected_jobs=math.fsum(p.expected_jobs for p in placements),
        gross_jobs=math.fsum((data.job_rate * whole).tolist()),
        net_jobs=math.fsum((data.jobs_per_participant("net") * whole).tolist()),
        participants=tuple(int(v) for v in whole),
        allocation=placements,
        notes=tuple(notes),
    )


def _infeasible(model: _Model, notes: Sequence[Note]) -> Result:
    return Result(
        status=INFEASIBLE,
        request=model.request,
        total_cost=0.0,
        expected_jobs=0.0,
        gross_jobs=0.0,
        net_jobs=0.0,
        participants=tuple(0 for _ in range(len(model.data))),
        allocation=(),
        notes=tuple(notes),
    )


def optimise(data: Interventions, request: Request, *, explain: bool = False) -> Result:
    """The allocation of `request.budget` that buys the most jobs.

    With `explain`, also which constraints bind and what they cost in jobs, and what the
    next 1 mio. kr. would buy: a few more solves, so the CLI leaves it out.
    """
    model = _Model.build(data, request)
    participants = model.solve(request.budget)
    if participants is None:
        return _infeasible(model, [why_infeasible(model)])
    result = replace(_result(model, participants, []), notes=tuple(_headline(model, participants)))
    if not explain:
        return result
    return _explained(model, result)


def _headline(model: _Model, participants: np.ndarray) -> list[Note]:
    data, request = model.data, model.request
    notes: list[Note] = []
    chosen = participants > 0
    if chosen.any():
        jobs = float(model.jobs @ participants)
        notes.append(_note(
            f"budget_msg_optimal_{request.objective}",
            count=("count", int(chosen.sum())),
            participants=("count", int(participants.sum())),
            jobs=("jobs", jobs),
            cost=("money", _spend(data.price, participants)),
            budget=("money", request.budget),
        ))
    else:
        notes.append(_why_empty(model))
    if model.free_unbounded.any():
        notes.append(_note("budget_msg_free_unlimited",
                           names=("names", list(data.name[model.free_unbounded]))))
    if request.objective == "net":
        unknown = (data.stars >= request.min_stars) & np.isnan(data.net_effect)
        if unknown.any():
            notes.append(_note("budget_msg_no_control", count=("count", int(unknown.sum()))))
    return notes


def _why_empty(model: _Model) -> Note:
    data, request = model.data, model.request
    if len(data) == 0:
        return _note("budget_msg_no_interventions")
    starred = data.stars >= request.min_stars
    if not starred.any():
        return _note("budget_msg_no_stars", stars=("count", request.min_stars))
    if request.objective == "net" and not (starred & (data.net_effect > 0)).any():
        return _note("budget_msg_no_effect")
    room = model.upper > 0
    if not room.any():
        return _note("budget_msg_no_capacity")
    if request.budget <= 0:
        return _note("budget_msg_zero_budget")
    cheapest = float(np.min(data.price[room]))
    if cheapest - request.budget > tolerance(request.budget):
        return _note("budget_msg_too_dear", budget=("money", request.budget),
                     cheapest=("money", cheapest))
    return _note("budget_msg_nothing")


# --- why an impossible request is impossible ----------------------------------------------


def why_infeasible(model: _Model) -> Note:
    """The first constraint that cannot be met, with the figures that show by how much."""
    data, request = model.data, model.request
    budget = request.budget
    for i in model.conflicts():
        by_maximum = data.capacity[i] > model.limit[i]
        return _note(
            "budget_msg_lock_maximum" if by_maximum else "budget_msg_lock_capacity",
            name=("name", str(data.name[i])),
            locked=("count", int(model.lower[i])),
            limit=("count", int(model.limit[i])),
        )
    for group, share in model.shares:
        in_group = data.target_group == group
        upper = model.upper[in_group]
        price = data.price[in_group]
        if np.any(np.isinf(upper) & (price > 0)):
            continue
        reachable = _spend(price, np.where(np.isinf(upper), 0.0, upper))
        needed = share * budget
        if reachable < needed:
            left_out = in_group & ~model.usable & ~model.locked
            return _note(
                "budget_msg_share_capacity_excluded" if left_out.any()
                else "budget_msg_share_capacity",
                share=("share", share), group=("group", group), needed=("money", needed),
                available=("money", reachable), short=("money", needed - reachable),
                excluded=("count", int(left_out.sum())),
            )
    total_share = math.fsum(share for _, share in model.shares)
    if total_share > 1 + COST_TOLERANCE:
        return _note("budget_msg_shares_over_budget", total=("share", total_share))
    locked_cost = _spend(data.price, model.lower)
    if locked_cost - budget > tolerance(budget):
        return _note("budget_msg_locks_over_budget", locked=("money", locked_cost),
                     budget=("money", budget), short=("money", locked_cost - budget))
    least = _least_cost(model, budget)
    if least is not None and least - budget > tolerance(budget):
        return _note("budget_msg_minimum_over_budget", needed=("money", least),
                     budget=("money", budget), short=("money", least - budget))
    return _note("budget_msg_infeasible")


def _least_cost(model: _Model, budget: float) -> float | None:
    """The cheapest whole-participant spend that meets every share and lock, ignoring the
    budget; None when even that is impossible."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    data = model.data
    if len(data) == 0:
        return None
    rows, lower_rows = [], []
    for group, share in model.shares:
        rows.append(np.where(data.target_group == group, data.price, 0.0))
        lower_rows.append(share * budget)
    constraints = [LinearConstraint(np.vstack(rows), lower_rows, np.inf)] if rows else []
    found = milp(
        c=np.where(np.isfinite(data.price), data.price, 0.0),
        integrality=np.ones(len(data)),
        bounds=Bounds(model.lower, model.upper),
        constraints=constraints,
        options={"mip_rel_gap": 0.0},
    )
    if found.status != 0 or found.x is None:
        return None
    return _spend(data.price, np.rint(found.x))


# --- explaining an optimal answer ---------------------------------------------------------


def _jobs_at(data: Interventions, request: Request) -> float | None:
    model = _Model.build(data, request)
    found = model.solve(request.budget)
    return None if found is None else float(model.jobs @ found)


def _explained(model: _Model, result: Result) -> Result:
    data, request = model.data, model.request
    participants = np.array(result.participants, dtype="float64")
    jobs = result.expected_jobs
    binding: list[Binding] = []

    def forgone(relaxed: Request) -> float | None:
        better = _jobs_at(data, relaxed)
        return None if better is None else better - jobs

    more = _jobs_at(data, request.with_budget(request.budget + MILLION))
    marginal = None if more is None else max(0.0, more - jobs)

    room = model.usable & (model.jobs > 0) & (participants < model.upper)
    left = request.budget - result.total_cost
    if room.any():
        # the optimum leaves nothing that would add jobs and still fit: the budget binds
        if marginal is None:  # the shares, scaled with a larger budget, cannot be met there
            note = _note("budget_bind_budget_only", left=("money", left))
        else:
            note = _note("budget_bind_budget", left=("money", left), marginal=("jobs", marginal))
        binding.append(Binding("budget", None, marginal, note))
    else:
        binding.append(Binding("budget", None, 0.0, _note(
            "budget_bind_all_full", left=("money", left))))
    for group, share in model.shares:
        relaxed = replace(request, min_shares=tuple((g, s) for g, s in request.min_shares
                                                    if g != group))
        cost = forgone(relaxed)
        if cost is not None and cost > _JOBS_EPSILON:
            binding.append(Binding("share", group, cost, _note(
                "budget_bind_share", share=("share", share), group=("group", group),
                jobs=("jobs", cost))))
    for kind, relaxed in (
        ("lock", replace(request, locks=())),
        ("maximum", replace(request, maxima=())),
        ("stars", replace(request, min_stars=1)),
    ):
        if relaxed == request:
            continue
        cost = forgone(relaxed)
        if cost is not None and cost > _JOBS_EPSILON:
            binding.append(Binding(kind, None, cost, _note(
                f"budget_bind_{kind}", jobs=("jobs", cost), stars=("count", request.min_stars))))
    full = (participants > 0) & (participants >= data.capacity) & (model.jobs > 0)
    if full.any():
        binding.append(Binding("capacity", None, None, _note(
            "budget_bind_capacity", names=("names", list(data.name[full])))))
    return replace(result, binding=tuple(binding), marginal_jobs_per_million=marginal)


# --- the frontier ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FrontierPoint:
    budget: float
    expected_jobs: float | None
    """None where no allocation meets the constraints at this budget."""
    total_cost: float | None


def frontier_budgets(budget: float, points: int = FRONTIER_POINTS) -> tuple[float, ...]:
    """From a deep cut (a tenth of the budget with 20 points) to double the budget; the budget
    itself is one of them."""
    half = max(1, points // 2)
    return tuple(budget * k / half for k in range(1, 2 * half + 1))


def frontier(
    data: Interventions, request: Request, budgets: Iterable[float] | None = None
) -> tuple[FrontierPoint, ...]:
    """The most jobs each budget can buy under the request's other constraints."""
    model = _Model.build(data, request)
    points = []
    for budget in budgets if budgets is not None else frontier_budgets(request.budget):
        found = model.solve(budget)
        if found is None:
            points.append(FrontierPoint(float(budget), None, None))
        else:
            points.append(FrontierPoint(float(budget), float(model.jobs @ found),
                                        _spend(data.price, found)))
    return tuple(points)


# --- allocations made by hand ---------------------------------------------------------------


@dataclass(frozen=True)
class OverCapacity:
    name: str
    participants: int
    capacity: int


@dataclass(frozen=True)
class Evaluation:
    """What an allocation (planned or edited by hand) costs and buys."""

    participants: tuple[int, ...]
    spend: float
    budget: float
    budget_left: float
    """Negative: over budget."""
    gross_jobs: float
    net_jobs: float
    """Extra jobs; an intervention without a control group counts 0 (see `without_control`)."""
    price_per_job: float | None
    """spend / gross jobs; None without jobs."""
    price_per_additional_job: float | None
    """spend / extra jobs; None without extra jobs."""
    over_capacity: tuple[OverCapacity, ...]
    without_control: int
    """Interventions with participants but no control group."""

    def expected_jobs(self, objective: str) -> float:
        return self.gross_jobs if objective == "gross" else self.net_jobs


def evaluate(
    data: Interventions, participants: Sequence[float] | np.ndarray, budget: float | None = None
) -> Evaluation:
    """Spend, jobs and capacity problems of an allocation; `budget` defaults to its spend."""
    whole = np.rint(_floats(participants, 0.0)).clip(min=0)
    if len(whole) != len(data):
        raise BadInput(f"{len(whole)} participant counts for {len(data)} interventions")
    spend = _spend(np.where(np.isfinite(data.price), data.price, 0.0), whole)
    gross = math.fsum((data.job_rate * whole).tolist())
    net = math.fsum((data.jobs_per_participant("net") * whole).tolist())
    over = np.flatnonzero(whole > data.capacity)
    chosen_budget = spend if budget is None else float(budget)
    return Evaluation(
        participants=tuple(int(v) for v in whole),
        spend=spend,
        budget=chosen_budget,
        budget_left=chosen_budget - spend,
        gross_jobs=gross,
        net_jobs=net,
        price_per_job=spend / gross if gross > 0 else None,
        price_per_additional_job=spend / net if net > 0 else None,
        over_capacity=tuple(
            OverCapacity(str(data.name[i]), int(whole[i]), int(data.capacity[i])) for i in over
        ),
        without_control=int(((whole > 0) & np.isnan(data.net_effect)).sum()),
    )


def current(data: Interventions, budget: float | None = None) -> Evaluation:
    """The planned allocation: each intervention's participants × its price."""
    return evaluate(data, data.participants, budget)


# --- what moves where, and why --------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """One intervention's change from a baseline (the current allocation) to an optimum."""

    name: str
    target_group: str
    before: int
    after: int
    cost_before: float
    cost_after: float
    jobs_per_million: float | None
    """Expected jobs (by the objective) per 1 mio. kr. spent on it; None if it is free or its
    extra effect is unknown."""
    reason: str
    """Text key: budget_why_*."""

    @property
    def change(self) -> int:
        return self.after - self.before


def moves(data: Interventions, result: Result,
          baseline: Sequence[int] | np.ndarray | None = None) -> tuple[Move, ...]:
    """Every intervention with participants before or after, with the reason for the change."""
    model = _Model.build(data, result.request)
    request = result.request
    before = np.asarray(data.participants if baseline is None else baseline, dtype="int64")
    after = np.asarray(result.participants, dtype="int64")
    binding_shares = {b.subject for b in result.binding if b.kind == "share"}
    unknown = np.isnan(data.net_effect) if request.objective == "net" else np.zeros(len(data),
                                                                                        bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where((data.price > 0) & ~unknown, model.jobs / data.price * MILLION, np.nan)
    out = []
    for i in np.flatnonzero((before > 0) | (after > 0)):
        if model.locked[i] and after[i] == model.lower[i]:
            reason = "budget_why_locked"
        elif data.stars[i] < request.min_stars:
            reason = "budget_why_stars"
        elif request.objective == "net" and math.isnan(data.net_effect[i]):
            reason = "budget_why_no_control"
        elif request.objective == "net" and not data.net_effect[i] > 0:
            reason = "budget_why_no_effect"
        elif model.free_unbounded[i]:
            reason = "budget_why_free_unlimited"
        elif after[i] > 0 and after[i] >= model.limit[i]:
            reason = "budget_why_full"
        elif after[i] > 0 and str(data.target_group[i]) in binding_shares:
            reason = "budget_why_share"
        elif after[i] > 0:
            reason = "budget_why_value"
        else:
            reason = "budget_why_dear"
        out.append(Move(
            name=str(data.name[i]),
            target_group=str(data.target_group[i]),
            before=int(before[i]),
            after=int(after[i]),
            cost_before=float(data.price[i] * before[i]),
            cost_after=float(data.price[i] * after[i]),
            jobs_per_million=None if math.isnan(value[i]) else float(value[i]),
            reason=reason,
        ))
    return tuple(out)
