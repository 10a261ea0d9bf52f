"""Problems found in the data, and the report a clerk reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one line of one file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataProblems(Exception):
    """Raised when the data cannot be published; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The portal's data has {count} {noun}. Nothing has been published.", ""]
        lines += [str(problem) for problem in self.problems]
        lines += ["", "Fix each line above in the file it names. " + check_again("make validate")]
        return "\n".join(lines)


def check_again(command: str) -> str:
    """How to run a check again, for a clerk in GitHub's web editor and for one on a computer."""
    return (
        "In GitHub's web editor, commit the fixes to the same branch and the checks run again by themselves; "
        f"on a computer with the project, run: {command}"
    )


def one_line(value: object) -> str:
    """A value from the data as a message shows it: a line break or any other control character
    written visibly (as \\n, \\t …), so that the message stays on its one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(value))
