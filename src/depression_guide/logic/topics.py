"""Resolve what a person typed (ids, aliases, any case) to topics; suggest on typos."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from depression_guide import strings as S
from depression_guide.errors import GuideError

if TYPE_CHECKING:
    from depression_guide.content import Content, model

Kind = Literal["category", "option", "background"]


@dataclass(frozen=True)
class Topic:
    """A resolved topic: what kind it is and its id."""

    kind: Kind
    id: str


def index(content: Content) -> dict[str, Topic]:
    """Every id and alias, case-folded, mapped to its topic."""
    found: dict[str, Topic] = {}
    groups: list[
        tuple[Kind, list[model.Category] | list[model.Option] | list[model.Background]]
    ] = [
        ("category", list(content.categories.values())),
        ("option", list(content.options.values())),
        ("background", list(content.background.values())),
    ]
    for kind, records in groups:
        for record in records:
            for word in (record.id, *record.aliases):
                found.setdefault(word.casefold(), Topic(kind, record.id))
    return found


def words_for(content: Content, kinds: tuple[Kind, ...], incomplete: str = "") -> list[str]:
    """Ids and aliases of the given kinds that start with `incomplete` (any case),
    ids first: what shell completion offers."""
    start = incomplete.casefold()
    ids: list[str] = []
    aliases: list[str] = []
    for word, topic in index(content).items():
        if topic.kind in kinds and word.startswith(start):
            (ids if word == topic.id.casefold() else aliases).append(word)
    return sorted(ids) + sorted(aliases)


def resolve(content: Content, words: list[str]) -> list[Topic]:
    """Resolve each word to a topic, keeping order and dropping repeats."""
    known = index(content)
    topics: list[Topic] = []
    for word in words:
        topic = known.get(word.strip().casefold())
        if topic is None:
            raise unknown_topic(word, list(known))
        if topic not in topics:
            topics.append(topic)
    return topics


def unknown_topic(word: str, known: list[str]) -> GuideError:
    """The error for a topic we do not know, with 'did you mean' when one is close."""
    close = difflib.get_close_matches(word.casefold(), known, n=3, cutoff=0.6)
    quoted = [f"'{c}'" for c in close]
    choices = (
        S.NAMES_OR.format(names=S.LIST_SEPARATOR.join(quoted[:-1]), last=quoted[-1])
        if len(quoted) > 1
        else "".join(quoted)
    )
    suggestion = " " + S.DID_YOU_MEAN.format(names=choices) if close else ""
    return GuideError(S.UNKNOWN_TOPIC.format(word=word) + suggestion, S.TOPICS_HINT)


def options_of(content: Content, topics: list[Topic]) -> list[model.Option]:
    """The options that topics name: an option itself, or every option of a category."""
    chosen: list[model.Option] = []
    for topic in topics:
        if topic.kind == "option":
            picked = [content.options[topic.id]]
        elif topic.kind == "category":
            picked = [o for o in content.options.values() if o.category == topic.id]
        else:
            picked = []
        chosen += [o for o in picked if o not in chosen]
    return chosen
