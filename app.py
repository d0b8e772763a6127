"""`streamlit run app.py`: viften (streamlit_app.py), its landing page prepared at start.

The app itself is streamlit_app.py with pages/. This file hands it to Streamlit's server
(`st.App`) with one thing more: as the server starts, `viften.ui.warm` imports what the
landing page needs and reads its data in the background, while the first browser is still
loading Streamlit's scripts.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st


@asynccontextmanager
async def _prepared(_app: object) -> AsyncIterator[None]:
    from viften.ui import warm  # imported here: the server starts without waiting for it

    warm.start()
    yield


app = st.App(Path(__file__).with_name("streamlit_app.py"), lifespan=_prepared)
