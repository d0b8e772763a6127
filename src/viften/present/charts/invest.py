"""Social investments' charts: the portfolio in the style of the fan (the kommune's expected
NPV per krone against the evidence and the risk) and a case's money year by year (payments,
and the kommune's cumulative cash line). Altair only, never Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from viften.model import invest
from viften.present.texts import t

STAR_COLOURS = ("#BBBBBB", "#9ECAE1", "#4292C6", "#08519C")
"""No evidence, ★, ★★, ★★★: the darker, the surer."""
PAYMENT_COLOUR = "#E69F00"
CASH_COLOUR = "#1F3A5F"


def _title(text: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(
        text=text, subtitle=subtitle, anchor="start", fontSize=15, subtitleFontSize=12
    )


def portfolio_chart(points: Sequence[dict[str, Any]], lang: str = "da", width: float = 640) -> Any:
    """Each case a dot: up the kommune's NPV per krone it spends, right the investor's chance
    of a loss; the darker, the more evidence stars; the larger, the more citizens. The zero
    line marks where the kommune breaks even."""
    data = alt.Data(values=list(points))
    base = alt.Chart(data).encode(
        x=alt.X(
            "risk:Q",
            title=t("invest_chart_risk", lang),
            scale=alt.Scale(domain=[0, 1.3], nice=False),
            axis=alt.Axis(format="%", values=[0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        ),
        y=alt.Y(
            "per_krone:Q",
            title=t("invest_chart_per_krone", lang),
            axis=alt.Axis(format=",.2~f"),
        ),
    )
    dots = base.mark_circle(opacity=0.9, stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color(
            "stars:O",
            title=t("invest_chart_stars", lang),
            scale=alt.Scale(domain=[0, 1, 2, 3], range=list(STAR_COLOURS)),
            legend=alt.Legend(orient="bottom", direction="horizontal"),
        ),
        size=alt.Size(
            "citizens:Q",
            title=t("invest_col_citizens", lang),
            scale=alt.Scale(range=[80, 900]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("name:N", title=t("invest_col_name", lang)),
            alt.Tooltip("status:N", title=t("invest_col_status", lang)),
            alt.Tooltip("npv_text:N", title=t("invest_col_npv", lang)),
            alt.Tooltip("risk_text:N", title=t("invest_col_loss", lang)),
            alt.Tooltip("stars_text:N", title=t("invest_chart_stars", lang)),
        ],
    )
    labels = base.mark_text(align="left", dx=10, fontSize=12).encode(text="name:N")
    zero = (
        alt.Chart(alt.Data(values=[{"y": 0}]))
        .mark_rule(color="#7A7A7A", strokeDash=[4, 4])
        .encode(y="y:Q")
    )
    return alt.layer(zero, dots, labels).properties(
        width=width,
        height=380,
        padding={"top": 14, "left": 5, "right": 5, "bottom": 5},
        title=_title(t("invest_chart_title", lang), t("invest_chart_subtitle", lang)),
    )


def cash_chart(figures: invest.Figures, lang: str = "da", width: float = 560) -> Any:
    """A case's payments per year (bars) and the kommune's cumulative cash position (line)."""
    rows = [
        {
            "year": y.year,
            "payments": y.payments,
            "cash": y.cash_kommune,
        }
        for y in figures.years
    ]
    data = alt.Data(values=rows)
    axis = alt.Axis(format=",.0~f")
    year = alt.X("year:O", title=t("invest_chart_year", lang), axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(data)
        .mark_bar(color=PAYMENT_COLOUR)
        .encode(
            x=year,
            y=alt.Y("payments:Q", title=t("invest_chart_kroner", lang), axis=axis),
            tooltip=[alt.Tooltip("year:O", title=t("invest_chart_year", lang))],
        )
    )
    layers: list[Any] = [bars]
    if any(r["cash"] is not None for r in rows):
        layers.append(
            alt.Chart(data)
            .mark_line(color=CASH_COLOUR, point=True)
            .encode(x=year, y=alt.Y("cash:Q", axis=axis))
        )
    return alt.layer(*layers).properties(
        width=width,
        height=300,
        title=_title(t("invest_chart_cash_title", lang), t("invest_chart_cash_subtitle", lang)),
    )


def case_sheet(
    name: str, lines: Sequence[tuple[str, str, str]], figures: invest.Figures, lang: str = "da"
) -> Any:
    """A case's sheet as one picture (PNG or PDF through vl-convert): its key figures as text,
    and its money year by year."""
    rows = [
        {"row": i // 3, "column": i % 3, "label": label, "value": value, "note": note}
        for i, (label, value, note) in enumerate(lines)
    ]
    data = alt.Data(values=rows)
    x = alt.X("column:Q", axis=None, scale=alt.Scale(domain=[0, 3]))
    y = alt.Y("row:Q", axis=None, scale=alt.Scale(domain=[-0.5, 1.5], reverse=True))
    label = alt.Chart(data).mark_text(align="left", dy=-22, fontSize=13, color="#5B6472")
    value = alt.Chart(data).mark_text(align="left", fontSize=22, fontWeight="bold")
    note = alt.Chart(data).mark_text(align="left", dy=22, fontSize=12, color="#5B6472")
    block = alt.layer(
        label.encode(x=x, y=y, text="label:N"),
        value.encode(x=x, y=y, text="value:N"),
        note.encode(x=x, y=y, text="note:N"),
    ).properties(width=760, height=180)
    parts: list[Any] = [block]
    if figures.years:
        parts.append(cash_chart(figures, lang, width=760))
    return (
        alt.vconcat(*parts)
        .properties(title=_title(name, t("invest_sheet_subtitle", lang)))
        .configure_view(stroke=None)
    )
