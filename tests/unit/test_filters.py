"""The shared filters in a URL: what goes out comes back, and a bad URL never empties the fan."""

from __future__ import annotations

import pytest

from viften.model import filters as flt
from viften.model.filters import Filters
from viften.present import messages


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(year=2025, target_groups=("closer",), min_stars=3),
        Filters(
            target_groups=("further", "cross"),
            effect_ratings=("high", "low"),
            provider_types=("external",),
        ),
        Filters(min_price_per_job=1_234_567.0, max_price_per_job=98_765_432.0),
        Filters(min_price_per_job=0.0, max_price_per_job=2_500.5),
        Filters(search="IPS & mentor, Aarhus"),
    ],
)
def test_filters_written_to_a_url_read_back_the_same(filters: Filters) -> None:
    filters_back, notes = flt.read_query(flt.to_query(filters))
    assert filters_back == filters
    assert notes == ()


def test_a_price_of_millions_keeps_every_digit_in_the_url() -> None:
    assert flt.to_query(Filters(min_price_per_job=1_234_567.0))["pmin"] == "1234567"


def test_the_default_view_needs_no_parameters() -> None:
    assert flt.to_query(Filters()) == {}


@pytest.mark.parametrize("written", ["", " ", "x", "ukendt,andet", ","])
def test_a_target_group_choice_that_names_none_shows_every_group_and_says_so(written: str) -> None:
    filters, notes = flt.read_query({"tg": written})
    assert filters.target_groups == flt.ALL_TARGET_GROUPS
    assert [note.key for note in notes] == ["filters_url_all_target_groups"]
    assert "alle målgrupper" in messages.render(notes[0], "da")


def test_a_target_group_choice_with_one_known_group_shows_that_group_without_a_note() -> None:
    filters, notes = flt.read_query({"tg": "nonsense,further"})
    assert filters.target_groups == ("further",)
    assert notes == ()


def test_a_reversed_price_range_in_the_url_is_turned_round_and_reported() -> None:
    filters, notes = flt.read_query({"pmin": "400000", "pmax": "100000"})
    assert (filters.min_price_per_job, filters.max_price_per_job) == (100_000.0, 400_000.0)
    assert [note.key for note in notes] == ["filters_price_range_turned"]
    assert messages.render(notes[0], "da") == (
        "Prisgrænserne stod omvendt (fra 400.000 kr. til 100.000 kr.), så de er byttet om."
    )


def test_the_old_reader_gives_the_same_filters_as_the_new_one() -> None:
    params = {"tg": "", "pmin": "9", "pmax": "3", "stars": "2"}
    assert flt.from_query(params) == flt.read_query(params)[0]


def test_a_price_range_in_order_is_left_alone() -> None:
    filters = Filters(min_price_per_job=1.0, max_price_per_job=2.0)
    assert flt.with_price_range_in_order(filters) == (filters, None)


def test_a_reversed_price_range_is_put_in_order_with_a_note() -> None:
    turned, note = flt.with_price_range_in_order(
        Filters(min_price_per_job=5.0, max_price_per_job=2.0)
    )
    assert (turned.min_price_per_job, turned.max_price_per_job) == (2.0, 5.0)
    assert note is not None and note.key == "filters_price_range_turned"


def test_an_open_ended_price_range_is_never_reversed() -> None:
    filters = Filters(min_price_per_job=5.0)
    assert flt.with_price_range_in_order(filters) == (filters, None)
