"""Showing our Altair charts: validated by the tests, not again on every rerun."""

from __future__ import annotations

from typing import Any

import streamlit as st

from viften.present.charts import localised
from viften.ui.state import language


def show(chart: Any, **options: Any) -> Any:
    """`st.altair_chart` without re-validating the spec against the Vega-Lite schema on every
    rerun (five times the cost of drawing it; the chart functions' tests validate them), in
    the reader's number format."""
    return st.vega_lite_chart(localised(chart, language()), **options)
