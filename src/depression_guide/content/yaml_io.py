"""Reading YAML and JSON safely: size limit, safe loader, line numbers in errors."""

from __future__ import annotations

import functools
import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
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
        raise GuideError(f"{what} '{path}' is too large ({size:,} bytes; the limit is {limit:,}).")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GuideError(S.CANNOT_READ.format(what=what, path=path, problem=exc.strerror)) from None
    return decode_text(raw, f"{what} '{path}'", limit)


def decode_text(raw: bytes, label: str, limit: int = MAX_BYTES) -> str:
    """Decode bytes as UTF-8 text, refusing binary data."""
    if len(raw) > limit:
        raise GuideError(f"{label} is too large (the limit is {limit:,} bytes).")
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
            f" (line {self.first_line} and line {self.second_line})"
            if self.first_line and self.second_line
            else ""
        )
        return f"{label} has the key '{self.key}' twice{lines}."


# YAML (and JSON) keep the last of two equal keys without a word, so
# `risk_now: "yes"` followed by `risk_now: "no"` would silently become "no":
# a safety answer flipped. Every file the program reads is refused instead.
DUPLICATE_HINT = "Keep one of them: a repeated key would silently replace the first."


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


def parse_yaml(text: str, label: str) -> Any:
    """Parse YAML with the safe (C if available) loader; errors give the line number.

    A key given twice in one mapping is an error, not last-wins.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader_cls = _strict_loader(base)
    if text.count("*") > MAX_ALIASES:
        # Cheap pre-check; the event scan below is exact.
        aliases = sum(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=base))
        if aliases > MAX_ALIASES:
            raise GuideError(f"{label} uses too many YAML aliases ({aliases}); it is refused.")
    try:
        return yaml.load(text, Loader=loader_cls)
    except _DuplicateKey as dup:
        raise GuideError(dup.describe(label), DUPLICATE_HINT) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise GuideError(f"{label} is not valid YAML{where}: {problem}.") from None


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
        parse_yaml(text, "")
    except GuideError as exc:
        found = re.search(r"\(line (\d+) and line (\d+)\)", exc.message)
        if found:
            return _DuplicateKey(dup.key, int(found[1]), int(found[2]))
    return dup


def parse_yaml_or_json(text: str, label: str) -> Any:
    """Parse JSON if it looks like JSON, else YAML (JSON is mostly YAML anyway)."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text, object_pairs_hook=_unique_pairs)
        except _DuplicateKey as dup:
            raise GuideError(
                _json_duplicate_lines(text, dup).describe(label), DUPLICATE_HINT
            ) from None
        except json.JSONDecodeError as exc:
            raise GuideError(
                f"{label} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}."
            ) from None
    return parse_yaml(text, label)
