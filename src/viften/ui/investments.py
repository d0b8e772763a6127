"""The parts of the social-investment pages: the portfolio, the pools, one case, its editor
and its follow-up. Every write goes through `viften.actions.investments` (editors only)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from viften.actions import investments
from viften.model import invest
from viften.model.errors import BadInput, ViftenError
from viften.present import invest as present
from viften.present.charts import invest as charts
from viften.present.formatting import escape_markdown
from viften.present.messages import error_lines
from viften.present.texts import t
from viften.store import db
from viften.ui import grid
from viften.ui.cache import year_view
from viften.ui.charts import show
from viften.ui.feedback import write_failed
from viften.ui.state import actor, database

CASE_KEY = "invest_case"
"""The session key of the case chosen on the case page (its id; None for a new one)."""
NEXT_KEY = "invest_case_changed"
"""Set by a save or a delete: the next run chooses CASE_KEY's case in the picker."""


@st.cache_resource(max_entries=8, show_spinner=False)
def _portfolio(path: Path, version: tuple[int, int, int, int]) -> investments.Portfolio:
    return investments.portfolio(path)


def portfolio() -> investments.Portfolio:
    """Every stored case with its figures and the pools, read once per database version."""
    path = database()
    return _portfolio(path, db.data_version(path))


def lines(folio: investments.Portfolio) -> list[present.CaseLine]:
    return investments.case_lines(folio)


def _failed(error: ViftenError, lang: str) -> None:
    if isinstance(error, BadInput):
        st.error(t("invest_not_saved", lang))
        st.text("\n".join(error_lines(error, lang)))
    else:
        write_failed(error, lang, "invest_conflict")


# --- the portfolio page ---------------------------------------------------------------------


def headline(folio: investments.Portfolio, lang: str) -> None:
    from viften.present import formatting as fmt

    committed = [v for v in folio.cases if v.contract.status in invest.COMMITTED]
    npv = [v.figures.kommune_npv for v in folio.cases if v.figures and v.figures.kommune_npv]
    columns = st.columns(4)
    columns[0].metric(t("invest_metric_cases", lang), fmt.number(len(folio.cases), lang))
    columns[1].metric(
        t("invest_metric_committed", lang),
        fmt.millions(sum(v.committed or 0.0 for v in committed), lang),
    )
    columns[2].metric(
        t("invest_metric_paid", lang), fmt.millions(sum(v.paid for v in folio.cases), lang)
    )
    columns[3].metric(t("invest_metric_npv", lang), fmt.millions(sum(npv), lang))


def portfolio_section(folio: investments.Portfolio, lang: str) -> None:
    cases = lines(folio)
    points = present.portfolio_points(cases, lang)
    if points:
        show(charts.portfolio_chart(points, lang), key="invest_portfolio_chart")
        st.caption(t("invest_chart_reading", lang))
    st.subheader(t("invest_cases_heading", lang), anchor=False)
    grid.table(present.portfolio_table(cases, lang))
    for view in folio.cases:
        if view.problem is not None:
            st.warning(
                escape_markdown(
                    t("invest_case_problem", lang, name=view.stored.name)
                    + " "
                    + " ".join(error_lines(view.problem, lang))
                )
            )
    st.subheader(t("invest_repayments_heading", lang), anchor=False)
    st.caption(t("invest_repayments_intro", lang))
    grid.table(present.repayments_table(cases, lang))


def pools_section(folio: investments.Portfolio, lang: str) -> None:
    st.subheader(t("invest_pools_heading", lang), anchor=False)
    st.caption(t("invest_pools_intro", lang))
    if folio.pools:
        grid.table(present.pools_table(folio.pools, lang))
        st.caption(t("invest_pool_years", lang))
        grid.table(present.pool_years_table(folio.pools, lang))
    else:
        st.info(t("invest_no_pools", lang))
    if not actor().can_write:
        return
    with st.form("invest_pool_form"):
        known = {p.name for p in folio.stored_pools}
        suggestion = next(((n, s) for n, s in invest.DEFAULT_POOLS if n not in known), ("", 0.0))
        name = st.text_input(t("invest_pool_name", lang), value=suggestion[0], max_chars=100)
        from viften.present import formatting as fmt

        size = st.text_input(
            t("invest_pool_size", lang),
            value=fmt.number(suggestion[1], lang) if suggestion[1] else "",
            help=t("invest_amount_help", lang),
        )
        if st.form_submit_button(t("invest_pool_save", lang)):
            try:
                amount = present.parse_amount(size, lang)
                investments.set_pool(database(), actor(), name, -1.0 if amount is None else amount)
            except ViftenError as error:
                _failed(error, lang)
            except ValueError as error:
                st.error(escape_markdown(str(error)))
            else:
                st.success(
                    escape_markdown(t("invest_pool_saved", lang, name=" ".join(name.split())))
                )


# --- the case page --------------------------------------------------------------------------


def choose_case(folio: investments.Portfolio, lang: str) -> investments.CaseView | None:
    """The case to show (None: a new one, for editors)."""
    ids = [v.stored.id for v in folio.cases]
    options: list[int | None] = [*ids]
    if actor().can_write:
        options.append(None)
    if not options:
        return None
    names = {v.stored.id: v.stored.name for v in folio.cases}
    wanted = st.session_state.get(CASE_KEY, options[0])
    if wanted not in options:
        wanted = options[0]
    if st.session_state.pop(NEXT_KEY, False) or st.session_state.get("invest_pick") not in options:
        st.session_state["invest_pick"] = wanted  # a case just saved or deleted is chosen
    chosen = st.selectbox(
        t("invest_pick", lang),
        options,
        format_func=lambda i: names[i] if i is not None else t("invest_new_case", lang),
        key="invest_pick",
    )
    st.session_state[CASE_KEY] = chosen
    return next((v for v in folio.cases if v.stored.id == chosen), None)


def case_figures(view: investments.CaseView, lang: str) -> None:
    if view.figures is None:
        if view.problem is not None:
            st.warning(escape_markdown(" ".join(error_lines(view.problem, lang))))
        return
    figures = view.figures
    summary = present.summary_lines(figures, lang)
    for start in range(0, len(summary), 3):
        columns = st.columns(3)
        for column, (label, value) in zip(columns, summary[start : start + 3], strict=False):
            column.metric(label, value)
    st.subheader(t("invest_rate_card_heading", lang), anchor=False)
    grid.table(present.outcome_table(figures, lang))
    if figures.years:
        show(charts.cash_chart(figures, lang), key="invest_cash_chart")
    sheet_download(view, lang)


def sheet_download(view: investments.CaseView, lang: str) -> None:
    """The case's sheet for the committee as PNG and PDF (drawn only when asked for)."""
    from viften.present import images

    figures = view.figures
    if figures is None:
        return

    def drawn(fmt: str) -> bytes:
        chart = charts.case_sheet(
            view.stored.name, present.sheet_figures(figures, lang), figures, lang
        )
        return images.render(chart, lang).as_format(fmt)

    import functools

    left, right = st.columns(2)
    for column, fmt in ((left, "png"), (right, "pdf")):
        column.download_button(
            f"{t('invest_sheet_download', lang)} ({fmt.upper()})",
            data=functools.partial(drawn, fmt),
            file_name=f"investeringscase-{view.stored.id}.{fmt}",
            mime="image/png" if fmt == "png" else "application/pdf",
            key=f"invest_sheet_{fmt}",
            on_click="ignore",
        )


def follow_up(view: investments.CaseView, lang: str) -> None:
    st.subheader(t("invest_follow_up_heading", lang), anchor=False)
    terms = view.figures.terms if view.figures else invest.terms(view.contract, None, 0.0)
    if view.due:
        grid.table(present.results_table(view.due, terms, lang))
        from viften.present import formatting as fmt

        st.markdown(
            t("invest_paid_so_far", lang, amount=fmt.kroner(view.paid, lang)),
        )
    else:
        st.info(t("invest_no_results", lang))
    if view.figures is not None:
        grid.table(present.projection_table(view.figures, view.due, lang))
    if not actor().can_write or not view.contract.outcomes:
        return
    goals = [o.name for o in view.contract.outcomes]
    with st.form("invest_result_form"):
        st.markdown(t("invest_result_form", lang))
        goal = st.selectbox(t("invest_col_goal", lang), goals, key="invest_result_goal")
        day = st.date_input(
            t("invest_col_follow_up", lang),
            value=present.follow_up_default(view.contract, goals[0]),
            format="DD.MM.YYYY",
            key="invest_result_date",
        )
        left, right = st.columns(2)
        citizens = left.number_input(
            t("invest_col_followed", lang),
            min_value=0,
            value=view.contract.citizens,
            step=1,
            key="invest_result_citizens",
        )
        reached = right.number_input(
            t("invest_col_reached", lang), min_value=0, value=0, step=1, key="invest_result_reached"
        )
        save = st.form_submit_button(t("invest_result_save", lang))
        from_records = st.form_submit_button(t("invest_result_from_records", lang))
    if save or from_records:
        chosen_day = day if isinstance(day, dt.date) else dt.date.today()
        try:
            if from_records:
                investments.result_from_outcomes(
                    database(), actor(), view.stored.id, str(goal), chosen_day
                )
            else:
                investments.set_result(
                    database(),
                    actor(),
                    view.stored.id,
                    str(goal),
                    chosen_day,
                    int(citizens),
                    int(reached),
                )
        except ViftenError as error:
            _failed(error, lang)
        else:
            st.session_state["invest_flash"] = t("invest_result_saved", lang, goal=str(goal))
            st.rerun()


def editor(view: investments.CaseView | None, folio: investments.Portfolio, lang: str) -> None:
    """Create a case, or change the chosen one's contract (editors)."""
    if not actor().can_write:
        return
    contract = view.contract if view is not None else None
    key = f"invest_form_{view.stored.id if view else 'new'}"
    values = present.form_values(contract, lang)
    fan = year_view(None)
    names = [""] + sorted(str(n) for n in fan.frame["name"]) if not fan.frame.empty else [""]
    if contract and contract.intervention and contract.intervention not in names:
        names.append(contract.intervention)
    pools = [""] + [p.name for p in folio.stored_pools]
    heading = t("invest_edit_heading", lang) if view else t("invest_new_heading", lang)
    with st.expander(heading, expanded=view is None), st.form(key):
        typed: dict[str, object] = {}
        typed["name"] = st.text_input(t("invest_field_name", lang), values["name"], max_chars=200)
        first, second, third = st.columns(3)
        typed["status"] = first.selectbox(
            t("invest_field_status", lang),
            invest.STATUSES,
            index=invest.STATUSES.index(contract.status) if contract else 0,
            format_func=lambda s: present.status_text(s, lang),
        )
        typed["year"] = int(
            second.number_input(
                t("invest_field_year", lang),
                min_value=2000,
                max_value=2100,
                value=(
                    contract.year
                    if contract and contract.year
                    else (fan.year or dt.date.today().year)
                ),
                step=1,
            )
        )
        typed["intervention"] = third.selectbox(
            t("invest_field_intervention", lang),
            names,
            index=names.index(contract.intervention) if contract and contract.intervention else 0,
            format_func=lambda n: n or t("invest_no_intervention", lang),
        )
        first, second, third = st.columns(3)
        typed["citizens"] = first.text_input(t("invest_field_citizens", lang), values["citizens"])
        typed["cost_per_citizen"] = second.text_input(
            t("invest_field_cost_per_citizen", lang),
            values["cost_per_citizen"],
            help=t("invest_cost_help", lang),
        )
        typed["investor_share"] = third.text_input(
            t("invest_field_investor_share", lang), values["investor_share"]
        )
        first, second, third, fourth = st.columns(4)
        typed["cap"] = first.text_input(
            t("invest_field_cap", lang), values["cap"], help=t("invest_amount_help", lang)
        )
        typed["discount_rate"] = second.text_input(
            t("invest_field_discount_rate", lang),
            values["discount_rate"],
            help=t("invest_discount_help", lang),
        )
        typed["outlay_pool"] = third.selectbox(
            t("invest_field_outlay_pool", lang),
            pools,
            index=pools.index(contract.outlay_pool)
            if contract and contract.outlay_pool in pools
            else 0,
            format_func=lambda n: n or "–",
        )
        typed["payment_pool"] = fourth.selectbox(
            t("invest_field_payment_pool", lang),
            pools,
            index=pools.index(contract.payment_pool)
            if contract and contract.payment_pool in pools
            else 0,
            format_func=lambda n: n or "–",
        )
        st.markdown(t("invest_rate_card_form", lang))
        card = st.data_editor(
            present.rate_card_rows(contract, lang),
            num_rows="dynamic",
            width="stretch",
            key=f"{key}_card",
            column_config={
                "name": st.column_config.TextColumn(t("invest_col_goal", lang), required=True),
                "payment": st.column_config.TextColumn(t("invest_col_payment", lang)),
                "month": st.column_config.TextColumn(t("invest_col_month", lang)),
                "rate": st.column_config.TextColumn(t("invest_col_rate", lang)),
                "baseline": st.column_config.TextColumn(t("invest_col_baseline", lang)),
                "basis": st.column_config.SelectboxColumn(
                    t("invest_col_basis", lang),
                    options=list(invest.BASES),
                    default=invest.GROSS,
                ),
            },
        )
        st.caption(t("invest_rate_card_help", lang))
        submitted = st.form_submit_button(t("invest_save", lang), type="primary")
    if view is not None and actor().can_write:
        if st.button(t("invest_delete", lang), key=f"{key}_delete"):
            try:
                investments.delete_case(database(), actor(), view.stored.id, view.stored.version)
            except ViftenError as error:
                _failed(error, lang)
            else:
                st.session_state.pop(CASE_KEY, None)
                st.session_state[NEXT_KEY] = True
                st.session_state["invest_flash"] = t("invest_deleted", lang, name=view.stored.name)
                st.rerun()
    if not submitted:
        return
    rows = card if isinstance(card, list) else card.to_dict("records")
    if view is not None and contract is not None:
        typed["description"] = contract.description
        typed["cohorts"] = None
    found, problems = present.contract_from_form(typed, rows, lang)
    if found is None:
        st.error(t("invest_not_saved", lang))
        st.text("\n".join(problems))
        return
    if contract is not None:
        found = found.with_changes(cohorts=contract.cohorts, funding=contract.funding)
    try:
        case_id = investments.save_case(
            database(),
            actor(),
            found,
            view.stored.id if view else None,
            view.stored.version if view else None,
        )
    except ViftenError as error:
        _failed(error, lang)
        return
    st.session_state[CASE_KEY] = case_id
    st.session_state[NEXT_KEY] = True
    st.session_state["invest_flash"] = t("invest_saved", lang, name=found.name)
    st.rerun()


def flash() -> None:
    """The message of the last write, shown once after its rerun (as text)."""
    message = st.session_state.pop("invest_flash", None)
    if message:
        st.success(escape_markdown(message))
