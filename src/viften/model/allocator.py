"""Where a budget buys the most jobs, and what a hand-made allocation buys: without a UI.

The model is the one of interface.md (`allocate`): a whole number of participants for
each intervention, from 0 to its capacity; total cost within the budget; minimum spend
shares per target group; a minimum of evidence stars; statutory (`mandatory`) interventions
keep at least their planned participants (at most their capacity) unless the request says
otherwise. Maximised: the sum of extra jobs (`net`), of all jobs (`gross`), or of the
kommune's or the public purse's net present value from the budget case (`kommune`,
`public`, `viften.model.case`); `net`, `kommune` and `public` give participants only to
interventions whose figure is above 0. On top of it, for the budget page: interventions
locked at their planned participants (at least or exactly, for contracts already signed)
and an optional maximum per intervention.

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
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from viften.model import case, exact
from viften.model.errors import BadInput, ViftenError
from viften.model.messages import Message
from viften.model.target_groups import TARGET_GROUPS

if TYPE_CHECKING:
    import pandas as pd

    from viften.model.assumptions import Assumptions

OBJECTIVES: tuple[str, ...] = ("net", "gross", "kommune", "public")
JOB_OBJECTIVES: tuple[str, ...] = ("net", "gross")
"""Objectives counted in jobs; the others in kroner of net present value."""
NPV_OBJECTIVES: tuple[str, ...] = ("kommune", "public")
PAYERS: tuple[str, ...] = ("kommune", "state", "other_municipalities", "public")
"""The payers of the budget case, in `viften.model.case.PAYERS` order (axis 0 of `npv`)."""
AT_LEAST, EXACTLY = "at_least", "exactly"
LOCK_MODES: tuple[str, ...] = (AT_LEAST, EXACTLY)
OPTIMAL, INFEASIBLE = "optimal", "infeasible"
MILLION = 1_000_000.0
FRONTIER_POINTS = 20

_JOBS_EPSILON = 1e-9
"""Jobs gained below this are solver noise, not a reason to call a constraint binding."""
_KRONER_EPSILON = 1e-3
"""The same for an objective in kroner (a tenth of an øre)."""
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


UNCAPPED_SHARE = 0.25
"""An intervention without a capacity is flagged when an allocation spends more than this share
of the budget on it: no provider has unlimited places, so a quarter of the budget on one
without a stated limit is worth checking before it is planned."""
UNCAPPED_GROWTH = 2
"""... or when it gives it more than this many times its planned participants (any at all
where none are planned): places beyond twice this year's plan are not known to exist."""


INTERACTIVE_LIMIT = 20_000
"""Up to this many interventions screens solve on every view, without being asked: at national
size (14.700) the reduced exact solve (`viften.model.exact`) mostly takes tenths of a second
(a second or more where minimum shares bind hard), and the frontier of 20 budgets, warm-started,
no more than about twice one solve (`benchmarks/bench_national.py`). Above it a solve may take
seconds to minutes, so screens solve only when asked."""


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


def _flags(values: Any, length: int) -> np.ndarray:
    """A boolean array from a column that may be absent (None), masked or hold None: empty is
    False."""
    if values is None:
        return np.zeros(length, dtype=bool)
    if isinstance(values, np.ma.MaskedArray):
        values = values.filled(False)
    plain = np.asarray(values, dtype=object).reshape(-1)
    return np.array([_flag(v) for v in plain], dtype=bool)


def _flag(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    try:
        return bool(value)
    except TypeError:  # pandas' NA has no truth value: empty
        return False


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
    """job_rate − control_job_rate; NaN without a control group (unless assumed)."""
    stars: np.ndarray
    mandatory: np.ndarray
    """True for a statutory intervention: it keeps at least its planned participants."""
    assumed: np.ndarray
    """True where `net_effect` is assumed from the stars (no control rate; see
    `viften.model.effects.assumed_effect`)."""
    npv: np.ndarray | None = None
    """The budget case's net present value per participant, shape (4, m) in PAYERS order;
    NaN where there is no net effect. None when read without assumptions."""
    municipality: np.ndarray | None = None
    """Whose each intervention is (object array; issue 14), None where the table has no
    municipality column."""

    @classmethod
    def from_columns(
        cls,
        columns: Mapping[str, Any] | pd.DataFrame,
        *,
        assumptions: Assumptions | None = None,
        assume_effects: bool = False,
    ) -> Interventions:
        """From `store.intervention_arrays` (numpy, masked where NULL), a DataFrame or lists.

        Needs name, year, target_group, price_per_participant, capacity, participants,
        job_rate, evidence_stars and either net_effect or control_job_rate; `mandatory` is
        read where the table has it (else no intervention is statutory). With `assumptions`
        each intervention's budget case (`npv`) is computed as well (it also reads
        duration_weeks, benefit, weeks_on_benefit and persistence where present). With
        `assume_effects` an intervention without a control rate gets the extra effect its
        stars stand for, marked in `assumed`.
        """
        job_rate = _floats(_column(columns, "job_rate"), 0.0)
        if "net_effect" in columns:
            net = _floats(columns["net_effect"])
        else:
            net = job_rate - _floats(_column(columns, "control_job_rate"))
        stars = np.rint(_floats(_column(columns, "evidence_stars"), 0.0)).astype("int64")
        assumed = np.zeros(len(net), dtype=bool)
        if assume_effects:
            from viften.model.effects import assumed_effect

            assumed = np.isnan(net)
            net = np.where(assumed, assumed_effect(job_rate, stars), net)
        planned = np.rint(_floats(_column(columns, "participants"), 0.0)).clip(min=0)
        price = _floats(_column(columns, "price_per_participant"))
        target_group = _texts(_column(columns, "target_group"))
        npv = None
        if assumptions is not None:
            optional = {key: columns[key] for key in case.OPTIONAL_COLUMNS if key in columns}
            npv = case.from_columns(
                {
                    "price_per_participant": price,
                    "net_effect": net,
                    "target_group": target_group,
                    **optional,
                },
                assumptions,
            ).npv
        return cls(
            name=_texts(_column(columns, "name")),
            year=np.rint(_floats(_column(columns, "year"), 0.0)).astype("int64"),
            target_group=target_group,
            price=price,
            capacity=np.floor(_floats(_column(columns, "capacity"), math.inf)).clip(min=0),
            participants=planned.astype("int64"),
            job_rate=job_rate,
            net_effect=net,
            stars=stars,
            mandatory=_flags(columns["mandatory"] if "mandatory" in columns else None, len(net)),
            assumed=assumed,
            npv=npv,
            municipality=_texts(columns["municipality"]) if "municipality" in columns else None,
        )

    def __len__(self) -> int:
        return len(self.name)

    def position(self, name: str) -> int:
        found = np.flatnonzero(self.name == name)
        if not len(found):
            raise BadInput(f"there is no intervention called {name!r}")
        return int(found[0])

    def jobs_per_participant(self, objective: str) -> np.ndarray:
        """Expected jobs per participant: the job rate (gross) or the extra effect (every other
        objective; 0 if unknown)."""
        if objective == "gross":
            return self.job_rate
        return np.where(np.isnan(self.net_effect), 0.0, self.net_effect)

    def payer_npv(self, payer: str) -> np.ndarray:
        """A payer's net present value per participant (0 where there is no case); BadInput
        when the interventions were read without assumptions."""
        if self.npv is None:
            raise BadInput(f"the {payer} net present value needs the budget case's assumptions")
        values = self.npv[PAYERS.index(payer)]
        return np.where(np.isnan(values), 0.0, values)

    def value_per_participant(self, objective: str) -> np.ndarray:
        """What one participant adds to the objective: jobs, or kroner of net present value."""
        if objective in NPV_OBJECTIVES:
            return self.payer_npv(objective)
        return self.jobs_per_participant(objective)

    def has_case(self) -> np.ndarray:
        """True where the intervention has a budget case (a net effect, measured or assumed)."""
        return ~np.isnan(self.net_effect)


# --- what the user asks for ---------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """One question to the optimiser. Hashable, so a UI can cache the answer."""

    budget: float
    """Kroner to spend at most."""
    objective: str = "net"
    """'net': extra jobs over the control group; 'gross': all jobs; 'kommune' / 'public': the
    kommune's / the public purse's net present value (the data must carry `npv`)."""
    min_shares: tuple[tuple[str, float], ...] = ()
    """(target group, share 0..1): spend at least share × budget on that group."""
    min_stars: int = 1
    locks: tuple[tuple[str, str], ...] = ()
    """(intervention name, 'at_least' | 'exactly'): keep its planned participants."""
    maxima: tuple[tuple[str, int], ...] = ()
    """(intervention name, participants): at most this many, below its capacity."""
    keep_mandatory: bool = True
    """Statutory interventions keep at least their planned participants (at most their
    capacity); False ignores the rule (`allocate --ignore-mandatory`)."""
    min_municipality_shares: tuple[tuple[str, float], ...] = ()
    """(municipality, share 0..1): spend at least share × budget on that municipality's
    interventions (a shared pool across kommuner; `allocate --min-municipality M=F`). Matched
    as `list --municipality` is; see `_municipality_rows`."""

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
        keep_mandatory: bool = True,
        min_municipality_shares: Mapping[str, float] | None = None,
    ) -> Request:
        """A checked request from plain mappings; bad values raise `BadInput`."""
        return cls(
            budget=float(budget),
            objective=objective,
            min_shares=tuple(sorted((min_shares or {}).items())),
            min_stars=int(min_stars),
            locks=tuple(sorted((locks or {}).items())),
            maxima=tuple(sorted((k, int(v)) for k, v in (maxima or {}).items())),
            keep_mandatory=bool(keep_mandatory),
            min_municipality_shares=tuple(sorted((min_municipality_shares or {}).items())),
        ).checked()

    def checked(self) -> Request:
        if not (math.isfinite(self.budget) and self.budget >= 0):
            raise BadInput(f"the budget must be a number of kroner ≥ 0, not {self.budget}")
        if self.objective not in OBJECTIVES:
            raise BadInput(f"the objective must be {', '.join(OBJECTIVES)}, not {self.objective!r}")
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
        for place, share in self.min_municipality_shares:
            if not (0.0 <= share <= 1.0):
                raise BadInput(f"the minimum share for {place} must be from 0 to 1, not {share}")
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
            "keep_mandatory": self.keep_mandatory,
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
            keep_mandatory=bool(settings.get("keep_mandatory", True)),
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
    """Job rate × participants (gross), else extra effect × participants."""
    npv: float | None = None
    """For an NPV objective: its net present value per participant × participants."""
    assumed: bool = False
    """The extra effect is assumed from the stars (no control rate)."""
    municipality: str = ""
    """Whose intervention it is (the database's own is "" where it has no name)."""


@dataclass(frozen=True)
class Binding:
    """A constraint that limits the answer, and what it costs in the objective."""

    kind: str
    """budget, share, capacity, maximum, lock, mandatory or stars."""
    subject: str | None
    """The target group or intervention it is about, if any."""
    jobs: float | None
    """What the constraint costs: what dropping it would add to the objective, in jobs or,
    for an NPV objective, kroner (None where not measured)."""
    note: Note


@dataclass(frozen=True)
class Result:
    """The optimiser's answer."""

    status: str
    """'optimal' or 'infeasible'."""
    request: Request
    total_cost: float
    expected_jobs: float
    """All jobs for 'gross', else extra jobs (the sum of participants × net effect)."""
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
    """What the next 1 mio. kr. would add to the objective (re-solved at budget + 1 mio.):
    jobs, or kroner for an NPV objective; when explained."""
    npv: float | None = None
    """For an NPV objective, the objective: the sum of participants × that NPV (kroner)."""
    payer_npv: tuple[float, ...] | None = None
    """Each payer's net present value of the allocation (PAYERS order), where the data carry
    the budget case; interventions without a case count 0 (see `without_case`)."""
    without_case: int = 0
    """Interventions with participants but no budget case (no net effect)."""

    @property
    def budget(self) -> float:
        return self.request.budget

    @property
    def objective(self) -> str:
        return self.request.objective

    @property
    def objective_value(self) -> float:
        """What the optimiser maximised: the NPV for an NPV objective, else the jobs."""
        return self.npv if self.npv is not None else self.expected_jobs

    def to_json(self, message: str) -> dict[str, Any]:
        """The object `allocate --json` prints (interface.md), with the notes as `message`
        (written out by viften.present.messages). An NPV objective adds `npv`, the objective;
        an item whose extra effect is assumed carries `"assumed": true`."""
        out: dict[str, Any] = {
            "status": self.status,
            "budget": self.budget,
            "objective": self.objective,
            "total_cost": self.total_cost,
            "expected_jobs": self.expected_jobs,
        }
        if self.objective in NPV_OBJECTIVES:
            out["npv"] = self.npv if self.npv is not None else 0.0
        out["allocation"] = [
            {
                "municipality": p.municipality,
                "name": p.name,
                "year": p.year,
                "participants": p.participants,
                "cost": p.cost,
                "expected_jobs": p.expected_jobs,
                **({"assumed": True} if p.assumed else {}),
            }
            for p in self.allocation
        ]
        out["message"] = message
        return out


# --- the model ----------------------------------------------------------------------------


def _spend(price: np.ndarray, participants: np.ndarray) -> float:
    """Exact enough to compare with a budget: every product summed without loss (and without
    a BLAS product, whose threads cost milliseconds on a busy machine). Also for jobs."""
    chosen = participants > 0
    return math.fsum((price[chosen] * participants[chosen]).tolist())


@dataclass(frozen=True)
class MilpInputs(exact.Model):
    """The model handed to `scipy.optimize.milp` for one budget (for benchmarks and tests)."""

    offset: float = 0.0
    """The objective of the participants fixed by their bounds (left out of the arrays), in
    the solver's units (`_Model.scale`)."""


@dataclass
class _Model:
    """The budget-independent part of one request: who may get participants, and how many."""

    data: Interventions
    request: Request
    jobs: np.ndarray
    """Objective coefficient per participant: jobs, or kroner of net present value."""
    lower: np.ndarray
    upper: np.ndarray
    limit: np.ndarray
    """min(capacity, maximum): the bound a lock must respect."""
    usable: np.ndarray
    """May get participants beyond any lock (stars, effect, price all qualify)."""
    free_unbounded: np.ndarray
    """Free and without a capacity: left out, or the model would have no optimum."""
    locked: np.ndarray
    required: np.ndarray
    """Statutory and kept at its planned participants (the request keeps the rule)."""
    shares: tuple[tuple[str, float], ...] = field(default=())

    @classmethod
    def build(cls, data: Interventions, request: Request) -> _Model:
        request.checked()
        jobs = data.value_per_participant(request.objective)
        qualifies = (data.stars >= request.min_stars) & np.isfinite(data.price) & (data.price >= 0)
        if request.objective != "gross":
            # net, kommune, public: only a figure above 0 earns participants (interface.md)
            qualifies &= data.has_case() & (jobs > 0)
        limit = data.capacity.copy()
        for name, most in request.maxima:
            i = data.position(name)
            limit[i] = min(limit[i], float(most))
        free_unbounded = qualifies & (data.price == 0) & np.isinf(limit) & (jobs > 0)
        # a free intervention that adds no jobs would only make the answer arbitrary
        usable = qualifies & ~free_unbounded & ~((data.price == 0) & (jobs <= 0))
        upper = np.where(usable, limit, 0.0)
        lower = np.zeros(len(data))
        required = data.mandatory & (data.participants > 0) & request.keep_mandatory
        # at least the planned participants, at most the capacity (a maximum below that is a
        # conflict, reported as one)
        lower[required] = np.minimum(data.participants[required], data.capacity[required])
        upper[required] = np.where(
            usable[required], limit[required], np.minimum(limit[required], lower[required])
        )
        required &= lower > 0
        locked = np.zeros(len(data), dtype=bool)
        for name, mode in request.locks:
            i = data.position(name)
            locked[i] = True
            lower[i] = max(lower[i], float(data.participants[i]))
            if mode == EXACTLY or not usable[i]:
                upper[i] = min(limit[i], lower[i])
        return cls(
            data,
            request,
            jobs,
            lower,
            upper,
            limit,
            usable,
            free_unbounded,
            locked,
            required,
            tuple((g, s) for g, s in request.min_shares if s > 0),
        )

    @property
    def scale(self) -> float:
        """The objective as the solver sees it: jobs, or thousands of kroner (HiGHS' absolute
        gap of 1e-6 is then a thousandth of a krone, and the objective's size stays near that
        of a jobs objective)."""
        return 1e-3 if self.request.objective in NPV_OBJECTIVES else 1.0

    @property
    def noise(self) -> float:
        """Gains below this are rounding, not a reason to call a constraint binding."""
        return _KRONER_EPSILON if self.request.objective in NPV_OBJECTIVES else _JOBS_EPSILON

    @cached_property
    def share_rows(self) -> tuple[tuple[np.ndarray, float], ...]:
        """(mask of the interventions it counts, share) for every minimum-share row after the
        budget row, in the model's order: target groups, then municipalities."""
        groups = tuple((self.data.target_group == g, share) for g, share in self.shares)
        return groups + tuple(_municipality_rows(self.data, self.request))

    def conflicts(self) -> np.ndarray:
        """Interventions whose lock or statutory minimum asks for more participants than
        their limit allows."""
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
        rows = [price]
        row_lower = [-np.inf]
        row_upper = [budget - _spend(self.data.price, fixed)]
        for counted, share in self.share_rows:
            rows.append(np.where(counted[free], price, 0.0))
            row_lower.append(share * budget - _spend(self.data.price[counted], fixed[counted]))
            row_upper.append(np.inf)
        return (
            MilpInputs(
                c=-self.jobs[free] * self.scale,
                lower=self.lower[free],
                upper=upper[free],
                matrix=np.vstack(rows),
                row_lower=np.array(row_lower),
                row_upper=np.array(row_upper),
                offset=_spend(self.jobs, fixed) * self.scale,
            ),
            fixed,
            free,
        )

    def check(self, participants: np.ndarray, budget: float) -> tuple[float, dict[str, float]]:
        """How far an allocation is over budget (≤ 0: within) and under each share (≤ 0: met)."""
        price = self.data.price
        over = max(_spend(price, participants), float(np.sum(price * participants))) - budget
        short = {}
        groups = len(self.shares)
        for (group, share), (in_group, _) in zip(
            self.shares, self.share_rows[:groups], strict=True
        ):
            spent = min(
                _spend(price[in_group], participants[in_group]),
                float(np.sum(price[in_group] * participants[in_group])),
            )
            short[group] = share * budget - spent
        for index, (in_place, share) in enumerate(self.share_rows[groups:]):
            spent = min(
                _spend(price[in_place], participants[in_place]),
                float(np.sum(price[in_place] * participants[in_place])),
            )
            short[f"\x00municipality {index}"] = share * budget - spent
        return over, short

    def solve(
        self, budget: float, rel_gap: float = 0.0, warm: exact.Warm | None = None
    ) -> np.ndarray | None:
        """Optimal whole participants for `budget`, checked; None when nothing meets the
        constraints. With `rel_gap` > 0: proven within that share of the optimum. With `warm`,
        what solves at other budgets left is used and kept (`exact.Warm`)."""
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
            chosen = _milp(replace(inputs, row_lower=row_lower, row_upper=row_upper), rel_gap, warm)
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
            first = len(self.shares) + 1
            for index in range(len(_municipality_rows(self.data, self.request))):
                missing = short.get(f"\x00municipality {index}", 0.0)
                if missing > slack:
                    row_lower[first + index] += 2 * missing + margin
        return None


# --- the shared pool across municipalities (issue 14) ---------------------------------------


def _municipality_rows(data: Interventions, request: Request) -> list[tuple[np.ndarray, float]]:
    """(mask of a municipality's interventions, share) for each `min_municipality_shares`
    entry above 0, in the request's order: one more constraint row each, like a target group's
    minimum share, kept apart so the target-group rules stay as they are. A municipality that
    has no interventions gets an empty mask (an unmeetable minimum: infeasible)."""
    from viften.model.domain import municipality_key

    if not request.min_municipality_shares:
        return []
    places = (
        np.array([municipality_key(m) for m in data.municipality], dtype=object)
        if data.municipality is not None
        else np.full(len(data), "", dtype=object)
    )
    return [
        (places == municipality_key(place), share)
        for place, share in request.min_municipality_shares
        if share > 0
    ]


def _within(over: float, short: Mapping[str, float], budget: float) -> bool:
    """Whether `_Model.check`'s figures are all met, to within the tolerance."""
    slack = tolerance(budget)
    return over <= slack and all(s <= slack for s in short.values())


def _milp(
    inputs: MilpInputs, rel_gap: float = 0.0, warm: exact.Warm | None = None
) -> np.ndarray | None:
    """One exact solve; whole participants, or None when the model is infeasible. Large models
    are reduced first without losing the proof of optimality (`viften.model.exact`)."""
    status, x, message = exact.solve(*inputs.arrays(), rel_gap=rel_gap, warm=warm)
    if status == 2:
        return None
    if x is None or status != 0:
        raise ViftenError(f"the optimiser stopped without an answer: {message}")
    return np.clip(x, inputs.lower, inputs.upper)


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


def payer_npv(data: Interventions, participants: np.ndarray) -> tuple[float, ...] | None:
    """Each payer's net present value of an allocation (PAYERS order): participants × NPV
    per participant, summed; an intervention without a case counts 0. None without the
    budget case."""
    if data.npv is None:
        return None
    return tuple(float(v) for v in case.allocation_npv(data.npv, participants))


def _result(model: _Model, participants: np.ndarray, notes: Sequence[Note]) -> Result:
    data = model.data
    whole = participants.astype("int64")
    cost = data.price * whole
    jobs = data.jobs_per_participant(model.request.objective) * whole
    priced = model.request.objective in NPV_OBJECTIVES
    value = model.jobs * whole
    placements = tuple(
        Placement(
            name=str(data.name[i]),
            year=int(data.year[i]),
            target_group=str(data.target_group[i]),
            participants=int(whole[i]),
            cost=float(cost[i]),
            expected_jobs=float(jobs[i]),
            npv=float(value[i]) if priced else None,
            assumed=bool(data.assumed[i]),
            municipality=str(data.municipality[i]) if data.municipality is not None else "",
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
        npv=math.fsum(value[whole > 0].tolist()) if priced else None,
        payer_npv=payer_npv(data, whole),
        without_case=int(((whole > 0) & ~data.has_case()).sum()),
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
        npv=0.0 if model.request.objective in NPV_OBJECTIVES else None,
    )


def optimise(data: Interventions, request: Request, *, explain: bool = False) -> Result:
    """The allocation of `request.budget` that maximises the request's objective.

    With `explain`, also which constraints bind and what they cost in the objective, and what
    the next 1 mio. kr. would add: a few more solves, so the CLI leaves it out.
    """
    model = _Model.build(data, request)
    participants = model.solve(request.budget)
    if participants is None:
        return _infeasible(model, _why_infeasible_notes(model))
    result = replace(_result(model, participants, []), notes=tuple(_headline(model, participants)))
    if not explain:
        return result
    return _explained(model, result)


def _headline(model: _Model, participants: np.ndarray) -> list[Note]:
    data, request = model.data, model.request
    notes: list[Note] = []
    chosen = participants > 0
    if chosen.any():
        values: dict[str, tuple[str, Any]] = {
            "count": ("count", int(chosen.sum())),
            "participants": ("count", int(participants.sum())),
            "jobs": ("jobs", float(data.jobs_per_participant(request.objective) @ participants)),
            "gross": ("jobs", float(data.jobs_per_participant("gross") @ participants)),
            "cost": ("money", _spend(data.price, participants)),
            "budget": ("money", request.budget),
        }
        if request.objective in NPV_OBJECTIVES:
            values["npv"] = ("money", float(model.jobs @ participants))
        notes.append(_note(f"budget_msg_optimal_{request.objective}", **values))
    else:
        notes.append(_why_empty(model))
    if model.required.any():
        notes.append(
            _note("budget_msg_mandatory_kept", names=("names", list(data.name[model.required])))
        )
    unspent = _unspent(model, participants)
    if unspent is not None:
        notes.append(unspent)
    uncapped = uncapped_over_share(data, participants, request.budget)
    if uncapped:
        notes.append(
            _note(
                "budget_msg_uncapped",
                names=("names", uncapped),
                share=("share", UNCAPPED_SHARE),
                times=("count", UNCAPPED_GROWTH),
            )
        )
    if model.free_unbounded.any():
        notes.append(
            _note(
                "budget_msg_free_unlimited", names=("names", list(data.name[model.free_unbounded]))
            )
        )
    starred = data.stars >= request.min_stars
    assumed = starred & data.assumed
    if assumed.any():
        notes.append(_note("budget_msg_assumed_effects", count=("count", int(assumed.sum()))))
    if request.objective != "gross":
        unknown = starred & ~data.has_case()
        if unknown.any():
            key = "budget_msg_no_control" if request.objective == "net" else "budget_msg_no_case"
            notes.append(_note(key, count=("count", int(unknown.sum()))))
    without_case = chosen & ~data.has_case()
    if request.objective in NPV_OBJECTIVES and without_case.any():
        notes.append(
            _note("budget_msg_uncounted_case", names=("names", list(data.name[without_case])))
        )
    return notes


def _unspent(model: _Model, participants: np.ndarray) -> Note | None:
    """Why an optimum leaves money unspent when every intervention that could take more is
    full: the money left, and how many interventions cannot get participants at all."""
    data, request = model.data, model.request
    left = request.budget - _spend(data.price, participants)
    if left <= max(tolerance(request.budget), 0.5) or not participants.any():
        return None
    room = model.usable & (model.jobs > 0) & (participants < model.upper)
    if room.any():
        return None  # the budget binds: `budget_bind_budget` says what the rest cannot buy
    shut_out = ~model.usable & ~model.required & ~model.locked
    return _note(
        "budget_msg_unspent_full" if shut_out.any() else "budget_msg_unspent_full_all",
        left=("money", left),
        excluded=("count", int(shut_out.sum())),
    )


def uncapped_over_share(
    data: Interventions,
    participants: Sequence[float] | np.ndarray,
    budget: float,
    share: float = UNCAPPED_SHARE,
) -> list[str]:
    """The interventions without a capacity on which an allocation spends more than `share`
    of `budget` (see `UNCAPPED_SHARE`) or that it gives more than `UNCAPPED_GROWTH` times
    their planned participants."""
    whole = np.asarray(participants, dtype="float64")
    spent = np.where(whole > 0, data.price * whole, 0.0)
    grown = whole > UNCAPPED_GROWTH * np.asarray(data.participants, dtype="float64")
    flagged = np.isinf(data.capacity) & ((spent > share * budget) | grown) & (whole > 0)
    return [str(name) for name in data.name[flagged]]


def tradeoff(chosen: Result, other: Result) -> Note | None:
    """What choosing `chosen`'s objective over `other`'s costs: the extra jobs and the payer
    (other than the chosen objective's own) whose net present value changes most. None
    unless both are optimal and carry the budget case."""
    if OPTIMAL != chosen.status or OPTIMAL != other.status:
        return None
    if chosen.payer_npv is None or other.payer_npv is None:
        return None
    jobs = chosen.net_jobs - other.net_jobs
    change = [a - b for a, b in zip(chosen.payer_npv, other.payer_npv, strict=True)]
    candidates = [p for p in range(3) if PAYERS[p] != chosen.objective]
    payer = max(candidates, key=lambda p: abs(change[p]))
    if abs(jobs) < 0.05 and all(abs(c) < 0.5 for c in change):
        return _note(
            "budget_tradeoff_same",
            chosen=("objective", chosen.objective),
            other=("objective", other.objective),
        )
    key = (
        f"budget_tradeoff_{'fewer' if jobs < 0 else 'more'}_"
        f"{'less' if change[payer] < 0 else 'more'}"
    )
    return _note(
        key,
        chosen=("objective", chosen.objective),
        other=("objective", other.objective),
        jobs=("jobs", abs(jobs)),
        payer=("payer", PAYERS[payer]),
        amount=("money", abs(change[payer])),
    )


def _why_empty(model: _Model) -> Note:
    data, request = model.data, model.request
    if len(data) == 0:
        return _note("budget_msg_no_interventions")
    starred = data.stars >= request.min_stars
    if not starred.any():
        return _note("budget_msg_no_stars", stars=("count", request.min_stars))
    if request.objective == "net" and not (starred & (data.net_effect > 0)).any():
        return _note("budget_msg_no_effect")
    if request.objective in NPV_OBJECTIVES and not (starred & (model.jobs > 0)).any():
        return _note(f"budget_msg_no_value_{request.objective}")
    room = model.upper > 0
    if not room.any():
        return _note("budget_msg_no_capacity")
    if request.budget <= 0:
        return _note("budget_msg_zero_budget")
    cheapest = float(np.min(data.price[room]))
    if cheapest - request.budget > tolerance(request.budget):
        return _note(
            "budget_msg_too_dear", budget=("money", request.budget), cheapest=("money", cheapest)
        )
    return _note("budget_msg_nothing")


# --- why an impossible request is impossible ----------------------------------------------


def _why_infeasible_notes(model: _Model) -> list[Note]:
    """The reason first; where statutory minimums take part and the request could be met
    without them, a second note that names them."""
    reason = why_infeasible(model)
    if not model.required.any() or reason.key.startswith("budget_msg_mandatory"):
        return [reason]
    lifted = _Model.build(model.data, replace(model.request, keep_mandatory=False))
    key = (
        "budget_msg_mandatory_blocks"
        if lifted.solve(model.request.budget) is not None
        else "budget_msg_mandatory_also"
    )
    return [reason, _mandatory_note(model, key)]


def _mandatory_note(model: _Model, key: str, **values: tuple[str, Any]) -> Note:
    data = model.data
    return _note(
        key,
        names=("names", list(data.name[model.required])),
        cost=("money", _spend(data.price, np.where(model.required, model.lower, 0.0))),
        **values,
    )


def why_infeasible(model: _Model) -> Note:
    """The first constraint that cannot be met, with the figures that show by how much."""
    data, request = model.data, model.request
    budget = request.budget
    for i in model.conflicts():
        if model.required[i] and not model.locked[i]:
            return _note(
                "budget_msg_mandatory_maximum",
                name=("name", str(data.name[i])),
                locked=("count", int(model.lower[i])),
                limit=("count", int(model.limit[i])),
            )
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
            left_out = in_group & ~model.usable & ~model.locked & ~model.required
            return _note(
                "budget_msg_share_capacity_excluded"
                if left_out.any()
                else "budget_msg_share_capacity",
                share=("share", share),
                group=("group", group),
                needed=("money", needed),
                available=("money", reachable),
                short=("money", needed - reachable),
                excluded=("count", int(left_out.sum())),
            )
    total_share = math.fsum(share for _, share in model.shares)
    if total_share > 1 + COST_TOLERANCE:
        return _note("budget_msg_shares_over_budget", total=("share", total_share))
    pooled = _why_municipality_infeasible(model)
    if pooled is not None:
        return pooled
    locked_cost = _spend(data.price, model.lower)
    if locked_cost - budget > tolerance(budget):
        over = {"budget": ("money", budget), "short": ("money", locked_cost - budget)}
        if model.required.any():
            key = (
                "budget_msg_mandatory_locks_over_budget"
                if model.locked.any()
                else "budget_msg_mandatory_over_budget"
            )
            return _mandatory_note(model, key, locked=("money", locked_cost), **over)
        return _note("budget_msg_locks_over_budget", locked=("money", locked_cost), **over)
    least = _least_cost(model, budget)
    if least is not None and least - budget > tolerance(budget):
        return _note(
            "budget_msg_minimum_over_budget",
            needed=("money", least),
            budget=("money", budget),
            short=("money", least - budget),
        )
    return _note("budget_msg_infeasible")


def _why_municipality_infeasible(model: _Model) -> Note | None:
    """A shared pool's minimums that cannot be met: together above the whole pool, or one
    kommune's minimum above what its interventions can take (their capacity, or none)."""
    minimums = [(p, s) for p, s in model.request.min_municipality_shares if s > 0]
    if not minimums:
        return None
    total = math.fsum(share for _, share in minimums)
    if total > 1 + COST_TOLERANCE:
        return _note("budget_msg_municipality_shares_over", total=("share", total))
    data, budget = model.data, model.request.budget
    for (in_place, share), (place, _share) in zip(
        _municipality_rows(data, model.request), minimums, strict=True
    ):
        needed = share * budget
        if not in_place.any():
            return _note("budget_msg_municipality_none", place=("text", place))
        usable = in_place & (model.upper > 0)
        price, upper = data.price[usable], model.upper[usable]
        if np.any(np.isinf(upper) & (price > 0)):
            continue
        reachable = _spend(price, upper)
        if reachable - needed < -tolerance(budget):
            return _note(
                "budget_msg_municipality_capacity",
                place=("text", place),
                share=("share", share),
                needed=("money", needed),
                available=("money", reachable),
                short=("money", needed - reachable),
            )
    return None


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


def _objective_at(data: Interventions, request: Request) -> float | None:
    model = _Model.build(data, request)
    found = model.solve(request.budget)
    return None if found is None else float(model.jobs @ found)


def _bind_note(request: Request, key: str, **values: tuple[str, Any]) -> Note:
    """A note of `_explained`: in jobs, or for an NPV objective in kroner (the key's `_npv`
    variant)."""
    if request.objective not in NPV_OBJECTIVES:
        return _note(key, **values)
    priced = {
        name: ("money", value) if kind == "jobs" else (kind, value)
        for name, (kind, value) in values.items()
    }
    return _note(f"{key}_npv", **priced)


def _explained(model: _Model, result: Result) -> Result:
    data, request = model.data, model.request
    participants = np.array(result.participants, dtype="float64")
    reached = result.objective_value
    binding: list[Binding] = []

    def forgone(relaxed: Request) -> float | None:
        better = _objective_at(data, relaxed)
        return None if better is None else better - reached

    more = _objective_at(data, request.with_budget(request.budget + MILLION))
    marginal = None if more is None else max(0.0, more - reached)

    room = model.usable & (model.jobs > 0) & (participants < model.upper)
    left = request.budget - result.total_cost
    if room.any():
        # the optimum leaves nothing that would add to the objective and still fit: the
        # budget binds
        if marginal is None:  # the shares, scaled with a larger budget, cannot be met there
            note = _bind_note(request, "budget_bind_budget_only", left=("money", left))
        else:
            note = _bind_note(
                request, "budget_bind_budget", left=("money", left), marginal=("jobs", marginal)
            )
        binding.append(Binding("budget", None, marginal, note))
    else:
        binding.append(
            Binding(
                "budget",
                None,
                0.0,
                _bind_note(request, "budget_bind_all_full", left=("money", left)),
            )
        )
    for group, share in model.shares:
        relaxed = replace(
            request, min_shares=tuple((g, s) for g, s in request.min_shares if g != group)
        )
        cost = forgone(relaxed)
        if cost is not None and cost > model.noise:
            binding.append(
                Binding(
                    "share",
                    group,
                    cost,
                    _bind_note(
                        request,
                        "budget_bind_share",
                        share=("share", share),
                        group=("group", group),
                        jobs=("jobs", cost),
                    ),
                )
            )
    relaxations = [
        ("lock", replace(request, locks=())),
        ("maximum", replace(request, maxima=())),
        ("stars", replace(request, min_stars=1)),
    ]
    if model.required.any():
        relaxations.append(("mandatory", replace(request, keep_mandatory=False)))
    for kind, relaxed in relaxations:
        if relaxed == request:
            continue
        cost = forgone(relaxed)
        if cost is not None and cost > model.noise:
            binding.append(
                Binding(
                    kind,
                    None,
                    cost,
                    _bind_note(
                        request,
                        f"budget_bind_{kind}",
                        jobs=("jobs", cost),
                        stars=("count", request.min_stars),
                    ),
                )
            )
    full = (participants > 0) & (participants >= data.capacity) & (model.jobs > 0)
    if full.any():
        binding.append(
            Binding(
                "capacity",
                None,
                None,
                _note("budget_bind_capacity", names=("names", list(data.name[full]))),
            )
        )
    return replace(result, binding=tuple(binding), marginal_jobs_per_million=marginal)


# --- the frontier ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FrontierPoint:
    budget: float
    expected_jobs: float | None
    """The objective at this budget: jobs, or kroner for an NPV objective; None where no
    allocation meets the constraints at this budget. Optimal, or on a model of
    `viften.model.exact.REDUCE_FROM` interventions or more proven within `FRONTIER_GAP` of the
    optimum."""
    total_cost: float | None


FRONTIER_GAP = 1e-6
"""How close to the optimum each point of a large frontier is proven to be: a millionth, far
below what a chart or a table of the curve shows. Proving the last millionth takes HiGHS
seconds per budget at national size (a subset-sum-like search over the last few
interventions); the allocation itself is always solved to optimality."""


def frontier_budgets(budget: float, points: int = FRONTIER_POINTS) -> tuple[float, ...]:
    """From a deep cut (a tenth of the budget with 20 points) to double the budget; the budget
    itself is one of them."""
    half = max(1, points // 2)
    return tuple(budget * k / half for k in range(1, 2 * half + 1))


def frontier(
    data: Interventions, request: Request, budgets: Iterable[float] | None = None
) -> tuple[FrontierPoint, ...]:
    """The best objective each budget can reach under the request's other constraints (see
    `FrontierPoint.expected_jobs`), in the order asked. Solved from the smallest budget up,
    each solve handing its dual prices to the next (`viften.model.exact.Warm`)."""
    from viften.model.exact import REDUCE_FROM

    model = _Model.build(data, request)
    rel_gap = FRONTIER_GAP if len(data) >= REDUCE_FROM else 0.0
    asked = [
        float(b) for b in (budgets if budgets is not None else frontier_budgets(request.budget))
    ]
    # from the smallest up: each solve leaves its dual prices and dominance order to the next
    warm = exact.Warm()
    points: dict[float, FrontierPoint] = {}
    for budget in sorted(set(asked)):
        found = model.solve(budget, rel_gap, warm)
        points[budget] = (
            FrontierPoint(budget, None, None)
            if found is None
            else FrontierPoint(budget, _spend(model.jobs, found), _spend(data.price, found))
        )
    return tuple(points[budget] for budget in asked)


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
    payer_npv: tuple[float, ...] | None = None
    """Each payer's net present value (PAYERS order) where the data carry the budget case."""
    assumed_effects: int = 0
    """Interventions with participants whose extra effect is assumed from their stars."""

    def expected_jobs(self, objective: str) -> float:
        return self.gross_jobs if objective == "gross" else self.net_jobs

    def objective_value(self, objective: str) -> float | None:
        """The allocation measured as `objective` measures it (None: no budget case)."""
        if objective in NPV_OBJECTIVES:
            return None if self.payer_npv is None else self.payer_npv[PAYERS.index(objective)]
        return self.expected_jobs(objective)


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
        payer_npv=payer_npv(data, whole),
        assumed_effects=int(((whole > 0) & data.assumed).sum()),
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
    """Expected jobs (all jobs for 'gross', else extra jobs) per 1 mio. kr. spent on it; None
    if it is free or its extra effect is unknown."""
    reason: str
    """Text key: budget_why_*."""
    npv_per_krone: float | None = None
    """For an NPV objective: that NPV per participant / price; None if free or without a
    case."""
    jobs_after: float = 0.0
    """All jobs (job rate × participants) in the optimum."""
    extra_jobs_after: float | None = None
    """Extra jobs (net effect × participants) in the optimum; None without a net effect."""
    assumed: bool = False
    """The net effect is assumed from the stars (no control rate)."""

    @property
    def change(self) -> int:
        return self.after - self.before


def _reason(model: _Model, i: int, after: int, binding_shares: set[str | None]) -> str:
    """Why intervention i has the participants it has in the optimum (a budget_why_ key)."""
    data, request = model.data, model.request
    priced = request.objective in NPV_OBJECTIVES
    if model.locked[i] and after == model.lower[i]:
        return "budget_why_locked"
    if model.required[i] and after == model.lower[i]:
        return "budget_why_mandatory"
    if data.stars[i] < request.min_stars:
        return "budget_why_stars"
    if request.objective != "gross" and math.isnan(data.net_effect[i]):
        return "budget_why_no_control" if request.objective == "net" else "budget_why_no_case"
    if request.objective == "net" and not data.net_effect[i] > 0:
        return "budget_why_no_effect"
    if priced and not model.jobs[i] > 0:
        return "budget_why_npv_not_positive"
    if model.free_unbounded[i]:
        return "budget_why_free_unlimited"
    if after > 0 and after >= model.limit[i]:
        return "budget_why_full"
    if after > 0 and str(data.target_group[i]) in binding_shares:
        return "budget_why_share"
    if after > 0:
        return "budget_why_npv_value" if priced else "budget_why_value"
    return "budget_why_npv_dear" if priced else "budget_why_dear"


def moves(
    data: Interventions, result: Result, baseline: Sequence[int] | np.ndarray | None = None
) -> tuple[Move, ...]:
    """Every intervention with participants before or after, with the reason for the change."""
    model = _Model.build(data, result.request)
    request = result.request
    before = np.asarray(data.participants if baseline is None else baseline, dtype="int64")
    after = np.asarray(result.participants, dtype="int64")
    binding_shares = {b.subject for b in result.binding if b.kind == "share"}
    unknown = (
        np.isnan(data.net_effect) if request.objective != "gross" else np.zeros(len(data), bool)
    )
    jobs = data.jobs_per_participant(request.objective)
    paid = (data.price > 0) & ~unknown
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(paid, jobs / data.price * MILLION, np.nan)
        per_krone = np.where(paid, model.jobs / data.price, np.nan)
    priced = request.objective in NPV_OBJECTIVES
    out = []
    for i in np.flatnonzero((before > 0) | (after > 0)):
        out.append(
            Move(
                name=str(data.name[i]),
                target_group=str(data.target_group[i]),
                before=int(before[i]),
                after=int(after[i]),
                cost_before=float(data.price[i] * before[i]),
                cost_after=float(data.price[i] * after[i]),
                jobs_per_million=None if math.isnan(value[i]) else float(value[i]),
                reason=_reason(model, int(i), int(after[i]), binding_shares),
                npv_per_krone=None
                if not priced or math.isnan(per_krone[i])
                else float(per_krone[i]),
                jobs_after=float(data.job_rate[i] * after[i]),
                extra_jobs_after=None
                if math.isnan(data.net_effect[i])
                else float(data.net_effect[i] * after[i]),
                assumed=bool(data.assumed[i]),
            )
        )
    return tuple(out)
