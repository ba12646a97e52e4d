"""The content model: frozen, typed records loaded from the YAML in data/.

Every record rejects unknown keys, so a typo in a content file is an error
that names the file and key, never a silently missing field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, Literal

import msgspec

SCHEMA_VERSION = 1

Certainty = Literal["high", "moderate", "low", "very-low"]
Verified = Literal["V", "H", "M"]
# The built-in regions (data/crisis.yaml). A content pack may add its own; a
# built-in region a pack leaves out falls back to the built-in lines.
REGIONS: tuple[str, ...] = ("AU", "US", "UK", "CA", "NZ", "IE", "OTHER")
# Other ways people write a region (ISO 3166 alpha-2 and alpha-3 codes), so
# `--region GB` or `region: usa` is understood rather than refused.
REGION_ALIASES: dict[str, str] = {
    "AUS": "AU",
    "USA": "US",
    "GB": "UK",
    "GBR": "UK",
    "CAN": "CA",
    "NZL": "NZ",
    "IRL": "IE",
}


def known_region(value: str, codes: tuple[str, ...] = REGIONS) -> str | None:
    """A region code as people write it ('uk', 'GB', 'usa'), or None if unknown.

    `codes` are the regions there are: the built-in ones and a pack's own.
    """
    code = value.strip().upper()
    code = REGION_ALIASES.get(code, code)
    return code if code in codes else None


# What each certainty level means, in the words the user sees.
CERTAINTY_WORDS: dict[str, str] = {
    "high": "strong evidence (many trials that mostly agree)",
    "moderate": "moderate evidence (several trials, with some doubts)",
    "low": "weak evidence (few or small trials, or reviewers rated it low)",
    "very-low": "very weak evidence (early research, such as animal studies or one trial)",
}


class Record(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base for content records: immutable, strict about keys."""


# --- references ---------------------------------------------------------------


class Author(Record, frozen=True, kw_only=True):
    family: str
    given: str = ""  # initials or given names; empty for an organisation


class Reference(Record, frozen=True, kw_only=True):
    id: str
    type: Literal["article-journal", "webpage", "report"]
    authors: tuple[Author, ...]
    et_al: bool = False  # the author list is cut short on purpose
    title: str
    container: str = ""  # journal, or the website or publisher
    year: int | None = None  # None: no date known ("n.d."); never guessed
    month: int | None = None
    day: int | None = None
    volume: str = ""
    issue: str = ""
    pages: str = ""  # "1357-1366" or an article number such as "e067606"
    doi: str = ""
    url: str = ""
    publisher: str = ""
    place: str = ""
    verified: Verified
    # The certainty the evidence base (EVIDENCE.md) gives this reference's
    # findings, when it gives one ("low to very low": both). A statement's
    # `certainty` must be one of these (validate); empty: no grade is given,
    # so statements citing it describe the evidence instead of grading it.
    grade: tuple[Certainty, ...] = ()
    note: str = ""  # what was or was not verified
    checked: str  # "2026-11"


# --- statements with evidence ---------------------------------------------------


class Arm(Record, frozen=True, kw_only=True):
    label: str  # "people taking an antidepressant"
    count: int  # out of the denominator


class Frequency(Record, frozen=True, kw_only=True):
    """A probability pair on one denominator, drawn as an icon array."""

    outcome: str  # "had a large improvement"
    group: str  # who the numbers apply to
    time_frame: str
    denominator: int = 100
    arms: tuple[Arm, ...]
    references: tuple[str, ...]


class Statement(Record, frozen=True, kw_only=True):
    """One evidence statement: what a study or review found."""

    text: str
    certainty: Certainty | None = None
    references: tuple[str, ...] = ()
    frequency: Frequency | None = None


class Fact(Record, frozen=True, kw_only=True):
    """A short practical fact, with its references where it has them."""

    text: str
    references: tuple[str, ...] = ()


class Access(Fact, frozen=True, kw_only=True):
    """How to get an option and what it costs, in one region."""

    short: str = ""  # a few words for the summary's overview


class Glance(Record, frozen=True, kw_only=True):
    """An option in one line per field: the summary's overview card."""

    what: str  # what it is
    soon: str  # how soon it may help
    evidence: str  # the result: a natural frequency, or the size in words
    downsides: str  # the main downsides
    references: tuple[str, ...]


class Reason(Record, frozen=True, kw_only=True):
    """A reason to choose an option, or to avoid it (`decide` asks how much it matters)."""

    id: str  # unique within the option; the key in a decide answers file
    text: str
    references: tuple[str, ...]


class MedicineRow(Record, frozen=True, kw_only=True):
    """A row of the medicine comparison (the rows Mayo's medication aid uses)."""

    topic: Literal["weight", "sexual side effects", "sleep", "stopping", "cost", "keep in mind"]
    text: str
    references: tuple[str, ...] = ()


NEUTRAL_ACCESS = Access(
    text="Ask your doctor or health service how to get it and what it would cost where you live.",
    short="Ask a doctor what it costs where you live.",
)


def access_for(option: Option, region: str | None) -> Access:
    """An option's access text for a region, or the neutral fallback."""
    return option.access.get(region or "default") or option.access.get("default") or NEUTRAL_ACCESS


# --- topics ---------------------------------------------------------------------


class Category(Record, frozen=True, kw_only=True):
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    summary: str


class Categories(Record, frozen=True, kw_only=True):
    schema_version: int
    categories: tuple[Category, ...]


class Option(Record, frozen=True, kw_only=True):
    schema_version: int
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    category: str
    glance: Glance
    summary: str  # what it is, in plain words
    involves: str  # what it involves and what it is like
    delivery: Fact  # how it is delivered: sessions, length
    time_to_benefit: Fact
    benefits: tuple[Statement, ...]
    # Said plainly where the evidence base has no trial result for an option
    # (shown first under "What the evidence shows"); validate accepts it in
    # place of a benefit with a result.
    evidence_gap: str = ""
    downsides: tuple[Statement, ...]
    reasons_for: tuple[Reason, ...] = ()
    reasons_against: tuple[Reason, ...] = ()
    consider: tuple[str, ...]  # things to think about
    may_suit: tuple[str, ...]
    # Access and cost, by region code; "default" is for every other region.
    # Without "default", other regions get NEUTRAL_ACCESS: never another
    # country's services or rebates (no "Medicare" outside Australia).
    access: dict[str, Access]
    # Order within the category: established options first, experimental ones
    # later, research-only last (never alphabetical).
    order: int
    medicine_rows: tuple[MedicineRow, ...] = ()
    safety_note: str = ""  # shown to people already using this option
    questions: tuple[str, ...] = ()  # to ask a GP or psychologist
    priorities: tuple[str, ...] = ()  # explore priorities this option speaks to
    references: tuple[str, ...]
    last_reviewed: dt.date


class Section(Record, frozen=True, kw_only=True):
    heading: str
    text: str
    references: tuple[str, ...] = ()
    # Only shown in this region (services, numbers, rebates); empty: everywhere.
    region: str = ""


class Background(Record, frozen=True, kw_only=True):
    schema_version: int
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    summary: str
    sections: tuple[Section, ...]
    references: tuple[str, ...]
    last_reviewed: dt.date


class References(Record, frozen=True, kw_only=True):
    schema_version: int
    references: tuple[Reference, ...]


# --- crisis lines ---------------------------------------------------------------

# How to text a service, as crisis.yaml writes it: "text 988", "text 0477 13 11
# 14", "text HOME to 741741" (or the number alone). Read once, strictly, so the
# verb can be said in the reader's language while the keyword and number stay
# exactly as the service gives them; `validate` refuses any other shape.
SMS = re.compile(r"(?:text )?(?:(?P<keyword>[A-Za-z][A-Za-z0-9]*) to )?(?P<number>\d+(?: \d+)*)")


class Sms(msgspec.Struct, frozen=True):
    keyword: str  # "" when any message will do
    number: str  # as written: "0477 13 11 14"


def parse_sms(text: str) -> Sms | None:
    """A crisis line's `text` field as keyword and number, or None if it has another shape."""
    match = SMS.fullmatch(text)
    if match is None:
        return None
    return Sms(match["keyword"] or "", match["number"])


class CrisisLine(Record, frozen=True, kw_only=True):
    name: str
    kind: Literal["crisis", "support"]
    phone: str = ""
    text: str = ""  # how to text, e.g. "text 988" or "text HOME to 741741"
    chat: bool = False
    website: str = ""
    hours: str  # "24/7" or "see website for hours"
    for_whom: str = ""
    source: str
    checked: str
    # A service for young people: listed with the help at the end of the
    # summary for a person whose age group it serves. `ages` (first and last
    # year of age, as the service states them) says whom; a youth line without
    # `ages` is listed for under-18s only, since nobody said it takes adults.
    youth: bool = False
    ages: tuple[int, int] | None = None

    def serves(self, ages: tuple[int, int]) -> bool:
        """Whether this youth line serves anyone in an age group (first, last year)."""
        if not self.youth:
            return False
        first, last = self.ages or (0, 17)
        return first <= ages[1] and ages[0] <= last

    @property
    def sms(self) -> Sms | None:
        """How to text this service (keyword and number), when `text` is set and readable."""
        return parse_sms(self.text) if self.text else None


class Region(Record, frozen=True, kw_only=True):
    code: str  # upper case: AU, US, ... or a pack's own
    name: str
    emergency: str  # the emergency number, e.g. "000"
    lines: tuple[CrisisLine, ...]
    # The word people there use for the doctor they see first ("GP", "family
    # doctor"): headings and questions say it. Content decides, not code.
    doctor: str = "doctor"


class Crisis(Record, frozen=True, kw_only=True):
    schema_version: int
    danger_message: str
    regions: tuple[Region, ...]


# --- explore: questions and rules -------------------------------------------------


# The longest choice label that fits a 40-column terminal after the prompt's
# pointer and tick box ("» ○ "), so no choice is ever cut off.
CHOICE_LABEL_MAX = 34


class Choice(Record, frozen=True, kw_only=True):
    id: str
    label: str
    # "Prefer not to say": accepted, but recorded as not answered.
    skip: bool = False
    # Can't be ticked with any other choice ("Nothing at the moment").
    exclusive: bool = False
    # Ids this choice had before (an answers file may still use them), e.g.
    # "18-24" for "18-25": read as this choice, and named in error messages.
    old_ids: tuple[str, ...] = ()
    # For the age question: the first and last year of age the choice covers,
    # so the youth lines that serve it can be found (CrisisLine.serves).
    ages: tuple[int, int] | None = None


class Question(Record, frozen=True, kw_only=True):
    key: str
    prompt: str
    recap: str  # a short label for "what you told us", e.g. "Age group"
    help: str = ""
    type: Literal["single", "multiple"]
    choices: tuple[Choice, ...]
    personal: bool = False  # about the person's health or life (shown in the recap as such)
    when: dict[str, tuple[str, ...]] = {}
    # The one safety question (thoughts of suicide or self-harm): asked first;
    # `at_risk` lists the answers that show the crisis panel. Marked in the
    # data so that no content pack can rename or drop the safety flow.
    safety: bool = False
    at_risk: tuple[str, ...] = ()
    # The first entry of a single-choice prompt, where the cursor starts:
    # Enter alone never records an answer the person did not choose.
    skip_label: str = "Skip this question"


class Note(Record, frozen=True, kw_only=True):
    """A note shown when the answers match `when` (every key must match)."""

    id: str
    kind: Literal["note", "safety"] = "note"
    when: dict[str, tuple[str, ...]]
    needs_category: str = ""  # only when this category is shown
    title: str
    text: str
    references: tuple[str, ...] = ()
    show_categories: tuple[str, ...] = ()  # categories this answer brings in
    # Added to `text` only when the summary really lists youth lines at the end
    # (region known, and it has lines for the person's age); "{names}" is
    # replaced by their names. `text` itself never says help is listed below.
    if_youth_lines: str = ""


class NextSteps(Record, frozen=True, kw_only=True):
    region: str
    steps: tuple[str, ...]


class Explore(Record, frozen=True, kw_only=True):
    schema_version: int
    questions: tuple[Question, ...]
    notes: tuple[Note, ...]
    general_questions: tuple[str, ...]
    next_steps: tuple[NextSteps, ...]
    priority_reasons: dict[str, str]  # priority id -> "You said X matters to you."
    # priority id -> a question to ask a professional about it
    priority_questions: dict[str, str] = {}

    @property
    def safety_question(self) -> Question | None:
        """The question about suicide or self-harm (validate makes it the first)."""
        return next((q for q in self.questions if q.safety), None)


# --- decide: the Ottawa Personal Decision Guide and the SURE test -------------------


class SureQuestion(Record, frozen=True, kw_only=True):
    id: str  # sure, understand, risk-benefit, encouragement
    area: str  # the short name shown in results ("Sure of myself")
    question: str  # as the SURE test asks it (a quoted instrument)
    if_no: str  # what may help when the answer is no


class Decide(Record, frozen=True, kw_only=True):
    schema_version: int
    decision: str
    intro: str
    stages: tuple[Choice, ...]
    roles: tuple[Choice, ...]
    sure: tuple[SureQuestion, ...]
    sure_note: Fact  # what the score means, with its source
    next_steps: tuple[Choice, ...]
    credit: str
    references: tuple[str, ...]


# --- quiz, about, PHQ-9 -----------------------------------------------------------


class QuizItem(Record, frozen=True, kw_only=True):
    id: str
    statement: str
    answer: Literal["myth", "fact", "partly"]
    explanation: str
    references: tuple[str, ...] = ()


class Quiz(Record, frozen=True, kw_only=True):
    schema_version: int
    intro: str
    items: tuple[QuizItem, ...]


class Correction(Record, frozen=True, kw_only=True):
    claim: str  # what the source article said
    correction: str  # what we say instead
    references: tuple[str, ...] = ()


class Source(Record, frozen=True, kw_only=True):
    title: str
    author: str
    publisher: str
    published: str
    updated: str


class About(Record, frozen=True, kw_only=True):
    schema_version: int
    what_it_is: str
    what_it_is_not: str
    source: Source
    source_note: str
    corrections: tuple[Correction, ...]
    reviewed: dt.date
    review_due: dt.date  # after this, commands warn that the content may be out of date
    edition: str = ""
    changes: tuple[str, ...] = ()  # what changed in this edition, in plain words
    update_policy: str
    report_errors: str
    funding: str
    conflicts: str
    reading_level: str
    tools: str = ""  # decision-support tools used (credit as their terms ask)
    tools_references: tuple[str, ...] = ()
    standards: str


class Band(Record, frozen=True, kw_only=True):
    low: int
    high: int
    name: str
    meaning: str


class Phq9(Record, frozen=True, kw_only=True):
    schema_version: int
    stem: str
    answers: tuple[str, ...]
    items: tuple[str, ...]
    difficulty_question: str
    difficulty_answers: tuple[str, ...]
    bands: tuple[Band, ...]
    not_a_diagnosis: str
    share: str
    # Replaces the band's meaning when item 9 is above 0: whatever the total,
    # such thoughts matter (no "few or no symptoms" straight after them).
    thoughts_of_harm: str
    references: tuple[str, ...]


def cited_in(*records: Any) -> list[str]:
    """Every reference id the records cite, once each, in the order first cited."""
    found: dict[str, None] = {}
    for record in records:
        for _, refs in citations(record):
            found.update(dict.fromkeys(refs))
    return list(found)


def citations(record: Any, path: str = "") -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every (key path, reference ids) place where a record cites references."""
    found: list[tuple[str, tuple[str, ...]]] = []
    _add_citations(record, path, found)
    return iter(found)


def _add_citations(record: Any, path: str, found: list[tuple[str, tuple[str, ...]]]) -> None:
    # Appends to one list rather than nesting generators: each nested yield
    # costs a call, and a 1,000-option pack has 90,000 records and lists.
    if isinstance(record, Reference):
        return  # a reference cites nothing (and a pack may list thousands)
    if isinstance(record, Record):
        for name in record.__struct_fields__:
            value = getattr(record, name)
            if isinstance(value, str):
                continue  # a text cites nothing (and most fields are texts)
            where = f"{path}.{name}" if path else name
            if name == "references" and all(isinstance(ref, str) for ref in value):
                found.append((where, value))
            else:
                _add_citations(value, where, found)
    elif isinstance(record, tuple):
        for index, item in enumerate(record):
            if not isinstance(item, str):
                _add_citations(item, f"{path}[{index}]", found)
