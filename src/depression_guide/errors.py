"""The project's exceptions and exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (the contract in DESIGN.md)."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


class GuideError(Exception):
    """An expected problem the user can fix: shown as one or two lines, exit 2."""

    exit_code = ExitCode.USAGE

    def __init__(
        self, message: str, hint: str = "", said: tuple[str, str, dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        # Raised below strings.py (files.py): the names of its message and hint
        # templates there, and their fields, so cli.py says it in the run's
        # language. `message` and `hint` are the same words in English.
        self.said = said


class ContentError(GuideError):
    """A problem in a content file, named by file and key path."""

    def __init__(self, file: str, key: str, message: str) -> None:
        location = f"{file}: {key}: " if key else f"{file}: "
        super().__init__(
            location + message,
            hint="Fix the content file, or check it with 'depression-guide validate DIR'.",
        )
        self.file = file
        self.key = key
        self.problem = message

    def __reduce__(self) -> tuple[type[ContentError], tuple[str, str, str]]:
        # Pickled as it was made (a large pack's problems come from another
        # process: content/parallel.py), not from the message it made.
        return type(self), (self.file, self.key, self.problem)


class ContentErrors(GuideError):
    """Several content problems at once (what `validate` reports)."""

    def __init__(self, problems: list[ContentError]) -> None:
        first = problems[0].message
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            first + more,
            hint="Run 'depression-guide validate DIR' to see every problem.",
        )
        self.problems = problems


class Interrupted(Exception):
    """Ctrl-C: the person stopped the run (exit 130)."""


class ReaderGone(Exception):
    """The program reading our output closed the pipe (e.g. `| head`)."""
