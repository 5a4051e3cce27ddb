"""Definition errors: every problem names the file, the line and the question."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefinitionProblem:
    source: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        subject = f" isian '{self.field}':" if self.field else ""
        return f"{where}:{subject} {self.message}"


class FormDefinitionError(Exception):
    """A questionnaire definition that cannot be used; lists every problem found."""

    def __init__(self, problems: list[DefinitionProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Definisi formulir tidak sah ({len(problems)} masalah):\n{lines}")


class ProblemList:
    """Collects problems so that one run of the checker reports all of them."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[DefinitionProblem] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.items.append(DefinitionProblem(self.source, line, field, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise FormDefinitionError(self.items)
