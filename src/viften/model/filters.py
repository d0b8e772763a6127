"""The filters every page shares, and how they travel in a URL.

Nothing read from a URL is trusted: a value that does not parse, or is out of
range, falls back to its default instead of raising. Where that changes what the reader
asked for (a target-group choice that names none, a price range given the wrong way
round), `read_query` says so in a `Message` beside the filters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from viften.model.domain import EffectRating, ProviderType, municipality_key
from viften.model.messages import Message
from viften.model.target_groups import TARGET_GROUPS

if TYPE_CHECKING:
    import pandas as pd

ALL_TARGET_GROUPS = TARGET_GROUPS
ALL_EFFECT_RATINGS = tuple(r.value for r in EffectRating)
ALL_PROVIDER_TYPES = tuple(p.value for p in ProviderType)
MAX_SEARCH_LENGTH = 100
MAX_MUNICIPALITY_LENGTH = 200


@dataclass(frozen=True)
class Filters:
    """What part of the fan is in view."""

    year: int | None = None
    """None: the newest year in the database."""
    target_groups: tuple[str, ...] = ALL_TARGET_GROUPS
    min_stars: int = 1
    effect_ratings: tuple[str, ...] = ()
    """Empty: every rating, unrated included."""
    provider_types: tuple[str, ...] = ()
    """Empty: every provider type, unknown included."""
    min_price_per_job: float | None = None
    max_price_per_job: float | None = None
    search: str = ""
    municipality: str | None = None
    """None: every municipality; else the one of that name (matched as `list --municipality`:
    any case, surrounding spaces ignored)."""
    extra: tuple[tuple[str, str], ...] = field(default=())
    """Other pages' own URL parameters, kept as they are."""

    def with_year(self, year: int | None) -> Filters:
        return replace(self, year=year)


def _choices(raw: str | None, allowed: tuple[str, ...]) -> tuple[str, ...] | None:
    if raw is None:
        return None
    picked = tuple(v for v in allowed if v in {p.strip().lower() for p in raw.split(",")})
    return picked or None


def _int(raw: str | None, low: int, high: int) -> int | None:
    try:
        value = int(str(raw))
    except (TypeError, ValueError):
        return None
    return value if low <= value <= high else None


def _float(raw: str | None) -> float | None:
    try:
        value = float(str(raw))
    except (TypeError, ValueError):
        return None
    return value if value >= 0 and value < 1e13 else None


def read_query(params: Mapping[str, str]) -> tuple[Filters, tuple[Message, ...]]:
    """Filters from URL query parameters, each bad value replaced by its default, and a note
    for every change the reader should know of.

    A target-group choice that names no target group (`tg=`, `tg=x`) shows every target
    group, never an empty fan; a price range written the wrong way round is turned round.
    """
    defaults = Filters()
    notes: list[Message] = []
    target_groups = _choices(params.get("tg"), ALL_TARGET_GROUPS)
    if target_groups is None:
        if params.get("tg") is not None:
            notes.append(Message.of("filters_url_all_target_groups"))
        target_groups = defaults.target_groups
    low = _float(params.get("pmin"))
    high = _float(params.get("pmax"))
    if low is not None and high is not None and low > high:
        notes.append(price_range_turned(low, high))
        low, high = high, low
    filters = Filters(
        year=_int(params.get("year"), 2000, 2100),
        target_groups=target_groups,
        min_stars=_int(params.get("stars"), 1, 3) or 1,
        effect_ratings=_choices(params.get("effect"), ALL_EFFECT_RATINGS) or (),
        provider_types=_choices(params.get("ptype"), ALL_PROVIDER_TYPES) or (),
        min_price_per_job=low,
        max_price_per_job=high,
        search=str(params.get("q", ""))[:MAX_SEARCH_LENGTH],
        municipality=_municipality(params.get("kommune")),
    )
    return filters, tuple(notes)


def _municipality(raw: str | None) -> str | None:
    if raw is None:
        return None
    cleaned = " ".join(str(raw).split())[:MAX_MUNICIPALITY_LENGTH]
    return cleaned or None


def from_query(params: Mapping[str, str]) -> Filters:
    """Filters from URL query parameters, each bad value replaced by its default."""
    return read_query(params)[0]


def price_range_turned(low: float, high: float) -> Message:
    """The note for a price range given from `low` to `high`, with `low` above `high`."""
    return Message.of(
        "filters_price_range_turned", given_from=("money", low), given_to=("money", high)
    )


def with_price_range_in_order(filters: Filters) -> tuple[Filters, Message | None]:
    """The filters with their price range the right way round, and a note if it was not."""
    low, high = filters.min_price_per_job, filters.max_price_per_job
    if low is None or high is None or low <= high:
        return filters, None
    return (
        replace(filters, min_price_per_job=high, max_price_per_job=low),
        price_range_turned(low, high),
    )


def _url_number(value: float) -> str:
    # every digit kept: "%g" would write 1234567 as 1.23457e+06
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def to_query(filters: Filters) -> dict[str, str]:
    """The URL parameters that differ from the defaults."""
    out: dict[str, str] = {}
    if filters.year is not None:
        out["year"] = str(filters.year)
    if set(filters.target_groups) != set(ALL_TARGET_GROUPS):
        out["tg"] = ",".join(filters.target_groups)
    if filters.min_stars > 1:
        out["stars"] = str(filters.min_stars)
    if filters.effect_ratings:
        out["effect"] = ",".join(filters.effect_ratings)
    if filters.provider_types:
        out["ptype"] = ",".join(filters.provider_types)
    if filters.min_price_per_job is not None:
        out["pmin"] = _url_number(filters.min_price_per_job)
    if filters.max_price_per_job is not None:
        out["pmax"] = _url_number(filters.max_price_per_job)
    if filters.search:
        out["q"] = filters.search
    if filters.municipality is not None:
        out["kommune"] = filters.municipality
    return out


def _in_municipality(frame: pd.DataFrame, municipality: str | None) -> pd.Series:
    if municipality is None or "municipality" not in frame:
        return frame["name"].map(lambda _: True).astype(bool)
    wanted = municipality_key(municipality)
    return frame["municipality"].fillna("").str.strip().str.casefold() == wanted


def municipality_only(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the municipality the filters name (all where they name none), the other
    filters left aside: what a kommune's budget is spent on."""
    return frame[_in_municipality(frame, filters.municipality)].reset_index(drop=True)


def apply(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of a derived interventions table that the filters let through.

    Rows without a price per job are kept by a price range (they have no price to
    compare), so a filter never silently hides an intervention for lacking a figure.
    """
    keep = frame["target_group"].isin(filters.target_groups)
    keep &= _in_municipality(frame, filters.municipality)
    keep &= frame["evidence_stars"] >= filters.min_stars
    if filters.effect_ratings:
        keep &= frame["effect_rating"].isin(filters.effect_ratings)
    if filters.provider_types:
        keep &= frame["provider_type"].isin(filters.provider_types)
    if "price_per_job" in frame:
        price = frame["price_per_job"]
        if filters.min_price_per_job is not None:
            keep &= price.isna() | (price >= filters.min_price_per_job)
        if filters.max_price_per_job is not None:
            keep &= price.isna() | (price <= filters.max_price_per_job)
    needle = filters.search.strip().casefold()
    if needle:
        haystack = (
            frame["name"].fillna("")
            + " "
            + frame["provider"].fillna("")
            + " "
            + frame["description"].fillna("")
        ).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    return frame[keep]
