"""The assumptions of the budget case, each with its source, and the law it rests on.

Why this module exists: a municipal finance department accepts a case only when every figure
it rests on can be looked up, changed and traced. So the assumptions live in one frozen value
(`Assumptions`), the defaults name their source and year and call an estimate an estimate,
and one function (`Assumptions.overridden`) applies the override rules of
`case --assumptions FILE` (interface.md, "The budget case"): a JSON object replaces key by key,
and inside `benefits` and `target_group_defaults` entry by entry; its optional `sources`
name where its values come from. Everything that checks a value raises `BadInput` with a
message that names the key, so the CLI exits 2.

The kommune's share of a benefit by week of the spell (`REFUND_STAIRCASE`) is law, not an
assumption: it is a constant here with its source, and no override changes it.

Pure Python; no numpy, no pandas, no database. `to_dict`/`from_dict` give the JSON-able form
the store keeps per fan year.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from viften.model.domain import TargetGroup
from viften.model.errors import BadInput
from viften.model.messages import Message

HISTORY_PREFIX = "assumptions."
"""How the history names a changed assumption: `assumptions.` and its key (`assumptions.wage`,
`assumptions.benefits.dagpenge`); its `name` is empty, as no intervention's can be."""


# --- the law: who bears a benefit, week by week ------------------------------------------------


@dataclass(frozen=True)
class RefundStep:
    """One step of the refund staircase: from week `first_week` of a spell on public benefit."""

    first_week: int
    """The first week (counted from 1) the step applies to."""
    kommune_share: float
    """The share of the benefit the kommune bears in these weeks (after the state's refund, or
    as its co-financing of a benefit paid by an a-kasse or Udbetaling Danmark)."""


REFUND_STAIRCASE: tuple[RefundStep, ...] = (
    RefundStep(1, 0.20),
    RefundStep(5, 0.60),
    RefundStep(27, 0.70),
    RefundStep(53, 0.80),
)
"""s(w): the kommune bears 20 % in weeks 1-4, 60 % in weeks 5-26, 70 % in weeks 27-52 and 80 %
from week 53 of the total time on public benefit."""

REFUND_STAIRCASE_SOURCE = (
    "Lov om kommunernes finansiering af visse offentlige ydelser, LBK nr. 221 af 12/02/2021, "
    "§ 5 (refusion 80/40/30/20 %; medfinansiering 20/60/70/80 % af ydelser fra a-kasse og "
    "Udbetaling Danmark), i kraft siden 4. januar 2016. Lov, ikke en antagelse."
)
"""Where the staircase comes from; shown beside it wherever it is used."""


# --- the benefits -----------------------------------------------------------------------------

BENEFITS: tuple[str, ...] = (
    "kontanthjaelp",
    "uddannelseshjaelp",
    "sygedagpenge",
    "dagpenge",
    "ressourceforloeb",
    "foertidspension",
)
"""The benefit keys, exactly as interface.md spells them."""

_BENEFIT_ALIASES: dict[str, str] = {
    "ressourceforloebsydelse": "ressourceforloeb",
    "ressourceforlobsydelse": "ressourceforloeb",
    "ressourceforlob": "ressourceforloeb",
}


def _ascii(text: str) -> str:
    return text.strip().casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def parse_benefit(text: Any) -> str | None:
    """A benefit key from its spelling with or without æ, ø, å (`kontanthjælp`), else None.

    Case and surrounding spaces are ignored; `ressourceforløbsydelse` is `ressourceforloeb`.
    """
    if not isinstance(text, str):
        return None
    key = _ascii(text)
    key = _BENEFIT_ALIASES.get(key, key)
    return key if key in BENEFITS else None


# --- the assumptions --------------------------------------------------------------------------


@dataclass(frozen=True)
class BenefitDefault:
    """What a target group's participants live on when an intervention does not say."""

    benefit: str
    """One of BENEFITS."""
    weeks_on_benefit: int
    """Weeks on public benefit when the intervention starts (whole, ≥ 0)."""


@dataclass(frozen=True)
class Assumptions:
    """Everything the budget case assumes besides the law (interface.md, "The budget case")."""

    benefits: Mapping[str, float]
    """Kroner per full-time person per year, for every key of BENEFITS."""
    wage: float
    """W: yearly earnings in the job."""
    tax_rate: float
    """t: the share of an extra krone of income that reaches the public purse, all taxes."""
    municipal_tax_rate: float
    """τ: the kommune's part of t."""
    equalisation: float
    """u: the share of the kommune's tax gain that the equalisation passes to other kommuner."""
    discount_rate: float
    """r: the yearly discount rate."""
    horizon: int
    """H: whole years after the intervention ends that the case counts (≥ 1)."""
    persistence: float
    """ρ: the share of the extra effect still there one year later, for interventions
    without their own."""
    target_group_defaults: Mapping[str, BenefitDefault]
    """For every target group: the benefit and weeks on benefit of an intervention that does
    not give its own."""
    sources: Mapping[str, str] = field(default_factory=dict)
    """Where each value comes from, by key: `wage`, `benefits.dagpenge`,
    `target_group_defaults.closer` and so on. An estimate says so."""

    def source(self, key: str) -> str | None:
        """The source of `key`; an entry of benefits or target_group_defaults falls back on the
        source of the whole group."""
        if key in self.sources:
            return self.sources[key]
        return self.sources.get(key.partition(".")[0])

    def benefit_amount(self, benefit: str) -> float:
        return float(self.benefits[benefit])

    def to_dict(self) -> dict[str, Any]:
        """The JSON-able form, the same shape as an `--assumptions` file."""
        return {
            "benefits": {key: float(self.benefits[key]) for key in BENEFITS},
            "wage": float(self.wage),
            "tax_rate": float(self.tax_rate),
            "municipal_tax_rate": float(self.municipal_tax_rate),
            "equalisation": float(self.equalisation),
            "discount_rate": float(self.discount_rate),
            "horizon": int(self.horizon),
            "persistence": float(self.persistence),
            "target_group_defaults": {
                group: {
                    "benefit": default.benefit,
                    "weeks_on_benefit": int(default.weeks_on_benefit),
                }
                for group, default in self.target_group_defaults.items()
            },
            "sources": dict(self.sources),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assumptions:
        """Assumptions from `to_dict`'s form (a stored year's); a key it lacks keeps the
        default. Checked as an override file is."""
        return DEFAULT.overridden(data, origin="stored assumptions")

    def overridden(
        self, overrides: Mapping[str, Any] | None, origin: str = "--assumptions file"
    ) -> Assumptions:
        """These assumptions with `overrides` applied by the rules of `case --assumptions`.

        Top-level keys replace; `benefits` and `target_group_defaults` replace entry by entry
        (and a target group's entry field by field). A value overridden without a source in
        the overrides' `sources` gets `origin` as its source. Raises BadInput naming the key.
        """
        if overrides is None:
            return self
        if not isinstance(overrides, Mapping):
            raise BadInput(_message("assumptions_not_object", origin))
        unknown = [key for key in overrides if key not in _KEYS]
        if unknown:
            raise BadInput(_unknown_key(str(unknown[0]), _KEYS, origin))
        changes: dict[str, Any] = {}
        sourced: dict[str, str] = {}
        for key, value in overrides.items():
            if key == "sources":
                continue
            if key == "benefits":
                benefits = dict(self.benefits)
                for name, amount in _entries(value, key, origin).items():
                    benefit = parse_benefit(name)
                    if benefit is None:
                        raise BadInput(_unknown_key(f"benefits.{name}", _benefit_keys(), origin))
                    benefits[benefit] = _number(amount, f"benefits.{name}", origin, low=0.0)
                    sourced[f"benefits.{benefit}"] = origin
                changes[key] = benefits
            elif key == "target_group_defaults":
                defaults = dict(self.target_group_defaults)
                for group, entry in _entries(value, key, origin).items():
                    if group not in _GROUPS:
                        raise BadInput(
                            _unknown_key(
                                f"{key}.{group}", tuple(f"{key}.{g}" for g in _GROUPS), origin
                            )
                        )
                    defaults[group] = _benefit_default(
                        entry, defaults.get(group), f"{key}.{group}", origin
                    )
                    sourced[f"{key}.{group}"] = origin
                changes[key] = defaults
            else:
                changes[key] = _SCALARS[key](value, key, origin)
                sourced[key] = origin
        given = overrides.get("sources", {})
        for key, text in _entries(given, "sources", origin).items():
            if not isinstance(text, str):
                raise BadInput(
                    _message("assumptions_source_not_text", origin, key=f"sources.{key}")
                )
            if key.partition(".")[0] not in _KEYS or key == "sources":
                raise BadInput(
                    _unknown_key(f"sources.{key}", tuple(f"sources.{k}" for k in _KEYS), origin)
                )
            sourced[key] = text
        result = replace(self, **changes, sources={**self.sources, **sourced})
        result.check(origin)
        return result

    def check(self, origin: str = "assumptions") -> None:
        """Raise BadInput where the values do not fit together (named by their keys)."""
        if self.municipal_tax_rate > self.tax_rate:
            raise BadInput(
                _message(
                    "assumptions_tax_order",
                    origin,
                    "municipal_tax_rate",
                    part=("share", self.municipal_tax_rate),
                    whole=("share", self.tax_rate),
                )
            )
        missing = [b for b in BENEFITS if b not in self.benefits]
        if missing:
            raise BadInput(_message("assumptions_no_amount", origin, key=f"benefits.{missing[0]}"))


def _message(text_key: str, origin: str, key: str | None = None, **values: Any) -> Message:
    """A message about the assumptions: where they came from (`origin`), the key it is
    about (written as the reader knows it: the key in English, its name in Danish) and
    more values as `Message.of` takes them."""
    named: dict[str, tuple[str, Any]] = {"origin": ("origin", origin)}
    if key is not None:
        named["field"] = ("assumption", key)
    return Message.of(text_key, **named, **values)


def _unknown_key(key: str, known: tuple[str, ...], origin: str) -> Message:
    close = difflib.get_close_matches(key, known, n=1)
    listed = ("text", ", ".join(known))
    if close:
        return _message(
            "assumptions_unknown_key_close", origin, key, close=("text", close[0]), known=listed
        )
    return _message("assumptions_unknown_key", origin, key, known=listed)


def _benefit_keys() -> tuple[str, ...]:
    return tuple(f"benefits.{b}" for b in BENEFITS)


def _entries(value: Any, key: str, origin: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise BadInput(_message("assumptions_not_mapping", origin, key))
    return value


def _number(
    value: Any,
    key: str,
    origin: str,
    low: float | None = None,
    high: float | None = None,
    share: bool = False,
) -> float:
    """A finite number from JSON (a share may also be written "3,5 %")."""
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and share:
        text = value.strip().replace(",", ".")
        scale = 100.0 if text.endswith("%") else 1.0
        try:
            number = float(text.rstrip("%").strip()) / scale
        except ValueError:
            number = None
    written = ("text", repr(value))
    if number is None or not math.isfinite(number):
        raise BadInput(_message("assumptions_not_number", origin, key, value=written))
    if (low is not None and number < low) or (high is not None and number > high):
        if high is None:
            raise BadInput(
                _message("assumptions_too_low", origin, key, low=("figure", low), value=written)
            )
        raise BadInput(
            _between(
                "assumptions_out_of_range",
                origin,
                key,
                low if low is not None else -math.inf,
                high,
                value,
            )
        )
    return number


def _between(text_key: str, origin: str, key: str, low: float, high: float, value: Any) -> Message:
    """`key must be (a whole number) from low to high, not value`."""
    return _message(
        text_key,
        origin,
        key,
        low=("figure", low),
        high=("figure", high),
        value=("text", repr(value)),
    )


def _share(value: Any, key: str, origin: str) -> float:
    return _number(value, key, origin, low=0.0, high=1.0, share=True)


def _money(value: Any, key: str, origin: str) -> float:
    return _number(value, key, origin, low=0.0)


def _whole(value: Any, key: str, origin: str, low: int, high: int) -> int:
    number = _number(value, key, origin)
    if not number.is_integer() or not low <= number <= high:
        raise BadInput(_between("assumptions_not_whole", origin, key, low, high, value))
    return int(number)


MAX_HORIZON = 100
"""The longest horizon accepted, in years: beyond it a case says nothing a committee can use."""


def _horizon(value: Any, key: str, origin: str) -> int:
    return _whole(value, key, origin, 1, MAX_HORIZON)


def _benefit_default(
    entry: Any, current: BenefitDefault | None, key: str, origin: str
) -> BenefitDefault:
    fields = _entries(entry, key, origin)
    unknown = [name for name in fields if name not in ("benefit", "weeks_on_benefit")]
    if unknown:
        raise BadInput(
            _unknown_key(
                f"{key}.{unknown[0]}", (f"{key}.benefit", f"{key}.weeks_on_benefit"), origin
            )
        )
    if current is None and len(fields) < 2:
        raise BadInput(_message("assumptions_needs_both", origin, key))
    benefit = current.benefit if current is not None else ""
    if "benefit" in fields:
        parsed = parse_benefit(fields["benefit"])
        if parsed is None:
            raise BadInput(
                _message(
                    "assumptions_not_benefit",
                    origin,
                    f"{key}.benefit",
                    value=("text", repr(fields["benefit"])),
                    known=("text", ", ".join(BENEFITS)),
                )
            )
        benefit = parsed
    weeks = current.weeks_on_benefit if current is not None else 0
    if "weeks_on_benefit" in fields:
        weeks = _whole(fields["weeks_on_benefit"], f"{key}.weeks_on_benefit", origin, 0, 10_000)
    return BenefitDefault(benefit, weeks)


_SCALARS = {
    "wage": _money,
    "tax_rate": _share,
    "municipal_tax_rate": _share,
    "equalisation": _share,
    "discount_rate": _share,
    "horizon": _horizon,
    "persistence": _share,
}
SCALAR_KEYS: tuple[str, ...] = tuple(_SCALARS)
"""The assumptions that are one number each (not `benefits`, `target_group_defaults`)."""
_KEYS: tuple[str, ...] = ("benefits", *_SCALARS, "target_group_defaults", "sources")
_GROUPS: tuple[str, ...] = tuple(group.value for group in TargetGroup)


def parse_overrides(text: str | bytes, origin: str = "--assumptions file") -> dict[str, Any]:
    """The JSON object of an `--assumptions` file; BadInput where it is not one."""
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadInput(
            _message("assumptions_not_json", origin, error=("text", str(error)))
        ) from None
    if not isinstance(data, dict):
        raise BadInput(_message("assumptions_not_object", origin))
    return data


def effective(
    stored: Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
    origin: str = "--assumptions file",
) -> Assumptions:
    """The assumptions a case uses: the year's stored ones (else the defaults), then a file's
    overrides on top."""
    base = Assumptions.from_dict(stored) if stored is not None else DEFAULT
    return base.overridden(overrides, origin)


# --- the defaults -----------------------------------------------------------------------------

_BM_2023 = "https://bm.dk/satser/satser-for-2023/kontanthjaelp/"

DEFAULT = Assumptions(
    benefits={
        "kontanthjaelp": 143_328.0,
        "uddannelseshjaelp": 92_388.0,
        "sygedagpenge": 236_600.0,
        "dagpenge": 253_104.0,
        "ressourceforloeb": 143_328.0,
        "foertidspension": 229_104.0,
    },
    wage=330_000.0,
    tax_rate=0.55,
    municipal_tax_rate=0.25,
    equalisation=0.75,
    discount_rate=0.035,
    horizon=10,
    persistence=0.5,
    target_group_defaults={
        "closer": BenefitDefault("dagpenge", 13),
        "further": BenefitDefault("kontanthjaelp", 104),
        "cross": BenefitDefault("kontanthjaelp", 52),
    },
    sources={
        "benefits.kontanthjaelp": "2023: kontanthjælp 30+, ikke-forsørger, 11.944 kr./md. × 12 "
        f"({_BM_2023}). Kontanthjælpssystemet blev ændret 1. juli 2025; den nye grundsats er "
        "ikke fundet.",
        "benefits.uddannelseshjaelp": "2023: uddannelseshjælp/kontanthjælp under 30, "
        f"udeboende, 7.699 kr./md. × 12 ({_BM_2023}).",
        "benefits.sygedagpenge": "2023: højeste sygedagpengebeløb 4.550 kr./uge × 52 "
        "(vejledning nr. 10391 af 19/12/2022, socialjura.dk).",
        "benefits.dagpenge": "2025: højeste dagpengesats, fuldtidsforsikret, 21.092 kr./md. × 12 "
        "(https://bm.dk/satser/satser-for-2025/dagpenge).",
        "benefits.ressourceforloeb": "2023: ressourceforløbsydelse som kontanthjælp, "
        "ikke-forsørger, 11.944 kr./md. × 12 (sekundær kilde).",
        "benefits.foertidspension": "2020: førtidspension, enlige, 19.092 kr./md. × 12 "
        "(https://bm.dk/satser/satser-for-2020/foertidspension/).",
        "wage": "Skøn (2025): årsløn i et ordinært fuldtidsjob for en tidligere ledig, "
        "ca. 27.500 kr./md.",
        "tax_rate": "Skøn (2025): andelen af en ekstra krones indkomst, der går til det "
        "offentlige som skat i alt (AM-bidrag, kommune- og statsskat, moms og afgifter).",
        "municipal_tax_rate": "Skøn (2025): kommuneskatten, ca. 25 % af indkomsten.",
        "equalisation": "Skøn (2020): landsudligningen udligner 75 % af forskellen i "
        "beskatningsgrundlag (L 196 2019-20, § 1 nr. 2, udligningsreformen); virkningen på "
        "udgiftsbehovet er ikke medregnet.",
        "discount_rate": "2023: 3,5 % for år 0-35 (Finansministeriet, notat af 7. januar 2021; "
        "vejledning i samfundsøkonomiske konsekvensvurderinger, juni 2023).",
        "horizon": "2024: 10 år, den længste horisont i SØM (Socialstyrelsen).",
        "persistence": "Skøn (2025): halvdelen af mereffekten er der stadig året efter.",
        "target_group_defaults.closer": "Skøn (2025): tættere på arbejdsmarkedet, typisk "
        "dagpengemodtagere; 13 uger på ydelse ved start.",
        "target_group_defaults.further": "Skøn (2025): længere fra arbejdsmarkedet, typisk "
        "aktivitetsparate kontanthjælpsmodtagere; 104 uger på ydelse ved start.",
        "target_group_defaults.cross": "Skøn (2025): tværgående, kontanthjælp; 52 uger på "
        "ydelse ved start.",
    },
)
"""The defaults of public-finance.md, each with its source and year; estimates say `Skøn`."""
