"""The figures of an outcome contract against contracts computed by hand (interface.md,
"Social investments"), and the properties every contract keeps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viften.model import effects, invest
from viften.model.errors import BadInput

R = 0.035


def contract(**changes: object) -> invest.Contract:
    """100 citizens at 50.000 kr., the investor pays 80 %: a job goal paid gross after a year
    (40 % expected, 20 % without the intervention) and an education goal paid net after two."""
    base = {
        "name": "Job til Mor",
        "citizens": 100,
        "cost_per_citizen": 50_000,
        "investor_share": 0.8,
        "discount_rate": R,
        "outcomes": [
            {"name": "Job", "payment": 40_000, "month": 12, "rate": 0.4, "baseline": 0.2},
            {
                "name": "Uddannelse",
                "payment": 20_000,
                "month": 24,
                "rate": 0.1,
                "baseline": 0.0,
                "basis": "net",
            },
        ],
    }
    base.update(changes)
    return invest.parse_contract(base)


def figures(c: invest.Contract, linked: invest.Linked | None = None) -> invest.Figures:
    return invest.compute(invest.terms(c, linked, 0.05), 2026, draws=2_000)


PV = 1_600_000 / 1.035 + 200_000 / 1.035**2


def test_a_gross_contract_has_the_figures_computed_by_hand() -> None:
    found = figures(contract())
    assert found.outlay_investor == pytest.approx(4_000_000)
    assert found.outlay_kommune == pytest.approx(1_000_000)
    assert [o.expected_payment for o in found.outcomes] == pytest.approx([1_600_000, 200_000])
    assert found.payments_expected == pytest.approx(1_800_000)
    assert found.deadweight_share == pytest.approx(800_000 / 1_800_000)
    assert found.investor_multiple == pytest.approx(0.45)
    assert found.payments_present_value == pytest.approx(PV)
    assert found.kommune_npv is None
    assert found.kommune_lowest_cash is None


def test_a_net_goal_pays_only_for_the_citizens_above_the_baseline() -> None:
    outcomes = [{"name": "Job", "payment": 40_000, "month": 12, "rate": 0.4, "baseline": 0.2}]
    gross = figures(contract(outcomes=outcomes))
    net = figures(contract(outcomes=[{**outcomes[0], "basis": "netto"}]))
    assert gross.payments_expected == pytest.approx(1_600_000)
    assert net.payments_expected == pytest.approx(800_000)
    assert gross.deadweight_share == pytest.approx(0.5)
    assert net.deadweight_share == 0
    below = figures(contract(outcomes=[{**outcomes[0], "basis": "net", "rate": 0.1}]))
    assert below.payments_expected == 0
    assert below.deadweight_share is None
    assert below.payments_present_value == 0


def test_a_binding_cap_lowers_the_payments_and_scales_their_present_value() -> None:
    found = figures(contract(cap=1_000_000))
    assert found.cap_binds
    assert found.payments_sum == pytest.approx(1_800_000)
    assert found.payments_expected == pytest.approx(1_000_000)
    assert found.investor_multiple == pytest.approx(0.25)
    assert found.payments_present_value == pytest.approx(PV / 1.8)
    assert found.deadweight_share == pytest.approx(800_000 / 1_800_000)
    loose = figures(contract(cap=5_000_000))
    assert not loose.cap_binds
    assert loose.payments_present_value == pytest.approx(PV)


def test_without_an_investor_there_is_no_multiple_and_no_chance_of_a_loss() -> None:
    found = figures(contract(investor_share=0))
    assert found.outlay_investor == 0
    assert found.outlay_kommune == pytest.approx(5_000_000)
    assert found.investor_multiple is None
    assert found.investor_loss_chance is None


LINKED = invest.Linked(
    price=50_000,
    job_rate=0.3,
    control_job_rate=0.1,
    npv_kommune=30_000,
    kommune_years=(10_000.0, 8_000.0),
)


def test_the_kommune_npv_is_its_case_savings_less_its_outlay_and_the_payments() -> None:
    found = figures(contract(), LINKED)
    assert found.kommune_savings_present_value == pytest.approx(100 * (30_000 + 50_000))
    assert found.kommune_npv == pytest.approx(8_000_000 - 1_000_000 - PV)


def test_the_break_even_payment_makes_the_kommune_npv_zero() -> None:
    found = figures(contract(), LINKED)
    job = found.outcomes[0]
    assert job.break_even_payment == pytest.approx(
        (8_000_000 - 1_000_000 - 200_000 / 1.035**2) / (100 * 0.4 / 1.035)
    )
    at_it = contract(
        outcomes=[
            {
                "name": "Job",
                "payment": job.break_even_payment,
                "month": 12,
                "rate": 0.4,
                "baseline": 0.2,
            },
            {
                "name": "Uddannelse",
                "payment": 20_000,
                "month": 24,
                "rate": 0.1,
                "baseline": 0,
                "basis": "net",
            },
        ]
    )
    assert figures(at_it, LINKED).kommune_npv == pytest.approx(0, abs=1e-6)


def test_the_lowest_cash_position_comes_when_the_payments_come_before_the_savings() -> None:
    found = figures(contract(), LINKED)
    # year 0: -1.000.000 outlay; year 1: +1.000.000 savings - 1.600.000 payments;
    # year 2: +800.000 savings - 200.000 payments
    assert [y.cash_kommune for y in found.years] == pytest.approx([-1e6, -1.6e6, -1.0e6])
    assert found.kommune_lowest_cash == pytest.approx(-1.6e6)
    assert found.kommune_lowest_cash_year == 2027
    assert [y.payments for y in found.years] == pytest.approx([0, 1.6e6, 2e5])


def test_cohorts_spread_the_outlay_and_the_payments_over_the_years() -> None:
    found = figures(contract(cohorts=[60, 40]), LINKED)
    assert [y.outlay_kommune for y in found.years] == pytest.approx([6e5, 4e5, 0, 0])
    assert [y.payments for y in found.years] == pytest.approx(
        [0, 0.6 * 1.6e6, 0.4 * 1.6e6 + 0.6 * 2e5, 0.4 * 2e5]
    )
    assert found.payments_expected == pytest.approx(1_800_000)


def test_a_case_without_an_intervention_takes_no_rate_and_a_baseline_of_0() -> None:
    bare = contract(
        outcomes=[{"name": "Job", "payment": 40_000, "month": 12}], cost_per_citizen=None
    )
    found = figures(bare)
    assert found.outlay_investor is None
    assert found.outcomes[0].expected_payment is None
    assert found.payments_expected is None
    assert found.investor_multiple is None
    assert found.kommune_npv is None
    with_rate = figures(
        contract(outcomes=[{"name": "Job", "payment": 40_000, "month": 12, "rate": 0.4}])
    )
    assert with_rate.outcomes[0].baseline == 0
    assert with_rate.deadweight_share == 0
    assert with_rate.terms.discount_rate == R


def test_the_intervention_fills_the_cost_the_rate_the_baseline_and_the_discount_rate() -> None:
    bare = invest.parse_contract(
        {"name": "x", "citizens": 10, "outcomes": [{"name": "Job", "payment": 1000, "month": 6}]}
    )
    terms = invest.terms(bare, LINKED, 0.04)
    assert terms.cost_per_citizen == 50_000
    assert terms.rates == (0.3,)
    assert terms.baselines == (0.1,)
    assert terms.discount_rate == 0.04
    assert bare.investor_share == 1.0


def test_the_chance_of_a_loss_grows_when_the_payments_barely_cover_the_outlay() -> None:
    measured = effects.effect_distributions(
        {
            "job_rate": [0.4],
            "control_job_rate": [0.2],
            "evidence_stars": [3],
            "n_treatment": [100],
            "k_treatment": [40],
            "n_control": [100],
            "k_control": [20],
        }
    )
    linked = invest.Linked(50_000, 0.4, 0.2, 30_000, (), measured)
    generous = contract(investor_share=0.2)  # outlay 1.000.000 against 1.800.000 expected
    tight = contract(investor_share=0.36)  # outlay 1.800.000: about a coin toss
    chance_generous = figures(generous, linked).investor_loss_chance
    chance_tight = figures(tight, linked).investor_loss_chance
    assert chance_generous is not None and chance_tight is not None
    assert chance_generous < 0.05
    assert 0.3 < chance_tight < 0.7
    assert figures(tight, linked).investor_loss_chance == chance_tight  # the fixed seed


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"investor_share": 1.2}, "investor_share"),
        ({"citizens": None}, "citizens"),
        ({"citizens": 2.5}, "citizens"),
        ({"name": ""}, "name"),
        ({"cap": -1}, "cap"),
        ({"year": 1999}, "year"),
        ({"outcomes": [{"name": "Job", "payment": 1, "month": 6, "rate": 2}]}, "outcomes[0].rate"),
        ({"outcomes": [{"name": "Job", "month": 6}]}, "outcomes[0].payment"),
        (
            {"outcomes": [{"name": "Job", "payment": 1, "month": 6, "basis": "x"}]},
            "outcomes[0].basis",
        ),
        ({"cohorts": [10, 10]}, "cohorts"),
        ({"funding": {"investor": 0.5}}, "funding"),
    ],
)
def test_a_bad_field_is_refused_with_its_name(changes: dict[str, object], field: str) -> None:
    with pytest.raises(BadInput) as caught:
        contract(**changes)
    message = caught.value.message
    assert not isinstance(message, str)
    assert ("field", "text", field) in message.values


def test_payments_due_follow_from_the_results_and_stop_at_the_cap() -> None:
    terms = invest.terms(contract(cap=1_000_000), None, R)
    day = dt.date(2027, 1, 1)
    due = invest.payments_due(
        terms,
        [
            invest.Result("Job", day, 50, 20),
            invest.Result("Uddannelse", day, 50, 3),
            invest.Result("Job", dt.date(2027, 7, 1), 50, 30),
            invest.Result("Ukendt", day, 50, 30),
        ],
    )
    assert [(r.outcome, d) for r, d in due] == [
        ("Job", 800_000),
        ("Uddannelse", 60_000),
        ("Ukendt", None),
        ("Job", 140_000),
    ]


@st.composite
def contracts(draw: st.DrawFn) -> dict[str, object]:
    outcomes = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "payment": st.floats(0, 1e6),
                    "month": st.integers(0, 60),
                    "rate": st.floats(0, 1),
                    "baseline": st.floats(0, 1),
                }
            ),
            max_size=4,
        )
    )
    return {
        "name": "x",
        "citizens": draw(st.integers(0, 500)),
        "cost_per_citizen": draw(st.floats(0, 1e6)),
        "investor_share": draw(st.floats(0, 1)),
        "cap": draw(st.none() | st.floats(0, 1e9)),
        "discount_rate": draw(st.floats(0, 0.2)),
        "outcomes": [{**o, "name": f"mål {i}"} for i, o in enumerate(outcomes)],
    }


def _with_basis(data: dict[str, object], basis: str) -> invest.Figures:
    outcomes = [{**o, "basis": basis} for o in data["outcomes"]]  # type: ignore[attr-defined]
    return invest.compute(
        invest.terms(invest.parse_contract({**data, "outcomes": outcomes}), None, R),
        2026,
        draws=50,
    )


@given(contracts())
def test_payments_are_never_negative(data: dict[str, object]) -> None:
    for basis in invest.BASES:
        found = _with_basis(data, basis)
        assert found.payments_expected is not None and found.payments_expected >= 0
        assert found.payments_present_value is not None and found.payments_present_value >= 0
        assert all(
            o.expected_payment is not None and o.expected_payment >= 0 for o in found.outcomes
        )
        assert all(y.payments >= 0 for y in found.years)


@given(contracts())
def test_a_net_contract_never_pays_more_than_a_gross_one(data: dict[str, object]) -> None:
    gross, net = _with_basis(data, "gross"), _with_basis(data, "net")
    assert net.payments_expected <= gross.payments_expected + 1e-6  # type: ignore[operator]
    if not gross.cap_binds:
        # a binding cap scales every payment alike (interface.md), so a net contract whose
        # early goal alone reaches the cap is worth more today than a gross one paid later
        assert net.payments_present_value <= gross.payments_present_value + 1e-6  # type: ignore[operator]
