"""The project's own errors: what the user did wrong, and what went wrong otherwise."""

from __future__ import annotations

from dataclasses import dataclass


class ViftenError(Exception):
    """A failure the user can act on; its message says what to do. CLI exit code 1."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, placed as a spreadsheet shows it."""

    row: int
    """Spreadsheet row number: the header is row 1, the first data row is row 2."""
    column: str
    """The column as the file names it."""
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class BadInput(ViftenError):
    """Input that cannot be used as it is. CLI exit code 2; nothing was written."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems = problems or []
        super().__init__(message)

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems] or [str(self)]
