"""A stylesheet that keeps every figure whole: no number, label or title cut with an ellipsis.

Streamlit cuts a metric's value and label that do not fit their column ("94,5 mio…",
"Budget i den nuværende f…"); on a 1366×768 screen, a common projector, that hides the
figure itself. Here they wrap between words instead (a Danish number has no space in it, so
"94.479.000" stays whole and only "kr." may go to the next line), and the fan's tooltip is
opaque, so the matrix under it does not show through. Static CSS, no data in it.
"""

from __future__ import annotations

import streamlit as st

FIT_CSS = """
[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important;
  overflow: visible !important;
  text-overflow: clip !important;
  overflow-wrap: normal !important;
  word-break: normal !important;
}
[data-testid="stMetricValue"] {
  font-size: clamp(1.5rem, 2.4vw, 2.25rem);
  line-height: 1.15;
}
#vg-tooltip-element, .vg-tooltip {
  opacity: 1 !important;
  background-color: #ffffff !important;
  color: #1f2937 !important;
  border: 1px solid #9ca3af !important;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25) !important;
}
"""


def inject_fit_css() -> None:
    """Add the stylesheet to the page (once per run, from streamlit_app.py)."""
    st.html(f"<style>{FIT_CSS}</style>")
