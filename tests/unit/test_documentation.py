"""A command, an option or a setting that the README does not mention is a bug."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from viften import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for name, sub in action.choices.items():
            found[name] = sub
    return found


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_its_options_are_in_the_readme(name: str) -> None:
    assert f"python -m viften {name}" in README
    for action in _commands()[name]._actions:
        for option in action.option_strings:
            if option.startswith("--") and option not in ("--help",):
                assert option in README, f"{name} {option}"


@pytest.mark.parametrize(
    "variable",
    sorted(
        set(
            re.findall(
                r"VIFTEN_[A-Z_]+",
                "".join(p.read_text() for p in (Path(cli.__file__).parent).rglob("*.py")),
            )
        )
    ),
)
def test_every_environment_variable_is_in_the_readme(variable: str) -> None:
    assert variable in README
