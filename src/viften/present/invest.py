"""Social investments for a reader: the portfolio's tables, a case's tables, the editors' form
read back into a contract. Built without Streamlit from `model.invest`'s figures, every amount
written by `present.formatting` (Danish: 1.234.567 kr.), every word from the catalogue.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from viften.model import invest
from viften.model.errors import BadInput
from viften.present import formatting as fmt
from viften.present import messages
from viften.present.texts import t

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class CaseLine:
    """What the portfolio needs of one stored case (actions.investments.CaseView, flattened)."""

    id: int
    name: str
    status: str
    start_year: int | None
    intervention: str | None
    stars: int | None
    """The linked intervention's evidence stars (None without one)."""
    figures: invest.Figures | None
    paid: float
    committed: float | None


def per_krone(figures: invest.Figures | None) -> float | None:
    """The kommune's NPV per krone it spends: kommune_npv / (outlay_kommune +
    payments_present_value); None where either is unknown or it spends nothing."""
    if figures is None or figures.kommune_npv is None:
        return None
    spent = (figures.outlay_kommune or 0.0) + (figures.payments_present_value or 0.0)
    return None if spent <= 0 else figures.kommune_npv / spent


def status_text(status: str, lang: str) -> str:
    return t(f"invest_status_{status}", lang)


def _multiple(value: float | None, lang: str) -> str:
    return "–" if value is None else f"{fmt.number(value, lang, 2)} ×"


def _lowest(figures: invest.Figures, lang: str, short: bool = False) -> str:
    """The kommune's lowest cash position and its year: −3.001.600 kr. (2027), or in
    millions for a metric (−3,0 mio. kr. (2027))."""
    if figures.kommune_lowest_cash is None:
        return "–"
    write = fmt.millions if short else fmt.kroner
    return f"{write(figures.kommune_lowest_cash, lang)} ({figures.kommune_lowest_cash_year})"


def portfolio_table(lines: Sequence[CaseLine], lang: str = "da") -> pd.DataFrame:
    import pandas as pd

    rows = []
    for line in lines:
        f = line.figures
        rows.append(
            {
                t("invest_col_name", lang): line.name,
                t("invest_col_status", lang): status_text(line.status, lang),
                t("invest_col_start", lang): "–"
                if line.start_year is None
                else str(line.start_year),
                t("invest_col_intervention", lang): line.intervention or "–",
                t("invest_col_citizens", lang): fmt.number(f.terms.contract.citizens, lang)
                if f
                else "–",
                t("invest_col_outlay_kommune", lang): fmt.kroner(
                    f.outlay_kommune if f else None, lang
                ),
                t("invest_col_outlay_investor", lang): fmt.kroner(
                    f.outlay_investor if f else None, lang
                ),
                t("invest_col_payments", lang): fmt.kroner(
                    f.payments_expected if f else None, lang
                ),
                t("invest_col_paid", lang): fmt.kroner(line.paid, lang),
                t("invest_col_npv", lang): fmt.kroner(f.kommune_npv if f else None, lang),
                t("invest_col_per_krone", lang): fmt.number(per_krone(f), lang, 2)
                if per_krone(f) is not None
                else "–",
                t("invest_col_multiple", lang): _multiple(f.investor_multiple if f else None, lang),
                t("invest_col_loss", lang): fmt.percent(
                    f.investor_loss_chance if f else None, lang
                ),
                t("invest_col_lowest", lang): _lowest(f, lang) if f else "–",
            }
        )
    return pd.DataFrame(rows)


def _years(lines: Sequence[CaseLine]) -> list[int]:
    """The years in which any case expects a payment."""
    found = {y.year for line in lines if line.figures for y in line.figures.years if y.payments}
    return sorted(found)


def repayments_table(lines: Sequence[CaseLine], lang: str = "da") -> pd.DataFrame:
    """Expected payments per case and calendar year (and the total row)."""
    import pandas as pd

    years = _years(lines)
    rows = []
    totals = dict.fromkeys(years, 0.0)
    for line in lines:
        by_year = {y.year: y.payments for y in line.figures.years} if line.figures else {}
        row: dict[str, str] = {t("invest_col_name", lang): line.name}
        for year in years:
            amount = by_year.get(year, 0.0)
            totals[year] += amount
            row[str(year)] = fmt.kroner(amount, lang) if amount else "–"
        rows.append(row)
    if lines:
        total_row = {t("invest_col_name", lang): t("invest_total", lang)}
        total_row.update({str(y): fmt.kroner(v, lang) if v else "–" for y, v in totals.items()})
        rows.append(total_row)
    return pd.DataFrame(rows)


def pools_table(pools: Sequence[invest.PoolFigures], lang: str = "da") -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        [
            {
                t("invest_col_pool", lang): p.name,
                t("invest_col_size", lang): fmt.kroner(p.size, lang),
                t("invest_col_committed", lang): fmt.kroner(p.committed, lang),
                t("invest_col_paid", lang): fmt.kroner(p.paid, lang),
                t("invest_col_left", lang): fmt.kroner(p.left, lang),
            }
            for p in pools
        ]
    )


def pool_years_table(pools: Sequence[invest.PoolFigures], lang: str = "da") -> pd.DataFrame:
    import pandas as pd

    years = sorted({y for p in pools for y, v in p.by_year if v})
    rows = []
    for p in pools:
        by_year = dict(p.by_year)
        row = {t("invest_col_pool", lang): p.name}
        row.update({str(y): fmt.kroner(by_year[y], lang) if by_year.get(y) else "–" for y in years})
        rows.append(row)
    return pd.DataFrame(rows)


def portfolio_points(lines: Sequence[CaseLine], lang: str = "da") -> list[dict[str, Any]]:
    """The portfolio chart's points: each case with a kommune NPV per krone, its investor's
    chance of a loss (its risk) and the stars of its evidence."""
    out = []
    for line in lines:
        value = per_krone(line.figures)
        if value is None or line.figures is None:
            continue
        risk = line.figures.investor_loss_chance
        out.append(
            {
                "name": line.name,
                "per_krone": value,
                "risk": 0.0 if risk is None else risk,
                "risk_text": fmt.percent(risk, lang),
                "stars": line.stars or 0,
                "stars_text": fmt.stars(line.stars) if line.stars else "–",
                "npv_text": fmt.kroner(line.figures.kommune_npv, lang),
                "status": status_text(line.status, lang),
                "citizens": line.figures.terms.contract.citizens,
            }
        )
    return out


# --- one case ---------------------------------------------------------------------------------


def _basis(basis: str, lang: str) -> str:
    return t(f"invest_basis_{basis}", lang)


def outcome_table(figures: invest.Figures, lang: str = "da") -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        [
            {
                t("invest_col_goal", lang): o.name,
                t("invest_col_payment", lang): fmt.kroner(o.payment, lang),
                t("invest_col_month", lang): fmt.number(o.month, lang),
                t("invest_col_rate", lang): fmt.share(o.rate, lang),
                t("invest_col_baseline", lang): fmt.share(o.baseline, lang),
                t("invest_col_basis", lang): _basis(o.basis, lang),
                t("invest_col_expected", lang): fmt.kroner(o.expected_payment, lang),
                t("invest_col_present", lang): fmt.kroner(o.present_value, lang),
                t("invest_col_break_even", lang): fmt.kroner(o.break_even_payment, lang),
            }
            for o in figures.outcomes
        ]
    )


def results_table(
    due: Sequence[tuple[invest.Result, float | None]],
    terms: invest.Terms,
    lang: str = "da",
) -> pd.DataFrame:
    """Each follow-up result with the share reached against the expected rate, and the payment
    it triggers."""
    import pandas as pd

    expected = dict(zip((o.name for o in terms.outcomes), terms.rates, strict=True))
    rows = []
    for result, payment in due:
        reached = result.reached / result.citizens if result.citizens else None
        rows.append(
            {
                t("invest_col_goal", lang): result.outcome,
                t("invest_col_follow_up", lang): date_text(result.follow_up, lang),
                t("invest_col_followed", lang): fmt.number(result.citizens, lang),
                t("invest_col_reached", lang): fmt.number(result.reached, lang),
                t("invest_col_reached_share", lang): fmt.share(reached, lang),
                t("invest_col_rate", lang): fmt.share(expected.get(result.outcome), lang),
                t("invest_col_due", lang): fmt.kroner(payment, lang),
            }
        )
    return pd.DataFrame(rows)


def date_text(day: dt.date, lang: str = "da") -> str:
    """31.01.2027 in Danish, 2027-01-31 in English."""
    return day.strftime("%d.%m.%Y") if lang == "da" else day.isoformat()


def projection_rows(
    figures: invest.Figures, due: Sequence[tuple[invest.Result, float | None]]
) -> list[dict[str, Any]]:
    """Projected against actual, per goal: expected payment and payments due so far."""
    paid: dict[str, float] = {}
    for result, payment in due:
        paid[result.outcome] = paid.get(result.outcome, 0.0) + (payment or 0.0)
    return [
        {
            "goal": o.name,
            "projected": o.expected_payment or 0.0,
            "actual": paid.get(o.name, 0.0),
        }
        for o in figures.outcomes
    ]


def projection_table(
    figures: invest.Figures,
    due: Sequence[tuple[invest.Result, float | None]],
    lang: str = "da",
) -> pd.DataFrame:
    """Projected against actual per goal: the expected payment, what is due so far."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                t("invest_col_goal", lang): row["goal"],
                t("invest_col_expected", lang): fmt.kroner(row["projected"], lang),
                t("invest_col_due_so_far", lang): fmt.kroner(row["actual"], lang),
            }
            for row in projection_rows(figures, due)
        ]
    )


def summary_lines(figures: invest.Figures, lang: str = "da") -> list[tuple[str, str]]:
    """(label, value) of a case's key figures, for the metrics and the committee's sheet."""
    return [
        (t("invest_col_outlay_investor", lang), fmt.kroner(figures.outlay_investor, lang)),
        (t("invest_col_outlay_kommune", lang), fmt.kroner(figures.outlay_kommune, lang)),
        (t("invest_col_payments", lang), fmt.kroner(figures.payments_expected, lang)),
        (t("invest_col_present_all", lang), fmt.kroner(figures.payments_present_value, lang)),
        (t("invest_col_deadweight", lang), fmt.percent(figures.deadweight_share, lang)),
        (t("invest_col_multiple", lang), _multiple(figures.investor_multiple, lang)),
        (t("invest_col_loss", lang), fmt.percent(figures.investor_loss_chance, lang)),
        (t("invest_col_npv", lang), fmt.kroner(figures.kommune_npv, lang)),
        (t("invest_col_lowest", lang), _lowest(figures, lang, short=True)),
    ]


# --- the editors' form ------------------------------------------------------------------------

RATE_CARD_COLUMNS = ("name", "payment", "month", "rate", "baseline", "basis")


def parse_amount(text: str, lang: str = "da") -> float | None:
    """A typed amount (1.234.567 / 1.234.567 kr. / 48 mio.): None for an empty one."""
    from viften.files.interventions import parse_number

    cleaned = (text or "").strip()
    if not cleaned:
        return None
    factor = 1.0
    lowered = cleaned.lower()
    for unit in ("mio. kr.", "mio.kr.", "mio kr", "mio.", "mio"):
        if lowered.endswith(unit):
            cleaned, factor = cleaned[: -len(unit)].strip(), 1_000_000.0
            break
    return parse_number(cleaned, decimal_comma=lang != "en") * factor


def _share(text: str, lang: str) -> float | None:
    from viften.present.case import parse_effect

    value, why = parse_effect(text, lang)
    if value is None and (text or "").strip():
        raise ValueError(why)
    return value


def contract_from_form(
    typed: Mapping[str, Any], rate_card: Sequence[Mapping[str, Any]], lang: str = "da"
) -> tuple[invest.Contract | None, list[str]]:
    """The contract an editor typed, or the problems (each naming its field in the reader's
    language). `typed` holds texts (amounts as Danes write them, shares as `35 %` or `0,35`),
    `rate_card` one mapping per goal with RATE_CARD_COLUMNS."""
    from viften.files.interventions import CellError

    problems: list[str] = []
    data: dict[str, Any] = {}

    def read(key: str, reader: Any) -> Any:
        raw = typed.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if not isinstance(raw, str):
            return raw
        try:
            return reader(raw, lang)
        except CellError as error:
            why = messages.render(error.message, lang)
        except ValueError as error:
            why = str(error)
        problems.append(t("invest_form_bad", lang, field=t(f"invest_field_{key}", lang), why=why))
        return None

    data["name"] = (typed.get("name") or "").strip()
    for key in ("year", "intervention", "status", "outlay_pool", "payment_pool", "description"):
        if typed.get(key) not in (None, ""):
            data[key] = typed[key]
    for key in ("citizens", "cost_per_citizen", "cap"):
        value = read(key, parse_amount)
        if value is not None:
            data[key] = int(value) if key == "citizens" and float(value).is_integer() else value
    for key in ("investor_share", "discount_rate"):
        value = read(key, _share)
        if value is not None:
            data[key] = value
    outcomes = []
    for row in rate_card:
        if not any(str(row.get(c) or "").strip() for c in RATE_CARD_COLUMNS[:3]):
            continue
        goal: dict[str, Any] = {"name": str(row.get("name") or "").strip()}
        for key in ("payment", "month"):
            raw = row.get(key)
            goal[key] = read_cell(raw, parse_amount, key, lang, problems)
        for key in ("rate", "baseline"):
            raw = row.get(key)
            value = read_cell(raw, _share, key, lang, problems)
            if value is not None:
                goal[key] = value
        goal["basis"] = row.get("basis") or invest.GROSS
        outcomes.append(goal)
    data["outcomes"] = outcomes
    if problems:
        return None, problems
    try:
        return invest.parse_contract(data), []
    except BadInput as error:
        return None, messages.error_lines(error, lang)


def read_cell(raw: Any, reader: Any, key: str, lang: str, problems: list[str]) -> Any:
    from viften.files.interventions import CellError

    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    if not str(raw).strip():
        return None
    try:
        return reader(str(raw), lang)
    except CellError as error:
        why = messages.render(error.message, lang)
    except ValueError as error:
        why = str(error)
    problems.append(t("invest_form_bad", lang, field=t(f"invest_field_{key}", lang), why=why))
    return None


def form_values(contract: invest.Contract | None, lang: str = "da") -> dict[str, str]:
    """The form's texts for a stored contract (empty for a new one)."""
    if contract is None:
        return {
            "name": "",
            "citizens": "",
            "cost_per_citizen": "",
            "investor_share": "100 %",
            "cap": "",
            "discount_rate": "",
        }

    def amount(value: float | None) -> str:
        return (
            "" if value is None else fmt.number(value, lang, 0 if float(value).is_integer() else 2)
        )

    return {
        "name": contract.name,
        "citizens": amount(contract.citizens),
        "cost_per_citizen": amount(contract.cost_per_citizen),
        "investor_share": fmt.share(contract.investor_share, lang),
        "cap": amount(contract.cap),
        "discount_rate": ""
        if contract.discount_rate is None
        else fmt.share(contract.discount_rate, lang),
    }


def rate_card_rows(contract: invest.Contract | None, lang: str = "da") -> list[dict[str, Any]]:
    """The rate card as the form's table edits it (amounts and shares as texts)."""
    if contract is None:
        return [
            {
                "name": "",
                "payment": "",
                "month": "",
                "rate": "",
                "baseline": "",
                "basis": invest.GROSS,
            }
        ]
    return [
        {
            "name": o.name,
            "payment": fmt.number(o.payment, lang),
            "month": fmt.number(o.month, lang),
            "rate": "" if o.rate is None else fmt.share(o.rate, lang),
            "baseline": "" if o.baseline is None else fmt.share(o.baseline, lang),
            "basis": o.basis,
        }
        for o in contract.outcomes
    ]


def follow_up_default(contract: invest.Contract, outcome: str) -> dt.date:
    """A goal's follow-up date as the contract expects it: its month after 1 January of the
    start year."""
    year = contract.year or dt.date.today().year
    months = next((int(o.month) for o in contract.outcomes if o.name == outcome), 0)
    return dt.date(year + months // 12, months % 12 + 1, 1)


# --- for the committee ------------------------------------------------------------------------


def sheet_figures(figures: invest.Figures, lang: str = "da") -> list[tuple[str, str, str]]:
    """(label, value, note) of the six figures on a case's sheet."""
    return [
        (
            t("invest_col_outlay_investor", lang),
            fmt.millions(figures.outlay_investor, lang),
            t(
                "invest_sheet_share",
                lang,
                share=fmt.percent(figures.terms.contract.investor_share, lang),
            ),
        ),
        (
            t("invest_col_outlay_kommune", lang),
            fmt.millions(figures.outlay_kommune, lang),
            t(
                "invest_sheet_citizens",
                lang,
                count=fmt.number(figures.terms.contract.citizens, lang),
            ),
        ),
        (
            t("invest_col_payments", lang),
            fmt.millions(figures.payments_expected, lang),
            t(
                "invest_sheet_deadweight",
                lang,
                share=fmt.percent(figures.deadweight_share, lang),
            ),
        ),
        (
            t("invest_col_npv", lang),
            fmt.millions(figures.kommune_npv, lang),
            t("invest_sheet_per_krone", lang, value=fmt.number(per_krone(figures), lang, 2))
            if per_krone(figures) is not None
            else "",
        ),
        (
            t("invest_col_multiple", lang),
            _multiple(figures.investor_multiple, lang),
            t("invest_sheet_loss", lang, share=fmt.percent(figures.investor_loss_chance, lang)),
        ),
        (t("invest_col_lowest", lang), _lowest(figures, lang, short=True), ""),
    ]


def sheet_note(figures: invest.Figures, lang: str = "da") -> str:
    """The rate card in one or two sentences: each goal, its payment and basis, and its
    break-even payment."""
    parts = []
    for goal in figures.outcomes:
        parts.append(
            t(
                "invest_sheet_goal",
                lang,
                goal=goal.name,
                payment=fmt.kroner(goal.payment, lang),
                basis=_basis(goal.basis, lang).split(" (")[0].lower(),
                month=fmt.number(goal.month, lang),
                break_even=fmt.kroner(goal.break_even_payment, lang),
            )
        )
    return " ".join(parts) or t("invest_sheet_no_goals", lang)
