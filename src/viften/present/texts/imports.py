"""The words of an import's preview, its undo, next year's fan and the year-over-year page."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # refusals of `revert --import` and `year new` (viften.store.imports)
    "imp_unknown": (
        "der er ingen import nr. {id}",
        "there is no import {id}",
    ),
    "imp_already_reverted": (
        "import nr. {id} er allerede fortrudt ({at}, af {by}); intet er ændret",
        "import {id} was reverted already ({at}, by {by}); nothing was changed",
    ),
    "imp_changed_since": (
        "import nr. {id} kan ikke fortrydes, for dette er ændret igen siden: {what}; "
        "intet er ændret",
        "import {id} cannot be reverted, because this has been changed again since: {what}; "
        "nothing was changed",
    ),
    "year_new_target_has_rows": (
        "{year} har allerede indsatser; et nyt år startes kun i et tomt år",
        "{year} has interventions already; a new year starts only in an empty one",
    ),
    "year_new_source_empty": (
        "{year} har ingen indsatser at starte fra",
        "{year} has no interventions to start from",
    ),
    # the preview before an import (ui.interventions)
    "imp_preview_heading": ("Det vil importen gøre", "What the import will do"),
    "imp_preview_counts": (
        "{added} nye, {updated} ændrede, {unchanged} uændrede; {missing} gemte indsatser "
        "fra samme år er ikke i filen (de bevares).",
        "{added} new, {updated} changed, {unchanged} unchanged; {missing} stored "
        "interventions of the same years are not in the file (they are kept).",
    ),
    "imp_preview_added": ("Nye indsatser", "New interventions"),
    "imp_preview_updated": ("Ændrede indsatser (gammel → ny)", "Changed interventions (old → new)"),
    "imp_preview_unchanged": ("Uændrede indsatser", "Unchanged interventions"),
    "imp_preview_missing": (
        "Gemte indsatser, som filen ikke har",
        "Stored interventions the file lacks",
    ),
    "imp_preview_nothing": (
        "Filen ændrer intet: alle indsatser er som de er gemt.",
        "The file changes nothing: every intervention is as stored.",
    ),
    "imp_cancel": ("Annullér", "Cancel"),
    "imp_imported_as": (
        "Gemt som import nr. {id}; den kan fortrydes under Historik.",
        "Saved as import {id}; it can be reverted under History.",
    ),
    # the history page, grouped by import (ui.history)
    "imp_heading": ("Importer", "Imports"),
    "hist_all": ("Alle ændringer", "All changes"),
    "imp_intro": (
        "Hver import er samlet her; en import kan fortrydes som helhed, så længe intet af "
        "det, den ændrede, er ændret igen siden.",
        "Every import is gathered here; an import can be reverted as a whole as long as "
        "nothing it changed has been changed again since.",
    ),
    "imp_label": (
        "Import nr. {id}: {file} · {what} · {user} · {at}",
        "Import {id}: {file} · {what} · {user} · {at}",
    ),
    "imp_what_interventions": ("indsatser", "interventions"),
    "imp_what_outcomes": ("effektmålinger", "outcome records"),
    "imp_reverted_mark": ("fortrudt {at} af {by}", "reverted {at} by {by}"),
    "imp_changes": ("{count} ændringer", "{count} changes"),
    "imp_revert_button": ("Fortryd hele importen", "Revert the whole import"),
    "imp_reverted": (
        "Import nr. {id} er fortrudt: {removed} fjernet, {restored} sat tilbage, "
        "{outcomes} effektmålinger lagt tilbage.",
        "Import {id} is reverted: {removed} removed, {restored} set back, "
        "{outcomes} outcome records put back.",
    ),
    "imp_none": ("Ingen importer endnu.", "No imports yet."),
    "hist_action_revert": ("fortrudt", "reverted"),
    # next year's fan (ui.year_over_year)
    "year_new_heading": ("Start næste år", "Start next year"),
    "year_new_button": (
        "Start {to} ud fra {from_year}",
        "Start {to} from {from_year}",
    ),
    "year_new_done": (
        "{count} indsatser er kopieret fra {from_year} til {to}.",
        "{count} interventions were copied from {from_year} to {to}.",
    ),
    "year_new_hint": (
        "Kopierer alle indsatser fra {from_year} til {to}, som derefter kan rettes eller "
        "importeres over. Kan fortrydes under Historik.",
        "Copies every intervention of {from_year} to {to}, to be edited or imported over. "
        "Can be reverted under History.",
    ),
    # the year-over-year page
    "page_yoy": ("År mod år", "Year over year"),
    "yoy_title": ("{before} mod {after}", "{before} against {after}"),
    "yoy_intro": (
        "Hvad der kom til, hvad der gik, og hvad der ændrede pris, effekt og stjerner. "
        "Pilene i viften viser, hvor en indsats flyttede hen.",
        "What came, what went, and what changed in price, effect and stars. The arrows "
        "in the fan show where an intervention moved.",
    ),
    "yoy_before": ("Fra år", "From year"),
    "yoy_after": ("Til år", "To year"),
    "yoy_need_two": (
        "Der skal være mindst to år med indsatser for at sammenligne.",
        "There must be at least two years with interventions to compare.",
    ),
    "yoy_counts": (
        "{came} kom til, {went} gik, {changed} ændrede, {same} uændrede.",
        "{came} came, {went} went, {changed} changed, {same} unchanged.",
    ),
    "yoy_came": ("Kom til", "Came"),
    "yoy_went": ("Gik", "Went"),
    "yoy_changed": ("Ændret", "Changed"),
    "yoy_none": ("Ingen.", "None."),
    "yoy_figure": ("Tal", "Figure"),
    "yoy_moves": ("Flytninger i viften", "Moves in the fan"),
    "yoy_fans": ("Viften i begge år", "The fan in both years"),
    # a database error (ui.safety)
    "safety_banner": (
        "Databasen svarer ikke, så appen er skrivebeskyttet lige nu: intet kan gemmes, og "
        "siden kan ikke vises. Prøv igen om lidt; hjælper det ikke, så kontakt den, der "
        "driver appen. (Databasen sagde: {detail})",
        "The database does not answer, so the app is read-only for now: nothing can be "
        "saved, and the page cannot be shown. Try again in a moment; if that does not "
        "help, contact whoever runs the app. (The database said: {detail})",
    ),
    "safety_retry": ("Prøv igen", "Try again"),
}
