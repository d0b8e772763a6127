"""Words for the fan matrix, the comparison views and the caseworker's view."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- the matrix itself -------------------------------------------------------------------
    "fan_title": ("Tilbudsviften {year}", "The offering fan {year}"),
    "fan_title_no_year": ("Tilbudsviften", "The offering fan"),
    "fan_band_under": ("Under {high}", "Under {high}"),
    "fan_band_over": ("Over {low}", "Over {low}"),
    "fan_row_high": ("Høj effekt", "High effect"),
    "fan_row_medium": ("Middel effekt", "Medium effect"),
    "fan_row_low": ("Lav effekt", "Low effect"),
    "fan_row_unrated": ("Ikke vurderet", "Not rated"),
    "fan_row_stars_3": ("★★★ 3 stjerner", "★★★ 3 stars"),
    "fan_row_stars_2": ("★★☆ 2 stjerner", "★★☆ 2 stars"),
    "fan_row_stars_1": ("★☆☆ 1 stjerne", "★☆☆ 1 star"),
    "fan_lane_reason_no_control": ("Ingen kontrolgruppe", "No control group"),
    "fan_lane_reason_no_extra_effect": ("Ingen mer-effekt", "No extra effect"),
    "fan_lane_reason_zero_job_rate": ("Ingen i job", "Nobody in a job"),
    "fan_axis_rows_effect": ("Effekt", "Effect"),
    "fan_axis_rows_stars": ("Evidens", "Evidence"),
    "fan_legend_target_group": ("Målgruppe:", "Target group:"),
    "fan_legend_shade": (
        "farven er målgruppen, tonen prisen: jo lysere, jo billigere pr. job",
        "the colour is the target group, the shade the price: the lighter, the cheaper per job",
    ),
    "fan_legend_cheap": ("lys: billig", "light: cheap"),
    "fan_legend_dear": ("mørk: dyr", "dark: dear"),
    "fan_detail_panel": ("Indsatsen", "The intervention"),
    "fan_legend_missing": ("Stiplet kant: tallet mangler", "Dashed border: figure missing"),
    "fan_legend_stars": ("★ = evidens (1–3)", "★ = evidence (1–3)"),
    "fan_legend_municipality": ("Kommune:", "Municipality:"),
    "fan_tt_municipality": ("Kommune", "Municipality"),
    "fan_scope_places": (
        "{count} kommuner i visningen: {places}",
        "{count} municipalities in view: {places}",
    ),
    "fan_tile_count": ("{count} indsatser", "{count} interventions"),
    "fan_tile_count_one": ("1 indsats", "1 intervention"),
    "fan_aggregated": (
        "Visningen har {count} indsatser, for mange til at vise hver for sig. Viften viser "
        "antallet pr. felt og målgruppe. Brug filtrene i venstre side for at se navnene.",
        "The view has {count} interventions, too many to show one by one. The fan shows the "
        "number per cell and target group. Use the filters on the left to see the names.",
    ),
    # --- tooltip fields ----------------------------------------------------------------------
    "fan_tt_name": ("Indsats", "Intervention"),
    "fan_tt_group": ("Målgruppe", "Target group"),
    "fan_tt_stars": ("Evidens", "Evidence"),
    "fan_tt_effect": ("Effektvurdering", "Effect rating"),
    "fan_tt_price": ("Pris pr. deltager", "Price per participant"),
    "fan_tt_job_rate": ("Jobandel", "Job rate"),
    "fan_tt_control": ("Kontrolgruppens jobandel", "Control group's job rate"),
    "fan_tt_net": ("Mer-effekt", "Extra effect"),
    "fan_tt_ppj": ("Pris pr. job", "Price per job"),
    "fan_tt_ppaj": ("Pris pr. ekstra job", "Price per additional job"),
    "fan_tt_provider": ("Leverandør", "Provider"),
    "fan_tt_count": ("Antal", "Count"),
    # --- the landing page --------------------------------------------------------------------
    "fan_measure": ("Pris pr. job", "Price per job"),
    "fan_measure_gross": ("Brutto", "Gross"),
    "fan_measure_additional": ("Pr. ekstra job", "Per additional job"),
    "fan_measure_help_gross": (
        "Brutto: pris pr. deltager ÷ deltagernes jobandel. Tæller alle, der kom i job, også dem "
        "der ville have fået job alligevel.",
        "Gross: price per participant ÷ the participants' job rate. Counts everyone who found "
        "a job, also those who would have found one anyway.",
    ),
    "fan_measure_help_additional": (
        "Pr. ekstra job: pris pr. deltager ÷ mer-effekten over kontrolgruppen. Tæller kun de "
        "job, indsatsen selv skaber; kræver en kontrolgruppe.",
        "Per additional job: price per participant ÷ the extra effect over the control group. "
        "Counts only the jobs the intervention itself creates; needs a control group.",
    ),
    "fan_rows": ("Rækker", "Rows"),
    "fan_rows_effect": ("Effekt", "Effect"),
    "fan_rows_stars": ("Evidens ★", "Evidence ★"),
    "fan_model": ("Model", "Model"),
    "fan_model_2": ("Model 2: samlet", "Model 2: all in one"),
    "fan_model_1": ("Model 1: pr. målgruppe", "Model 1: per target group"),
    "fan_bands": ("Prisgrænser (kr.)", "Price band edges (DKK)"),
    "fan_bands_help": (
        "Grænserne mellem priskolonnerne, adskilt af komma eller mellemrum, fx "
        "100000, 250000, 500000.",
        "The edges between the price columns, separated by commas or spaces, e.g. "
        "100000, 250000, 500000.",
    ),
    "fan_bands_invalid": (
        "Prisgrænserne kunne ikke læses; standardgrænserne bruges.",
        "The band edges could not be read; the default edges are used.",
    ),
    "fan_guide_heading": ("Sådan læses viften", "How to read the fan"),
    "fan_guide": (
        "- **Vandret:** pris pr. job i kolonner fra billig (venstre) til dyr (højre).\n"
        "- **Lodret:** forvaltningens samlede faglige vurdering af effekt og evidens for "
        "målgruppen; højest oppe virker bedst. Længere nede ligger specialiserede tilbud og "
        "tilbud til svagere grupper.\n"
        "- **Farve:** målgruppen (blå: tættere på arbejdsmarkedet, orange: længere fra, "
        "grøn: tværgående).\n"
        "- **Farvetone:** jo lysere firkanten er, jo billigere er et job i denne visning.\n"
        "- **Stjerner:** evidensen bag effekten, 1 til 3.\n"
        "- **Stiplet kant:** tallet mangler (fx ingen kontrolgruppe); indsatsen står i sin "
        "egen kolonne til højre.\n"
        "- Klik på en firkant, eller vælg indsatsen i listen under viften, for at se alle tal.",
        "- **Across:** price per job in columns from cheap (left) to dear (right).\n"
        "- **Down:** the administration's overall professional judgement of effect and "
        "evidence for the target group; the top works best. Further down sit specialised "
        "offers and offers for weaker groups.\n"
        "- **Colour:** the target group (blue: closer to the labour market, orange: further "
        "from it, green: cross-cutting).\n"
        "- **Shade:** the lighter the square, the cheaper a job in this view.\n"
        "- **Stars:** the evidence behind the effect, 1 to 3.\n"
        "- **Dashed border:** the figure is missing (e.g. no control group); the intervention "
        "sits in its own column on the right.\n"
        "- Click a square, or choose the intervention in the list below the fan, to see "
        "every figure.",
    ),
    "fan_in_view": ("{count} indsatser i visningen", "{count} interventions in view"),
    "fan_in_view_one": ("1 indsats i visningen", "1 intervention in view"),
    "fan_list_heading": ("Alle indsatser i visningen", "Every intervention in view"),
    "fan_list_capped": (
        "Listen viser de første {shown} af {count} indsatser. Brug filtrene for at indsnævre.",
        "The list shows the first {shown} of {count} interventions. Use the filters to narrow "
        "it down.",
    ),
    # --- drill-down --------------------------------------------------------------------------
    "fan_pick": ("Vælg en indsats", "Choose an intervention"),
    "fan_pick_placeholder": ("Klik på en firkant eller vælg her", "Click a square or choose here"),
    "fan_pick_too_many": (
        "Der er {count} indsatser i visningen, for mange til at vælge mellem her (højst "
        "{limit}). Skriv en del af navnet under Søg i filtrene til venstre, eller vælg én "
        "kommune eller færre målgrupper. Så kan du åbne og sammenligne indsatserne her.",
        "There are {count} interventions in view, too many to choose from here (at most "
        "{limit}). Type part of the name under Search in the filters on the left, or choose "
        "one municipality or fewer target groups. Then you can open and compare them here.",
    ),
    "fan_figure": ("Tal", "Figure"),
    "fan_value": ("Værdi", "Value"),
    "fan_definition": ("Definition", "Definition"),
    "fan_def_price_per_participant": (
        "Hvad det koster at give én borger indsatsen.",
        "What it costs to give one citizen the intervention.",
    ),
    "fan_def_job_rate": (
        "Andelen af deltagerne, der er i job eller uddannelse ved opfølgningen.",
        "The share of participants in a job or education at follow-up.",
    ),
    "fan_def_control_job_rate": (
        "Den samme andel for en sammenlignelig gruppe uden indsatsen.",
        "The same share for a comparable group without the intervention.",
    ),
    "fan_def_evidence_stars": (
        "Hvor sikkert effekten er målt: 1 til 3 stjerner.",
        "How reliably the effect is measured: 1 to 3 stars.",
    ),
    "fan_def_effect_rating": (
        "Forvaltningens samlede faglige vurdering af effekt og evidens for målgruppen.",
        "The administration's overall judgement of effect and evidence for the target group.",
    ),
    "fan_def_capacity": ("Pladser pr. år.", "Places per year."),
    "fan_def_participants": ("Deltagere planlagt i år.", "Participants planned this year."),
    "fan_def_duration_weeks": ("Forløbets længde.", "The length of the course."),
    "fan_def_rates_from": (
        "Om jobandelene er målt på deltagerdata eller indtastet.",
        "Whether the job rates are measured from participant records or entered.",
    ),
    "fan_ci": ("({low} til {high})", "({low} to {high})"),
    "fan_compare_group": ("Sammenlignet med målgruppen", "Compared with its target group"),
    "fan_compare_group_text": (
        "{rank} af {count} i målgruppen {group} målt på {measure} (1 er billigst). "
        "Målgruppens median: {median}",
        "{rank} of {count} in the target group {group} by {measure} (1 is the cheapest). "
        "The target group's median: {median}",
    ),
    "fan_compare_group_missing": (
        "{measure} mangler for denne indsats, så den kan ikke rangeres i målgruppen.",
        "{measure} is missing for this intervention, so it cannot be ranked in its group.",
    ),
    "fan_median": ("Median i målgruppen", "Target group median"),
    "fan_none": ("ikke angivet", "not given"),
    "fan_unknown": ("ukendt", "unknown"),
    "fan_no_description": ("Ingen beskrivelse.", "No description."),
    # --- comparison --------------------------------------------------------------------------
    "fan_compare_heading": ("Sammenlign side om side", "Compare side by side"),
    "fan_compare_pick": ("Vælg 2 til 4 indsatser", "Choose 2 to 4 interventions"),
    "fan_compare_too_many": (
        "Indsnævr visningen til højst {limit} indsatser for at sammenligne (se ovenfor).",
        "Narrow the view to at most {limit} interventions to compare (see above).",
    ),
    "fan_compare_need_two": (
        "Vælg mindst 2 indsatser for at sammenligne.",
        "Choose at least 2 interventions to compare.",
    ),
    # --- overview page -----------------------------------------------------------------------
    "fan_overview_intro": (
        "Hver prik er en indsats: jo længere til højre, jo større mer-effekt; jo lavere, jo "
        "billigere pr. job. Prikkens størrelse er antal deltagere.",
        "Each dot is an intervention: further right, more extra effect; lower, cheaper per "
        "job. The dot's size is the number of participants.",
    ),
    "fan_scatter_missing": (
        "{count} indsatser uden kontrolgruppe eller pris pr. job kan ikke placeres i "
        "diagrammet; de står i tabellen.",
        "{count} interventions without a control group or a price per job cannot be placed in "
        "the chart; they are in the table.",
    ),
    "fan_scatter_capped": (
        "Diagrammet viser de {shown} indsatser med flest deltagere af {count}.",
        "The chart shows the {shown} interventions with the most participants, of {count}.",
    ),
    "fan_ranked_heading": ("Rangeret efter pris pr. job", "Ranked by price per job"),
    "fan_rank": ("Nr.", "No."),
    "fan_ranked_caption": (
        "Tallene i parentes efter en mer-effekt er dens 95 %-interval. – betyder, at tallet "
        "ikke kan opgøres; grunden står i parentes.",
        "The figures in brackets after an extra effect are its 95 % interval. – means the "
        "figure cannot be computed; the reason is in brackets.",
    ),
    "fan_sort_by": ("Sortér efter", "Sort by"),
    # --- caseworker page ---------------------------------------------------------------------
    "fan_cw_intro": (
        "Vælg borgerens målgruppe og eventuelt et behov. Listen viser de indsatser, der "
        "passer, med den bedst dokumenterede og billigste pr. job først.",
        "Choose the citizen's target group and, if you like, a need. The list shows the "
        "interventions that fit, best documented and cheapest per job first.",
    ),
    "fan_cw_group": ("Borgerens målgruppe", "The citizen's target group"),
    "fan_cw_need": ("Behov (valgfrit)", "Need (optional)"),
    "fan_cw_need_any": ("Alle behov", "Any need"),
    "fan_cw_need_job": ("Hurtigt i job", "Into a job quickly"),
    "fan_cw_need_skills": ("Uddannelse og opkvalificering", "Education and skills"),
    "fan_cw_need_health": ("Helbred og trivsel", "Health and well-being"),
    "fan_cw_need_language": ("Sprog og integration", "Language and integration"),
    "fan_cw_need_youth": ("Unge", "Young people"),
    "fan_cw_need_company": ("Virksomhedsrettet", "With an employer"),
    "fan_cw_count": ("Vis højst", "Show at most"),
    "fan_cw_none": (
        "Ingen indsatser passer. Vælg et andet behov, eller fjern et filter i venstre side.",
        "No intervention fits. Choose another need, or remove a filter on the left.",
    ),
    "fan_cw_why": (
        "Rækkefølge: flest stjerner først, så effektvurdering, så laveste pris pr. job. "
        "Tværgående indsatser passer til begge målgrupper.",
        "Order: most stars first, then effect rating, then lowest price per job. Cross-cutting "
        "interventions fit both target groups.",
    ),
    "fan_cw_item": ("{stars}  ·  {price} pr. job", "{stars}  ·  {price} per job"),
    "fan_cw_no_price": ("pris pr. job mangler", "price per job missing"),
    "fan_cw_duration": ("Varighed: {weeks} uger", "Duration: {weeks} weeks"),
    "fan_cw_duration_missing": ("Varighed: ikke oplyst", "Duration: not given"),
    "fan_cw_free": (
        "Ledige pladser: {free} af {capacity} i år",
        "Free places: {free} of {capacity} this year",
    ),
    "fan_cw_full": (
        "Ledige pladser: ingen, alle {capacity} er planlagt i år",
        "Free places: none, all {capacity} are planned this year",
    ),
    "fan_cw_free_unlimited": (
        "Ledige pladser: ingen grænse (ingen kapacitet angivet)",
        "Free places: no limit (no capacity given)",
    ),
    "fan_cw_refer": (
        "Henvisning: kontakt {provider} ({type})",
        "To refer: contact {provider} ({type})",
    ),
    "fan_cw_refer_unknown": (
        "Henvisning: ingen leverandør angivet",
        "To refer: no provider given",
    ),
    "fan_cw_source": ("Kilde: {source}", "Source: {source}"),
}

TEXTS.update(
    {
        "fan_legend_uncertain": (
            "{mark} efter stjernerne = usikker effekt: den kan være nul, "
            "eller intervallet er bredt",
            "{mark} after the stars = uncertain effect: it may be zero, or the interval is wide",
        ),
        "fan_tt_uncertain": ("Sikkerhed", "Certainty"),
        "fan_uncertain_includes_zero": (
            "Usikker: mer-effekten kan være nul (95 %-intervallet rummer 0)",
            "Uncertain: the extra effect may be zero (the 95 % interval includes 0)",
        ),
        "fan_uncertain_wide": (
            "Usikker: 95 %-intervallet for mer-effekten er bredere end 20 procentpoint",
            "Uncertain: the 95 % interval of the extra effect is wider than 20 percentage points",
        ),
    }
)
