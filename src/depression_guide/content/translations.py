"""Content translations: files beside the English, laid over it field by field.

A language's translations live in `i18n/<lang>/<the same relative path>`
(data/i18n/zh-Hans/options/cbt.yaml translates data/options/cbt.yaml). Each
translated field records `source_hash`, the fingerprint of the English it was
made from. When the English changes, the fingerprint no longer matches and the
field shows the English again, marked as English: an old translation of text
that has since changed could carry a number or a warning that is no longer
true, so it is never shown. Pure functions over parsed YAML: no I/O here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

I18N = "i18n"  # the folder of translations, in the built-in content and in packs
SCHEMA_VERSION = 1

# Keys whose values are never translated anywhere: ids, codes, references and
# the facts a person dials or types. A `when` condition is skipped whole.
KEEP_KEYS = frozenset(
    {
        "schema_version", "id", "key", "code", "aliases", "references", "category",
        "region", "certainty", "kind", "checked", "source", "website", "phone", "url",
        "doi", "type", "verified", "answer", "tools_references", "needs_category",
        "show_categories", "at_risk", "when", "author", "publisher", "topic",
        # Not "title": the explore notes' titles are headings a person reads (three
        # head safety notes). Cited works' titles stay English: references.yaml is
        # kept whole, and about.yaml's article sits under "source".
        "priorities",
    }
)  # fmt: skip
# Whole files that stay English: the references are cited works.
KEEP_FILES = frozenset({"references.yaml"})
# Fields kept in English in one file, by key path with '*' for any segment.
KEEP_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    # Services' names and text codes exactly as the services give them.
    "crisis.yaml": (("regions", "*", "lines", "*", "name"), ("regions", "*", "lines", "*", "text")),
    # A questionnaire's translation must be the validated one: ours is not,
    # so the PHQ-9's questions and answers stay exactly as published.
    "phq9.yaml": (("stem",), ("answers",), ("items",), ("difficulty_question",),
                  ("difficulty_answers",)),
}  # fmt: skip


def fingerprint(text: str) -> str:
    """A short fingerprint of English text: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def wordy(text: str) -> bool:
    """Whether text has words to translate ('000' and '24/7' have none)."""
    return any(char.isalpha() for char in text)


def _segment(item: Any, index: int) -> str:
    """A list item's place in a path: its id, key or code if it has one, else its index."""
    if isinstance(item, dict):
        for name in ("id", "key", "code"):
            if isinstance(item.get(name), str | int) and not isinstance(item.get(name), bool):
                return str(item[name])
    return str(index)


def _kept(relative: str, keys: tuple[str, ...]) -> bool:
    for pattern in KEEP_PATHS.get(relative, ()):
        if len(pattern) <= len(keys) and all(
            p in ("*", k) for p, k in zip(pattern, keys, strict=False)
        ):
            return True
    return False


def _walk(
    relative: str, node: Any, path: tuple[str, ...], keys: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str]]:
    """(path, English text) of every translatable string under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            name = str(key)
            if name in KEEP_KEYS or _kept(relative, (*keys, name)):
                continue
            yield from _walk(relative, value, (*path, name), (*keys, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(relative, item, (*path, _segment(item, index)), (*keys, "*"))
    elif isinstance(node, str) and wordy(node):
        yield path, node


def translatable(relative: str, data: Any) -> dict[str, str]:
    """The fields a translation of one file may carry: key path -> English text."""
    if relative in KEEP_FILES:
        return {}
    return {".".join(path): text for path, text in _walk(relative, data, (), ())}


@dataclass
class Coverage:
    """How much of one file a language covers."""

    total: int = 0
    current: list[str] = field(default_factory=list)  # translated from today's English
    stale: list[str] = field(default_factory=list)  # made from English that has changed
    missing: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # translations of fields that are gone

    @property
    def percent(self) -> int:
        # Rounded down: 100 only when every field is translated (903 of 904 is 99).
        return 100 * len(self.current) // self.total if self.total else 100


def entries(translation: Any) -> dict[str, dict[str, Any]]:
    """The `fields` of a parsed translation file (empty when there is none)."""
    if not isinstance(translation, dict):
        return {}
    found = translation.get("fields")
    return found if isinstance(found, dict) else {}


def current_text(entry: Any, english: str) -> str | None:
    """A translated field's text, if it was made from this English; else None."""
    if not isinstance(entry, dict):
        return None
    text, source = entry.get("text"), entry.get("source_hash")
    if not isinstance(text, str) or not text.strip() or source != fingerprint(english):
        return None
    return text


def coverage(relative: str, english: Any, translation: Any) -> Coverage:
    """Which fields of one file are translated, stale or missing."""
    fields = translatable(relative, english)
    given = entries(translation)
    report = Coverage(total=len(fields))
    for path, text in fields.items():
        if path not in given:
            report.missing.append(path)
        elif current_text(given[path], text) is None:
            report.stale.append(path)
        else:
            report.current.append(path)
    report.orphans = [path for path in given if path not in fields]
    return report


def overlay(relative: str, english: Any, translation: Any, mark: Callable[[str], str]) -> Any:
    """The English data with each current translation laid over its field.

    A missing or stale field keeps its English text, passed through `mark`
    (which says it is English); never an old translation.
    """
    if relative in KEEP_FILES:
        return english
    given = entries(translation)

    def build(node: Any, path: tuple[str, ...], keys: tuple[str, ...]) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                name = str(key)
                if name in KEEP_KEYS or _kept(relative, (*keys, name)):
                    out[key] = value
                else:
                    out[key] = build(value, (*path, name), (*keys, name))
            return out
        if isinstance(node, list):
            return [
                build(item, (*path, _segment(item, index)), (*keys, "*"))
                for index, item in enumerate(node)
            ]
        if isinstance(node, str) and wordy(node):
            text = current_text(given.get(".".join(path)), node)
            return text if text is not None else mark(node)
        return node

    return build(english, (), ())
