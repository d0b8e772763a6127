"""Messages of the core are a key and values, written in the reader's language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import viften
from viften.files import interventions as importer
from viften.model.errors import BadInput, Problem
from viften.model.messages import Message
from viften.present.messages import error_lines, problem_text, render
from viften.present.texts import files as file_texts

PACKAGE = Path(viften.__file__).parent
BAD_TARGET_GROUP = (
    "navn;Målgruppe;pris pr. deltager;jobandel;evidens\r\nMentor;ukendt;45000;35 %;2\r\n"
).encode()


def _problem() -> Problem:
    with pytest.raises(BadInput) as caught:
        importer.parse(BAD_TARGET_GROUP, "fil.csv", default_year=2026)
    (problem,) = caught.value.problems
    return problem


def test_a_problem_in_english_reads_as_the_command_prints_it() -> None:
    assert problem_text(_problem(), "en") == (
        "row 2, column Målgruppe: 'ukendt' is not one of closer, further or cross "
        "(tættere på, længere væk, tværgående)"
    )


def test_the_same_problem_in_danish_reads_danish() -> None:
    assert problem_text(_problem(), "da") == (
        "række 2, kolonne Målgruppe: 'ukendt' er ikke en af tættere på, længere væk eller "
        "tværgående (closer, further, cross)"
    )


def test_a_number_as_written_takes_a_decimal_comma_in_danish() -> None:
    message = Message.of("cell_not_positive", value=("figure", -1.5))
    assert (render(message, "en"), render(message, "da")) == (
        "-1.5 must be more than 0",
        "-1,5 skal være mere end 0",
    )


def test_more_problems_than_listed_are_counted_in_either_language() -> None:
    error = BadInput(
        Message.of("iv_no_rows"), [Problem(2, "navn", Message.of("iv_no_rows"))], total=3
    )
    assert error_lines(error, "en")[-1] == (
        "... and 2 more problem(s) (3 in all); nothing was imported"
    )
    assert error_lines(error, "da")[-1] == "... og 2 fejl mere (3 i alt); intet er gemt"


def test_an_error_without_problems_is_its_message_and_plain_text_stays_as_it_is() -> None:
    assert error_lines(BadInput(Message.of("files_binary")), "da") == [
        "filen indeholder binære data, ikke CSV-tekst; brug en .csv- eller .xlsx-fil"
    ]
    assert error_lines(BadInput("--budget: not a number"), "da") == ["--budget: not a number"]


def test_every_file_text_has_the_same_placeholders_in_both_languages() -> None:
    def placeholders(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    different = [
        key
        for key, (danish, english) in file_texts.TEXTS.items()
        if placeholders(danish) != placeholders(english)
    ]
    assert different == []


def test_the_model_never_imports_the_present_layer() -> None:
    offenders = []
    for path in sorted((PACKAGE / "model").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("viften.present")]
    assert offenders == []


def test_a_sentence_on_screen_names_a_dozen_and_counts_the_rest() -> None:
    """At national size a note would list hundreds of interventions in one paragraph; the
    command line's plain text keeps them all."""
    from viften.present import messages

    names = [f"Indsats *{n}*" for n in range(400)]
    note = Message("budget_msg_mandatory_kept", (("names", "names", names),))
    shown = render(note, "da", markdown=True)
    assert "Indsats \\*11\\*" in shown and "Indsats \\*12\\*" not in shown
    assert f"og {400 - messages.NAMES_SHOWN} flere" in shown
    assert "and 388 more" in render(note, "en", markdown=True)
    assert all(name in render(note, "da") for name in names)
    few = Message("budget_msg_mandatory_kept", (("names", "names", names[:3]),))
    assert "flere" not in render(few, "da", markdown=True)


def test_a_sentence_for_a_slide_names_a_dozen_in_plain_text() -> None:
    names = [f"Indsats *{n}*" for n in range(30)]
    note = Message("budget_msg_mandatory_kept", (("names", "names", names),))
    slide = render(note, "da", brief=True)
    assert "Indsats *11*" in slide and "Indsats *12*" not in slide
    assert "og 18 flere" in slide
    assert "\\*" not in slide  # plain text: nothing escaped for Markdown
    assert "Indsats \\*29\\*" in render(note, "da", markdown=True, brief=False)
