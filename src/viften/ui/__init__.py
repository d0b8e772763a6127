"""The only package code that touches Streamlit: shared widgets, session state and caches."""
