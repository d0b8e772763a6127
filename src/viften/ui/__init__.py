"""The only package code that touches Streamlit: shared widgets, session state and caches."""

from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

# streamlit_app.py routes with st.navigation. Streamlit 1.67 still treats a folder named
# pages/ next to the entry file as the old multipage layout, and would run a deep link such
# as /budget as a bare script, without streamlit_app.py's sidebar. The flag is read at the
# start of every run: clearing it once per process, and rerunning the one run that started
# the old way, makes every run go through streamlit_app.py.
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    _context = get_script_run_ctx()
    if _context is not None:
        from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
        from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

        raise RerunException(
            RerunData(
                query_string=_context.query_string, page_script_hash=_context.page_script_hash
            )
        )
PagesManager.uses_pages_directory = False
