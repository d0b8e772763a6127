"""Words for amounts and numbers typed by the reader (`formatting.parse_amount`)."""

TEXTS: dict[str, tuple[str, str]] = {
    "amount_not_a_number": (
        "»{typed}« kan ikke læses som et tal. {how}",
        "'{typed}' cannot be read as a number. {how}",
    ),
    "amount_did_you_mean": ("Mente du »{suggestion}«?", "Did you mean '{suggestion}'?"),
    "amount_how_kroner": (
        "Skriv beløbet som fx 76.479.000, 76479000, 1,5 mio. eller 260.000 kr.",
        "Write the amount as e.g. 76,479,000, 76479000, 1.5m or DKK 260,000.",
    ),
    "amount_how_number": (
        "Skriv tallet som fx 2 eller 1,5 (komma før decimalerne).",
        "Write the number as e.g. 2 or 1.5 (a point before the decimals).",
    ),
    "amount_how_share": (
        "Skriv andelen som fx 0,47 eller 47 %.",
        "Write the share as e.g. 0.47 or 47 %.",
    ),
    "amount_empty": ("Feltet er tomt. {how}", "The field is empty. {how}"),
    "amount_too_small": (
        "{value} er for lidt: skriv mindst {least}.",
        "{value} is too little: write at least {least}.",
    ),
    "amount_too_large": (
        "{value} er for meget: skriv højst {most}.",
        "{value} is too much: write at most {most}.",
    ),
    "amount_kept": (
        "Siden regner videre med {value}, til der står et gyldigt tal.",
        "The page goes on with {value} until the field holds a valid number.",
    ),
}
