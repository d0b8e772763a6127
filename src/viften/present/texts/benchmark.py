"""Words of the benchmark: the same kind of intervention across municipalities."""

TEXTS: dict[str, tuple[str, str]] = {
    "page_benchmark": ("Benchmark", "Benchmark"),
    "bm_title": (
        "Benchmark {year}: samme indsatstype på tværs af kommuner",
        "Benchmark {year}: the same kind across municipalities",
    ),
    "bm_intro": (
        "For hver indsatstype, som mindst to kommuner har målt (udfaldsdata for både deltagere "
        "og kontrolgruppe), samles mer-effekten i en fælles vurdering med en random effects-"
        "model (DerSimonian og Laird). Hver kommunes eget tal står ved siden af sit "
        "'krympede' tal: en kommune med få målte borgere trækkes mere mod den fælles "
        "vurdering end en med mange.",
        "For each kind of intervention that at least two municipalities measured (outcome "
        "records for participants and a control group), the extra effect is pooled with a "
        "random-effects model (DerSimonian and Laird). Each municipality's own figure stands "
        "beside its shrunken one: a municipality that measured few citizens is pulled further "
        "towards the pool than one that measured many.",
    ),
    "bm_none": (
        "Ingen indsatstype er målt i mindst to kommuner i {year}. Giv indsatserne en "
        "indsatstype (kolonnen 'indsatstype') og importér udfaldsdata med kolonnen 'kommune'.",
        "No kind of intervention was measured in at least two municipalities in {year}. Give "
        "the interventions a kind (the column 'kind') and import outcome records with the "
        "column 'municipality'.",
    ),
    "bm_kind": ("Indsatstype", "Kind"),
    "bm_summary": (
        "{k} indsatser i {municipalities} kommuner. Samlet mer-effekt {pooled} "
        "(95 %-interval {low} til {high}); τ² = {tau2}; I² = {i2}.",
        "{k} interventions in {municipalities} municipalities. Pooled extra effect {pooled} "
        "(95 % interval {low} to {high}); τ² = {tau2}; I² = {i2}.",
    ),
    "bm_i2_high": (
        "Kommunernes resultater er meget forskellige: I² er {i2}, dvs. det meste af forskellen "
        "mellem kommunernes tal skyldes reelle forskelle og ikke tilfældighed. Den samlede "
        "vurdering er et gennemsnit af noget, der virker forskelligt fra kommune til kommune.",
        "The municipalities' results differ a lot: I² is {i2}, so most of the difference "
        "between their figures is real, not chance. The pool is an average of something that "
        "works differently from one municipality to the next.",
    ),
    "bm_i2_moderate": (
        "Kommunernes resultater er noget forskellige: I² er {i2}, dvs. omkring halvdelen af "
        "forskellen mellem kommunernes tal er reel.",
        "The municipalities' results differ somewhat: I² is {i2}, so about half of the "
        "difference between their figures is real.",
    ),
    "bm_i2_low": (
        "Kommunernes resultater er lidt forskellige: I² er {i2}; det meste af forskellen "
        "mellem kommunernes tal kan være tilfældig.",
        "The municipalities' results differ a little: I² is {i2}; most of the difference "
        "between their figures may be chance.",
    ),
    "bm_i2_none": (
        "Kommunernes resultater er ikke mere forskellige, end tilfældigheder kan forklare "
        "(I² er {i2}): den samlede vurdering gælder for dem alle.",
        "The municipalities' results differ no more than chance explains (I² is {i2}): the "
        "pool holds for all of them.",
    ),
    "bm_i2_thresholds": (
        "Grænserne: I² under 25 % ingen forskel ud over tilfældighed, 25–50 % lidt, 50–75 % "
        "noget, 75 % og derover meget forskellige (Higgins m.fl. 2003).",
        "The thresholds: I² below 25 % no difference beyond chance, 25–50 % a little, 50–75 % "
        "somewhat, 75 % and above a lot (Higgins et al. 2003).",
    ),
    "bm_unpooled": (
        "Uden udfaldsdata for begge grupper (ikke med i den samlede vurdering): {names}.",
        "Without outcome records for both groups (not pooled): {names}.",
    ),
    "bm_own": ("Eget tal", "Own estimate"),
    "bm_shrunken": ("Krympet", "Shrunken"),
    "bm_pooled": ("Samlet vurdering", "Pooled"),
    "bm_axis_effect": ("Mer-effekt (procentpoint)", "Extra effect (percentage points)"),
    "bm_col_municipality": ("Kommune", "Municipality"),
    "bm_col_name": ("Indsats", "Intervention"),
    "bm_col_price": ("Pris pr. deltager", "Price per participant"),
    "bm_col_interval": ("95 %-interval", "95 % interval"),
    "bm_col_shrunken": ("Mer-effekt (krympet)", "Extra effect (shrunken)"),
    "bm_col_stars": ("Evidens", "Evidence"),
    "bm_col_people": ("Målte borgere", "Citizens measured"),
    "bm_col_weight": ("Vægt i puljen", "Weight in the pool"),
    "bm_col_price_job": (
        "Pris pr. ekstra job (krympet)",
        "Price per additional job (shrunken)",
    ),
    "bm_col_effect_interval": (
        "Eget tal (95 %-interval)",
        "Own (95 % interval)",
    ),
    "bm_effect_interval": ("{effect} ({low} til {high})", "{effect} ({low} to {high})"),
    "bm_col_price_job_own": ("Pris pr. ekstra job", "Price per additional job"),
    "bm_col_job_rate": ("Jobandel", "Job rate"),
    "bm_col_effect_own": ("Mer-effekt", "Extra effect"),
    "bm_col_participants": ("Deltagere (planlagt)", "Participants (planned)"),
    "bm_figures_heading": (
        "Side om side: pris, effekt og evidens",
        "Side by side: price, effect and evidence",
    ),
    "bm_pool_heading": (
        "Sådan indgår hver kommune i puljen",
        "How each municipality enters the pool",
    ),
    "bm_interval": ("{low} til {high}", "{low} to {high}"),
    "bm_no_price_job": ("ingen mer-effekt", "no extra effect"),
    "bm_own_municipality": ("(egen kommune)", "(own municipality)"),
    "bm_col_municipalities": ("Kommuner", "Municipalities"),
    "bm_col_k": ("Indsatser", "Interventions"),
    "bm_col_spread": ("Forskel mellem kommuner", "Difference between municipalities"),
    "bm_level_high": ("meget forskellige", "differ a lot"),
    "bm_level_moderate": ("noget forskellige", "differ somewhat"),
    "bm_level_low": ("lidt forskellige", "differ a little"),
    "bm_level_none": ("ikke ud over tilfældighed", "no more than chance"),
    "bm_overview": ("Alle indsatstyper", "Every kind"),
    "bm_choose_kind": ("Vis indsatstypen", "Show the kind"),
    "committee_step_benchmark": ("Tegner benchmark", "Drawing the benchmark"),
    "bm_slide_title": ("Benchmark: {kind}", "Benchmark: {kind}"),
}
