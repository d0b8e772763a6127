"""Words for the shared sidebar, sign-in and navigation."""

TEXTS: dict[str, tuple[str, str]] = {
    "ui_filters": ("Filtre", "Filters"),
    "ui_min_stars": ("Mindst antal stjerner", "At least this many stars"),
    "ui_all": ("Alle", "All"),
    "ui_municipality": ("Kommune", "Municipality"),
    "ui_every_municipality": ("Alle kommuner", "Every municipality"),
    "ui_own_municipality": ("Egen kommune (uden navn)", "Own municipality (no name)"),
    "ui_price_min": ("Pris pr. job fra (kr.)", "Price per job from (DKK)"),
    "ui_price_max": ("Pris pr. job til (kr.)", "Price per job to (DKK)"),
    "ui_all_target_groups": ("Alle målgrupper", "All target groups"),
    "filters_price_range_turned": (
        "Prisgrænserne stod omvendt (fra {given_from} til {given_to}), så de er byttet om.",
        "The price limits were the wrong way round (from {given_from} to {given_to}), so "
        "they have been swapped.",
    ),
    "filters_url_all_target_groups": (
        "Adressen valgte ingen kendt målgruppe, så alle målgrupper vises.",
        "The address chose no known target group, so every target group is shown.",
    ),
    "ui_search": ("Søg", "Search"),
    "ui_search_hint": ("Navn, leverandør eller beskrivelse", "Name, provider or description"),
    "ui_empty_database": (
        "Der er ingen indsatser i databasen endnu. Gå til siden Indsatser og importér en fil "
        "(skabelonen kan hentes der), eller kør `python -m viften init` for demodata.",
        "There are no interventions in the database yet. Go to the Interventions page and "
        "import a file (the template is there), or run `python -m viften init` for demo data.",
    ),
    "ui_nothing_matches": (
        "Ingen indsatser passer til filtrene. Fjern et filter i venstre side for at se flere.",
        "No intervention matches the filters. Remove a filter on the left to see more.",
    ),
    "page_fan": ("Viften", "The fan"),
    "page_overview": ("Sammenlign", "Compare"),
    "page_caseworker": ("Find en indsats", "Find an intervention"),
    "page_interventions": ("Indsatser", "Interventions"),
    "page_budget": ("Budget", "Budget"),
    "page_effects": ("Effekt og business case", "Effect and business case"),
    "page_presentation": ("Præsentation", "Presentation"),
    "page_history": ("Historik", "History"),
}
