"""Words for the effect and business-case page, and for outcome records."""

TEXTS: dict[str, tuple[str, str]] = {
    "effects_title": ("Effekt og business case", "Effect and business case"),
    "effects_intro": (
        "Hvor sikre er tallene, og betaler indsatserne sig? Her ses, om jobandelene er målt "
        "(udfaldsdata) eller indtastet, hvor mange personer der står bag, mer-effekten med "
        "95 %-konfidensinterval, og hver indsats' business case med usikkerhed.",
        "How sure are the figures, and do the interventions pay off? This page shows whether "
        "the job rates are measured (outcome records) or entered, how many people stand "
        "behind them, the extra effect with its 95 % interval, and each intervention's "
        "business case with its uncertainty.",
    ),
    "effects_year": ("År: {year}", "Year: {year}"),
    # business-case settings
    "effects_settings": ("Forudsætninger for business casen", "Business-case assumptions"),
    "effects_value_per_job": ("Værdi af et job (kr. pr. år)", "Value of a job (DKK a year)"),
    "effects_value_source": (
        "Standard 260.000 kr.: en kontanthjælpsmodtager i fuldtidsjob forbedrer de offentlige "
        "finanser med ca. 260.000 kr. om året (FH/Ritzau 11.03.2024, kilde R18). Samfundets "
        "gevinst for en udsat ledig i job er 122.000–136.000 kr. om året (R19).",
        "Default DKK 260,000: a cash-benefit recipient in a full-time job improves public "
        "finances by about DKK 260,000 a year (FH/Ritzau 11-03-2024, source R18). Society's "
        "gain from a vulnerable unemployed person in a job is DKK 122,000–136,000 a year (R19).",
    ),
    "effects_effect_years": ("År med effekt", "Years of effect"),
    "effects_effect_years_help": (
        "Hvor mange år mer-effekten antages at holde.",
        "How many years the extra effect is assumed to last.",
    ),
    # tabs
    "effects_tab_effect": ("Mer-effekt og usikkerhed", "Extra effect and uncertainty"),
    "effects_tab_case": ("Business case", "Business case"),
    "effects_tab_sensitivity": ("Følsomhed", "Sensitivity"),
    "effects_tab_upload": ("Udfaldsdata", "Outcome records"),
    "effects_tab_definitions": ("Definitioner", "Definitions"),
    # the effect table
    "effects_col_rates_from": ("Tal fra", "Figures from"),
    "effects_from_outcomes": ("målt", "measured"),
    "effects_from_entered": ("indtastet", "entered"),
    "effects_col_n_treatment": ("Deltagere (n)", "Participants (n)"),
    "effects_col_n_control": ("Kontrolgruppe (n)", "Control group (n)"),
    "effects_col_entered_effect": ("Forventet mer-effekt", "Projected extra effect"),
    "effects_col_measured_effect": ("Målt mer-effekt", "Measured extra effect"),
    "effects_col_entered_rate": ("Forventet jobandel", "Projected job rate"),
    "effects_col_measured_rate": ("Målt jobandel", "Measured job rate"),
    "effects_col_interval": ("95 %-interval", "95 % interval"),
    "effects_col_flag": ("Usikkerhed", "Uncertainty"),
    "effects_col_note": ("Bemærkning", "Note"),
    "effects_flag_includes_zero": ("kan være nul", "may be zero"),
    "effects_flag_wide": ("bredt interval", "wide interval"),
    "effects_small_sample": ("lille stikprøve", "small sample"),
    "effects_no_control_measured": ("kontrolgruppe indtastet", "control group entered"),
    "effects_small_sample_warning": (
        "{names}: under {limit} personer i en af grupperne. Med så få personer kan "
        "jobandelen ændre sig meget af tilfældigheder; læs tallet som en pejling, ikke et faktum.",
        "{names}: fewer than {limit} people in one of the groups. With so few people the job "
        "rate can move a lot by chance; read it as an indication, not a fact.",
    ),
    "effects_table_caption": (
        "Målt: jobandelene er beregnet ud fra de importerede udfaldsdata, og intervallet er "
        "Newcombes hybride score-interval (95 %). Indtastet: tallene er forventninger, og "
        "intervallet følger stjernereglen nedenfor. Bemærkninger: lille stikprøve betyder "
        "under {limit} personer i en af grupperne; kontrolgruppe indtastet betyder, at der "
        "ikke er målt nogen kontrolgruppe, så kontrolgruppens jobandel er den indtastede.",
        "Measured: the job rates come from the imported outcome records, and the interval is "
        "Newcombe's hybrid score interval (95 %). Entered: the figures are expectations, and "
        "the interval follows the star rule below. Notes: small sample means fewer than "
        "{limit} people in one of the groups; control group entered means that no control "
        "group was measured, so the control rate is the entered one.",
    ),
    "effects_interval_chart_caption": (
        "Punktet er den forventede mer-effekt, stregen 95 %-intervallet. Den lodrette streg "
        "er nul: krydser intervallet den, kan effekten være nul.",
        "The dot is the expected extra effect, the line its 95 % interval. The vertical line "
        "is zero: where the interval crosses it, the effect may be nil.",
    ),
    "effects_star_rule": (
        "Stjernereglen for indtastede tal: mer-effekten antages normalfordelt omkring den "
        "indtastede værdi med en standardafvigelse på ★★★ 15 % af effekten + 1 procentpoint, "
        "★★ 30 % + 2 point, ★ 60 % + 3 point. Færre stjerner giver et bredere interval. "
        "Reglen er en faglig vurdering, ikke en beregning: én stjerne er tæt på et gæt.",
        "The star rule for entered figures: the extra effect is taken to be normal around the "
        "entered value with a standard deviation of ★★★ 15 % of the effect + 1 percentage "
        "point, ★★ 30 % + 2 points, ★ 60 % + 3 points. Fewer stars give a wider interval. The "
        "rule is a judgement, not a calculation: one star is close to a guess.",
    ),
    "effects_measured_rule": (
        "Målte tal: med mindst {limit} personer i hver gruppe er mer-effekten normalfordelt ud "
        "fra de to andele; med færre trækkes den som forskellen mellem to Beta-fordelinger "
        "(Jeffreys).",
        "Measured figures: with at least {limit} people in each group the extra effect is "
        "normal from the two shares; with fewer it is drawn as the difference of two Beta "
        "distributions (Jeffreys).",
    ),
    "effects_flag_rule": (
        "Markering: 'kan være nul', når 95 %-intervallet rummer nul; 'bredt interval', når "
        "det er bredere end {width} procentpoint.",
        "Marking: 'may be zero' when the 95 % interval contains zero; 'wide interval' when it "
        "is wider than {width} percentage points.",
    ),
    # business case
    "effects_col_bcr": ("Gevinst pr. krone", "Benefit per krone"),
    "effects_col_break_even": ("Break-even mer-effekt", "Break-even extra effect"),
    "effects_col_net_result": ("Nettoresultat pr. deltager", "Net result per participant"),
    "effects_col_probability": ("Chance for at betale sig", "Chance of paying off"),
    "effects_case_caption": (
        "Chancen for at betale sig er andelen af {draws} simulerede mer-effekter, der ligger "
        "over break-even. En indsats uden kontrolgruppe har ingen mer-effekt og ingen chance "
        "opgjort.",
        "The chance of paying off is the share of {draws} simulated extra effects above "
        "break-even. An intervention without a control group has no extra effect and no "
        "chance given.",
    ),
    "effects_choose_intervention": ("Vælg en indsats", "Choose an intervention"),
    "effects_histogram_caption": (
        "Fordelingen af {draws} simulerede mer-effekter for {name}. Til højre for den "
        "lodrette streg (break-even, {break_even}) betaler indsatsen sig: det sker i "
        "{chance} af simuleringerne.",
        "The distribution of {draws} simulated extra effects for {name}. Right of the "
        "vertical line (break-even, {break_even}) the intervention pays off: that happens in "
        "{chance} of the simulations.",
    ),
    "effects_no_distribution": (
        "{name} har ingen kontrolgruppe, så mer-effekten og dens usikkerhed kan ikke opgøres.",
        "{name} has no control group, so its extra effect and uncertainty cannot be given.",
    ),
    "effects_axis_effect": ("Mer-effekt", "Extra effect"),
    "effects_axis_draws": ("Antal simuleringer", "Simulations"),
    "effects_axis_jobs": ("Ekstra job i alt", "Extra jobs in all"),
    "effects_basis_outcomes": ("målt", "measured"),
    "effects_basis_stars": ("indtastet (stjerneregel)", "entered (star rule)"),
    # sensitivity
    "effects_tornado_heading": (
        "Hvad betyder mest for business casen?",
        "What matters most for the business case?",
    ),
    "effects_tornado_caption": (
        "Hver bjælke viser gevinsten pr. krone, når én forudsætning flyttes ±{swing} (eller "
        "over sit 95 %-interval, hvor jobandelen er målt), mens resten holdes fast. Den "
        "længste bjælke betyder mest.",
        "Each bar shows the benefit per krone when one assumption moves ±{swing} (or over its "
        "95 % interval where the job rate is measured), the rest held fixed. The longest bar "
        "matters most.",
    ),
    "effects_param_price": ("Pris pr. deltager", "Price per participant"),
    "effects_param_job_rate": ("Jobandel", "Job rate"),
    "effects_param_control_job_rate": ("Kontrolgruppens jobandel", "Control group's job rate"),
    "effects_param_value_per_job": ("Værdi af et job", "Value of a job"),
    "effects_param_effect_years": ("År med effekt", "Years of effect"),
    "effects_param_effect": ("Mer-effekt: {name}", "Extra effect: {name}"),
    "effects_axis_outcome_bcr": ("Gevinst pr. krone", "Benefit per krone"),
    "effects_low": ("lav", "low"),
    "effects_high": ("høj", "high"),
    "effects_flip_heading": (
        "Hvornår bytter to indsatser plads?",
        "When do two interventions swap places?",
    ),
    "effects_flip_a": ("Indsats A", "Intervention A"),
    "effects_flip_b": ("Indsats B", "Intervention B"),
    "effects_flip_ranking": (
        "{a} giver {a_ratio} pr. krone, {b} giver {b_ratio}. {leader} ligger forrest.",
        "{a} returns {a_ratio} per krone, {b} returns {b_ratio}. {leader} comes first.",
    ),
    "effects_flip_effect": (
        "Rækkefølgen vender, hvis {a}s mer-effekt var {effect_a} i stedet for {now_a}, "
        "eller hvis {b}s var {effect_b} i stedet for {now_b}.",
        "The order turns round if {a}'s extra effect were {effect_a} instead of {now_a}, or "
        "if {b}'s were {effect_b} instead of {now_b}.",
    ),
    "effects_flip_value": (
        "Målt på nettoresultat pr. deltager bytter de plads ved en værdi af et job på "
        "{value} om året. Værdien af et job og antal år ændrer aldrig rækkefølgen efter "
        "gevinst pr. krone: begge indsatser påvirkes ens.",
        "By net result per participant they swap places at a value of a job of {value} a "
        "year. The value of a job and the years never change the order by benefit per krone: "
        "both interventions move alike.",
    ),
    "effects_flip_no_value": (
        "Målt på nettoresultat pr. deltager bytter de ikke plads ved nogen positiv værdi af "
        "et job. Værdien af et job og antal år ændrer aldrig rækkefølgen efter gevinst pr. "
        "krone.",
        "By net result per participant they do not swap places at any positive value of a "
        "job. The value of a job and the years never change the order by benefit per krone.",
    ),
    "effects_flip_unavailable": (
        "Mindst én af de to indsatser har ingen mer-effekt eller en pris på 0, så der er ingen "
        "rækkefølge at vende.",
        "At least one of the two has no extra effect or a price of 0, so there is no order to "
        "turn round.",
    ),
    "effects_allocation_heading": (
        "Den nuværende fordeling: hvor mange ekstra job?",
        "The current allocation: how many extra jobs?",
    ),
    "effects_allocation_summary": (
        "Med de planlagte deltagere forventes {expected} ekstra job. Ni gange ud af ti bliver "
        "det mindst {p10} (forsigtigt skøn); medianen er {median}, og én gang ud af ti mere "
        "end {p90}.",
        "With the planned participants, {expected} extra jobs are expected. Nine times in "
        "ten there will be at least {p10} (the cautious figure); the median is {median}, and "
        "one time in ten more than {p90}.",
    ),
    "effects_allocation_none": (
        "Ingen indsatser med planlagte deltagere og en kontrolgruppe i udvalget.",
        "No intervention in view has planned participants and a control group.",
    ),
    "effects_allocation_tornado_caption": (
        "Hvad flytter antallet af ekstra job mest? Priser ±{swing} ved samme budget, alle "
        "jobandele ±{swing}, alle kontrolgruppers jobandele ±{swing}, og de indsatser, hvis "
        "egen mer-effekt (over sit 95 %-interval) betyder mest.",
        "What moves the number of extra jobs most? Prices ±{swing} at the same budget, every "
        "job rate ±{swing}, every control rate ±{swing}, and the interventions whose own extra "
        "effect (over its 95 % interval) matters most.",
    ),
    "effects_axis_outcome_jobs": ("Ekstra job", "Extra jobs"),
    # upload
    "effects_upload_intro": (
        "Importér udfaldsdata: én række pr. person med kolonnerne indsats, år (valgfri), "
        "gruppe (deltager/kontrol), i job (ja/nej eller 1/0) og person (valgfri). CSV med "
        "komma eller semikolon, eller XLSX. En ny import erstatter de gemte data for de "
        "indsatser og år, filen indeholder; alt andet bliver stående.",
        "Import outcome records: one row per person with the columns intervention, year "
        "(optional), group (treatment/control), employed (yes/no or 1/0) and person_id "
        "(optional). CSV with commas or semicolons, or XLSX. A new import replaces the stored "
        "records of the interventions and years in the file; everything else stays.",
    ),
    "effects_upload": ("Fil med udfaldsdata", "File with outcome records"),
    "effects_import_button": ("Importér {name}", "Import {name}"),
    "effects_stage_reading": ("Læser filen …", "Reading the file …"),
    "effects_stage_checking": ("Kontrollerer rækkerne …", "Checking the rows …"),
    "effects_stage_writing": ("Gemmer …", "Saving …"),
    "effects_stage_done": ("Færdig", "Done"),
    "effects_imported": (
        "{records} udfaldsrækker importeret for {count} indsats(er); {replaced} tidligere "
        "rækker erstattet.",
        "{records} outcome records imported for {count} intervention(s); {replaced} earlier "
        "records replaced.",
    ),
    "effects_problems": (
        "Intet er importeret: {count} problem(er) i filen. Ret dem og prøv igen.",
        "Nothing was imported: {count} problem(s) in the file. Fix them and try again.",
    ),
    "effects_editor_only": (
        "Kun en redaktør kan importere udfaldsdata. Log ind i venstre side.",
        "Only an editor can import outcome records. Sign in on the left.",
    ),
    # definitions
    "effects_definitions_intro": (
        "Sådan regnes tallene. V er værdien af et job om året, E antal år med effekt.",
        "How the figures are calculated. V is the value of a job a year, E the years of effect.",
    ),
    "effects_def_net_result": (
        "Nettoresultat pr. deltager: mer-effekt × V × E − pris pr. deltager. Positivt: "
        "indsatsen giver overskud for de offentlige finanser.",
        "Net result per participant: extra effect × V × E − price per participant. Positive: "
        "the intervention leaves public finances better off.",
    ),
    "effects_def_interval": (
        "95 %-interval for mer-effekten: Newcombes hybride score-interval, bygget af "
        "Wilson-intervallerne for de to jobandele. Det er det interval, `list --json` viser.",
        "95 % interval for the extra effect: Newcombe's hybrid score interval, built from the "
        "Wilson intervals of the two job rates. It is the interval `list --json` reports.",
    ),
    "effects_def_probability": (
        "Chance for at betale sig: andelen af {draws} simulerede mer-effekter, der er større "
        "end break-even-mer-effekten.",
        "Chance of paying off: the share of {draws} simulated extra effects above the "
        "break-even extra effect.",
    ),
    "effects_def_spread": (
        "P10, median og P90 for en fordeling: de ekstra job, der nås i mindst 90 %, 50 % og "
        "10 % af simuleringerne. Usikkerheden gælder effekterne, ikke de enkelte deltageres held.",
        "P10, median and P90 of an allocation: the extra jobs reached in at least 90 %, 50 % "
        "and 10 % of the simulations. The uncertainty is about the effects, not the luck of "
        "individual participants.",
    ),
    "effects_nothing": (
        "Ingen indsatser at vise. Fjern et filter i venstre side.",
        "No interventions to show. Remove a filter on the left.",
    ),
}

TEXTS.update(
    {
        "effects_interval_chart_capped": (
            "Figuren viser {shown} af {count} indsatser: dem med målte tal først, derefter dem med "
            "størst forventet mer-effekt. Brug filtrene til venstre for at se andre.",
            "The chart shows {shown} of {count} interventions: those with measured figures first, "
            "then those with the largest expected extra effect. Use the filters on the left to see "
            "others.",
        ),
    }
)
