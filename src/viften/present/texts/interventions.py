"""Words for the interventions page and the history page."""

TEXTS: dict[str, tuple[str, str]] = {
    "iv_edit_kind_help": (
        "Indsatstypen, som benchmark sammenligner på tværs af kommuner, fx {kinds}. Anden "
        "tekst er også tilladt; store og små bogstaver er det samme.",
        "The kind that the benchmark compares across municipalities, such as {kinds}. Other "
        "text is accepted too; case does not matter.",
    ),
    "iv_edit_municipality_help": (
        "Kommunen, indsatsen hører til; tom: databasens egen.",
        "The municipality the intervention belongs to; empty: the database's own.",
    ),
    "iv_title": ("Indsatser {year}", "Interventions {year}"),
    "iv_intro": (
        "Alle indsatser i året med de afledte tal. Filtrene i venstre side gælder også her.",
        "Every intervention of the year with its derived figures. The filters on the left "
        "apply here too.",
    ),
    "iv_count": ("{shown} af {total} indsatser vises.", "{shown} of {total} interventions shown."),
    "iv_sort_by": ("Sortér efter", "Sort by"),
    "iv_descending": ("Største først", "Largest first"),
    "iv_columns": ("Kolonner", "Columns"),
    "iv_columns_help": (
        "Vælg, hvilke tal tabellen viser. Navnet står altid forrest. Flere kolonner, end skærmen "
        "rummer, ses ved at rulle tabellen til siden.",
        "Choose the figures the table shows. The name always comes first. Columns beyond the "
        "screen's width are seen by scrolling the table sideways.",
    ),
    "iv_columns_none": ("Kun navnet – vælg kolonner", "Only the name – choose columns"),
    "iv_table_caption": (
        "Pris pr. job = pris pr. deltager ÷ jobandel. Mer-effekt = jobandel − kontrolgruppens "
        "jobandel (i procentpoint). Pris pr. ekstra job = pris pr. deltager ÷ mer-effekt. "
        "Tallene i parentes efter en mer-effekt er dens 95 %-interval. "
        "– betyder, at tallet ikke kan opgøres (fx ingen kontrolgruppe).",
        "Price per job = price per participant ÷ job rate. Extra effect = job rate − control "
        "group's job rate (in percentage points). Price per additional job = price per "
        "participant ÷ extra effect. The figures in brackets after an extra effect are its "
        "95 % interval. – means the figure cannot be computed (e.g. no control group).",
    ),
    "iv_tab_table": ("Tabel", "Table"),
    "iv_tab_edit": ("Ret", "Edit"),
    "iv_tab_import": ("Importér", "Import"),
    "iv_tab_export": ("Eksportér", "Export"),
    "iv_editor_only": (
        "Kun redaktører kan rette og importere. Log ind som redaktør i venstre side.",
        "Only editors can edit and import. Sign in as editor on the left.",
    ),
    "iv_template": ("Hent importskabelon (Excel)", "Download the import template (Excel)"),
    "iv_upload": (
        "Vælg en CSV- eller Excel-fil med indsatser",
        "Choose a CSV or Excel file of interventions",
    ),
    "iv_upload_hint": (
        "Én række pr. indsats; kolonnerne er forklaret i skabelonens ark 'Forklaring'. "
        "Rækker matches på navn og år: en kendt indsats opdateres, en ny tilføjes. "
        "Er der fejl i filen, importeres intet.",
        "One row per intervention; the template's sheet 'Forklaring' explains the columns. "
        "Rows are matched by name and year: a known intervention is updated, a new one added. "
        "If the file has errors, nothing is imported.",
    ),
    "iv_import_button": ("Importér {name}", "Import {name}"),
    "iv_importing": ("Importerer …", "Importing …"),
    "iv_imported": (
        "Importeret: {added} nye, {updated} opdaterede, {unchanged} uændrede.",
        "Imported: {added} added, {updated} updated, {unchanged} unchanged.",
    ),
    "iv_problems": (
        "{count} fejl; intet er gemt. Ret fejlene (række og kolonne står ved hver) og prøv igen:",
        "{count} problems; nothing was saved. Fix them (each names its row and column) and "
        "try again:",
    ),
    "iv_download": ("Hent som {format}", "Download as {format}"),
    "iv_export_hint": (
        "Filerne kan importeres igen uændret. Tekst, der ligner en formel, får en apostrof "
        "foran, så Excel ikke udfører den.",
        "The files import again unchanged. Text that looks like a formula gets an apostrophe "
        "in front, so Excel never runs it.",
    ),
    "iv_reload": ("Hent igen (drop mine ændringer)", "Reload (discard my changes)"),
    "iv_save": ("Gem ændringer", "Save changes"),
    "iv_saved": ("Ændringerne er gemt.", "Your changes are saved."),
    "iv_conflict": (
        "Ikke gemt: {detail}. Dine ændringer står stadig i tabellen; tryk 'Hent igen' for at "
        "se den andens ændring, og lav så din igen.",
        "Not saved: {detail}. Your changes are still in the table; press 'Reload' to see the "
        "other change, then make yours again.",
    ),
    "iv_edit_hint": (
        "Ret direkte i cellerne, tilføj rækker nederst, eller markér rækker og slet dem. "
        "Tal skrives som du plejer (27.500); jobandele som 35 % eller 0,35. Sletning skal "
        "bekræftes. Gem, når du er færdig.",
        "Edit the cells, add rows at the bottom, or select rows and delete them. Numbers as "
        "you usually write them (27,500); job rates as 35 % or 0.35. A deletion must be "
        "confirmed. Save when you are done.",
    ),
    "iv_edit_benefit_help": (
        "Den ydelse, deltagerne ellers ville leve af. Tom: målgruppens standard i antagelserne.",
        "The benefit participants would otherwise live on. Empty: the target group's default "
        "in the assumptions.",
    ),
    "iv_edit_weeks_help": (
        "Uger på offentlig forsørgelse, når indsatsen begynder; afgør kommunens andel af "
        "ydelsen. Tom: målgruppens standard i antagelserne.",
        "Weeks on public benefit when the intervention starts; sets the kommune's share of the "
        "benefit. Empty: the target group's default in the assumptions.",
    ),
    "iv_edit_persistence_help": (
        "Andelen af mer-effekten, der stadig er der et år senere (0 til 1). Tom: antagelsen.",
        "The share of the extra effect still there a year later (0 to 1). Empty: the assumption.",
    ),
    "iv_edit_mandatory_help": (
        "Sæt flueben, hvis kommunen skal give indsatsen efter loven.",
        "Tick if the law obliges the kommune to provide it.",
    ),
    "iv_benefit_kontanthjaelp": ("Kontanthjælp", "Cash benefit (kontanthjælp)"),
    "iv_benefit_uddannelseshjaelp": ("Uddannelseshjælp", "Education benefit (uddannelseshjælp)"),
    "iv_benefit_sygedagpenge": ("Sygedagpenge", "Sickness benefit (sygedagpenge)"),
    "iv_benefit_dagpenge": ("Dagpenge", "Unemployment benefit (dagpenge)"),
    "iv_benefit_ressourceforloeb": (
        "Ressourceforløbsydelse",
        "Rehabilitation benefit (ressourceforløbsydelse)",
    ),
    "iv_benefit_foertidspension": ("Førtidspension", "Disability pension (førtidspension)"),
    "hist_outcome_counts": (
        "deltagere {n_treatment} ({k_treatment} i job), kontrolgruppe {n_control} "
        "({k_control} i job)",
        "participants {n_treatment} ({k_treatment} in job), control group {n_control} "
        "({k_control} in job)",
    ),
    "hist_mandatory_yes": ("Ja", "Yes"),
    "hist_mandatory_no": ("Nej", "No"),
    "hist_assumptions": ("Antagelser (businesscase)", "Assumptions (budget case)"),
    "hist_title": ("Historik", "History"),
    "hist_intro": (
        "Hver ændring af en indsats: hvem, hvornår, hvilket felt, før og efter.",
        "Every change to an intervention: who, when, which field, before and after.",
    ),
    "hist_empty": (
        "Ingen ændringer endnu. Når nogen importerer eller retter, står det her.",
        "No changes yet. When someone imports or edits, it shows here.",
    ),
    "hist_restore": ("Gendan slettet indsats", "Restore a deleted intervention"),
    "hist_restore_button": ("Gendan", "Restore"),
    "hist_restored": ("{name} er gendannet.", "{name} is restored."),
    "hist_action_insert": ("oprettet", "added"),
    "hist_action_update": ("rettet", "changed"),
    "hist_action_delete": ("slettet", "deleted"),
    "hist_action_restore": ("gendannet", "restored"),
    "hist_at": ("Tidspunkt", "Time"),
    "hist_user": ("Bruger", "User"),
    "hist_action": ("Handling", "Action"),
    "hist_field": ("Felt", "Field"),
    "hist_whole_record": ("Hele indsatsen", "The whole intervention"),
    "iv_delete_warning": (
        "Du er ved at slette {count} indsats(er): {names}. De kan hentes tilbage under Historik.",
        "You are about to delete {count} intervention(s): {names}. They can be restored under "
        "History.",
    ),
    "iv_delete_confirm": (
        "Ja, slet {count} indsats(er), når jeg gemmer",
        "Yes, delete {count} intervention(s) when I save",
    ),
    "iv_edit_share_help": (
        "En andel: 47 % eller 0,47.",
        "A share: 47 % or 0.47.",
    ),
    "iv_edit_number_help": (
        "Kroner som du plejer at skrive dem: 260.000 eller 260000.",
        "Kroner as you usually write them: 260,000 or 260000.",
    ),
    "hist_old": ("Før", "Before"),
    "hist_new": ("Efter", "After"),
}

TEXTS.update(
    {
        "col_outcome_records": (
            "Udfaldsdata (deltagere og kontrol)",
            "Outcome records (participants and controls)",
        ),
    }
)
