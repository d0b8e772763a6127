"""Words for the budget case: the page, its charts, the fan's shade by the case, the slide."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- the page ------------------------------------------------------------------------------
    "page_case": ("Budgetcase", "Business case"),
    "case_title": ("Hvem får gevinsten? Budgetcasen {year}", "Who gains? The business case {year}"),
    "case_intro": (
        "Hvad hver krone til en indsats giver igen, år for år og fordelt på kommunen, staten og "
        "andre kommuner (via udligningen), efter statens refusion. Nutidsværdier er "
        "tilbagediskonterede med diskonteringsrenten.",
        "What each krone spent on an intervention returns, year by year, split between the "
        "kommune, the state and other kommuner (through the equalisation), after the state's "
        "refunds. Present values are discounted at the discount rate.",
    ),
    "case_scope": ("{year} · {filters} · {count}", "{year} · {filters} · {count}"),
    "case_scope_all": ("alle indsatser", "every intervention"),
    "case_scope_count_one": ("1 indsats", "1 intervention"),
    "case_scope_count": ("{count} indsatser", "{count} interventions"),
    "case_scope_groups": ("målgruppe: {groups}", "target group: {groups}"),
    "case_scope_stars": ("mindst {stars}", "at least {stars}"),
    "case_scope_ratings": ("effekt: {ratings}", "effect: {ratings}"),
    "case_scope_providers": ("leverandør: {types}", "provider: {types}"),
    "case_scope_price": ("pris pr. job {low}–{high}", "price per job {low}–{high}"),
    "case_scope_search": ("søgning: “{text}”", "search: “{text}”"),
    "case_pick": ("Indsats", "Intervention"),
    "case_scale": ("Vis", "Show"),
    "case_scale_unit": ("Pr. deltager", "Per participant"),
    "case_scale_planned": ("For de planlagte deltagere", "For the planned participants"),
    "case_scale_note_unit": ("pr. deltager", "per participant"),
    "case_scale_note_planned": (
        "for {count} planlagte deltagere",
        "for {count} planned participants",
    ),
    "case_tab_one": ("Én indsats", "One intervention"),
    "case_tab_ranking": ("Rangliste", "Ranking"),
    "case_tab_allocation": ("Den nuværende fordeling", "The current allocation"),
    "case_tab_assumptions": ("Antagelser og kilder", "Assumptions and sources"),
    "case_nothing": ("Ingen indsatser passer til filtrene.", "No interventions match the filters."),
    # --- one intervention ----------------------------------------------------------------------
    "case_payers_heading": ("Nutidsværdi pr. betaler", "Present value per payer"),
    "case_col_payer": ("Betaler", "Payer"),
    "case_col_gain": ("Gevinst (nutidsværdi)", "Gain (present value)"),
    "case_col_cost": ("Udgift", "Cost"),
    "case_col_npv": ("Netto-nutidsværdi", "Net present value"),
    "case_col_payback": ("Tilbagebetalt", "Paid back"),
    "case_col_break_even": ("Break-even mer-effekt", "Break-even extra effect"),
    "case_col_chance": ("Chance for netto > 0", "Chance net > 0"),
    "case_col_p10": ("Forsigtigt skøn (P10)", "Cautious estimate (P10)"),
    "case_payer_kommune": ("Kommunen", "The kommune"),
    "case_payer_state": ("Staten", "The state"),
    "case_payer_other_municipalities": (
        "Andre kommuner (udligning)",
        "Other kommuner (equalisation)",
    ),
    "case_payer_public": ("Det offentlige i alt", "The public purse in total"),
    "case_line_benefit": ("Sparet ydelse", "Saved benefit"),
    "case_line_taxes": ("Skatter", "Taxes"),
    "case_line_price": ("Prisen", "The price"),
    "case_year_n": ("år {year}", "year {year}"),
    "case_pays_nothing": ("betaler ikke prisen", "does not pay the price"),
    "case_no_spread": ("ingen fordeling af effekten", "no distribution of the effect"),
    "case_assumed_no_spread": (
        "antaget effekt, ingen fordeling",
        "assumed effect, no distribution",
    ),
    "case_assumed_mark": ("{text} (antaget)", "{text} (assumed)"),
    "case_wrong_pocket": (
        "{share} af gevinsten lander uden for kommunens budget: {state} hos staten og {other} "
        "hos andre kommuner via udligningen.",
        "{share} of the gain lands outside the kommune's budget: {state} with the state and "
        "{other} with other kommuner through the equalisation.",
    ),
    "case_wrong_pocket_missing": (
        "Det offentlige får ingen gevinst, så fordelingen kan ikke opgøres.",
        "The public purse gains nothing, so the split cannot be given.",
    ),
    "case_assumed_banner": (
        "ANTAGET: mer-effekten {effect} er en antagelse, du har skrevet, ikke en måling. Den "
        "gemmes ikke.",
        "ASSUMED: the extra effect {effect} is an assumption you typed, not a measurement. It "
        "is not stored.",
    ),
    "case_no_case": (
        "{name} har ingen budgetcase: {reason}, så mer-effekten kendes ikke.",
        "{name} has no business case: {reason}, so its extra effect is not known.",
    ),
    "case_try_effect": ("Prøv en antaget mer-effekt", "Try an assumed extra effect"),
    "case_try_effect_help": (
        "Fx 5 % eller 0,05 (andelen af deltagerne, der kommer i job ud over kontrolgruppen). "
        "Kun til at prøve: tallet gemmes ikke og vises som antaget.",
        "E.g. 5 % or 0.05 (the share of participants in a job beyond the control group). Only "
        "to try: the figure is not stored and is shown as assumed.",
    ),
    "case_try_effect_bad": (
        "Kunne ikke læse mer-effekten: {reason}",
        "Could not read the extra effect: {reason}",
    ),
    "case_chart_title": (
        "{name}: hvem får hvad, år for år ({scale})",
        "{name}: who gets what, year by year ({scale})",
    ),
    "case_chart_year": (
        "År efter indsatsen (0 = prisen betales)",
        "Year after the intervention (0 = the price is paid)",
    ),
    "case_chart_amount": ("Kroner (ikke tilbagediskonteret)", "Kroner (not discounted)"),
    "case_chart_line": ("Post", "Line"),
    "case_chart_payer": ("Betaler", "Payer"),
    "case_cash_title": (
        "{name}: kommunens akkumulerede nettoværdi ({scale})",
        "{name}: the kommune's cumulative net value ({scale})",
    ),
    "case_cash_amount": ("Kroner (nutidsværdi, akkumuleret)", "Kroner (present value, cumulative)"),
    "case_cash_value": ("Akkumuleret", "Cumulative"),
    "case_cash_payback": ("Tilbagebetalt år {year}", "Paid back in year {year}"),
    "case_cash_no_payback": (
        "Kommunen får ikke prisen tilbage inden for {horizon} år.",
        "The kommune does not get the price back within {horizon} years.",
    ),
    "case_used_inputs": (
        "Beregnet med: {benefit} ({amount} om året), {weeks} uger på ydelse ved start, "
        "varighed {duration} uger, holdbarhed {persistence}, mer-effekt {effect}; årsløn i job "
        "{wage}, skat {tax} (heraf kommunen {municipal}, udligning {equalisation}), "
        "diskonteringsrente {rate} over {horizon} år.",
        "Computed with: {benefit} ({amount} a year), {weeks} weeks on benefit at the start, "
        "duration {duration} weeks, persistence {persistence}, extra effect {effect}; yearly "
        "wage {wage}, tax {tax} (the kommune's part {municipal}, equalisation {equalisation}), "
        "discount rate {rate} over {horizon} years.",
    ),
    # --- the ranking ---------------------------------------------------------------------------
    "case_ranking_heading": (
        "Rangliste: kommunens nettogevinst pr. krone",
        "Ranking: the kommune's net gain per krone",
    ),
    "case_ranking_caption": (
        "Kommunens netto-nutidsværdi ÷ prisen: hvad kommunen får igen netto for hver krone, "
        "den bruger. Over 0: indsatsen betaler sig for kommunens eget budget.",
        "The kommune's net present value ÷ the price: what the kommune gets back, net, for "
        "each krone it spends. Above 0: the intervention pays for itself in the kommune's own "
        "budget.",
    ),
    "case_col_rank": ("Nr.", "No."),
    "case_col_per_krone": ("Kommunen netto pr. krone", "Kommune net per krone"),
    "case_col_npv_kommune": ("Kommunen netto pr. deltager", "Kommune net per participant"),
    "case_col_npv_public": ("Det offentlige netto pr. deltager", "Public net per participant"),
    "case_col_wrong_pocket": ("Uden for kommunens budget", "Outside the kommune's budget"),
    "case_col_payback_kommune": ("Kommunen tilbagebetalt", "Kommune paid back"),
    "case_col_payback_public": ("Det offentlige tilbagebetalt", "Public purse paid back"),
    "case_col_npv_state": ("Staten netto pr. deltager", "State net per participant"),
    "case_col_npv_other_municipalities": (
        "Andre kommuner netto pr. deltager",
        "Other kommuner net per participant",
    ),
    "case_col_break_even_kommune": (
        "Break-even mer-effekt for kommunen",
        "Break-even extra effect for the kommune",
    ),
    "case_col_break_even_public": (
        "Break-even mer-effekt for det offentlige",
        "Break-even extra effect for the public purse",
    ),
    "reason_no_payback": (
        "betaler sig ikke hjem inden for horisonten",
        "does not pay back within the horizon",
    ),
    "reason_no_gain": ("ingen gevinst", "no gain"),
    "reason_no_public_gain": ("ingen gevinst for det offentlige", "no gain for the public purse"),
    "case_definitions": ("Sådan er tallene regnet", "How the figures are computed"),
    "case_def_per_krone": (
        "Kommunens netto-nutidsværdi ÷ prisen pr. deltager.",
        "The kommune's net present value ÷ the price per participant.",
    ),
    "case_def_npv_kommune": (
        "Mer-effekten × kommunens tilbagediskonterede gevinst pr. ekstra job (sparet ydelse "
        "efter refusion og kommuneskat efter udligning) − prisen.",
        "The extra effect × the kommune's discounted gain per extra job (saved benefit after "
        "the refunds, municipal tax after the equalisation) − the price.",
    ),
    "case_def_npv_state": (
        "Mer-effekten × statens tilbagediskonterede gevinst: refusionen af ydelsen og "
        "skatten ud over kommuneskatten. Staten betaler ikke prisen.",
        "The extra effect × the state's discounted gain: the refunded part of the benefit and "
        "the taxes beyond the municipal tax. The state does not pay the price.",
    ),
    "case_def_npv_other_municipalities": (
        "Mer-effekten × den del af kommuneskatten, som udligningen sender til andre kommuner, "
        "tilbagediskonteret.",
        "The extra effect × the part of the municipal tax that the equalisation passes to "
        "other kommuner, discounted.",
    ),
    "case_def_npv_public": (
        "Mer-effekten × hele den offentlige gevinst (sparet ydelse og al skat) − prisen; "
        "summen af de tre betalere.",
        "The extra effect × the whole public gain (saved benefit and all taxes) − the price; "
        "the sum of the three payers.",
    ),
    "case_def_payback_kommune": (
        "Det første år, hvor kommunens tilbagediskonterede gevinst har nået prisen.",
        "The first year in which the kommune's discounted gain has reached the price.",
    ),
    "case_def_payback_public": (
        "Det første år, hvor det offentliges tilbagediskonterede gevinst har nået prisen.",
        "The first year in which the public purse's discounted gain has reached the price.",
    ),
    "case_def_break_even_kommune": (
        "Den mer-effekt, hvor kommunens netto-nutidsværdi er 0: prisen ÷ gevinsten pr. ekstra job.",
        "The extra effect at which the kommune's net present value is 0: the price ÷ the gain "
        "per extra job.",
    ),
    "case_def_break_even_public": (
        "Den mer-effekt, hvor det offentliges netto-nutidsværdi er 0.",
        "The extra effect at which the public purse's net present value is 0.",
    ),
    "case_def_wrong_pocket": (
        "Andelen af den offentlige gevinst, der lander uden for kommunens eget budget "
        "(hos staten og andre kommuner).",
        "The share of the public gain that lands outside the kommune's own budget (with the "
        "state and other kommuner).",
    ),
    # --- the current allocation ----------------------------------------------------------------
    "case_allocation_heading": (
        "Den nuværende fordeling: de planlagte deltagere",
        "The current allocation: the planned participants",
    ),
    "case_allocation_caption": (
        "Summen over indsatserne i visningen af planlagte deltagere × casen pr. deltager: "
        "{participants} deltagere i {count} indsatser.",
        "The sum over the interventions in view of planned participants × the case per "
        "participant: {participants} participants in {count} interventions.",
    ),
    "case_allocation_left_out": (
        "Uden budgetcase og derfor ikke talt med: {count} indsatser med {participants} "
        "planlagte deltagere ({names}).",
        "Without a business case and so not counted: {count} interventions with "
        "{participants} planned participants ({names}).",
    ),
    "case_names_more": ("og {count} flere", "and {count} more"),
    "case_allocation_assumed": (
        "ANTAGET: {count} af indsatserne regnes med en antaget mer-effekt, ikke en målt.",
        "ASSUMED: {count} of the interventions count with an assumed extra effect, not a "
        "measured one.",
    ),
    "case_allocation_column": ("Den nuværende fordeling", "The current allocation"),
    "case_allocation_none": (
        "Ingen indsatser i visningen har planlagte deltagere.",
        "No intervention in view has planned participants.",
    ),
    "case_allocation_wrong_pocket": (
        "{share} af den samlede gevinst lander uden for kommunens budget.",
        "{share} of the total gain lands outside the kommune's budget.",
    ),
    # --- the assumptions -----------------------------------------------------------------------
    "case_assumptions_heading": ("Antagelserne for {year}", "The assumptions for {year}"),
    "case_assumptions_caption": (
        "Hvert tal med sin kilde. Et skøn er kaldt et skøn. Refusionstrappen er lov, ikke en "
        "antagelse.",
        "Every figure with its source. An estimate is called an estimate. The refund "
        "staircase is law, not an assumption.",
    ),
    "case_col_assumption": ("Antagelse", "Assumption"),
    "case_col_value": ("Værdi", "Value"),
    "case_col_kind": ("Art", "Kind"),
    "case_col_source": ("Kilde", "Source"),
    "case_kind_law": ("Lov", "Law"),
    "case_kind_estimate": ("Skøn", "Estimate"),
    "case_kind_sourced": ("Med kilde", "Sourced"),
    "case_no_source": ("ingen kilde angivet", "no source given"),
    "case_staircase": (
        "Kommunens andel af ydelsen (refusionstrappen)",
        "The kommune's share of the benefit (the refund staircase)",
    ),
    "case_staircase_value": (
        "uge 1–4: 20 %, uge 5–26: 60 %, uge 27–52: 70 %, fra uge 53: 80 %",
        "weeks 1–4: 20 %, weeks 5–26: 60 %, weeks 27–52: 70 %, from week 53: 80 %",
    ),
    "case_a_benefit": ("Ydelse: {benefit} (kr. om året)", "Benefit: {benefit} (DKK a year)"),
    "case_a_wage": ("Årsløn i job", "Yearly wage in a job"),
    "case_a_tax_rate": ("Skat i alt af en ekstra krone", "All taxes on an extra krone"),
    "case_a_municipal_tax_rate": ("Kommunens del af skatten", "The kommune's part of the tax"),
    "case_a_equalisation": ("Udligning til andre kommuner", "Equalisation to other kommuner"),
    "case_a_discount_rate": ("Diskonteringsrente", "Discount rate"),
    "case_a_horizon": ("Horisont", "Horizon"),
    "case_a_horizon_value": ("{years} år", "{years} years"),
    "case_a_horizon_whole": (
        "skal være et helt antal år, fx 10",
        "must be a whole number of years, e.g. 10",
    ),
    "case_a_persistence": ("Holdbarhed fra år til år", "Persistence from year to year"),
    "case_a_group": ("Standard for {group}", "Default for {group}"),
    "case_a_group_benefit": ("Standardydelse for {group}", "Default benefit for {group}"),
    "case_a_group_weeks": (
        "Uger på ydelse ved start for {group}",
        "Weeks on benefit at the start for {group}",
    ),
    "case_a_groups_heading": (
        "Standard for en indsats uden egen ydelse eller egne uger på ydelse",
        "Defaults for an intervention without its own benefit or weeks on benefit",
    ),
    "case_a_not_benefit": ("er ikke en ydelse", "is not a benefit"),
    "case_a_weeks_whole": (
        "skal være et helt antal uger, 0 eller flere",
        "must be a whole number of weeks, 0 or more",
    ),
    # --- what is wrong with assumptions (the CLI prints the English) --------------------------
    "assumptions_origin_checked": ("Antagelserne", "assumptions"),
    "assumptions_origin_stored": ("De gemte antagelser", "stored assumptions"),
    "assumptions_origin_file": ("Filen med antagelser", "--assumptions file"),
    "assumptions_not_object": (
        "{origin}: antagelserne skal være et JSON-objekt med nøgler og værdier",
        "{origin}: the assumptions must be a JSON object of keys and values",
    ),
    "assumptions_not_json": (
        "{origin}: ikke gyldig JSON: {error}",
        "{origin}: not valid JSON: {error}",
    ),
    "assumptions_unknown_key": (
        "{origin}: ukendt nøgle {field}; nøglerne er {known}",
        "{origin}: unknown key {field}; the keys are {known}",
    ),
    "assumptions_unknown_key_close": (
        "{origin}: ukendt nøgle {field} (mente du {close}?); nøglerne er {known}",
        "{origin}: unknown key {field} (did you mean {close}?); the keys are {known}",
    ),
    "assumptions_not_mapping": (
        "{origin}: {field} skal være et JSON-objekt",
        "{origin}: {field} must be a JSON object",
    ),
    "assumptions_not_number": (
        "{origin}: {field} skal være et tal, ikke {value}",
        "{origin}: {field} must be a number, not {value}",
    ),
    "assumptions_too_low": (
        "{origin}: {field} skal være mindst {low}, ikke {value}",
        "{origin}: {field} must be ≥ {low}, not {value}",
    ),
    "assumptions_out_of_range": (
        "{origin}: {field} skal være fra {low} til {high}, ikke {value}",
        "{origin}: {field} must be from {low} to {high}, not {value}",
    ),
    "assumptions_not_whole": (
        "{origin}: {field} skal være et helt tal fra {low} til {high}, ikke {value}",
        "{origin}: {field} must be a whole number from {low} to {high}, not {value}",
    ),
    "assumptions_needs_both": (
        "{origin}: {field} skal have både en ydelse (benefit) og uger på ydelse (weeks_on_benefit)",
        "{origin}: {field} needs both benefit and weeks_on_benefit",
    ),
    "assumptions_not_benefit": (
        "{origin}: {field} {value} er ikke en ydelse; brug {known}",
        "{origin}: {field} {value} is not a benefit; use {known}",
    ),
    "assumptions_source_not_text": (
        "{origin}: {field} skal være en tekst",
        "{origin}: {field} must be a text",
    ),
    "assumptions_tax_order": (
        "{origin}: {field} ({part}) kan ikke være større end skatten i alt ({whole})",
        "{origin}: {field} ({part}) is the kommune's part of tax_rate ({whole}) and cannot "
        "exceed it",
    ),
    "assumptions_no_amount": (
        "{origin}: {field} har intet beløb",
        "{origin}: {field} has no amount",
    ),
    "case_bad_benefit": (
        "ydelsen {value} er ikke en ydelse; brug {known}",
        "benefit {value} is not a benefit; use {known}",
    ),
    "case_no_group_default": (
        "målgruppen {group} har ingen standardydelse og standarduger på ydelse i antagelserne",
        "target group {group} has no default benefit and weeks on benefit in the assumptions",
    ),
    "case_a_group_value": (
        "{benefit}, {weeks} uger på ydelse",
        "{benefit}, {weeks} weeks on benefit",
    ),
    "case_benefit_kontanthjaelp": ("kontanthjælp", "social assistance (kontanthjælp)"),
    "case_benefit_uddannelseshjaelp": ("uddannelseshjælp", "education benefit"),
    "case_benefit_sygedagpenge": ("sygedagpenge", "sickness benefit"),
    "case_benefit_dagpenge": ("dagpenge", "unemployment benefit"),
    "case_benefit_ressourceforloeb": ("ressourceforløbsydelse", "resource course benefit"),
    "case_benefit_foertidspension": ("førtidspension", "disability pension"),
    "case_assumptions_readonly": (
        "Kun redaktører kan ændre antagelserne. Log ind i venstre side.",
        "Only editors can change the assumptions. Sign in on the left.",
    ),
    "case_assumptions_form": ("Ret antagelserne for {year}", "Change the assumptions for {year}"),
    "case_assumptions_save": ("Gem antagelserne", "Save the assumptions"),
    "case_assumptions_reset": ("Tilbage til standardværdierne", "Back to the defaults"),
    "case_assumptions_saved": ("Antagelserne er gemt.", "The assumptions are saved."),
    "case_assumptions_was_reset": (
        "Antagelserne er sat tilbage til standardværdierne.",
        "The assumptions are back to the defaults.",
    ),
    "case_assumptions_bad": ("{field}: {reason}", "{field}: {reason}"),
    "case_assumptions_tax_order": (
        "Kommunens del af skatten kan ikke være større end skatten i alt.",
        "The kommune's part of the tax cannot be larger than all taxes together.",
    ),
    "case_assumptions_source_field": ("Kilde til ændringerne", "Source of the changes"),
    "case_assumptions_source_help": (
        "Hvor de nye tal kommer fra. Uden kilde kaldes de et skøn.",
        "Where the new figures come from. Without a source they are called an estimate.",
    ),
    "case_assumptions_default_source": (
        "Skøn: ændret i appen af {user}",
        "Estimate: changed in the app by {user}",
    ),
    # --- the fan's shade by the case -------------------------------------------------------------
    "fan_grade": ("Farvetone", "Shade"),
    "fan_grade_price": ("Pris pr. job", "Price per job"),
    "fan_grade_kommune": ("Kommunens gevinst pr. krone", "Kommune's gain per krone"),
    "fan_legend_shade_kommune": (
        "Farvetone: jo lysere, jo mere får kommunen igen",
        "Shade: the lighter, the more the kommune gets back",
    ),
    "fan_legend_best": ("mest", "most"),
    "fan_legend_worst": ("mindst", "least"),
    "fan_tt_kommune": ("Kommunen netto pr. krone", "Kommune net per krone"),
    "fan_grade_help_kommune": (
        "Farvetonen viser kommunens netto-nutidsværdi ÷ prisen (budgetcasen med årets "
        "antagelser). Indsatser uden mer-effekt har ingen case og er hvide.",
        "The shade shows the kommune's net present value ÷ the price (the business case with "
        "the year's assumptions). Interventions without an extra effect have no case and are "
        "white.",
    ),
    # --- the committee -------------------------------------------------------------------------
    "committee_case": (
        "Budgetcasen: kommunens nettogevinst pr. krone",
        "The business case: the kommune's net gain per krone",
    ),
    "committee_case_split": (
        "Budgetcasen: hvem får gevinsten, pr. deltager",
        "The business case: who gains, per participant",
    ),
    "committee_case_note": (
        "{scope}. Nutidsværdi over {horizon} år med {rate} diskonteringsrente, efter statens "
        "refusion (LBK nr. 221 af 12/02/2021 § 5).",
        "{scope}. Present value over {horizon} years at a {rate} discount rate, after the "
        "state's refunds (LBK nr. 221 of 12/02/2021 § 5).",
    ),
    "committee_case_none": (
        "Ingen af indsatserne i visningen har en mer-effekt, så der er ingen budgetcase.",
        "No intervention in view has an extra effect, so there is no business case.",
    ),
    "committee_case_left_out": (
        "De {count} indsatser med mindst igen pr. krone er udeladt af grafen.",
        "The {count} interventions with the least back per krone are left out of the chart.",
    ),
    "committee_case_without": (
        "{count} indsatser uden mer-effekt har ingen budgetcase og er ikke talt med.",
        "{count} interventions without an extra effect have no business case and are not counted.",
    ),
    "committee_case_split_axis": (
        "Gevinst pr. deltager (nutidsværdi, kr.)",
        "Gain per participant (present value, DKK)",
    ),
    "committee_case_price": ("Prisen pr. deltager", "The price per participant"),
    "committee_case_tick": (
        "Sort streg: prisen pr. deltager. I parentes: kommunens nettogevinst pr. krone.",
        "Black line: the price per participant. In brackets: the kommune's net gain per krone.",
    ),
    "committee_step_case": ("Tegner budgetcasen …", "Drawing the business case …"),
    "committee_step_case_allocation": ("Tegner budgetcasen …", "Drawing the business case …"),
}
