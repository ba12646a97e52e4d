"""Answers -> Summary: which options to show, why, and which notes apply.

Pure functions: no I/O, no prompts. The rules come from explore.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import msgspec

from depression_guide import strings as S
from depression_guide.logic.answers import Answer, Answers, matches

if TYPE_CHECKING:
    from depression_guide.content import Content, model

# Shown when a person does not choose what to read about.
DEFAULT_CATEGORIES = ("psychotherapy", "lifestyle", "medication", "digital")
# Always part of the decision (decision-aid standards: not starting a treatment
# now is an option), but named under "More options" unless the person chose it:
# a card would read like a suggestion to wait.
ALWAYS_NAMED = ("not-yet",)
# "Questions you could ask": at most this many, so the list gets read.
MAX_QUESTIONS = 6
# How many of a category's options get a card in the overview (the rest are
# named, one command away): all a person asked for fit on a page this way.
CARDS_WHEN_CHOSEN = 3
CARDS_WHEN_BROUGHT_IN = 2
CARDS_BY_DEFAULT = 1
# At most this many cards in all (more only when more topics are chosen, one
# each): a page holds about four, and a decision aid compares a handful of
# options, not a catalogue (an Option Grid is one page).
MAX_CARDS = 4


@dataclass(frozen=True)
class Shown:
    """An option in the summary, with the reasons it is there."""

    option: model.Option
    why: tuple[str, ...]
    using_it: bool  # the person already uses this kind of treatment


@dataclass(frozen=True)
class Section:
    category: model.Category
    options: tuple[Shown, ...]  # every option of the category, in content order
    reason: str  # why the category is shown
    cards: int  # how many of `options` get a card in the overview

    @property
    def at_a_glance(self) -> tuple[Shown, ...]:
        return self.options[: self.cards]

    @property
    def also(self) -> tuple[Shown, ...]:
        return self.options[self.cards :]


@dataclass(frozen=True)
class Recap:
    key: str
    question: str
    answer: str  # in words, as the person chose it


@dataclass
class Summary:
    """Everything the summary shows, in the order DESIGN.md gives."""

    region: str | None  # None: not known (help for every region, neutral next steps)
    answers: dict[str, Answer]
    at_risk: bool
    made: dt.date | None = None  # the date it was made, shown at the top
    recap: list[Recap] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    notes: list[model.Note] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    next_steps: tuple[str, ...] = ()
    # The region's services for the person's age group, listed with the help
    # at the end (and at the top when at risk); empty when the region is unknown.
    youth_lines: tuple[model.CrisisLine, ...] = ()

    @property
    def region_known(self) -> bool:
        return self.region is not None


NEUTRAL_STEPS = "OTHER"  # next steps that fit anywhere: no region's services named


def at_risk(explore: model.Explore, answers: Answers) -> bool:
    """Whether the answer to the safety question is one that shows the crisis panel."""
    question = explore.safety_question
    return question is not None and answers.get(question.key) in question.at_risk


def labels(question: model.Question, answer: Answer | None) -> str:
    """An answer in the words of its choices."""
    if answer is None:
        return S.RECAP_NOT_ANSWERED
    chosen = (answer,) if isinstance(answer, str) else answer
    if not chosen:
        return S.RECAP_NONE_CHOSEN
    names = {c.id: c.label for c in question.choices}
    return S.LIST_SEPARATOR.join(names.get(a, a) for a in chosen)


def _as_tuple(answer: Answer | None) -> tuple[str, ...]:
    if answer is None:
        return ()
    return (answer,) if isinstance(answer, str) else answer


def summarise(
    content: Content,
    answers: Answers,
    region: str | None,
    made: dt.date | None = None,
) -> Summary:
    """Build the summary for a set of answers (any subset of the questions).

    `region` is the run's one region (None when not known); the answers'
    `region`, if any, must already agree with it (the command sees to that).
    """
    explore = content.explore
    summary = Summary(
        region=region,
        answers=dict(answers),
        at_risk=at_risk(explore, answers),
        made=made,
    )
    # Only what the person told us: a skipped question is not in the recap.
    summary.recap = [
        Recap(q.key, q.recap, labels(q, answers[q.key]))
        for q in explore.questions
        if answers.get(q.key)
    ]

    notes = [note for note in explore.notes if matches(note.when, answers)]
    interests = _as_tuple(answers.get("interests"))
    chosen = list(interests or DEFAULT_CATEGORIES)
    brought_in: dict[str, model.Note] = {}
    for note in notes:
        for category_id in note.show_categories:
            if category_id not in chosen:
                chosen.append(category_id)
                brought_in[category_id] = note
    named_only = [c for c in ALWAYS_NAMED if c not in chosen]
    chosen += named_only

    priorities = _as_tuple(answers.get("priorities"))
    using = _as_tuple(answers.get("current_treatment"))
    sizes = Counter(option.category for option in content.options.values())
    # A category wants no more cards than it has options, so none goes to waste.
    given = share_cards(
        {
            c: 0 if c in named_only else min(cards_wanted(c, brought_in, bool(interests)), sizes[c])
            for c in chosen
            if c in content.categories
        },
        first=tuple(brought_in),
    )
    for category_id in chosen:
        category = content.categories.get(category_id)
        if category is None:
            continue
        if category_id in brought_in:
            # Names and titles are used as the content writes them (no case
            # surgery), so a translated pack reads right too.
            reason = S.SHOWN_BECAUSE.format(
                category=category.name, title=brought_in[category_id].title
            )
        elif category_id in named_only:
            reason = f"{category.name}: always one of the choices."
        elif interests:
            reason = S.YOU_ASKED_ABOUT.format(category=category.name)
        else:
            reason = S.NO_TOPICS_CHOSEN
        shown = [
            _shown(option, reason, priorities, explore.priority_reasons, using)
            for option in content.options.values()
            if option.category == category_id
        ]
        # The content's order (established first, research-only last), never
        # re-ranked by priorities: "why shown" says which priorities an option meets.
        summary.sections.append(Section(category, tuple(shown), reason, given[category_id]))

    summary.youth_lines = youth_lines(content, answers, region) if region else ()
    shown_categories = {s.category.id for s in summary.sections}
    matching = [
        with_youth_lines(n, summary.youth_lines)
        for n in notes
        if not n.needs_category or n.needs_category in shown_categories
    ]
    # Safety notes first: they must not be missed.
    summary.notes = sorted(matching, key=lambda n: n.kind != "safety")
    summary.questions = questions_to_ask(explore, summary.sections, priorities)

    steps: dict[str, tuple[str, ...]] = {s.region: s.steps for s in explore.next_steps}
    # Not known: the steps for "somewhere else", which name no region's services.
    summary.next_steps = steps.get(region or NEUTRAL_STEPS) or steps.get(NEUTRAL_STEPS) or ()
    return summary


def youth_lines(content: Content, answers: Answers, region: str) -> tuple[model.CrisisLine, ...]:
    """The region's youth lines that serve the person's age group (none if not given).

    The age question is the one whose choices carry `ages`; a pack without
    them lists no youth lines, and its notes then never say they are listed.
    """
    for question in content.explore.questions:
        answer = answers.get(question.key)
        chosen = next((c for c in question.choices if c.ages and c.id == answer), None)
        if chosen is not None and chosen.ages is not None:
            ages = chosen.ages
            return tuple(line for line in content.region(region).lines if line.serves(ages))
    return ()


def with_youth_lines(note: model.Note, lines: tuple[model.CrisisLine, ...]) -> model.Note:
    """The note with its youth-lines sentence, only when those lines are listed."""
    if not note.if_youth_lines or not lines:
        return note
    names = S.LIST_SEPARATOR.join(line.name for line in lines)
    sentence = note.if_youth_lines.replace("{names}", names)
    return msgspec.structs.replace(note, text=f"{note.text} {sentence}")


def cards_wanted(category: str, brought_in: dict[str, model.Note], chose_topics: bool) -> int:
    """How many cards a category would like in the overview.

    A category a note brings in (two antidepressants tried: "when other
    treatments haven't helped") is what this person's answers point to. When
    they chose no topics, it takes the cards, and the main kinds of care are
    named under "More options", one command away: with the notes, a card for
    each kind as well would not fit on a page.
    """
    if category in brought_in:
        return CARDS_WHEN_BROUGHT_IN
    if chose_topics:
        return CARDS_WHEN_CHOSEN
    return 0 if brought_in else CARDS_BY_DEFAULT


def share_cards(wanted: dict[str, int], first: tuple[str, ...] = ()) -> dict[str, int]:
    """Cards shared out in turns: one for every category that wants any (a topic
    the person chose is never left with only its name), then more in turns
    while there are fewer than MAX_CARDS. In each turn the categories in `first`
    (brought in by a note: what this person's answers point to) come first."""
    order = [c for c in first if c in wanted] + [c for c in wanted if c not in first]
    given = dict.fromkeys(wanted, 0)
    for category in order:
        given[category] = min(wanted[category], 1)
    while sum(given.values()) < MAX_CARDS:
        hungry = [c for c in order if given[c] < wanted[c]]
        if not hungry:
            break
        for category in hungry[: MAX_CARDS - sum(given.values())]:
            given[category] += 1
    return given


def questions_to_ask(
    explore: model.Explore, sections: list[Section], priorities: tuple[str, ...]
) -> list[str]:
    """At most MAX_QUESTIONS, no repeats: two general ones, then one for each
    priority given, then one for each option at a glance, then the rest."""
    general = list(explore.general_questions)
    candidates = general[:2]
    candidates += [
        explore.priority_questions[p] for p in priorities if p in explore.priority_questions
    ]
    candidates += [
        item.option.questions[0]
        for section in sections
        for item in section.at_a_glance
        if item.option.questions
    ]
    candidates += general[2:]
    chosen: list[str] = []
    for question in candidates:
        if question not in chosen:
            chosen.append(question)
    return chosen[:MAX_QUESTIONS]


def _shown(
    option: model.Option,
    reason: str,
    priorities: tuple[str, ...],
    priority_reasons: dict[str, str],
    using: tuple[str, ...],
) -> Shown:
    why = [reason]
    why += [
        priority_reasons[p] for p in option.priorities if p in priorities and p in priority_reasons
    ]
    # Medicines (and options with a safety note, such as esketamine, which is
    # given with an antidepressant) get "don't stop suddenly" for people on one.
    using_it = "antidepressant" in using and (
        option.category == "medication" or bool(option.safety_note)
    )
    return Shown(option, tuple(why), using_it)
