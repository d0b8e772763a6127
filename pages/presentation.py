"""Præsentation: one view at a time, large, for the committee's projector; and the deck."""

from viften.ui import presentation
from viften.ui.print_css import inject_print_css
from viften.ui.state import language

lang = language()
inject_print_css()
presentation.present(lang)
