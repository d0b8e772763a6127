"""The Effekt charts are readable: every line and bar has its label, the height grows with
the number of bars, and numbers are written as the reader writes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from svg_text import drawn_texts

from viften.model import effects
from viften.present import images
from viften.present.charts import effects as charts
from viften.store import views


@pytest.fixture(scope="module")
def year(demo_database: Path) -> views.YearView:
    return views.load_year(demo_database)


def svg_height(svg: str) -> float:
    found = re.search(r'<svg[^>]*?\sheight="([\d.]+)"', svg)
    assert found
    return float(found.group(1))


def tornado_bars(count: int) -> list[effects.TornadoBar]:
    return [
        effects.TornadoBar(f"effect:Indsats nummer {i}", 0.1, 0.3, -0.9 - i / 20, 0.5 + i / 10, 1.0)
        for i in range(count)
    ]


def test_the_interval_chart_labels_every_line(year: views.YearView) -> None:
    frame = year.frame.reset_index(drop=True)
    dist = effects.effect_distributions(frame)
    names = [str(n) for n in frame["name"]]
    shown = [n for n, basis in zip(names, dist.basis, strict=True) if basis != "none"]
    assert len(shown) >= 10
    svg = images.render(charts.interval_chart(names, dist, "da")).svg
    texts = drawn_texts(svg)
    assert [n for n in shown if n not in texts] == []


def test_the_interval_chart_and_the_tornado_give_each_row_a_height_of_its_own() -> None:
    spec = charts.tornado_chart(tornado_bars(3), "da", "x").to_dict()
    assert spec["height"] == {"step": charts.BAR_STEP}


@pytest.mark.parametrize("count", [1, 2, 5, 11])
def test_the_tornado_labels_every_bar(count: int) -> None:
    svg = images.render(charts.tornado_chart(tornado_bars(count), "da", "Gevinst")).svg
    texts = drawn_texts(svg)
    assert [i for i in range(count) if f"Mer-effekt: Indsats nummer {i}" not in texts] == []


def test_the_tornado_grows_with_its_bars() -> None:
    heights = [
        svg_height(images.render(charts.tornado_chart(tornado_bars(n), "da", "x")).svg)
        for n in (2, 5, 10)
    ]
    assert heights[0] < heights[1] < heights[2]
    assert heights[2] - heights[1] == pytest.approx(5 * charts.BAR_STEP, abs=1)


def test_a_danish_chart_writes_the_danish_minus_decimal_comma_and_percent() -> None:
    texts = drawn_texts(images.render(charts.tornado_chart(tornado_bars(5), "da", "x")).svg)
    assert any(re.fullmatch(r"−\d+,\d+", text) for text in texts), texts
    assert not [text for text in texts if re.fullmatch(r"-?\d+\.\d+", text)]


def test_an_english_chart_keeps_the_decimal_point() -> None:
    chart = charts.tornado_chart(tornado_bars(5), "en", "x")
    texts = drawn_texts(images.render(chart, "en").svg)
    assert any(re.fullmatch(r"−\d+\.\d+", text) for text in texts), texts


def test_a_share_axis_reads_minus_twelve_percent_the_danish_way(year: views.YearView) -> None:
    frame = year.frame.reset_index(drop=True)
    dist = effects.effect_distributions(frame)
    names = [str(n) for n in frame["name"]]
    texts = drawn_texts(images.render(charts.interval_chart(names, dist, "da")).svg)
    negative = [text for text in texts if text.startswith("−") and text.endswith("%")]
    assert negative and all(re.fullmatch("−\\d+\u00a0%", text) for text in negative), negative


def test_the_interval_charts_lines_are_ordered_by_their_effect_through_the_data(
    year: views.YearView,
) -> None:
    frame = year.frame.reset_index(drop=True)
    dist = effects.effect_distributions(frame)
    names = [str(n) for n in frame["name"]]
    spec = charts.interval_chart(names, dist, "da").to_dict()
    rows = spec["datasets"][charts.INTERVALS]
    by_rank = [row["mean"] for row in sorted(rows, key=lambda row: row["rank"])]
    assert by_rank == sorted(by_rank, reverse=True)
    assert spec["layer"][0]["encoding"]["y"]["sort"] == {"field": "rank", "op": "min"}
