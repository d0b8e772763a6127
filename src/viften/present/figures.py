"""Every figure a reader sees, in one registry: its heading, its unit, its definition and why
it can be missing.

The table, the drill-down, the comparison, the tooltips, the ranked list, the deck and the
effect and budget pages all name and format a figure through this registry (and
`formatting.figure`/`formatting.figure_column`), so one figure reads the same in every view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from viften.model import domain

Kind = Literal[
    "kroner",
    "percent",
    "points",
    "ratio",
    "count",
    "capacity",
    "weeks",
    "stars",
    "effect_rating",
    "rates_from",
    "target_group",
    "provider_type",
    "chance",
    "year",
    "per_krone",
    "text",
]
"""How a value is written: kroner (1.234 kr.), percent (a share: 35,4 %), points (a difference
of shares: +2,5 pct.point), ratio (1,25), count (1.234), capacity (a count, or no limit),
weeks (12 or 12,5), stars (★★☆), chance (a probability in whole percent), year (a year of
the budget case: år 3), per_krone (kroner with two decimals: 0,32 kr.), a code shown as its
name (effect_rating, rates_from, target_group, provider_type), or text as typed."""


@dataclass(frozen=True)
class Figure:
    """One figure of an intervention."""

    name: str
    """The column in the interventions table (store.views)."""
    kind: Kind
    definition: str | None = None
    """Text key of its definition; None where the heading says it all."""
    heading_key: str | None = None
    """Text key of its heading; None: `col_<name>`."""
    reason_as: str | None = None
    """The derived figure whose rule says why this one is missing; None: its own name."""

    @property
    def heading(self) -> str:
        return self.heading_key or f"col_{self.name}"

    def reason_missing(self, record: Mapping[str, Any]) -> str:
        """Text key of why the figure is missing for this row (it is, or the caller would not
        ask): a rule of interface.md's derived figures, else 'not given'."""
        return domain.unavailable_reason(self.reason_as or self.name, dict(record)) or NOT_GIVEN


NOT_GIVEN = "fan_none"
"""The reason of a figure that was simply left empty."""

_FIGURES: tuple[Figure, ...] = (
    Figure("name", "text"),
    Figure("target_group", "target_group"),
    Figure("provider", "text"),
    Figure("provider_type", "provider_type"),
    Figure("price_per_participant", "kroner", "fan_def_price_per_participant"),
    Figure("job_rate", "percent", "fan_def_job_rate"),
    Figure("control_job_rate", "percent", "fan_def_control_job_rate"),
    Figure("net_effect", "points", "def_net_effect"),
    Figure("price_per_job", "kroner", "def_price_per_job"),
    Figure("price_per_additional_job", "kroner", "def_price_per_additional_job"),
    Figure("benefit_cost_ratio", "ratio", "def_benefit_cost_ratio"),
    Figure("break_even_effect", "points", "def_break_even_effect"),
    Figure("evidence_stars", "stars", "fan_def_evidence_stars"),
    Figure("effect_rating", "effect_rating", "fan_def_effect_rating"),
    Figure("capacity", "capacity", "fan_def_capacity"),
    Figure("participants", "count", "fan_def_participants"),
    Figure("duration_weeks", "weeks", "fan_def_duration_weeks"),
    Figure("rates_from", "rates_from", "fan_def_rates_from"),
    # the effect and business-case page
    Figure("entered_job_rate", "percent", heading_key="effects_col_entered_rate"),
    Figure("measured_job_rate", "percent", heading_key="effects_col_measured_rate"),
    Figure(
        "entered_net_effect",
        "points",
        heading_key="effects_col_entered_effect",
        reason_as="net_effect",
    ),
    Figure(
        "measured_net_effect",
        "points",
        heading_key="effects_col_measured_effect",
        reason_as="net_effect",
    ),
    Figure("n_treatment", "count", heading_key="effects_col_n_treatment"),
    Figure("n_control", "count", heading_key="effects_col_n_control"),
    Figure(
        "net_result_per_participant",
        "kroner",
        "effects_def_net_result",
        heading_key="effects_col_net_result",
        reason_as="net_effect",
    ),
    Figure(
        "probability_pays_off",
        "chance",
        "effects_def_probability",
        heading_key="effects_col_probability",
        reason_as="net_effect",
    ),
)

_CASE_FIGURES: tuple[Figure, ...] = (
    Figure(
        "kommune_npv_per_krone",
        "per_krone",
        "case_def_per_krone",
        heading_key="case_col_per_krone",
    ),
    *(
        Figure(
            f"npv_{payer}", "kroner", f"case_def_npv_{payer}", f"case_col_npv_{payer}", "case_npv"
        )
        for payer in ("kommune", "state", "other_municipalities", "public")
    ),
    *(
        Figure(
            f"payback_year_{payer}",
            "year",
            f"case_def_payback_{payer}",
            f"case_col_payback_{payer}",
            "case_payback",
        )
        for payer in ("kommune", "public")
    ),
    *(
        Figure(
            f"break_even_effect_{payer}",
            "points",
            f"case_def_break_even_{payer}",
            f"case_col_break_even_{payer}",
            "case_break_even",
        )
        for payer in ("kommune", "public")
    ),
    Figure(
        "wrong_pocket_share",
        "percent",
        "case_def_wrong_pocket",
        heading_key="case_col_wrong_pocket",
        reason_as="case_wrong_pocket",
    ),
)
"""The budget case's figures, named as `case --json` names them (interface.md), per
participant."""

CASE_FIGURES: tuple[str, ...] = tuple(f.name for f in _CASE_FIGURES)
"""The budget case's figures in the order the case page defines them."""

FIGURES: dict[str, Figure] = {f.name: f for f in (*_FIGURES, *_CASE_FIGURES)}
"""Name → figure."""

DETAIL_FIGURES: tuple[str, ...] = (
    "price_per_participant",
    "job_rate",
    "control_job_rate",
    "net_effect",
    "price_per_job",
    "price_per_additional_job",
    "benefit_cost_ratio",
    "break_even_effect",
    "evidence_stars",
    "effect_rating",
    "capacity",
    "participants",
    "duration_weeks",
    "rates_from",
)
"""The figures of one intervention's drill-down and of the comparison, in order."""

EFFECT_RATINGS = tuple(r.value for r in domain.EffectRating)
UNRATED = "fan_row_unrated"
"""Text key of a missing effect rating: 'Ikke vurderet' says more than a dash."""


def figure(name: str) -> Figure:
    """The figure called `name`; a KeyError names the known ones."""
    try:
        return FIGURES[name]
    except KeyError:
        raise KeyError(f"unknown figure {name!r}; known: {', '.join(FIGURES)}") from None
