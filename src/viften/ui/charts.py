"""Showing our Altair charts: validated by the tests, not again on every rerun."""

from __future__ import annotations

from typing import Any

import streamlit as st


def show(chart: Any, **options: Any) -> Any:
    """`st.altair_chart` without re-validating the spec against the Vega-Lite schema on every
    rerun (five times the cost of drawing it); the chart functions' tests validate them."""
    return st.vega_lite_chart(chart.to_dict(validate=False), **options)
