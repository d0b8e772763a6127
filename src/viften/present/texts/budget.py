"""Words for the budget allocator: its messages, its explanations and the budget page."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- the optimiser's answer (also the `allocate` command's message, in English) ---------
    "budget_msg_optimal_net": (
        "{count} indsatser får i alt {participants} deltagere for {cost} af budgettet på "
        "{budget}: {jobs} forventede ekstra job ({gross} job i alt).",
        "{count} interventions get {participants} participants in all for {cost} of the "
        "budget of {budget}: {jobs} expected extra jobs ({gross} jobs in all).",
    ),
    "budget_msg_optimal_gross": (
        "{count} indsatser får i alt {participants} deltagere for {cost} af budgettet på "
        "{budget}: {jobs} forventede job.",
        "{count} interventions get {participants} participants in all for {cost} of the "
        "budget of {budget}: {jobs} expected jobs.",
    ),
    "budget_msg_optimal_kommune": (
        "{count} indsatser får i alt {participants} deltagere for {cost} af budgettet på "
        "{budget}: kommunens nettonutidsværdi {npv} og {jobs} forventede ekstra job "
        "({gross} job i alt).",
        "{count} interventions get {participants} participants in all for {cost} of the "
        "budget of {budget}: the kommune's net present value {npv} and {jobs} expected extra "
        "jobs ({gross} jobs in all).",
    ),
    "budget_msg_optimal_public": (
        "{count} indsatser får i alt {participants} deltagere for {cost} af budgettet på "
        "{budget}: det offentliges nettonutidsværdi {npv} og {jobs} forventede ekstra job "
        "({gross} job i alt).",
        "{count} interventions get {participants} participants in all for {cost} of the "
        "budget of {budget}: the public purse's net present value {npv} and {jobs} expected "
        "extra jobs ({gross} jobs in all).",
    ),
    "budget_msg_no_interventions": (
        "Der er ingen indsatser i det valgte år, så der er intet at fordele.",
        "There are no interventions in the chosen year, so there is nothing to allocate.",
    ),
    "budget_msg_no_stars": (
        "Ingen indsats har mindst {stars} stjerner, så ingen får deltagere.",
        "No intervention has at least {stars} stars, so none gets participants.",
    ),
    "budget_msg_no_effect": (
        "Ingen af de indsatser, der har evidens nok, har en mer-effekt over 0 (det kræver en "
        "kontrolgruppe), så ingen får deltagere. Vælg 'alle job' som mål for at fordele efter "
        "jobandelen.",
        "None of the interventions with enough evidence has an extra effect above 0 (that "
        "takes a control group), so none gets participants. Choose 'all jobs' as the "
        "objective to allocate by the job rate.",
    ),
    "budget_msg_no_value_kommune": (
        "Ingen af de indsatser, der har evidens nok, har en nettonutidsværdi for kommunen over "
        "0, så ingen får deltagere.",
        "None of the interventions with enough evidence has a net present value for the "
        "kommune above 0, so none gets participants.",
    ),
    "budget_msg_no_value_public": (
        "Ingen af de indsatser, der har evidens nok, har en nettonutidsværdi for det offentlige "
        "over 0, så ingen får deltagere.",
        "None of the interventions with enough evidence has a net present value for the "
        "public purse above 0, so none gets participants.",
    ),
    "budget_msg_no_capacity": (
        "Ingen af de indsatser, der kan komme i betragtning, har ledig kapacitet.",
        "None of the interventions that qualify has any capacity.",
    ),
    "budget_msg_zero_budget": (
        "Budgettet er 0 kr., så der kan ikke købes pladser.",
        "The budget is 0 kroner, so no places can be bought.",
    ),
    "budget_msg_too_dear": (
        "Budgettet på {budget} rækker ikke til én deltager: den billigste indsats, der kan "
        "komme i betragtning, koster {cheapest} pr. deltager.",
        "The budget of {budget} does not buy a single participant: the cheapest intervention "
        "that qualifies costs {cheapest} per participant.",
    ),
    "budget_msg_nothing": (
        "Ingen fordeling giver flere job end ingen deltagere.",
        "No allocation buys more jobs than no participants at all.",
    ),
    "budget_msg_uncapped": (
        "Uden kapacitetsgrænse og over {share} af budgettet eller over {times} gange de "
        "planlagte deltagere: {names}. Tjek, at pladserne findes, eller giv dem en kapacitet "
        "(eller et maksimum under »Låse og maksimum pr. indsats«).",
        "Without a capacity limit and over {share} of the budget or over {times} times the "
        "planned participants: {names}. Check that the places exist, or give them a capacity "
        "(or a maximum under 'Locks and maximum per intervention').",
    ),
    "budget_msg_free_unlimited": (
        "Udeladt, fordi de er gratis og uden kapacitetsgrænse (giv dem en kapacitet for at få "
        "dem med): {names}.",
        "Left out because they are free and have no capacity limit (give them a capacity to "
        "include them): {names}.",
    ),
    "budget_msg_no_control": (
        "{count} indsatser uden kontrolgruppe har ukendt mer-effekt og får ingen deltagere.",
        "{count} interventions without a control group have an unknown extra effect and get "
        "no participants.",
    ),
    "budget_msg_no_case": (
        "{count} indsatser uden kontrolgruppe har ingen budgetberegning (ukendt mer-effekt) og "
        "får ingen deltagere.",
        "{count} interventions without a control group have no budget case (an unknown extra "
        "effect) and get no participants.",
    ),
    "budget_msg_assumed_effects": (
        "{count} indsatser uden kontrolgruppe er regnet med en antaget mer-effekt ud fra deres "
        "stjerner (★★★ 20 %, ★★ 10 %, ★ 5 % af jobandelen): et skøn, ikke en måling.",
        "{count} interventions without a control group are counted with an extra effect "
        "assumed from their stars (★★★ 20 %, ★★ 10 %, ★ 5 % of the job rate): an estimate, "
        "not a measurement.",
    ),
    "budget_msg_uncounted_case": (
        "Uden budgetberegning (tæller 0 i nettonutidsværdien, men deres pris er betalt): {names}.",
        "Without a budget case (they count 0 in the net present value, though their price is "
        "paid): {names}.",
    ),
    "budget_msg_unspent_full": (
        "{left} af budgettet bruges ikke: alle indsatser, der kan få flere deltagere, er fyldt "
        "op til deres kapacitet eller maksimum, og {excluded} indsatser kan ikke få deltagere "
        "(for få stjerner, ingen mer-effekt eller ingen gevinst). Flere penge køber ikke mere.",
        "{left} of the budget is not spent: every intervention that could take more "
        "participants is full to its capacity or maximum, and {excluded} interventions cannot "
        "get participants (too few stars, no extra effect or no gain). More money buys nothing "
        "more.",
    ),
    "budget_msg_unspent_full_all": (
        "{left} af budgettet bruges ikke: alle indsatser er fyldt op til deres kapacitet eller "
        "maksimum. Flere penge køber ikke mere.",
        "{left} of the budget is not spent: every intervention is full to its capacity or "
        "maximum. More money buys nothing more.",
    ),
    "budget_msg_mandatory_kept": (
        "Lovpligtige indsatser beholder mindst deres planlagte deltagere: {names}.",
        "Statutory interventions keep at least their planned participants: {names}.",
    ),
    # --- why a request cannot be met -------------------------------------------------------
    "budget_msg_lock_capacity": (
        "{name} er låst til {locked} deltagere, men har kun kapacitet til {limit}.",
        "{name} is locked at {locked} participants, but its capacity is only {limit}.",
    ),
    "budget_msg_lock_maximum": (
        "{name} er låst til {locked} deltagere, men maksimum er sat til {limit}.",
        "{name} is locked at {locked} participants, but its maximum is set to {limit}.",
    ),
    "budget_msg_mandatory_maximum": (
        "{name} er lovpligtig og beholder mindst sine {locked} planlagte deltagere, men "
        "maksimum er sat til {limit}.",
        "{name} is statutory and keeps at least its {locked} planned participants, but its "
        "maximum is set to {limit}.",
    ),
    "budget_msg_mandatory_over_budget": (
        "De lovpligtige indsatser ({names}) beholder mindst deres planlagte deltagere for "
        "{locked}, mere end budgettet på {budget} ({short} for lidt).",
        "The statutory interventions ({names}) keep at least their planned participants for "
        "{locked}, more than the budget of {budget} ({short} short).",
    ),
    "budget_msg_mandatory_locks_over_budget": (
        "De lovpligtige indsatser ({names}, {cost}) og de låste koster tilsammen {locked}, "
        "mere end budgettet på {budget} ({short} for lidt).",
        "The statutory interventions ({names}, {cost}) and the locked ones cost {locked} "
        "together, more than the budget of {budget} ({short} short).",
    ),
    "budget_msg_mandatory_blocks": (
        "Det skyldes de lovpligtige indsatser, der beholder mindst deres planlagte deltagere "
        "for {cost}: {names}. Uden den regel kan kravene opfyldes.",
        "That is because of the statutory interventions, which keep at least their planned "
        "participants for {cost}: {names}. Without that rule the requirements can be met.",
    ),
    "budget_msg_mandatory_also": (
        "De lovpligtige indsatser beholder mindst deres planlagte deltagere for {cost}: "
        "{names}. Kravene kan heller ikke opfyldes uden den regel.",
        "The statutory interventions keep at least their planned participants for {cost}: "
        "{names}. The requirements cannot be met without that rule either.",
    ),
    "budget_msg_share_capacity": (
        "Mindst {share} til {group} kræver {needed}, men deres kapacitet rækker kun til "
        "{available} ({short} for lidt).",
        "At least {share} for {group} needs {needed}, but their capacity only takes "
        "{available} ({short} short).",
    ),
    "budget_msg_share_capacity_excluded": (
        "Mindst {share} til {group} kræver {needed}, men kapaciteten i de indsatser, der kan "
        "komme i betragtning, rækker kun til {available} ({short} for lidt; {excluded} af "
        "gruppens indsatser er udeladt for få stjerner eller ingen mer-effekt).",
        "At least {share} for {group} needs {needed}, but the capacity of the interventions "
        "that qualify only takes {available} ({short} short; {excluded} of the group's "
        "interventions are left out for too few stars or no extra effect).",
    ),
    "budget_msg_shares_over_budget": (
        "Minimumsandelene for målgrupperne er tilsammen {total} af budgettet: mere end hele "
        "budgettet.",
        "The minimum shares for the target groups add up to {total} of the budget: more than "
        "the whole budget.",
    ),
    "budget_msg_locks_over_budget": (
        "De låste indsatser koster {locked}, mere end budgettet på {budget} ({short} for lidt).",
        "The locked interventions cost {locked}, more than the budget of {budget} ({short} short).",
    ),
    "budget_msg_minimum_over_budget": (
        "Alle minimumsandele og låse kræver tilsammen mindst {needed} med hele deltagere, men "
        "budgettet er {budget} ({short} for lidt).",
        "Meeting every minimum share and lock together needs at least {needed} with whole "
        "participants, but the budget is {budget} ({short} short).",
    ),
    "budget_msg_infeasible": (
        "Ingen fordeling opfylder alle betingelserne på én gang.",
        "No allocation meets all the constraints at once.",
    ),
    # --- what limits an optimal answer ---------------------------------------------------
    "budget_bind_budget": (
        "Budgettet er grænsen: de {left}, der er tilbage, rækker ikke til endnu en deltager, "
        "der giver job. 1 mio. kr. mere ville give {marginal} job mere.",
        "The budget is the limit: the {left} left do not buy another participant who adds "
        "jobs. 1 mio. kr. more would buy {marginal} more jobs.",
    ),
    "budget_bind_budget_only": (
        "Budgettet er grænsen: de {left}, der er tilbage, rækker ikke til endnu en deltager, "
        "der giver job.",
        "The budget is the limit: the {left} left do not buy another participant who adds jobs.",
    ),
    "budget_bind_all_full": (
        "Alle indsatser, der giver job, er fyldt op: flere penge køber ikke flere job "
        "({left} tilbage).",
        "Every intervention that adds jobs is full: more money buys no more jobs ({left} left).",
    ),
    "budget_bind_share": (
        "Minimumsandelen på {share} til {group} koster {jobs} job.",
        "The minimum share of {share} for {group} costs {jobs} jobs.",
    ),
    "budget_bind_lock": (
        "De låste indsatser koster {jobs} job.",
        "The locked interventions cost {jobs} jobs.",
    ),
    "budget_bind_maximum": (
        "Maksimum pr. indsats koster {jobs} job.",
        "The maxima per intervention cost {jobs} jobs.",
    ),
    "budget_bind_stars": (
        "Kravet om mindst {stars} stjerner koster {jobs} job.",
        "Requiring at least {stars} stars costs {jobs} jobs.",
    ),
    "budget_bind_mandatory": (
        "De lovpligtige indsatser koster {jobs} job.",
        "The statutory interventions cost {jobs} jobs.",
    ),
    "budget_bind_budget_npv": (
        "Budgettet er grænsen: de {left}, der er tilbage, rækker ikke til endnu en deltager, "
        "der øger nettonutidsværdien. 1 mio. kr. mere ville øge den med {marginal}.",
        "The budget is the limit: the {left} left do not buy another participant who adds to "
        "the net present value. 1 mio. kr. more would add {marginal}.",
    ),
    "budget_bind_budget_only_npv": (
        "Budgettet er grænsen: de {left}, der er tilbage, rækker ikke til endnu en deltager, "
        "der øger nettonutidsværdien.",
        "The budget is the limit: the {left} left do not buy another participant who adds to "
        "the net present value.",
    ),
    "budget_bind_all_full_npv": (
        "Alle indsatser med en nettonutidsværdi over 0 er fyldt op: flere penge øger den "
        "ikke ({left} tilbage).",
        "Every intervention with a net present value above 0 is full: more money adds nothing "
        "({left} left).",
    ),
    "budget_bind_share_npv": (
        "Minimumsandelen på {share} til {group} koster {jobs} i nettonutidsværdi.",
        "The minimum share of {share} for {group} costs {jobs} of net present value.",
    ),
    "budget_bind_lock_npv": (
        "De låste indsatser koster {jobs} i nettonutidsværdi.",
        "The locked interventions cost {jobs} of net present value.",
    ),
    "budget_bind_maximum_npv": (
        "Maksimum pr. indsats koster {jobs} i nettonutidsværdi.",
        "The maxima per intervention cost {jobs} of net present value.",
    ),
    "budget_bind_stars_npv": (
        "Kravet om mindst {stars} stjerner koster {jobs} i nettonutidsværdi.",
        "Requiring at least {stars} stars costs {jobs} of net present value.",
    ),
    "budget_bind_mandatory_npv": (
        "De lovpligtige indsatser koster {jobs} i nettonutidsværdi.",
        "The statutory interventions cost {jobs} of net present value.",
    ),
    "budget_bind_capacity": (
        "Fyldt op til kapaciteten: {names}.",
        "Filled to capacity: {names}.",
    ),
    # --- why an intervention moves -----------------------------------------------------------
    "budget_why_locked": ("Låst", "Locked"),
    "budget_why_mandatory": (
        "Lovpligtig: mindst de planlagte deltagere",
        "Statutory: at least the planned participants",
    ),
    "budget_why_stars": ("For få stjerner", "Too few stars"),
    "budget_why_no_case": (
        "Ingen kontrolgruppe: ingen budgetberegning",
        "No control group: no budget case",
    ),
    "budget_why_npv_not_positive": (
        "Nettonutidsværdien er ikke over 0",
        "Its net present value is not above 0",
    ),
    "budget_why_npv_value": (
        "Blandt dem med højest nettonutidsværdi pr. krone",
        "Among those with the highest net present value per krone",
    ),
    "budget_why_npv_dear": (
        "Lavere nettonutidsværdi pr. krone end dem, der får pengene",
        "Less net present value per krone than those that get the money",
    ),
    "budget_why_no_control": (
        "Ingen kontrolgruppe: ukendt mer-effekt",
        "No control group: unknown extra effect",
    ),
    "budget_why_no_effect": ("Ingen mer-effekt", "No extra effect"),
    "budget_why_free_unlimited": (
        "Gratis og uden kapacitetsgrænse: udeladt",
        "Free and without a capacity limit: left out",
    ),
    "budget_why_full": (
        "Fyldt op til kapaciteten eller maksimum",
        "Filled to its capacity or maximum",
    ),
    "budget_why_share": (
        "Holdt oppe af minimumsandelen for målgruppen",
        "Kept up by the target group's minimum share",
    ),
    "budget_why_value": (
        "Blandt dem med flest job pr. krone",
        "Among those with the most jobs per krone",
    ),
    "budget_why_dear": (
        "Færre job pr. krone end dem, der får pengene",
        "Fewer jobs per krone than those that get the money",
    ),
    # --- the budget page ----------------------------------------------------------------
    "budget_title": ("Budget {year}", "Budget {year}"),
    "budget_intro": (
        "Hvor gør pengene mest gavn? Se den nuværende fordeling, prøv en anden i hånden, eller "
        "lad optimeringen finde den fordeling, der giver flest job inden for budget, kapacitet "
        "og jeres krav.",
        "Where does the money do most? See the current allocation, try another by hand, or let "
        "the optimiser find the allocation that buys the most jobs within the budget, the "
        "capacity and your requirements.",
    ),
    "budget_scope": (
        "Siden regner på alle årets indsatser i den valgte kommune; af filtrene i venstre "
        "side bruges kun året og kommunen (og mindste antal stjerner som forslag til "
        "optimeringen).",
        "The page works on all of the year's interventions of the chosen municipality; of "
        "the filters on the left only the year and the municipality are used (and the "
        "minimum of stars as the optimiser's default).",
    ),
    "budget_tab_current": ("Nuværende fordeling", "Current allocation"),
    "budget_tab_what_if": ("Hvad nu hvis", "What if"),
    "budget_tab_optimal": ("Optimal fordeling", "Optimal allocation"),
    "budget_tab_frontier": ("Budget og job", "Budget and jobs"),
    "budget_tab_scenarios": ("Scenarier", "Scenarios"),
    "budget_metric_spend": ("Udgift", "Spend"),
    "budget_metric_gross": ("Forventede job", "Expected jobs"),
    "budget_metric_net": ("Forventede ekstra job", "Expected extra jobs"),
    "budget_metric_price_per_job": ("Pris pr. job", "Price per job"),
    "budget_metric_price_per_additional_job": ("Pris pr. ekstra job", "Price per extra job"),
    "budget_metric_left": ("Tilbage af budgettet", "Budget left"),
    "budget_metric_marginal": ("Næste 1 mio. kr. giver", "The next 1 mio. kr. buys"),
    "budget_metric_marginal_value": ("{jobs} job", "{jobs} jobs"),
    "budget_metric_marginal_full": ("Intet mere", "Nothing more"),
    "budget_metric_marginal_full_help": (
        "Alle indsatser, der kan få flere deltagere, er fyldt op: se forklaringen ovenfor.",
        "Every intervention that could take more participants is full: see the note above.",
    ),
    "budget_current_caption": (
        "Planlagte deltagere × pris pr. deltager for hver indsats. Ekstra job er deltagere × "
        "mer-effekt; en indsats uden kontrolgruppe tæller med en mer-effekt antaget ud fra "
        "stjernerne (markeret »antaget«).",
        "Planned participants × price per participant for each intervention. Extra jobs are "
        "participants × extra effect; an intervention without a control group counts with an "
        "extra effect assumed from its stars (marked 'assumed').",
    ),
    "budget_no_plan": (
        "Ingen indsatser har planlagte deltagere i {year}. Angiv deltagere på siden Indsatser, "
        "eller prøv en fordeling under Hvad nu hvis.",
        "No intervention has planned participants in {year}. Enter participants on the "
        "Interventions page, or try an allocation under What if.",
    ),
    "budget_without_control": (
        "{count} indsatser med deltagere har ingen kontrolgruppe: de tæller 0 ekstra job.",
        "{count} interventions with participants have no control group: they count 0 extra jobs.",
    ),
    "budget_assumed_effects": (
        "{count} indsatser med deltagere har ingen kontrolgruppe: deres ekstra job er antaget "
        "ud fra stjernerne (★★★ 20 %, ★★ 10 %, ★ 5 % af jobandelen) og markeret »antaget«.",
        "{count} interventions with participants have no control group: their extra jobs are "
        "assumed from their stars (★★★ 20 %, ★★ 10 %, ★ 5 % of the job rate) and marked "
        "'assumed'.",
    ),
    "budget_assumed": ("antaget", "assumed"),
    "budget_col_jobs_after": ("Job optimal", "Jobs optimal"),
    "budget_col_extra_jobs_after": ("Ekstra job optimal", "Extra jobs optimal"),
    "budget_col_participants_now": ("Deltagere nu", "Participants now"),
    "budget_col_participants_what_if": ("Deltagere", "Participants"),
    "budget_col_kroner_what_if": ("Kroner", "Kroner"),
    "budget_col_cost": ("Udgift", "Cost"),
    "budget_col_jobs": ("Job", "Jobs"),
    "budget_col_extra_jobs": ("Ekstra job", "Extra jobs"),
    "budget_col_lock": ("Lås", "Lock"),
    "budget_col_maximum": ("Maksimum", "Maximum"),
    "budget_col_before": ("Nu", "Now"),
    "budget_col_after": ("Optimal", "Optimal"),
    "budget_col_change": ("Ændring", "Change"),
    "budget_col_cost_before": ("Udgift nu", "Cost now"),
    "budget_col_cost_after": ("Udgift optimal", "Cost optimal"),
    "budget_col_jobs_per_million": ("Job pr. mio. kr.", "Jobs per mio. kr."),
    "budget_col_why": ("Hvorfor", "Why"),
    "budget_moves_jobs": (
        "Job og ekstra job pr. indsats i den optimale fordeling",
        "Jobs and extra jobs per intervention in the optimal allocation",
    ),
    "budget_what_if_hint": (
        "Ret deltagere eller kroner pr. indsats i tabellen; udgift, job og pris pr. job "
        "nedenfor følger med med det samme.",
        "Change participants or kroner per intervention in the table; spend, jobs and price "
        "per job below follow at once.",
    ),
    "budget_what_if_budget": ("Budget at holde sig inden for (kr.)", "Budget to keep within (DKK)"),
    "budget_what_if_from": ("Tabellen starter fra: {source}", "The table starts from: {source}"),
    "budget_source_current": ("den nuværende fordeling", "the current allocation"),
    "budget_source_optimal": ("den optimale fordeling", "the optimal allocation"),
    "budget_source_scenario": ("scenariet {name}", "the scenario {name}"),
    "budget_reset": ("Start fra den nuværende fordeling", "Start from the current allocation"),
    "budget_use_optimal": ("Start fra den optimale fordeling", "Start from the optimal allocation"),
    "budget_over_capacity": (
        "{name}: {participants} deltagere, men kapaciteten er {capacity}.",
        "{name}: {participants} participants, but its capacity is {capacity}.",
    ),
    "budget_over_budget": (
        "Fordelingen koster {over} mere end budgettet.",
        "The allocation costs {over} more than the budget.",
    ),
    "budget_within_budget": ("Inden for budgettet.", "Within the budget."),
    "budget_kroner_rounded": (
        "{name}: {kroner} rækker til {participants} hele deltagere ({cost}).",
        "{name}: {kroner} buys {participants} whole participants ({cost}).",
    ),
    "budget_opt_settings": ("Krav til fordelingen", "Requirements for the allocation"),
    "budget_opt_budget": ("Budget (kr.)", "Budget (DKK)"),
    "budget_amount_help": (
        "Skriv beløbet, som du plejer: 76.479.000, 76479000, 1,5 mio. eller 260.000 kr.",
        "Write the amount as usual: 76,479,000, 76479000, 1.5m or DKK 260,000.",
    ),
    "budget_opt_objective": ("Mål", "Objective"),
    "budget_obj_net": ("Flest ekstra job (mer-effekt)", "Most extra jobs (extra effect)"),
    "budget_obj_gross": ("Flest job (jobandel)", "Most jobs (job rate)"),
    "budget_obj_kommune": (
        "Størst nettonutidsværdi for kommunen",
        "Most net present value for the kommune",
    ),
    "budget_obj_public": (
        "Størst nettonutidsværdi for det offentlige",
        "Most net present value for the public purse",
    ),
    "budget_opt_ignore_mandatory": (
        "Se bort fra lovpligtige indsatsers planlagte deltagere",
        "Ignore the planned participants of statutory interventions",
    ),
    "budget_opt_compare": ("Sammenlign med målet", "Compare with the objective"),
    "budget_goal_net": ("flest ekstra job", "most extra jobs"),
    "budget_goal_gross": ("flest job i alt", "most jobs in all"),
    "budget_goal_kommune": ("kommunens eget regnestykke", "the kommune's own sums"),
    "budget_goal_public": ("det offentliges regnestykke", "the public purse's sums"),
    "budget_payer_kommune": ("kommunen", "the kommune"),
    "budget_payer_state": ("staten", "the state"),
    "budget_payer_other_municipalities": ("andre kommuner", "other kommuner"),
    "budget_payer_public": ("det offentlige", "the public purse"),
    "budget_tradeoff_same": (
        "Målet »{chosen}« giver lige så mange ekstra job og den samme nettonutidsværdi til hver "
        "betaler som målet »{other}«.",
        'The objective "{chosen}" buys as many extra jobs and the same net present value for '
        'each payer as the objective "{other}".',
    ),
    "budget_tradeoff_fewer_less": (
        "Målet »{chosen}« køber {jobs} færre ekstra job end målet »{other}« og giver {payer} "
        "{amount} mindre.",
        'The objective "{chosen}" buys {jobs} fewer extra jobs than the objective '
        '"{other}" and gives {payer} {amount} less.',
    ),
    "budget_tradeoff_fewer_more": (
        "Målet »{chosen}« køber {jobs} færre ekstra job end målet »{other}« og giver {payer} "
        "{amount} mere.",
        'The objective "{chosen}" buys {jobs} fewer extra jobs than the objective '
        '"{other}" and gives {payer} {amount} more.',
    ),
    "budget_tradeoff_more_less": (
        "Målet »{chosen}« køber {jobs} flere ekstra job end målet »{other}« og giver {payer} "
        "{amount} mindre.",
        'The objective "{chosen}" buys {jobs} more extra jobs than the objective '
        '"{other}" and gives {payer} {amount} less.',
    ),
    "budget_tradeoff_more_more": (
        "Målet »{chosen}« køber {jobs} flere ekstra job end målet »{other}« og giver {payer} "
        "{amount} mere.",
        'The objective "{chosen}" buys {jobs} more extra jobs than the objective '
        '"{other}" and gives {payer} {amount} more.',
    ),
    "budget_case_heading": (
        "Budgetberegningen pr. betaler: nettonutidsværdi af fordelingerne",
        "The budget case per payer: net present value of the allocations",
    ),
    "budget_case_caption": (
        "Deltagere × nettonutidsværdi pr. deltager (siden Budgetberegning), over {horizon} år "
        "med {rate} diskonteringsrente, {year}. Indsatser uden kontrolgruppe tæller med den "
        "mer-effekt, der er antaget ud fra deres stjerner.",
        "Participants × net present value per participant (the Budget case page), over "
        "{horizon} years at a discount rate of {rate}, {year}. Interventions without a "
        "control group count with the extra effect assumed from their stars.",
    ),
    "budget_case_row_gross": ("Job i alt", "Jobs in all"),
    "budget_case_row_net": ("Ekstra job", "Extra jobs"),
    "budget_case_row_spend": ("Udgift", "Spend"),
    "budget_case_row_kommune": ("Kommunen", "The kommune"),
    "budget_case_row_state": ("Staten", "The state"),
    "budget_case_row_other_municipalities": (
        "Andre kommuner (udligning)",
        "Other kommuner (equalisation)",
    ),
    "budget_case_row_public": ("Det offentlige i alt", "The public purse in all"),
    "budget_case_col_figure": ("Tal", "Figure"),
    "budget_reason_no_case": ("ingen budgetberegning", "no budget case"),
    "budget_case_col_current": ("Nuværende", "Current"),
    "budget_case_col_optimal": ("Optimal: {goal}", "Optimal: {goal}"),
    "budget_case_col_scenario": ("Scenarie: {name}", "Scenario: {name}"),
    "budget_case_infeasible": ("–: kravene kan ikke opfyldes", "–: the requirements cannot be met"),
    "budget_metric_marginal_npv": ("{amount} i nettonutidsværdi", "{amount} of net present value"),
    "budget_opt_shares": (
        "Mindst denne andel af budgettet til hver målgruppe",
        "At least this share of the budget for each target group",
    ),
    "budget_opt_min_stars": ("Mindst antal stjerner", "At least this many stars"),
    "budget_opt_rules": ("Låse og maksimum pr. indsats", "Locks and maximum per intervention"),
    "budget_opt_rules_hint": (
        "Lås en indsats til mindst eller præcis de planlagte deltagere (fx en underskrevet "
        "kontrakt), eller sæt et maksimum under kapaciteten.",
        "Lock an intervention at least or exactly at its planned participants (a signed "
        "contract, say), or set a maximum below its capacity.",
    ),
    "budget_lock_none": ("–", "–"),
    "budget_lock_at_least": ("Mindst planlagt", "At least planned"),
    "budget_lock_exactly": ("Præcis planlagt", "Exactly planned"),
    "budget_infeasible": (
        "Kravene kan ikke opfyldes: {why}",
        "The requirements cannot be met: {why}",
    ),
    "budget_binding_heading": ("Det begrænser resultatet", "What limits the result"),
    "budget_nothing_binds": ("Ingen af kravene koster job.", "None of the requirements cost jobs."),
    "budget_moves_heading": ("Hvad flytter hvorhen, og hvorfor", "What moves where, and why"),
    "budget_nothing_moves": (
        "Den optimale fordeling er den samme som den nuværende.",
        "The optimal allocation is the same as the current one.",
    ),
    "budget_moves_largest": (
        "Tabellen viser de {shown} største ændringer i forbrug af {count} indsatser med "
        "deltagere før eller efter; vælg en kommune i sidepanelet for at se færre.",
        "The table shows the {shown} largest changes of spend of {count} interventions with "
        "participants before or after; choose a kommune in the sidebar to see fewer.",
    ),
    "budget_moves_charted": (
        "Figuren viser de {shown} største ændringer i forbrug af {count}.",
        "The chart shows the {shown} largest changes of spend of {count}.",
    ),
    "budget_compare_caption": (
        "Optimal mod nuværende: {jobs} {kind} for {cost} mod {now} for {now_cost} i dag",
        "Optimal against current: {jobs} {kind} for {cost} against {now} for {now_cost} today",
    ),
    "budget_kind_net": ("ekstra job", "extra jobs"),
    "budget_kind_gross": ("job", "jobs"),
    "budget_kind_kommune": (
        "kr. i kommunens nettonutidsværdi",
        "kroner of the kommune's net present value",
    ),
    "budget_kind_public": (
        "kr. i det offentliges nettonutidsværdi",
        "kroner of the public purse's net present value",
    ),
    "budget_frontier_caption": (
        "Flest mulige job ved hvert budget fra en tiendedel til det dobbelte af budgettet, med "
        "de samme krav som under Optimal fordeling. Det grå punkt er den nuværende fordeling.",
        "The most jobs each budget can buy, from a tenth of the budget to double it, under "
        "the same requirements as under Optimal allocation. The grey point is the current "
        "allocation.",
    ),
    "budget_frontier_gap": (
        "Ved {count} af budgetterne kan kravene ikke opfyldes; der er ingen punkter der.",
        "At {count} of the budgets the requirements cannot be met; there are no points there.",
    ),
    "budget_axis_budget": ("Budget (mio. kr.)", "Budget (mio. kr.)"),
    "budget_axis_budget_short": ("Budget", "Budget"),
    "budget_axis_jobs_net": ("Forventede ekstra job", "Expected extra jobs"),
    "budget_axis_jobs_gross": ("Forventede job", "Expected jobs"),
    "budget_axis_jobs_kommune": (
        "Kommunens nettonutidsværdi (kr.)",
        "The kommune's net present value (DKK)",
    ),
    "budget_axis_jobs_public": (
        "Det offentliges nettonutidsværdi (kr.)",
        "The public purse's net present value (DKK)",
    ),
    "budget_axis_cost": ("Udgift (mio. kr.)", "Cost (mio. kr.)"),
    "budget_series_current": ("Nuværende fordeling", "Current allocation"),
    "budget_series_optimal": ("Optimal fordeling", "Optimal allocation"),
    "budget_cut": ("Hvad koster en besparelse? Beløb (kr.)", "What does a cut cost? Amount (DKK)"),
    "budget_cut_result": (
        "Med {budget} giver den bedste fordeling {jobs} {kind}: {lost} færre end de {full}, "
        "som {whole} giver",
        "With {budget} the best allocation buys {jobs} {kind}: {lost} fewer than the {full} "
        "that {whole} buys",
    ),
    "budget_cut_infeasible": (
        "Med {budget} kan kravene ikke opfyldes: {why}",
        "With {budget} the requirements cannot be met: {why}",
    ),
    "budget_frontier_table": ("Tallene bag kurven", "The figures behind the curve"),
    "budget_sc_save_heading": ("Gem et scenarie", "Save a scenario"),
    "budget_sc_name": ("Navn", "Name"),
    "budget_sc_what": ("Gem", "Save"),
    "budget_sc_source_what_if": ("hvad nu hvis-fordelingen", "the what-if allocation"),
    "budget_sc_source_optimal": ("den optimale fordeling", "the optimal allocation"),
    "budget_sc_source_current": ("den nuværende fordeling", "the current allocation"),
    "budget_sc_replace": ("Erstat et scenarie med samme navn", "Replace a scenario of that name"),
    "budget_sc_save": ("Gem scenarie", "Save scenario"),
    "budget_sc_saved": ("Gemt: {name}", "Saved: {name}"),
    "budget_sc_no_optimal": (
        "Der er ingen optimal fordeling at gemme: kravene kan ikke opfyldes.",
        "There is no optimal allocation to save: the requirements cannot be met.",
    ),
    "budget_sc_editor_only": (
        "Kun redaktører kan gemme og slette scenarier (log ind under Redaktør i venstre side).",
        "Only editors can save and delete scenarios (sign in under Editor on the left).",
    ),
    "budget_sc_list_heading": ("Gemte scenarier for {year}", "Saved scenarios for {year}"),
    "budget_sc_none": (
        "Der er ingen gemte scenarier for {year} endnu.",
        "There are no saved scenarios for {year} yet.",
    ),
    "budget_sc_col_created": ("Gemt", "Saved"),
    "budget_sc_col_by": ("Af", "By"),
    "budget_sc_col_source": ("Lavet som", "Made as"),
    "budget_sc_pick": ("Scenarie", "Scenario"),
    "budget_sc_open": ("Åbn i Hvad nu hvis", "Open in What if"),
    "budget_sc_opened": ("{name} er åbnet under Hvad nu hvis.", "{name} is open under What if."),
    "budget_sc_missing": (
        "Disse indsatser i scenariet findes ikke i år længere: {names}.",
        "These interventions of the scenario no longer exist this year: {names}.",
    ),
    "budget_sc_delete": ("Slet", "Delete"),
    "budget_sc_deleted": ("Slettet: {name}", "Deleted: {name}"),
    "budget_sc_compare_heading": ("Sammenlign to scenarier", "Compare two scenarios"),
    "budget_sc_first": ("Første", "First"),
    "budget_sc_second": ("Andet", "Second"),
    "budget_sc_need_two": (
        "Gem mindst to scenarier for at sammenligne dem.",
        "Save at least two scenarios to compare them.",
    ),
}

TEXTS.update(
    {
        "budget_large_solve": (
            "Året har {count} indsatser. Den eksakte optimering kan tage fra sekunder til få "
            "minutter ved så mange, så den kører først, når du beder om det. Vælg indstillingerne "
            "ovenfor og tryk på knappen.",
            "The year has {count} interventions. The exact optimisation can take from seconds to "
            "a few minutes with that many, so it runs only when you ask. Choose the settings above "
            "and press the button.",
        ),
        "budget_solve_button": ("Beregn den optimale fordeling", "Find the optimal allocation"),
        "budget_solving": (
            "Finder den optimale fordeling af {count} indsatser …",
            "Finding the optimal allocation of {count} interventions …",
        ),
        "budget_frontier_after_solve": (
            "Kurven over job og budget tegnes, når den optimale fordeling er beregnet (fanen "
            "Optimal fordeling).",
            "The curve of jobs against budget is drawn once the optimal allocation has been found "
            "(the Optimal allocation tab).",
        ),
    }
)

TEXTS.update(
    {
        "budget_frontier_large": (
            "Tegn kurven (20 optimeringer; kan tage flere minutter ved så mange indsatser)",
            "Draw the curve (20 optimisations; can take several minutes with this many "
            "interventions)",
        ),
        "budget_frontier_drawing": ("Tegner kurven …", "Drawing the curve …"),
    }
)

# --- the shared pool across kommuner (issue 14) ------------------------------------------------
TEXTS.update(
    {
        "budget_msg_municipality_shares_over": (
            "Kommunernes minimumsandele er tilsammen {total} af puljen: mere end hele puljen. "
            "Sænk en eller flere kommuners minimum, så de tilsammen højst er 100 %.",
            "The kommuner's minimum shares add up to {total} of the pool: more than the whole "
            "pool. Lower one or more kommuner's minimum so that together they are at most 100 %.",
        ),
        "budget_msg_municipality_none": (
            "{place} har ingen indsatser i puljen, så dens minimum kan ikke nås. Fjern "
            "minimummet eller kommunen.",
            "{place} has no interventions in the pool, so its minimum cannot be met. Remove the "
            "minimum or the kommune.",
        ),
        "budget_msg_municipality_capacity": (
            "Mindst {share} til {place} kræver {needed}, men kommunens indsatser kan kun tage "
            "{available} ({short} for lidt). Sænk minimummet for {place} til højst "
            "{available}, eller giv kommunens indsatser mere kapacitet.",
            "At least {share} for {place} needs {needed}, but the kommune's interventions can "
            "only take {available} ({short} short). Lower {place}'s minimum to at most "
            "{available}, or give its interventions more capacity.",
        ),
        "budget_tab_pool": ("Fælles pulje", "Shared pool"),
        "budget_pool_heading": (
            "Fælles pulje på tværs af kommuner",
            "Shared pool across kommuner",
        ),
        "budget_pool_intro": (
            "Én pulje fordeles på de valgte kommuners indsatser, så den giver flest forventede "
            "ekstra job; hver kommune kan få et minimum, som fordelingen skal give den.",
            "One pool is spent on the chosen kommuner's interventions so that it buys the most "
            "expected extra jobs; each kommune can have a minimum the allocation must give it.",
        ),
        "budget_pool_places": ("Kommuner i puljen", "Kommuner in the pool"),
        "budget_pool_budget": ("Puljens størrelse (kr.)", "The pool (DKK)"),
        "budget_pool_mode": ("Minimum pr. kommune som", "Minimum per kommune as"),
        "budget_pool_mode_share": ("andel af puljen", "share of the pool"),
        "budget_pool_mode_amount": ("beløb i kroner", "amount in kroner"),
        "budget_pool_minimum": ("Minimum: {place}", "Minimum: {place}"),
        "budget_pool_share_help": (
            "Fx 20 % eller 0: den andel af puljen, kommunen mindst skal have.",
            "E.g. 20 % or 0: the share of the pool the kommune must get at least.",
        ),
        "budget_pool_amount_help": (
            "Fx 2.500.000 eller 2,5 mio.: det beløb, kommunen mindst skal have.",
            "E.g. 2,500,000 or 2.5m: the amount the kommune must get at least.",
        ),
        "budget_pool_choose": (
            "Vælg mindst to kommuner til puljen.",
            "Choose at least two kommuner for the pool.",
        ),
        "budget_pool_over_pool": (
            "Minimummet for {place} ({amount}) er større end hele puljen ({budget}). Sænk "
            "minimummet eller gør puljen større.",
            "The minimum for {place} ({amount}) is more than the whole pool ({budget}). Lower "
            "the minimum or make the pool larger.",
        ),
        "budget_pool_infeasible": (
            "Puljen kan ikke fordeles med de minimumskrav: {why}",
            "The pool cannot be spent with these minimums: {why}",
        ),
        "budget_pool_result": (
            "{cost} af puljen på {budget} giver {jobs} forventede ekstra job med {participants} "
            "deltagere.",
            "{cost} of the pool of {budget} buys {jobs} expected extra jobs with {participants} "
            "participants.",
        ),
        "budget_pool_col_minimum": ("Minimum", "Minimum"),
        "budget_pool_col_spend": ("Forbrug", "Spend"),
        "budget_pool_col_share": ("Andel af puljen", "Share of the pool"),
        "budget_pool_col_binds": ("Minimum binder", "Minimum binds"),
        "budget_pool_binds_yes": (
            "ja: uden det gav puljen flere job",
            "yes: without it the pool would buy more jobs",
        ),
        "budget_pool_binds_no": ("nej", "no"),
        "budget_pool_no_minimum": ("intet", "none"),
        "budget_pool_binds_caption": (
            "Et minimum binder, når kommunen får netop sit minimum, og puljen uden det ville "
            "give flere forventede ekstra job.",
            "A minimum binds when the kommune gets just its minimum and the pool would buy more "
            "expected extra jobs without it.",
        ),
    }
)
