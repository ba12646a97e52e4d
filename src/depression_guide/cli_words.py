"""The command-line parser's own words in the run's language: click's error
messages and the --help pages (headings, our help texts, click's notes).

typer 0.29 vendors its own click, whose messages are f-strings made where the
error is raised (not translatable at the source), and whose help headings go
through `gettext.gettext`, the process-wide domain, which reads the language
from the environment rather than from our Settings. So the supported route is
ours:

- an error is read by its exception class and a strict pattern over its
  English text (`in_our_words`); anything not understood stays in English;
- the help pages are drawn by `WordsFormatter` (headings, "Usage:", the
  "[default: ...]" notes, and every help text looked up in our catalog,
  context HELP, by its English text; `tools/catalogs.py` extracts them from
  the command tree with `help_messages`);
- `WordsGroup` gives every command that formatter, and each subcommand its
  translated one-line summary.

In English nothing here changes a word (docs/cli.md is the check), and
nothing is looked up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup

from depression_guide import strings as S
from depression_guide.text_safety import cells, isolate_lines, wrap

HELP = "HELP"  # the catalog context of the commands' help texts


def english() -> bool:
    return S.lang == "en"


def right_to_left() -> bool:
    from depression_guide.languages import RIGHT_TO_LEFT

    return S.lang in RIGHT_TO_LEFT


def help_text(text: str) -> str:
    """One help paragraph in the run's language (its spaces as the catalog has them)."""
    if english() or not text.strip():
        return text
    return S.dynamic(HELP, " ".join(text.split()))


# --- error messages --------------------------------------------------------------

# Each kind of click error: its class's name, a strict pattern over its English
# message, and how to say it again. The values in it (a name, what was typed)
# are passed on as they are.
_NOT_ONE_OF = re.compile(r"(.+) is not one of (.+)\.")


def _missing(m: re.Match[str]) -> str | None:
    template = {"argument": S.MISSING_ARGUMENT, "option": S.MISSING_OPTION}.get(m[1])
    return template.format(name=m[2]) if template else None


def _no_such_option(m: re.Match[str]) -> str:
    text = S.NO_SUCH_OPTION.format(name=m[1])
    return f"{text} {S.POSSIBLE_OPTIONS.format(options=m[2])}" if m[2] else text


def _no_such_command(m: re.Match[str]) -> str:
    text = S.NO_SUCH_COMMAND.format(name=m[1])
    return f"{text} {S.DID_YOU_MEAN.format(names=m[2])}" if m[2] else text


def _invalid(m: re.Match[str]) -> str | None:
    inner = _NOT_ONE_OF.fullmatch(m[2])
    if inner is None:
        return None  # a problem we can't say again: all of it stays English
    problem = S.NOT_ONE_OF.format(value=inner[1], choices=inner[2])
    return S.INVALID_VALUE.format(name=m[1], problem=problem)


def _extra(m: re.Match[str]) -> str:
    return S.plural("EXTRA_ARGUMENTS", len(m[1].split()), arguments=m[1])


_KINDS: dict[str, list[tuple[re.Pattern[str], Any]]] = {
    "MissingParameter": [(re.compile(r"Missing (argument|option) (.+)\."), _missing)],
    "NoSuchOption": [
        (re.compile(r"No such option: (\S+)(?: \(Possible options: (.+)\))?"), _no_such_option)
    ],
    "BadOptionUsage": [
        (
            re.compile(r"Option ('[^']+') requires an argument\."),
            lambda m: S.OPTION_NEEDS_VALUE.format(name=m[1]),
        ),
        (
            re.compile(r"Option ('[^']+') does not take a value\."),
            lambda m: S.OPTION_TAKES_NO_VALUE.format(name=m[1]),
        ),
    ],
    "BadParameter": [(re.compile(r"Invalid value for (.+?): (.+)", re.S), _invalid)],
    "UsageError": [
        (re.compile(r"No such command ('[^']+')\.(?: Did you mean (.+)\?)?"), _no_such_command),
        (re.compile(r"Got unexpected extra argument\(s\) \((.+)\)"), _extra),
        (re.compile(r"Missing command\."), lambda m: S.MISSING_COMMAND),
    ],
}


def in_our_words(error: Any) -> str:
    """A click error's message in the run's language, or its English if the
    kind or the words are not ones we know (never a guess)."""
    message: str = error.format_message()
    if english():
        return message
    # The most specific class first: MissingParameter is also a BadParameter.
    for cls in type(error).__mro__:
        for pattern, say in _KINDS.get(cls.__name__, []):
            match = pattern.fullmatch(message)
            if match is not None:
                said = say(match)
                return said if said is not None else message
        if cls.__name__ in _KINDS:
            break  # known kind, unknown words: English
    return message


# --- help pages ------------------------------------------------------------------

_HEADINGS = {"Arguments": "HELP_ARGUMENTS", "Options": "HELP_OPTIONS", "Commands": "HELP_COMMANDS"}
# What typer adds after an option's help: "  [default: text]", "[env var: X]", "[required]".
_NOTE = re.compile(r"\s*\[(default|env var): ([^\]]*)\]|\s*\[(required)\]")
_NOTES = re.compile(rf"(?:{_NOTE.pattern})+$")


def _row_help(text: str) -> str:
    """An option's help and its notes, each in the run's language."""
    notes = _NOTES.search(text)
    body = text[: notes.start()] if notes else text
    said = [help_text(body)] if body.strip() else []
    for note in _NOTE.finditer(notes[0] if notes else ""):
        if note[1] == "default":
            said.append(f"[{S.HELP_DEFAULT.format(value=note[2])}]")
        elif note[1] == "env var":
            said.append(f"[{S.HELP_ENV_VAR.format(name=note[2])}]")
        else:
            said.append(f"[{S.HELP_REQUIRED}]")
    return "  ".join(said)


def _paragraphs(text: str) -> Iterator[str]:
    """A help text's paragraphs; a '\\b' block (examples) is kept as written."""
    for paragraph in re.split(r"\n\s*\n", text):
        yield paragraph if paragraph.lstrip().startswith("\b") else help_text(paragraph)


class WordsFormatter(HelpFormatter):
    """click's help formatter, saying its words in the run's language and
    wrapping by display cells (a Chinese character takes two)."""

    def getvalue(self) -> str:
        # Right to left: flags and numbers keep their order ("--force", not "force--").
        text = super().getvalue()
        return isolate_lines(text) if right_to_left() else text

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, S.USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        name = _HEADINGS.get(heading)
        super().write_heading(getattr(S, name) if name else heading)

    def write_text(self, text: str) -> None:
        if english():
            return super().write_text(text)
        indent = " " * self.current_indent
        for index, paragraph in enumerate(_paragraphs(text)):
            if index:
                self.write("\n")
            if paragraph.lstrip().startswith("\b"):
                lines = paragraph.split("\n")[1:]
                self.write("".join(f"{indent}{line}\n" for line in lines))
                continue
            for line in wrap(paragraph, self.width, indent, indent):
                self.write(line + "\n")

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        if english():
            return super().write_dl(rows, col_max, col_spacing)
        rows = [(first, _row_help(second)) for first, second in rows]
        first_col = min(max(cells(first) for first, _ in rows), col_max) + col_spacing
        room = max(self.width - first_col - 2, 10)
        margin = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cells(first)))
            else:
                self.write("\n" + margin)
            lines = wrap(second, room)
            self.write(lines[0] + "\n")
            self.write("".join(f"{margin}{line}\n" for line in lines[1:]))


class WordsContext(Context):
    formatter_class = WordsFormatter


def in_words(command: Any) -> Any:
    """A command (and, for a group, its subcommands) drawn by WordsFormatter,
    each subcommand's one-line summary in the run's language."""
    if command is None or english():
        return command
    command.context_class = WordsContext
    for sub in getattr(command, "commands", {}).values():
        if sub.short_help is None and sub.help:
            sub.short_help = help_text(sub.get_short_help_str(10**6))
        in_words(sub)
    return command


class WordsGroup(TyperGroup):
    """A typer group whose help (and its commands' help) is in the run's language."""

    context_class = WordsContext

    def get_command(self, ctx: Any, name: str) -> Any:
        return in_words(super().get_command(ctx, name))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        in_words(self)
        super().format_commands(ctx, formatter)


def help_messages(root: Any) -> Iterator[str]:
    """Every help text of a command tree, as `help_text` looks it up (for the catalogs)."""
    seen: set[str] = set()

    def each(command: Any) -> Iterator[str]:
        texts = [*re.split(r"\n\s*\n", command.help or "")]
        if getattr(command, "help", None):
            texts.append(command.get_short_help_str(10**6))
        texts += [getattr(param, "help", None) or "" for param in command.params]
        for text in texts:
            key = " ".join(text.split())
            if key and not text.lstrip().startswith("\b") and key not in seen:
                seen.add(key)
                yield key
        for sub in getattr(command, "commands", {}).values():
            yield from each(sub)

    yield from each(root)
    yield "Show this message and exit."  # click's help option, made when asked for
