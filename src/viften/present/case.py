"""The budget case as a finance department and a committee read it, without Streamlit.

Why this module exists: `viften.model.case` gives arrays per payer and year; a reader needs
tables with the payers named, figures in Danish format, a dash with a reason where a figure
is missing, and the scope (year, filters, count) of every view. The page, the fan's shade,
the deck and presentation mode all take their case figures from here, so they show them the
same way.

An assumed extra effect (typed by the user for an intervention without one) is only ever held
in a `CaseView`: it is marked on every figure it touches and never stored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from viften.model import case as model
from viften.model.assumptions import BENEFITS, REFUND_STAIRCASE_SOURCE, Assumptions
from viften.model.target_groups import TARGET_GROUPS
from viften.present import formatting, messages
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd
    from numpy.typing import NDArray

    from viften.model.filters import Filters

PAYERS = model.PAYERS
LINES = model.LINES
KOMMUNE, STATE, OTHER, PUBLIC = model.KOMMUNE, model.STATE, model.OTHER, model.PUBLIC
NO_CASE_REASON = "reason_no_control"
"""Why an intervention has no case: its net effect is unknown without a control group."""
PER_KRONE_COLUMN = "kommune_npv_per_krone"
"""The column `with_gain_per_krone` adds: the kommune's net present value ÷ the price."""


# --- the case of the interventions in view ----------------------------------------------------


@dataclass(frozen=True)
class CaseView:
    """The case of the interventions in view, with any assumed effects marked."""

    frame: pd.DataFrame
    """The interventions in view, index 0 … m − 1 (a copy: nothing here changes the cache)."""
    case: model.Case
    assumed: NDArray[np.bool_]
    """True where the net effect is an assumption the user typed."""

    @cached_property
    def names(self) -> list[str]:
        return [str(n) for n in self.frame["name"]]

    def position(self, name: str) -> int | None:
        names = self.names
        return names.index(name) if name in names else None

    def has_case(self, index: int) -> bool:
        return not math.isnan(float(self.case.net_effect[index]))

    @property
    def participants(self) -> NDArray[np.float64]:
        """The planned participants of each intervention (0 where empty)."""
        if "participants" not in self.frame:
            return np.zeros(len(self.frame))
        values = np.asarray(self.frame["participants"], dtype=np.float64)
        return np.nan_to_num(values, nan=0.0)


def net_effects(frame: pd.DataFrame) -> NDArray[np.float64]:
    """The net effect of each row: its own column, else job_rate − control_job_rate."""
    if "net_effect" in frame:
        return np.asarray(frame["net_effect"], dtype=np.float64)
    return np.asarray(frame["job_rate"], dtype=np.float64) - np.asarray(
        frame["control_job_rate"], dtype=np.float64
    )


def case_view(
    frame: pd.DataFrame,
    assumptions: Assumptions,
    assumed_effects: Mapping[str, float] | None = None,
) -> CaseView:
    """The case of every row of a derived interventions table.

    `assumed_effects` maps a name to an extra effect to try; it applies only to an
    intervention without a net effect of its own (a measured or entered one is never replaced).
    """
    rows = frame.reset_index(drop=True)
    effect = net_effects(rows).copy()
    assumed = np.zeros(len(rows), dtype=bool)
    for name, value in (assumed_effects or {}).items():
        hit = (rows["name"] == name).to_numpy() & np.isnan(effect)
        effect[hit] = float(value)
        assumed |= hit
    columns: dict[str, Any] = {name: rows[name] for name in rows.columns}
    columns["net_effect"] = effect
    return CaseView(rows, model.from_columns(columns, assumptions), assumed)


def gain_per_krone(case: model.Case) -> NDArray[np.float64]:
    """npv_kommune ÷ price; NaN without a case or for a free intervention."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(case.price > 0, case.npv[KOMMUNE] / case.price, np.nan)


def with_gain_per_krone(frame: pd.DataFrame, assumptions: Assumptions) -> pd.DataFrame:
    """A copy of the frame with PER_KRONE_COLUMN (for the fan's shade)."""
    view = case_view(frame, assumptions)
    out = frame.reset_index(drop=True).copy()
    out[PER_KRONE_COLUMN] = gain_per_krone(view.case)
    return out


def per_krone_reason(record: Mapping[Any, Any]) -> str:
    """Why an intervention has no gain per krone (a text key)."""
    price = record.get("price_per_participant")
    if price is not None and not formatting.is_missing(price) and float(price) == 0:
        return "reason_zero_price"
    return NO_CASE_REASON


def per_krone_text(value: Any, lang: str = "da") -> str:
    """0,32 kr. / DKK 0.32: what the kommune gets back net per krone."""
    if formatting.is_missing(value):
        return "–"
    return formatting.kroner(value, lang, 2)


# --- the scope: year, filters, count -----------------------------------------------------------


def places_text(municipalities: Sequence[str], lang: str = "da") -> str | None:
    """'5 kommuner i visningen: Albertslund, Allerød, …' where more than one kommune is in
    view, else None. The names are the user's own: escape them where they go into Markdown."""
    if len(municipalities) < 2:
        return None
    shown = ", ".join(m or t("bm_own_municipality", lang) for m in municipalities)
    count = formatting.number(len(municipalities), lang)
    return t("fan_scope_places", lang, count=count, places=shown)


def scope_text(
    year: int | None,
    filters: Filters | None,
    count: int,
    lang: str = "da",
    municipalities: Sequence[str] = (),
) -> str:
    """'2026 · målgruppe: tættere på · mindst ★★ · 12 indsatser'; with more than one kommune
    in `municipalities`, they are named too. The search text is the user's own: escape it
    where it goes into Markdown."""
    parts: list[str] = []
    places = places_text(municipalities, lang)
    if places is not None:
        parts.append(places)
    if filters is not None:
        from viften.model import filters as flt

        if set(filters.target_groups) != set(flt.ALL_TARGET_GROUPS):
            groups = ", ".join(t(f"tg_{g}_short", lang).lower() for g in filters.target_groups)
            parts.append(t("case_scope_groups", lang, groups=groups))
        if filters.min_stars > 1:
            parts.append(t("case_scope_stars", lang, stars="★" * filters.min_stars))
        if filters.effect_ratings:
            ratings = ", ".join(t(f"er_{r}", lang).lower() for r in filters.effect_ratings)
            parts.append(t("case_scope_ratings", lang, ratings=ratings))
        if filters.provider_types:
            types = ", ".join(t(f"pt_{p}", lang).lower() for p in filters.provider_types)
            parts.append(t("case_scope_providers", lang, types=types))
        if filters.min_price_per_job is not None or filters.max_price_per_job is not None:
            parts.append(
                t(
                    "case_scope_price",
                    lang,
                    low=formatting.kroner(filters.min_price_per_job or 0, lang),
                    high=formatting.kroner(filters.max_price_per_job, lang),
                )
            )
        if filters.search:
            parts.append(t("case_scope_search", lang, text=filters.search))
    counted = (
        t("case_scope_count_one", lang)
        if count == 1
        else t("case_scope_count", lang, count=formatting.number(count, lang))
    )
    return t(
        "case_scope",
        lang,
        year=year if year is not None else "–",
        filters=", ".join(parts) if parts else t("case_scope_all", lang),
        count=counted,
    )


# --- one intervention ---------------------------------------------------------------------------


def scale_of(view: CaseView, index: int, planned: bool) -> float:
    """1 per participant, or the intervention's planned participants."""
    return float(view.participants[index]) if planned else 1.0


def scale_note(view: CaseView, index: int, planned: bool, lang: str = "da") -> str:
    if not planned:
        return t("case_scale_note_unit", lang)
    return t(
        "case_scale_note_planned", lang, count=formatting.number(view.participants[index], lang)
    )


def _marked(text: str, assumed: bool, lang: str) -> str:
    """The figure marked as assumed; a dash (no figure) stays as it is."""
    if assumed and not text.startswith("–"):
        return t("case_assumed_mark", lang, text=text)
    return text


def payer_table(
    view: CaseView,
    index: int,
    lang: str = "da",
    planned: bool = False,
    spread: model.PayerSpread | None = None,
) -> pd.DataFrame:
    """One row per payer: gain, cost, net present value, payback, break-even, the spread."""
    import pandas as pd

    case = view.case
    assumed = bool(view.assumed[index])
    scale = scale_of(view, index, planned)
    effect = float(case.net_effect[index])
    # the registry writes the figures of `case --json` (scaled to the planned participants)
    record: dict[str, Any] = {str(k): v for k, v in case_figures(view, [index]).iloc[0].items()}
    rows = []
    for payer, key in enumerate(PAYERS):
        gain = effect * case.gain[payer, index] * scale
        cost = case.cost[payer, index] * scale
        record[f"npv_{key}"] = case.npv[payer, index] * scale
        npv = formatting.figure_value(f"npv_{key}", record, lang)
        if payer in (KOMMUNE, PUBLIC):
            payback = formatting.figure_value(f"payback_year_{key}", record, lang)
            break_even = formatting.figure_value(f"break_even_effect_{key}", record, lang)
        else:
            payback = break_even = f"– ({t('case_pays_nothing', lang)})"
        rows.append(
            {
                t("case_col_payer", lang): t(f"case_payer_{key}", lang),
                t("case_col_gain", lang): _marked(formatting.kroner(gain, lang), assumed, lang),
                t("case_col_cost", lang): formatting.kroner(cost, lang),
                t("case_col_npv", lang): _marked(npv, assumed, lang),
                t("case_col_payback", lang): _marked(payback, assumed, lang),
                t("case_col_break_even", lang): break_even,
                t("case_col_chance", lang): _spread_text(
                    spread, payer, index, assumed, "chance", scale, lang
                ),
                t("case_col_p10", lang): _spread_text(
                    spread, payer, index, assumed, "p10", scale, lang
                ),
            }
        )
    return pd.DataFrame(rows)


def _spread_text(
    spread: model.PayerSpread | None,
    payer: int,
    index: int,
    assumed: bool,
    which: str,
    scale: float,
    lang: str,
) -> str:
    if assumed:
        return f"– ({t('case_assumed_no_spread', lang)})"
    if spread is None:
        return "–"
    value = float((spread.chance_positive if which == "chance" else spread.p10)[payer, index])
    if math.isnan(value):
        return f"– ({t('case_no_spread', lang)})"
    if which == "chance":
        return formatting.percent(value, lang)
    return formatting.kroner(value * scale, lang)


def wrong_pocket_text(view: CaseView, index: int, lang: str = "da") -> str:
    """'62 % af gevinsten lander uden for kommunens budget: 45 % hos staten og …'."""
    gains = view.case.gain[:, index]
    return _pocket_sentence(gains, lang)


def _pocket_sentence(gains: NDArray[np.float64], lang: str) -> str:
    public = float(gains[PUBLIC])
    if not public > 0:
        return t("case_wrong_pocket_missing", lang)
    return t(
        "case_wrong_pocket",
        lang,
        share=formatting.percent(1.0 - gains[KOMMUNE] / public, lang),
        state=formatting.percent(gains[STATE] / public, lang),
        other=formatting.percent(gains[OTHER] / public, lang),
    )


def year_rows(
    view: CaseView, index: int, lang: str = "da", planned: bool = False
) -> list[dict[str, Any]]:
    """Each payer's case by line and year (undiscounted), for the stacked bars: one row per
    payer, line and year from 0 (the price) to the horizon; empty without a case."""
    if not view.has_case(index):
        return []
    lines = view.case.lines()[:, :, index, :] * scale_of(view, index, planned)
    assumed = bool(view.assumed[index])
    out = []
    for payer, payer_key in enumerate(PAYERS):
        for line, line_key in enumerate(LINES):
            for year in range(lines.shape[2]):
                amount = float(lines[line, payer, year])
                if amount == 0.0:
                    continue
                out.append(
                    {
                        "year": year,
                        "payer": t(f"case_payer_{payer_key}", lang),
                        "line": t(f"case_line_{line_key}", lang),
                        "amount": amount,
                        "amount_text": _marked(formatting.kroner(amount, lang), assumed, lang),
                        "order": line,
                    }
                )
    return out


def cumulative_rows(
    view: CaseView, index: int, lang: str = "da", planned: bool = False
) -> list[dict[str, Any]]:
    """The kommune's cumulative net present value from year 0 (minus the price) to the
    horizon: it crosses 0 in the payback year. Empty without a case."""
    if not view.has_case(index):
        return []
    case = view.case
    scale = scale_of(view, index, planned)
    flows = case.net_effect[index] * case.per_unit[KOMMUNE, index] * case.discount
    values = np.concatenate([[0.0], np.cumsum(flows)]) * scale - case.price[index] * scale
    assumed = bool(view.assumed[index])
    return [
        {
            "year": year,
            "value": float(value),
            "value_text": _marked(formatting.kroner(value, lang), assumed, lang),
        }
        for year, value in enumerate(values)
    ]


def used_inputs_text(view: CaseView, index: int, lang: str = "da") -> str:
    """The inputs the case used for one intervention, in a sentence."""
    used = view.case.used
    assumed = view.case.assumptions
    benefit = str(used.benefit[index])
    effect = formatting.points(view.case.net_effect[index], lang)
    return t(
        "case_used_inputs",
        lang,
        benefit=t(f"case_benefit_{benefit}", lang),
        amount=formatting.kroner(used.benefit_amount[index], lang),
        weeks=formatting.number(used.weeks_on_benefit[index], lang),
        duration=formatting.number(used.duration_weeks[index], lang),
        persistence=formatting.percent(used.persistence[index], lang),
        effect=_marked(effect, bool(view.assumed[index]), lang),
        wage=formatting.kroner(assumed.wage, lang),
        tax=formatting.percent(assumed.tax_rate, lang, 1),
        municipal=formatting.percent(assumed.municipal_tax_rate, lang, 1),
        equalisation=formatting.percent(assumed.equalisation, lang, 1),
        rate=formatting.percent(assumed.discount_rate, lang, 1),
        horizon=assumed.horizon,
    )


def no_case_text(view: CaseView, index: int, lang: str = "da") -> str:
    """Why there is no case (the name is the user's: escape it for Markdown)."""
    return t("case_no_case", lang, name=view.names[index], reason=t(NO_CASE_REASON, lang))


def parse_effect(text: str, lang: str = "da") -> tuple[float | None, str]:
    """An assumed extra effect typed as people write a rate ('5 %', '0,05', '12,5%'), by the
    importer's rules; (value, '') or (None, why not) in the reader's language."""
    from viften.files.interventions import CellError, read_cell
    from viften.model.domain import COLUMNS_BY_NAME

    if not text or not text.strip():
        return None, ""
    try:
        value = read_cell(
            COLUMNS_BY_NAME["job_rate"], text.strip(), decimal_comma=True, guarded=False
        )
    except CellError as error:
        return None, messages.render(error.message, lang)
    return float(value), ""


# --- the ranking --------------------------------------------------------------------------------


def ranking_order(view: CaseView) -> list[int]:
    """The interventions by the kommune's net gain per krone, best first; without it last,
    by name."""
    per_krone = gain_per_krone(view.case)
    names = [n.casefold() for n in view.names]
    missing = np.isnan(per_krone)
    return sorted(
        range(len(names)),
        key=lambda i: (bool(missing[i]), 0.0 if missing[i] else -per_krone[i], names[i]),
    )


RANKING_LIMIT = 1_000
"""Rows of the ranking shown; beyond this a huge view says how many it left out."""


RANKING_FIGURES: tuple[str, ...] = (
    "kommune_npv_per_krone",
    "npv_kommune",
    "npv_public",
    "payback_year_kommune",
    "wrong_pocket_share",
)
"""The registry's figures (`present.figures`) the ranking shows, in order."""


def case_figures(view: CaseView, order: Sequence[int] | NDArray[np.intp]) -> pd.DataFrame:
    """The registry's case figures (`figures.CASE_FIGURES`, named as `case --json` names
    them) of the interventions in `order`, with the inputs that say why one is missing."""
    import pandas as pd

    case = view.case
    index = np.asarray(order, dtype=np.intp)
    frame = view.frame
    columns: dict[str, Any] = {
        name: np.asarray(frame[name], dtype=np.float64)[index]
        for name in ("price_per_participant", "job_rate", "control_job_rate")
        if name in frame
    }
    # an assumed effect stands in for the control group: its figures are there
    columns["control_job_rate"] = np.where(
        view.assumed[index], 0.0, columns.get("control_job_rate", np.full(index.size, np.nan))
    )
    columns["kommune_npv_per_krone"] = gain_per_krone(case)[index]
    for payer, key in enumerate(PAYERS):
        columns[f"npv_{key}"] = case.npv[payer, index]
    for key in ("kommune", "public"):
        columns[f"payback_year_{key}"] = getattr(case, f"payback_year_{key}")[index]
        columns[f"break_even_effect_{key}"] = getattr(case, f"break_even_effect_{key}")[index]
    columns["wrong_pocket_share"] = case.wrong_pocket_share[index]
    return pd.DataFrame(columns)


def definition_rows(lang: str = "da") -> list[tuple[str, str]]:
    """(heading, definition) of every figure of the budget case, from the registry."""
    from viften.present.figures import CASE_FIGURES, figure

    return [
        (t(figure(name).heading, lang), t(str(figure(name).definition), lang))
        for name in CASE_FIGURES
    ]


def ranking_table(view: CaseView, lang: str = "da", limit: int = RANKING_LIMIT) -> pd.DataFrame:
    """The interventions in view ranked by the kommune's net gain per krone (the first
    `limit`), every figure written by the registry (`formatting.figure_column`), column by
    column so that a national view stays quick."""
    import pandas as pd

    from viften.present.figures import figure

    case = view.case
    order = np.asarray(ranking_order(view)[:limit], dtype=np.intp)
    names = view.names
    groups: list[Any] = view.frame["target_group"].to_numpy()[order].tolist()
    with_case = ~np.isnan(case.net_effect[order])
    assumed = view.assumed[order]
    figures = case_figures(view, order)
    ranks = pd.array(
        [rank if has else None for rank, has in enumerate(with_case.tolist(), start=1)],
        dtype="Int64",
    )
    table: dict[str, Any] = {
        t("case_col_rank", lang): ranks,
        t("col_name", lang): [names[i] for i in order],
        t("target_group", lang): [t(f"tg_{g}_short", lang) for g in groups],
    }
    for name in RANKING_FIGURES:
        texts = formatting.figure_column(name, figures, lang)
        if name != "wrong_pocket_share":
            texts = [_marked(text, bool(a), lang) for text, a in zip(texts, assumed, strict=True)]
        table[t(figure(name).heading, lang)] = texts
    return pd.DataFrame(table)


# --- the current allocation ---------------------------------------------------------------------


@dataclass(frozen=True)
class AllocationCase:
    """The case of the planned participants, summed per payer (`model.case.allocation_npv`,
    as the budget page sums an allocation's); shown by `budget_tables.payer_case_table`,
    the one table of an allocation's case, on the case page as on the budget page."""

    gain: NDArray[np.float64]
    """Σ participants × Δ × g per payer, shape (4,)."""
    cost: NDArray[np.float64]
    npv: NDArray[np.float64]
    participants: float
    """Planned participants counted (in interventions with a case)."""
    counted: int
    """Interventions with planned participants and a case."""
    left_out: tuple[str, ...]
    """Names of interventions with planned participants but no case."""
    left_out_participants: float
    assumed: int
    """Interventions counted whose effect is assumed."""
    spend: float = 0.0
    """Σ planned participants × price, every intervention in view."""
    gross_jobs: float = 0.0
    """Σ planned participants × job rate."""
    net_jobs: float = 0.0
    """Σ planned participants × extra effect (0 without a case)."""

    @property
    def payer_npv(self) -> tuple[float, ...]:
        """Each payer's NPV (PAYERS order), as `allocator.Evaluation.payer_npv`."""
        return tuple(float(v) for v in self.npv)


def allocation_case(view: CaseView) -> AllocationCase:
    case = view.case
    participants = view.participants
    with_case = ~np.isnan(case.net_effect)
    planned = participants > 0
    counted = planned & with_case
    weight = np.where(counted, participants, 0.0)
    npv = model.allocation_npv(case.npv, weight)
    cost = (case.cost * weight).sum(axis=1)
    gone = planned & ~with_case
    rate = np.nan_to_num(np.asarray(view.frame["job_rate"], dtype=np.float64), nan=0.0)
    return AllocationCase(
        gain=npv + cost,
        cost=cost,
        npv=npv,
        participants=float(weight.sum()),
        counted=int(counted.sum()),
        left_out=tuple(n for n, g in zip(view.names, gone, strict=True) if g),
        left_out_participants=float(participants[gone].sum()),
        assumed=int((counted & view.assumed).sum()),
        spend=float(np.nansum(participants * case.price)),
        gross_jobs=float((participants * rate).sum()),
        net_jobs=float((weight * np.nan_to_num(case.net_effect)).sum()),
    )


def allocation_notes(total: AllocationCase, lang: str = "da") -> list[str]:
    """The sentences under the allocation's table (names are the user's: escape them)."""
    if total.counted == 0 and not total.left_out:
        return [t("case_allocation_none", lang)]
    notes = [
        t(
            "case_allocation_caption",
            lang,
            participants=formatting.number(total.participants, lang),
            count=formatting.number(total.counted, lang),
        )
    ]
    if total.counted:
        public = float(total.gain[PUBLIC])
        if public > 0:
            notes.append(
                t(
                    "case_allocation_wrong_pocket",
                    lang,
                    share=formatting.percent(1.0 - total.gain[KOMMUNE] / public, lang),
                )
            )
    if total.assumed:
        notes.append(
            t("case_allocation_assumed", lang, count=formatting.number(total.assumed, lang))
        )
    if total.left_out:
        notes.append(
            t(
                "case_allocation_left_out",
                lang,
                count=formatting.number(len(total.left_out), lang),
                participants=formatting.number(total.left_out_participants, lang),
                names=_some_names(total.left_out, lang),
            )
        )
    return notes


NAMES_LISTED = 10
"""Names a sentence lists before it says how many more there are."""


def _some_names(names: Sequence[str], lang: str) -> str:
    listed = "; ".join(names[:NAMES_LISTED])
    more = len(names) - NAMES_LISTED
    if more > 0:
        listed += " " + t("case_names_more", lang, count=formatting.number(more, lang))
    return listed


# --- the assumptions ----------------------------------------------------------------------------

ESTIMATE_PREFIXES = ("skøn", "estimate")


def _kind(source: str | None, lang: str) -> str:
    if not source:
        return t("case_kind_estimate", lang)
    return t(
        "case_kind_estimate"
        if source.strip().casefold().startswith(ESTIMATE_PREFIXES)
        else "case_kind_sourced",
        lang,
    )


def assumption_rows(assumptions: Assumptions, lang: str = "da") -> list[tuple[str, str, str, str]]:
    """(assumption, value, kind, source) for the law and every assumption."""
    rows = [
        (
            t("case_staircase", lang),
            t("case_staircase_value", lang),
            t("case_kind_law", lang),
            REFUND_STAIRCASE_SOURCE,
        )
    ]

    def add(label: str, value: str, key: str) -> None:
        source = assumptions.source(key)
        rows.append((label, value, _kind(source, lang), source or t("case_no_source", lang)))

    for benefit in BENEFITS:
        add(
            t("case_a_benefit", lang, benefit=t(f"case_benefit_{benefit}", lang)),
            formatting.kroner(assumptions.benefits[benefit], lang),
            f"benefits.{benefit}",
        )
    add(t("case_a_wage", lang), formatting.kroner(assumptions.wage, lang), "wage")
    for key in ("tax_rate", "municipal_tax_rate", "equalisation", "discount_rate", "persistence"):
        add(t(f"case_a_{key}", lang), formatting.percent(getattr(assumptions, key), lang, 1), key)
    add(
        t("case_a_horizon", lang),
        t("case_a_horizon_value", lang, years=assumptions.horizon),
        "horizon",
    )
    for group, default in assumptions.target_group_defaults.items():
        add(
            t("case_a_group", lang, group=t(f"tg_{group}_short", lang).lower()),
            t(
                "case_a_group_value",
                lang,
                benefit=t(f"case_benefit_{default.benefit}", lang),
                weeks=default.weeks_on_benefit,
            ),
            f"target_group_defaults.{group}",
        )
    return rows


def assumption_table(assumptions: Assumptions, lang: str = "da") -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        assumption_rows(assumptions, lang),
        columns=[
            t("case_col_assumption", lang),
            t("case_col_value", lang),
            t("case_col_kind", lang),
            t("case_col_source", lang),
        ],
    )


# --- the committee: the split per payer of the interventions in scope --------------------------


def split_rows(view: CaseView, order: Sequence[int], lang: str = "da") -> list[dict[str, Any]]:
    """Each intervention's discounted gain per participant by payer (kommune, state, other),
    in `order`, for the deck's split chart."""
    case = view.case
    out = []
    for i in order:
        if not view.has_case(i):
            continue
        for payer in (KOMMUNE, STATE, OTHER):
            gain = float(case.net_effect[i] * case.gain[payer, i])
            out.append(
                {
                    "name": view.names[i],
                    "payer": t(f"case_payer_{PAYERS[payer]}", lang),
                    "gain": gain,
                    "gain_text": _marked(
                        formatting.kroner(gain, lang), bool(view.assumed[i]), lang
                    ),
                    "price": float(case.price[i]),
                    "price_text": formatting.kroner(case.price[i], lang),
                    "order": payer,
                }
            )
    return out


# --- the editors' form: typed text to the overrides of `actions.assumptions.save` ------------

FORM_SHARES: tuple[str, ...] = (
    "tax_rate",
    "municipal_tax_rate",
    "equalisation",
    "discount_rate",
    "persistence",
)
FORM_MONEY: tuple[str, ...] = ("wage", *(f"benefits.{b}" for b in BENEFITS))
GROUP_PREFIX = "target_group_defaults."
FORM_GROUP_BENEFITS: tuple[str, ...] = tuple(
    f"{GROUP_PREFIX}{group}.benefit" for group in TARGET_GROUPS
)
"""The fields of each target group's default benefit (a choice of BENEFITS, not typed)."""
FORM_GROUP_WEEKS: tuple[str, ...] = tuple(
    f"{GROUP_PREFIX}{group}.weeks_on_benefit" for group in TARGET_GROUPS
)
FORM_KEYS: tuple[str, ...] = (
    *FORM_MONEY,
    *FORM_SHARES,
    "horizon",
    *(key for pair in zip(FORM_GROUP_BENEFITS, FORM_GROUP_WEEKS, strict=True) for key in pair),
)
"""The fields of the form, by the key an `--assumptions` file uses (benefits.X and
target_group_defaults.GROUP.FIELD inside)."""


def form_label(key: str, lang: str = "da") -> str:
    return messages.assumption_label(key, lang)


def _group_field(key: str) -> tuple[str, str]:
    """(target group, field) of a key under target_group_defaults."""
    group, _, field = key.removeprefix(GROUP_PREFIX).partition(".")
    return group, field


def _current_value(assumptions: Assumptions, key: str) -> Any:
    if key.startswith("benefits."):
        return float(assumptions.benefits[key.partition(".")[2]])
    if key.startswith(GROUP_PREFIX):
        group, field = _group_field(key)
        return getattr(assumptions.target_group_defaults[group], field)
    return float(getattr(assumptions, key))


def form_text(assumptions: Assumptions, key: str, lang: str = "da") -> str:
    """A field's value as the form shows it: 330.000 / 3,5 % / 10 / dagpenge (its key)."""
    value = _current_value(assumptions, key)
    if key in FORM_GROUP_BENEFITS:
        return str(value)
    if key in FORM_SHARES:
        return _share_text(value, lang)
    return formatting.number(value, lang)


def benefit_name(benefit: str, lang: str = "da") -> str:
    """A benefit by its name (`kontanthjælp`), for a choice of BENEFITS."""
    return t(f"case_benefit_{benefit}", lang)


def _share_text(value: float, lang: str) -> str:
    """3,5 %: a share in percent with at most two decimals and no trailing zeros."""
    decimal = "." if lang == "en" else ","
    text = formatting.number(value * 100, lang, 2)
    if decimal in text:
        text = text.rstrip("0").rstrip(decimal)
    return f"{text} %"


def _read_field(key: str, text: str, lang: str) -> Any:
    """The value typed or chosen in one field; ValueError or CellError where it is none."""
    from viften.files.interventions import parse_number
    from viften.model.assumptions import parse_benefit

    if key in FORM_GROUP_BENEFITS:
        benefit = parse_benefit(text)
        if benefit is None:
            raise ValueError(t("case_a_not_benefit", lang))
        return benefit
    if key in FORM_SHARES:
        value, why = parse_effect(text, lang)
        if value is None:
            raise ValueError(why)
        return value
    number = parse_number(text, decimal_comma=lang != "en")
    if key == "horizon" and not float(number).is_integer():
        raise ValueError(t("case_a_horizon_whole", lang))
    if key in FORM_GROUP_WEEKS:
        if not (float(number).is_integer() and number >= 0):
            raise ValueError(t("case_a_weeks_whole", lang))
        return int(number)
    return int(number) if key == "horizon" else float(number)


def form_overrides(
    typed: Mapping[str, str], assumptions: Assumptions, source: str, lang: str = "da"
) -> tuple[dict[str, Any], list[str]]:
    """The overrides of what an editor changed (only the fields whose value changed), with
    `source` as the source of each; and the problems, one per field that cannot be read.

    A target group's default is overridden field by field (`model.assumptions`' rule), and
    its source is that of the group's entry (`target_group_defaults.closer`)."""
    from viften.files.interventions import CellError

    overrides: dict[str, Any] = {}
    sources: dict[str, str] = {}
    problems: list[str] = []
    for key in FORM_KEYS:
        text = (typed.get(key) or "").strip()
        if not text or text == form_text(assumptions, key, lang):
            continue
        try:
            value = _read_field(key, text, lang)
        except (CellError, ValueError) as error:
            reason = (
                messages.render(error.message, lang) if isinstance(error, CellError) else str(error)
            )
            problems.append(
                t("case_assumptions_bad", lang, field=form_label(key, lang), reason=reason)
            )
            continue
        current = _current_value(assumptions, key)
        if value == current or (
            isinstance(value, float) and math.isclose(value, current, rel_tol=1e-12)
        ):
            continue
        if key.startswith("benefits."):
            overrides.setdefault("benefits", {})[key.partition(".")[2]] = value
            sources[key] = source
        elif key.startswith(GROUP_PREFIX):
            group, field = _group_field(key)
            overrides.setdefault("target_group_defaults", {}).setdefault(group, {})[field] = value
            sources[f"{GROUP_PREFIX}{group}"] = source
        else:
            overrides[key] = value
            sources[key] = source
    tax = overrides.get("tax_rate", assumptions.tax_rate)
    if overrides.get("municipal_tax_rate", assumptions.municipal_tax_rate) > tax:
        problems.append(t("case_assumptions_tax_order", lang))
    if sources:
        overrides["sources"] = sources
    return overrides, problems
