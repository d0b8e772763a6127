"""The benchmark page's parts: every kind at a glance, then one kind's forest plot, the I² in
words and its interventions side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from viften.present import benchmark as present
from viften.present.charts.benchmark import forest_chart
from viften.present.formatting import escape_markdown
from viften.present.texts import t
from viften.ui import grid
from viften.ui.charts import show


def overview(objects: Sequence[dict[str, Any]], lang: str) -> None:
    st.subheader(t("bm_overview", lang), anchor=False)
    # every kind in sight: the table's height is its rows', not a scrolling window
    grid.table(present.overview(list(objects), lang), max_height=800)
    st.caption(t("bm_i2_thresholds", lang))


def choose_kind(objects: Sequence[dict[str, Any]], lang: str) -> Mapping[str, Any]:
    """The kind to show in full (the one most municipalities measured first)."""
    ranked = sorted(range(len(objects)), key=lambda i: (-objects[i]["municipalities"], i))
    index = st.selectbox(
        t("bm_choose_kind", lang),
        ranked,
        format_func=lambda i: str(objects[i]["kind"]),
        key="bm_kind",
    )
    return objects[int(index if index is not None else ranked[0])]


def kind_section(obj: Mapping[str, Any], lang: str) -> None:
    """One kind: its summary, the plain-Danish I², the forest plot and the table."""
    st.subheader(escape_markdown(obj["kind"]), anchor=False)
    st.text(present.summary_text(obj, lang))
    level = present.i2_text(obj, lang)
    if obj["i2"] >= 0.75:
        st.warning(level, icon=":material/compare_arrows:")
    else:
        st.info(level, icon=":material/compare_arrows:")
    show(forest_chart(obj, lang), key="bm_forest", width="stretch")
    st.markdown(f"**{t('bm_pool_heading', lang)}**")
    grid.table(present.side_by_side(obj, lang))
    st.markdown(f"**{t('bm_figures_heading', lang)}**")
    grid.table(present.figures_side_by_side(obj, lang))
    unpooled = present.unpooled_text(obj, lang)
    if unpooled:
        st.caption(escape_markdown(unpooled))
