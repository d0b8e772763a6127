"""Words for social investments: the contract's messages, the pages, the committee's sheet."""

_AT = (
    "kontrakt {contract} ({name}), feltet {field}: ",
    "contract {contract} ({name}), field {field}: ",
)


def _at(danish: str, english: str) -> tuple[str, str]:
    return (_AT[0] + danish, _AT[1] + english)


TEXTS: dict[str, tuple[str, str]] = {
    # --- reading a contract ----------------------------------------------------------------
    "invest_error_not_json": (
        "{file} er ikke gyldig JSON: {detail}",
        "{file} is not valid JSON: {detail}",
    ),
    "invest_error_not_object": (
        "kontrakt {contract}: en kontrakt er et JSON-objekt med felterne name, citizens og "
        "outcomes",
        "contract {contract}: a contract is a JSON object with the fields name, citizens and "
        "outcomes",
    ),
    "invest_error_missing": _at("mangler", "is missing"),
    "invest_error_number": _at(
        "skal være et tal på 0 eller mere, ikke {value}",
        "must be a number of 0 or more, not {value}",
    ),
    "invest_error_share": _at(
        "skal være et tal fra 0 til 1, ikke {value}", "must be a number from 0 to 1, not {value}"
    ),
    "invest_error_whole": _at(
        "skal være et helt tal på 0 eller mere, ikke {value}",
        "must be a whole number of 0 or more, not {value}",
    ),
    "invest_error_year": _at(
        "skal være et årstal fra 2000 til 2100, ikke {value}",
        "must be a year from 2000 to 2100, not {value}",
    ),
    "invest_error_text": _at(
        "skal være en tekst på 1 til 200 tegn, ikke {value}",
        "must be a text of 1 to 200 characters, not {value}",
    ),
    "invest_error_basis": _at(
        "skal være gross (brutto) eller net (netto), ikke {value}",
        "must be gross or net, not {value}",
    ),
    "invest_error_outcomes": _at(
        "skal være en liste af resultatmål, ikke {value}",
        "must be a list of outcome goals, not {value}",
    ),
    "invest_error_outcome": _at(
        "et resultatmål er et JSON-objekt med name, payment og month, ikke {value}",
        "an outcome goal is a JSON object with name, payment and month, not {value}",
    ),
    "invest_error_duplicate": _at(
        "resultatmålet {value} står der to gange", "the outcome goal {value} is there twice"
    ),
    "invest_error_cohorts": _at(
        "skal være en liste af hele tal (borgere pr. år), der giver antallet af borgere i alt, "
        "ikke {value}",
        "must be a list of whole numbers (citizens per year) that add up to citizens, not {value}",
    ),
    "invest_error_funding": _at(
        "andelene (investor, fund, dsi) skal tilsammen give investor_share, ikke {value}",
        "the shares (investor, fund, dsi) must add up to investor_share, not {value}",
    ),
    "invest_error_funder": _at(
        "{value} er ikke en finansieringskilde; brug investor, fund eller dsi",
        "{value} is not a funder; use investor, fund or dsi",
    ),
    "invest_error_status": _at(
        "skal være idea, decided, running eller closed, ikke {value}",
        "must be idea, decided, running or closed, not {value}",
    ),
    "invest_error_intervention": _at(
        "der er ingen indsats {value} i {year} i viften for {municipality}",
        "there is no intervention {value} in the {year} fan of {municipality}",
    ),
    "invest_error_result": (
        "{reached} borgere kan ikke nå målet af {citizens} fulgte op",
        "{reached} citizens cannot reach the goal out of {citizens} followed up",
    ),
    "invest_error_result_goal": (
        "casen har intet resultatmål {outcome}",
        "the case has no outcome goal {outcome}",
    ),
    "invest_error_no_records": (
        "indsatsen {name} har ingen resultatdata for deltagerne i casens startår",
        "the intervention {name} has no outcome records of participants in the case's start year",
    ),
    "invest_error_pool": (
        "en pulje skal have et navn på 1 til 100 tegn og en størrelse på 0 kr. eller mere ({name})",
        "a pool needs a name of 1 to 100 characters and a size of 0 kr. or more ({name})",
    ),
    "invest_cell_status": (
        "{value} er ikke en status; brug idé, besluttet, i gang eller afsluttet",
        "{value} is not a status; use idea, decided, running or closed",
    ),
    "invest_cell_basis": (
        "{value} er hverken brutto eller netto",
        "{value} is neither gross nor net",
    ),
    "invest_cell_whole": ("{value} er ikke et helt tal", "{value} is not a whole number"),
    "invest_cell_missing": (
        "kolonnen mangler (navn og borgere skal være der)",
        "the column is missing (name and citizens must be there)",
    ),
    "invest_cell_unknown": ("kolonnen kendes ikke", "the column is not known"),
    "invest_cell_empty": ("casen skal have et navn", "the case needs a name"),
    "invest_cell_disagrees": (
        "casens felter skal være de samme på alle dens rækker; række {row} siger noget andet",
        "a case's fields must be the same on all its rows; row {row} says otherwise",
    ),
    "invest_cell_bad": ("ugyldig værdi {value}", "not a valid value: {value}"),
    "invest_cell_problems": (
        "filen har fejl; intet blev importeret",
        "the file has problems; nothing was imported",
    ),
    "invest_warning_unknown": (
        "kontrakt {contract} ({name}): felterne {fields} bruges ikke",
        "contract {contract} ({name}): the fields {fields} are not used",
    ),
}

TEXTS.update(
    {
        # --- the pages ------------------------------------------------------------------------
        "page_investments": ("Sociale investeringer", "Social investments"),
        "page_investment": ("Investeringscase", "Investment case"),
        "invest_intro": (
            "Kommunens sociale investeringer: resultatkontrakter, hvor en investor, en fond eller "
            "DSI betaler indsatsen forud, og kommunen betaler pr. borger, der når et resultatmål. "
            "Kommunens nutidsværdi er budgetcasens besparelse minus kommunens udlæg og de "
            "tilbagediskonterede betalinger.",
            "The kommune's social investments: outcome contracts in which an investor, a fund or "
            "DSI pays for the intervention up front and the kommune pays per citizen who reaches "
            "an outcome goal. The kommune's NPV is the budget case's saving less the kommune's "
            "outlay and the discounted payments.",
        ),
        "invest_case_intro": (
            "Kontrakten med dens resultatmål (rate card), tallene, opfølgningen og de betalinger, "
            "resultaterne udløser.",
            "The contract with its outcome goals (rate card), the figures, the follow-up and the "
            "payments the results trigger.",
        ),
        "invest_no_cases": (
            "Der er ingen investeringscases endnu. En redaktør opretter dem under "
            "»Investeringscase«.",
            "There are no investment cases yet. An editor creates them under »Investment case«.",
        ),
        "invest_no_cases_viewer": (
            "Der er ingen investeringscases endnu; log ind som redaktør for at oprette en.",
            "There are no investment cases yet; sign in as an editor to create one.",
        ),
        "invest_open_case": (
            "Åbn en case, opret en ny eller indtast resultater under »Investeringscase« i menuen.",
            "Open a case, create a new one or enter results under »Investment case« in the menu.",
        ),
        "invest_metric_cases": ("Cases", "Cases"),
        "invest_metric_committed": ("Bundet (besluttede cases)", "Committed (decided cases)"),
        "invest_metric_paid": ("Betalt efter resultater", "Paid for results"),
        "invest_metric_npv": ("Kommunens forventede nutidsværdi", "The kommune's expected NPV"),
        "invest_cases_heading": ("Casene", "The cases"),
        "invest_case_problem": ("{name} kan ikke beregnes:", "{name} cannot be computed:"),
        "invest_repayments_heading": (
            "Forventede betalinger år for år",
            "Expected payments year by year",
        ),
        "invest_repayments_intro": (
            "Det, kommunen forventer at betale for resultater, i det år opfølgningen falder "
            "(måned ÷ 12 år efter starten), efter et eventuelt loft.",
            "What the kommune expects to pay for results, in the year the follow-up falls "
            "(month ÷ 12 years after the start), after any cap.",
        ),
        "invest_total": ("I alt", "Total"),
        "invest_pools_heading": ("Puljerne", "The pools"),
        "invest_pools_intro": (
            "Hver puljes størrelse, hvad besluttede, igangværende og afsluttede cases binder "
            "(kommunens udlæg i udlægspuljen, de forventede betalinger i betalingspuljen), hvad "
            "der er betalt, og hvad der er tilbage.",
            "Each pool's size, what decided, running and closed cases commit (the kommune's "
            "outlay in the outlay pool, the expected payments in the payment pool), what has "
            "been paid and what is left.",
        ),
        "invest_pool_years": ("Bundet år for år", "Committed year by year"),
        "invest_no_pools": (
            "Der er ingen puljer endnu. Aarhus har fx 48 mio. kr. til sociale investeringer og "
            "27 mio. kr. i en resultatbetalingspulje.",
            "There are no pools yet. Aarhus, for one, has 48 mio. kr. for social investments "
            "and a 27 mio. kr. result-payment pool.",
        ),
        "invest_pool_name": ("Puljens navn", "The pool's name"),
        "invest_pool_size": ("Størrelse (kr.)", "Size (kr.)"),
        "invest_pool_save": ("Gem puljen", "Save the pool"),
        "invest_pool_saved": ("Puljen {name} er gemt.", "The pool {name} is saved."),
        "invest_amount_help": (
            "Kroner som 1.234.567 eller 48 mio.",
            "Kroner as 1,234,567 or 48 mio.",
        ),
        "invest_chart_title": (
            "Porteføljen: kommunens gevinst pr. krone mod risikoen",
            "The portfolio: the kommune's gain per krone against the risk",
        ),
        "invest_chart_subtitle": (
            "Op: kommunens nutidsværdi pr. krone, den bruger. Højre: investors risiko for tab. "
            "Mørkere: mere evidens. Større: flere borgere.",
            "Up: the kommune's NPV per krone it spends. Right: the investor's chance of a loss. "
            "Darker: more evidence. Larger: more citizens.",
        ),
        "invest_chart_reading": (
            "Øverst til venstre ligger de cases, der giver kommunen mest pr. krone med mindst "
            "risiko. Under den stiplede linje taber kommunen penge.",
            "Top left are the cases that give the kommune most per krone at the least risk. "
            "Below the dashed line the kommune loses money.",
        ),
        "invest_chart_risk": ("Investors risiko for tab", "The investor's chance of a loss"),
        "invest_chart_per_krone": (
            "Kommunens nutidsværdi pr. krone",
            "The kommune's NPV per krone",
        ),
        "invest_chart_stars": ("Evidens (stjerner)", "Evidence (stars)"),
        "invest_chart_year": ("År", "Year"),
        "invest_chart_kroner": ("Kroner", "Kroner"),
        "invest_chart_cash_title": (
            "Betalinger og kommunens likviditet",
            "Payments and the kommune's cash",
        ),
        "invest_chart_cash_subtitle": (
            "Søjler: forventede betalinger pr. år. Linje: kommunens samlede kassebeholdning af "
            "casen (besparelser minus udlæg og betalinger, ikke tilbagediskonteret).",
            "Bars: expected payments per year. Line: the kommune's cumulative cash from the "
            "case (savings less outlay and payments, undiscounted).",
        ),
        # --- the tables -----------------------------------------------------------------------
        "invest_col_name": ("Case", "Case"),
        "invest_col_status": ("Status", "Status"),
        "invest_col_start": ("Startår", "Start year"),
        "invest_col_intervention": ("Indsats", "Intervention"),
        "invest_col_citizens": ("Borgere", "Citizens"),
        "invest_col_outlay_kommune": ("Kommunens udlæg", "The kommune's outlay"),
        "invest_col_outlay_investor": ("Investors udlæg", "The investor's outlay"),
        "invest_col_payments": ("Forventede betalinger", "Expected payments"),
        "invest_col_present_all": ("Betalingernes nutidsværdi", "The payments' present value"),
        "invest_col_paid": ("Betalt", "Paid"),
        "invest_col_npv": ("Kommunens nutidsværdi", "The kommune's NPV"),
        "invest_col_per_krone": ("Pr. krone", "Per krone"),
        "invest_col_multiple": ("Investors multiple", "The investor's multiple"),
        "invest_col_loss": ("Risiko for tab (investor)", "Chance of a loss (investor)"),
        "invest_col_lowest": ("Laveste likviditet (år)", "Lowest cash position (year)"),
        "invest_col_deadweight": (
            "Dødvægt (betaling for det, der var sket alligevel)",
            "Deadweight (paid for what would have happened anyway)",
        ),
        "invest_col_pool": ("Pulje", "Pool"),
        "invest_col_size": ("Størrelse", "Size"),
        "invest_col_committed": ("Bundet", "Committed"),
        "invest_col_left": ("Tilbage", "Left"),
        "invest_col_goal": ("Resultatmål", "Outcome goal"),
        "invest_col_payment": ("Betaling pr. borger", "Payment per citizen"),
        "invest_col_month": ("Opfølgning (måned)", "Follow-up (month)"),
        "invest_col_rate": ("Forventet andel", "Expected share"),
        "invest_col_baseline": ("Uden indsatsen", "Without the intervention"),
        "invest_col_basis": ("Grundlag", "Basis"),
        "invest_col_expected": ("Forventet betaling", "Expected payment"),
        "invest_col_present": ("Nutidsværdi", "Present value"),
        "invest_col_break_even": (
            "Højeste betaling, hvor kommunen går i nul",
            "Highest payment at which the kommune breaks even",
        ),
        "invest_col_follow_up": ("Opfølgningsdato", "Follow-up date"),
        "invest_col_followed": ("Fulgt op", "Followed up"),
        "invest_col_reached": ("Nået", "Reached"),
        "invest_col_reached_share": ("Andel nået", "Share reached"),
        "invest_col_due": ("Betaling forfalden", "Payment due"),
        "invest_col_due_so_far": ("Forfaldent indtil nu", "Due so far"),
        "invest_status_idea": ("Idé", "Idea"),
        "invest_status_decided": ("Besluttet", "Decided"),
        "invest_status_running": ("I gang", "Running"),
        "invest_status_closed": ("Afsluttet", "Closed"),
        "invest_basis_gross": ("Brutto (alle, der når målet)", "Gross (all who reach it)"),
        "invest_basis_net": ("Netto (kun over basislinjen)", "Net (only above the baseline)"),
        # --- one case -------------------------------------------------------------------------
        "invest_pick": ("Case", "Case"),
        "invest_new_case": ("+ Ny case", "+ New case"),
        "invest_rate_card_heading": ("Resultatmålene (rate card)", "The outcome goals (rate card)"),
        "invest_follow_up_heading": (
            "Opfølgning: resultater og betalinger",
            "Follow-up: results and payments",
        ),
        "invest_no_results": ("Der er ingen resultater endnu.", "There are no results yet."),
        "invest_paid_so_far": ("Forfaldent i alt: **{amount}**", "Due in all: **{amount}**"),
        "invest_result_form": ("**Indtast et resultat**", "**Enter a result**"),
        "invest_result_save": ("Gem resultatet", "Save the result"),
        "invest_result_from_records": (
            "Hent fra indsatsens resultatdata",
            "Take from the intervention's outcome records",
        ),
        "invest_result_saved": ("Resultatet for {goal} er gemt.", "The result of {goal} is saved."),
        "invest_edit_heading": ("Redigér kontrakten", "Edit the contract"),
        "invest_new_heading": ("Opret en ny case", "Create a new case"),
        "invest_no_intervention": ("(ingen indsats)", "(no intervention)"),
        "invest_field_name": ("Navn", "Name"),
        "invest_field_status": ("Status", "Status"),
        "invest_field_year": ("Startår", "Start year"),
        "invest_field_intervention": ("Indsats i viften", "Intervention of the fan"),
        "invest_field_citizens": ("Borgere", "Citizens"),
        "invest_field_cost_per_citizen": ("Pris pr. borger (kr.)", "Cost per citizen (kr.)"),
        "invest_field_investor_share": (
            "Investors andel af prisen",
            "The investor's share of the cost",
        ),
        "invest_field_cap": ("Loft over alle betalinger (kr.)", "Cap on all payments (kr.)"),
        "invest_field_discount_rate": ("Diskonteringsrente", "Discount rate"),
        "invest_field_outlay_pool": ("Udlæg fra puljen", "Outlay from the pool"),
        "invest_field_payment_pool": ("Betalinger fra puljen", "Payments from the pool"),
        "invest_field_payment": ("Betaling pr. borger", "Payment per citizen"),
        "invest_field_month": ("Opfølgning (måned)", "Follow-up (month)"),
        "invest_field_rate": ("Forventet andel", "Expected share"),
        "invest_field_baseline": ("Uden indsatsen", "Without the intervention"),
        "invest_cost_help": (
            "Tom: indsatsens pris pr. deltager.",
            "Empty: the intervention's price per participant.",
        ),
        "invest_discount_help": (
            "Tom: budgetcasens antagelse (3,5 %).",
            "Empty: the budget case's assumption (3.5 %).",
        ),
        "invest_rate_card_form": ("**Resultatmål (rate card)**", "**Outcome goals (rate card)**"),
        "invest_rate_card_help": (
            "Én række pr. mål. Tom forventet andel: indsatsens jobandel; tom »uden indsatsen«: "
            "kontrolgruppens jobandel, ellers 0. Andele som 35 % eller 0,35.",
            "One row per goal. An empty expected share: the intervention's job rate; an empty "
            "»without the intervention«: the control group's job rate, else 0. Shares as 35 % "
            "or 0.35.",
        ),
        "invest_save": ("Gem casen", "Save the case"),
        "invest_saved": ("Casen {name} er gemt.", "The case {name} is saved."),
        "invest_delete": ("Slet casen", "Delete the case"),
        "invest_deleted": ("Casen {name} er slettet.", "The case {name} is deleted."),
        "invest_not_saved": ("Intet blev gemt:", "Nothing was saved:"),
        "invest_form_bad": ("{field}: {why}", "{field}: {why}"),
        "invest_conflict": (
            "En anden har ændret casen imens; genindlæs siden og prøv igen ({detail})",
            "Someone else changed the case meanwhile; reload the page and try again ({detail})",
        ),
    }
)

TEXTS.update(
    {
        "invest_sheet_share": (
            "investor betaler {share} af prisen",
            "the investor pays {share} of the cost",
        ),
        "invest_sheet_citizens": ("{count} borgere", "{count} citizens"),
        "invest_sheet_deadweight": ("dødvægt {share}", "deadweight {share}"),
        "invest_sheet_per_krone": ("{value} pr. krone", "{value} per krone"),
        "invest_sheet_loss": ("risiko for tab {share}", "chance of a loss {share}"),
        "invest_sheet_goal": (
            "{goal}: {payment} pr. borger ({basis}) efter {month} mdr.; kommunen går i nul op "
            "til {break_even}.",
            "{goal}: {payment} per citizen ({basis}) after {month} months; the kommune breaks "
            "even up to {break_even}.",
        ),
        "invest_sheet_no_goals": (
            "Casen har ingen resultatmål endnu.",
            "The case has no outcome goals yet.",
        ),
        "invest_sheet_subtitle": (
            "Investeringscase: kontraktens tal og pengene år for år",
            "Investment case: the contract's figures and the money year by year",
        ),
        "invest_sheet_title": ("Investeringscase: {name}", "Investment case: {name}"),
        "invest_portfolio_title": (
            "Sociale investeringer: porteføljen",
            "Social investments: the portfolio",
        ),
        "committee_step_invest_portfolio": (
            "Tegner porteføljen af sociale investeringer",
            "Drawing the social-investment portfolio",
        ),
        "invest_sheet_download": ("Hent casens ark", "Download the case sheet"),
    }
)
