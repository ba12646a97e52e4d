"""Reading YAML and JSON safely: size limit, safe loader, line numbers in errors."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from sys import intern
from typing import Any

from depression_guide import strings as S
from depression_guide.errors import GuideError

# An answers file is small; a bigger one is refused before parsing so that a
# huge or hostile file cannot eat memory. Content files may be larger (a pack's
# references.yaml with thousands of entries), but not unbounded.
MAX_BYTES = 1_000_000
MAX_CONTENT_BYTES = 10_000_000
# A YAML "billion laughs" file expands aliases exponentially; safe_load does
# not stop it, so we count alias uses ourselves.
MAX_ALIASES = 20


def read_text(path: Path, what: str, limit: int = MAX_BYTES) -> str:
    """Read a small UTF-8 text file, or raise a GuideError that says what is wrong."""
    if path.is_dir():
        raise GuideError(S.FILE_IS_A_FOLDER.format(what=what, path=path), S.GIVE_A_FILE_PATH)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GuideError(S.FILE_MISSING.format(what=what, path=path), S.CHECK_THE_PATH) from None
    except OSError as exc:
        raise GuideError(S.CANNOT_READ.format(what=what, path=path, problem=exc.strerror)) from None
    if size > limit:
        raise GuideError(
            S.FILE_TOO_LARGE.format(what=what, path=path, size=f"{size:,}", limit=f"{limit:,}")
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GuideError(S.CANNOT_READ.format(what=what, path=path, problem=exc.strerror)) from None
    return decode_text(raw, f"{what} '{path}'", limit)


def decode_text(raw: bytes, label: str, limit: int = MAX_BYTES) -> str:
    """Decode bytes as UTF-8 text, refusing binary data."""
    if len(raw) > limit:
        raise GuideError(S.TEXT_TOO_LARGE.format(label=label, limit=f"{limit:,}"))
    if b"\x00" in raw:
        raise GuideError(S.NOT_TEXT.format(label=label), S.NOT_TEXT_HINT)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GuideError(S.NOT_UTF8.format(label=label), S.NOT_UTF8_HINT) from None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Parsing YAML makes thousands of dicts and strings; the collector keeps
    rescanning them as they pile up, which made a 1 MB file take 1.0 s instead
    of 0.36 s. They hold no cycles, so reference counting frees them anyway,
    and the collector runs again as soon as the block ends.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class _DuplicateKey(Exception):
    """A mapping gives the same key twice (raised inside the YAML constructor)."""

    def __init__(self, key: object, first_line: int | None, second_line: int | None) -> None:
        super().__init__(key)
        self.key = key
        self.first_line = first_line
        self.second_line = second_line

    def describe(self, label: str) -> str:
        """The one-line error, naming the file, the key and both lines when known."""
        lines = (
            S.KEY_TWICE_LINES.format(first=self.first_line, second=self.second_line)
            if self.first_line and self.second_line
            else ""
        )
        return S.KEY_TWICE.format(label=label, key=self.key, lines=lines)

    def refused(self, label: str) -> GuideError:
        # YAML (and JSON) keep the last of two equal keys without a word, so
        # `risk_now: "yes"` followed by `risk_now: "no"` would silently become
        # "no": a safety answer flipped. Every file the program reads is
        # refused instead.
        return GuideError(self.describe(label), S.KEY_TWICE_HINT)


@functools.cache
def _strict_loader(base: type) -> type:
    """A subclass of a PyYAML safe loader (C or pure Python) that refuses duplicated keys."""
    import yaml

    class StrictLoader(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # `<<: *base` may be overridden on purpose
                if not isinstance(key_node, yaml.ScalarNode):
                    continue  # the base constructor refuses unhashable keys itself
                key = self.construct_object(key_node)
                line = key_node.start_mark.line + 1
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # an unhashable key: the base constructor says so itself
                if first is not None:
                    raise _DuplicateKey(key, first, line)
                seen[key] = line
            return super().construct_mapping(node, deep=deep)

    return StrictLoader


class _NotPlain(Exception):
    """The document uses something the quick reader leaves to PyYAML's own
    constructor: an anchor, a merge key, a complex key, a tag of its own, a
    value PyYAML refuses, or a key given twice (so that the refusal, and which
    duplicate is named first, come from one place: the StrictLoader)."""


# The tags whose values the quick reader makes with PyYAML's own functions.
_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "binary", "timestamp")
)
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


@functools.cache
def _quick_reader() -> Callable[[str], Any] | None:
    """Read YAML that uses only mappings, lists and plain values, from the
    node tree libyaml builds (tags resolved as PyYAML resolves them), about
    twice as fast as PyYAML's constructor; None without libyaml.

    Values are made as PyYAML makes them (its own functions for numbers,
    booleans, dates). It never returns a mapping with a key given twice: it
    hands that document, like anything else unusual, to PyYAML's StrictLoader
    (_NotPlain), which refuses it with both lines, as for every file.
    """
    import yaml

    c_parser = getattr(getattr(yaml, "_yaml", None), "CParser", None)
    if c_parser is None or not hasattr(yaml, "CSafeLoader"):
        return None

    resolver = yaml.resolver.Resolver
    by_first_letter = resolver.yaml_implicit_resolvers
    scalar_node, sequence_node, mapping_node = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode

    class Composer(c_parser, resolver):  # type: ignore[misc, valid-type]
        def __init__(self, text: str) -> None:
            c_parser.__init__(self, text)  # type: ignore[misc]
            resolver.__init__(self)

        if None not in by_first_letter and not resolver.yaml_path_resolvers:
            # libyaml asks for every node's tag, and PyYAML's resolve() was a
            # fifth of the time on a large pack. This is that method for the
            # safe loader's resolver, which has no path resolvers and none for
            # every first letter (both checked here): a plain scalar is tried
            # against the resolvers for its first letter, anything else takes
            # its kind's tag. tests/test_duplicate_keys.py compares the two.
            def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
                if kind is scalar_node:
                    if implicit[0]:
                        for tag, pattern in by_first_letter.get(value[:1], ()):
                            if pattern.match(value):
                                return str(tag)
                    return _STR
                return _SEQ if kind is sequence_node else _MAP

            def descend_resolver(self, current_node: Any, current_index: Any) -> None:
                pass  # only path resolvers need to follow the path

            def ascend_resolver(self) -> None:
                pass

    scalars = yaml.constructor.SafeConstructor()
    makers = scalars.yaml_constructors

    def value(node: Any) -> Any:
        kind, tag = type(node), node.tag
        if kind is scalar_node:
            if tag == _STR:
                return node.value
            if tag in _SCALARS:
                try:
                    return makers[tag](scalars, node)
                except Exception:  # PyYAML's own error, from its own reading
                    raise _NotPlain from None
        elif kind is sequence_node:
            if tag == _SEQ:
                return [
                    item.value if type(item) is scalar_node and item.tag == _STR else value(item)
                    for item in node.value
                ]
        elif kind is mapping_node and tag == _MAP:
            # Texts, most of the nodes, are taken here without a call of
            # value() each (a tenth of the parse on a large pack).
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is not scalar_node:
                    raise _NotPlain  # a complex key, or a merge (`<<`)
                # Keys interned: the same few dozen names, thousands of times,
                # pickled once each when a large pack is parsed on two cores.
                key = intern(key_node.value) if key_node.tag == _STR else value(key_node)
                if key in mapping:
                    raise _NotPlain  # a key given twice: refused by the StrictLoader
                mapping[key] = (
                    value_node.value
                    if type(value_node) is scalar_node and value_node.tag == _STR
                    else value(value_node)
                )
            return mapping
        raise _NotPlain

    def read(text: str) -> Any:
        composer = Composer(text)
        try:
            node = composer.get_single_node()
        finally:
            composer.dispose()
        return None if node is None else value(node)

    return read


def parse_yaml(text: str, label: str) -> Any:
    """Parse YAML with the safe (C if available) loader; errors give the line number.

    A key given twice in one mapping is an error, not last-wins.
    """
    try:
        return _parse_yaml(text, label)
    except _DuplicateKey as dup:
        raise dup.refused(label) from None


def _parse_yaml(text: str, label: str) -> Any:
    """parse_yaml, with a key given twice left as a _DuplicateKey."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader_cls = _strict_loader(base)
    if text.count("*") > MAX_ALIASES:
        # Cheap pre-check; the event scan below is exact.
        aliases = sum(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=base))
        if aliases > MAX_ALIASES:
            raise GuideError(S.TOO_MANY_ALIASES.format(label=label, aliases=aliases))
    quick = _quick_reader() if base is not yaml.SafeLoader and "&" not in text else None
    try:
        if quick is not None:
            with contextlib.suppress(_NotPlain):
                return quick(text)
        return yaml.load(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = S.AT_LINE_COLUMN.format(line=mark.line + 1, column=mark.column + 1) if mark else ""
        # PyYAML's own words for the problem stay in English: there is no
        # list of them to translate.
        problem = getattr(exc, "problem", None) or "not valid YAML"
        message = S.NOT_VALID_YAML.format(label=label, where=where, problem=problem)
        raise GuideError(message) from None


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict, refusing a key given twice."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key, None, None)
        result[key] = value
    return result


def _json_duplicate_lines(text: str, dup: _DuplicateKey) -> _DuplicateKey:
    """The duplicate with its line numbers, found by reading the JSON as YAML (a superset)."""
    try:
        _parse_yaml(text, "")
    except _DuplicateKey as found:
        if found.first_line and found.second_line:
            return _DuplicateKey(dup.key, found.first_line, found.second_line)
    except GuideError:
        pass
    return dup


def parse_yaml_or_json(text: str, label: str) -> Any:
    """Parse JSON if it looks like JSON, else YAML (JSON is mostly YAML anyway)."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text, object_pairs_hook=_unique_pairs)
        except _DuplicateKey as dup:
            raise _json_duplicate_lines(text, dup).refused(label) from None
        except json.JSONDecodeError as exc:
            where = S.AT_LINE_COLUMN.format(line=exc.lineno, column=exc.colno)
            raise GuideError(
                S.NOT_VALID_JSON.format(label=label, where=where, problem=exc.msg)
            ) from None
    return parse_yaml(text, label)
