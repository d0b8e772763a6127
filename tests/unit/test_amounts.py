"""Amounts typed as the reader writes them: `formatting.parse_amount`, the one reader."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viften.present import formatting
from viften.present.formatting import AmountError, amount_text, parse_amount


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("76.479.000", 76_479_000),
        ("76479000", 76_479_000),
        ("76 479 000", 76_479_000),
        ("1,5 mio.", 1_500_000),
        ("1,5 mio. kr.", 1_500_000),
        ("1,5 mio", 1_500_000),
        ("2 mia. kr.", 2_000_000_000),
        ("260.000 kr.", 260_000),
        ("kr. 500", 500),
        ("250 t.kr.", 250_000),
        ("94.479.000,50", 94_479_000.5),
    ],
)
def test_danish_amounts_are_read_as_danes_write_them(typed: str, value: float) -> None:
    assert parse_amount(typed, "da") == value


def test_numbers_and_shares_with_a_decimal_comma() -> None:
    assert parse_amount("0,47", "da", "number") == 0.47
    assert parse_amount("1,5", "da", "number") == 1.5
    assert parse_amount("47 %", "da", "share") == pytest.approx(0.47)
    assert parse_amount("0,47", "da", "share") == 0.47


def test_english_amounts_are_read_the_english_way() -> None:
    assert parse_amount("76,479,000", "en") == 76_479_000
    assert parse_amount("DKK 1.5m", "en") == 1_500_000
    assert parse_amount("1.5", "en", "number") == 1.5


@pytest.mark.parametrize("typed", ["syv mio", "1.5", "12.34.567", "", "1,2,3", "5 %", "<b>1</b>"])
def test_garbage_is_refused_in_danish_with_what_to_type(typed: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(typed, "da")
    assert "Skriv beløbet som fx 76.479.000" in caught.value.message


def test_a_danish_point_before_decimals_suggests_the_comma() -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount("1.5", "da", "number")
    assert "Mente du »1,5«?" in caught.value.message
    assert "komma før decimalerne" in caught.value.message


def test_limits_say_what_is_allowed() -> None:
    with pytest.raises(AmountError, match="højst 50"):
        parse_amount("51", "da", "number", least=0, most=50)
    with pytest.raises(AmountError, match="mindst 0"):
        parse_amount("−3", "da", "number", least=0)


@given(whole=st.integers(min_value=0, max_value=10**12), lang=st.sampled_from(["da", "en"]))
def test_every_amount_the_app_writes_reads_back_unchanged(whole: int, lang: str) -> None:
    assert parse_amount(formatting.kroner(whole, lang), lang) == whole
    assert parse_amount(amount_text(whole, lang), lang) == whole
    assert parse_amount(formatting.money(whole, lang), lang) == pytest.approx(whole, abs=0.5)


@given(hundredths=st.integers(min_value=0, max_value=10**9), lang=st.sampled_from(["da", "en"]))
def test_every_number_the_app_writes_reads_back_unchanged(hundredths: int, lang: str) -> None:
    value = hundredths / 100
    assert parse_amount(amount_text(value, lang, "number"), lang, "number") == pytest.approx(value)
    assert parse_amount(formatting.number(value, lang, 2), lang, "number") == pytest.approx(value)


@given(tenths=st.integers(min_value=0, max_value=10_000), lang=st.sampled_from(["da", "en"]))
def test_every_share_the_app_writes_reads_back_unchanged(tenths: int, lang: str) -> None:
    share = tenths / 1000
    assert parse_amount(amount_text(share, lang, "share"), lang, "share") == pytest.approx(share)
