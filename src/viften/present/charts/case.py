"""The budget case's charts: who gets what year by year, the kommune's cumulative cash line,
and the committee's split per payer. Functions return Altair charts with inline data, titled
with their scope, and never call Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import altair as alt

from viften.present.charts.budget import _axis_format
from viften.present.charts.labels import axis as name_axis
from viften.present.charts.labels import row_px, wrapped
from viften.present.texts import t

LINE_COLOURS = ("#0072B2", "#E69F00", "#7A7A7A")
"""Okabe–Ito blue (saved benefit), orange (taxes) and grey (the price)."""
LABEL_CHARS = 70
"""Characters per line of a name on the split chart's axis: it is a slide's width."""
PAYER_COLOURS = ("#0072B2", "#D55E00", "#009E73")
"""Kommunen, staten, andre kommuner."""
CASH_COLOUR = "#1F3A5F"
PAYBACK_COLOUR = "#009E73"


def _title(text: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(
        text=text,
        subtitle=subtitle,
        anchor="start",
        fontSize=15,
        subtitleFontSize=12,
        subtitleColor="#444444",
    )


def payer_chart(
    rows: Sequence[dict[str, Any]],
    name: str,
    scale: str,
    scope: str,
    lang: str = "da",
    width: float = 360,
) -> alt.FacetChart:
    """One panel per payer: the lines (saved benefit, taxes, the price) stacked year by year.

    `rows` are `present.case.year_rows`; `scale` says per participant or for how many.
    """
    lines = [t(f"case_line_{key}", lang) for key in ("benefit", "taxes", "price")]
    payers = [
        t(f"case_payer_{key}", lang)
        for key in ("kommune", "state", "other_municipalities", "public")
    ]
    base = (
        alt.Chart(alt.Data(values=list(rows)))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=t("case_chart_year", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "sum(amount):Q",
                title=t("case_chart_amount", lang),
                axis=alt.Axis(**_axis_format(lang, 0)),
            ),
            color=alt.Color(
                "line:N",
                title=t("case_chart_line", lang),
                scale=alt.Scale(domain=lines, range=list(LINE_COLOURS)),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("payer:N", title=t("case_chart_payer", lang)),
                alt.Tooltip("year:O", title=t("case_chart_year", lang)),
                alt.Tooltip("line:N", title=t("case_chart_line", lang)),
                alt.Tooltip("amount_text:N", title=t("case_chart_amount", lang)),
            ],
        )
        .properties(width=width, height=190)
    )
    return (
        base.facet(
            facet=alt.Facet(
                "payer:N",
                sort=payers,
                title=None,
                header=alt.Header(labelFontSize=13, labelFontWeight="bold", labelAnchor="start"),
            ),
            columns=2,
        )
        .properties(title=_title(t("case_chart_title", lang, name=name, scale=scale), scope))
        .resolve_scale(y="shared")
    )


def cash_chart(
    rows: Sequence[dict[str, Any]],
    payback_year: int | None,
    name: str,
    scale: str,
    scope: str,
    lang: str = "da",
    width: float = 760,
) -> alt.LayerChart:
    """The kommune's cumulative net present value, year 0 (the price) to the horizon, with a
    line at 0 and the payback year marked. `rows` are `present.case.cumulative_rows`."""
    data = alt.Data(values=list(rows))
    value_title = t("case_cash_value", lang)
    x = alt.X("year:Q", title=t("case_chart_year", lang), axis=alt.Axis(tickMinStep=1, format="d"))
    y = alt.Y("value:Q", title=t("case_cash_amount", lang), axis=alt.Axis(**_axis_format(lang, 0)))
    line = (
        alt.Chart(data)
        .mark_line(
            color=CASH_COLOUR,
            point=alt.OverlayMarkDef(color=CASH_COLOUR, size=50),
        )
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("year:Q", title=t("case_chart_year", lang)),
                alt.Tooltip("value_text:N", title=value_title),
            ],
        )
    )
    zero = (
        alt.Chart(alt.Data(values=[{"zero": 0}]))
        .mark_rule(color="#888888", strokeDash=[4, 3])
        .encode(y="zero:Q")
    )
    layers: list[Any] = [zero, line]
    if payback_year is not None:
        marker = [{"year": payback_year, "label": t("case_cash_payback", lang, year=payback_year)}]
        layers.append(
            alt.Chart(alt.Data(values=marker))
            .mark_rule(color=PAYBACK_COLOUR, strokeWidth=2)
            .encode(x="year:Q")
        )
        layers.append(
            alt.Chart(alt.Data(values=marker))
            .mark_text(
                align="left",
                dx=6,
                dy=-6,
                baseline="bottom",
                fontSize=13,
                fontWeight="bold",
                color=PAYBACK_COLOUR,
            )
            .encode(x="year:Q", y=alt.value(18), text="label:N")
        )
    return cast(alt.LayerChart, alt.layer(*layers)).properties(
        width=width,
        height=260,
        title=_title(t("case_cash_title", lang, name=name, scale=scale), scope),
    )


def split_chart(
    rows: Sequence[dict[str, Any]],
    scope: str,
    lang: str = "da",
    width: float = 760,
    height: float | None = None,
) -> alt.LayerChart:
    """Per intervention, its gain per participant stacked by payer, with its price as a tick:
    where a bar passes its tick, the public purse gains more than it pays. `rows` are
    `present.case.split_rows`."""
    payers = [t(f"case_payer_{key}", lang) for key in ("kommune", "state", "other_municipalities")]
    names = list(dict.fromkeys(str(r["name"]) for r in rows))
    labels = {name: wrapped(name, LABEL_CHARS) for name in names}
    data = alt.Data(values=[{**r, "label": labels[str(r["name"])]} for r in rows])
    y = alt.Y("label:N", sort=list(labels.values()), title=None, axis=name_axis())
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "gain:Q",
                title=t("committee_case_split_axis", lang),
                axis=alt.Axis(**_axis_format(lang, 0)),
            ),
            color=alt.Color(
                "payer:N",
                title=None,
                legend=alt.Legend(orient="top"),
                scale=alt.Scale(domain=payers, range=list(PAYER_COLOURS)),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("name:N", title=t("col_name", lang)),
                alt.Tooltip("payer:N", title=t("case_chart_payer", lang)),
                alt.Tooltip("gain_text:N", title=t("case_col_gain", lang)),
            ],
        )
    )
    prices = [
        {"name": n, "label": labels[n], "price": r["price"], "price_text": r["price_text"]}
        for n, r in {str(r["name"]): r for r in rows}.items()
    ]
    ticks = (
        alt.Chart(alt.Data(values=prices))
        .mark_tick(
            color="#111111",
            thickness=3,
            size=22,
        )
        .encode(
            y=y,
            x="price:Q",
            tooltip=[
                alt.Tooltip("name:N", title=t("col_name", lang)),
                alt.Tooltip("price_text:N", title=t("committee_case_price", lang)),
            ],
        )
    )
    return cast(alt.LayerChart, alt.layer(bars, ticks)).properties(
        width=width,
        height=height or max(160.0, row_px(labels.values(), 30.0) * len(names)),
        title=alt.TitleParams(
            text=t("committee_case_split", lang),
            subtitle=[scope, t("committee_case_tick", lang)],
            anchor="start",
            fontSize=15,
            subtitleFontSize=12,
            subtitleColor="#444444",
        ),
    )
