"""Where every intervention goes in the fan matrix, without drawing it.

The fan (Randers' "Tilbudsviften") puts each intervention in a cell: a row for its effect
rating (or its evidence stars) and a column for its price per job, cut into bands of kroner.
This module decides the cell, the place inside the cell, the tile's shade and colours and
how its name wraps, in plain Python, so that the interactive chart, the image export and the
committee deck draw the same picture and the layout can be tested without a browser.

Everything is in pixels of a chart `width` wide; y grows downwards from the top.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from viften.model.target_groups import COLOURS, TARGET_GROUPS
from viften.present import figures, formatting
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd

Measure = Literal["gross", "additional"]
RowMode = Literal["effect", "stars"]

MEASURES: tuple[Measure, ...] = ("gross", "additional")
GRADES: tuple[str, ...] = ("price", "kommune")
"""What a tile's shade grades: its price per job (the measure), or the kommune's net gain per
krone from the budget case (`present.case.PER_KRONE_COLUMN`, which the frame must carry)."""
ROW_MODES: tuple[RowMode, ...] = ("effect", "stars")
MEASURE_COLUMN: dict[str, str] = {
    "gross": "price_per_job",
    "additional": "price_per_additional_job",
}

DEFAULT_BAND_EDGES: dict[str, tuple[float, ...]] = {
    "gross": (50_000.0, 100_000.0, 250_000.0, 500_000.0),
    "additional": (250_000.0, 500_000.0, 1_000_000.0, 2_000_000.0),
}
"""Gross prices per job of Danish employment interventions run from a few thousand kroner to
about a million; per additional job they are several times higher (the extra effect is a few
percentage points), so the default bands differ by measure."""

MAX_BANDS = 8
MAX_TILES = 600
"""Above this many interventions the matrix shows counts per cell instead of one tile each."""

LIGHTEST_MIX = 0.62
"""How much white the cheapest tile's fill has: pale, yet with its target group's hue plain to
see (at 0.86 the three groups' palest tiles looked alike)."""
DARKEST_MIX = 0.30
"""How much black the dearest tile's fill has."""
BLACK = "#000000"
WHITE = "#FFFFFF"
MISSING_FILL = "#FFFFFF"


# --- geometry ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """Sizes in pixels; the chart and the deck may pass their own."""

    width: float = 960.0
    row_label_width: float = 118.0
    legend_height: float = 54.0
    header_height: float = 40.0
    panel_title_height: float = 30.0
    panel_gap: float = 18.0
    cell_padding: float = 5.0
    tile_gap: float = 4.0
    tile_padding: float = 5.0
    font_size: float = 12.0
    line_height: float = 14.5
    char_width: float = 0.53
    """Average glyph width as a share of the font size (bold sans-serif, Danish names)."""
    min_tile_width: float = 118.0
    min_row_height: float = 44.0


DEFAULT_GEOMETRY = Geometry()


# --- what the layout returns -------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A price band, or a lane for interventions that lack the measure."""

    key: str
    """`band0`, `band1`, ... or the reason key of a lane (`reason_no_control`, ...)."""
    label: str
    x: float
    width: float
    is_lane: bool


@dataclass(frozen=True)
class Row:
    """A row of one panel (the whole matrix in Model 2, one target group in Model 1)."""

    key: str
    """`high`, `medium`, `low`, `unrated` or `stars_3`, `stars_2`, `stars_1`."""
    label: str
    panel: str
    y: float
    height: float


@dataclass(frozen=True)
class Panel:
    key: str
    """`all`, or a target group."""
    title: str
    y: float
    """Top of the panel's column headers."""
    height: float


@dataclass(frozen=True)
class Tile:
    """One intervention (or, for a huge view, a count of them) in its place."""

    key: str
    """The intervention's name; unique within a year."""
    name: str
    target_group: str
    stars: int
    row: str
    column: str
    panel: str
    value: float | None
    """The price per job of the chosen measure; None when missing."""
    reason: str | None
    """Why the value is missing: a text key, or None."""
    shade: float | None
    """0 for the cheapest in view to 1 for the dearest; None when the value is missing."""
    fill: str
    stroke: str
    text_color: str
    lines: tuple[str, ...]
    """The name, wrapped to fit the tile."""
    detail: str
    """The line under the name: stars and price (on two lines in a narrow tile)."""
    x: float
    y: float
    width: float
    height: float
    count: int = 1
    """More than 1 only in an aggregated view."""
    uncertain: str | None = None
    """`includes_zero` or `wide` (see `viften.model.effects.uncertainty_flag`), else None."""
    record: dict[str, Any] = field(default_factory=dict, compare=False)
    municipality: str = ""
    """Whose intervention it is, where the chart marks the kommuner (else "")."""
    marker: str = ""
    """The kommune's short code shown on the tile (see `municipality_codes`)."""
    """The intervention's row, as plain values (for tooltips)."""


@dataclass(frozen=True)
class LegendItem:
    label: str
    fill: str
    stroke: str
    x: float
    y: float
    width: float
    height: float
    dashed: bool = False


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    align: str = "left"
    bold: bool = False
    size: float = 12.0
    color: str = "#222222"


@dataclass(frozen=True)
class FanLayout:
    width: float
    height: float
    measure: str
    rows_mode: str
    band_edges: tuple[float, ...]
    columns: tuple[Column, ...]
    panels: tuple[Panel, ...]
    rows: tuple[Row, ...]
    tiles: tuple[Tile, ...]
    legend: tuple[LegendItem, ...]
    labels: tuple[Label, ...]
    """Row labels, column headers, panel titles and legend words."""
    aggregated: bool
    """True when the view was too large and tiles stand for counts."""
    count: int
    """Interventions in the view."""
    geometry: Geometry
    grade: str = "price"
    municipalities: tuple[tuple[str, str], ...] = ()
    """(code, kommune) for each kommune marked on the tiles: Model 2 with more than one
    kommune in view; empty otherwise."""
    """What the shade grades (GRADES)."""


# --- the pieces, each testable on its own ------------------------------------------------------


def measure_column(measure: str) -> str:
    if measure not in MEASURE_COLUMN:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    return MEASURE_COLUMN[measure]


def default_band_edges(measure: str) -> tuple[float, ...]:
    measure_column(measure)
    return DEFAULT_BAND_EDGES[measure]


def clean_band_edges(edges: Sequence[float] | None, measure: str) -> tuple[float, ...]:
    """Sorted, distinct, positive, finite edges; the default ones when nothing usable is left."""
    if edges is None:
        return default_band_edges(measure)
    usable = sorted({float(e) for e in edges if _finite(e) and float(e) > 0})
    if not usable:
        return default_band_edges(measure)
    return tuple(usable[: MAX_BANDS - 1])


def parse_band_edges(text: str) -> tuple[float, ...] | None:
    """Edges typed by a person: '100000, 250000', '100.000; 250.000' or '100,000 250,000'.

    A dot or comma between a digit and exactly three more is a thousands separator; commas,
    semicolons and spaces separate the edges; 'kr' is ignored. None when the text holds no
    number or something that is not one.
    """
    import re

    cleaned = re.sub(r"kr\.?", " ", text.lower())
    cleaned = re.sub(r"(?<=\d)[.,](?=\d{3}(?!\d))", "", cleaned)
    parts = [p for p in re.split(r"[,;\s]+", cleaned) if p]
    if not parts or not all(p.isdigit() for p in parts):
        return None
    return tuple(float(p) for p in parts)


def band_labels(edges: Sequence[float], lang: str = "da") -> tuple[str, ...]:
    """'Under 100.000 kr.', '100.000–250.000 kr.', ..., 'Over 1.000.000 kr.'."""
    labels = [t("fan_band_under", lang, high=formatting.kroner(edges[0], lang))]
    labels += [formatting.kroner_range(edges[i - 1], edges[i], lang) for i in range(1, len(edges))]
    labels.append(t("fan_band_over", lang, low=formatting.kroner(edges[-1], lang)))
    return tuple(labels)


def band_index(value: float, edges: Sequence[float]) -> int:
    """The band of a price: an edge itself belongs to the band above it."""
    return bisect_right(list(edges), value)


def missing_reason(record: dict[str, Any], measure: str) -> str | None:
    """Why the measure is missing for this intervention (a text key), or None."""
    job_rate = _number(record.get("job_rate"))
    control = _number(record.get("control_job_rate"))
    if measure == "gross":
        return "reason_zero_job_rate" if job_rate is None or job_rate <= 0 else None
    if control is None:
        return "reason_no_control"
    if job_rate is None or job_rate - control <= 0:
        return "reason_no_extra_effect"
    return None


LANE_ORDER = ("reason_no_control", "reason_no_extra_effect", "reason_zero_job_rate")


def row_key(record: dict[str, Any], rows: str) -> str:
    if rows == "stars":
        stars = _number(record.get("evidence_stars"))
        whole = int(stars) if stars is not None else 1
        return f"stars_{min(3, max(1, whole))}"
    rating = record.get("effect_rating")
    return str(rating) if rating in ("high", "medium", "low") else "unrated"


def row_keys(rows: str, present: set[str]) -> tuple[str, ...]:
    """Every row of the mode, top to bottom; 'unrated' only when someone is unrated."""
    if rows == "stars":
        return ("stars_3", "stars_2", "stars_1")
    keys = ("high", "medium", "low")
    return keys + (("unrated",) if "unrated" in present else ())


def row_label(key: str, lang: str) -> str:
    return t(f"fan_row_{key}", lang)


def shades(values: Sequence[float]) -> list[float]:
    """Each value's place among the others, 0 for the cheapest to 1 for the dearest.

    By rank, so one extreme price does not wash every other tile out to the same shade; equal
    values share a shade.
    """
    n = len(values)
    if n <= 1:
        return [0.0] * n
    order = sorted(values)
    first: dict[float, int] = {}
    last: dict[float, int] = {}
    for i, v in enumerate(order):
        first.setdefault(v, i)
        last[v] = i
    return [((first[v] + last[v]) / 2) / (n - 1) for v in values]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


def shade_color(target_group: str, shade: float) -> str:
    """The tile fill: the group's hue, from a light tint (cheap) to a dark shade (dear)."""
    base = _rgb(COLOURS.get(target_group, "#777777"))
    shade = min(1.0, max(0.0, shade))
    # from LIGHTEST_MIX of white, through the pure hue at 0.5, to DARKEST_MIX of black
    if shade <= 0.5:
        white = LIGHTEST_MIX * (1 - shade / 0.5)
        mixed = tuple(c + (255 - c) * white for c in base)
    else:
        black = DARKEST_MIX * (shade - 0.5) / 0.5
        mixed = tuple(c * (1 - black) for c in base)
    return _hex((mixed[0], mixed[1], mixed[2]))


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_color(fill: str) -> str:
    """Black or white, whichever stands out more: never below 4.58:1 on any fill."""
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE


WORD_SLACK = 1
"""Characters a single word may run past the line before it is cut with a hyphen."""


def wrap_name(name: str, chars_per_line: int) -> tuple[str, ...]:
    """The whole name over as many lines as it needs, breaking between words.

    A word too long for a line is hyphenated where Danish hyphenation allows it
    ("Virksomheds-" "praktik", never "Virksomhedspra-" "ktik"), at the latest point that
    fits; only a word with no such point is cut. No character of the name is left out.
    """
    width = max(4, chars_per_line)
    lines: list[str] = []
    current = ""
    for word in str(name).split():
        if current and len(current) + 1 + len(word) <= width:
            current += " " + word
            continue
        if current:
            lines.append(current)
        current = ""
        # a word a little too long still fits in the tile's padding; only a longer one is cut
        while len(word) > width + WORD_SLACK:
            head, word = _hyphenate(word, width)
            lines.append(head + "-")
        current = word
    if current or not lines:
        lines.append(current)
    return tuple(lines)


def _hyphenate(word: str, width: int) -> tuple[str, str]:
    """The longest head of `word` that fits `width` with its hyphen, and the rest; a break
    that leaves a short tail ("Jobafklaringsfor-" "løb") only where no other fits."""
    points = [
        (head, tail)
        for head, tail in _hyphenator().iterate(word)
        if len(head) + 1 <= width + WORD_SLACK and len(head) >= 2
    ]
    for head, tail in points:
        if len(tail) >= MIN_TAIL:
            return head, tail
    if points:
        return points[0]
    return word[: width - 1], word[width - 1 :]


MIN_TAIL = 4
"""Characters a hyphenated word's last part should keep, so it reads as a word."""


@functools.lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="da_DK")


def wrap_label(text: str, chars_per_line: int) -> tuple[str, ...]:
    """A column header over lines, preferring a break after a dash ('100.000–' '250.000 kr.')."""
    if len(text) <= chars_per_line:
        return (text,)
    if "–" in text:
        head, tail = text.split("–", 1)
        return (head + "–", *wrap_name(tail, chars_per_line))
    return wrap_name(text, chars_per_line)


def chars_per_line(tile_width: float, geometry: Geometry = DEFAULT_GEOMETRY) -> int:
    usable = tile_width - 2 * geometry.tile_padding
    return max(4, int(usable / (geometry.font_size * geometry.char_width)))


def tile_height(lines: int, geometry: Geometry = DEFAULT_GEOMETRY) -> float:
    """Name lines plus the line of stars and price."""
    return 2 * geometry.tile_padding + (lines + 1) * geometry.line_height


# --- the layout ---------------------------------------------------------------------------------


@dataclass
class _Item:
    record: dict[str, Any]
    name: str
    target_group: str
    stars: int
    row: str
    column: str
    panel: str
    value: float | None
    reason: str | None
    shade: float | None = None
    count: int = 1
    uncertain: str | None = None
    grade_text: str | None = None
    """The figure the shade grades, when it is not the price, as the tile shows it."""
    municipality: str = ""
    marker: str = ""
    """The kommune's short code on the tile, where Model 2 shows more than one kommune."""
    key: str = ""
    """What picks it (`view_key`) where that is not its name alone."""


UNCERTAIN_MARK = "?"
"""After the stars on a tile whose extra effect may be zero or is very uncertain."""


def layout(
    frame: pd.DataFrame,
    lang: str = "da",
    measure: str = "gross",
    rows: str = "effect",
    per_target_group: bool = False,
    band_edges: Sequence[float] | None = None,
    width: float | None = None,
    geometry: Geometry | None = None,
    grade: str = "price",
) -> FanLayout:
    """Place every intervention of `frame` (a derived interventions table) in the fan.

    `grade` "kommune" shades the tiles by `present.case.PER_KRONE_COLUMN` (lighter: more back
    per krone) instead of by price; an aggregated view keeps the price's shade (its tiles are
    counts)."""
    if rows not in ROW_MODES:
        raise ValueError(f"rows must be one of {', '.join(ROW_MODES)}, not {rows!r}")
    if grade not in GRADES:
        raise ValueError(f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
    value_column = measure_column(measure)
    geo = geometry or DEFAULT_GEOMETRY
    if width is not None:
        geo = Geometry(**{**geo.__dict__, "width": float(width)})
    edges = clean_band_edges(band_edges, measure)
    count = len(frame)
    aggregated = count > MAX_TILES
    if aggregated:
        items = _aggregate(frame, value_column, measure, rows, edges, per_target_group)
    else:
        items = [
            _item(r, value_column, measure, rows, edges, per_target_group) for r in _records(frame)
        ]
        _mark_uncertain(items, frame)
    grade = grade if not aggregated else "price"
    marked = () if per_target_group or aggregated else _mark_municipalities(items)
    if not aggregated and len(municipalities_in(frame)) > 1:
        for item in items:
            item.key = view_key(item.record, True)
    if grade == "kommune":
        _shade_by_gain(items, lang)
    else:
        _shade(items)

    lanes = [key for key in LANE_ORDER if any(i.reason == key for i in items)]
    columns = _columns(edges, lanes, lang, geo)
    present_rows = {i.row for i in items}
    row_order = row_keys(rows, present_rows)
    if per_target_group:
        groups = [g for g in TARGET_GROUPS if any(i.panel == g for i in items)] or ["all"]
    else:
        groups = ["all"]

    tiles: list[Tile] = []
    panels: list[Panel] = []
    row_list: list[Row] = []
    labels: list[Label] = []
    legend, legend_labels, legend_bottom = _legend(items, lang, geo, grade, marked)
    labels.extend(legend_labels)
    y = max(geo.legend_height, legend_bottom)
    for group in groups:
        panel_top = y
        if group != "all":
            labels.append(
                Label(
                    t(f"tg_{group}", lang),
                    0,
                    y + geo.panel_title_height / 2,
                    bold=True,
                    size=14,
                    color=_darker(COLOURS[group]),
                )
            )
            y += geo.panel_title_height
        labels.extend(_header_labels(columns, rows, measure, y, lang, geo))
        y += geo.header_height
        for key in row_order:
            in_row = [i for i in items if i.row == key and (group == "all" or i.panel == group)]
            placed, height = _place_row(in_row, columns, y, geo, lang)
            tiles.extend(placed)
            row_list.append(Row(key, row_label(key, lang), group, y, height))
            labels.append(
                Label(row_label(key, lang), 6, y + min(height / 2, 30), bold=True, size=12)
            )
            y += height
        panels.append(
            Panel(group, t(f"tg_{group}", lang) if group != "all" else "", panel_top, y - panel_top)
        )
        y += geo.panel_gap
    height = y - geo.panel_gap + 4
    return FanLayout(
        width=geo.width,
        height=height,
        measure=measure,
        rows_mode=rows,
        band_edges=edges,
        columns=tuple(columns),
        panels=tuple(panels),
        rows=tuple(row_list),
        tiles=tuple(tiles),
        legend=tuple(legend),
        labels=tuple(labels),
        aggregated=aggregated,
        count=count,
        geometry=geo,
        grade=grade,
        municipalities=marked,
    )


def municipalities_in(frame: pd.DataFrame) -> tuple[str, ...]:
    """The kommuner of a table, each once as first written, in alphabetical order ("" is the
    database's own without a name)."""
    if "municipality" not in frame:
        return ()
    from viften.model.domain import municipality_key

    seen: dict[str, str] = {}
    # each distinct spelling once, in the order first written (a national table has 15.000
    # rows and about 100 spellings)
    for name in frame["municipality"].fillna("").astype(str).unique():
        seen.setdefault(municipality_key(name), name.strip())
    return tuple(sorted(seen.values(), key=municipality_key))


OWN_CODE = "EGEN"
"""The code of the database's own kommune where it has no name."""


KEY_SEPARATOR = " · "
"""Between an intervention's name and its kommune in a view key ("IPS · Randers")."""


def view_key(record: dict[str, Any], across: bool) -> str:
    """What picks one intervention in the fan (tile, list, link): its name, and across kommuner
    also its kommune, as the same name may be in several ("IPS · Randers"; the own kommune
    without a name is `OWN_CODE`)."""
    name = str(record.get("name") or "")
    if not across:
        return name
    place = str(record.get("municipality") or "").strip() or OWN_CODE
    return f"{name}{KEY_SEPARATOR}{place}"


def view_keys(frame: pd.DataFrame) -> list[str]:
    """`view_key` of every row of `frame`, in its order."""
    names = frame["name"].astype(str)
    if len(municipalities_in(frame)) < 2:
        return names.tolist()
    places = frame["municipality"].fillna("").astype(str).str.strip()
    return (names + KEY_SEPARATOR + places.mask(places == "", OWN_CODE)).tolist()


def rows_for(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows of `frame` that `key` (a `view_key`) picks."""
    import numpy as np

    return frame[np.asarray(view_keys(frame), dtype=object) == key]


def municipality_codes(names: Sequence[str]) -> dict[str, str]:
    """A short code per kommune for the tiles: its first three letters in capitals, longer
    where two would read alike (ALBE, ALLE), a number where even the whole name does; the
    own kommune without a name is "EGEN"."""
    from viften.model.domain import municipality_key

    keys = sorted({municipality_key(n) for n in names})
    letters = {k: "".join(c for c in k if c.isalnum()).upper() for k in keys}
    codes: dict[str, str] = {}
    for key in keys:
        if not letters[key]:
            codes[key] = OWN_CODE
            continue
        length = 3
        while length < len(letters[key]) and any(
            other != key and letters[other][:length] == letters[key][:length] for other in keys
        ):
            length += 1
        codes[key] = letters[key][:length]
    alike = Counter(codes.values())
    numbered: Counter[str] = Counter()
    for key in keys:
        if alike[codes[key]] > 1:
            numbered[codes[key]] += 1
            codes[key] = f"{codes[key]}{numbered[codes[key]]}"
    return codes


def _mark_municipalities(items: list[_Item]) -> tuple[tuple[str, str], ...]:
    """Give each item its kommune's code where the items hold more than one kommune; the
    (code, kommune) pairs for the legend."""
    from viften.model.domain import municipality_key

    names: dict[str, str] = {}
    for item in items:
        place = str(item.record.get("municipality") or "").strip()
        names.setdefault(municipality_key(place), place)
    if len(names) < 2:
        return ()
    codes = municipality_codes(list(names.values()))
    for item in items:
        place = str(item.record.get("municipality") or "").strip()
        item.municipality, item.marker = place, codes[municipality_key(place)]
    return tuple((codes[key], names[key]) for key in sorted(names, key=lambda k: (codes[k], k)))


def _finite(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _number(value: Any) -> float | None:
    return float(value) if _finite(value) else None


def _mark_uncertain(items: list[_Item], frame: pd.DataFrame) -> None:
    """Flag the interventions whose extra effect may be nil or is known only roughly, so
    nobody reads a guess as a fact (the rule is `viften.model.effects.effect_distributions`)."""
    if not items or "job_rate" not in frame or "control_job_rate" not in frame:
        return
    from viften.model.effects import uncertainty_flags

    for item, flag in zip(items, uncertainty_flags(frame), strict=True):
        item.uncertain = flag


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    from viften.model.domain import records

    return records(frame)


def _item(
    record: dict[str, Any],
    value_column: str,
    measure: str,
    rows: str,
    edges: Sequence[float],
    per_target_group: bool,
) -> _Item:
    reason = missing_reason(record, measure)
    value = None if reason else _number(record.get(value_column))
    if value is None and reason is None:
        # the figure may have been left out of the frame; work it out from its parts
        price = _number(record.get("price_per_participant")) or 0.0
        rate = _number(record.get("job_rate")) or 0.0
        control = _number(record.get("control_job_rate")) or 0.0
        divisor = rate if measure == "gross" else rate - control
        value = price / divisor if divisor > 0 else None
        reason = None if value is not None else missing_reason(record, measure)
    group = str(record.get("target_group") or "cross")
    stars = _number(record.get("evidence_stars"))
    column = reason if reason else f"band{band_index(value or 0.0, edges)}"
    return _Item(
        record=record,
        name=str(record.get("name") or ""),
        target_group=group,
        stars=int(stars) if stars is not None else 1,
        row=row_key(record, rows),
        column=column,
        panel=group if per_target_group else "all",
        value=value,
        reason=reason,
    )


def _aggregate(
    frame: pd.DataFrame,
    value_column: str,
    measure: str,
    rows: str,
    edges: Sequence[float],
    per_target_group: bool,
) -> list[_Item]:
    """One tile per cell and target group, carrying the count and the median price.

    Column by column with numpy, so a view of tens of thousands stays quick.
    """
    import numpy as np
    import pandas as pd

    job = pd.to_numeric(frame["job_rate"], errors="coerce").to_numpy(dtype="float64")
    control = pd.to_numeric(frame["control_job_rate"], errors="coerce").to_numpy(dtype="float64")
    with np.errstate(invalid="ignore"):
        if measure == "gross":
            reason = np.where(job > 0, "", "reason_zero_job_rate")
        else:
            reason = np.where(
                np.isnan(control),
                "reason_no_control",
                np.where(job - control > 0, "", "reason_no_extra_effect"),
            )
    value = pd.to_numeric(frame[value_column], errors="coerce").to_numpy(dtype="float64")
    value = np.where(reason == "", value, np.nan)
    stars = pd.to_numeric(frame["evidence_stars"], errors="coerce").fillna(1).clip(1, 3)
    if rows == "stars":
        row = "stars_" + stars.astype(int).astype(str).to_numpy()
    else:
        rating = frame["effect_rating"].astype(object)
        row = np.where(rating.isin(["high", "medium", "low"]), rating, "unrated")
    band = np.searchsorted(np.asarray(edges, dtype="float64"), np.nan_to_num(value), side="right")
    column = np.where(reason == "", np.char.add("band", band.astype(str)), reason)
    group = frame["target_group"].fillna("cross").astype(str).to_numpy()
    cells = pd.DataFrame(
        {
            "panel": group if per_target_group else "all",
            "row": row,
            "column": column,
            "group": group,
            "reason": reason,
            "value": value,
            "stars": stars.to_numpy(),
        }
    )
    summary = (
        cells.groupby(["panel", "row", "column", "group", "reason"], sort=True)
        .agg(
            n=("stars", "size"),
            value=("value", "median"),
            stars=("stars", "mean"),
        )
        .reset_index()
    )
    out = []
    for cell in summary.to_dict(orient="records"):
        median = _number(cell["value"])
        out.append(
            _Item(
                record={"target_group": cell["group"], "count": int(cell["n"])},
                name="",
                target_group=str(cell["group"]),
                stars=int(round(float(cell["stars"]))),
                row=str(cell["row"]),
                column=str(cell["column"]),
                panel=str(cell["panel"]),
                value=median,
                reason=str(cell["reason"]) or None,
                count=int(cell["n"]),
            )
        )
    return out


def _shade(items: list[_Item]) -> None:
    priced = [i for i in items if i.value is not None]
    for item, shade in zip(
        priced, shades([i.value for i in priced if i.value is not None]), strict=True
    ):
        item.shade = shade


def _shade_by_gain(items: list[_Item], lang: str) -> None:
    """Shade by the kommune's net gain per krone: the most back per krone lightest; a tile
    without a case keeps no shade (white) and a dash."""
    from viften.present import case as budget_case

    graded = []
    for item in items:
        value = _number(item.record.get(budget_case.PER_KRONE_COLUMN))
        if value is None:
            # the tile has room for the dash only; its tooltip gives the reason
            item.grade_text = "–"
        else:
            item.grade_text = budget_case.per_krone_text(value, lang)
            graded.append((item, value))
    for (item, _), shade in zip(graded, shades([-v for _, v in graded]), strict=True):
        item.shade = shade


def _columns(
    edges: Sequence[float], lanes: Sequence[str], lang: str, geo: Geometry
) -> list[Column]:
    labels = band_labels(edges, lang)
    count = len(labels) + len(lanes)
    width = (geo.width - geo.row_label_width) / count
    out = []
    for i, label in enumerate(labels):
        out.append(Column(f"band{i}", label, geo.row_label_width + i * width, width, False))
    for j, lane in enumerate(lanes):
        x = geo.row_label_width + (len(labels) + j) * width
        out.append(Column(lane, t(f"fan_lane_{lane}", lang), x, width, True))
    return out


def _header_labels(
    columns: Sequence[Column], rows: str, measure: str, y: float, lang: str, geo: Geometry
) -> list[Label]:
    out = [
        Label(
            t(f"fan_axis_rows_{rows}", lang),
            6,
            y + geo.header_height / 2,
            bold=True,
            size=11,
            color="#555555",
        )
    ]
    for column in columns:
        chars = max(6, int((column.width - 6) / (11.5 * 0.6)))
        text = "\n".join(wrap_label(column.label, chars))
        out.append(
            Label(
                text,
                column.x + column.width / 2,
                y + geo.header_height / 2,
                align="center",
                bold=True,
                size=11.5,
                color="#555555" if column.is_lane else "#222222",
            )
        )
    return out


def _place_row(
    items: list[_Item], columns: Sequence[Column], top: float, geo: Geometry, lang: str
) -> tuple[list[Tile], float]:
    """Stack the tiles of each cell of one row; the row is as tall as its fullest cell."""
    placed: list[Tile] = []
    height = geo.min_row_height
    for column in columns:
        cell = sorted(
            (i for i in items if i.column == column.key),
            key=lambda i: (i.value if i.value is not None else math.inf, i.name.casefold()),
        )
        if not cell:
            continue
        inner = column.width - 2 * geo.cell_padding
        across = max(1, int((inner + geo.tile_gap) // (geo.min_tile_width + geo.tile_gap)))
        across = min(across, len(cell))
        tile_width = (inner - (across - 1) * geo.tile_gap) / across
        chars = chars_per_line(tile_width, geo)
        y = top + geo.cell_padding
        for start in range(0, len(cell), across):
            line = cell[start : start + across]
            wrapped = [_lines(i, chars, lang) for i in line]
            details = [_detail(i, chars, lang) for i in line]
            line_height = max(
                tile_height(len(w) + d.count("\n"), geo)
                for w, d in zip(wrapped, details, strict=True)
            )
            for k, (item, lines, detail) in enumerate(zip(line, wrapped, details, strict=True)):
                x = column.x + geo.cell_padding + k * (tile_width + geo.tile_gap)
                placed.append(_tile(item, lines, detail, x, y, tile_width, line_height))
            y += line_height + geo.tile_gap
        height = max(height, y - top - geo.tile_gap + geo.cell_padding)
    return placed, height


def _lines(item: _Item, chars: int, lang: str) -> tuple[str, ...]:
    if item.count > 1 or not item.name:
        key = "fan_tile_count_one" if item.count == 1 else "fan_tile_count"
        return (t(key, lang, count=formatting.number(item.count, lang)),)
    return wrap_name(item.name, chars)


def _detail(item: _Item, chars: int, lang: str) -> str:
    """The stars and the price; on two lines where one is too narrow, so no price is lost."""
    price = formatting.kroner(item.value, lang) if item.value is not None else ""
    if item.grade_text is not None:
        price = item.grade_text
    stars = formatting.stars(item.stars) + (UNCERTAIN_MARK if item.uncertain else "")
    if item.marker:
        stars = f"{item.marker} {stars}"
    if not price:
        return stars
    one_line = f"{stars}  {price}"
    return one_line if len(one_line) <= chars else f"{stars}\n{price}"


def _tile(
    item: _Item,
    lines: tuple[str, ...],
    detail: str,
    x: float,
    y: float,
    width: float,
    height: float,
) -> Tile:
    hue = COLOURS.get(item.target_group, "#777777")
    if item.shade is None:
        fill, stroke = MISSING_FILL, _darker(hue, 0.1)
    else:
        fill, stroke = shade_color(item.target_group, item.shade), _darker(hue)
    key = (
        (item.key or item.name)
        if item.count == 1 and item.name
        else (f"{item.panel}|{item.row}|{item.column}|{item.target_group}")
    )
    return Tile(
        key=key,
        name=item.name,
        target_group=item.target_group,
        stars=item.stars,
        row=item.row,
        column=item.column,
        panel=item.panel,
        value=item.value,
        reason=item.reason,
        shade=item.shade,
        fill=fill,
        stroke=stroke,
        text_color=text_color(fill),
        lines=lines,
        detail=detail,
        x=x,
        y=y,
        width=width,
        height=height,
        count=item.count,
        uncertain=item.uncertain,
        record=item.record,
        municipality=item.municipality,
        marker=item.marker,
    )


def _darker(colour: str, amount: float = 0.25) -> str:
    r, g, b = _rgb(colour)
    return _hex((r * (1 - amount), g * (1 - amount), b * (1 - amount)))


def _text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous guess of how wide a text is drawn, so legend items never overlap."""
    return len(text) * size * (0.62 if bold else 0.58)


LEGEND_SWATCH = 14.0
LEGEND_LINE = 24.0
"""Pixels from one line of the legend to the next."""
LEGEND_GAP = 22.0
"""Pixels between two items on a line of the legend."""


@dataclass
class _LegendFlow:
    """Items placed left to right, on a new line when the next would pass the width."""

    width: float
    boxes: list[LegendItem] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    x: float = 0.0
    y: float = 8.0

    def room_for(self, width: float) -> None:
        if self.x > 0 and self.x + width > self.width:
            self.x, self.y = 0.0, self.y + LEGEND_LINE

    def label(
        self, text: str, size: float = 11.5, bold: bool = False, colour: str = "#444444"
    ) -> None:
        self.labels.append(
            Label(text, self.x, self.y + LEGEND_SWATCH / 2, bold=bold, size=size, color=colour)
        )
        self.x += _text_width(text, size, bold)

    def end_item(self) -> None:
        self.x += LEGEND_GAP

    @property
    def bottom(self) -> float:
        return self.y + LEGEND_SWATCH + 12


def _legend(
    items: list[_Item],
    lang: str,
    geo: Geometry,
    grade: str = "price",
    marked: Sequence[tuple[str, str]] = (),
) -> tuple[list[LegendItem], list[Label], float]:
    """Swatches for the target groups, the shade ramp, the dashed 'missing' border and the
    marks; wrapped to the chart's width, so no word runs past it. Also the legend's bottom."""
    size = LEGEND_SWATCH
    flow = _LegendFlow(geo.width)
    heading = t("fan_legend_target_group", lang)
    flow.label(heading, 12, bold=True, colour="#222222")
    flow.x += 8
    for group in TARGET_GROUPS:
        text = t(f"tg_{group}", lang)
        flow.room_for(size + 5 + _text_width(text, 12))
        flow.boxes.append(
            LegendItem(
                group, shade_color(group, 0.5), _darker(COLOURS[group]), flow.x, flow.y, size, size
            )
        )
        flow.x += size + 5
        flow.label(text, 12, colour="#222222")
        flow.end_item()
    # a new line: the shade ramp of each hue, then the dashed border and the marks
    flow.x, flow.y = 0.0, flow.y + LEGEND_LINE
    by_gain = grade == "kommune"
    light, dark = (
        (t("fan_legend_best", lang), t("fan_legend_worst", lang))
        if by_gain
        else (t("fan_legend_cheap", lang), t("fan_legend_dear", lang))
    )
    shade = "(" + t("fan_legend_shade_kommune" if by_gain else "fan_legend_shade", lang) + ")"
    ramp = 6 * 16.0
    flow.room_for(_text_width(light, 11.5) + 6 + ramp + 6 + _text_width(dark, 11.5))
    flow.label(light, colour="#222222")
    flow.x += 6
    for step in range(6):
        for k, group in enumerate(TARGET_GROUPS):
            flow.boxes.append(
                LegendItem(
                    f"{group}-{step}",
                    shade_color(group, step / 5),
                    _darker(COLOURS[group]),
                    flow.x + step * 16,
                    flow.y + k * size / 3,
                    16,
                    size / 3,
                )
            )
    flow.x += ramp + 6
    flow.label(dark, colour="#222222")
    flow.x += 10
    flow.room_for(_text_width(shade, 11.5))
    flow.label(shade)
    flow.end_item()
    if any(i.reason for i in items):
        missing = t("fan_legend_missing", lang)
        flow.room_for(size * 1.6 + 5 + _text_width(missing, 11.5))
        flow.boxes.append(
            LegendItem(
                "missing", MISSING_FILL, "#555555", flow.x, flow.y, size * 1.6, size, dashed=True
            )
        )
        flow.x += size * 1.6 + 5
        flow.label(missing)
        flow.end_item()
    marks = [t("fan_legend_stars", lang)]
    if any(i.uncertain for i in items):
        marks.append(t("fan_legend_uncertain", lang, mark=UNCERTAIN_MARK))
    for text in marks:
        flow.room_for(_text_width(text, 11.5))
        flow.label(text)
        flow.end_item()
    if marked:
        # a line of its own: each kommune's code as the tiles show it, and its name
        flow.x, flow.y = 0.0, flow.y + LEGEND_LINE
        flow.label(t("fan_legend_municipality", lang), 12, bold=True, colour="#222222")
        flow.x += 8
        for code, place in marked:
            shown = place or t("bm_own_municipality", lang)
            text = f"{code} = {shown}"
            flow.room_for(_text_width(text, 11.5, bold=True))
            flow.label(text, colour="#222222")
            flow.end_item()
    return flow.boxes, flow.labels, flow.bottom


# --- the figures around the matrix: drill-down, comparison, ranking ---------------------------

EFFECT_ORDER = {"high": 0, "medium": 1, "low": 2}


def detail_rows(record: dict[str, Any], lang: str = "da") -> list[tuple[str, str, str]]:
    """(figure, value, definition) for every figure of one intervention."""
    rows = []
    for name in figures.DETAIL_FIGURES:
        figure = figures.FIGURES[name]
        definition = t(figure.definition, lang) if figure.definition else ""
        rows.append(
            (t(figure.heading, lang), formatting.figure_value(name, record, lang), definition)
        )
    return rows


def detail_caption(record: dict[str, Any], lang: str = "da", with_place: bool = False) -> str:
    """The line under an intervention's name: its group, stars, provider and provider type;
    `with_place` (a view across kommuner) puts its kommune first."""
    group = t(f"tg_{record['target_group']}", lang)
    provider = record.get("provider") or t("fan_none", lang)
    place = ""
    if with_place:
        place = f"{str(record.get('municipality') or '') or t('bm_own_municipality', lang)} · "
    return (
        f"{place}{group} · {formatting.stars(record['evidence_stars'])}"
        f" · {t('col_provider', lang)}: {provider}"
        f" ({formatting.figure_value('provider_type', record, lang)})"
    )


def detail_table(record: dict[str, Any], lang: str = "da") -> pd.DataFrame:
    """The drill-down's table (figure, value, definition); every cell escaped, as Streamlit
    reads a table's cells as Markdown."""
    import pandas as pd

    return pd.DataFrame(
        [tuple(formatting.escape_markdown(c) for c in row) for row in detail_rows(record, lang)],
        columns=[t("fan_figure", lang), t("fan_value", lang), t("fan_definition", lang)],
    )


def compare_table(frame: pd.DataFrame, names: Sequence[str], lang: str = "da") -> pd.DataFrame:
    """`compare_rows` as the table the page shows, every cell and heading escaped."""
    import pandas as pd

    header, rows = compare_rows(frame, names, lang)
    return pd.DataFrame(
        [[formatting.escape_markdown(c) for c in row] for row in rows],
        columns=[formatting.escape_markdown(h) for h in header],
    )


@dataclass(frozen=True)
class GroupComparison:
    """Where one intervention stands among the others of its target group."""

    rank: int | None
    """1 for the cheapest by the measure; None when it lacks the measure."""
    count: int
    """Interventions of the group that have the measure."""
    median: float | None
    value: float | None


def group_comparison(frame: pd.DataFrame, name: str, measure: str = "gross") -> GroupComparison:
    column = measure_column(measure)
    row = frame[frame["name"] == name]
    if row.empty:
        return GroupComparison(None, 0, None, None)
    group = row["target_group"].iloc[0]
    values = frame.loc[frame["target_group"] == group, column].dropna()
    own = _number(row[column].iloc[0])
    median = float(values.median()) if len(values) else None
    rank = int((values < own).sum()) + 1 if own is not None else None
    return GroupComparison(rank, len(values), median, own)


def group_text(frame: pd.DataFrame, record: dict[str, Any], measure: str, lang: str) -> str:
    """Where the intervention stands in its target group by the measure, in a sentence."""
    column = measure_column(measure)
    figure = t(f"col_{column}", lang)
    found = group_comparison(frame, str(record["name"]), measure)
    if found.rank is None:
        return t("fan_compare_group_missing", lang, measure=figure)
    return t(
        "fan_compare_group_text",
        lang,
        rank=found.rank,
        count=found.count,
        group=t(f"tg_{record['target_group']}_short", lang).lower(),
        measure=figure.lower(),
        median=formatting.kroner(found.median, lang),
    )


def compare_rows(
    frame: pd.DataFrame, names: Sequence[str], lang: str = "da"
) -> tuple[list[str], list[list[str]]]:
    """A side-by-side table: a header of figure names, then one row per figure.

    Returns (column headers, rows); the first column is the figure's name.
    """
    keys = view_keys(frame)
    wanted = set(names)
    inside = [key in wanted for key in keys]
    records = dict(
        zip(
            [k for k, keep in zip(keys, inside, strict=True) if keep],
            _records(frame[inside]),
            strict=True,
        )
    )
    chosen = [n for n in names if n in records]
    header = [t("fan_figure", lang), *chosen]
    rows = [
        [t("col_target_group", lang)]
        + [t(f"tg_{records[n]['target_group']}", lang) for n in chosen]
    ]
    rows.append(
        [t("col_provider", lang)]
        + [str(records[n].get("provider") or t("fan_none", lang)) for n in chosen]
    )
    for name in figures.DETAIL_FIGURES:
        rows.append(
            [t(figures.FIGURES[name].heading, lang)]
            + [formatting.figure_value(name, records[n], lang) for n in chosen]
        )
    return header, rows


def ranked(frame: pd.DataFrame, measure: str = "gross") -> pd.DataFrame:
    """Cheapest per job first; those without the measure last, by name."""
    column = measure_column(measure)
    order = frame.assign(
        _missing=frame[column].isna(),
        _value=frame[column].fillna(0.0),
        _name=frame["name"].str.casefold(),
    )
    order = order.sort_values(["_missing", "_value", "_name"], kind="stable")
    return order.drop(columns=["_missing", "_value", "_name"])


NEEDS: dict[str, tuple[str, ...]] = {
    "job": ("job", "virksomhed", "praktik", "løntilskud", "samtale", "formidling", "ansæt"),
    "skills": ("uddannelse", "opkvalific", "kursus", "kompetence", "læring", "lær ", "amu"),
    "health": (
        "helbred",
        "sygemeld",
        "psyk",
        "mentor",
        "trivsel",
        "ips",
        "mestring",
        "smerte",
        "stress",
        "misbrug",
        "behandling",
        "vold",
        "hjemløs",
    ),
    "language": ("sprog", "dansk", "integration", "flygtning", "indvandr", "kvinder"),
    "youth": ("ung", "unge", "ungdom", "16-", "18-", "25 år", "30 år"),
    "company": ("virksomhed", "praktik", "løntilskud", "arbejdsgiver", "job"),
}
"""Words in a name or description that suggest an intervention meets a need. The data has no
needs column, so this is a search, and the caseworker sees which interventions it found."""


def fits_need(frame: pd.DataFrame, need: str | None) -> pd.Series:
    import pandas as pd

    if not need or need not in NEEDS:
        return pd.Series(True, index=frame.index)
    text = (frame["name"].fillna("") + " " + frame["description"].fillna("")).str.casefold()
    hit = pd.Series(False, index=frame.index)
    for word in NEEDS[need]:
        hit |= text.str.contains(word, regex=False)
    return hit


def caseworker_list(
    frame: pd.DataFrame, target_group: str, need: str | None = None, limit: int = 5
) -> pd.DataFrame:
    """The interventions that fit a citizen: their target group or cross-cutting, best first.

    Best: most stars, then the better effect rating, then the lowest gross price per job.
    """
    groups = {target_group, "cross"} if target_group != "cross" else set(TARGET_GROUPS)
    fitting = frame[frame["target_group"].isin(groups) & fits_need(frame, need)]
    order = fitting.assign(
        _stars=-fitting["evidence_stars"].astype("float64"),
        _effect=fitting["effect_rating"].map(EFFECT_ORDER).fillna(3),
        _missing=fitting["price_per_job"].isna(),
        _price=fitting["price_per_job"].fillna(0.0),
    ).sort_values(["_stars", "_effect", "_missing", "_price"], kind="stable")
    return order.drop(columns=["_stars", "_effect", "_missing", "_price"]).head(max(1, limit))


def free_places(record: dict[str, Any]) -> float | None:
    """Capacity less the planned participants, never below 0; None where there is no limit."""
    capacity = _number(record.get("capacity"))
    if capacity is None:
        return None
    return max(0.0, capacity - (_number(record.get("participants")) or 0.0))


def caseworker_facts(record: dict[str, Any], lang: str = "da") -> tuple[str, ...]:
    """What a caseworker needs to refer a citizen: how long it lasts, whether there is room,
    and whom to contact (the provider) with where the figures come from. Plain text: the
    provider and the source are as typed, so the page shows them with `st.text`."""
    weeks = _number(record.get("duration_weeks"))
    duration = (
        t(
            "fan_cw_duration",
            lang,
            weeks=formatting.number(weeks, lang, 0 if weeks.is_integer() else 1),
        )
        if weeks is not None
        else t("fan_cw_duration_missing", lang)
    )
    free = free_places(record)
    if free is None:
        room = t("fan_cw_free_unlimited", lang)
    else:
        room = t(
            "fan_cw_free" if free > 0 else "fan_cw_full",
            lang,
            free=formatting.number(free, lang),
            capacity=formatting.number(record.get("capacity"), lang),
        )
    provider = str(record.get("provider") or "").strip()
    refer = (
        t(
            "fan_cw_refer",
            lang,
            provider=provider,
            type=formatting.figure_value("provider_type", record, lang),
        )
        if provider
        else t("fan_cw_refer_unknown", lang)
    )
    source = str(record.get("source") or "").strip()
    lines = [duration, room, refer]
    if source:
        lines.append(t("fan_cw_source", lang, source=source))
    return tuple(lines)


# --- the lists of the fan and overview pages ------------------------------------------------


def list_lines(frame: pd.DataFrame, measure: str, lang: str, limit: int) -> list[str]:
    """The plain-text list under the matrix, cheapest first: name, group, stars, effect
    rating and the measure's price per job, at most `limit` lines."""
    rows = ranked(frame, measure).head(limit)
    columns = [
        formatting.figure_column(name, rows, lang)
        for name in (
            "name",
            "target_group",
            "evidence_stars",
            "effect_rating",
            measure_column(measure),
        )
    ]
    return ["  ·  ".join(cells) for cells in zip(*columns, strict=True)]


SORTS: dict[str, tuple[str, bool]] = {
    "price_per_job": ("price_per_job", True),
    "price_per_additional_job": ("price_per_additional_job", True),
    "net_effect": ("net_effect", False),
    "benefit_cost_ratio": ("benefit_cost_ratio", False),
    "evidence_stars": ("evidence_stars", False),
}
"""Sort key of the ranked table: (column, lowest first?)."""

RANKED_FIGURES = (
    "name",
    "target_group",
    "evidence_stars",
    "price_per_job",
    "net_effect",
    "price_per_additional_job",
    "benefit_cost_ratio",
)
"""The ranked table's columns: the figures it ranks by, so it fits beside the sidebar at 1366
px (the scatter above shows the participants as the dots' size)."""


def ranked_table(frame: pd.DataFrame, sort: str, lang: str, limit: int) -> pd.DataFrame:
    """The overview's table: ranked by `sort` (those without it last, then by name), at most
    `limit` rows, every cell as the reader sees it."""
    import pandas as pd

    column, ascending = SORTS.get(sort, SORTS["price_per_job"])
    rows = (
        frame.assign(_missing=frame[column].isna())
        .sort_values(
            ["_missing", column, "name"],
            ascending=[True, ascending, True],
            kind="stable",
        )
        .head(limit)
    )
    table: dict[str, list[Any]] = {t("fan_rank", lang): list(range(1, len(rows) + 1))}
    for name in RANKED_FIGURES:
        table[t(figures.FIGURES[name].heading, lang)] = formatting.figure_column(name, rows, lang)
    return pd.DataFrame(table)
