"""The rules a translation keeps, so that it can't change a number or hide a help line.

- Every number, phone number, URL, DOI, reference marker and command (with its
  option ids) in a translated field appears exactly as in its English, and no
  other number appears; numbers are written in ASCII digits (no full-width or
  Arabic-Indic digits, which a reader could not dial or compare).
- The crisis lines, the safety notes, the disclaimer and the draft notice are
  translated in every language offered (a stale one shows English: a notice).
- Interface strings keep their placeholders ({name}) and markup.
- Stale, missing and orphaned fields are counted: coverage per language and file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from depression_guide.content import translations as tr
from depression_guide.errors import ContentError

if TYPE_CHECKING:
    from depression_guide.content import Content

# What must pass through a translation unchanged, each kind its own pattern.
URL = re.compile(
    r"https?://[^\s)\]>,;]+|\b(?:[a-z0-9-]+\.)+(?:org|com|net|gov|edu|au|uk|ca|nz|ie)(?:\.[a-z]{2})?(?:/[^\s)\]>,;]*)?\b",
    re.I,
)
DOI = re.compile(r"\b10\.\d{4,9}/[^\s)\]>,;]+")
MARKER = re.compile(r"\[\d+(?:, \d+)*\]")
# A command is "depression-guide", then a flag or one of its commands, then the
# command's words ("depression-guide show culture"). Only a real command or flag
# starts one, so prose that names the program ("depression-guide is a decision
# aid") keeps just the name (test_the_command_list_is_the_programs).
COMMANDS = (
    "about", "check", "compare", "config", "crisis", "decide", "explore", "quiz",
    "references", "show", "topics", "validate",
)  # fmt: skip
COMMAND = re.compile(
    rf"depression-guide(?: (?:--?[a-z][a-z-]*|(?:{'|'.join(COMMANDS)})\b)"
    r"(?: (?:--?)?[a-z0-9][a-z0-9-]*)*)?"
)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MARKUP = re.compile(r"\[/?[a-z][a-z ]*\]|</?[a-z][^>]*>|--[a-z][a-z-]*")
# A number: digits, with the separators of phone numbers and decimals inside
# ("13 11 14", "1-800-668-6868", "52,702", "0.79", "24/7").
NUMBER = re.compile(r"\d+(?:[ ,.:/-]\d+)*")


def other_digits(text: str) -> list[str]:
    """Digits that are not ASCII (full-width ３, Arabic-Indic ٣, ...)."""
    return sorted(
        {ch for ch in text if unicodedata.decimal(ch, None) is not None and not ch.isascii()}
    )


def tokens(text: str) -> Counter[str]:
    """What a translation must keep exactly: commands, URLs, DOIs, markers, numbers."""
    found: Counter[str] = Counter()
    rest = text
    for pattern, kind in ((COMMAND, "command"), (DOI, "DOI"), (URL, "URL"), (MARKER, "marker")):
        for match in pattern.finditer(rest):
            found[f"{kind} {match.group()}"] += 1
        rest = pattern.sub(" ", rest)
    for match in NUMBER.finditer(rest):
        found[f"number {match.group()}"] += 1
    return found


def token_problems(english: str, translated: str) -> list[str]:
    """How a translated text differs from its English in what must not change."""
    problems = []
    odd = other_digits(translated)
    if odd:
        problems.append(f"uses digits {' '.join(odd)}: write numbers in ASCII digits (0-9)")
    want, got = tokens(english), tokens(translated)
    for token in sorted(want - got):
        problems.append(f"lost {token} (the English has it {want[token]} time(s))")
    for token in sorted(got - want):
        problems.append(f"adds {token}, which the English does not have")
    return problems


def template_problems(english: str, translated: str) -> list[str]:
    """An interface string's placeholders and markup, kept exactly."""
    problems = token_problems(english, translated)
    for pattern, kind in ((PLACEHOLDER, "placeholder"), (MARKUP, "markup")):
        want = Counter(pattern.findall(english))
        got = Counter(pattern.findall(translated))
        problems += [f"lost {kind} {t}" for t in sorted(want - got)]
        problems += [f"adds {kind} {t}" for t in sorted(got - want)]
    return problems


# Fields that are safety lines: they must be translated in every language offered.
def is_safety_field(relative: str, path: str) -> bool:
    if relative == "crisis.yaml":
        return True
    last = path.rsplit(".", 1)[-1]
    if last == "safety_note":
        return True
    return relative == "explore.yaml" and path.startswith("questions.risk_now.")


# Interface strings that are safety lines (strings.py constant names).
SAFETY_STRINGS = (
    "DRAFT_TITLE", "DRAFT_NOTICE", "INTERPRETER_AU", "CRISIS_IN_ENGLISH",
    "CRISIS_IN_ENGLISH_AU", "DISCLAIMER", "SEE_A_PROFESSIONAL", "HELP_IS_AVAILABLE",
    "IF_YOU_NEED_HELP", "IF_YOU_NEED_HELP_NOW", "CALL", "TEXT", "SUPPORT", "AT_RISK",
    "THANK_YOU", "THANKS", "WHERE_TO_GET_HELP", "HELP_NEAR_YOU", "PHQ9_IN_ENGLISH",
    "PHQ9_THOUGHTS", "CRISIS_TITLE",
)  # fmt: skip


@dataclass
class LanguageReport:
    """One language of one content set: problems, notices and coverage per file."""

    lang: str
    files: dict[str, tr.Coverage] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(c.total for c in self.files.values())

    @property
    def current(self) -> int:
        return sum(len(c.current) for c in self.files.values())

    @property
    def percent(self) -> int:
        # Rounded down: 100 only when every field is translated (903 of 904 is 99).
        return 100 * self.current // self.total if self.total else 100


def english_files(content: Content) -> list[str]:
    """The content's own files (not its translations), as relative paths."""
    if content.snapshot is not None:
        keys = sorted(content.snapshot)
    else:
        keys = sorted(p.relative_to(content.root).as_posix() for p in content.root.rglob("*.yaml"))
    return [key for key in keys if not key.startswith(f"{tr.I18N}/")]


def offered_languages(content: Content) -> list[str]:
    """The languages a content set carries translations for (its i18n/ folders)."""
    if content.snapshot is not None:
        return sorted(
            {key.split("/")[1] for key in content.snapshot if key.startswith(f"{tr.I18N}/")}
        )
    folder = content.root / tr.I18N
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def _entry_problems(name: str, translation: Any, lang: str) -> list[ContentError]:
    if not isinstance(translation, dict):
        return [ContentError(name, "(top level)", "expected a mapping of keys to values")]
    problems = []
    if translation.get("schema_version") != tr.SCHEMA_VERSION:
        problems.append(ContentError(name, "schema_version", f"expected {tr.SCHEMA_VERSION}"))
    if translation.get("language") != lang:
        problems.append(ContentError(name, "language", f"expected '{lang}' (the folder's name)"))
    allowed = {"schema_version", "language", "status", "checked_by", "checked_on", "fields"}
    problems += [
        ContentError(name, str(key), "unknown key (check the spelling, or remove it)")
        for key in translation
        if key not in allowed
    ]
    for path, entry in tr.entries(translation).items():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("text"), str)
            and isinstance(entry.get("source_hash"), str)
            and set(entry) <= {"text", "source_hash"}
        ):
            problems.append(ContentError(name, f"fields.{path}", "expected {text, source_hash}"))
    return problems


def language_report(content: Content, lang: str) -> LanguageReport:
    """Check one language's translations of a content set, file by file."""
    report = LanguageReport(lang)
    for relative in english_files(content):
        path = content.root / relative
        try:
            english = content.parsed(path, content.name_of(path))
        except ContentError:
            continue  # the English's own problem, reported by the other checks
        other = content.name_of(content.root / tr.I18N / lang / relative)
        try:
            translation = content.translation_of(path, lang)
        except ContentError as broken:
            report.problems.append(broken)
            continue
        fields = tr.translatable(relative, english)
        if translation is not None:
            report.problems += _entry_problems(other, translation, lang)
        coverage = tr.coverage(relative, english, translation)
        if coverage.total:
            report.files[relative] = coverage
        given = tr.entries(translation)
        for key in coverage.current:
            for problem in token_problems(fields[key], given[key]["text"]):
                report.problems.append(ContentError(other, f"fields.{key}", problem))
        for key in coverage.missing:
            if is_safety_field(relative, key):
                report.problems.append(
                    ContentError(other, f"fields.{key}", "a safety line must be translated")
                )
        safety_stale = [key for key in coverage.stale if is_safety_field(relative, key)]
        if safety_stale:
            report.notices.append(
                f"{other}: {len(safety_stale)} safety line(s) changed in English since "
                f"translated; English shows until updated: {', '.join(safety_stale)}"
            )
        if coverage.orphans:
            report.notices.append(
                f"{other}: translations of fields the English no longer has: "
                + ", ".join(coverage.orphans)
            )
    return report


def catalog_problems(lang: str) -> list[ContentError]:
    """The interface's catalog of one language: safety strings there, templates kept."""
    from depression_guide import strings
    from depression_guide.catalogs import catalog_path, translations

    catalog = translations(lang)
    name = Path("src/depression_guide/locale") / catalog_path(lang).relative_to(
        catalog_path(lang).parents[2]
    )
    problems = []
    for context, english in strings.messages():
        translated = catalog.pgettext(context, english)
        if translated == english:
            if context in SAFETY_STRINGS:
                problems.append(
                    ContentError(str(name), context, "a safety line must be translated")
                )
            continue
        problems += [
            ContentError(str(name), context, problem)
            for problem in template_problems(english, translated)
        ]
    return problems
