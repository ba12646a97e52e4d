"""Every rule the content must keep, in one module.

Used three ways: a content pack is checked for structure when it is loaded,
`depression-guide validate DIR` runs every rule, and the tests run every rule
on the shipped content. Each problem names the file and the key path.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeVar

from depression_guide.content import link_problems, model
from depression_guide.content.model import citations
from depression_guide.content.translation_checks import LanguageReport
from depression_guide.content.yaml_io import paused_gc
from depression_guide.errors import ContentError

if TYPE_CHECKING:
    from pathlib import Path

    from depression_guide.content import Content

T = TypeVar("T")

# Downsides must be at least this long (in words) compared with benefits, so
# that positives and negatives get equal detail (IPDAS).
DOWNSIDE_RATIO = 0.7

# A number that is a finding: a percentage, "25 in 100", an effect size, a ratio.
# Every alternative starts with a digit or one of g d e h r o s (in either
# case): the look-ahead lets the search skip other characters (three times
# faster). A new alternative that starts otherwise must add its letter there
# (tests/test_check_first_looks.py compares this with the pattern without it).
STATISTIC = re.compile(
    r"(?=[\dgdehros])"
    r"(?:\d+(?:\.\d+)?\s*%|\b\d+\s+(?:in|of|out of)\s+(?:every\s+)?\d+\b|\b[gd]\s*=\s*-?\d"
    r"|\b(?:effect size|hazard ratio|risk ratio|odds ratio|SMD)\b[^.]*\d|\b95% CI\b"
    r"|\b\d+\.\d+\b|\b\d+(?:\.\d+)?\s+points?\b"
    r"|\b\d[\d,]*\s+(?:trials|studies|people|adults|participants|patients)\b)",
    re.IGNORECASE,
)
# A benefit "with a result": a number that is a finding, or the size of an
# effect in words. A statement that only says a study was done has neither.
SIZE_WORDS = re.compile(
    r"\b(?:small|moderate|large|slightly|no clear difference|about as well|"
    r"did better|did as well|helped more)\b",
    re.IGNORECASE,
)
# A glance line with two numbers sets them side by side, so it must say what
# the second is compared with (EVIDENCE.md H: a waitlist is not a dummy pill).
GLANCE_NUMBER = re.compile(r"\b\d+\s+in\s+\d+\b")
COMPARISON_WORDS = re.compile(
    r"\b(?:waitlist|waiting list|usual care|dummy|placebo|sham|switched off|with it off"
    r"|tiny dose|1 mg|compared with|without treatment|staying on|stayed on|on medicine"
    r"|social support)\b",
    re.IGNORECASE,
)
# Reading level (DESIGN.md, Option Grid): each paragraph scored on its own.
PARAGRAPH_GRADE = 8.0
# about.yaml (every text), the notes explore shows, and the PHQ-9's meanings:
# grade 10; a safety note must be read by everyone, so grade 8.
CORRECTION_GRADE = 10.0
NOTE_GRADE = 10.0
SAFETY_NOTE_GRADE = 8.0
PHQ9_MEANINGS = {"meaning", "thoughts_of_harm"}
# Names, headings and labels are exempt; so are texts too short to score.
NOT_PARAGRAPHS = {"name", "heading", "label", "title", "group", "time_frame", "outcome", "hours"}
SHORTEST_PARAGRAPH = 6  # words
# A line-folding slip ("psilocybin- assisted") and doubled words ("the the").
FOLDING_ARTEFACT = re.compile(r"\b[A-Za-z]+- [a-z]+\b")
DOUBLED_WORD = re.compile(r"\b(?!had\b)([A-Za-z]+)\s+\1\b", re.IGNORECASE)  # "had had" is fine
# DOUBLED_WORD on ASCII text made lower case: the same matches, found in half
# the time (no case folding while matching). `[A-Za-z]` with IGNORECASE also
# takes four non-ASCII letters (İ ı ſ K), so other text keeps the first form.
# ([a-z]++ never gives back a letter: a shorter word, followed by a letter,
# could not match anyway; it makes the search a third faster.)
DOUBLED_WORD_LOWER = re.compile(r"\b(?!had\b)([a-z]++)\s+\1\b")
# Australian services and numbers: only in text keyed to Australia.
# Every alternative starts with M, B, P, 0 or 1: the look-ahead lets the
# search skip other characters (ten times faster). A new alternative that
# starts otherwise must add its letter there (tests/test_checks.py tries one
# text for each).
AUSTRALIAN = re.compile(
    r"(?=[MBP01])(?:\bMedicare\b|\bMental Health Treatment Plan\b|\bBetter Access\b|\bPBS\b"
    r"|\b1[38]00 ?\d{2,3} ?\d{3,4}\b|\b13 ?\d\d ?\d\d\b|\b131 ?\d{3}\b"
    r"|(?<![\d,.])000(?!\d)|\b04\d\d ?\d{3} ?\d{3}\b)"
)
# Every text AUSTRALIAN can match contains one of these (a cheap first look).
AUSTRALIAN_HINTS = (
    "Medicare",
    "Mental Health Treatment Plan",
    "Better Access",
    "PBS",
    "13",
    "18",
    "000",
    "04",
)
# Crisis lines must have been checked within this many months of the review.
CHECKED_WITHIN_MONTHS = 12

# Wording that tells a person what to do about treatment, or breaks safe
# messaging: (why, words one of which must appear, pattern). The trigger words
# let most texts skip the regexes, which keeps validate fast on big packs.
WORDING_RULES: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...] = tuple(
    (why, frozenset(words.split()), re.compile(pattern, re.IGNORECASE))
    for why, words, pattern in (
        (
            "tells the reader what to do",
            "should must need",
            r"\byou (?:should|must|need to) (?:take|start|stop|try|use|switch|change|begin|quit)\b",
        ),
        ("tells the reader to stop a treatment", "stop", r"\bstop taking\b"),
        (
            "tells the reader to change a treatment",
            "start stop switch change quit",
            r"\b(?:start|stop|switch|change|quit) (?:your|the) "
            r"(?:medication|medicine|antidepressant|tablets|pills|treatment|dose|therapy)\b",
        ),
        (
            "ranks options for the reader",
            "best",
            r"\bthe best (?:treatment|option|choice|medicine|therapy) for you\b",
        ),
        (
            "ranks options for the reader",
            "best",
            r"\b(?:is|are) the best (?:treatment|option|choice)\b",
        ),
        ("promises a cure", "cure cures cured curing", r"\bcur(?:e|es|ed|ing)\b"),
        (
            "promises a result",
            "guarantee guarantees guaranteed miracle",
            r"\b(?:guarantee[sd]?|miracle)\b",
        ),
        (
            "unsafe suicide wording (say 'died by suicide')",
            "commit commits committed committing",
            r"\bcommit(?:ted|s|ting)? suicide\b",
        ),
        (
            "unsafe suicide wording",
            "successful failed",
            r"\bsuccessful suicide\b|\bfailed (?:suicide )?attempt\b",
        ),
        (
            "presents a chatbot as crisis support",
            "chat chatbot chatbots",
            r"\bchat ?bots?\b[^.]*\b(?:crisis support|in a crisis|for crisis)\b(?![^.]*\bnot\b)",
        ),
    )
)
# Safe-messaging rules hold everywhere, even in quoted text.
SAFE_MESSAGING_RULES = tuple(rule for rule in WORDING_RULES if "suicide wording" in rule[0])


# Between two texts laid end to end. None of the patterns a first look uses
# can match it (letters, digits, spaces and the hints only), and each of their
# edge tests (\b, (?<![a-z]), (?![a-z])) sees it as it sees a text's start or
# end: so a match in the joined text lies inside one text, and every text
# with a match has one there. tests/test_check_first_looks.py compares the
# rules so read with the rules as first written, one text at a time.
_BETWEEN = "\x00"


# First looks, run once over a record's texts laid end to end (Walk, Joined):
# each names the texts a rule must read. "..._IN_TEXT" patterns run on to the
# end of the text they match in, so each text is named once.
def _in_text(pattern: str) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern})[^{re.escape(_BETWEEN)}]*")


DIGIT_IN_TEXT = _in_text(r"\d")
# Every trigger word not followed by a letter; Joined.words keeps those not
# preceded by one either: whole words, runs of a-z. A look-behind
# here would cost a third more: the regex engine then tries every position.
TRIGGER_WORDS = re.compile(
    "(?:"
    + "|".join(sorted({w for _, words, _ in WORDING_RULES for w in words}, key=len, reverse=True))
    + ")(?![a-z])"
)
HYPHEN_SPACE_IN_TEXT = _in_text("- ")
DOUBLED_WORD_LOWER_IN_TEXT = _in_text(DOUBLED_WORD_LOWER.pattern)
AUSTRALIAN_HINT_IN_TEXT = _in_text("|".join(map(re.escape, AUSTRALIAN_HINTS)))

# Fields that quote a claim in order to correct it: a quiz myth, or what the
# source article said. The wording and number rules do not apply to quotes.
QUOTED = {"claim", "statement", "question"}

# The one allowed instruction: a safety message about stopping antidepressants.
ALLOWED = re.compile(
    r"(?:don't|do not) stop[^.]*\bsuddenly\b[^.]*\b(?:prescriber|doctor|GP)\b[^.]*\.?",
    re.IGNORECASE,
)


@dataclass
class Report:
    """The result of checking a content set."""

    problems: list[ContentError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    languages: list[LanguageReport] = field(default_factory=list)  # translations


# --- walking the records -------------------------------------------------------


def texts(record: Any, path: str = "", cited: bool = False) -> Iterator[tuple[str, str, bool]]:
    """Every (key path, text, has references) a person may read in a record."""
    return iter(text_list(record, path, cited))


def text_list(
    record: Any, path: str = "", cited: bool = False, australian: list[int] | None = None
) -> list[tuple[str, str, bool]]:
    """texts() as a list. `australian`, when given, gets the index of each
    text keyed to Australia alone (region_problems)."""
    found: list[tuple[str, str, bool]] = []
    _add_texts(record, path, cited, found, australian, False)
    return found


# Fields that hold ids, codes, dates and links: nothing a person reads as text.
NOT_TEXT = frozenset(
    {
        "id",
        "references",
        "schema_version",
        "aliases",
        "category",
        "source",
        "checked",
        "priorities",
        "when",
        "needs_category",
        "show_categories",
        "code",
        "key",
        "type",
        "kind",
        "website",
        "phone",
        "verified",
        "doi",
        "url",
        "topic",
        "answer",
        "certainty",
        "grade",
        "region",
        "order",
        "review_due",
        "reviewed",
    }
)


def _add_texts(
    record: Any,
    path: str,
    cited: bool,
    found: list[tuple[str, str, bool]],
    australian: list[int] | None,
    in_australia: bool,
) -> None:
    # Appends to one list rather than nesting generators: a 1,000-option pack
    # has 45,000 texts in 260,000 values, and each nested yield costs a call.
    if isinstance(record, str):
        if in_australia:
            australian.append(len(found))  # type: ignore[union-attr]
        found.append((path, record, cited))
    elif isinstance(record, model.Record):
        if australian is not None and not in_australia:
            in_australia = region_of(record) == ("AU",)
        # Only statement-like records cite their own text; an option's or topic's
        # top-level reference list does not vouch for its summary.
        has_refs = isinstance(record, CITING) and bool(getattr(record, "references", ()))
        for name in record.__struct_fields__:
            if name not in NOT_TEXT:
                where = f"{path}.{name}" if path else name
                _add_texts(getattr(record, name), where, has_refs, found, australian, in_australia)
    elif isinstance(record, tuple):
        for index, item in enumerate(record):
            _add_texts(item, f"{path}[{index}]", cited, found, australian, in_australia)
    elif isinstance(record, dict):
        for key, value in record.items():
            keyed = in_australia or (australian is not None and key == "AU")
            _add_texts(value, f"{path}.{key}", cited, found, australian, keyed)


# While `check` runs, each record's texts are walked once and shared by the
# four rules that read them (numbers and wording, typing slips, regions,
# reading level): on a 1,000-option pack the walk was run four times per
# record. Keyed by id(), so each entry holds its record too: a record freed
# during the check would let a new one take its id and its walk.
_walks: dict[tuple[int, str], tuple[Any, Walk]] | None = None


@contextmanager
def _shared_walks() -> Iterator[None]:
    global _walks
    _walks = {}
    try:
        yield
    finally:
        _walks = None


class Joined:
    """Texts laid end to end: one regex pass says which of them a pattern matches."""

    __slots__ = ("starts", "text")

    def __init__(self, texts: list[str]) -> None:
        self.text = _BETWEEN.join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def found(self, pattern: re.Pattern[str]) -> dict[int, list[str]]:
        """{index of a text: what the pattern matched in it, in order}."""
        found: dict[int, list[str]] = {}
        for match in pattern.finditer(self.text):
            found.setdefault(bisect_right(self.starts, match.start()) - 1, []).append(match[0])
        return found

    def words(self, pattern: re.Pattern[str]) -> dict[int, list[str]]:
        """found(), keeping only matches that do not follow a letter a-z."""
        found: dict[int, list[str]] = {}
        text = self.text
        for match in pattern.finditer(text):
            start = match.start()
            if start and "a" <= text[start - 1] <= "z":
                continue
            found.setdefault(bisect_right(self.starts, start) - 1, []).append(match[0])
        return found


class Walk:
    """A record's texts (key path, text, has references), walked once, and
    laid end to end (as written and in lower case) when a rule first asks."""

    __slots__ = ("_as_written", "_lower", "australian", "items")

    def __init__(self, record: Any, path: str) -> None:
        australian: list[int] = []
        self.items = text_list(record, path, australian=australian)
        # The texts keyed to Australia alone: under `AU:` in a mapping, or in
        # a section, next step, note or region for AU (region_of).
        self.australian = frozenset(australian)
        self._as_written: Joined | None = None
        self._lower: Joined | None = None

    @property
    def as_written(self) -> Joined:
        if self._as_written is None:
            self._as_written = Joined([text for _, text, _ in self.items])
        return self._as_written

    @property
    def lower(self) -> Joined:
        # Each text made lower case on its own: a few letters grow when made
        # lower case ("İ" is two characters), so the joined text keeps its own starts.
        if self._lower is None:
            self._lower = Joined([text.lower() for _, text, _ in self.items])
        return self._lower


def walk_of(record: Any, path: str = "") -> Walk:
    """texts(record, path) as a Walk, walked once per record during a check."""
    if _walks is None:
        return Walk(record, path)
    key = (id(record), path)
    found = _walks.get(key)
    if found is None:
        found = _walks[key] = (record, Walk(record, path))
    return found[1]


def walked(record: Any, path: str = "") -> list[tuple[str, str, bool]]:
    """texts(record, path) as a list, walked once per record during a check."""
    return walk_of(record, path).items


CITING = (
    model.Statement,
    model.Reason,
    model.Fact,
    model.Glance,
    model.Section,
    model.Note,
    model.QuizItem,
    model.Correction,
    model.MedicineRow,
    model.Frequency,
)


def words(text: str) -> int:
    return len(text.split())


# --- structure: what every command relies on ------------------------------------


@dataclass
class Loaded:
    """Every file of a content set that loaded, and the problems of those that did not."""

    parts: dict[str, tuple[str, Any]] = field(default_factory=dict)
    options: list[tuple[str, model.Option]] = field(default_factory=list)
    background: list[tuple[str, model.Background]] = field(default_factory=list)
    problems: list[ContentError] = field(default_factory=list)
    # Every reference id the records cite, gathered by structure_problems'
    # walk so that unused_references need not walk every record again.
    cited: set[str] | None = None
    # Option and background files' own problems, found where they were parsed.
    findings: dict[str, FileFindings] = field(default_factory=dict)


PARTS: dict[str, type[model.Record]] = {
    "references.yaml": model.References,
    "categories.yaml": model.Categories,
    "crisis.yaml": model.Crisis,
    "explore.yaml": model.Explore,
    "quiz.yaml": model.Quiz,
    "decide.yaml": model.Decide,
    "about.yaml": model.About,
    "phq9.yaml": model.Phq9,
}


def load_all(content: Content, own_rules: bool = False) -> Loaded:
    """Load every file, collecting problems instead of stopping at the first.

    With `own_rules`, each option and background file is also given the
    rules that read it alone (FileFindings), where it is parsed: on two
    cores for a large pack (content/parallel.py).
    """
    loaded = Loaded()
    # Each folder listed once (sorting 1,000 paths is not free).
    options, background = content.files_in("options"), content.files_in("background")
    paths = [content.root / relative for relative in PARTS] + options + background
    if own_rules:
        kinds: dict[Path, type[model.Option] | type[model.Background]] = {
            **dict.fromkeys(options, model.Option),
            **dict.fromkeys(background, model.Background),
        }
        _own_rules_ahead(content, paths, kinds, loaded.findings)
    else:
        content.parse_ahead(paths)
    for relative, kind in PARTS.items():
        try:
            loaded.parts[relative] = (
                content.name_of(content.root / relative),
                content.load(relative, kind),
            )
        except ContentError as problem:
            loaded.problems.append(problem)
    if not options and not (content.root / "options").is_dir():
        loaded.problems.append(ContentError(f"{content.label}/options", "", "folder is missing"))
    loaded.options = _load_folder(content, options, model.Option, loaded.problems)
    loaded.background = _load_folder(content, background, model.Background, loaded.problems)
    if not options and not loaded.problems:
        loaded.problems.append(ContentError(f"{content.label}/options", "", "has no options"))
    # Hand what loaded to the content object so it is not parsed twice.
    if "references.yaml" in loaded.parts:
        content.__dict__["references"] = {
            r.id: r for r in loaded.parts["references.yaml"][1].references
        }
    if "categories.yaml" in loaded.parts:
        content.__dict__["categories"] = {
            c.id: c for c in loaded.parts["categories.yaml"][1].categories
        }
    return loaded


def _own_rules_ahead(
    content: Content,
    paths: list[Path],
    kinds: dict[Path, type[model.Option] | type[model.Background]],
    findings: dict[str, FileFindings],
) -> None:
    """Parse the files now, and find each option's and background's (`kinds`)
    own problems where it is parsed (on two cores for a large pack); the rest
    is done in this process, in the same order, when the files are loaded."""

    def own_rules(path: Path, data: Any) -> FileFindings | None:
        kind = kinds.get(path)
        if kind is None:
            return None
        try:
            record = content.record_from(path, data, kind)
        except ContentError:
            return None  # reported when it is loaded
        return file_findings(content.name_of(path), record)

    for path, found in content.parse_ahead(paths, own_rules).items():
        if found is not None:
            findings[content.name_of(path)] = found


def _load_folder(
    content: Content, files: list[Path], kind: type[T], problems: list[ContentError]
) -> list[tuple[str, T]]:
    records = []
    for path in files:
        try:
            records.append((content.name_of(path), content.load_path(path, kind)))
        except ContentError as problem:
            problems.append(problem)
    return records


def structure_problems(content: Content, loaded: Loaded | None = None) -> list[ContentError]:
    """Schema, unique ids, links, regions, question rules: what commands need to run."""
    loaded = loaded or load_all(content)
    problems = list(loaded.problems)
    if "references.yaml" not in loaded.parts or "categories.yaml" not in loaded.parts:
        return problems
    problems += _unique_ids(content, loaded)
    cited: set[str] = set()
    for name, record in [*loaded.options, *loaded.background, *loaded.parts.values()]:
        found = loaded.findings.get(name)
        places = found.places if found is not None else list(citations(record))
        cited.update(ref for _, refs in places for ref in refs)
        problems += link_problems(content, name, record, places)
    loaded.cited = cited
    for name, option in loaded.options:
        if not option.references:
            problems.append(
                ContentError(name, "references", "an option cites at least one reference")
            )
        for index, statement in enumerate(option.benefits):
            if not statement.references:
                problems.append(
                    ContentError(
                        name,
                        f"benefits[{index}].references",
                        "every evidence statement cites a reference",
                    )
                )
    if "crisis.yaml" in loaded.parts:
        problems += _crisis_problems(*loaded.parts["crisis.yaml"])
    if "explore.yaml" in loaded.parts:
        problems += _explore_problems(content, loaded, *loaded.parts["explore.yaml"])
    if not problems:
        content.__dict__["option_files"] = loaded.options
        content.__dict__["background_files"] = loaded.background
        for relative, attribute in (
            ("crisis.yaml", "crisis"),
            ("explore.yaml", "explore"),
            ("quiz.yaml", "quiz"),
            ("about.yaml", "about"),
            ("phq9.yaml", "phq9"),
        ):
            content.__dict__[attribute] = loaded.parts[relative][1]
    return problems


def _unique_ids(content: Content, loaded: Loaded) -> list[ContentError]:
    problems: list[ContentError] = []
    seen: dict[str, str] = {}
    categories_file = loaded.parts["categories.yaml"][0]
    topics: list[tuple[str, str, Any]] = [
        (categories_file, f"categories[{i}]", c) for i, c in enumerate(content.categories.values())
    ]
    topics += [(name, "", o) for name, o in loaded.options]
    topics += [(name, "", b) for name, b in loaded.background]
    for name, prefix, topic in topics:
        for index, word in enumerate((topic.id, *topic.aliases)):
            key = (f"{prefix}." if prefix else "") + (
                "id" if index == 0 else f"aliases[{index - 1}]"
            )
            folded = word.casefold()
            if folded in seen and seen[folded] != topic.id:
                problems.append(
                    ContentError(name, key, f"'{word}' is already used by '{seen[folded]}'")
                )
            elif index == 0 and folded in seen:
                problems.append(ContentError(name, key, f"duplicate id '{word}'"))
            seen.setdefault(folded, topic.id)
    ref_file, refs = loaded.parts["references.yaml"]
    first: dict[str, int] = {}  # each id's first index (list.index made this quadratic)
    for index, ref_id in enumerate(r.id for r in refs.references):
        if first.setdefault(ref_id, index) != index:
            problems.append(
                ContentError(ref_file, f"references[{index}].id", f"duplicate id '{ref_id}'")
            )
    return problems


def _crisis_problems(name: str, crisis: model.Crisis) -> list[ContentError]:
    problems: list[ContentError] = []
    # A pack may leave out built-in regions (their built-in lines are used) and
    # add its own; every region it defines needs an emergency number.
    for index, region in enumerate(crisis.regions):
        where = f"regions[{index}]"
        if not re.fullmatch(r"[A-Z]{2,6}", region.code):
            problems.append(
                ContentError(name, f"{where}.code", "a region code is 2 to 6 capital letters")
            )
        if not region.emergency.strip():
            problems.append(
                ContentError(name, f"{where}.emergency", "every region has an emergency number")
            )
        if not any(line.kind == "crisis" for line in region.lines):
            problems.append(
                ContentError(name, f"{where}.lines", "every region has at least one crisis line")
            )
        for number, line in enumerate(region.lines):
            if not (line.phone or line.text or line.website):
                problems.append(
                    ContentError(
                        name, f"{where}.lines[{number}]", "a line needs a phone, text or website"
                    )
                )
            if line.text and line.sms is None:
                # The verb is said in the reader's language around the keyword
                # and number (views/crisis.py): an unreadable shape would be
                # shown untranslated, so it is refused here.
                problems.append(
                    ContentError(
                        name,
                        f"{where}.lines[{number}].text",
                        f"'{line.text}' is not 'text NUMBER' or 'text KEYWORD to NUMBER'",
                    )
                )
            if line.ages is not None:
                problems += _age_problems(name, f"{where}.lines[{number}].ages", line.ages)
                if not line.youth:
                    problems.append(
                        ContentError(
                            name,
                            f"{where}.lines[{number}].ages",
                            "'ages' is for a youth line: add 'youth: true'",
                        )
                    )
    return problems


def _age_problems(name: str, key: str, ages: tuple[int, int]) -> list[ContentError]:
    first, last = ages
    if 0 <= first <= last <= 130:
        return []
    return [ContentError(name, key, f"ages {first} to {last}: the first age comes first, 0 to 130")]


# A note that says help lines or services are listed "below" or "at the end"
# promises something only the summary knows: that sentence goes in
# `if_youth_lines`, added only when the lines are really listed.
PROMISES_LINES = re.compile(
    r"\b(?:lines?|services?|helplines?|numbers?)\b[^.]*\b(?:below|at the end)\b", re.IGNORECASE
)


# The answers-file key of the safety question (DESIGN.md's contract).
SAFETY_KEY = "risk_now"


def _safety_problems(name: str, explore: model.Explore) -> list[ContentError]:
    """The safety flow lives in the data, so a pack can't remove it: exactly one
    safety question, asked first, single-choice, with the answers that mean "at risk"."""
    marked = [i for i, q in enumerate(explore.questions) if q.safety]
    if len(marked) != 1:
        found = "none is" if not marked else f"{len(marked)} are"
        return [
            ContentError(
                name,
                "questions",
                f"exactly one question must have 'safety: true' (the question about "
                f"suicide or self-harm); {found}",
            )
        ]
    index = marked[0]
    question = explore.questions[index]
    where = f"questions[{index}]"
    problems = []
    if index != 0:
        problems.append(ContentError(name, where, "the safety question must be the first question"))
    if question.key != SAFETY_KEY:
        problems.append(
            ContentError(
                name,
                f"{where}.key",
                f"the safety question's key is '{SAFETY_KEY}' (answers files use it)",
            )
        )
    if question.type != "single" or question.when:
        problems.append(
            ContentError(name, where, "the safety question is single-choice and always asked")
        )
    ids = {c.id for c in question.choices if not c.skip}
    if not question.at_risk:
        problems.append(
            ContentError(name, f"{where}.at_risk", "list the answers that show the crisis panel")
        )
    for value in question.at_risk:
        if value not in ids:
            problems.append(
                ContentError(
                    name,
                    f"{where}.at_risk",
                    f"unknown value '{value}' (allowed: {', '.join(sorted(ids))})",
                )
            )
    return problems


def _explore_problems(
    content: Content, loaded: Loaded, name: str, explore: model.Explore
) -> list[ContentError]:
    problems: list[ContentError] = []
    choices = {q.key: {c.id for c in q.choices} for q in explore.questions}

    def check_when(where: str, when: dict[str, tuple[str, ...]]) -> None:
        for key, values in when.items():
            if key not in choices:
                problems.append(ContentError(name, f"{where}.when.{key}", "unknown question key"))
                continue
            for value in values:
                if value not in choices[key]:
                    allowed = ", ".join(sorted(choices[key]))
                    problems.append(
                        ContentError(
                            name,
                            f"{where}.when.{key}",
                            f"unknown value '{value}' (allowed: {allowed})",
                        )
                    )

    for index, question in enumerate(explore.questions):
        check_when(f"questions[{index}]", question.when)
        if question.key == "region":
            # The pack's own regions (when its crisis.yaml loaded) and the built-in ones.
            crisis = loaded.parts.get("crisis.yaml")
            codes = (
                {*model.REGIONS, *(r.code for r in crisis[1].regions)}
                if crisis
                else set(model.REGIONS)
            )
            for number, choice in enumerate(question.choices):
                if choice.id not in codes:
                    problems.append(
                        ContentError(
                            name,
                            f"questions[{index}].choices[{number}]",
                            f"'{choice.id}' is not a region in crisis.yaml",
                        )
                    )
        ids = {c.id.lower() for c in question.choices}
        for number, choice in enumerate(question.choices):
            where = f"questions[{index}].choices[{number}]"
            if choice.ages is not None:
                problems += _age_problems(name, f"{where}.ages", choice.ages)
            for old in choice.old_ids:
                if old.lower() in ids:
                    problems.append(
                        ContentError(
                            name, f"{where}.old_ids", f"'{old}' is still the id of a choice"
                        )
                    )
                ids.add(old.lower())
        labels = [("skip_label", question.skip_label)] + [
            (f"choices[{n}].label", c.label) for n, c in enumerate(question.choices)
        ]
        for key, label in labels:
            if len(label) > model.CHOICE_LABEL_MAX:
                problems.append(
                    ContentError(
                        name,
                        f"questions[{index}].{key}",
                        f"'{label}' is {len(label)} characters; at most "
                        f"{model.CHOICE_LABEL_MAX} fit a 40-column screen",
                    )
                )
    problems += _safety_problems(name, explore)
    if "decide.yaml" in loaded.parts:
        decide_name, decide = loaded.parts["decide.yaml"]
        for field in ("stages", "roles", "next_steps"):
            for number, choice in enumerate(getattr(decide, field)):
                if len(choice.label) > model.CHOICE_LABEL_MAX:
                    problems.append(
                        ContentError(
                            decide_name,
                            f"{field}[{number}].label",
                            f"'{choice.label}' is {len(choice.label)} characters; at most "
                            f"{model.CHOICE_LABEL_MAX} fit a 40-column screen",
                        )
                    )
    for index, note in enumerate(explore.notes):
        check_when(f"notes[{index}]", note.when)
        promise = PROMISES_LINES.search(note.text)
        if promise:
            problems.append(
                ContentError(
                    name,
                    f"notes[{index}].text",
                    f"'{promise[0]}' may not be true: say it in 'if_youth_lines', which is "
                    "shown only when the lines are listed",
                )
            )
        for category in (*note.show_categories, *filter(None, [note.needs_category])):
            if category not in content.categories:
                problems.append(
                    ContentError(name, f"notes[{index}]", f"unknown category '{category}'")
                )
    priorities = choices.get("priorities", set())
    for part in ("priority_reasons", "priority_questions"):
        for key in getattr(explore, part):
            if key not in priorities:
                problems.append(ContentError(name, f"{part}.{key}", "unknown priority"))
    for option_file, option in loaded.options:
        for index, priority in enumerate(option.priorities):
            if priority not in priorities:
                problems.append(
                    ContentError(
                        option_file,
                        f"priorities[{index}]",
                        f"unknown priority '{priority}' (allowed: {', '.join(sorted(priorities))})",
                    )
                )
    return problems


# --- quality: the rules that keep the content honest and readable ----------------


def text_problems(name: str, record: Any) -> list[ContentError]:
    """Two rules on every text a person reads, in one walk over the record.

    Numbers: every finding (a %, 'N in 100', an effect size) sits in a
    statement that cites a reference. Wording: nothing tells people what to
    do about treatment, promises a result, or breaks safe messaging.
    """
    walk = walk_of(record)
    # One pass over the record's texts finds those with a digit and each
    # text's trigger words; only those texts are looked at again.
    items = walk.items
    with_digits = {i for i in walk.as_written.found(DIGIT_IN_TEXT) if not items[i][2]}
    triggered = walk.lower.words(TRIGGER_WORDS)
    problems = []
    for index in sorted(with_digits | triggered.keys()):
        key, text, _ = items[index]
        quoted = _field(key) in QUOTED
        if index in with_digits and not quoted:
            found = STATISTIC.search(text)
            if found:
                problems.append(
                    ContentError(
                        name,
                        key,
                        f"the number in '{found[0]}' needs a reference; put it in a statement "
                        "with references",
                    )
                )
        words = set(triggered.get(index, ()))
        cleaned = None
        for why, triggers, pattern in SAFE_MESSAGING_RULES if quoted else WORDING_RULES:
            if triggers.isdisjoint(words):
                continue
            cleaned = cleaned if cleaned is not None else ALLOWED.sub(" ", text)
            problems += [
                ContentError(name, key, f"'{match[0]}' {why}; reword it")
                for match in pattern.finditer(cleaned)
            ]
    return problems


def _field(key: str) -> str:
    return key.rsplit(".", 1)[-1]


def glance_problems(name: str, option: model.Option) -> list[ContentError]:
    """A glance line with two numbers names its comparison ("on a dummy pill")."""
    evidence = option.glance.evidence
    if len(GLANCE_NUMBER.findall(evidence)) >= 2 and not COMPARISON_WORDS.search(evidence):
        return [
            ContentError(
                name,
                "glance.evidence",
                "two numbers side by side must say what they are compared with (a waitlist, "
                "usual care, a dummy pill, a sham...): numbers from different comparisons "
                "can't be set against each other",
            )
        ]
    return []


def certainty_problems(
    name: str, option: model.Option, references: dict[str, model.Reference]
) -> list[ContentError]:
    """A certainty label is the evidence base's grade for its reference, never our own.

    Where EVIDENCE.md gives no grade (no `grade` in references.yaml), the
    statement says what the evidence is (one trial of N people; a review of
    N trials) instead of a label.
    """
    problems = []
    for side in ("benefits", "downsides"):
        for index, statement in enumerate(getattr(option, side)):
            if statement.certainty is None:
                continue
            grades = {
                grade
                for ref in statement.references
                if ref in references
                for grade in references[ref].grade
            }
            where = f"{side}[{index}].certainty"
            if not grades:
                problems.append(
                    ContentError(
                        name,
                        where,
                        f"'{statement.certainty}' is not a grade any of its references has in "
                        "references.yaml; say what the evidence is instead (one trial of N "
                        "people; a review of N trials)",
                    )
                )
            elif statement.certainty not in grades:
                problems.append(
                    ContentError(
                        name,
                        where,
                        f"'{statement.certainty}' does not match the grade of its references "
                        f"({', '.join(sorted(grades))})",
                    )
                )
    return problems


def detail_problems(name: str, option: model.Option) -> list[ContentError]:
    """Downsides get about as much detail as benefits."""
    good = sum(words(s.text) for s in option.benefits)
    bad = sum(words(s.text) for s in option.downsides)
    if bad < DOWNSIDE_RATIO * good:
        return [
            ContentError(
                name,
                "downsides",
                f"{bad} words of downsides against {good} of benefits; downsides need at least "
                f"{DOWNSIDE_RATIO:.0%} as many words (equal detail)",
            )
        ]
    return []


@cache
def _textstat() -> Any:
    """The optional reading-level checker, imported once (None when not installed)."""
    try:
        import textstat
    except ImportError:
        return None
    return textstat


@lru_cache(maxsize=4096)
def reading_grade(text: str) -> float | None:
    """Flesch-Kincaid grade, or None when the optional checker is not installed."""
    textstat = _textstat()
    if textstat is None:
        return None
    return float(textstat.flesch_kincaid_grade(text))


def reason_problems(name: str, option: model.Option) -> list[ContentError]:
    """`decide` weighs reasons for and against: each option has both, each cited,
    with ids unique within the option."""
    problems = []
    for side in ("reasons_for", "reasons_against"):
        reasons = getattr(option, side)
        if not reasons:
            problems.append(ContentError(name, side, "every option has at least one, for `decide`"))
        for index, reason in enumerate(reasons):
            if not reason.references:
                problems.append(
                    ContentError(name, f"{side}[{index}].references", "every reason cites")
                )
    ids = [r.id for r in (*option.reasons_for, *option.reasons_against)]
    for repeated in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(ContentError(name, "reasons", f"reason id '{repeated}' is used twice"))
    return problems


def result_problems(name: str, option: model.Option) -> list[ContentError]:
    """Every option says what the evidence shows: a benefit with a result.

    A result is a number that is a finding, or an effect size in words, in a
    statement that cites a reference. Where the evidence base has none, the
    option must say so plainly (`evidence_gap`).
    """
    if option.evidence_gap:
        return []
    for statement in option.benefits:
        if statement.references and (
            STATISTIC.search(statement.text) or SIZE_WORDS.search(statement.text)
        ):
            return []
    return [
        ContentError(
            name,
            "benefits",
            "no benefit gives a result: add one with a number or an effect size in words "
            "(small, moderate, large) and its reference, or say so in 'evidence_gap'",
        )
    ]


def paragraph_problems(
    name: str, record: Any, limit: float, only: set[str] | None = None, path: str = ""
) -> list[ContentError]:
    """Reading level, each paragraph on its own (an average hides hard ones).

    `only` limits the check to fields of these names (e.g. about's corrections).
    """
    if _textstat() is None:
        return []
    problems = []
    for key, text, _ in walked(record, path):
        field = _field(key)
        if field in NOT_PARAGRAPHS or (only and field not in only):
            continue
        if len(text.split()) < SHORTEST_PARAGRAPH:
            continue
        grade = reading_grade(text)
        if grade is not None and grade > limit:
            problems.append(
                ContentError(
                    name,
                    key,
                    f"reading grade {grade:.1f} is above {limit:.0f}; use shorter sentences "
                    "and everyday words",
                )
            )
    return problems


def typing_problems(name: str, record: Any) -> list[ContentError]:
    """Slips that folding YAML leaves behind: 'psilocybin- assisted', 'the the'."""
    walk = walk_of(record)
    # Most texts have neither slip; these quick first looks, on the record's
    # texts end to end, pick the few the slower patterns must read.
    hyphen_space = walk.as_written.found(HYPHEN_SPACE_IN_TEXT)
    maybe_doubled = walk.lower.found(DOUBLED_WORD_LOWER_IN_TEXT)
    if not walk.as_written.text.isascii():
        # DOUBLED_WORD_LOWER stands in for DOUBLED_WORD on ASCII text only.
        maybe_doubled.update((i, []) for i, (_, t, _) in enumerate(walk.items) if not t.isascii())
    problems = []
    for index in sorted(hyphen_space.keys() | maybe_doubled.keys()):
        key, text, _ = walk.items[index]
        broken = index in hyphen_space and FOLDING_ARTEFACT.search(text)
        if broken:
            problems.append(
                ContentError(name, key, f"'{broken[0]}' is a word broken by a hyphen and a space")
            )
        doubled = index in maybe_doubled and DOUBLED_WORD.search(text)
        if doubled:
            problems.append(ContentError(name, key, f"'{doubled[0]}' is a doubled word"))
    return problems


def region_of(record: Any) -> tuple[str, ...]:
    """The regions a record's text is keyed to; () for everywhere."""
    if isinstance(record, model.Section | model.NextSteps):
        return (record.region,) if record.region else ()
    if isinstance(record, model.Note):
        return record.when.get("region", ())
    if isinstance(record, model.Region):
        return (record.code,)
    return ()


def region_problems(name: str, record: Any) -> list[ContentError]:
    """No Medicare, Mental Health Treatment Plan or Australian numbers outside text
    keyed to Australia: a reader elsewhere would be sent to services they can't use."""
    problems = []
    walk = walk_of(record)
    # Most texts name no Australian service or number: only those with a hint
    # (found in one pass over the record's texts) are read by the regex.
    for index in walk.as_written.found(AUSTRALIAN_HINT_IN_TEXT):
        key, text, _ = walk.items[index]
        found = AUSTRALIAN.search(text)
        if found and index not in walk.australian:
            problems.append(
                ContentError(
                    name,
                    key,
                    f"'{found[0]}' is Australian; put it in text keyed to AU "
                    "(access: AU, region: AU, or a note for region AU)",
                )
            )
    return problems


def lines_checked_before(
    crisis: model.Crisis, day: dt.date
) -> Iterator[tuple[str, model.CrisisLine]]:
    """(key path, line) for every crisis line last checked more than 12 months before `day`."""
    for index, region in enumerate(crisis.regions):
        for number, line in enumerate(region.lines):
            months = months_before(line.checked, day)
            if months is None or months > CHECKED_WITHIN_MONTHS:
                yield f"regions[{index}].lines[{number}].checked", line


def checked_problems(name: str, crisis: model.Crisis, reviewed: dt.date) -> list[ContentError]:
    """Every crisis line checked within 12 months of the content's review date."""
    return [
        ContentError(
            name,
            key,
            f"'{line.checked}' is more than {CHECKED_WITHIN_MONTHS} months before "
            f"the review date {reviewed.isoformat()}: check the line again",
        )
        for key, line in lines_checked_before(crisis, reviewed)
    ]


def stale_problems(content: Content, today: dt.date) -> list[ContentError]:
    """What is out of date today: the review date passed, or a crisis line not
    checked for more than 12 months. Notices for `validate`, errors with --strict."""
    problems = []
    about = content.about
    if today > about.review_due:
        problems.append(
            ContentError(
                content.name_of(content.root / "about.yaml"),
                "review_due",
                f"the content was due for review on {about.review_due.isoformat()}",
            )
        )
    name = content.name_of(content.root / "crisis.yaml")
    problems += [
        ContentError(
            name,
            key,
            f"{line.name} was last checked in {line.checked}, more than "
            f"{CHECKED_WITHIN_MONTHS} months ago: check the number again",
        )
        for key, line in lines_checked_before(content.crisis, today)
    ]
    return problems


def months_before(checked: str, day: dt.date) -> int | None:
    """Whole months from a 'YYYY-MM' (or 'YYYY-MM-DD') date to a day; None if unreadable."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", checked.strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    return (day.year - year) * 12 + (day.month - month)


def unused_references(content: Content, loaded: Loaded) -> list[ContentError]:
    used = loaded.cited
    if used is None:  # structure_problems stopped before its walk
        used = {
            ref
            for _, record in [*loaded.options, *loaded.background, *loaded.parts.values()]
            for _, refs in citations(record)
            for ref in refs
        }
    ref_file, refs = loaded.parts["references.yaml"]
    return [
        ContentError(ref_file, f"references[{index}]", f"'{ref.id}' is not cited anywhere")
        for index, ref in enumerate(refs.references)
        if ref.id not in used
    ]


def language_problems(content: Content, report: Report) -> list[ContentError]:
    """Every language a content set offers: its translations and, for the
    languages the program itself offers, the interface's catalogs."""
    from depression_guide.content import builtin_data_dir
    from depression_guide.content.translation_checks import (
        catalog_problems,
        language_report,
        offered_languages,
    )
    from depression_guide.languages import DRAFTS

    offered = set(offered_languages(content))
    builtin = content.root.resolve() == builtin_data_dir().resolve()
    if builtin:
        offered |= DRAFTS  # the program offers them: their safety lines must be there
    problems: list[ContentError] = []
    for lang in sorted(offered):
        found = language_report(content, lang)
        report.languages.append(found)
        report.notices += found.notices
        problems += found.problems
        if builtin and lang in DRAFTS:
            # The program's own catalogs: checked with its content, not a pack's.
            problems += catalog_problems(lang)
    return problems


@dataclass
class FileFindings:
    """The problems of the rules that read one file's record alone, by rule.

    They are found where the file is parsed (on two cores for a large pack),
    so they must not depend on any other file; certainty_problems, which
    reads references.yaml, is run later, with the pack at hand.
    """

    wording: list[ContentError]  # numbers without a reference, wording rules
    slips: list[ContentError]  # typing slips, Australian services outside AU text
    option: list[ContentError] = field(default_factory=list)  # an option's own rules
    reading: list[ContentError] = field(default_factory=list)  # reading level
    # Where the record cites references (model.citations), for the rules
    # across files: walked here, where the file is parsed, not after.
    places: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def file_findings(name: str, record: Any) -> FileFindings:
    """One record's own problems (an option, a background topic or a part)."""
    found = FileFindings(
        wording=text_problems(name, record),
        slips=typing_problems(name, record) + region_problems(name, record),
        places=list(citations(record)),
    )
    if isinstance(record, model.Option):
        found.option = (
            detail_problems(name, record)
            + result_problems(name, record)
            + reason_problems(name, record)
            + glance_problems(name, record)
        )
    if isinstance(record, model.Option | model.Background):
        found.reading = paragraph_problems(name, record, PARAGRAPH_GRADE)
    if _walks is not None:
        # No rule reads this record's texts again: freed now, while the other
        # process still parses, rather than all at once when the check ends.
        _walks.pop((id(record), ""), None)
    return found


def check(content: Content) -> Report:
    """Run every rule; list every problem, not just the first."""
    with paused_gc(), _shared_walks():  # thousands of records (see yaml_io.paused_gc)
        return _check(content)


def _check(content: Content) -> Report:
    loaded = load_all(content, own_rules=True)
    report = Report(problems=structure_problems(content, loaded))
    # Every record a person reads: all but the pack's references.yaml (an
    # option named "...-references.yaml" is read like any other).
    reference_list = content.name_of(content.root / "references.yaml")
    records = [
        (name, record)
        for name, record in [*loaded.options, *loaded.background, *loaded.parts.values()]
        if name != reference_list
    ]
    # Each file's own problems, found where it was parsed or here; listed rule
    # by rule across the files, as they always were.
    own = {
        name: loaded.findings.get(name) or file_findings(name, record) for name, record in records
    }
    for name, _ in records:
        report.problems += own[name].wording
    for name, _ in records:
        report.problems += own[name].slips
    # From what loaded: a broken references.yaml is reported, never raised here.
    loaded_refs = loaded.parts.get("references.yaml")
    references = {r.id: r for r in loaded_refs[1].references} if loaded_refs else {}
    for name, option in loaded.options:
        report.problems += own[name].option
        report.problems += certainty_problems(name, option, references)
    for name, _ in [*loaded.options, *loaded.background]:
        report.problems += own[name].reading
    if "about.yaml" in loaded.parts:
        name, about = loaded.parts["about.yaml"]
        report.problems += paragraph_problems(name, about, CORRECTION_GRADE)
        if "crisis.yaml" in loaded.parts:
            crisis_name, crisis = loaded.parts["crisis.yaml"]
            report.problems += checked_problems(crisis_name, crisis, about.reviewed)
    if "explore.yaml" in loaded.parts:
        name, explore = loaded.parts["explore.yaml"]
        for index, note in enumerate(explore.notes):
            limit = SAFETY_NOTE_GRADE if note.kind == "safety" else NOTE_GRADE
            report.problems += paragraph_problems(name, note, limit, path=f"notes[{index}]")
    if "phq9.yaml" in loaded.parts:
        name, phq9 = loaded.parts["phq9.yaml"]
        report.problems += paragraph_problems(name, phq9, NOTE_GRADE, PHQ9_MEANINGS)
    if "references.yaml" in loaded.parts:
        report.problems += unused_references(content, loaded)
    report.problems += language_problems(content, report)
    if reading_grade("A short test.") is None:
        report.notices.append(
            "The reading-level check was skipped: install 'depression-guide[checks]' to run it."
        )
    return report
