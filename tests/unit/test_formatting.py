"""Numbers as Danes write them, and text made safe for Markdown."""

from __future__ import annotations

import math
from typing import Any

import pytest

from viften.present import formatting


def test_kroner_are_grouped_with_points_in_danish_and_commas_in_english() -> None:
    assert formatting.kroner(1234567) == "1.234.567 kr."
    assert formatting.kroner(1234567, "en") == "DKK 1,234,567"


def test_millions_use_a_decimal_comma_in_danish() -> None:
    assert formatting.millions(18_000_000) == "18,0 mio. kr."
    assert (
        formatting.millions(2_150_000, "en") == "DKK 2.1m"
        or formatting.millions(2_150_000, "en") == "DKK 2.2m"
    )


def test_shares_and_points() -> None:
    assert formatting.percent(0.354, decimals=1) == "35,4 %"
    assert formatting.points(0.025) == "+2,5 pct.point"
    assert formatting.points(-0.01, "en") == "−1.0 pp"


@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
def test_a_missing_figure_is_a_dash_never_nan_or_zero(missing: object) -> None:
    assert formatting.kroner(missing) == "–"
    assert formatting.percent(missing) == "–"
    assert formatting.column([missing], "kroner") == ["–"]


def test_the_fast_column_formatter_agrees_with_babel() -> None:
    values = [0, 7, 999.5, 1234, 1234567.4, 98765432.1]
    assert formatting.column(values, "kroner") == [formatting.kroner(v) for v in values]
    assert formatting.column(values, "kroner", "en") == [formatting.kroner(v, "en") for v in values]
    shares = [0, 0.1234, 0.5, 1]
    assert formatting.column(shares, "percent") == [formatting.percent(v) for v in shares]


def test_markdown_escaping_leaves_no_markup_active() -> None:
    hostile = "<img src=x onerror=alert(1)> **b** [l](javascript:x) :red[x] $x$"
    escaped = formatting.escape_markdown(hostile)
    for active in ("**", "](", ":red[", "$x$"):
        assert active not in escaped
    assert "\\<img" in escaped
    assert escaped.replace("\\", "") == hostile


def test_the_fast_column_formatter_keeps_decimals_as_asked() -> None:
    values = [0.04, 12.35, 1234.5]
    assert formatting.column(values, "number", "da", 1) == [
        formatting.number(v, "da", 1) for v in values
    ]


def test_pandas_missing_markers_are_missing_too() -> None:
    import pandas as pd

    assert formatting.is_missing(pd.NA)
    assert formatting.is_missing(pd.NaT)
    assert formatting.column(pd.array([3, None], dtype="Int64"), "number") == ["3", "–"]
    assert formatting.kroner(pd.NA) == "–"


def test_markdown_escaping_covers_every_mark_streamlit_acts_on() -> None:
    for mark in "\\`*_{}[]()#+-.!|<>~$:&=\"'^%@":
        assert formatting.escape_markdown(mark) == "\\" + mark


def test_markdown_escaping_puts_a_typed_text_on_one_line_and_shows_none_as_empty() -> None:
    assert formatting.escape_markdown("Job\nnu") == "Job nu"
    assert formatting.escape_markdown(None) == ""


@pytest.mark.parametrize(
    "written",
    [
        formatting.number(-1_375_000),
        formatting.kroner(-1_375_000),
        formatting.money(-1_800_000),
        formatting.millions(-1_800_000),
        formatting.percent(-0.12, decimals=1),
        formatting.share(-0.5),
        formatting.points(-0.009),
        formatting.signed(-3, "3"),
        *formatting.column([-1_375_000.0], "kroner"),
        *formatting.column([-0.012], "points"),
        formatting.number(-2.5, "en", 1),
        formatting.kroner(-10, "en"),
    ],
)
def test_every_negative_number_has_the_one_minus_sign_and_no_hyphen(written: str) -> None:
    assert written.startswith(formatting.MINUS) or f" {formatting.MINUS}" in written
    assert "-" not in written


def test_a_metric_delta_keeps_the_hyphen_streamlit_reads_its_direction_from() -> None:
    assert formatting.metric_delta(formatting.signed(-3, "3 job")) == "-3 job"
    assert formatting.metric_delta(formatting.signed(3, "3 job")) == "+3 job"


def test_a_money_text_ending_in_kr_ends_a_sentence_with_one_full_stop() -> None:
    assert formatting.full_stop(formatting.money(0)) == "0 kr."
    assert formatting.full_stop(formatting.money(0, "en")) == "DKK 0."


def test_a_figure_formatted_again_is_not_handed_to_babel_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[float] = []
    original = formatting.format_decimal

    def counted(value: float, **options: Any) -> str:
        calls.append(value)
        return original(value, **options)

    monkeypatch.setattr(formatting, "format_decimal", counted)
    formatting._number.cache_clear()
    assert formatting.number(1234567.25, "da", 1) == "1.234.567,2"
    assert formatting.number(1234567.25, "da", 1) == "1.234.567,2"
    assert formatting.number(1234567.25, "en", 1) == "1,234,567.2"
    assert calls == [1234567.25, 1234567.25]


def test_a_negative_that_rounds_to_nothing_is_written_without_a_sign() -> None:
    """ "−0,0" extra jobs in a table read as a loss; and the cache keeps them apart anyway."""
    formatting._number.cache_clear()
    assert formatting.number(0.0) == "0"
    assert formatting.number(-0.0) == "0"
    assert formatting.number(-0.04, "da", 1) == "0,0"
    assert formatting.number(-0.04, "en", 1) == "0.0"
    assert formatting.number(-0.06, "da", 1) == formatting.MINUS + "0,1"
