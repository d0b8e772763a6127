"""Social investments: the figures of an outcome contract, for the kommune and the investor.

Why this module exists: a social investment (DSI, Den Sociale Kapitalfond, Aarhus' Rådet for
Sociale Investeringer) is a contract in which an investor pays for an intervention up front and
the kommune pays back per citizen who reaches an outcome goal. Whether that is a good deal for
the kommune depends on its own budget case (`model.case`), on how much of the payments buy
results that would have come anyway, and on when the money goes out and comes back. This module
computes every figure of `invest` exactly as interface.md ("Social investments") defines it, and
the ones the issue adds, from plain numbers: no files, no database, no words.

With N citizens, cost c per citizen, investor share f, and for each outcome i a payment P_i,
follow-up month m_i, expected rate q_i, baseline q0_i and basis (gross or net):

    outlay_investor = f N c,  outlay_kommune = (1 − f) N c
    E_i = P_i N q_i (gross) or P_i N max(0, q_i − q0_i) (net)
    payments_expected = min(Σ E_i, cap)
    deadweight_share = Σ_{gross} P_i N min(q_i, q0_i) / Σ E_i
    investor_multiple = payments_expected / outlay_investor
    payments_present_value = Σ E_i / (1 + r)^(m_i / 12) × (payments_expected / Σ E_i if capped)
    kommune_npv = N (npv_kommune + p) − outlay_kommune − payments_present_value

The figures beyond interface.md (`investor_loss_chance`, the kommune's lowest cumulative cash
position, the break-even payment per outcome, the schedule year by year) are defined at their
functions. A figure whose input is missing is None, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from viften.model import effects
from viften.model.errors import BadInput
from viften.model.messages import Message

GROSS, NET = "gross", "net"
BASES: tuple[str, ...] = (GROSS, NET)
_BASIS_ALIASES = {"gross": GROSS, "brutto": GROSS, "net": NET, "netto": NET}

STATUSES: tuple[str, ...] = ("idea", "decided", "running", "closed")
"""A stored case's status, in the order a case goes through them."""

FUNDERS: tuple[str, ...] = ("investor", "fund", "dsi")
"""Who may pay the investor's share up front (`funding`): an investor, a fund (Bikubenfonden,
Den Sociale Kapitalfond) or the state's DSI. The kommune pays the rest (its pool)."""

LOSS_DRAWS = 10_000
"""Monte Carlo draws of the investor's chance of a loss."""
LOSS_SEED = 20251023
"""The fixed seed of those draws (the day of the slides): the same contract, the same chance."""

MAX_NAME_LENGTH = 200
MONTHS_A_YEAR = 12

CONTRACT_KEYS: tuple[str, ...] = (
    "name",
    "year",
    "intervention",
    "municipality",
    "citizens",
    "cost_per_citizen",
    "investor_share",
    "outcomes",
    "cap",
    "discount_rate",
    "cohorts",
    "funding",
    "status",
    "description",
    "outlay_pool",
    "payment_pool",
)
"""The keys a contract may have: interface.md's, and what a stored case adds (cohorts per year,
the funding by payer, the status, a description, the pools the kommune's outlay and the
payments are committed against)."""
OUTCOME_KEYS: tuple[str, ...] = ("name", "payment", "month", "rate", "baseline", "basis")


# --- the contract ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """One outcome goal of the rate card."""

    name: str
    payment: float
    """P: kroner per citizen who reaches the goal."""
    month: float
    """m: the follow-up month after the start."""
    rate: float | None = None
    """q: the expected share that reaches it; None for the intervention's job rate."""
    baseline: float | None = None
    """q0: the share expected without the intervention; None for the intervention's control
    rate, else 0."""
    basis: str = GROSS
    """`gross`: paid for every citizen who reaches it; `net`: only for those above q0."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "payment": self.payment, "month": self.month}
        if self.rate is not None:
            out["rate"] = self.rate
        if self.baseline is not None:
            out["baseline"] = self.baseline
        out["basis"] = self.basis
        return out


@dataclass(frozen=True)
class Contract:
    """An outcome contract as `invest --contract` reads it (defaults not yet filled in)."""

    name: str
    citizens: int
    """N."""
    outcomes: tuple[Outcome, ...] = ()
    year: int | None = None
    """The start year; None for the newest year of the fan."""
    intervention: str | None = None
    """A name in that year's fan, whose figures fill the defaults."""
    municipality: str | None = None
    """Whose fan `intervention` is in; None for the database's own."""
    cost_per_citizen: float | None = None
    """c; None for the intervention's price."""
    investor_share: float = 1.0
    """f: the share of the cost an investor pays up front; the kommune pays the rest."""
    cap: float | None = None
    """The most all payments together may come to."""
    discount_rate: float | None = None
    """r; None for the assumption of the budget case."""
    cohorts: tuple[int, ...] | None = None
    """Citizens starting in the start year, the next, ...: they add up to N. None: all at once.
    Only the schedule year by year uses them."""
    funding: Mapping[str, float] = field(default_factory=dict)
    """Shares of the whole cost by FUNDERS; they add up to f. Empty: the investor pays it all."""
    status: str = "idea"
    description: str | None = None
    outlay_pool: str | None = None
    """The pool the kommune's outlay is committed against (Aarhus: the 48 mio. kr.)."""
    payment_pool: str | None = None
    """The pool the outcome payments are committed against (the resultatbetalingspulje)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, the one `parse_contract` reads (and the store keeps)."""
        out: dict[str, Any] = {"name": self.name}
        for key in ("year", "intervention", "municipality"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["citizens"] = self.citizens
        if self.cost_per_citizen is not None:
            out["cost_per_citizen"] = self.cost_per_citizen
        out["investor_share"] = self.investor_share
        out["outcomes"] = [o.to_dict() for o in self.outcomes]
        for key in ("cap", "discount_rate"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.cohorts is not None:
            out["cohorts"] = list(self.cohorts)
        if self.funding:
            out["funding"] = dict(self.funding)
        out["status"] = self.status
        for key in ("description", "outlay_pool", "payment_pool"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out

    def with_changes(self, **changes: Any) -> Contract:
        return replace(self, **changes)


# --- reading a contract: every problem names its field ----------------------------------------


class _Reader:
    """Checks one contract's fields; every problem is a `BadInput` that names the field."""

    def __init__(self, position: int, data: Mapping[str, Any]) -> None:
        self.position = position
        name = data.get("name")
        self.label = name if isinstance(name, str) and name.strip() else "?"

    def fail(self, key: str, field_name: str, value: Any = None) -> BadInput:
        return BadInput(
            Message.of(
                key,
                contract=("count", self.position),
                name=("quoted", self.label),
                field=("text", field_name),
                value=("quoted", "" if value is None else _shown(value)),
            )
        )

    def number(self, value: Any, field_name: str, *, low: float = 0.0) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail("invest_error_number", field_name, value)
        number = float(value)
        if not math.isfinite(number) or number < low:
            raise self.fail("invest_error_number", field_name, value)
        return number

    def share(self, value: Any, field_name: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail("invest_error_share", field_name, value)
        number = float(value)
        if not 0.0 <= number <= 1.0:
            raise self.fail("invest_error_share", field_name, value)
        return number

    def whole(self, value: Any, field_name: str, *, low: int = 0, high: int | None = None) -> int:
        wrong = "invest_error_year" if high is not None else "invest_error_whole"
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(wrong, field_name, value)
        if isinstance(value, float) and not value.is_integer():
            raise self.fail(wrong, field_name, value)
        number = int(value)
        if number < low or (high is not None and number > high):
            raise self.fail(wrong, field_name, value)
        return number

    def text(self, value: Any, field_name: str) -> str:
        if not isinstance(value, str) or not 1 <= len(value.strip()) <= MAX_NAME_LENGTH:
            raise self.fail("invest_error_text", field_name, value)
        return " ".join(value.split())


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _optional(data: Mapping[str, Any], key: str) -> Any:
    """The value of `key`, None where it is absent, null or an empty text."""
    value = data.get(key)
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def parse_outcome(reader: _Reader, index: int, data: Any) -> Outcome:
    where = f"outcomes[{index}]"
    if not isinstance(data, Mapping):
        raise reader.fail("invest_error_outcome", where, data)
    if _optional(data, "name") is None:
        raise reader.fail("invest_error_missing", f"{where}.name")
    for key in ("payment", "month"):
        if _optional(data, key) is None:
            raise reader.fail("invest_error_missing", f"{where}.{key}")
    basis_text = _optional(data, "basis")
    basis = GROSS
    if basis_text is not None:
        found = _BASIS_ALIASES.get(str(basis_text).strip().lower())
        if found is None:
            raise reader.fail("invest_error_basis", f"{where}.basis", basis_text)
        basis = found
    rate = _optional(data, "rate")
    baseline = _optional(data, "baseline")
    return Outcome(
        name=reader.text(data["name"], f"{where}.name"),
        payment=reader.number(data["payment"], f"{where}.payment"),
        month=reader.number(data["month"], f"{where}.month"),
        rate=None if rate is None else reader.share(rate, f"{where}.rate"),
        baseline=None if baseline is None else reader.share(baseline, f"{where}.baseline"),
        basis=basis,
    )


def unknown_keys(data: Mapping[str, Any]) -> list[str]:
    """The keys of a contract (and of its outcomes) that `parse_contract` does not read."""
    found = [str(k) for k in data if k not in CONTRACT_KEYS]
    for index, outcome in enumerate(data.get("outcomes") or []):
        if isinstance(outcome, Mapping):
            found += [f"outcomes[{index}].{k}" for k in outcome if k not in OUTCOME_KEYS]
    return found


def parse_contract(data: Any, position: int = 1) -> Contract:
    """A contract from its JSON form (`position`: its place in the file, from 1, for messages).

    Raises BadInput naming the field for a missing name or citizens, a share outside 0..1, a
    negative amount, a year outside 2000..2100, a basis that is neither gross nor net.
    """
    if not isinstance(data, Mapping):
        raise BadInput(Message.of("invest_error_not_object", contract=("count", position)))
    reader = _Reader(position, data)
    if _optional(data, "name") is None:
        raise reader.fail("invest_error_missing", "name")
    name = reader.text(data["name"], "name")
    if _optional(data, "citizens") is None:
        raise reader.fail("invest_error_missing", "citizens")
    citizens = reader.whole(data["citizens"], "citizens")
    outcomes_data = data.get("outcomes")
    if outcomes_data is None:
        outcomes_data = []
    if not isinstance(outcomes_data, list):
        raise reader.fail("invest_error_outcomes", "outcomes", outcomes_data)
    outcomes = tuple(parse_outcome(reader, i, o) for i, o in enumerate(outcomes_data))
    seen: set[str] = set()
    for index, outcome in enumerate(outcomes):
        if outcome.name.casefold() in seen:
            raise reader.fail("invest_error_duplicate", f"outcomes[{index}].name", outcome.name)
        seen.add(outcome.name.casefold())
    year = _optional(data, "year")
    cost = _optional(data, "cost_per_citizen")
    share = _optional(data, "investor_share")
    cap = _optional(data, "cap")
    rate = _optional(data, "discount_rate")
    intervention = _optional(data, "intervention")
    municipality = data.get("municipality")
    investor_share = 1.0 if share is None else reader.share(share, "investor_share")
    contract = Contract(
        name=name,
        citizens=citizens,
        outcomes=outcomes,
        year=None if year is None else reader.whole(year, "year", low=2000, high=2100),
        intervention=None if intervention is None else reader.text(intervention, "intervention"),
        municipality=None if municipality is None else str(municipality).strip(),
        cost_per_citizen=None if cost is None else reader.number(cost, "cost_per_citizen"),
        investor_share=investor_share,
        cap=None if cap is None else reader.number(cap, "cap"),
        discount_rate=None if rate is None else reader.number(rate, "discount_rate", low=-0.99),
        cohorts=_cohorts(reader, data.get("cohorts"), citizens),
        funding=_funding(reader, data.get("funding"), investor_share),
        status=_status(reader, data.get("status")),
        description=str(data["description"]) if _optional(data, "description") else None,
        outlay_pool=_pool(reader, data, "outlay_pool"),
        payment_pool=_pool(reader, data, "payment_pool"),
    )
    return contract


def _cohorts(reader: _Reader, value: Any, citizens: int) -> tuple[int, ...] | None:
    if value is None or value == []:
        return None
    if not isinstance(value, list):
        raise reader.fail("invest_error_cohorts", "cohorts", value)
    counts = tuple(reader.whole(v, f"cohorts[{i}]") for i, v in enumerate(value))
    if sum(counts) != citizens:
        raise reader.fail("invest_error_cohorts", "cohorts", value)
    return counts


def _funding(reader: _Reader, value: Any, investor_share: float) -> dict[str, float]:
    if value is None or value == {}:
        return {}
    if not isinstance(value, Mapping):
        raise reader.fail("invest_error_funding", "funding", value)
    shares: dict[str, float] = {}
    for key, share in value.items():
        if key not in FUNDERS:
            raise reader.fail("invest_error_funder", f"funding.{key}", key)
        shares[key] = reader.share(share, f"funding.{key}")
    if abs(math.fsum(shares.values()) - investor_share) > 1e-9:
        raise reader.fail("invest_error_funding", "funding", dict(value))
    return shares


def _pool(reader: _Reader, data: Mapping[str, Any], key: str) -> str | None:
    value = _optional(data, key)
    return None if value is None else reader.text(value, key)


def _status(reader: _Reader, value: Any) -> str:
    if value is None or value == "":
        return "idea"
    if value not in STATUSES:
        raise reader.fail("invest_error_status", "status", value)
    return str(value)


def parse_contracts(data: Any) -> list[Contract]:
    """One contract or a list of them (a file's JSON), in order."""
    items = data if isinstance(data, list) else [data]
    return [parse_contract(item, position) for position, item in enumerate(items, start=1)]


# --- what the linked intervention brings ---------------------------------------------------


@dataclass(frozen=True)
class Linked:
    """The figures of the linked intervention that fill a contract's defaults (as in `list`
    and `case`)."""

    price: float
    """p: its price per participant."""
    job_rate: float
    """Its job rate (the measured share where it has outcome records)."""
    control_job_rate: float | None
    """Its control group's job rate, None without one."""
    npv_kommune: float | None = None
    """`npv_kommune` of `case`, per participant; None without a net effect."""
    kommune_years: tuple[float, ...] = ()
    """Δ × k_y of `case` for y = 1 … H, undiscounted, per participant (empty without a net
    effect)."""
    effect: effects.EffectDistributions | None = None
    """The distribution of its net effect (`effects.effect_distributions`, one intervention)."""
    evidence_stars: int | None = None
    """Its evidence stars (1 to 3), for the portfolio's view."""

    @property
    def has_case(self) -> bool:
        return self.npv_kommune is not None and not math.isnan(self.npv_kommune)


@dataclass(frozen=True)
class Terms:
    """A contract with every default filled in: what the figures are computed from."""

    contract: Contract
    cost_per_citizen: float | None
    rates: tuple[float | None, ...]
    baselines: tuple[float, ...]
    discount_rate: float
    linked: Linked | None

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return self.contract.outcomes


def terms(contract: Contract, linked: Linked | None, assumed_discount_rate: float) -> Terms:
    """The defaults filled in: cost from the price, rate from the job rate, baseline from the
    control rate (else 0), the discount rate from the assumption."""
    cost = contract.cost_per_citizen
    if cost is None and linked is not None:
        cost = linked.price
    rates = tuple(
        o.rate if o.rate is not None else (linked.job_rate if linked is not None else None)
        for o in contract.outcomes
    )
    baselines = tuple(
        o.baseline
        if o.baseline is not None
        else (
            linked.control_job_rate
            if linked is not None and linked.control_job_rate is not None
            else 0.0
        )
        for o in contract.outcomes
    )
    rate = contract.discount_rate if contract.discount_rate is not None else assumed_discount_rate
    return Terms(contract, cost, rates, baselines, rate, linked)


# --- the figures ----------------------------------------------------------------------------


def expected_payment(
    payment: float, citizens: float, rate: float | None, baseline: float, basis: str
) -> float | None:
    """P N q (gross) or P N max(0, q − q0) (net); None without a rate."""
    if rate is None:
        return None
    reached = rate if basis == GROSS else max(0.0, rate - baseline)
    return payment * citizens * reached


def discount_factor(month: float, rate: float) -> float:
    """1 / (1 + r)^(m / 12)."""
    return float((1.0 + rate) ** (-month / MONTHS_A_YEAR))


@dataclass(frozen=True)
class OutcomeFigures:
    name: str
    payment: float
    month: float
    rate: float | None
    baseline: float
    basis: str
    expected_payment: float | None
    present_value: float | None
    """expected_payment / (1 + r)^(m / 12), before the cap's scaling."""
    deadweight: float | None
    """P N min(q, q0) for a gross outcome, 0 for a net one."""
    break_even_payment: float | None
    """The highest P at which kommune_npv is still ≥ 0, the other outcomes as they are and
    the cap left out (a cap only lowers the payments, so with it the kommune breaks even at
    least up to this); None without a case, where the outcome pays for nobody, or where the
    kommune does not break even even at 0."""


@dataclass(frozen=True)
class YearFigures:
    """One calendar year of the contract's money, undiscounted."""

    year: int
    outlay_investor: float
    outlay_kommune: float
    payments: float
    """Expected payments falling due that year (after the cap's scaling)."""
    savings_kommune: float | None
    """N Δ k_y of the cohorts in their year y (None without a case)."""
    cash_kommune: float | None
    """The kommune's cumulative cash position at the end of the year: its savings less its
    outlay and payments so far (None without a case)."""


@dataclass(frozen=True)
class Figures:
    terms: Terms
    outlay_investor: float | None
    outlay_kommune: float | None
    payments_sum: float | None
    """Σ expected_payment, before the cap."""
    payments_expected: float | None
    cap_binds: bool
    deadweight_share: float | None
    investor_multiple: float | None
    payments_present_value: float | None
    kommune_savings_present_value: float | None
    """N × (npv_kommune + p): the kommune's discounted gain from the effect (None without a
    case)."""
    kommune_npv: float | None
    investor_loss_chance: float | None
    kommune_lowest_cash: float | None
    kommune_lowest_cash_year: int | None
    outcomes: tuple[OutcomeFigures, ...]
    years: tuple[YearFigures, ...]


def _sum(values: Sequence[float | None]) -> float | None:
    return None if any(v is None for v in values) else math.fsum(v for v in values if v is not None)


def _scale(payments_sum: float | None, payments_expected: float | None) -> float:
    """payments_expected / Σ expected_payment where the cap binds, else 1."""
    if payments_sum is None or payments_expected is None or payments_sum <= 0:
        return 1.0
    return payments_expected / payments_sum if payments_expected < payments_sum else 1.0


def compute(
    terms_: Terms, start_year: int, *, draws: int = LOSS_DRAWS, seed: int = LOSS_SEED
) -> Figures:
    """Every figure of a contract (see the module docstring and interface.md)."""
    contract = terms_.contract
    n = float(contract.citizens)
    c, f, r = terms_.cost_per_citizen, contract.investor_share, terms_.discount_rate
    outlay_investor = None if c is None else f * n * c
    outlay_kommune = None if c is None else (1.0 - f) * n * c

    expected = [
        expected_payment(o.payment, n, q, q0, o.basis)
        for o, q, q0 in zip(contract.outcomes, terms_.rates, terms_.baselines, strict=True)
    ]
    present = [
        None if e is None else e * discount_factor(o.month, r)
        for o, e in zip(contract.outcomes, expected, strict=True)
    ]
    deadweight = [
        None if q is None else (o.payment * n * min(q, q0) if o.basis == GROSS else 0.0)
        for o, q, q0 in zip(contract.outcomes, terms_.rates, terms_.baselines, strict=True)
    ]
    payments_sum = _sum(expected)
    payments_expected = payments_sum
    if payments_sum is not None and contract.cap is not None:
        payments_expected = min(payments_sum, contract.cap)
    cap_binds = (
        payments_sum is not None and contract.cap is not None and contract.cap < payments_sum
    )
    dead_sum = _sum(deadweight)
    deadweight_share = (
        None
        if payments_sum is None or dead_sum is None or payments_sum == 0
        else dead_sum / payments_sum
    )
    investor_multiple = (
        None
        if payments_expected is None or not outlay_investor
        else payments_expected / outlay_investor
    )
    present_sum = _sum(present)
    scale = _scale(payments_sum, payments_expected)
    payments_pv = None if present_sum is None else present_sum * scale

    linked = terms_.linked
    savings = None
    kommune_npv = None
    if linked is not None and linked.has_case and linked.npv_kommune is not None:
        savings = n * (linked.npv_kommune + linked.price)
        if outlay_kommune is not None and payments_pv is not None:
            kommune_npv = savings - outlay_kommune - payments_pv

    outcome_figures = tuple(
        OutcomeFigures(
            name=o.name,
            payment=o.payment,
            month=o.month,
            rate=q,
            baseline=q0,
            basis=o.basis,
            expected_payment=e,
            present_value=pv,
            deadweight=d,
            break_even_payment=_break_even(i, terms_, present, savings, outlay_kommune),
        )
        for i, (o, q, q0, e, pv, d) in enumerate(
            zip(
                contract.outcomes,
                terms_.rates,
                terms_.baselines,
                expected,
                present,
                deadweight,
                strict=True,
            )
        )
    )
    years = schedule(terms_, start_year, expected, scale)
    lowest, lowest_year = lowest_cash(years)
    return Figures(
        terms=terms_,
        outlay_investor=outlay_investor,
        outlay_kommune=outlay_kommune,
        payments_sum=payments_sum,
        payments_expected=payments_expected,
        cap_binds=cap_binds,
        deadweight_share=deadweight_share,
        investor_multiple=investor_multiple,
        payments_present_value=payments_pv,
        kommune_savings_present_value=savings,
        kommune_npv=kommune_npv,
        investor_loss_chance=investor_loss_chance(terms_, outlay_investor, draws, seed),
        kommune_lowest_cash=lowest,
        kommune_lowest_cash_year=lowest_year,
        outcomes=outcome_figures,
        years=years,
    )


def _break_even(
    index: int,
    terms_: Terms,
    present: Sequence[float | None],
    savings: float | None,
    outlay_kommune: float | None,
) -> float | None:
    """P_i* = (S − outlay_kommune − Σ_{j≠i} PV_j) / (N w_i d_i), w_i the share paid for."""
    if savings is None or outlay_kommune is None:
        return None
    others = _sum([pv for j, pv in enumerate(present) if j != index])
    rate = terms_.rates[index]
    if others is None or rate is None:
        return None
    outcome = terms_.outcomes[index]
    paid_share = rate if outcome.basis == GROSS else max(0.0, rate - terms_.baselines[index])
    per_krone = (
        terms_.contract.citizens * paid_share * discount_factor(outcome.month, terms_.discount_rate)
    )
    if per_krone <= 0:
        return None
    room = savings - outlay_kommune - others
    return None if room < 0 else room / per_krone


def _cohort_sizes(contract: Contract) -> tuple[int, ...]:
    return contract.cohorts if contract.cohorts else (contract.citizens,)


def schedule(
    terms_: Terms,
    start_year: int,
    expected: Sequence[float | None] | None = None,
    scale: float = 1.0,
) -> tuple[YearFigures, ...]:
    """The contract's money year by year, undiscounted: cohort j (starting in start_year + j)
    pays its outlay in its first year, its payments for outcome i in year j + ⌊m_i / 12⌋, and
    brings the kommune its savings Δ k_y in year j + y (y = 1 … H of `case`). Empty where an
    outlay or a payment is unknown."""
    contract = terms_.contract
    c = terms_.cost_per_citizen
    if expected is None:
        expected = [
            expected_payment(o.payment, contract.citizens, q, q0, o.basis)
            for o, q, q0 in zip(contract.outcomes, terms_.rates, terms_.baselines, strict=True)
        ]
    if c is None or any(e is None for e in expected):
        return ()
    cohorts = _cohort_sizes(contract)
    n = contract.citizens
    linked = terms_.linked
    has_case = linked is not None and linked.has_case
    flows = linked.kommune_years if linked is not None and has_case else ()
    last = (
        len(cohorts)
        - 1
        + max([int(o.month // MONTHS_A_YEAR) for o in contract.outcomes] + [len(flows), 0])
    )
    investor = np.zeros(last + 1)
    kommune = np.zeros(last + 1)
    payments = np.zeros(last + 1)
    savings = np.zeros(last + 1)
    f = contract.investor_share
    for j, size in enumerate(cohorts):
        share = size / n if n else 0.0
        investor[j] += f * size * c
        kommune[j] += (1.0 - f) * size * c
        for outcome, e in zip(contract.outcomes, expected, strict=True):
            payments[j + int(outcome.month // MONTHS_A_YEAR)] += float(e or 0.0) * share * scale
        for y, flow in enumerate(flows, start=1):
            savings[j + y] += size * flow
    cash = np.cumsum(savings - kommune - payments)
    return tuple(
        YearFigures(
            year=start_year + i,
            outlay_investor=float(investor[i]),
            outlay_kommune=float(kommune[i]),
            payments=float(payments[i]),
            savings_kommune=float(savings[i]) if has_case else None,
            cash_kommune=float(cash[i]) if has_case else None,
        )
        for i in range(last + 1)
    )


def lowest_cash(years: Sequence[YearFigures]) -> tuple[float | None, int | None]:
    """The kommune's lowest cumulative cash position over the schedule and its first year
    (None without a case)."""
    known = [(y.cash_kommune, y.year) for y in years if y.cash_kommune is not None]
    if not known:
        return None, None
    value, year = min(known, key=lambda pair: (pair[0], pair[1]))
    return value, year


def investor_loss_chance(
    terms_: Terms, outlay_investor: float | None, draws: int = LOSS_DRAWS, seed: int = LOSS_SEED
) -> float | None:
    """The investor's chance that the payments (capped) come to less than its outlay.

    A Monte Carlo with a fixed seed: each draw takes one net effect Δ* from the linked
    intervention's effect distribution (its outcome counts, else its entered rates spread by
    its stars; `effects.effect_distributions`) and moves every outcome's rate by Δ* − E[Δ]
    (the intervention works better or worse for all goals at once), clipped to 0..1; then
    each goal is reached by a Binomial(N, rate) count of citizens (a small cohort is a risk
    of its own), paid gross for every one, net for those above N q0. Without a linked effect
    distribution only the cohort's Binomial spread is drawn. None where the investor pays
    nothing up front or a payment is unknown.
    """
    contract = terms_.contract
    if not outlay_investor or any(q is None for q in terms_.rates):
        return None
    rng = np.random.default_rng(seed)
    shift = np.zeros(draws)
    linked = terms_.linked
    if linked is not None and linked.effect is not None and len(linked.effect) == 1:
        mean = float(linked.effect.mean[0])
        if math.isfinite(mean):
            shift = effects.draw_effects(linked.effect, draws, rng)[:, 0] - mean
    total = np.zeros(draws)
    n = contract.citizens
    for outcome, q, q0 in zip(contract.outcomes, terms_.rates, terms_.baselines, strict=True):
        rate = np.clip(float(q or 0.0) + shift, 0.0, 1.0)
        reached = rng.binomial(n, rate).astype(np.float64)
        paid = reached if outcome.basis == GROSS else np.maximum(0.0, reached - n * q0)
        total += outcome.payment * paid
    if contract.cap is not None:
        total = np.minimum(total, contract.cap)
    return float(np.mean(total < outlay_investor * (1.0 - 1e-12)))


# --- follow-up: payments due from the results ------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One follow-up of one goal: how many citizens were followed up and how many reached it."""

    outcome: str
    follow_up: Any
    """The follow-up date (a datetime.date)."""
    citizens: int
    reached: int


def payment_due(outcome: Outcome, baseline: float, result: Result) -> float:
    """What a result triggers: P × reached (gross), P × max(0, reached − citizens × q0) (net)."""
    if outcome.basis == GROSS:
        return outcome.payment * result.reached
    return outcome.payment * max(0.0, result.reached - result.citizens * baseline)


def payments_due(terms_: Terms, results: Sequence[Result]) -> list[tuple[Result, float | None]]:
    """Each result with its payment due, in order, the cap applied cumulatively (a result that
    comes after the cap is reached triggers nothing); None for a result of an unknown goal."""
    by_name = {o.name: (o, q0) for o, q0 in zip(terms_.outcomes, terms_.baselines, strict=True)}
    paid = 0.0
    cap = terms_.contract.cap
    out: list[tuple[Result, float | None]] = []
    for result in sorted(results, key=lambda r: (r.follow_up, r.outcome)):
        found = by_name.get(result.outcome)
        if found is None:
            out.append((result, None))
            continue
        due = payment_due(found[0], found[1], result)
        if cap is not None:
            due = max(0.0, min(due, cap - paid))
        paid += due
        out.append((result, due))
    return out


# --- the JSON object of `invest` --------------------------------------------------------------


def record(figures: Figures, municipality: str, year: int) -> dict[str, Any]:
    """The object `invest --json` prints for one contract (interface.md, and the extra
    figures of the issue)."""
    terms_ = figures.terms
    contract = terms_.contract
    return {
        "name": contract.name,
        "year": year,
        "municipality": municipality,
        "intervention": contract.intervention,
        "citizens": contract.citizens,
        "cost_per_citizen": terms_.cost_per_citizen,
        "investor_share": contract.investor_share,
        "discount_rate": terms_.discount_rate,
        "cap": contract.cap,
        "outlay_investor": figures.outlay_investor,
        "outlay_kommune": figures.outlay_kommune,
        "payments_sum": figures.payments_sum,
        "payments_expected": figures.payments_expected,
        "cap_binds": figures.cap_binds,
        "deadweight_share": figures.deadweight_share,
        "investor_multiple": figures.investor_multiple,
        "payments_present_value": figures.payments_present_value,
        "kommune_savings_present_value": figures.kommune_savings_present_value,
        "kommune_npv": figures.kommune_npv,
        "investor_loss_chance": figures.investor_loss_chance,
        "kommune_lowest_cash": figures.kommune_lowest_cash,
        "kommune_lowest_cash_year": figures.kommune_lowest_cash_year,
        "outcomes": [
            {
                "name": o.name,
                "expected_payment": o.expected_payment,
                "payment": o.payment,
                "month": o.month,
                "rate": o.rate,
                "baseline": o.baseline,
                "basis": o.basis,
                "present_value": o.present_value,
                "break_even_payment": o.break_even_payment,
            }
            for o in figures.outcomes
        ],
        "years": [
            {
                "year": y.year,
                "outlay_investor": y.outlay_investor,
                "outlay_kommune": y.outlay_kommune,
                "payments": y.payments,
                "savings_kommune": y.savings_kommune,
                "cash_kommune": y.cash_kommune,
            }
            for y in figures.years
        ],
    }


# --- the portfolio and the pools --------------------------------------------------------------

COMMITTED: tuple[str, ...] = ("decided", "running", "closed")
"""The statuses whose money is committed: an idea commits nothing yet."""

DEFAULT_POOLS: tuple[tuple[str, float], ...] = (
    ("Sociale investeringer", 48_000_000.0),
    ("Resultatbetalingspulje", 27_000_000.0),
)
"""Aarhus' pools (the slides of 23 October 2025): what the pools form suggests where none are
stored."""


@dataclass(frozen=True)
class PoolFigures:
    name: str
    size: float
    committed: float
    """Everything committed against it by decided, running and closed cases (outlays for an
    outlay pool, expected payments for a payment pool; the payments due where more is due)."""
    paid: float
    """Payments due from the entered results (a payment pool)."""
    by_year: tuple[tuple[int, float], ...]
    """(year, committed that year), in order."""

    @property
    def left(self) -> float:
        return self.size - self.committed


def pool_figures(
    pools: Sequence[tuple[str, float]],
    cases: Sequence[tuple[Contract, Figures | None, float]],
) -> list[PoolFigures]:
    """Each pool's commitments year by year from the cases (contract, its figures, the payments
    due from its results so far) whose status commits money."""
    out = []
    for name, size in pools:
        by_year: dict[int, float] = {}
        paid = 0.0
        for contract, figures, due in cases:
            if contract.status not in COMMITTED or figures is None:
                continue
            if contract.outlay_pool == name:
                for y in figures.years:
                    by_year[y.year] = by_year.get(y.year, 0.0) + y.outlay_kommune
            if contract.payment_pool == name:
                paid += due
                expected = sum(y.payments for y in figures.years)
                extra = max(0.0, due - expected)  # more due than expected: it is committed too
                for y in figures.years:
                    by_year[y.year] = by_year.get(y.year, 0.0) + y.payments
                if extra and figures.years:
                    last = figures.years[-1].year
                    by_year[last] = by_year.get(last, 0.0) + extra
        years = tuple(sorted(by_year.items()))
        out.append(PoolFigures(name, size, math.fsum(v for _, v in years), paid, years))
    return out
