"""Words for the store, the import and the interventions table."""

TEXTS: dict[str, tuple[str, str]] = {
    "target_group": ("Målgruppe", "Target group"),
    "tg_closer": ("Tættere på arbejdsmarkedet", "Closer to the labour market"),
    "tg_further": ("Længere fra arbejdsmarkedet", "Further from the labour market"),
    "tg_cross": ("Tværgående", "Cross-cutting"),
    "tg_closer_short": ("Tættere på", "Closer"),
    "tg_further_short": ("Længere væk", "Further"),
    "tg_cross_short": ("Tværgående", "Cross"),
    "pt_internal": ("Intern", "Internal"),
    "pt_external": ("Ekstern", "External"),
    "er_high": ("Høj", "High"),
    "er_medium": ("Middel", "Medium"),
    "er_low": ("Lav", "Low"),
    "col_name": ("Indsats", "Intervention"),
    "col_year": ("År", "Year"),
    "col_target_group": ("Målgruppe", "Target group"),
    "col_provider": ("Leverandør", "Provider"),
    "col_provider_type": ("Leverandørtype", "Provider type"),
    "col_price_per_participant": ("Pris pr. deltager", "Price per participant"),
    "col_capacity": ("Kapacitet", "Capacity"),
    "col_participants": ("Deltagere", "Participants"),
    "col_job_rate": ("Jobandel", "Job rate"),
    "col_control_job_rate": ("Kontrolgruppens jobandel", "Control group's job rate"),
    "col_evidence_stars": ("Evidens", "Evidence"),
    "col_effect_rating": ("Effektvurdering", "Effect rating"),
    "col_duration_weeks": ("Varighed (uger)", "Duration (weeks)"),
    "col_description": ("Beskrivelse", "Description"),
    "col_source": ("Kilde", "Source"),
    "col_benefit": ("Ydelse", "Benefit"),
    "col_weeks_on_benefit": ("Uger på ydelse", "Weeks on benefit"),
    "col_persistence": ("Holdbarhed", "Persistence"),
    "col_mandatory": ("Lovpligtig", "Statutory"),
    "col_municipality": ("Kommune", "Municipality"),
    "col_kind": ("Indsatstype", "Kind"),
    "col_price_per_job": ("Pris pr. job", "Price per job"),
    "col_net_effect": ("Mer-effekt", "Extra effect"),
    "col_price_per_additional_job": ("Pris pr. ekstra job", "Price per additional job"),
    "col_benefit_cost_ratio": ("Gevinst pr. krone", "Benefit per krone"),
    "col_break_even_effect": ("Break-even mer-effekt", "Break-even extra effect"),
    "col_rates_from": ("Tal fra", "Figures from"),
    "def_price_per_job": (
        "Pris pr. deltager divideret med jobandelen: hvad ét job koster, uden at trække fra "
        "dem, der ville have fået job alligevel.",
        "Price per participant divided by the job rate: what one job costs, not counting "
        "those who would have found a job anyway.",
    ),
    "def_net_effect": (
        "Deltagernes jobandel minus kontrolgruppens: de job, indsatsen selv skaber. Tallene i "
        "parentes er 95 %-intervallet, hvor det kendes.",
        "The participants' job rate minus the control group's: the jobs the intervention "
        "itself creates. The figures in brackets are the 95 % interval, where it is known.",
    ),
    "def_price_per_additional_job": (
        "Pris pr. deltager divideret med mer-effekten: hvad ét ekstra job koster.",
        "Price per participant divided by the extra effect: what one additional job costs.",
    ),
    "def_benefit_cost_ratio": (
        "Mer-effekt × værdi af et job × år med effekt ÷ pris pr. deltager. Over 1 betaler "
        "indsatsen sig selv.",
        "Extra effect × value of a job × years of effect ÷ price per participant. Above 1 the "
        "intervention pays for itself.",
    ),
    "def_break_even_effect": (
        "Den mer-effekt, indsatsen skal have for at betale sig selv: pris ÷ (værdi af et job "
        "× år med effekt).",
        "The extra effect the intervention needs to pay for itself: price ÷ (value of a job "
        "× years of effect).",
    ),
    "reason_zero_job_rate": ("ingen i job", "nobody in a job"),
    "reason_no_control": ("ingen kontrolgruppe", "no control group"),
    "reason_no_extra_effect": ("ingen mer-effekt", "no extra effect"),
    "reason_zero_price": ("gratis indsats", "free intervention"),
    "no_limit": ("ingen grænse", "no limit"),
    "stars_1": (
        "1 stjerne: før/efter, leverandørdata eller for få studier",
        "1 star: before/after, provider data or too few studies",
    ),
    "stars_2": (
        "2 stjerner: kvasi-eksperiment eller registermatch med sammenligningsgruppe",
        "2 stars: quasi-experiment or register matching with a comparison group",
    ),
    "stars_3": (
        "3 stjerner: metaanalyse eller lodtrækningsforsøg",
        "3 stars: meta-analysis or randomised trial",
    ),
    "msg_names_more": ("og {count} flere", "and {count} more"),
}

TEXTS.update(
    {
        "rates_from_outcomes": ("målt", "measured"),
        "rates_from_entered": ("indtastet", "entered"),
    }
)
