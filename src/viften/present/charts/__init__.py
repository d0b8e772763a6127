"""Functions that return Altair charts; they never call Streamlit, so the CLI and the deck can
render the same pictures (offline, through vl-convert)."""
