"""`python -m viften`: the commands of ../shared/interface.md over the same functions the app uses.

Each command lives in `viften.cli.commands.<name>` and is imported only when it runs,
so a command pays start-up time only for what it needs. Exit codes: 0 done,
2 bad input or arguments (message on stderr), 1 anything else.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a number ≥ 0")
    return value


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"year {value} must be between 2000 and 2100")
    return value


def _stars(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value not in (1, 2, 3):
        raise argparse.ArgumentTypeError(f"stars must be 1, 2 or 3, not {value}")
    return value


def _target_group(text: str) -> str:
    from viften.files.interventions import parse_target_group

    value = parse_target_group(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a target group: use closer, further or cross"
        )
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m viften",
        description="viften: the offering fan of a jobcentre's employment interventions.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--db",
            metavar="PATH",
            help="the database: a DuckDB file, or a postgresql://user@host:port/name URL "
            "(default: $VIFTEN_DB, else data/viften.duckdb); created with the demo dataset "
            "if it does not exist (a PostgreSQL database: if it is empty)",
        )
        return sub

    init = command("init", "Create the database with the bundled demo dataset.")
    init.add_argument("--force", action="store_true", help="replace an existing database")

    imp = command(
        "import",
        "Import interventions from a CSV or XLSX file, all or nothing; "
        "rows are matched by (name, year).",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and print as JSON what the import would add, update and leave "
        "unchanged; write nothing",
    )

    lst = command("list", "List the interventions of one year with their derived figures.")
    lst.add_argument(
        "--json", action="store_true", required=True, help="print a JSON array (the only format)"
    )
    lst.add_argument("--year", type=_year, help="default: the newest year in the database")
    lst.add_argument("--target-group", type=_target_group, help="closer, further or cross")
    lst.add_argument("--min-stars", type=_stars, help="only interventions with N stars or more")
    lst.add_argument(
        "--municipality",
        metavar="M",
        help="only the interventions of municipality M (any case; default: every one)",
    )
    lst.add_argument(
        "--value-per-job",
        type=_positive_float,
        default=260000.0,
        help="kroner a job is worth a year to public finances (default 260000)",
    )
    lst.add_argument(
        "--effect-years",
        type=_positive_float,
        default=1.0,
        help="years the extra effect lasts (default 1)",
    )

    exp = command("export", "Write the interventions of one year to .csv, .xlsx or .parquet.")
    exp.add_argument("--out", required=True, metavar="FILE")
    exp.add_argument("--year", type=_year, help="default: the newest year in the database")

    alloc = command(
        "allocate",
        "The allocation of a budget that buys the most jobs, or the "
        "most net present value for the kommune or the public purse.",
    )
    alloc.add_argument("--budget", type=_positive_float, required=True, metavar="KR")
    alloc.add_argument(
        "--objective",
        choices=("net", "gross", "kommune", "public"),
        default="net",
        help="net: extra jobs over the control group (default); gross: all jobs; "
        "kommune: the kommune's net present value of the budget case (npv_kommune "
        "of `case`); public: the public purse's (npv_public). net, kommune and "
        "public give participants only where that figure is above 0",
    )
    alloc.add_argument(
        "--min-share",
        action="append",
        default=[],
        metavar="G=F",
        help="spend at least F × budget on target group G (repeatable)",
    )
    alloc.add_argument("--min-stars", type=_stars, default=1)
    alloc.add_argument("--year", type=_year)
    alloc.add_argument(
        "--assumptions",
        metavar="FILE",
        help="a JSON file whose keys override the budget case's assumptions, as "
        "for `case` (used by --objective kommune and public)",
    )
    alloc.add_argument(
        "--ignore-mandatory",
        action="store_true",
        help="drop the rule that a statutory (mandatory) intervention keeps at "
        "least its planned participants (at most its capacity)",
    )
    alloc.add_argument(
        "--assume-effects",
        action="store_true",
        help="value an intervention without a control rate by the extra effect "
        "its stars stand for (★★★ 20 %%, ★★ 10 %%, ★ 5 %% of its job rate); "
        'its items carry "assumed": true',
    )
    alloc.add_argument(
        "--municipality", metavar="M", help="only municipality M's interventions (default: all)"
    )
    alloc.add_argument(
        "--min-municipality",
        action="append",
        default=[],
        metavar="M=F",
        help="a shared pool across kommuner: spend at least F × budget on municipality M's "
        "interventions (repeatable)",
    )
    alloc.add_argument("--json", action="store_true", required=True)

    case = command(
        "case",
        "The budget case of each intervention: who gains, in which year, "
        "after the state's refunds (per participant, per payer).",
    )
    case.add_argument(
        "--json", action="store_true", required=True, help="print a JSON array (the only format)"
    )
    case.add_argument("--year", type=_year, help="default: the newest year in the database")
    case.add_argument(
        "--municipality", metavar="M", help="only municipality M's interventions (default: all)"
    )
    case.add_argument(
        "--assumptions",
        metavar="FILE",
        help="a JSON file whose keys override the year's stored assumptions (or "
        "the defaults) key by key (benefits, wage, "
        "tax_rate, municipal_tax_rate, equalisation, discount_rate, horizon, "
        "persistence, target_group_defaults, sources)",
    )

    bench = command(
        "benchmark",
        "The same kind of intervention across municipalities: each kind that at least two "
        "municipalities measured, pooled with a random-effects model (DerSimonian-Laird), "
        "and each municipality's estimate shrunken towards the pool.",
    )
    bench.add_argument("--json", action="store_true", required=True)
    bench.add_argument("--year", type=_year, help="default: the newest year in the database")
    bench.add_argument("--kind", metavar="K", help="only kind K (any case, spaces ignored)")
    bench.add_argument(
        "--municipality", metavar="M", help="only the kinds that municipality M takes part in"
    )

    demo = commands.add_parser("demo", help="Write demonstration datasets.")
    demo_commands = demo.add_subparsers(
        dest="demo_command", metavar="DATASET", parser_class=_Parser
    )
    demo_commands.required = True
    national = demo_commands.add_parser(
        "national",
        help="A national SYNTHETIC dataset: 98 kommuner, about 15.000 interventions, "
        "2.000.000 outcome records.",
        description="Write a national SYNTHETIC dataset (invented figures, real kommune "
        "names) to DIR: the interventions file, the outcome records and a README.",
    )
    national.add_argument("--out", required=True, metavar="DIR")
    national.add_argument("--seed", type=int, default=2026, help="default 2026")
    national.add_argument("--municipalities", type=_count, default=98, help="at most 98")
    national.add_argument("--interventions", type=_count, default=15_000)
    national.add_argument("--records", type=_count, default=2_000_000)

    inv = command(
        "invest",
        "The figures of social-investment outcome contracts: outlays, expected payments, "
        "deadweight, the investor's multiple, the kommune's net present value.",
    )
    inv.add_argument(
        "--contract",
        required=True,
        metavar="FILE",
        help="a JSON file with one contract or a list of them",
    )
    inv.add_argument(
        "--assumptions",
        metavar="FILE",
        help="a JSON file whose keys override the budget case's assumptions, as for `case`",
    )
    inv.add_argument(
        "--municipality",
        metavar="M",
        help="whose fan a contract's intervention is in where the contract names none "
        "(default: the database's own)",
    )
    inv.add_argument(
        "--json", action="store_true", required=True, help="print a JSON array (the only format)"
    )

    cases = command("investments", "Import and export the stored social-investment cases.")
    case_commands = cases.add_subparsers(
        dest="investments_command", metavar="ACTION", parser_class=_Parser
    )
    case_commands.required = True
    cimp = case_commands.add_parser(
        "import",
        help="Import investment cases from CSV or XLSX (one row per outcome goal), all or nothing.",
        description="Import investment cases from CSV or XLSX, all or nothing.",
    )
    cimp.add_argument("file", metavar="FILE")
    cimp.add_argument(
        "--db", metavar="PATH", help="the database: a DuckDB file or a postgresql:// URL"
    )
    cexp = case_commands.add_parser(
        "export",
        help="Write every investment case to .csv or .xlsx (Danish headers).",
        description="Write every investment case to .csv or .xlsx (Danish headers).",
    )
    cexp.add_argument("--out", required=True, metavar="FILE")
    cexp.add_argument(
        "--db", metavar="PATH", help="the database: a DuckDB file or a postgresql:// URL"
    )

    outcomes = command("outcomes", "Participant-level outcome records.")
    outcome_commands = outcomes.add_subparsers(
        dest="outcomes_command", metavar="ACTION", parser_class=_Parser
    )
    outcome_commands.required = True
    oimp = outcome_commands.add_parser(
        "import",
        help="Import outcome records from CSV or XLSX, all or nothing.",
        description="Import outcome records from CSV or XLSX, all or nothing.",
    )
    oimp.add_argument("file", metavar="FILE")
    oimp.add_argument(
        "--db", metavar="PATH", help="the database: a DuckDB file or a postgresql:// URL"
    )

    hist = command("history", "The audit trail of changes, newest first.")
    hist.add_argument("--json", action="store_true", required=True)
    hist.add_argument("--limit", type=_count)

    rev = command("revert", "Undo every change of one import, in one transaction.")
    rev.add_argument(
        "--import",
        dest="import_id",
        type=_count,
        required=True,
        metavar="ID",
        help="the import's id (`history --json` shows it as import_id)",
    )

    year = command("year", "Start a new fan year.")
    year_commands = year.add_subparsers(dest="year_command", metavar="ACTION", parser_class=_Parser)
    year_commands.required = True
    year_new = year_commands.add_parser(
        "new",
        help="Copy every intervention of one year to a year that has none.",
        description="Copy every intervention of one year to a year that has none.",
    )
    year_new.add_argument("--from", dest="from_year", type=_year, required=True, metavar="Y1")
    year_new.add_argument("--to", dest="to_year", type=_year, required=True, metavar="Y2")
    year_new.add_argument(
        "--db", metavar="PATH", help="the database: a DuckDB file or a postgresql:// URL"
    )

    report = command("report", "Build the committee deck as PowerPoint.")
    report.add_argument("--out", required=True, metavar="FILE.pptx")
    report.add_argument("--year", type=_year)
    report.add_argument("--municipality", metavar="M", help="only municipality M's interventions")

    matrix = command("matrix", "Draw the fan matrix as .png, .svg or .pdf.")
    matrix.add_argument("--out", required=True, metavar="FILE")
    matrix.add_argument("--year", type=_year)
    matrix.add_argument("--target-group", type=_target_group)
    matrix.add_argument("--municipality", metavar="M", help="only municipality M's interventions")

    user = command("user", "Accounts of the app: add, remove and list them.")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=_Parser)
    user_commands.required = True
    user_add = user_commands.add_parser(
        "add",
        help="Add an account; the password is read from standard input.",
        description="Add an account; the password is read from standard input "
        "(typed without echo on a terminal).",
    )
    user_add.add_argument("name", metavar="NAME")
    user_add.add_argument("--role", choices=("viewer", "editor", "admin"), required=True)
    user_remove = user_commands.add_parser("remove", help="Remove an account.")
    user_remove.add_argument("name", metavar="NAME")
    user_list = user_commands.add_parser("list", help="List the accounts (name and role).")
    user_list.add_argument("--json", action="store_true", required=True)
    for sub in (user_add, user_remove, user_list):
        sub.add_argument(
            "--db", metavar="PATH", help="the database: a DuckDB file or a postgresql:// URL"
        )

    backup = command("backup", "Write a consistent copy of the whole database.")
    backup.add_argument("--out", required=True, metavar="FILE")

    restore = command("restore", "Replace the database with a backup, all or nothing.")
    restore.add_argument("file", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    name = args.command
    if name == "outcomes":
        name = f"outcomes_{args.outcomes_command}"
    if name == "investments":
        name = f"investments_{args.investments_command}"
    if name == "demo":
        name = f"demo_{args.demo_command}"
    if name == "year":
        name = f"year_{args.year_command}"
    import duckdb

    from viften.model.errors import BadInput, ViftenError

    try:
        module = importlib.import_module(f"viften.cli.commands.{name}")
        return int(module.run(args))
    except BadInput as error:
        # only a refused command needs the text catalogue (babel and all)
        from viften.present.messages import error_lines

        for line in error_lines(error, "en"):
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except ViftenError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except duckdb.Error as error:
        print(f"error: the database refused the work: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted; nothing was written", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_FAILED
