"""Benchmark: the same kind of intervention across municipalities, pooled, with a forest plot."""

import streamlit as st

from viften.present.texts import t
from viften.ui import benchmark as parts
from viften.ui.cache import benchmarks
from viften.ui.filters import current
from viften.ui.state import language

lang = language()
chosen = current()
year, objects = benchmarks(chosen.year, chosen.municipality)
st.title(t("bm_title", lang, year=year) if year else t("page_benchmark", lang), anchor=False)
st.caption(t("bm_intro", lang))
if not objects:
    st.info(t("bm_none", lang, year=year or "–"))
    st.stop()
parts.overview(objects, lang)
obj = parts.choose_kind(objects, lang)
parts.kind_section(obj, lang)
