"""Reading the contract files of `invest --contract FILE`: JSON, one contract or a list.

Why this module exists: a contract file is typed by hand or written by a script, so every
problem is said plainly and names the field (`model.invest.parse_contract`); a file that is
not JSON at all says where it breaks.
"""

from __future__ import annotations

import json
from typing import Any

from viften.model import invest
from viften.model.errors import BadInput
from viften.model.messages import Message


def read_json(data: bytes, file_name: str) -> Any:
    """The JSON value of a file (UTF-8, with or without BOM); BadInput where it is not JSON."""
    try:
        text = data.decode("utf-8-sig")
        return json.loads(text)
    except UnicodeDecodeError as error:
        detail = f"not UTF-8 text (byte {error.start})"
    except json.JSONDecodeError as error:
        detail = f"{error.msg}, line {error.lineno}, column {error.colno}"
    raise BadInput(
        Message.of("invest_error_not_json", file=("text", file_name), detail=("text", detail))
    )


def read_contracts(data: bytes, file_name: str) -> tuple[list[invest.Contract], list[Any]]:
    """The contracts of a file, in order, and the raw JSON items (for the unused keys)."""
    value = read_json(data, file_name)
    items = value if isinstance(value, list) else [value]
    return invest.parse_contracts(items), items
