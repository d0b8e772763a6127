"""The project's own errors: what the user did wrong, and what went wrong otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from viften.model.messages import Message


class ViftenError(Exception):
    """A failure the user can act on; its message says what to do. CLI exit code 1."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, placed as a spreadsheet shows it.

    `viften.present.messages.problem_text` writes it in the reader's language:
    `row 2, column Målgruppe: ...` or `række 2, kolonne Målgruppe: ...`.
    """

    row: int
    """Spreadsheet row number: the header is row 1, the first data row is row 2."""
    column: str
    """The column as the file names it."""
    message: Message


class BadInput(ViftenError):
    """Input that cannot be used as it is. CLI exit code 2; nothing was written.

    The message is a `Message` where the words are the catalogue's, or plain text where
    they are not (yet); `viften.present.messages.error_lines` renders either.
    """

    def __init__(
        self,
        message: str | Message,
        problems: list[Problem] | None = None,
        total: int | None = None,
    ) -> None:
        self.message = message
        self.problems = problems or []
        self.total = max(total or 0, len(self.problems))
        """Problems found in all; more than `problems` where only the first are listed."""
        super().__init__(str(message))
