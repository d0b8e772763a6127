"""The words of the imports: problems with files and cells, placed by row and column."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # a problem, placed as a spreadsheet shows it
    "problem_at": (
        "række {row}, kolonne {column}: {message}",
        "row {row}, column {column}: {message}",
    ),
    "problems_more": (
        "... og {more} fejl mere ({total} i alt); intet er gemt",
        "... and {more} more problem(s) ({total} in all); nothing was imported",
    ),
    # reading a file (viften.files.tabular)
    "files_not_text": (
        "filen er hverken UTF-8- eller Windows-1252-tekst: gem den som 'CSV UTF-8' (i Excel: "
        "Gem som, CSV UTF-8) eller som .xlsx (byte {byte} kan ikke læses)",
        "the file is neither UTF-8 nor Windows-1252 text: save it as 'CSV UTF-8' (in Excel: "
        "Save as, CSV UTF-8), or as .xlsx (byte {byte} cannot be read)",
    ),
    "files_binary": (
        "filen indeholder binære data, ikke CSV-tekst; brug en .csv- eller .xlsx-fil",
        "the file holds binary data, not CSV text; use a .csv or .xlsx file",
    ),
    "files_csv_unreadable": (
        "CSV-filen kan ikke læses: {error}",
        "the CSV file cannot be read: {error}",
    ),
    "files_xlsx_unreadable": (
        "filen er ikke en læsbar .xlsx-projektmappe ({error})",
        "the file is not a readable .xlsx workbook ({error})",
    ),
    "files_no_sheet": (
        "projektmappen har intet ark med celler; brug en .csv- eller .xlsx-fil",
        "the workbook has no sheet with cells; use a .csv or .xlsx file",
    ),
    "files_parquet_unreadable": (
        "filen er ikke en læsbar Parquet-fil ({error})",
        "the file is not a readable Parquet file ({error})",
    ),
    # the interventions file
    "iv_unknown_file_type": (
        "{file}: ukendt filtype {suffix}; brug en .csv- eller .xlsx-fil",
        "{file}: unknown file type {suffix}; use a .csv or .xlsx file",
    ),
    "iv_file_empty": (
        "filen er tom: den skal have en overskriftsrække og en række pr. indsats",
        "the file is empty: it needs a header row and one row per intervention",
    ),
    "iv_file_problems": (
        "filen har {count} fejl; intet er importeret",
        "the file has {count} problem(s); nothing was imported",
    ),
    "iv_no_rows": (
        "filen har overskrifter, men ingen indsatser",
        "the file has a header but no interventions",
    ),
    "header_unknown": (
        "ukendt kolonne; kendte kolonner: {known}",
        "unknown column; known columns: {known}",
    ),
    "header_unknown_near": (
        "ukendt kolonne; mente du {near}?",
        "unknown column; did you mean {near}?",
    ),
    "header_unknown_near_alias": (
        "ukendt kolonne; mente du {near} ({column})?",
        "unknown column; did you mean {near} ({column})?",
    ),
    "header_twice": (
        "kolonnen {column} står der to gange (også som {other})",
        "the column {column} appears twice (also as {other})",
    ),
    "header_missing": (
        "en påkrævet kolonne mangler (dansk overskrift: {danish})",
        "required column is missing (Danish header: {danish})",
    ),
    "cell_without_header": (
        "en celle i en kolonne uden overskrift; giv kolonnen en overskrift, eller tøm den",
        "a cell in a column without a header; give the column a header or empty it",
    ),
    "cell_beyond_last_column": (
        "en celle efter den sidste kolonne; fjern den",
        "a cell beyond the last column; remove it",
    ),
    "name_twice_in_file": (
        "{name} for {year} står allerede i række {first}; et navn skal være unikt inden for et år",
        "{name} for {year} already appears in row {first}; a name must be unique within a year",
    ),
    "name_twice_in_file_municipality": (
        "{name} for {municipality} i {year} står allerede i række {first}; et navn skal være "
        "unikt inden for en kommune og et år",
        "{name} for {municipality} in {year} already appears in row {first}; a name must be "
        "unique within a municipality and a year",
    ),
    "name_too_long": (
        "navnet har {length} tegn; højst {most} er tilladt",
        "the name has {length} characters; at most {most} are allowed",
    ),
    "cell_required": ("{column} skal udfyldes", "{column} is required"),
    # a cell
    "cell_boolean": ("forventede et tal, ikke SAND/FALSK", "expected a number, not TRUE/FALSE"),
    "cell_date": (
        "er en dato eller et klokkeslæt; forventede et tal",
        "is a date or time; expected a number",
    ),
    "cell_not_number": ("{value} er ikke et tal", "{value} is not a number"),
    "cell_not_finite": ("er ikke et endeligt tal", "is not a finite number"),
    "cell_control_character": (
        "indeholder et usynligt kontroltegn (U+{code}), som et regneark ikke kan rumme; fjern det",
        "holds an invisible control character (U+{code}) that a spreadsheet cannot hold; remove it",
    ),
    "cell_not_target_group": (
        "{value} er ikke en af tættere på, længere væk eller tværgående (closer, further, cross)",
        "{value} is not one of closer, further or cross (tættere på, længere væk, tværgående)",
    ),
    "cell_not_provider_type": (
        "{value} er ikke en af intern eller ekstern (internal, external)",
        "{value} is not one of internal or external (intern, ekstern)",
    ),
    "cell_not_effect_rating": (
        "{value} er ikke en af høj, middel eller lav (high, medium, low)",
        "{value} is not one of high, medium or low (høj, middel, lav)",
    ),
    "cell_stars": (
        "{count} stjerner: evidens er 1, 2 eller 3 stjerner",
        "{count} stars: evidence is 1, 2 or 3 stars",
    ),
    "cell_year_not_whole": (
        "{value} skal være et helt tal (et årstal)",
        "{value} must be a whole number (a year)",
    ),
    "cell_year_range": (
        "{year} skal være et år mellem 2000 og 2100",
        "{year} must be a year between 2000 and 2100",
    ),
    "cell_price_negative": (
        "{value} kr. er negativ; en pris skal være 0 eller mere",
        "{value} kr. is negative; a price must be 0 or more",
    ),
    "cell_count_negative": (
        "{value} er negativ; den skal være 0 eller mere",
        "{value} is negative; it must be 0 or more",
    ),
    "cell_count_not_whole": (
        "{value} skal være et helt tal (et antal deltagere)",
        "{value} must be a whole number (a number of participants)",
    ),
    "cell_not_positive": ("{value} skal være mere end 0", "{value} must be more than 0"),
    "cell_not_share": (
        "{value} skal være en andel mellem 0 og 1 (eller skrevet i procent, som 35 %)",
        "{value} must be a share between 0 and 1 (or written as a percentage, like 35 %)",
    ),
    "cell_not_benefit": (
        "{value} er ikke en ydelse; skriv en af {known} (også med æ, ø, å)",
        "{value} is not a benefit; write one of {known} (also spelt with æ, ø, å)",
    ),
    "cell_weeks_negative": (
        "{value} uger er negativt; uger på ydelse skal være 0 eller mere",
        "{value} weeks is negative; weeks on benefit must be 0 or more",
    ),
    "cell_weeks_not_whole": (
        "{value} skal være et helt antal uger",
        "{value} must be a whole number of weeks",
    ),
    "cell_not_flag": (
        "{value} er hverken ja eller nej: skriv ja eller nej (yes/no, 1/0, "
        "true/false); tom betyder nej",
        "{value} is not a yes or no: write yes or no (ja/nej, 1/0, true/false); empty means no",
    ),
    # the edit table
    "edit_name_too_long": ("højst {most} tegn", "at most {most} characters"),
    "edit_name_twice": ("{name} står to gange i {year}", "{name} occurs twice in {year}"),
}

TEXTS |= {
    # the outcome records (viften.store.outcomes)
    "outcomes_problems": (
        "{total} fejl i udfaldsdata; intet er importeret",
        "{total} problem(s) in the outcome records; nothing was imported",
    ),
    "outcomes_problems_first": (
        "{total} fejl i udfaldsdata; de første {shown} er vist; intet er importeret",
        "{total} problem(s) in the outcome records; the first {shown} are listed; nothing was "
        "imported",
    ),
    "outcomes_unknown_column": (
        "ukendt kolonne {header}; mente du {near}? (kendte kolonner: {known})",
        "unknown column {header}; did you mean {near}? (known columns: {known})",
    ),
    "outcomes_column_twice": (
        "kolonnen {column} står der to gange (også som {other})",
        "column {column} appears twice (also as {other})",
    ),
    "outcomes_column_missing": (
        "den påkrævede kolonne {column} ({danish}) mangler",
        "the required column {column} ({danish}) is missing",
    ),
    "outcomes_too_many_values": (
        "{values} værdier, men overskriftsrækken har {width}",
        "{values} values, but the header has {width}",
    ),
    "outcomes_empty": (
        "{file} er tom: forventede en overskriftsrække med kolonnerne intervention, group og "
        "employed",
        "{file} is empty: expected a header row with the columns intervention, group and employed",
    ),
    "outcomes_no_records": (
        "filen har overskrifter, men ingen poster under dem; intet er importeret",
        "the file has a header but no records below it; nothing was imported",
    ),
    "outcomes_missing_file": ("{file} findes ikke", "{file} does not exist"),
    "outcomes_file_type": (
        "{file}: udfaldsdata skal være en .csv- eller .xlsx-fil",
        "{file}: outcome records must be a .csv or .xlsx file",
    ),
    "outcomes_changed": (
        "{file} blev ændret under importen",
        "{file} changed while it was being imported",
    ),
    "outcomes_csv_unreadable": (
        "{file} kan ikke læses som CSV: {error}",
        "{file} cannot be read as CSV: {error}",
    ),
    "outcomes_missing_intervention": (
        "indsatsens navn er tomt",
        "the intervention's name is empty",
    ),
    "outcomes_bad_year": (
        "{value} er ikke et år fra 2000 til 2100",
        "{value} is not a year from 2000 to 2100",
    ),
    "outcomes_no_year": (
        "året er tomt, og databasen har ingen indsatser at tage et år fra",
        "the year is empty and the database has no interventions to take a year from",
    ),
    "outcomes_bad_group_empty": (
        "gruppen er tom: skriv deltager eller kontrol (treatment eller control)",
        "the group is empty: write treatment or control (deltager or kontrol)",
    ),
    "outcomes_bad_group": (
        "{value} er ikke en gruppe: skriv deltager eller kontrol (treatment eller control)",
        "{value} is not a group: write treatment or control (deltager or kontrol)",
    ),
    "outcomes_bad_employed_empty": (
        "i job er tom: skriv 1 eller 0 (ja/nej, true/false)",
        "employed is empty: write 1 or 0 (ja/nej, true/false)",
    ),
    "outcomes_bad_employed": (
        "{value} er hverken ja eller nej: skriv 1 eller 0 (ja/nej, true/false)",
        "{value} is not a yes or no: write 1 or 0 (ja/nej, true/false)",
    ),
    "outcomes_unknown_intervention": (
        "der er ingen indsats ved navn {name} i {year}",
        "there is no intervention named {name} in {year}",
    ),
    "outcomes_unknown_intervention_near": (
        "der er ingen indsats ved navn {name} i {year}; mente du {near}?",
        "there is no intervention named {name} in {year}; did you mean {near}?",
    ),
    "outcomes_double_person": (
        "person {person} står der mere end én gang for {intervention}, første gang i række {first}",
        "person {person} appears more than once for {intervention}, first on row {first}",
    ),
}
