"""`invest --contract FILE [--assumptions FILE] [--municipality M] --json`: the figures of
outcome contracts (interface.md, "Social investments"), one JSON object per contract.

FILE holds one contract or a list of them; stdout is always a JSON array. A field the
contract does not use is named on stderr (not an error: a stored case carries more).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from viften.model.errors import BadInput


def run(args: argparse.Namespace) -> int:
    from viften.actions import database, investments, settings
    from viften.cli.commands.case import origin_of, read_overrides
    from viften.files import investments as contract_files
    from viften.model import invest
    from viften.model.messages import Message
    from viften.present.messages import render

    source = Path(args.contract)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise BadInput(f"--contract: cannot read {source}: {error.strerror}") from error
    contracts, items = contract_files.read_contracts(data, source.name)
    for position, (contract, item) in enumerate(zip(contracts, items, strict=True), start=1):
        unused = invest.unknown_keys(item)
        if unused:
            warning = Message.of(
                "invest_warning_unknown",
                contract=("count", position),
                name=("quoted", contract.name),
                fields=("names", unused),
            )
            print(f"warning: {render(warning, 'en')}", file=sys.stderr)
    overrides = read_overrides(args.assumptions)
    path = database.ready(args.db)
    figures = investments.evaluate(
        path, contracts, overrides, args.municipality, origin=origin_of(args.assumptions)
    )
    rows = investments.records(figures, settings.municipality_setting(path))
    sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return 0
