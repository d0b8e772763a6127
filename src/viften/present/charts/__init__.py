"""Functions that return Altair charts; they never call Streamlit, so the CLI and the deck can
render the same pictures (offline, through vl-convert).

Every chart is drawn in the reader's number format: `localised` gives a spec Vega's format
locale for the language (−0,90 and 1.234 in Danish, as d3 writes da-DK; en-GB in English).
The browser (`viften.ui.charts.show` and the fan page) and vl-convert (`viften.present.images`)
both draw a spec only after it has been through `localised`.
"""

from __future__ import annotations

import copy
from typing import Any

NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "da": {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["", " kr."],
        "percent": "\u00a0%",
        "minus": "\u2212",
    },
    "en": {
        "decimal": ".",
        "thousands": ",",
        "grouping": [3],
        "currency": ["DKK\u00a0", ""],
        "percent": "\u00a0%",
        "minus": "\u2212",
    },
}
"""d3-format locales (da-DK and en-GB) with the app's own writing: a space before %, kroner,
and the one minus sign of `viften.present.formatting`."""

TIME_LOCALES: dict[str, dict[str, Any]] = {
    "da": {
        "dateTime": "%A den %d %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
        "shortDays": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
        "months": [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "shortMonths": [
            "jan",
            "feb",
            "mar",
            "apr",
            "maj",
            "jun",
            "jul",
            "aug",
            "sep",
            "okt",
            "nov",
            "dec",
        ],
    },
    "en": {
        "dateTime": "%a %e %b %X %Y",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "months": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        "shortMonths": [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ],
    },
}
"""d3-time-format locales da-DK and en-GB (as vl-convert's `get_time_format_locale` has them)."""


def locale(lang: str) -> dict[str, Any]:
    """Vega's format locale for a language: `config.locale` of a Vega-Lite spec."""
    chosen = lang if lang in NUMBER_LOCALES else "da"
    return {
        "number": copy.deepcopy(NUMBER_LOCALES[chosen]),
        "time": copy.deepcopy(TIME_LOCALES[chosen]),
    }


def localised(chart: Any, lang: str) -> dict[str, Any]:
    """The chart's Vega-Lite spec (from an Altair chart, unvalidated, or a copy of a dict) with
    the format locale of `lang`, unless it already carries one."""
    spec = copy.deepcopy(chart) if isinstance(chart, dict) else chart.to_dict(validate=False)
    config = spec.setdefault("config", {})
    config.setdefault("locale", locale(lang))
    # room round the plot: an axis title's glyphs or the last tick's label otherwise stick
    # out of the picture by a pixel or two, and the browser cuts them off
    if "padding" not in spec:
        config.setdefault("padding", EDGE_PADDING)
    return spec


EDGE_PADDING = 8
"""Pixels of white round every chart."""


def with_scope(chart: Any, scope: str) -> Any:
    """The chart with its scope (year, filters, how many interventions) as its title, so a
    picture of it says what it covers wherever it goes. A dict spec is copied; an Altair
    chart gets the title as a property."""
    title = {
        "text": scope,
        "anchor": "start",
        "fontSize": 16,
        "fontWeight": "normal",
        "color": "#333333",
        "offset": 6,
    }
    if isinstance(chart, dict):
        return {**chart, "title": title}
    return chart.properties(title=title)
