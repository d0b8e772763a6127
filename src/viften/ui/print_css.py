"""A print stylesheet: the matrix page on A4 landscape, without the app around it.

Streamlit draws the page inside fixed-height scrolling containers, so a browser prints only
what fits the first screen, with the sidebar and toolbar on it. This sheet (static CSS
written here, no user data in it) lets the content flow over pages, hides the app's chrome
and the controls, and scales charts to the paper.
"""

from __future__ import annotations

import streamlit as st

PRINT_CSS = """
@page {
  size: A4 landscape;
  margin: 10mm;
}
@media print {
  html, body {
    background: #ffffff !important;
    -webkit-print-color-adjust: exact !important;
    print-color-adjust: exact !important;
  }
  /* let the page flow over several sheets instead of printing one scrolled screen */
  html, body, #root, .stApp, [data-testid="stApp"], [data-testid="stAppViewContainer"],
  [data-testid="stMain"], [data-testid="stMainBlockContainer"], section.main {
    height: auto !important;
    min-height: 0 !important;
    max-height: none !important;
    overflow: visible !important;
    position: static !important;
  }
  /* the app's chrome and every control: only the content goes on paper */
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stBottom"],
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stPopover"],
  [data-testid="stBaseButton-headerNoPadding"], [data-testid="stSelectbox"],
  [data-testid="stMultiSelect"], [data-testid="stRadio"],
  [data-testid="stSegmentedControl"], [data-testid="stTextInput"],
  [data-testid="stNumberInput"], [data-testid="stSlider"], [data-testid="stCheckbox"],
  [data-testid="stToggle"], [data-testid="stPageLink"], [data-testid="stButtonGroup"],
  [data-testid="stExpander"], [data-testid="stTextArea"], [data-testid="stDateInput"],
  [data-testid="stFileUploader"], [data-testid="stSkipToContent"],
  [data-testid="stElementToolbar"], [class*="st-key-presentation_controls"] {
    display: none !important;
  }
  [data-testid="stMainBlockContainer"], .block-container {
    padding: 0 !important;
    margin: 0 !important;
    max-width: none !important;
    width: 100% !important;
  }
  /* a chart fits the sheet's width and is never cut between two sheets */
  [data-testid="stVegaLiteChart"], [data-testid="stImage"], [data-testid="stFullScreenFrame"] {
    break-inside: avoid;
    page-break-inside: avoid;
    max-width: 100% !important;
  }
  [data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas,
  [data-testid="stImage"] img {
    max-width: 100% !important;
    height: auto !important;
  }
  [data-testid="stVegaLiteChart"] .vega-embed {
    width: 100% !important;
  }
  [data-testid="stVegaLiteChart"] details, .vega-actions {
    display: none !important;
  }
  h1, h2, h3 {
    break-after: avoid;
    page-break-after: avoid;
  }
  table, [data-testid="stTable"] tr {
    break-inside: avoid;
  }
}
"""
"""The sheet itself: fixed text, no data from the database or the user."""


def inject_print_css() -> None:
    """Add the print stylesheet to the page (it changes nothing on screen)."""
    st.html(f"<style>{PRINT_CSS}</style>")
