"""Charts as image files for slides, print and downloads, rendered offline by vl-convert.

The app shows an Altair chart in the browser; a committee wants the same picture in
PowerPoint, on paper and on a projector. vl-convert runs Vega in-process (no browser,
no network), so the file is drawn from exactly the spec the page shows. Vega renders
the chart once to SVG; PNG and PDF are made from that SVG, so the three formats
always agree and a PNG costs little more than the SVG.

Names typed by people reach the SVG as text nodes that vl-convert escapes, and the
PNG and PDF are drawn from it: a name is never markup in any of them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viften.present.charts import localised

if TYPE_CHECKING:
    import altair as alt

FORMATS: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
}
"""Image format (the file suffix without its dot) → MIME type."""

MIN_PNG_WIDTH = 1600
"""Pixels: sharp on a 1920×1080 projector and in a slide shown full width."""

FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
"""Used where a chart names no font: one family that has æ, ø, å and the stars ★☆,
so a label is never split between two fonts in the picture."""

_SVG_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


@dataclass(frozen=True)
class Rendered:
    """One chart drawn once, ready to be written in any of the formats."""

    svg: str
    """The SVG text Vega drew."""
    width: float
    """The chart's own width in CSS pixels."""
    height: float

    def png(self, min_width: int = MIN_PNG_WIDTH) -> bytes:
        """A PNG at least `min_width` pixels wide (a whole-number scale of the chart, ≥ 2)."""
        import vl_convert as vlc

        scale = max(2, math.ceil(min_width / self.width)) if self.width > 0 else 2
        return bytes(vlc.svg_to_png(self.svg, scale=scale))

    def pdf(self) -> bytes:
        """A one-page vector PDF the size of the chart."""
        import vl_convert as vlc

        return bytes(vlc.svg_to_pdf(self.svg))

    def as_format(self, fmt: str) -> bytes:
        """The picture as `png`, `svg` or `pdf` bytes."""
        if fmt == "png":
            return self.png()
        if fmt == "pdf":
            return self.pdf()
        if fmt == "svg":
            return self.svg.encode("utf-8")
        raise ValueError(f"unknown image format {fmt!r}: use one of {', '.join(FORMATS)}")


def image_format(path: str | Path) -> str | None:
    """`png`, `svg` or `pdf` from a file name's suffix (any case), None for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def print_spec(chart: alt.TopLevelMixin | dict[str, Any], lang: str = "da") -> dict[str, Any]:
    """The chart's Vega-Lite spec as it should be drawn on paper or a slide.

    A chart sized to its container ("container") gets no size in a file: it is given
    the width the app's wide layout uses. The background is white (a transparent
    PNG turns black in some slide programs), and the font is one that has every
    Danish letter and the stars where the chart names none. Numbers are written as the
    reader of `lang` writes them, unless the spec already says how (`charts.localised`).
    """
    spec = localised(chart if isinstance(chart, dict) else chart.to_dict(), lang)
    _fix_container_sizes(spec)
    spec.setdefault("background", "white")
    config = spec.setdefault("config", {})
    config.setdefault("font", FONT_FAMILY)
    return spec


def _fix_container_sizes(spec: dict[str, Any]) -> None:
    for key, fallback in (("width", 1200), ("height", 700)):
        if spec.get(key) == "container":
            spec[key] = fallback
    for part in ("vconcat", "hconcat", "concat", "layer"):
        for child in spec.get(part, ()) or ():
            if isinstance(child, dict):
                _fix_container_sizes(child)
    inner = spec.get("spec")
    if isinstance(inner, dict):
        _fix_container_sizes(inner)


def render(chart: alt.TopLevelMixin | dict[str, Any], lang: str = "da") -> Rendered:
    """Draw the chart once (to SVG) with vl-convert, offline, in the number format of `lang`
    (where the spec does not already carry one)."""
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(print_spec(chart, lang))
    found = _SVG_SIZE.search(svg)
    width, height = (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)
    return Rendered(svg=svg, width=width, height=height)


def chart_bytes(chart: alt.TopLevelMixin | dict[str, Any], fmt: str, lang: str = "da") -> bytes:
    """The chart as `png`, `svg` or `pdf` bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}: use one of {', '.join(FORMATS)}")
    return render(chart, lang).as_format(fmt)


def write_chart(chart: alt.TopLevelMixin | dict[str, Any], out: Path) -> int:
    """Write the chart to `out` in the format its suffix names, whole or not at all.

    Returns the number of bytes written. The file appears under its name only once
    it is complete, so a killed process never leaves half a picture behind.
    """
    fmt = image_format(out)
    if fmt is None:
        raise ValueError(f"{out.name!r} is not a .png, .svg or .pdf file name")
    data = chart_bytes(chart, fmt)
    write_atomically(out, data)
    return len(data)


def write_atomically(out: Path, data: bytes) -> None:
    """Write bytes under a temporary name beside `out`, then move them into place."""
    import os
    import secrets

    out.parent.mkdir(parents=True, exist_ok=True)
    # opened by name (not mkstemp) so the file gets the usual permissions of the umask
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(6)}.part")
    try:
        with temporary.open("xb") as file:
            file.write(data)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
