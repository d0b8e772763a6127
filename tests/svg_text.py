"""The texts a chart's SVG draws (vl-convert's rendering), each as one string: a label drawn
over several lines (`<tspan>`s of one `<text>`) is its lines joined by spaces."""

from __future__ import annotations

import html
import re

_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)
_LINE = re.compile(r"<tspan\b[^>]*>(.*?)</tspan>", re.DOTALL)


def drawn_texts(svg: str) -> list[str]:
    found = []
    for inner in _TEXT.findall(svg):
        lines = _LINE.findall(inner) or [inner]
        found.append(" ".join(html.unescape(re.sub(r"<[^>]+>", "", line)) for line in lines))
    return found
