"""Widgets of the business-case page: the choices, the tables and charts, the assumptions form.

The figures, tables and charts are built in `viften.present.case` and
`viften.present.charts.case`; this module only lays them out. Names typed by people reach
the screen through `st.dataframe` (drawn on a canvas), chart marks, `st.text`, or Markdown
escaped by `formatting.escape_markdown`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import streamlit as st

from viften.actions import assumptions as writer
from viften.model import filters as flt
from viften.model.assumptions import BENEFITS, Assumptions
from viften.model.case import PayerSpread
from viften.model.errors import ViftenError
from viften.present import budget_tables, formatting
from viften.present import case as present
from viften.present.charts import case as charts
from viften.present.texts import t
from viften.ui import cache
from viften.ui.charts import show_built
from viften.ui.fan import publish, url_choice
from viften.ui.feedback import write_failed
from viften.ui.state import actor, database

if TYPE_CHECKING:
    import pandas as pd

PICK_KEY = "case_pick"
SCALE_KEY = "case_scale"
SCALES = ("unit", "planned")
EFFECT_KEY = "case_effect_{name}"
FORM_KEY = "case_assumptions_form"
NOTICE_KEY = "case_assumptions_notice"


# --- the choices -------------------------------------------------------------------------------


def choices(view: present.CaseView, lang: str) -> tuple[str | None, bool]:
    """The intervention whose case is open and whether to show it for the planned
    participants (both kept in the URL)."""
    names = sorted(view.names, key=str.casefold)
    with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
        if st.session_state.get(PICK_KEY) not in names:
            st.session_state.pop(PICK_KEY, None)
        first = present.ranking_order(view)[0] if len(view.names) else None
        default = names.index(view.names[first]) if first is not None else None
        name = st.selectbox(
            t("case_pick", lang), names, key=PICK_KEY, index=default, bind="query-params", width=420
        )
        url_choice(SCALE_KEY, SCALES, "unit")
        scale = (
            st.segmented_control(
                t("case_scale", lang),
                list(SCALES),
                required=True,
                key=SCALE_KEY,
                format_func=lambda s: t(f"case_scale_{s}", lang),
            )
            or "unit"
        )
        publish(SCALE_KEY, scale, "unit")
    return (name if name in names else None), scale == "planned"


def assumed_effect(view: present.CaseView, name: str | None, lang: str) -> cache.Assumed:
    """For an intervention without a net effect: the reason, and a field to try an assumed
    one (never stored). Returns the assumption to apply, if any."""
    index = view.position(name) if name else None
    if index is None or view.has_case(index):
        return ()
    st.info(
        formatting.escape_markdown(present.no_case_text(view, index, lang)), icon=":material/help:"
    )
    typed = st.text_input(
        t("case_try_effect", lang),
        key=EFFECT_KEY.format(name=name),
        max_chars=20,
        placeholder="5 %",
        help=t("case_try_effect_help", lang),
        width=260,
    )
    value, why = present.parse_effect(typed, lang)
    if why:
        st.warning(t("case_try_effect_bad", lang, reason=formatting.escape_markdown(why)))
    return ((str(name), value),) if value is not None else ()


def _cell(value: Any) -> str:
    return formatting.unbroken_amounts(formatting.escape_markdown(value))


def _table(frame: pd.DataFrame) -> None:
    """A table that wraps its cells instead of cutting them off (a projector, a laptop), but
    never inside an amount (`9.000 kr.`); every cell and heading escaped, as Streamlit reads a
    table's cells as Markdown."""
    shown = frame.astype(object).where(frame.notna(), "").map(_cell)
    shown.columns = [formatting.escape_markdown(c) for c in frame.columns]
    st.table(shown, hide_index=True, border="horizontal")


# --- one intervention --------------------------------------------------------------------------


def one_intervention(
    view: present.CaseView, name: str, planned: bool, scope: str, spread: PayerSpread, lang: str
) -> None:
    index = view.position(name)
    if index is None or not view.has_case(index):
        return
    if view.assumed[index]:
        st.warning(
            t(
                "case_assumed_banner",
                lang,
                effect=formatting.points(view.case.net_effect[index], lang),
            ),
            icon=":material/warning:",
        )
    scale = present.scale_note(view, index, planned, lang)
    st.subheader(t("case_payers_heading", lang), anchor=False)
    _table(present.payer_table(view, index, lang, planned, spread))
    st.markdown(f"**{present.wrong_pocket_text(view, index, lang)}**")
    st.caption(formatting.escape_markdown(present.used_inputs_text(view, index, lang)))
    with st.container(key="case_figures"):
        # theme None: Streamlit's theme squeezes a titled chart's plot under its title
        show_built(
            charts.payer_chart,
            present.year_rows(view, index, lang, planned),
            name,
            scale,
            scope,
            lang,
            options={"key": "case_payer_chart", "width": "content", "theme": None},
        )
        payback = float(view.case.payback_year_kommune[index])
        known = None if math.isnan(payback) else int(payback)
        show_built(
            charts.cash_chart,
            present.cumulative_rows(view, index, lang, planned),
            known,
            name,
            scale,
            scope,
            lang,
            options={"key": "case_cash_chart", "width": "content", "theme": None},
        )
    if known is None:
        st.caption(t("case_cash_no_payback", lang, horizon=view.case.horizon))
    definitions(lang)


# --- every intervention in view ----------------------------------------------------------------


def ranking(view: present.CaseView, scope: str, lang: str) -> None:
    st.subheader(t("case_ranking_heading", lang), anchor=False)
    st.caption(formatting.escape_markdown(scope))
    if len(view.frame) > present.RANKING_LIMIT:
        st.caption(
            t(
                "fan_list_capped",
                lang,
                shown=formatting.number(present.RANKING_LIMIT, lang),
                count=formatting.number(len(view.frame), lang),
            )
        )
    _table(present.ranking_table(view, lang))
    st.caption(t("case_ranking_caption", lang))
    definitions(lang)


def definitions(lang: str) -> None:
    """What each figure of the case means, as the figure registry defines it."""
    with st.expander(t("case_definitions", lang)):
        for heading, definition in present.definition_rows(lang):
            st.markdown(f"**{heading}**: {definition}")


def allocation(view: present.CaseView, scope: str, lang: str) -> None:
    st.subheader(t("case_allocation_heading", lang), anchor=False)
    st.caption(formatting.escape_markdown(scope))
    total = present.allocation_case(view)
    if total.counted:
        column = (t("case_allocation_column", lang), total)
        _table(budget_tables.payer_case_table([column], lang))
    for note in present.allocation_notes(total, lang):
        st.caption(formatting.escape_markdown(note))


# --- the assumptions ---------------------------------------------------------------------------


def assumptions_section(year: int, assumptions: Assumptions, lang: str) -> None:
    st.subheader(t("case_assumptions_heading", lang, year=year), anchor=False)
    st.caption(t("case_assumptions_caption", lang))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(t(notice, lang))
    _table(present.assumption_table(assumptions, lang))
    if not actor().can_write:
        st.caption(t("case_assumptions_readonly", lang))
        return
    assumptions_form(year, assumptions, lang)


def assumptions_form(year: int, assumptions: Assumptions, lang: str) -> None:
    """Editors change the year's assumptions; only the changed fields are stored, each with
    the source typed here (else it is called an estimate)."""
    with st.expander(t("case_assumptions_form", lang, year=year)):
        with st.form(FORM_KEY, border=False):
            typed: dict[str, str] = {}
            plain = [k for k in present.FORM_KEYS if not k.startswith(present.GROUP_PREFIX)]
            columns = st.columns(3)
            for number, key in enumerate(plain):
                typed[key] = columns[number % 3].text_input(
                    present.form_label(key, lang),
                    value=present.form_text(assumptions, key, lang),
                    key=f"case_a_{key}",
                    max_chars=30,
                )
            st.markdown(f"**{t('case_a_groups_heading', lang)}**")
            columns = st.columns(3)
            pairs = zip(present.FORM_GROUP_BENEFITS, present.FORM_GROUP_WEEKS, strict=True)
            for column, (benefit, weeks) in zip(columns, pairs, strict=False):
                current = present.form_text(assumptions, benefit, lang)
                typed[benefit] = column.selectbox(
                    present.form_label(benefit, lang),
                    BENEFITS,
                    index=BENEFITS.index(current),
                    key=f"case_a_{benefit}",
                    format_func=lambda b: present.benefit_name(b, lang),
                )
                typed[weeks] = column.text_input(
                    present.form_label(weeks, lang),
                    value=present.form_text(assumptions, weeks, lang),
                    key=f"case_a_{weeks}",
                    max_chars=10,
                )
            source = st.text_input(
                t("case_assumptions_source_field", lang),
                max_chars=300,
                help=t("case_assumptions_source_help", lang),
            )
            saved = st.form_submit_button(t("case_assumptions_save", lang), type="primary")
        if st.button(t("case_assumptions_reset", lang), key="case_assumptions_reset"):
            _write(
                lambda: writer.reset(database(), actor(), year), "case_assumptions_was_reset", lang
            )
        if saved:
            who = actor().name
            overrides, problems = present.form_overrides(
                typed,
                assumptions,
                source.strip() or t("case_assumptions_default_source", lang, user=who),
                lang,
            )
            for problem in problems:
                st.error(formatting.escape_markdown(problem))
            if overrides and not problems:
                _write(
                    lambda: writer.save(database(), actor(), year, overrides),
                    "case_assumptions_saved",
                    lang,
                )


def _write(do: Any, done_key: str, lang: str) -> None:
    try:
        do()
    except ViftenError as error:
        write_failed(error, lang)
    else:
        # shown after the rerun, which draws the page with the new assumptions
        st.session_state[NOTICE_KEY] = done_key
        st.rerun()


# --- the page's data -----------------------------------------------------------------------------


def page_view(filters: flt.Filters, assumed: cache.Assumed = ()) -> present.CaseView:
    return cache.case_view(filters.year, filters, assumed)
