"""Words for signing in and out, the roles, the Brugere page and the backup."""

TEXTS: dict[str, tuple[str, str]] = {
    "page_users": ("Brugere", "Users"),
    "acc_role_viewer": ("læser", "viewer"),
    "acc_role_editor": ("redaktør", "editor"),
    "acc_role_admin": ("administrator", "admin"),
    "acc_sign_in_heading": ("Log ind", "Sign in"),
    "acc_signed_in_heading": ("Logget ind: {name}", "Signed in: {name}"),
    "acc_name": ("Brugernavn", "User name"),
    "acc_password": ("Adgangskode", "Password"),
    "acc_sign_in": ("Log ind", "Sign in"),
    "acc_sign_out": ("Log ud", "Sign out"),
    "acc_signed_in_as": (
        "Logget ind som {name} ({role}).",
        "Signed in as {name} ({role}).",
    ),
    "acc_viewer_note": (
        "Alle kan se data uden at logge ind. Log ind for at rette (redaktør) eller styre "
        "brugere (administrator).",
        "Anyone can see the data without signing in. Sign in to edit (editor) or to manage "
        "users (admin).",
    ),
    "acc_failed": (
        "Forkert brugernavn eller adgangskode. Prøv igen.",
        "Wrong user name or password. Try again.",
    ),
    "acc_locked": (
        "Kontoen er låst efter for mange forkerte forsøg. Prøv igen efter kl. {time}, eller "
        "bed en administrator om en ny adgangskode.",
        "The account is locked after too many failed attempts. Try again after {time}, or ask "
        "an admin for a new password.",
    ),
    "acc_bootstrap": (
        "Du er logget ind med opstartsadgangskoden ({variable}) som midlertidig "
        "administrator. Opret den første administrator på siden Brugere; derefter virker "
        "opstartsadgangskoden ikke længere, og du logger ind med den nye konto.",
        "You are signed in with the bootstrap password ({variable}) as a temporary admin. "
        "Create the first admin on the Users page; after that the bootstrap password no "
        "longer works, and you sign in with the new account.",
    ),
    "acc_nobody_can_sign_in": (
        "Der er ingen brugere endnu. En administrator oprettes med "
        "`python -m viften user add NAVN --role admin`, eller ved at sætte miljøvariablen "
        "{variable} og logge ind med den.",
        "There are no users yet. Create an admin with "
        "`python -m viften user add NAME --role admin`, or set the environment variable "
        "{variable} and sign in with it.",
    ),
    "acc_oidc_sign_in": ("Log ind med organisationens konto", "Sign in with your organisation"),
    "acc_session_ended": (
        "Du er logget ud (for længe uden brug, eller kontoen er ændret). Log ind igen.",
        "You were signed out (unused for too long, or the account changed). Sign in again.",
    ),
    # the Brugere page
    "users_title": ("Brugere", "Users"),
    "users_intro": (
        "Her styrer administratorer, hvem der kan logge ind, og hvad de må: en læser ser "
        "data, en redaktør retter indsatser, resultater, scenarier og antagelser, og en "
        "administrator styrer også brugere og sikkerhedskopier. Adgangskoder gemmes kun som "
        "et langsomt, saltet hash.",
        "Here admins manage who can sign in and what they may do: a viewer sees the data, an "
        "editor edits interventions, outcomes, scenarios and assumptions, and an admin also "
        "manages users and backups. Passwords are stored only as a slow, salted hash.",
    ),
    "users_admins_only": (
        "Kun en administrator kan styre brugere. Log ind som administrator i sidepanelet.",
        "Only an admin can manage users. Sign in as an admin in the sidebar.",
    ),
    "users_none": ("Der er ingen brugere endnu.", "There are no users yet."),
    "users_col_name": ("Navn", "Name"),
    "users_col_role": ("Rolle", "Role"),
    "users_col_created": ("Oprettet", "Created"),
    "users_col_locked": ("Låst til", "Locked until"),
    "users_add_heading": ("Tilføj en bruger", "Add a user"),
    "users_role": ("Rolle", "Role"),
    "users_password_again": ("Adgangskode igen", "Password again"),
    "users_add_button": ("Tilføj bruger", "Add user"),
    "users_added": ("{name} er tilføjet som {role}.", "{name} was added as {role}."),
    "users_passwords_differ": (
        "De to adgangskoder er ikke ens.",
        "The two passwords are not the same.",
    ),
    "users_change_heading": ("Ret en bruger", "Change a user"),
    "users_pick": ("Bruger", "User"),
    "users_role_button": ("Skift rolle", "Change role"),
    "users_role_changed": ("{name} er nu {role}.", "{name} is now {role}."),
    "users_new_password": ("Ny adgangskode", "New password"),
    "users_password_button": ("Sæt ny adgangskode", "Set new password"),
    "users_password_set": (
        "{name} har fået en ny adgangskode (og en eventuel lås er fjernet).",
        "{name} has a new password (and any lock is lifted).",
    ),
    "users_remove_confirm": ("Ja, fjern {name}", "Yes, remove {name}"),
    "users_remove_button": ("Fjern bruger", "Remove user"),
    "users_removed": ("{name} er fjernet.", "{name} was removed."),
    "users_backup_heading": ("Sikkerhedskopi", "Backup"),
    "users_backup_postgres": (
        "Databasen er en PostgreSQL-database. Tag sikkerhedskopier og gendan dem med "
        "PostgreSQL's egne værktøjer, `pg_dump` og `pg_restore` (se README, \"PostgreSQL and "
        'several app servers"): viften laver kun sikkerhedskopier af en DuckDB-fil.',
        "The database is a PostgreSQL database. Back it up and restore it with PostgreSQL's "
        'own tools, `pg_dump` and `pg_restore` (see the README, "PostgreSQL and several app '
        'servers"): viften itself backs up only a DuckDB file.',
    ),
    "users_backup_intro": (
        "En sikkerhedskopi er hele databasen i én fil (også brugerne og deres hash), taget "
        "på ét øjeblik, også mens andre retter. Gendan den med "
        "`python -m viften restore FIL`.",
        "A backup is the whole database in one file (the users and their hashes too), taken "
        "at one moment, also while others edit. Restore it with "
        "`python -m viften restore FILE`.",
    ),
    "users_backup_make": ("Lav sikkerhedskopi", "Make a backup"),
    "users_backup_download": ("Hent sikkerhedskopien ({size})", "Download the backup ({size})"),
    "users_restore_heading": ("Gendan en sikkerhedskopi", "Restore a backup"),
    "users_restore_intro": (
        "Erstatter hele databasen med sikkerhedskopien, alt eller intet. Ændringer efter "
        "sikkerhedskopien går tabt, også brugere. En fil, der ikke er en viften-database, "
        "ændrer intet.",
        "Replaces the whole database with the backup, all or nothing. Changes made after the "
        "backup are lost, users too. A file that is not a viften database changes nothing.",
    ),
    "users_restore_file": ("Sikkerhedskopi (.duckdb)", "Backup (.duckdb)"),
    "users_restore_confirm": (
        "Ja, erstat hele databasen med denne fil",
        "Yes, replace the whole database with this file",
    ),
    "users_restore_button": ("Gendan", "Restore"),
    "users_restored": (
        "Databasen er gendannet fra {name}.",
        "The database was restored from {name}.",
    ),
    # errors of the accounts' actions
    "users_err_empty_name": ("Brugernavnet er tomt.", "The user name is empty."),
    "users_err_long_name": (
        "Brugernavnet er længere end {limit} tegn.",
        "The user name is longer than {limit} characters.",
    ),
    "users_err_role": (
        "{role} er ikke en rolle: brug viewer, editor eller admin.",
        "{role} is not a role: use viewer, editor or admin.",
    ),
    "users_err_empty_password": ("Adgangskoden er tom.", "The password is empty."),
    "users_err_exists": (
        "Der findes allerede en bruger med navnet {name}.",
        "There is an account named {name} already.",
    ),
    "users_err_missing": (
        "Der findes ingen bruger med navnet {name}.",
        "There is no account named {name}.",
    ),
    "users_err_remove_yourself": (
        "Du kan ikke fjerne din egen konto; det kan en anden administrator.",
        "You cannot remove your own account; another admin can.",
    ),
    "users_err_demote_yourself": (
        "Du kan ikke tage administratorrollen fra dig selv; det kan en anden administrator.",
        "You cannot take the admin role from yourself; another admin can.",
    ),
}
