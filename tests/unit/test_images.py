"""Chart images: the fan matrix drawn offline by vl-convert as PNG, SVG and PDF, opened and read."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from PIL import Image

from viften.model import domain
from viften.present import images
from viften.present.charts.fan import fan_spec

HOSTILE = '<b>x</b> & "quotes"'
NAMES = (HOSTILE, "Løntilskud æøå", "Mentor {year}", "IPS", "Jobrettede samtaler")
SVG = "{http://www.w3.org/2000/svg}"


def interventions(names: tuple[str, ...] = NAMES) -> pd.DataFrame:
    """A derived interventions table, as `figures.load_year` gives it, without a database."""
    groups = ("closer", "further", "cross")
    ratings = ("high", "medium", "low")
    rows = [
        {
            "name": name,
            "year": 2026,
            "target_group": groups[i % 3],
            "provider": None,
            "provider_type": None,
            "price_per_participant": 20_000.0 * (i + 1),
            "capacity": None,
            "participants": 10,
            "job_rate": 0.3 + 0.05 * i,
            "control_job_rate": 0.25 if i % 2 == 0 else None,
            "evidence_stars": 1 + i % 3,
            "effect_rating": ratings[i % 3],
            "duration_weeks": None,
            "description": None,
            "source": None,
        }
        for i, name in enumerate(names)
    ]
    frame = pd.DataFrame(rows)
    frame["control_job_rate"] = frame["control_job_rate"].astype("float64")
    return domain.derive(frame)


@pytest.fixture(scope="module")
def rendered() -> images.Rendered:
    return images.render(fan_spec(interventions()))


@pytest.fixture(scope="module")
def png(rendered: images.Rendered) -> bytes:
    return rendered.png()


def texts_in(svg: str) -> set[str]:
    """Every text element's words, its lines joined (a word cut with '-' joined again)."""
    found = set()
    for element in ET.fromstring(svg).iter(f"{SVG}text"):
        lines = [part.strip() for part in element.itertext() if part.strip()]
        joined = ""
        for line in lines:
            if joined.endswith("-"):
                joined = joined[:-1] + line
            else:
                joined = f"{joined} {line}" if joined else line
        found.add(joined)
    return found


def test_the_png_is_at_least_1600_pixels_wide(png: bytes) -> None:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as picture:
        assert picture.width >= images.MIN_PNG_WIDTH
        assert picture.height > 400
        # a white background, not a transparent one that turns black in some slide programs
        assert picture.convert("RGB").getpixel((2, 2)) == (255, 255, 255)


def test_a_wider_png_can_be_asked_for(rendered: images.Rendered) -> None:
    with Image.open(io.BytesIO(rendered.png(3000))) as picture:
        assert picture.width >= 3000


def test_every_name_is_a_text_node_of_the_svg(rendered: images.Rendered) -> None:
    texts = texts_in(rendered.svg)
    assert [name for name in NAMES if name not in texts] == []


def test_a_name_with_markup_stays_text_in_the_svg(rendered: images.Rendered) -> None:
    root = ET.fromstring(rendered.svg)
    assert not [e for e in root.iter() if e.tag in ("b", f"{SVG}b")], "a name became markup"
    assert "<b>x</b>" not in rendered.svg
    assert "&lt;b&gt;x&lt;/b&gt; &amp;" in rendered.svg


def test_the_pdf_is_a_pdf(rendered: images.Rendered) -> None:
    pdf = rendered.pdf()
    assert pdf.startswith(b"%PDF-")
    assert b"%%EOF" in pdf[-64:]


def test_chart_bytes_gives_each_format() -> None:
    spec = fan_spec(interventions(("IPS", "Mentor")))
    assert images.chart_bytes(spec, "svg").startswith(b"<svg")
    with pytest.raises(ValueError, match="png, svg, pdf"):
        images.chart_bytes(spec, "gif")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("fan.PNG", "png"),
        ("a/b/fan.svg", "svg"),
        ("fan.pdf", "pdf"),
        ("fan.jpg", None),
        ("fan", None),
        ("fan.png.txt", None),
    ],
)
def test_the_format_comes_from_the_suffix(name: str, expected: str | None) -> None:
    assert images.image_format(name) == expected


def test_a_chart_sized_to_its_container_gets_a_size_on_paper() -> None:
    spec = {
        "width": "container",
        "height": "container",
        "mark": "point",
        "data": {"values": [{"x": 1}]},
        "encoding": {"x": {"field": "x", "type": "quantitative"}},
    }
    printed = images.print_spec(spec)
    assert isinstance(printed["width"], int) and isinstance(printed["height"], int)
    assert printed["background"] == "white"
    assert spec["width"] == "container", "the page's own spec is left alone"


def test_write_chart_leaves_only_the_finished_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "fan.svg"
    size = images.write_chart(fan_spec(interventions(("IPS",))), out)
    assert out.stat().st_size == size
    assert [p.name for p in out.parent.iterdir()] == ["fan.svg"]
    with pytest.raises(ValueError):
        images.write_chart(fan_spec(interventions(("IPS",))), tmp_path / "fan.bmp")


def test_a_picture_is_drawn_in_the_number_format_of_its_language() -> None:
    from viften.present.charts import locale

    chart = alt.Chart(alt.Data(values=[{"x": -0.9}])).mark_point().encode(x="x:Q")
    assert images.print_spec(chart, "da")["config"]["locale"] == locale("da")
    assert images.print_spec(chart, "en")["config"]["locale"] == locale("en")


def test_a_spec_that_says_its_number_format_keeps_it_in_a_picture() -> None:
    from viften.present.charts import localised

    english = localised(alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q"), "en")
    assert images.print_spec(english, "da")["config"]["locale"]["number"]["decimal"] == "."
