"""Showing our Altair charts: validated by the tests, not again on every rerun."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit import dataframe_util

from viften.present.charts import localised
from viften.ui.state import language


def as_sent(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with its named datasets as the Arrow bytes `st.vega_lite_chart` sends (the same
    conversion it makes, which it skips for bytes): kept with a cached spec, a rerun does not
    turn the same rows into Arrow again (a tenth of a second on the fan, whose table of tiles
    is text). The spec is not changed; the result is for drawing only."""
    datasets = spec.get("datasets")
    if not isinstance(datasets, dict):
        return spec
    return {
        **spec,
        "datasets": {
            name: rows
            if isinstance(rows, bytes)
            else dataframe_util.convert_anything_to_arrow_bytes(rows)
            for name, rows in datasets.items()
        },
    }


def show(chart: Any, **options: Any) -> Any:
    """`st.altair_chart` without re-validating the spec against the Vega-Lite schema on every
    rerun (five times the cost of drawing it; the chart functions' tests validate them), in
    the reader's number format."""
    return st.vega_lite_chart(localised(chart, language()), **options)


@st.cache_data(max_entries=64, show_spinner=False)
def _built(
    name: str,
    _builder: Callable[..., Any],
    args: tuple[Any, ...],
    keywords: tuple[tuple[str, Any], ...],
    lang: str,
) -> dict[str, Any]:
    return as_sent(localised(_builder(*args, **dict(keywords)), lang))


def show_built(
    builder: Callable[..., Any],
    *args: Any,
    options: dict[str, Any] | None = None,
    **keywords: Any,
) -> Any:
    """`show(builder(*args, **keywords), **options)`, with the spec kept for the same builder
    and inputs: a rerun that changes nothing the chart shows does not build it again (Altair's
    objects cost more than the drawing)."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    spec = _built(name, builder, args, tuple(sorted(keywords.items())), language())
    return st.vega_lite_chart(spec, **(options or {}))
