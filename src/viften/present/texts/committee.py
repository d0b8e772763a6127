"""Words for the committee: presentation mode, the PowerPoint deck and the image downloads."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- shared by the deck and presentation mode ---------------------------------------------
    "committee_municipality_default": ("Kommunen", "The municipality"),
    "committee_title": ("Tilbudsviften {year}", "The offering fan {year}"),
    "committee_subtitle": (
        "Pris pr. job og effekt af beskæftigelsesindsatserne",
        "Price per job and effect of the employment interventions",
    ),
    "committee_made_on": ("Udarbejdet {date}", "Prepared {date}"),
    "committee_footer": (
        "{municipality} · Tilbudsviften {year}",
        "{municipality} · The offering fan {year}",
    ),
    "committee_key_figures": ("Nøgletal {year}", "Key figures {year}"),
    "committee_kf_interventions": ("Indsatser", "Interventions"),
    "committee_kf_interventions_note": (
        "{closer} tættere på · {further} længere væk · {cross} tværgående",
        "{closer} closer · {further} further · {cross} cross-cutting",
    ),
    "committee_kf_participants": ("Planlagte deltagere", "Planned participants"),
    "committee_kf_spend": ("Budget i den nuværende fordeling", "Budget in the current allocation"),
    "committee_kf_jobs": ("Forventede job", "Expected jobs"),
    "committee_kf_jobs_note": (
        "heraf {extra} ekstra job (mer-effekt)",
        "of which {extra} additional jobs (extra effect)",
    ),
    "committee_kf_price_per_job": ("Gennemsnitlig pris pr. job", "Average price per job"),
    "committee_kf_optimal": ("Samme budget, optimal fordeling", "Same budget, optimal allocation"),
    "committee_kf_optimal_note": (
        "ekstra job (i dag {current})",
        "additional jobs (today {current})",
    ),
    "committee_fan_all": (
        "Viften: alle målgrupper (model 2)",
        "The fan: all target groups (model 2)",
    ),
    "committee_fan_group": ("Viften: {group}", "The fan: {group}"),
    "committee_fan_note": (
        "Vandret: pris pr. job, billigst til venstre. Lodret: forvaltningens vurdering af "
        "effekt, bedst øverst. Jo lysere felt, jo billigere job.",
        "Across: price per job, cheapest on the left. Down: the administration's judgement "
        "of effect, best at the top. The lighter the tile, the cheaper the job.",
    ),
    "committee_table": (
        "Indsatserne: pris, effekt og evidens",
        "The interventions: price, effect and evidence",
    ),
    "committee_table_part": ("({part} af {parts})", "({part} of {parts})"),
    "committee_col_name": ("Indsats", "Intervention"),
    "committee_col_group": ("Målgruppe", "Target group"),
    "committee_col_price": ("Pris pr. deltager", "Price per participant"),
    "committee_col_ppj": ("Pris pr. job", "Price per job"),
    "committee_col_net": ("Mer-effekt", "Extra effect"),
    "committee_col_ppaj": ("Pris pr. ekstra job", "Price per additional job"),
    "committee_col_stars": ("Evidens", "Evidence"),
    "committee_allocation": (
        "Fordelingen: nuværende og optimal",
        "The allocation: current and optimal",
    ),
    "committee_allocation_scenario": (
        "Fordelingen: nuværende og scenariet «{name}»",
        "The allocation: current and the scenario «{name}»",
    ),
    "committee_allocation_summary": (
        "Samme budget ({budget}): den nuværende fordeling giver {current} ekstra job, den "
        "optimale giver {other}.",
        "The same budget ({budget}): the current allocation gives {current} additional jobs, "
        "the optimal one gives {other}.",
    ),
    "committee_allocation_summary_scenario": (
        "Den nuværende fordeling bruger {current_spend} og giver {current} ekstra job. "
        "Scenariet «{name}» bruger {other_spend} og giver {other} ekstra job.",
        "The current allocation spends {current_spend} and gives {current} additional jobs. "
        "The scenario «{name}» spends {other_spend} and gives {other} additional jobs.",
    ),
    "committee_allocation_left_out": (
        "De {count} indsatser med de mindste ændringer er udeladt af grafen.",
        "The {count} interventions with the smallest changes are left out of the chart.",
    ),
    "committee_allocation_missing": (
        "Der er ingen planlagt fordeling at sammenligne med: ingen indsats har et antal "
        "planlagte deltagere.",
        "There is no planned allocation to compare with: no intervention has a number of "
        "planned participants.",
    ),
    "committee_allocation_unavailable": (
        "Fordelingen kunne ikke beregnes: {reason}",
        "The allocation could not be computed: {reason}",
    ),
    "committee_frontier": (
        "Effektivitetsfronten: job for hvert budget",
        "The efficiency frontier: jobs for every budget",
    ),
    "committee_frontier_note": (
        "Kurven viser, hvor mange ekstra job hvert budget højst kan købe med de nuværende "
        "indsatser og kapaciteter. Punkterne under kurven kan flyttes op uden flere penge.",
        "The curve shows the most additional jobs each budget can buy with the current "
        "interventions and capacities. Points below the curve can move up without more money.",
    ),
    "committee_guide": ("Sådan læses viften", "How to read the fan"),
    "committee_guide_lines": (
        "Vandret: pris pr. job i kolonner fra billig (venstre) til dyr (højre).\n"
        "Lodret: forvaltningens samlede faglige vurdering af effekt og evidens for "
        "målgruppen. Øverst virker bedst; længere nede ligger specialiserede tilbud og "
        "tilbud til svagere grupper.\n"
        "Farve: målgruppen. Blå: tættere på arbejdsmarkedet. Orange: længere fra. "
        "Grøn: tværgående.\n"
        "Farvetone: jo lysere feltet er, jo billigere er et job.\n"
        "Stjerner: evidensen bag effekten, fra 1 til 3.\n"
        "Stiplet kant: tallet mangler, fx fordi der ingen kontrolgruppe er; indsatsen står "
        "i sin egen kolonne til højre.\n"
        "Mer-effekt: deltagernes jobandel minus en sammenlignelig gruppes. Det er de job, "
        "indsatsen selv skaber.",
        "Across: price per job in columns from cheap (left) to dear (right).\n"
        "Down: the administration's overall professional judgement of effect and evidence "
        "for the target group. The top works best; further down sit specialised offers and "
        "offers for weaker groups.\n"
        "Colour: the target group. Blue: closer to the labour market. Orange: further from "
        "it. Green: cross-cutting.\n"
        "Shade: the lighter the tile, the cheaper a job.\n"
        "Stars: the evidence behind the effect, from 1 to 3.\n"
        "Dashed border: the figure is missing, e.g. because there is no control group; the "
        "intervention sits in its own column on the right.\n"
        "Extra effect: the participants' job rate minus a comparable group's. These are the "
        "jobs the intervention itself creates.",
    ),
    "committee_definitions": ("Definitioner og kilder", "Definitions and sources"),
    "committee_definitions_heading": ("Definitioner", "Definitions"),
    "committee_sources_heading": ("Kilder", "Sources"),
    "committee_value_of_job": (
        "Værdien af et job: {value} om året i bedre offentlige finanser, når en "
        "kontanthjælpsmodtager kommer i fuldtidsjob (FH/Ritzau, 11. marts 2024).",
        "The value of a job: {value} a year in better public finances when a kontanthjælp "
        "recipient finds a full-time job (FH/Ritzau, 11 March 2024).",
    ),
    "committee_general_sources": (
        "Pris og effekt for hver indsats: se kilden pr. indsats i bilaget. Tal markeret "
        "(E) er skøn, (D) er afledt af kilder, (S) er fra kilden.",
        "Price and effect of each intervention: see its source in the appendix. Figures "
        "marked (E) are estimates, (D) derived from sources, (S) from the source.",
    ),
    "committee_sources_appendix": ("Bilag: kilde pr. indsats", "Appendix: source per intervention"),
    "committee_no_source": ("ingen kilde angivet", "no source given"),
    "committee_empty": (
        "Der er ingen indsatser for {year} i databasen.",
        "There are no interventions for {year} in the database.",
    ),
    "committee_series_scenario": ("Scenarie: {name}", "Scenario: {name}"),
    # --- presentation mode -------------------------------------------------------------------
    "committee_previous": ("Forrige", "Previous"),
    "committee_next": ("Næste", "Next"),
    "committee_position": ("{number} af {count}", "{number} of {count}"),
    "committee_keys_hint": (
        "Brug piletasterne ← → (eller knapperne) for at skifte visning.",
        "Use the arrow keys ← → (or the buttons) to change view.",
    ),
    "committee_drawing": ("Tegner …", "Drawing …"),
    "committee_exit": ("Afslut", "Leave"),
    "committee_prepare": ("Forbered og hent", "Prepare and download"),
    "committee_municipality": ("Kommunens navn", "The municipality's name"),
    "committee_municipality_save": ("Gem navnet", "Save the name"),
    "committee_municipality_saved": ("Navnet er gemt.", "The name is saved."),
    "committee_municipality_readonly": (
        "Log ind som administrator for at ændre kommunens navn (en indstilling).",
        "Sign in as an admin to change the municipality's name (a setting).",
    ),
    "committee_compare_with": (
        "Sammenlign den nuværende fordeling med",
        "Compare the current allocation with",
    ),
    "committee_compare_optimal": ("Den optimale fordeling", "The optimal allocation"),
    "committee_scenario_option": ("Scenarie: {name}", "Scenario: {name}"),
    "committee_build_deck": ("Lav PowerPoint", "Make PowerPoint"),
    "committee_built": (
        "Præsentationen er klar ({slides} dias, {seconds} s).",
        "The presentation is ready ({slides} slides, {seconds} s).",
    ),
    "committee_download_deck": ("Hent PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "committee_deck_scope": (
        "Præsentationen og diasene følger filtrene (år, målgruppe, evidens m.m.); fordelingen "
        "og fronten bruger alle årets indsatser.",
        "The presentation and the slides follow the filters (year, target group, evidence "
        "and more); the allocation and the frontier use every intervention of the year.",
    ),
    "committee_download_image": ("Hent viften som {fmt}", "Download the fan as {fmt}"),
    "committee_image_help": (
        "Billedet er det samme som viften på siden, tegnet i høj opløsning.",
        "The picture is the same as the fan on the page, drawn in high resolution.",
    ),
    "committee_print_hint": (
        "Udskriv: brug browserens udskriv (Ctrl+P); siden sættes op til A4 liggende.",
        "Print: use the browser's print (Ctrl+P); the page is laid out for A4 landscape.",
    ),
    "committee_step_fan": ("Tegner viften", "Drawing the fan"),
    "committee_step_groups": ("Tegner viften pr. målgruppe", "Drawing the fan per target group"),
    "committee_step_data": (
        "Henter tallene og beregner fordelingen",
        "Reading the figures and computing the allocation",
    ),
    "committee_step_allocation": ("Tegner fordelingen", "Drawing the allocation"),
    "committee_step_frontier": ("Tegner effektivitetsfronten", "Drawing the frontier"),
    "committee_step_slides": ("Sætter diasene op", "Laying out the slides"),
    "committee_step_done": ("Færdig", "Done"),
}

TEXTS.update(
    {
        "committee_allocation_too_many": (
            "Året har {count} indsatser: for mange til at finde den optimale fordeling, mens "
            "skærmen venter. Beregn den på siden Budget, og gem den som et scenarie, der kan vises "
            "her.",
            "The year has {count} interventions: too many to find the optimal allocation while "
            "the screen waits. Find it on the Budget page and save it as a scenario to show here.",
        ),
    }
)
