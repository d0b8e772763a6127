"""The budget case: who gains from an intervention, in which year, after the state's refunds.

Why this module exists: the old business case gives one figure, the same for everyone. A
kommune pays for an intervention, but much of the gain lands in the state's budget (refunds,
taxes) and, through the equalisation, in other kommuner's. This module splits the gain per
participant by payer and year, exactly as interface.md ("The budget case") defines it, for
many interventions at once: every figure is a numpy array over interventions (and years), so
15.000 interventions × 10 years take milliseconds.

With price p, net effect Δ, duration d (whole weeks, rounded up; 0 when empty), benefit
amount A, weeks on benefit a and persistence ρ, for y = 1 … H after the intervention ends:

    S_y   = (1/52) Σ_{j=1..52} s(a + d + 52(y − 1) + j)         the kommune's share that year
    k_y   = ρ^(y−1) (A S_y + τ (1 − u)(W − A))                   the kommune, per unit of effect
    st_y  = ρ^(y−1) (A (1 − S_y) + (t − τ)(W − A))               the state
    o_y   = ρ^(y−1) τ u (W − A)                                  other kommuner (equalisation)
    pub_y = k_y + st_y + o_y                                     the public purse
    g_X   = Σ_y X_y / (1 + r)^y,   npv_kommune = Δ g_k − p,  npv_public = Δ g_pub − p, …

s(w) is the refund staircase (`assumptions.REFUND_STAIRCASE`, law). Undefined figures are NaN
(None in `records`): no net effect, no case; a gain ≤ 0 has no break-even effect.

Uncertainty (`payer_spread`): each payer's NPV is linear in the effect, so the chance that it
is above 0 and its P10 follow from draws of the effect: `spread_from_draws` for any
(interventions × draws) array, `payer_spread` from `effects.EffectDistributions` with the
common random numbers of `effects.probability_pays_off` (one sorted set of standard-normal
draws scaled for every normal effect), which makes 15.000 × 10.000 draws cost milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import ArrayLike, NDArray

from viften.model import effects
from viften.model.assumptions import BENEFITS, REFUND_STAIRCASE, Assumptions, parse_benefit
from viften.model.errors import BadInput
from viften.model.messages import Message

FloatArray = NDArray[np.float64]

PAYERS: tuple[str, ...] = ("kommune", "state", "other_municipalities", "public")
"""The payers, in the order of the first axis of every per-payer array."""
KOMMUNE, STATE, OTHER, PUBLIC = range(4)

LINES: tuple[str, ...] = ("benefit", "taxes", "price")
"""The lines of a payer's case: the saved benefit, the taxes (for the kommune after the
equalisation, for other kommuner the equalisation itself), and the price."""

WEEKS_A_YEAR = 52


# --- the staircase over a year of weeks ----------------------------------------------------


def kommune_share(first_week_before: ArrayLike, horizon: int) -> FloatArray:
    """S_y for y = 1 … horizon: the mean of s(w) over weeks base + 52(y − 1) + 1 … + 52.

    `first_week_before` is a + d, the weeks on benefit before the first year begins; the
    result has shape (len, horizon). Counted exactly: the weeks of each step in the year.
    """
    base = (
        np.asarray(first_week_before, dtype=np.float64)[:, None]
        + WEEKS_A_YEAR * np.arange(horizon, dtype=np.float64)[None, :]
    )
    first, last = base + 1.0, base + WEEKS_A_YEAR
    total = np.zeros_like(base)
    bounds = [step.first_week for step in REFUND_STAIRCASE[1:]] + [math.inf]
    for step, after in zip(REFUND_STAIRCASE, bounds, strict=True):
        weeks = np.minimum(last, after - 1) - np.maximum(first, step.first_week) + 1.0
        total += step.kommune_share * np.maximum(weeks, 0.0)
    return total / WEEKS_A_YEAR


# --- the inputs, as used --------------------------------------------------------------------


def _floats(values: Any, length: int) -> FloatArray:
    """Numbers as float64, NaN for every empty cell (None, NaN, pandas' NA, "")."""
    if values is None:
        return np.full(length, np.nan)
    if isinstance(values, np.ma.MaskedArray):  # `store.intervention_arrays`: masked where NULL
        return np.ma.filled(values.astype(np.float64), np.nan).reshape(length)
    try:
        return np.asarray(values, dtype=np.float64).reshape(length)
    except (TypeError, ValueError):
        plain = [_float_or_nan(v) for v in np.asarray(values, dtype=object).reshape(length)]
        return np.array(plain, dtype=np.float64)


def _float_or_nan(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def _texts(values: Any, length: int) -> list[str | None]:
    """Texts, None for every empty cell."""
    if values is None:
        return [None] * length
    if isinstance(values, np.ma.MaskedArray):
        plain_values = np.ma.getdata(values).astype(object)
        plain_values[np.ma.getmaskarray(values)] = None
        values = plain_values
    plain = np.asarray(values, dtype=object).reshape(length)
    return [v.strip() or None if isinstance(v, str) else None for v in plain]


@dataclass(frozen=True)
class UsedInputs:
    """Each intervention's inputs as the case uses them (arrays of length m)."""

    duration_weeks: NDArray[np.int64]
    """d: the duration rounded up to whole weeks, 0 where it is empty."""
    benefit: NDArray[np.str_]
    """The benefit: the intervention's own, else its target group's default."""
    benefit_amount: FloatArray
    """A: kroner per full-time person per year of that benefit."""
    weeks_on_benefit: NDArray[np.int64]
    """a: the intervention's own weeks on benefit, else its target group's default."""
    persistence: FloatArray
    """ρ: the intervention's own, else the assumption."""


def used_inputs(
    assumptions: Assumptions,
    target_group: Sequence[Any] | ArrayLike,
    duration_weeks: ArrayLike | None = None,
    benefit: Sequence[Any] | ArrayLike | None = None,
    weeks_on_benefit: ArrayLike | None = None,
    persistence: ArrayLike | None = None,
) -> UsedInputs:
    """The inputs as used: own values where given, else defaults (interface.md).

    Raises BadInput for a benefit that is not one, or a target group without defaults
    where an intervention needs them.
    """
    groups = _texts(target_group, len(np.asarray(target_group, dtype=object)))
    length = len(groups)
    with np.errstate(invalid="ignore"):
        duration = np.ceil(np.nan_to_num(_floats(duration_weeks, length), nan=0.0))
    own_benefit = _texts(benefit, length)
    own_weeks = _floats(weeks_on_benefit, length)
    own_persistence = _floats(persistence, length)

    parsed = {text: parse_benefit(text) for text in set(own_benefit) if text is not None}
    wrong = [text for text, key in parsed.items() if key is None]
    if wrong:
        raise BadInput(
            Message.of(
                "case_bad_benefit",
                value=("quoted", sorted(wrong)[0]),
                known=("text", ", ".join(BENEFITS)),
            )
        )
    own = np.array([parsed.get(text, "") if text else "" for text in own_benefit], dtype=object)
    codes = {name: code for code, name in enumerate(dict.fromkeys(g or "" for g in groups))}
    names = list(codes)
    group_index = np.fromiter((codes[g or ""] for g in groups), dtype=np.intp, count=length)
    defaults = [assumptions.target_group_defaults.get(name) for name in names]
    needs_default = (own == "") | np.isnan(own_weeks)
    for position, default in enumerate(defaults):
        if default is None and (needs_default & (group_index == position)).any():
            raise BadInput(Message.of("case_no_group_default", group=("quoted", names[position])))
    default_benefit = np.array([d.benefit if d else "" for d in defaults], dtype=object)
    default_weeks = np.array([d.weeks_on_benefit if d else 0 for d in defaults], dtype=np.float64)
    used_benefit = np.where(own != "", own, default_benefit[group_index]) if length else own
    amounts = {name: assumptions.benefit_amount(name) for name in set(used_benefit)}
    weeks = np.where(
        np.isnan(own_weeks), default_weeks[group_index] if length else 0.0, np.rint(own_weeks)
    )
    rho = np.where(np.isnan(own_persistence), assumptions.persistence, own_persistence)
    return UsedInputs(
        duration_weeks=duration.astype(np.int64),
        benefit=used_benefit.astype(np.str_),
        benefit_amount=np.array([amounts[b] for b in used_benefit], dtype=np.float64),
        weeks_on_benefit=weeks.astype(np.int64),
        persistence=rho.astype(np.float64),
    )


# --- the case -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """The budget case of m interventions over H years, per participant."""

    price: FloatArray
    """p, shape (m,)."""
    net_effect: FloatArray
    """Δ, shape (m,): NaN where there is none (then there is no case)."""
    used: UsedInputs
    """The inputs as used."""
    kommune_share: FloatArray
    """S_y, shape (m, H)."""
    per_unit: FloatArray
    """k_y, st_y, o_y, pub_y per unit of effect, undiscounted: shape (4, m, H), PAYERS order."""
    discount: FloatArray
    """1 / (1 + r)^y for y = 1 … H, shape (H,)."""
    gain: FloatArray
    """g_kommune, g_state, g_other, g_public: shape (4, m)."""
    npv: FloatArray
    """npv_kommune, npv_state, npv_other_municipalities, npv_public: shape (4, m)."""
    payback_year_kommune: FloatArray
    """The first year the kommune's discounted gain reaches the price; NaN if none."""
    payback_year_public: FloatArray
    """The same for the public purse."""
    break_even_effect_kommune: FloatArray
    """p / g_kommune; NaN where g_kommune ≤ 0."""
    break_even_effect_public: FloatArray
    """p / g_public; NaN where g_public ≤ 0."""
    wrong_pocket_share: FloatArray
    """1 − g_kommune / g_public; NaN where g_public ≤ 0."""
    assumptions: Assumptions
    """The assumptions the case was computed with."""

    @property
    def horizon(self) -> int:
        return int(self.discount.shape[0])

    @property
    def cost(self) -> FloatArray:
        """What each payer pays up front, shape (4, m): the price for the kommune and the
        public purse, nothing for the state and other kommuner."""
        zero = np.zeros_like(self.price)
        return np.stack([self.price, zero, zero, self.price])

    @property
    def years(self) -> FloatArray:
        """Δ × k_y, Δ × st_y, Δ × o_y, Δ × pub_y, undiscounted: shape (4, m, H)."""
        return self.net_effect[None, :, None] * self.per_unit

    def lines(self) -> FloatArray:
        """Each payer's case by line and year, undiscounted: shape (3, 4, m, H + 1).

        Axis 0 is LINES (benefit, taxes, price), axis 1 PAYERS, axis 3 the year from 0 (the
        price, paid before the first year) to H. The lines of years 1 … H add up to `years`;
        discounted, all of them add up to `npv`. NaN where there is no net effect.
        """
        assumptions = self.assumptions
        u, t, tau, w = (
            assumptions.equalisation,
            assumptions.tax_rate,
            assumptions.municipal_tax_rate,
            assumptions.wage,
        )
        amount = self.used.benefit_amount[:, None]
        decay = _decay(self.used.persistence, self.horizon)
        effect = self.net_effect[:, None]
        earned = effect * decay * (w - amount)
        benefit = np.stack(
            [
                effect * decay * amount * self.kommune_share,
                effect * decay * amount * (1.0 - self.kommune_share),
                np.zeros_like(earned),
            ]
        )
        taxes = np.stack([earned * tau * (1.0 - u), earned * (t - tau), earned * tau * u])
        benefit = np.concatenate([benefit, benefit.sum(axis=0, keepdims=True)])
        taxes = np.concatenate([taxes, taxes.sum(axis=0, keepdims=True)])
        out = np.zeros((len(LINES), len(PAYERS), len(self.price), self.horizon + 1))
        out[0, :, :, 1:] = benefit
        out[1, :, :, 1:] = taxes
        out[2, :, :, 0] = -self.cost
        return np.where(np.isnan(self.net_effect)[None, None, :, None], np.nan, out)


def _decay(persistence: FloatArray, horizon: int) -> FloatArray:
    """ρ^(y − 1) for y = 1 … H, shape (m, H); 0^0 is 1 (the whole effect in year 1)."""
    return np.power(persistence[:, None], np.arange(horizon, dtype=np.float64)[None, :])


def _payback(flows: FloatArray, effect: FloatArray, price: FloatArray) -> FloatArray:
    """The smallest y with Δ × Σ_{i≤y} flows_i ≥ p (flows discounted); NaN if none."""
    reached = effect[:, None] * np.cumsum(flows, axis=1) >= price[:, None]
    first = np.argmax(reached, axis=1).astype(np.float64) + 1.0
    return np.where(reached.any(axis=1), first, np.nan)


def compute(
    assumptions: Assumptions,
    price: ArrayLike,
    net_effect: ArrayLike,
    target_group: Sequence[Any] | ArrayLike,
    duration_weeks: ArrayLike | None = None,
    benefit: Sequence[Any] | ArrayLike | None = None,
    weeks_on_benefit: ArrayLike | None = None,
    persistence: ArrayLike | None = None,
) -> Case:
    """The case of every intervention at once (see the module docstring for the formulas).

    Empty cells are NaN or None: an empty duration is 0 weeks; an empty benefit, weeks on
    benefit or persistence takes the target group's default or the assumption.
    """
    used = used_inputs(
        assumptions, target_group, duration_weeks, benefit, weeks_on_benefit, persistence
    )
    length = len(used.benefit)
    price_arr = _floats(price, length)
    effect = _floats(net_effect, length)
    horizon = assumptions.horizon
    share = kommune_share(used.weeks_on_benefit + used.duration_weeks, horizon)
    decay = _decay(used.persistence, horizon)
    t, tau, u = assumptions.tax_rate, assumptions.municipal_tax_rate, assumptions.equalisation
    amount = used.benefit_amount[:, None]
    earned = assumptions.wage - amount
    kommune = decay * (amount * share + tau * (1.0 - u) * earned)
    state = decay * (amount * (1.0 - share) + (t - tau) * earned)
    other = decay * (tau * u * earned)
    # pub_y = k_y + st_y + o_y = ρ^(y−1) (A + t (W − A)), taken in its short form: it is exactly
    # 0 where it should be (t = 1 and W = 0), so "null where g_public ≤ 0" does not hang on
    # rounding
    public = decay * (amount + t * earned)
    per_unit = np.stack([kommune, state, other, public])
    discount = (1.0 + assumptions.discount_rate) ** -np.arange(1, horizon + 1, dtype=np.float64)
    discounted = per_unit * discount
    gain = discounted.sum(axis=2)
    zero = np.zeros(length)
    cost = np.stack([price_arr, zero, zero, price_arr])
    npv = effect * gain - cost
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        break_even_kommune = np.where(gain[KOMMUNE] > 0, price_arr / gain[KOMMUNE], np.nan)
        break_even_public = np.where(gain[PUBLIC] > 0, price_arr / gain[PUBLIC], np.nan)
        wrong_pocket = np.where(gain[PUBLIC] > 0, 1.0 - gain[KOMMUNE] / gain[PUBLIC], np.nan)
    missing = np.isnan(effect)
    return Case(
        price=price_arr,
        net_effect=effect,
        used=used,
        kommune_share=share,
        per_unit=per_unit,
        discount=discount,
        gain=gain,
        npv=np.where(missing, np.nan, npv),
        payback_year_kommune=np.where(
            missing, np.nan, _payback(discounted[KOMMUNE], effect, price_arr)
        ),
        payback_year_public=np.where(
            missing, np.nan, _payback(discounted[PUBLIC], effect, price_arr)
        ),
        break_even_effect_kommune=break_even_kommune,
        break_even_effect_public=break_even_public,
        wrong_pocket_share=wrong_pocket,
        assumptions=assumptions,
    )


class Columns(Protocol):
    """A table by column name: a pandas DataFrame, `store.intervention_arrays`, a dict."""

    def __getitem__(self, name: str, /) -> Any: ...

    def __contains__(self, name: object, /) -> bool: ...


OPTIONAL_COLUMNS: tuple[str, ...] = ("duration_weeks", "benefit", "weeks_on_benefit", "persistence")
"""Columns a table may lack; a missing one is empty for every intervention."""


def from_columns(columns: Columns, assumptions: Assumptions) -> Case:
    """The case of a table: price_per_participant, target_group, net_effect (else job_rate
    and control_job_rate) and the OPTIONAL_COLUMNS where it has them: a pandas DataFrame,
    `store.intervention_arrays` (masked where NULL) or a dict of sequences."""
    optional = {name: columns[name] if name in columns else None for name in OPTIONAL_COLUMNS}
    price = columns["price_per_participant"]
    length = len(price)
    if "net_effect" in columns:
        effect = _floats(columns["net_effect"], length)
    else:
        effect = _floats(columns["job_rate"], length) - _floats(columns["control_job_rate"], length)
    return compute(assumptions, price, effect, columns["target_group"], **optional)


# --- an allocation's case -------------------------------------------------------------------


def allocation_npv(npv: FloatArray, participants: ArrayLike) -> FloatArray:
    """Each payer's net present value of an allocation, shape (4,) in PAYERS order:
    participants × NPV per participant, summed (exactly, `math.fsum`); an intervention
    without a case (NaN) counts 0. The budget page, the case page and the deck all sum an
    allocation's case here."""
    counts = np.nan_to_num(np.asarray(participants, dtype=np.float64), nan=0.0)
    chosen = counts > 0
    values = np.where(np.isnan(npv[:, chosen]), 0.0, npv[:, chosen])
    return np.array([math.fsum((row * counts[chosen]).tolist()) for row in values])


# --- the case as interface.md prints it ---------------------------------------------------


def _plain(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _year_number(value: float) -> int | None:
    return None if math.isnan(value) else int(value)


def records(
    columns: Columns, assumptions: Assumptions, municipality: str = ""
) -> list[dict[str, Any]]:
    """One JSON-able object per intervention, as `case --json` prints it (interface.md).

    `columns` also needs name and year; a `municipality` column where it has one, else (and
    where a cell is empty) `municipality`, the database's own.
    """
    case = from_columns(columns, assumptions)
    length = len(case.price)
    names = np.asarray(columns["name"], dtype=object).reshape(length)
    years = np.asarray(columns["year"], dtype=object).reshape(length)
    groups = np.asarray(columns["target_group"], dtype=object).reshape(length)
    places = _texts(columns["municipality"] if "municipality" in columns else None, length)
    flows = case.years
    out: list[dict[str, Any]] = []
    for i in range(length):
        has_case = not math.isnan(case.net_effect[i])
        out.append(
            {
                "name": str(names[i]),
                "municipality": places[i] or municipality,
                "year": int(years[i]),
                "target_group": str(groups[i]),
                "net_effect": _plain(case.net_effect[i]),
                "price_per_participant": float(case.price[i]),
                "benefit": str(case.used.benefit[i]),
                "weeks_on_benefit": int(case.used.weeks_on_benefit[i]),
                "persistence": float(case.used.persistence[i]),
                **{f"npv_{payer}": _plain(case.npv[p, i]) for p, payer in enumerate(PAYERS)},
                "payback_year_kommune": _year_number(case.payback_year_kommune[i]),
                "payback_year_public": _year_number(case.payback_year_public[i]),
                "break_even_effect_kommune": _plain(case.break_even_effect_kommune[i]),
                "break_even_effect_public": _plain(case.break_even_effect_public[i]),
                "wrong_pocket_share": _plain(case.wrong_pocket_share[i]),
                "years": [
                    {
                        "year": y + 1,
                        **{payer: float(flows[p, i, y]) for p, payer in enumerate(PAYERS)},
                    }
                    for y in range(case.horizon)
                ]
                if has_case
                else [],
            }
        )
    return out


# --- uncertainty per payer ------------------------------------------------------------------

CAUTIOUS_PERCENTILE = 10.0
"""The cautious figure: nine times in ten the NPV is at least this."""


@dataclass(frozen=True)
class PayerSpread:
    """Each payer's NPV under the uncertainty of the effect (arrays of shape (4, m))."""

    chance_positive: FloatArray
    """The share of draws in which the payer's NPV is above 0; NaN without a distribution."""
    p10: FloatArray
    """The 10th percentile of the payer's NPV over the draws."""
    draws: int
    """How many draws of each effect."""


def spread_from_draws(case: Case, effect_draws: ArrayLike) -> PayerSpread:
    """The spread from explicit draws of each net effect: shape (interventions, draws).

    (`effects.draw_effects` gives (draws, interventions): pass its transpose.) A row of NaN
    (no distribution) gives NaN.
    """
    draws = np.asarray(effect_draws, dtype=np.float64)
    if draws.ndim != 2 or draws.shape[0] != len(case.price):
        raise ValueError(
            f"effect_draws must have shape ({len(case.price)}, draws), not {draws.shape}"
        )
    missing = np.isnan(draws).any(axis=1)
    chance, p10 = _drawn_spread(case.gain, case.cost, draws)
    chance[:, missing] = np.nan
    p10[:, missing] = np.nan
    return PayerSpread(chance, p10, int(draws.shape[1]))


def _drawn_spread(
    gain: FloatArray, cost: FloatArray, draws: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """The chance that gain × effect > cost and the P10 of gain × effect − cost per payer,
    from (interventions, draws) draws of the effect: each payer's NPV is above 0 exactly
    where the effect is on the right side of cost ÷ gain."""
    chance = np.empty((len(PAYERS), draws.shape[0]))
    for payer in range(len(PAYERS)):
        chance[payer] = (gain[payer][:, None] * draws > cost[payer][:, None]).mean(axis=1)
    low, high = np.percentile(draws, [CAUTIOUS_PERCENTILE, 100.0 - CAUTIOUS_PERCENTILE], axis=1)
    return chance, _cautious_npv(gain, cost, low[None], high[None])


def _cautious_npv(
    gain: FloatArray, cost: FloatArray, low_effect: FloatArray, high_effect: FloatArray
) -> FloatArray:
    """The P10 of gain × effect − cost from the effect's P10 and P90: an NPV that grows with
    the effect is at its P10 at the effect's P10, one that shrinks at the effect's P90. With
    linear interpolation between draws this is exactly the P10 of the NPV's own draws."""
    return np.where(gain >= 0, gain * low_effect, gain * high_effect) - cost


def payer_spread(
    case: Case,
    dist: effects.EffectDistributions,
    draws: int = effects.DRAWS,
    seed: int | np.random.Generator | None = None,
) -> PayerSpread:
    """The spread from the effect distributions of `effects.effect_distributions`.

    A normal effect i is drawn as clip(mean_i + sd_i z, lower_i, upper_i) with one sorted
    set z of standard-normal draws shared by all (common random numbers, as in
    `effects.probability_pays_off`): the same figures as `spread_from_draws` on those draws,
    computed by a binary search per intervention and payer instead of m × draws values.
    Effects drawn exactly (small samples: two Beta posteriors) are drawn at once by
    `effects.beta_difference_draws`, each distinct posterior once, from the same generator.
    They are not approximated by a normal: a small sample's posterior is skewed where the
    cautious P10 lies (2 of 10 in job against 0 of 10: the effect's P10 is +2,6 points drawn
    exactly, +0,9 as a normal with the same mean and sd).
    """
    rng = np.random.default_rng(seed)
    z = np.sort(rng.standard_normal(draws))
    cost = case.cost
    gain = case.gain
    mean, sd, lower, upper = dist.mean[None], dist.sd[None], dist.lower[None], dist.upper[None]
    with np.errstate(divide="ignore", invalid="ignore"):
        threshold = cost / gain
        standard = (threshold - mean) / sd
    above = (draws - np.searchsorted(z, standard.ravel(), side="right")).reshape(gain.shape)
    below = np.searchsorted(z, standard.ravel(), side="left").reshape(gain.shape)
    with np.errstate(invalid="ignore"):
        chance_up = np.where(
            threshold >= upper, 0.0, np.where(threshold < lower, 1.0, above / draws)
        )
        chance_down = np.where(
            threshold <= lower, 0.0, np.where(threshold > upper, 1.0, below / draws)
        )
    chance = np.select(
        [gain > 0, gain < 0], [chance_up, chance_down], (-cost > 0).astype(np.float64)
    )
    low_z, high_z = np.percentile(z, [CAUTIOUS_PERCENTILE, 100.0 - CAUTIOUS_PERCENTILE])
    p10 = _cautious_npv(
        gain,
        cost,
        np.clip(mean + sd * low_z, lower, upper),
        np.clip(mean + sd * high_z, lower, upper),
    )
    none = np.isnan(dist.mean)
    chance[:, none] = np.nan
    p10[:, none] = np.nan
    if dist.exact.any():
        # a difference of two shares lies in [-1, 1], the bounds of a measured effect: no clip
        exact = np.flatnonzero(dist.exact)
        step = max(1, effects.CHUNK_CELLS // max(draws, 1))  # bounds the memory of the draws
        for start in range(0, exact.size, step):
            part = exact[start : start + step]
            drawn = effects.beta_difference_draws(dist.beta[:, part], draws, rng)
            chance[:, part], p10[:, part] = _drawn_spread(gain[:, part], cost[:, part], drawn)
    return PayerSpread(chance, p10, draws)


def _take(case: Case, index: NDArray[np.intp]) -> Case:
    """The case of some interventions only (enough of it for the spread)."""
    used = case.used
    return Case(
        case.price[index],
        case.net_effect[index],
        UsedInputs(
            used.duration_weeks[index],
            used.benefit[index],
            used.benefit_amount[index],
            used.weeks_on_benefit[index],
            used.persistence[index],
        ),
        case.kommune_share[index],
        case.per_unit[:, index],
        case.discount,
        case.gain[:, index],
        case.npv[:, index],
        case.payback_year_kommune[index],
        case.payback_year_public[index],
        case.break_even_effect_kommune[index],
        case.break_even_effect_public[index],
        case.wrong_pocket_share[index],
        case.assumptions,
    )
