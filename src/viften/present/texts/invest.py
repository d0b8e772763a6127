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
    "invest_warning_unknown": (
        "kontrakt {contract} ({name}): felterne {fields} bruges ikke",
        "contract {contract} ({name}): the fields {fields} are not used",
    ),
}
