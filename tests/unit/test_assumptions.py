"""The assumptions of the budget case: defaults with sources, and the override rules."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from viften.model import assumptions as assumed
from viften.model.assumptions import DEFAULT, Assumptions, BenefitDefault
from viften.model.errors import BadInput
from viften.present.messages import error_lines


def test_the_benefit_keys_are_exactly_those_of_the_interface() -> None:
    assert set(DEFAULT.benefits) == {
        "kontanthjaelp",
        "uddannelseshjaelp",
        "sygedagpenge",
        "dagpenge",
        "ressourceforloeb",
        "foertidspension",
    }


def test_every_default_has_a_source_with_its_year() -> None:
    keys = [f"benefits.{b}" for b in assumed.BENEFITS] + [
        "wage",
        "tax_rate",
        "municipal_tax_rate",
        "equalisation",
        "discount_rate",
        "horizon",
        "persistence",
        *(f"target_group_defaults.{g}" for g in ("closer", "further", "cross")),
    ]
    for key in keys:
        source = DEFAULT.source(key)
        assert source, key
        assert re.search(r"\b20\d\d\b", source), key


@pytest.mark.parametrize(
    "key",
    [
        "wage",
        "tax_rate",
        "municipal_tax_rate",
        "equalisation",
        "persistence",
        "target_group_defaults.closer",
    ],
)
def test_an_estimate_is_called_an_estimate(key: str) -> None:
    assert (DEFAULT.source(key) or "").startswith("Skøn")


def test_the_defaults_follow_the_reference_figures() -> None:
    assert DEFAULT.benefits["kontanthjaelp"] == 11_944 * 12
    assert DEFAULT.benefits["dagpenge"] == 21_092 * 12
    assert DEFAULT.benefits["sygedagpenge"] == 4_550 * 52
    assert DEFAULT.discount_rate == 0.035
    assert set(DEFAULT.target_group_defaults) == {"closer", "further", "cross"}


def test_the_refund_staircase_is_the_law_with_its_source() -> None:
    steps = [(s.first_week, s.kommune_share) for s in assumed.REFUND_STAIRCASE]
    assert steps == [(1, 0.2), (5, 0.6), (27, 0.7), (53, 0.8)]
    assert "LBK nr. 221 af 12/02/2021" in assumed.REFUND_STAIRCASE_SOURCE
    assert "§ 5" in assumed.REFUND_STAIRCASE_SOURCE


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("kontanthjælp", "kontanthjaelp"),
        ("Kontanthjaelp", "kontanthjaelp"),
        (" uddannelseshjælp ", "uddannelseshjaelp"),
        ("førtidspension", "foertidspension"),
        ("ressourceforløb", "ressourceforloeb"),
        ("ressourceforløbsydelse", "ressourceforloeb"),
        ("DAGPENGE", "dagpenge"),
        ("sygedagpenge", "sygedagpenge"),
    ],
)
def test_a_benefit_is_read_with_or_without_danish_letters(text: str, key: str) -> None:
    assert assumed.parse_benefit(text) == key


@pytest.mark.parametrize("text", ["", "løn", "pension", None, 3])
def test_what_is_not_a_benefit_is_none(text: Any) -> None:
    assert assumed.parse_benefit(text) is None


def test_an_override_replaces_only_its_own_keys() -> None:
    changed = DEFAULT.overridden({"wage": 300_000, "horizon": 5})
    assert changed.wage == 300_000.0
    assert changed.horizon == 5
    assert changed.tax_rate == DEFAULT.tax_rate
    assert changed.benefits == DEFAULT.benefits


def test_benefits_are_overridden_entry_by_entry_and_may_be_spelt_in_danish() -> None:
    changed = DEFAULT.overridden({"benefits": {"kontanthjælp": 150_000}})
    assert changed.benefits["kontanthjaelp"] == 150_000.0
    assert changed.benefits["dagpenge"] == DEFAULT.benefits["dagpenge"]


def test_target_group_defaults_are_overridden_entry_by_entry() -> None:
    changed = DEFAULT.overridden(
        {
            "target_group_defaults": {
                "closer": {"benefit": "sygedagpenge", "weeks_on_benefit": 8},
                "further": {"weeks_on_benefit": 200},
            }
        }
    )
    assert changed.target_group_defaults["closer"] == BenefitDefault("sygedagpenge", 8)
    assert changed.target_group_defaults["further"] == BenefitDefault(
        DEFAULT.target_group_defaults["further"].benefit, 200
    )
    assert changed.target_group_defaults["cross"] == DEFAULT.target_group_defaults["cross"]


def test_an_overridden_value_without_a_source_is_sourced_to_the_file() -> None:
    changed = DEFAULT.overridden(
        {"wage": 280_000, "tax_rate": 0.5, "sources": {"tax_rate": "Finansministeriet 2024"}},
        origin="--assumptions mine.json",
    )
    assert changed.source("wage") == "--assumptions mine.json"
    assert changed.source("tax_rate") == "Finansministeriet 2024"
    assert changed.source("discount_rate") == DEFAULT.source("discount_rate")


def test_a_share_may_be_written_with_a_percent_sign() -> None:
    assert DEFAULT.overridden({"discount_rate": "3,5 %"}).discount_rate == pytest.approx(0.035)


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"wages": 1}, "wages"),
        ({"benefits": {"loen": 1}}, "benefits.loen"),
        ({"benefits": {"dagpenge": -5}}, "benefits.dagpenge"),
        ({"benefits": {"dagpenge": "many"}}, "benefits.dagpenge"),
        ({"benefits": [1, 2]}, "benefits"),
        ({"tax_rate": 1.5}, "tax_rate"),
        ({"equalisation": True}, "equalisation"),
        ({"horizon": 0}, "horizon"),
        ({"horizon": 2.5}, "horizon"),
        ({"persistence": -0.1}, "persistence"),
        ({"wage": float("nan")}, "wage"),
        ({"municipal_tax_rate": 0.6, "tax_rate": 0.5}, "municipal_tax_rate"),
        (
            {"target_group_defaults": {"nowhere": {"benefit": "dagpenge"}}},
            "target_group_defaults.nowhere",
        ),
        (
            {"target_group_defaults": {"closer": {"benefit": "løn"}}},
            "target_group_defaults.closer.benefit",
        ),
        ({"target_group_defaults": {"closer": {"weeks": 3}}}, "target_group_defaults.closer.weeks"),
        (
            {"target_group_defaults": {"closer": {"weeks_on_benefit": -1}}},
            "target_group_defaults.closer.weeks_on_benefit",
        ),
        ({"sources": {"wage": 3}}, "sources.wage"),
        ({"sources": {"salary": "x"}}, "sources.salary"),
    ],
)
def test_a_bad_override_is_bad_input_that_names_the_key(
    overrides: dict[str, Any], named: str
) -> None:
    with pytest.raises(BadInput) as raised:
        DEFAULT.overridden(overrides)
    assert named in " ".join(error_lines(raised.value, "en"))


def test_an_unknown_key_names_the_nearest_known_one() -> None:
    with pytest.raises(BadInput) as raised:
        DEFAULT.overridden({"wag": 1})
    assert "did you mean wage?" in error_lines(raised.value, "en")[0]


@pytest.mark.parametrize(
    ("overrides", "english", "danish"),
    [
        (
            {"horizon": 0},
            "assumptions: horizon must be a whole number from 1 to 100, not 0",
            "Antagelserne: Horisont skal være et helt tal fra 1 til 100, ikke 0",
        ),
        (
            {"benefits": {"dagpenge": -5}},
            "assumptions: benefits.dagpenge must be ≥ 0, not -5",
            "Antagelserne: Ydelse: dagpenge (kr. om året) skal være mindst 0, ikke -5",
        ),
        (
            {"target_group_defaults": {"closer": {"weeks_on_benefit": 2.5}}},
            "assumptions: target_group_defaults.closer.weeks_on_benefit must be a whole number "
            "from 0 to 10000, not 2.5",
            "Antagelserne: Uger på ydelse ved start for tættere på skal være et helt tal fra 0 "
            "til 10000, ikke 2.5",
        ),
        (
            {"municipal_tax_rate": 0.6, "tax_rate": 0.5},
            "assumptions: municipal_tax_rate (60 %) is the kommune's part of tax_rate (50 %) and "
            "cannot exceed it",
            "Antagelserne: Kommunens del af skatten (60 %) kan ikke være større end skatten i "
            "alt (50 %)",
        ),
    ],
)
def test_a_bad_value_reads_in_english_for_the_command_and_in_danish_for_the_app(
    overrides: dict[str, Any], english: str, danish: str
) -> None:
    with pytest.raises(BadInput) as raised:
        DEFAULT.overridden(overrides, origin="assumptions")
    assert error_lines(raised.value, "en") == [english]
    assert error_lines(raised.value, "da") == [danish]


@pytest.mark.parametrize("text", ["{", "[1, 2]", "3", b"\xff\xfe"])
def test_a_file_that_is_not_a_json_object_is_bad_input(text: str | bytes) -> None:
    with pytest.raises(BadInput, match="--assumptions"):
        assumed.parse_overrides(text)


def test_the_dict_form_is_json_and_reads_back_the_same() -> None:
    changed = DEFAULT.overridden(
        {"wage": 290_000, "benefits": {"dagpenge": 250_000}, "sources": {"wage": "mine"}}
    )
    text = json.dumps(changed.to_dict())
    assert Assumptions.from_dict(json.loads(text)) == changed


def test_the_effective_assumptions_put_the_file_over_the_stored_year() -> None:
    stored = DEFAULT.overridden({"wage": 290_000, "horizon": 4}).to_dict()
    chosen = assumed.effective(stored, {"horizon": 3})
    assert (chosen.wage, chosen.horizon) == (290_000.0, 3)
    assert assumed.effective() == DEFAULT
