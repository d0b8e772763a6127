"""The benchmark page's parts: a forest plot, the I² in words and the kind side by side."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from viften.present import benchmark as present
from viften.present.charts.benchmark import forest_chart
from viften.present.formatting import escape_markdown
from viften.ui.charts import show


def kind_section(obj: Mapping[str, Any], key: int, lang: str) -> None:
    """One kind: its summary, the plain-Danish I², the forest plot and the table."""
    st.subheader(escape_markdown(obj["kind"]), anchor=False)
    st.text(present.summary_text(obj, lang))
    level = present.i2_text(obj, lang)
    if obj["i2"] >= 0.75:
        st.warning(level, icon=":material/compare_arrows:")
    else:
        st.info(level, icon=":material/compare_arrows:")
    show(forest_chart(obj, lang), key=f"bm_forest_{key}", width="stretch")
    st.dataframe(present.side_by_side(obj, lang), hide_index=True, width="stretch")
    unpooled = present.unpooled_text(obj, lang)
    if unpooled:
        st.caption(escape_markdown(unpooled))
