"""The effect and business-case page's parts: the widgets, tables and charts it shows."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import streamlit as st

from viften.actions import outcomes as outcome_actions
from viften.model import domain, effects
from viften.model.errors import ViftenError
from viften.present import effect_tables, formatting
from viften.present.charts import effects as charts
from viften.present.formatting import escape_markdown
from viften.present.texts import t
from viften.store import outcomes
from viften.ui import grid
from viften.ui.amounts import amount_input, kept_amount
from viften.ui.charts import show as show_chart
from viften.ui.charts import show_built
from viften.ui.feedback import import_failed
from viften.ui.state import actor, database

if TYPE_CHECKING:
    import pandas as pd

SEED = 2026
"""The Monte Carlo's seed: the same figures on every rerun."""
TABLE_PX = 420
"""The most height of each of the two effect tables: the next one's heading stays in sight on
a 768 px screen, and every rerun repaints less canvas (a filter change costs the browser about
a tenth less than at 600 px)."""


VALUE_KEY, YEARS_KEY = "effects_value_per_job", "effects_effect_years"


def kept_settings() -> tuple[float, float]:
    """The value of a job and the years of effect as their fields last held them, without
    drawing the fields (the defaults before they are first drawn)."""
    return (
        kept_amount(VALUE_KEY, domain.DEFAULT_VALUE_PER_JOB),
        kept_amount(YEARS_KEY, domain.DEFAULT_EFFECT_YEARS),
    )


def settings(lang: str) -> None:
    """The value of a job and the years of effect, editable, with the value's source; the
    page reads them with `kept_settings`."""
    with st.container(border=True):
        st.markdown(f"**{t('effects_settings', lang)}**")
        left, right = st.columns(2)
        amount_input(
            t("effects_value_per_job", lang),
            default=domain.DEFAULT_VALUE_PER_JOB,
            key=VALUE_KEY,
            lang=lang,
            most=10_000_000.0,
            help=t("budget_amount_help", lang),
            where=left,
        )
        amount_input(
            t("effects_effect_years", lang),
            default=domain.DEFAULT_EFFECT_YEARS,
            key=YEARS_KEY,
            lang=lang,
            kind="number",
            most=50.0,
            help=t("effects_effect_years_help", lang),
            where=right,
        )
        st.caption(t("effects_value_source", lang))


def distributions(frame: pd.DataFrame) -> effects.EffectDistributions:
    return effects.effect_distributions(frame)


def _names(frame: pd.DataFrame) -> list[str]:
    return [str(n) for n in frame["name"]]


def _int(value: Any) -> int:
    return 0 if formatting.is_missing(value) else int(value)


# --- the extra effect ----------------------------------------------------------------------


def effect_section(frame: pd.DataFrame, dist: effects.EffectDistributions, lang: str) -> None:
    """Where each figure comes from, how many people stand behind it, projected and actual."""
    small = effects.small_sample(
        frame["n_treatment"].to_numpy(dtype="float64"), frame["n_control"].to_numpy(dtype="float64")
    )
    if np.any(small):
        names = ", ".join(
            escape_markdown(n) for n, s in zip(_names(frame), small, strict=True) if s
        )
        st.warning(t("effects_small_sample_warning", lang, names=names, limit=effects.SMALL_SAMPLE))
    rates, extra = effect_tables.effect_parts(_effect_table(frame, lang))
    grid.table(rates, max_height=TABLE_PX)
    grid.table(extra, max_height=TABLE_PX)
    st.caption(t("effects_table_caption", lang, limit=effects.SMALL_SAMPLE))
    chosen = charts.chart_rows(dist)
    every_name = _names(frame)
    show_built(
        charts.interval_chart,
        [every_name[i] for i in chosen],
        dist.take(chosen),
        lang,
        options={"width": "stretch"},
    )
    st.caption(t("effects_interval_chart_caption", lang))
    if len(chosen) < len(frame):
        st.caption(
            t(
                "effects_interval_chart_capped",
                lang,
                shown=formatting.number(len(chosen), lang),
                count=formatting.number(len(frame), lang),
            )
        )
    st.info(
        "\n\n".join(
            [
                t("effects_star_rule", lang),
                t("effects_measured_rule", lang, limit=effects.SMALL_SAMPLE),
                t(
                    "effects_flag_rule",
                    lang,
                    width=formatting.number(effects.WIDE_INTERVAL * 100, lang),
                ),
            ]
        )
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _effect_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return effect_tables.effect_table(frame, effects.effect_distributions(frame), lang)


# --- the business case ---------------------------------------------------------------------


def case_section(
    frame: pd.DataFrame, dist: effects.EffectDistributions, value: float, years: float, lang: str
) -> None:
    """Benefit per krone, break-even, net result and the chance of paying off, per intervention."""
    price = frame["price_per_participant"].to_numpy(dtype="float64")
    table, chance = _case(frame, value, years, lang)
    grid.table(table, max_height=600)
    st.caption(t("effects_case_caption", lang, draws=formatting.number(effects.DRAWS, lang)))
    names = _names(frame)
    pick = st.selectbox(
        t("effects_choose_intervention", lang),
        range(len(names)),
        format_func=lambda i: names[i],
        key="effects_case_pick",
    )
    if pick is None:
        return
    if dist.basis[pick] == "none":
        st.info(t("effects_no_distribution", lang, name=escape_markdown(names[pick])))
        return
    draws = effects.draw_effects(dist.take([pick]), seed=SEED)[:, 0]
    break_even = domain.break_even_effect(float(price[pick]), value, years)
    show_chart(
        charts.histogram(draws, break_even, lang, t("effects_axis_effect", lang)), width="stretch"
    )
    st.caption(
        t(
            "effects_histogram_caption",
            lang,
            name=escape_markdown(names[pick]),
            draws=formatting.number(effects.DRAWS, lang),
            break_even=formatting.points(break_even, lang),
            chance=formatting.percent(chance[pick], lang),
        )
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _case(
    frame: pd.DataFrame, value: float, years: float, lang: str
) -> tuple[pd.DataFrame, np.ndarray]:
    """The business-case table and each intervention's chance of paying off (cached)."""
    dist = effects.effect_distributions(frame)
    price = frame["price_per_participant"].to_numpy(dtype="float64")
    chance = effects.probability_pays_off(dist, price, value, years, seed=SEED)
    return (
        effect_tables.case_table(effects.business_case(frame, value, years), chance, lang),
        chance,
    )


# --- sensitivity ---------------------------------------------------------------------------


def _rate_interval(k: Any, n: Any) -> tuple[float, float] | None:
    if _int(n) <= 0:
        return None
    low, high = effects.wilson_interval(_int(k), _int(n))
    return float(low), float(high)


def tornado_section(frame: pd.DataFrame, value: float, years: float, lang: str) -> None:
    """The tornado of one intervention's benefit per krone."""
    st.subheader(t("effects_tornado_heading", lang))
    usable = frame[frame["control_job_rate"].notna() & (frame["price_per_participant"] > 0)]
    if usable.empty:
        st.info(t("effects_allocation_none", lang))
        return
    names = _names(usable)
    pick = st.selectbox(
        t("effects_choose_intervention", lang),
        range(len(names)),
        format_func=lambda i: names[i],
        key="effects_tornado_pick",
    )
    row = usable.iloc[pick or 0]
    bars = effects.tornado(
        float(row["price_per_participant"]),
        float(row["job_rate"]),
        float(row["control_job_rate"]),
        value,
        years,
        job_rate_interval=_rate_interval(row["k_treatment"], row["n_treatment"]),
        control_rate_interval=_rate_interval(row["k_control"], row["n_control"]),
    )
    show_chart(
        charts.tornado_chart(bars, lang, t("effects_axis_outcome_bcr", lang)), width="stretch"
    )
    st.caption(
        t("effects_tornado_caption", lang, swing=formatting.percent(effects.RELATIVE_SWING, lang))
    )


def flip_section(frame: pd.DataFrame, value: float, years: float, lang: str) -> None:
    """Where the ranking of two interventions by benefit per krone turns round."""
    st.subheader(t("effects_flip_heading", lang))
    frame = frame[frame["net_effect"].notna() & (frame["price_per_participant"] > 0)]
    names = _names(frame)
    if len(names) < 2:
        st.info(t("effects_flip_unavailable", lang))
        return
    left, right = st.columns(2)
    a = left.selectbox(
        t("effects_flip_a", lang),
        range(len(names)),
        format_func=lambda i: names[i],
        key="effects_flip_a",
    )
    b = right.selectbox(
        t("effects_flip_b", lang),
        range(len(names)),
        index=1,
        format_func=lambda i: names[i],
        key="effects_flip_b",
    )
    first, second = frame.iloc[a or 0], frame.iloc[b if b is not None else 1]
    flip = effects.ranking_flip(
        float(first["price_per_participant"]),
        float(first["net_effect"]),
        float(second["price_per_participant"]),
        float(second["net_effect"]),
        value,
        years,
    )
    if flip.a_ahead_by_ratio is None:
        st.info(t("effects_flip_unavailable", lang))
        return
    ratio_a = domain.benefit_cost_ratio(
        float(first["price_per_participant"]), float(first["net_effect"]), value, years
    )
    ratio_b = domain.benefit_cost_ratio(
        float(second["price_per_participant"]), float(second["net_effect"]), value, years
    )
    name_a = escape_markdown(first["name"])
    name_b = escape_markdown(second["name"])
    leader = name_a if flip.a_ahead_by_ratio else name_b
    st.markdown(
        t(
            "effects_flip_ranking",
            lang,
            a=name_a,
            b=name_b,
            a_ratio=formatting.ratio(ratio_a, lang),
            b_ratio=formatting.ratio(ratio_b, lang),
            leader=leader,
        )
    )
    st.markdown(
        t(
            "effects_flip_effect",
            lang,
            a=name_a,
            b=name_b,
            effect_a=formatting.points(flip.effect_a_at_flip, lang),
            now_a=formatting.points(first["net_effect"], lang),
            effect_b=formatting.points(flip.effect_b_at_flip, lang),
            now_b=formatting.points(second["net_effect"], lang),
        )
    )
    if flip.value_per_job_at_flip is None:
        st.caption(t("effects_flip_no_value", lang))
    else:
        st.caption(
            t("effects_flip_value", lang, value=formatting.kroner(flip.value_per_job_at_flip, lang))
        )


def allocation_section(
    frame: pd.DataFrame, dist: effects.EffectDistributions, participants: np.ndarray, lang: str
) -> None:
    """The spread of an allocation's extra jobs and what moves them most."""
    st.subheader(t("effects_allocation_heading", lang))
    spread, totals = _allocation_monte_carlo(frame, participants)
    if spread.expected == 0 and not np.any((participants > 0) & ~np.isnan(dist.mean)):
        st.info(t("effects_allocation_none", lang))
        return
    st.markdown(
        t(
            "effects_allocation_summary",
            lang,
            expected=formatting.number(spread.expected, lang),
            p10=formatting.number(spread.p10, lang),
            median=formatting.number(spread.median, lang),
            p90=formatting.number(spread.p90, lang),
        )
    )
    show_chart(
        charts.histogram(
            totals,
            None,
            lang,
            t("effects_axis_jobs", lang),
            percent_axis=False,
            markers=[("P10", spread.p10), ("P50", spread.median), ("P90", spread.p90)],
        ),
        width="stretch",
    )
    bars = effects.allocation_tornado(
        dist,
        frame["job_rate"].to_numpy(dtype="float64"),
        frame["control_job_rate"].to_numpy(dtype="float64"),
        participants,
        _names(frame),
    )
    show_chart(
        charts.tornado_chart(
            bars,
            lang,
            t("effects_axis_outcome_jobs", lang),
            describe=lambda v: formatting.number(v, lang),
        ),
        width="stretch",
    )
    st.caption(
        t(
            "effects_allocation_tornado_caption",
            lang,
            swing=formatting.percent(effects.RELATIVE_SWING, lang),
        )
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _allocation_monte_carlo(
    frame: pd.DataFrame, participants: np.ndarray
) -> tuple[effects.JobsSpread, np.ndarray]:
    """The spread of an allocation's extra jobs and its draws (cached: 10,000 draws each)."""
    dist = effects.effect_distributions(frame)
    return (
        effects.allocation_spread(dist, participants, seed=SEED),
        effects.allocation_draws(dist, participants, seed=SEED),
    )


def planned_participants(frame: pd.DataFrame) -> np.ndarray:
    return frame["participants"].astype("float64").fillna(0.0).to_numpy()


# --- upload and definitions ----------------------------------------------------------------


def upload_section(lang: str) -> None:
    """Upload outcome records: all of the file lands, or none of it, with per-row errors."""
    st.caption(t("effects_upload_intro", lang))
    if not actor().can_write:
        st.info(t("effects_editor_only", lang))
        return
    upload = st.file_uploader(t("effects_upload", lang), type=["csv", "xlsx"], key="effects_upload")
    if upload is None:
        return
    if not st.button(
        t("effects_import_button", lang, name=upload.name),
        type="primary",
        key="effects_import_button",
    ):
        return
    suffix = Path(upload.name).suffix.lower() or ".csv"
    bar = st.progress(0.0, text=t("effects_stage_reading", lang))
    with tempfile.TemporaryDirectory(prefix="viften-upload-") as folder:
        path = Path(folder) / f"outcomes{suffix}"
        path.write_bytes(upload.getvalue())
        try:
            summary = import_file(path, bar, lang)
        except ViftenError as error:
            import_failed(error, bar, "effects_problems", lang)
            return
    bar.empty()
    st.success(
        t(
            "effects_imported",
            lang,
            records=formatting.number(summary.records, lang),
            count=len(summary.interventions),
            replaced=formatting.number(summary.replaced, lang),
        )
    )


def import_file(path: Path, bar: Any, lang: str) -> outcomes.OutcomeImportSummary:
    def progress(share: float, stage: str) -> None:
        bar.progress(min(max(share, 0.0), 1.0), text=t(f"effects_stage_{stage}", lang))

    return outcome_actions.import_records(database(), path, actor(), progress)


def definitions(lang: str) -> None:
    st.caption(t("effects_definitions_intro", lang))
    keys = [
        "def_net_effect",
        "def_benefit_cost_ratio",
        "def_break_even_effect",
        "effects_def_net_result",
        "effects_def_interval",
        "effects_def_probability",
        "effects_def_spread",
    ]
    lines = []
    for key in keys:
        text = (
            t(key, lang, draws=formatting.number(effects.DRAWS, lang))
            if key == "effects_def_probability"
            else t(key, lang)
        )
        lines.append(f"- {text}")
    st.markdown("\n".join(lines))
    st.markdown(f"- {t('effects_star_rule', lang)}")
