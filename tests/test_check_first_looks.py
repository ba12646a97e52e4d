"""The text rules' quick first looks find exactly what the rules found text by text.

`validate` lays each record's texts end to end and runs one cheap pattern
over them to pick the texts a rule must read (checks.Walk, checks.Joined).
These tests hold each rule, on records of many texts, to the rule as first
written: every pattern run on every text, one text at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from depression_guide.content import checks, model

# --- the rules as first written (one text at a time) -------------------------

# AUSTRALIAN before the look-ahead that lets its search skip ahead.
_AUSTRALIAN_AS_WRITTEN = re.compile(
    r"\bMedicare\b|\bMental Health Treatment Plan\b|\bBetter Access\b|\bPBS\b"
    r"|\b1[38]00 ?\d{2,3} ?\d{3,4}\b|\b13 ?\d\d ?\d\d\b|\b131 ?\d{3}\b"
    r"|(?<![\d,.])000(?!\d)|\b04\d\d ?\d{3} ?\d{3}\b"
)
_WORD = re.compile(r"[a-z]+")  # the words the trigger words were looked up in
_DOUBLED_AS_WRITTEN = re.compile(r"\b(?!had\b)([a-z]+)\s+\1\b")
# STATISTIC before the look-ahead.
_STATISTIC_AS_WRITTEN = re.compile(
    r"\d+(?:\.\d+)?\s*%|\b\d+\s+(?:in|of|out of)\s+(?:every\s+)?\d+\b|\b[gd]\s*=\s*-?\d"
    r"|\b(?:effect size|hazard ratio|risk ratio|odds ratio|SMD)\b[^.]*\d|\b95% CI\b"
    r"|\b\d+\.\d+\b|\b\d+(?:\.\d+)?\s+points?\b"
    r"|\b\d[\d,]*\s+(?:trials|studies|people|adults|participants|patients)\b",
    re.IGNORECASE,
)


def _text_problems_as_written(record: Any) -> list[str]:
    problems = []
    for key, text, cited in checks.texts(record):
        quoted = key.rsplit(".", 1)[-1] in checks.QUOTED
        found = _STATISTIC_AS_WRITTEN.search(text) if re.search(r"\d", text) else None
        if found and not cited and not quoted:
            problems.append(
                f"{key}: the number in '{found[0]}' needs a reference; put it in a statement "
                "with references"
            )
        words = set(_WORD.findall(text.lower()))
        for why, triggers, pattern in (
            checks.SAFE_MESSAGING_RULES if quoted else checks.WORDING_RULES
        ):
            if triggers.isdisjoint(words):
                continue
            cleaned = checks.ALLOWED.sub(" ", text)
            problems += [f"{key}: '{m[0]}' {why}; reword it" for m in pattern.finditer(cleaned)]
    return problems


def _typing_problems_as_written(record: Any) -> list[str]:
    problems = []
    for key, text, _ in checks.texts(record):
        broken = checks.FOLDING_ARTEFACT.search(text)
        if broken:
            problems.append(f"{key}: '{broken[0]}' is a word broken by a hyphen and a space")
        doubled = checks.DOUBLED_WORD.search(text)
        if doubled:
            problems.append(f"{key}: '{doubled[0]}' is a doubled word")
    return problems


def _australian_paths(record: Any, path: str = "") -> Iterator[str]:
    if isinstance(record, dict):
        for key, value in record.items():
            where = f"{path}.{key}"
            if key == "AU":
                yield where
            else:
                yield from _australian_paths(value, where)
    elif isinstance(record, tuple):
        for index, item in enumerate(record):
            if not isinstance(item, str):
                yield from _australian_paths(item, f"{path}[{index}]")
    elif isinstance(record, model.Record):
        if checks.region_of(record) == ("AU",):
            yield path
            return
        for name in record.__struct_fields__:
            value = getattr(record, name)
            if not isinstance(value, str):
                yield from _australian_paths(value, f"{path}.{name}" if path else name)


def _region_problems_as_written(record: Any) -> list[str]:
    keyed = tuple(_australian_paths(record))
    problems = []
    for key, text, _ in checks.texts(record):
        if any(key == p or key.startswith((f"{p}.", f"{p}[")) for p in keyed):
            continue
        found = _AUSTRALIAN_AS_WRITTEN.search(text)
        if found:
            problems.append(
                f"{key}: '{found[0]}' is Australian; put it in text keyed to AU "
                "(access: AU, region: AU, or a note for region AU)"
            )
    return problems


def _messages(problems: list[Any]) -> list[str]:
    return [f"{p.key}: {p.problem}" for p in problems]


# --- records of many texts, made of the words at the rules' edges ------------

# Trigger words whole, inside other words and in other cases; the one allowed
# instruction; numbers that are findings and numbers that are not; Australian
# services and numbers; slips; letters that grow when made lower case (İ) or
# that IGNORECASE folds to ASCII (ſ ı K); the character put between texts.
_WORDS = [
    "you should take",
    "You MUST stop",
    "you need to try",
    "stop taking",
    "STOP",
    "unstoppable",
    "needle",
    "needs",
    "start your medicine",
    "change the dose",
    "is the best treatment",
    "the best option for you",
    "cure",
    "Cured",
    "secure",
    "guaranteed",
    "miracle",
    "committed suicide",
    "commit",
    "successful suicide",
    "failed attempt",
    "chatbot for crisis support",
    "chat bots in a crisis, not",
    "Don't stop an antidepressant suddenly; talk to your prescriber first.",
    "50%",
    "D=1",
    "95% CI",
    "effect size 0.4",
    "Hazard ratio 2",
    "odds ratio of 3",
    "risk ratio 1",
    "SMD 0.2",
    "ſMD 0.2",
    "٣ in ١٠",
    "7 out of every 10",
    "3 in 10",
    "g = 0.3",
    "2013",
    "1.5",
    "12 trials",
    "4 points",
    "Medicare",
    "Mental Health Treatment Plan",
    "Better Access",
    "PBS",
    "1300 22 4636",
    "1800 123 456",
    "13 11 14",
    "131 114",
    "000",
    "1,000",
    "0412 345 678",
    "04",
    "18",
    "the the",
    "The the",
    "had had",
    "psilocybin- assisted",
    "x- ray",
    "İs",
    "ſtop",
    "ſtop taking",
    "nonstop",
    "ſhould",
    "sıx",
    "K",
    "é",
    "\x00",
    "",
    "a",
]
_GAPS = [" ", "  ", "", ". ", ", ", "\n", "- ", "\x00", "-"]

_text = st.lists(
    st.tuples(st.sampled_from(_WORDS) | st.text(max_size=3), st.sampled_from(_GAPS)),
    max_size=6,
).map(lambda parts: "".join(word + gap for word, gap in parts))


@st.composite
def _records(draw: st.DrawFn) -> tuple[Any, ...]:
    """A tuple of records (as a file holds them): cited and uncited texts,
    quoted ones, and texts keyed to Australia or to another region."""
    made: list[Any] = []
    for kind in draw(st.lists(st.integers(0, 5), min_size=1, max_size=6)):
        one, two = draw(_text), draw(_text)
        cites = ("ref",) if draw(st.booleans()) else ()
        if kind == 0:
            made.append(model.Section(heading=one, text=two, references=cites))
        elif kind == 1:
            made.append(model.Section(heading=one, text=two, references=cites, region="AU"))
        elif kind == 2:  # a quoted claim, corrected
            made.append(
                model.QuizItem(
                    id="q", statement=one, answer="myth", explanation=two, references=cites
                )
            )
        elif kind == 3:
            made.append({"AU": one, "NZ": two})
        elif kind == 4:
            made.append(model.NextSteps(region="AU", steps=(one, two)))
        else:
            made.append(model.Statement(text=one, references=cites))
    return tuple(made)


@settings(max_examples=600, deadline=None)
@given(_records())
# A trigger word at the end of a longer word is not that word ("nonstop"):
# as first written, "ſtop taking" (ſ is s to IGNORECASE) beside it is not read.
@example((model.Section(heading="", text="nonstop ſtop taking"),))
def test_each_rule_finds_what_it_found_text_by_text(record: tuple[Any, ...]) -> None:
    assert _messages(checks.text_problems("f", record)) == _text_problems_as_written(record)
    assert _messages(checks.typing_problems("f", record)) == _typing_problems_as_written(record)
    assert _messages(checks.region_problems("f", record)) == _region_problems_as_written(record)


def test_the_rules_share_one_walk_in_a_check() -> None:
    # Inside a check the walk, and the texts laid end to end, are made once
    # and read by every rule (what keeps validate fast on a large pack).
    record = (model.Section(heading="Medicare", text="You should stop taking it."),)
    with checks._shared_walks():
        first = checks.walk_of(record)
        found = (
            checks.text_problems("f", record)
            + checks.typing_problems("f", record)
            + checks.region_problems("f", record)
        )
        assert checks.walk_of(record) is first
    assert len(found) == 3, _messages(found)


@pytest.mark.parametrize(
    "example",
    [
        "Medicare",
        "a Mental Health Treatment Plan",
        "Better Access",
        "the PBS",
        "1300 22 4636",
        "1800 123 456",
        "13 11 14",
        "131 114",
        "call 000",
        "0412 345 678",
    ],
)
def test_every_kind_of_australian_text_is_found(example: str) -> None:
    # AUSTRALIAN starts with a look-ahead of the first letters its
    # alternatives can start with; one text for each alternative.
    assert [p.key for p in checks.region_problems("f", {"NZ": example})] == [".NZ"]
    assert checks.region_problems("f", {"AU": example}) == []
    assert any(hint in example for hint in checks.AUSTRALIAN_HINTS)
    assert _AUSTRALIAN_AS_WRITTEN.search(example)


def test_the_doubled_word_pattern_is_the_one_first_written() -> None:
    # [a-z]++ (possessive) in DOUBLED_WORD_LOWER: the same matches.
    for text in ["the the", "thethe the", "the theory", "had had", "a  a", "ab ab.", "x1 x1"]:
        fast, first = checks.DOUBLED_WORD_LOWER.search(text), _DOUBLED_AS_WRITTEN.search(text)
        assert (fast and fast.span()) == (first and first.span()), text


@settings(max_examples=1500, deadline=None)
@given(_text)
def test_the_number_pattern_finds_what_it_found_without_its_look_ahead(text: str) -> None:
    fast, first = checks.STATISTIC.search(text), _STATISTIC_AS_WRITTEN.search(text)
    assert (fast and fast.span()) == (first and first.span())


def test_a_reference_has_nothing_that_cites() -> None:
    # model.citations skips Reference records (references.yaml may list
    # thousands): that holds while none of their parts has a reference list.
    from typing import get_type_hints

    kinds: list[type[model.Record]] = [model.Reference]
    while kinds:
        kind = kinds.pop()
        assert "references" not in kind.__struct_fields__, kind
        for hint in get_type_hints(kind).values():
            for inner in (hint, *getattr(hint, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, model.Record):
                    kinds.append(inner)
