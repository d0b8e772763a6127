"""The budget case against hand-computed figures and against interface.md read as plain loops."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viften.model import case as budget_case
from viften.model import domain, effects
from viften.model.assumptions import DEFAULT, Assumptions, BenefitDefault
from viften.model.errors import BadInput

A = 100_000.0
"""The benefit of the hand-computed cases: kontanthjaelp at a round 100.000 kr. a year."""


def simple(**changes: Any) -> Assumptions:
    """Round assumptions for figures computed by hand: W 300.000, t 0,5, τ 0,25, u 0,6."""
    values: dict[str, Any] = {
        "benefits": {b: A for b in DEFAULT.benefits},
        "wage": 300_000,
        "tax_rate": 0.5,
        "municipal_tax_rate": 0.25,
        "equalisation": 0.6,
        "discount_rate": 0.0,
        "horizon": 2,
        "persistence": 1.0,
        "target_group_defaults": {
            g: {"benefit": "kontanthjaelp", "weeks_on_benefit": 0}
            for g in ("closer", "further", "cross")
        },
    }
    values.update(changes)
    return DEFAULT.overridden(values)


def one(
    assumptions: Assumptions,
    price: float = 10_000.0,
    effect: float | None = 0.1,
    duration: float | None = None,
    weeks: float | None = None,
    persistence: float | None = None,
    benefit: str | None = None,
) -> budget_case.Case:
    return budget_case.compute(
        assumptions,
        [price],
        [np.nan if effect is None else effect],
        ["further"],
        [duration],
        [benefit],
        [weeks],
        [persistence],
    )


# --- the staircase --------------------------------------------------------------------------


def test_a_year_that_starts_at_the_first_week_has_the_first_three_steps() -> None:
    # weeks 1-52: 4 at 20 %, 22 at 60 %, 26 at 70 %
    share = budget_case.kommune_share([0], 1)
    assert share[0, 0] == pytest.approx((4 * 0.2 + 22 * 0.6 + 26 * 0.7) / 52)


def test_a_year_that_crosses_weeks_4_26_and_52_has_all_four_steps() -> None:
    # weeks 3-54: 3-4 at 20 %, 5-26 at 60 %, 27-52 at 70 %, 53-54 at 80 %
    share = budget_case.kommune_share([2], 2)
    assert share[0, 0] == pytest.approx((2 * 0.2 + 22 * 0.6 + 26 * 0.7 + 2 * 0.8) / 52)
    assert share[0, 1] == pytest.approx(0.8)  # weeks 55-106


def test_a_long_spell_leaves_the_kommune_80_percent() -> None:
    assert budget_case.kommune_share([52, 300], 3) == pytest.approx(np.full((2, 3), 0.8))


# --- one intervention by hand ---------------------------------------------------------------


def test_the_case_of_one_intervention_matches_the_hand_computation() -> None:
    # p 10.000, Δ 0,1, duration 1,2 weeks (2), a 0: year 1 is weeks 3-54, year 2 weeks 55-106
    found = one(simple(), duration=1.2)
    s1, s2 = (2 * 0.2 + 22 * 0.6 + 26 * 0.7 + 2 * 0.8) / 52, 0.8
    earned = 300_000 - A
    k = [A * s1 + 0.25 * 0.4 * earned, A * s2 + 0.25 * 0.4 * earned]
    state = [A * (1 - s1) + 0.25 * earned, A * (1 - s2) + 0.25 * earned]
    other = [0.25 * 0.6 * earned] * 2
    assert found.per_unit[0, 0] == pytest.approx(k)
    assert found.per_unit[1, 0] == pytest.approx(state)
    assert found.per_unit[2, 0] == pytest.approx(other)
    assert found.per_unit[3, 0] == pytest.approx([A + 0.5 * earned] * 2)
    assert found.npv[:, 0] == pytest.approx(
        [
            0.1 * sum(k) - 10_000,
            0.1 * sum(state),
            0.1 * sum(other),
            0.1 * 2 * (A + 0.5 * earned) - 10_000,
        ]
    )
    assert found.break_even_effect_kommune[0] == pytest.approx(10_000 / sum(k))
    assert found.wrong_pocket_share[0] == pytest.approx(1 - sum(k) / (2 * (A + 0.5 * earned)))
    assert found.payback_year_kommune[0] == 2  # 0,1 × k_1 ≈ 8.400 < 10.000 ≤ 0,1 × (k_1 + k_2)
    assert found.payback_year_public[0] == 1  # 0,1 × 200.000 ≥ 10.000


def test_discounting_divides_year_y_by_1_plus_r_to_the_power_y() -> None:
    found = one(simple(discount_rate=0.035, horizon=3), weeks=100)
    k = 0.8 * A + 0.25 * 0.4 * 200_000
    assert found.gain[0, 0] == pytest.approx(k / 1.035 + k / 1.035**2 + k / 1.035**3)


def test_with_persistence_0_only_the_first_year_counts() -> None:
    found = one(simple(horizon=4), persistence=0.0)
    assert found.years[3, 0] == pytest.approx([0.1 * 200_000, 0, 0, 0])


def test_with_persistence_1_every_year_counts_in_full() -> None:
    found = one(simple(horizon=4), weeks=60, persistence=1.0)
    assert found.years[0, 0] == pytest.approx([0.1 * (0.8 * A + 0.1 * 200_000)] * 4)


def test_persistence_shrinks_each_year_by_its_factor() -> None:
    found = one(simple(horizon=3), weeks=60, persistence=0.5)
    first = 0.1 * (0.8 * A + 0.1 * 200_000)
    assert found.years[0, 0] == pytest.approx([first, first / 2, first / 4])


@pytest.mark.parametrize(
    ("duration", "weeks"), [(None, 0), (np.nan, 0), (3.0, 3), (3.01, 4), (0.2, 1), (25.5, 26)]
)
def test_the_duration_is_rounded_up_to_whole_weeks(duration: float | None, weeks: int) -> None:
    assert one(simple(), duration=duration).used.duration_weeks[0] == weeks


def test_the_weeks_before_the_first_year_are_weeks_on_benefit_plus_duration() -> None:
    by_duration = one(simple(), duration=20, weeks=10)
    by_weeks = one(simple(), duration=None, weeks=30)
    assert by_duration.kommune_share == pytest.approx(by_weeks.kommune_share)


# --- inputs as used -------------------------------------------------------------------------


def test_an_intervention_without_its_own_inputs_takes_the_defaults() -> None:
    assumptions = DEFAULT.overridden(
        {
            "persistence": 0.3,
            "target_group_defaults": {
                "further": {"benefit": "sygedagpenge", "weeks_on_benefit": 40}
            },
        }
    )
    used = budget_case.used_inputs(assumptions, ["further"])
    assert (used.benefit[0], used.weeks_on_benefit[0], used.persistence[0]) == (
        "sygedagpenge",
        40,
        0.3,
    )
    assert used.benefit_amount[0] == DEFAULT.benefits["sygedagpenge"]


def test_an_intervention_with_its_own_inputs_keeps_them() -> None:
    used = budget_case.used_inputs(
        DEFAULT, ["closer"], benefit=["Førtidspension"], weeks_on_benefit=[7.0], persistence=[0.9]
    )
    assert (used.benefit[0], used.weeks_on_benefit[0], used.persistence[0]) == (
        "foertidspension",
        7,
        0.9,
    )


def test_an_unknown_benefit_is_bad_input() -> None:
    with pytest.raises(BadInput, match="løn"):
        budget_case.used_inputs(DEFAULT, ["closer"], benefit=["løn"])


def test_an_empty_text_benefit_is_no_benefit_given() -> None:
    used = budget_case.used_inputs(DEFAULT, ["closer", "cross"], benefit=["  ", None])
    assert list(used.benefit) == [
        DEFAULT.target_group_defaults["closer"].benefit,
        DEFAULT.target_group_defaults["cross"].benefit,
    ]


# --- where there is no figure ---------------------------------------------------------------


def test_without_a_net_effect_there_is_no_npv_no_payback_and_no_years() -> None:
    found = one(simple(), effect=None)
    assert np.isnan(found.npv[:, 0]).all()
    assert np.isnan(found.payback_year_kommune[0]) and np.isnan(found.payback_year_public[0])
    assert np.isnan(found.years[:, 0]).all()
    assert not np.isnan(found.break_even_effect_kommune[0])  # the gain does not need Δ


def test_a_gain_of_zero_or_less_has_no_break_even_effect_and_no_wrong_pocket_share() -> None:
    # W 0, t 1: the public gains A + (0 − A) = 0 a year; the kommune loses τ × A (90 %), more than
    # its share of the benefit (62 % and 80 %)
    found = one(simple(wage=0, tax_rate=1.0, municipal_tax_rate=0.9, equalisation=0.0))
    assert found.gain[3, 0] == 0.0
    assert found.gain[0, 0] < 0
    assert np.isnan(found.break_even_effect_kommune[0])
    assert np.isnan(found.break_even_effect_public[0])
    assert np.isnan(found.wrong_pocket_share[0])


def test_no_payback_within_the_horizon_is_none() -> None:
    found = one(simple(horizon=2), price=1_000_000.0)
    assert np.isnan(found.payback_year_kommune[0]) and np.isnan(found.payback_year_public[0])


def test_a_negative_effect_never_pays_back() -> None:
    assert np.isnan(one(simple(), effect=-0.1).payback_year_public[0])


def test_a_free_intervention_pays_back_in_the_first_year_even_without_effect() -> None:
    # Δ × Σ k ≥ p holds with 0 ≥ 0
    assert one(simple(), price=0.0, effect=0.0).payback_year_kommune[0] == 1


# --- the lines ------------------------------------------------------------------------------


def test_the_lines_add_up_to_the_years_and_discounted_to_the_npv() -> None:
    assumptions = simple(discount_rate=0.035, horizon=5, equalisation=0.7)
    found = budget_case.compute(
        assumptions,
        [20_000.0, 5_000.0, 1.0],
        [0.12, -0.02, np.nan],
        ["closer", "further", "cross"],
        [10, None, 3],
        [None, "dagpenge", None],
        [5, None, 60],
        [0.6, None, 1.0],
    )
    lines = found.lines()
    assert lines.shape == (3, 4, 3, 6)
    assert lines[:, :, :2, 1:].sum(axis=0) == pytest.approx(found.years[:, :2])
    weights = np.concatenate([[1.0], found.discount])
    assert (lines[:, :, :2] * weights).sum(axis=(0, 3)) == pytest.approx(found.npv[:, :2])
    assert lines[2, :, 0, 0] == pytest.approx([-20_000, 0, 0, -20_000])
    assert np.isnan(lines[:, :, 2]).all()


# --- the old simple business case -----------------------------------------------------------


def test_the_public_case_is_the_old_business_case_with_persistence_1_and_no_discounting() -> None:
    """With ρ = 1 and r = 0 the public gain per unit of effect is H × (A + t(W − A)): the
    kommune's share s(w), τ and u only split the gain between payers and drop out of the
    total. So the old case (net_effect × V × E / price) is the public case exactly when the
    value of a job V is A + t(W − A) and the years of effect E are the horizon H. The figures
    are chosen so that every sum is exact in floating point (A = 143.328, W − A = 200.000,
    t = 0,5: V = 243.328), so the test compares with ==."""
    horizon = 7
    assumptions = simple(
        benefits={"kontanthjaelp": 143_328},
        wage=343_328,
        tax_rate=0.5,
        municipal_tax_rate=0.375,
        equalisation=0.8125,
        horizon=horizon,
    )
    value = 143_328 + 0.5 * 200_000
    price, effect = 48_000.0, 0.125
    found = budget_case.compute(
        assumptions,
        [price] * 3,
        [effect] * 3,
        ["further", "closer", "cross"],
        [0, 30, 200],
        None,
        [0, 10, 500],
        [1.0] * 3,
    )
    ratio = domain.benefit_cost_ratio(price, effect, value, horizon)
    assert ratio is not None
    assert list((found.npv[3] + price) / price) == [ratio] * 3
    assert (
        list(found.npv[3])
        == [effects.net_result_per_participant(price, effect, value, horizon)] * 3
    )
    assert (
        list(found.break_even_effect_public)
        == [domain.break_even_effect(price, value, horizon)] * 3
    )


# --- interface.md read as plain loops ------------------------------------------------------


def staircase(week: int) -> float:
    if week <= 4:
        return 0.2
    if week <= 26:
        return 0.6
    if week <= 52:
        return 0.7
    return 0.8


def reference_case(
    a: Assumptions,
    price: float,
    effect: float | None,
    duration: float | None,
    group: str,
    benefit: str | None,
    weeks: int | None,
    persistence: float | None,
) -> dict[str, Any]:
    """The case of one intervention, straight from interface.md's text, one year at a time."""
    d = 0 if duration is None else math.ceil(duration)
    default = a.target_group_defaults[group]
    b = benefit if benefit is not None else default.benefit
    amount = a.benefits[b]
    weeks_before = weeks if weeks is not None else default.weeks_on_benefit
    rho = persistence if persistence is not None else a.persistence
    w, t, tau, u, r = a.wage, a.tax_rate, a.municipal_tax_rate, a.equalisation, a.discount_rate
    g = {"k": 0.0, "st": 0.0, "o": 0.0, "pub": 0.0}
    flows: list[dict[str, float]] = []
    for y in range(1, a.horizon + 1):
        share = sum(staircase(weeks_before + d + 52 * (y - 1) + j) for j in range(1, 53)) / 52
        k = rho ** (y - 1) * (amount * share + tau * (1 - u) * (w - amount))
        s = rho ** (y - 1) * (amount * (1 - share) + (t - tau) * (w - amount))
        o = rho ** (y - 1) * tau * u * (w - amount)
        flows.append({"k": k, "st": s, "o": o, "pub": k + s + o})
        for key in g:
            g[key] += flows[-1][key] / (1 + r) ** y

    def payback(key: str) -> int | None:
        if effect is None:
            return None
        total = 0.0
        for y, flow in enumerate(flows, start=1):
            total += flow[key] / (1 + r) ** y
            if effect * total >= price:
                return y
        return None

    return {
        "npv": None
        if effect is None
        else [
            effect * g["k"] - price,
            effect * g["st"],
            effect * g["o"],
            effect * g["pub"] - price,
        ],
        "payback": (payback("k"), payback("pub")),
        "break_even": (
            price / g["k"] if g["k"] > 0 else None,
            price / g["pub"] if g["pub"] > 0 else None,
        ),
        "wrong_pocket": 1 - g["k"] / g["pub"] if g["pub"] > 0 else None,
        "years": []
        if effect is None
        else [
            [effect * f["k"], effect * f["st"], effect * f["o"], effect * f["pub"]] for f in flows
        ],
        "used": (b, weeks_before, rho, d),
    }


def _none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def random_assumptions(rng: np.random.Generator) -> Assumptions:
    t = float(rng.uniform(0, 1))
    return DEFAULT.overridden(
        {
            "benefits": {b: float(rng.uniform(0, 300_000)) for b in DEFAULT.benefits},
            "wage": float(rng.uniform(0, 500_000)),
            "tax_rate": t,
            "municipal_tax_rate": float(rng.uniform(0, t)),
            "equalisation": float(rng.uniform(0, 1)),
            "discount_rate": float(rng.choice([0.0, rng.uniform(0, 0.1)])),
            "horizon": int(rng.integers(1, 12)),
            "persistence": float(rng.uniform(0, 1)),
            "target_group_defaults": {
                g: {
                    "benefit": str(rng.choice(list(DEFAULT.benefits))),
                    "weeks_on_benefit": int(rng.integers(0, 120)),
                }
                for g in ("closer", "further", "cross")
            },
        }
    )


@pytest.mark.parametrize("seed", range(20))
def test_the_vectorised_case_equals_interface_md_read_as_plain_loops(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = random_assumptions(rng)
    m = 40
    price = rng.choice([0.0, 1.0, 50_000.0], m) * rng.uniform(0, 4, m)
    effect = [None if rng.random() < 0.2 else float(rng.uniform(-0.1, 0.4)) for _ in range(m)]
    duration = [None if rng.random() < 0.3 else float(rng.uniform(0.1, 60)) for _ in range(m)]
    groups = [str(rng.choice(["closer", "further", "cross"])) for _ in range(m)]
    benefit = [None if rng.random() < 0.5 else str(rng.choice(list(a.benefits))) for _ in range(m)]
    weeks = [None if rng.random() < 0.5 else int(rng.integers(0, 200)) for _ in range(m)]
    rho = [
        None if rng.random() < 0.5 else float(rng.choice([0.0, 1.0, rng.uniform()]))
        for _ in range(m)
    ]
    found = budget_case.compute(
        a,
        price,
        [np.nan if e is None else e for e in effect],
        groups,
        duration,
        benefit,
        [np.nan if w is None else w for w in weeks],
        [np.nan if r is None else r for r in rho],
    )
    for i in range(m):
        expected = reference_case(
            a, float(price[i]), effect[i], duration[i], groups[i], benefit[i], weeks[i], rho[i]
        )
        npv = [_none(v) for v in found.npv[:, i]]
        if expected["npv"] is None:
            assert npv == [None] * 4
        else:
            assert npv == pytest.approx(expected["npv"], rel=1e-9, abs=1e-6)
        assert (
            _none(found.payback_year_kommune[i]),
            _none(found.payback_year_public[i]),
        ) == expected["payback"]
        for got, want in zip(
            (
                found.break_even_effect_kommune[i],
                found.break_even_effect_public[i],
                found.wrong_pocket_share[i],
            ),
            (*expected["break_even"], expected["wrong_pocket"]),
            strict=True,
        ):
            assert _none(got) == (None if want is None else pytest.approx(want, rel=1e-9))
        years = [] if math.isnan(found.net_effect[i]) else found.years[:, i].T.tolist()
        assert len(years) == len(expected["years"])
        for got_year, want_year in zip(years, expected["years"], strict=True):
            assert got_year == pytest.approx(want_year, rel=1e-9, abs=1e-6)
        used = found.used
        assert (
            used.benefit[i],
            used.weeks_on_benefit[i],
            used.persistence[i],
            used.duration_weeks[i],
        ) == expected["used"]


# --- the payer parts add up -----------------------------------------------------------------

shares = st.floats(0, 1, allow_nan=False)
money = st.floats(0, 1_000_000, allow_nan=False)


@settings(derandomize=True, database=None, max_examples=200)
@given(
    tax=shares,
    municipal_part=shares,
    equalisation=shares,
    rate=st.floats(0, 0.2),
    horizon=st.integers(1, 15),
    persistence=shares,
    benefit=money,
    wage=money,
    price=money,
    effect=st.floats(-1, 1),
    duration=st.one_of(st.none(), st.floats(0.01, 300)),
    weeks=st.integers(0, 500),
)
def test_the_payer_parts_always_add_up_to_the_public_total(
    tax: float,
    municipal_part: float,
    equalisation: float,
    rate: float,
    horizon: int,
    persistence: float,
    benefit: float,
    wage: float,
    price: float,
    effect: float,
    duration: float | None,
    weeks: int,
) -> None:
    a = DEFAULT.overridden(
        {
            "benefits": {"kontanthjaelp": benefit},
            "wage": wage,
            "tax_rate": tax,
            "municipal_tax_rate": tax * municipal_part,
            "equalisation": equalisation,
            "discount_rate": rate,
            "horizon": horizon,
            "persistence": persistence,
        }
    )
    found = budget_case.compute(
        a, [price], [effect], ["further"], [duration], ["kontanthjaelp"], [weeks]
    )
    scale = max(1.0, benefit, wage, price)
    npv = found.npv[:, 0]
    assert npv[0] + npv[1] + npv[2] == pytest.approx(npv[3], abs=1e-9 * scale * horizon)
    years = found.years[:, 0]
    assert years[0] + years[1] + years[2] == pytest.approx(years[3], abs=1e-9 * scale)
    assert found.gain[:3, 0].sum() == pytest.approx(found.gain[3, 0], abs=1e-9 * scale * horizon)


# --- uncertainty per payer ------------------------------------------------------------------


def test_a_certain_effect_gives_a_chance_of_0_or_1_and_its_own_npv_as_p10() -> None:
    found = one(simple(horizon=3), price=10_000.0, effect=0.1)
    draws = np.full((1, 50), 0.1)
    spread = budget_case.spread_from_draws(found, draws)
    assert list(spread.chance_positive[:, 0]) == [float(v > 0) for v in found.npv[:, 0]]
    assert spread.p10[:, 0] == pytest.approx(found.npv[:, 0])


def test_the_p10_is_the_npv_at_the_10th_percentile_of_the_effect() -> None:
    found = one(simple(horizon=3), price=10_000.0, effect=0.1)
    draws = np.linspace(-0.1, 0.3, 101)[None, :]
    spread = budget_case.spread_from_draws(found, draws)
    assert spread.p10[3, 0] == pytest.approx(found.gain[3, 0] * -0.06 - 10_000)
    assert spread.chance_positive[1, 0] == pytest.approx(75 / 101)  # the state: effect > 0


def test_the_draws_must_be_one_row_per_intervention() -> None:
    with pytest.raises(ValueError, match="shape"):
        budget_case.spread_from_draws(one(simple()), np.zeros((3, 10)))


def _distributions() -> tuple[effects.EffectDistributions, dict[str, Any]]:
    columns = {
        "job_rate": [0.40, 0.30, 0.55, 0.20, 0.50, 0.9],
        "control_job_rate": [0.30, None, 0.50, 0.25, 0.10, 0.2],
        "evidence_stars": [3, 2, 1, 2, 3, 1],
        "n_treatment": [0, 0, 0, 0, 12, 0],
        "k_treatment": [0, 0, 0, 0, 6, 0],
        "n_control": [0, 0, 0, 0, 10, 0],
        "k_control": [0, 0, 0, 0, 1, 0],
    }
    return effects.effect_distributions(columns), columns


def test_the_spread_of_the_distributions_is_that_of_their_common_draws() -> None:
    dist, columns = _distributions()
    effect = np.array(columns["job_rate"], dtype=float) - np.array(
        [np.nan if c is None else c for c in columns["control_job_rate"]], dtype=float
    )
    a = simple(horizon=4, wage=0.0)  # W 0: the state's and the others' gains are negative
    found = budget_case.compute(
        a, [30_000, 10_000, 2_000, 1_000, 5_000, 50_000], effect, ["further"] * 6
    )
    assert (found.gain[2] < 0).all()
    spread = budget_case.payer_spread(found, dist, draws=2_000, seed=5)
    z = np.sort(np.random.default_rng(5).standard_normal(2_000))
    normal = [0, 2, 3, 5]
    drawn = np.clip(
        dist.mean[normal, None] + dist.sd[normal, None] * z,
        dist.lower[normal, None],
        dist.upper[normal, None],
    )
    explicit = budget_case.spread_from_draws(budget_case._take(found, np.array(normal)), drawn)
    assert spread.chance_positive[:, normal] == pytest.approx(explicit.chance_positive)
    assert spread.p10[:, normal] == pytest.approx(explicit.p10, rel=1e-9)
    assert np.isnan(spread.chance_positive[:, 1]).all()  # no control rate, no distribution
    assert 0 < spread.chance_positive[0, 4] < 1  # a small sample, drawn exactly
    assert spread.p10[3, 4] < found.npv[3, 4]


def test_the_same_seed_gives_the_same_spread() -> None:
    dist, columns = _distributions()
    found = budget_case.compute(DEFAULT, [30_000] * 6, dist.mean, ["closer"] * 6)
    first = budget_case.payer_spread(found, dist, draws=500, seed=3)
    again = budget_case.payer_spread(found, dist, draws=500, seed=3)
    np.testing.assert_array_equal(first.chance_positive, again.chance_positive)
    np.testing.assert_array_equal(first.p10, again.p10)


# --- the objects of `case --json` ---------------------------------------------------------


def test_the_records_have_every_figure_of_the_interface_and_null_where_there_is_no_case() -> None:
    columns = {
        "name": ["Mentor", "Praktik"],
        "year": [2026, 2026],
        "target_group": ["closer", "further"],
        "price_per_participant": [45_000.0, 9_000.0],
        "net_effect": [0.1, np.nan],
        "duration_weeks": [12.5, np.nan],
        "municipality": ["Aarhus", None],
    }
    rows = budget_case.records(columns, DEFAULT, municipality="Randers")
    assert [r["municipality"] for r in rows] == ["Aarhus", "Randers"]
    assert set(rows[0]) == {
        "name",
        "municipality",
        "year",
        "target_group",
        "net_effect",
        "price_per_participant",
        "benefit",
        "weeks_on_benefit",
        "persistence",
        "npv_kommune",
        "npv_state",
        "npv_other_municipalities",
        "npv_public",
        "payback_year_kommune",
        "payback_year_public",
        "break_even_effect_kommune",
        "break_even_effect_public",
        "wrong_pocket_share",
        "years",
    }
    assert len(rows[0]["years"]) == DEFAULT.horizon
    assert set(rows[0]["years"][0]) == {
        "year",
        "kommune",
        "state",
        "other_municipalities",
        "public",
    }
    empty = rows[1]
    assert empty["years"] == [] and empty["net_effect"] is None
    assert all(empty[f"npv_{p}"] is None for p in budget_case.PAYERS)
    assert empty["benefit"] == DEFAULT.target_group_defaults["further"].benefit
    assert empty["break_even_effect_kommune"] is not None


def test_a_target_group_without_defaults_needs_its_own_inputs() -> None:
    partial = Assumptions(
        DEFAULT.benefits,
        DEFAULT.wage,
        DEFAULT.tax_rate,
        DEFAULT.municipal_tax_rate,
        DEFAULT.equalisation,
        DEFAULT.discount_rate,
        DEFAULT.horizon,
        DEFAULT.persistence,
        {"closer": BenefitDefault("dagpenge", 3)},
    )
    with pytest.raises(BadInput, match="further"):
        budget_case.used_inputs(partial, ["further"])
    used = budget_case.used_inputs(partial, ["further"], benefit=["dagpenge"], weeks_on_benefit=[4])
    assert used.weeks_on_benefit[0] == 4


def test_fractions_confirm_the_staircase_of_a_year_from_week_27() -> None:
    # weeks 27-78: 26 at 70 %, 26 at 80 %
    assert budget_case.kommune_share([26], 1)[0, 0] == pytest.approx(
        float(Fraction(26 * 7 + 26 * 8, 52 * 10))
    )


def test_the_p10_of_a_payer_who_loses_with_the_effect_is_taken_at_the_effect_s_p90() -> None:
    found = one(simple(horizon=3, wage=0.0), price=10_000.0, effect=0.1)
    assert found.gain[2, 0] < 0  # W 0: other kommuner lose their equalisation share
    draws = np.random.default_rng(2).normal(0.1, 0.05, (1, 999))
    spread = budget_case.spread_from_draws(found, draws)
    for payer in range(4):
        npv = found.gain[payer, 0] * draws[0] - found.cost[payer, 0]
        assert spread.p10[payer, 0] == pytest.approx(np.percentile(npv, 10), rel=1e-12)
        assert spread.chance_positive[payer, 0] == pytest.approx((npv > 0).mean())


def test_no_interventions_give_an_empty_case() -> None:
    found = budget_case.compute(DEFAULT, [], [], [])
    assert found.npv.shape == (4, 0)
    assert (
        budget_case.records(
            {
                "name": [],
                "year": [],
                "target_group": [],
                "price_per_participant": [],
                "net_effect": [],
            },
            DEFAULT,
        )
        == []
    )


def test_the_arrays_of_the_store_with_nulls_masked_give_the_same_case_as_plain_lists() -> None:
    masked = {
        "price_per_participant": np.array([10_000.0, 20_000.0]),
        "job_rate": np.array([0.4, 0.3]),
        "control_job_rate": np.ma.masked_array([0.3, 0.0], mask=[False, True]),
        "target_group": np.array(["closer", "further"]),
        "duration_weeks": np.ma.masked_array([8.0, 0.0], mask=[False, True]),
        "benefit": np.ma.masked_array(["dagpenge", ""], mask=[False, True], dtype=object),
    }
    plain = {
        "price_per_participant": [10_000.0, 20_000.0],
        "net_effect": [0.4 - 0.3, None],
        "target_group": ["closer", "further"],
        "duration_weeks": [8.0, None],
        "benefit": ["dagpenge", None],
    }
    from_store = budget_case.from_columns(masked, DEFAULT)
    from_lists = budget_case.from_columns(plain, DEFAULT)
    np.testing.assert_allclose(from_store.npv, from_lists.npv)
    assert np.isnan(from_store.npv[:, 1]).all()
    assert from_store.used.duration_weeks.tolist() == [8, 0]
