"""Download buttons for pictures of a chart, shared by the fan page and presentation mode."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from viften.present import images
from viften.present.texts import t


def _image_maker(chart: Any, fmt: str, lang: str) -> Callable[[], bytes]:
    def make() -> bytes:
        return images.chart_bytes(chart, fmt, lang)

    return make


def matrix_downloads(chart: Any, file_stem: str, lang: str, key: str = "matrix") -> None:
    """Download buttons for the matrix as PNG, SVG and PDF: the picture is drawn on click.

    `chart` is the Altair chart or Vega-Lite spec (a dict) the page shows.
    """
    with st.container(horizontal=True, gap="small"):
        for fmt in images.FORMATS:
            st.download_button(
                t("committee_download_image", lang, fmt=fmt.upper()),
                _image_maker(chart, fmt, lang),
                file_name=f"{file_stem}.{fmt}",
                mime=images.FORMATS[fmt],
                on_click="ignore",
                key=f"{key}_download_{fmt}",
                help=t("committee_image_help", lang),
                icon=":material/image:",
            )
