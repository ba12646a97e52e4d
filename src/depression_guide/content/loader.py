"""Find, load and validate the content: YAML files -> typed records.

Built-in content is read lazily, one file group at a time, so a command
loads only what it shows. A content pack given with --data-dir is loaded
and checked whole, because it has not been through our tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from depression_guide import strings as S
from depression_guide.content import model, translations
from depression_guide.content.yaml_io import MAX_CONTENT_BYTES, parse_yaml, read_text
from depression_guide.errors import ContentError, GuideError

T = TypeVar("T")

# The wheel carries the built-in YAML compiled to one JSON file (hatch_build.py):
# decoding it takes under a millisecond, where importing and parsing YAML takes
# about 45 ms. Editable installs and content packs read the YAML itself.
SNAPSHOT = "content.json"


def builtin_data_dir() -> Path:
    """The shipped content: inside the wheel, or the checkout's data/ (editable)."""
    here = Path(__file__).resolve().parent.parent  # the depression_guide package
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


_MSGSPEC_PATH = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)


def _explain(exc: msgspec.ValidationError) -> tuple[str, str]:
    """Turn msgspec's message into (key path, plain problem)."""
    found = _MSGSPEC_PATH.match(str(exc))
    message, path = (found["msg"], found["path"] or "") if found else (str(exc), "")
    path = path.lstrip(".")
    unknown = re.match(r"Object contains unknown field `(.+)`", message)
    if unknown:
        key = f"{path}.{unknown[1]}" if path else unknown[1]
        return key, "unknown key (check the spelling, or remove it)"
    missing = re.match(r"Object missing required field `(.+)`", message)
    if missing:
        key = f"{path}.{missing[1]}" if path else missing[1]
        return key, "missing (this key is required)"
    expected = re.match(r"Expected `(.+?)`, got `(.+?)`", message)
    if expected:
        return path or "(top level)", f"expected {expected[1]}, got {expected[2]}"
    return path or "(top level)", message[0].lower() + message[1:]


class Content:
    """One set of content (built-in or a pack), loaded on first use."""

    def __init__(
        self,
        root: Path,
        label: str,
        snapshot: dict[str, Any] | None = None,
        lang: str | None = None,
        mark: Callable[[str], str] | None = None,
    ) -> None:
        self.root = root
        self.label = label  # how files are named in messages, e.g. "data"
        # relative path -> parsed YAML. Only the wheel's build makes one, after
        # checking the content, so its links need no second check at run time.
        self.snapshot = snapshot
        # The language shown: None for the English as written. Otherwise each
        # file's translation (i18n/<lang>/...) is laid over it, and a field
        # without a current translation shows its English through `mark`.
        self.lang = lang
        self.mark = mark or (lambda text: text)
        # Files parsed ahead of loading (parse_ahead): path -> parallel.Parsed.
        self.parsed_ahead: dict[Path, tuple[bool, Any]] = {}
        self._names: dict[Path, str] = {}

    # --- loading ------------------------------------------------------------

    def name_of(self, path: Path) -> str:
        """A file's name as shown in messages: label/relative/path."""
        # Kept: `validate` names each file four times, and relative_to is slow.
        name = self._names.get(path)
        if name is None:
            name = self._names[path] = f"{self.label}/{path.relative_to(self.root).as_posix()}"
        return name

    def load(self, relative: str, kind: type[T]) -> T:
        """Load one YAML file into a record, or raise ContentError naming file and key."""
        return self.load_path(self.root / relative, kind)

    def load_path(self, path: Path, kind: type[T]) -> T:
        name = self.name_of(path)
        return self.record_from(path, self.parsed(path, name), kind)

    def record_from(self, path: Path, data: Any, kind: type[T]) -> T:
        """A file's parsed YAML as a record (in this content's language), or
        raise ContentError naming file and key."""
        name = self.name_of(path)
        if self.lang is not None and isinstance(data, dict):
            data = self.translated(path, data)
        if not isinstance(data, dict):
            raise ContentError(name, "(top level)", "expected a mapping of keys to values")
        version = data.get("schema_version")
        if version != model.SCHEMA_VERSION:
            raise ContentError(
                name, "schema_version", f"expected {model.SCHEMA_VERSION}, got {version!r}"
            )
        try:
            return msgspec.convert(data, kind)
        except msgspec.ValidationError as exc:
            key, problem = _explain(exc)
            raise ContentError(name, key, problem) from None

    def parsed(self, path: Path, name: str) -> Any:
        """A file's parsed YAML, from the snapshot when there is one."""
        if self.snapshot is not None:
            key = path.relative_to(self.root).as_posix()
            if key not in self.snapshot:
                raise ContentError(name, "", "file is missing")
            return self.snapshot[key]
        ahead = self.parsed_ahead.pop(path, None)
        parsed_well = ahead is not None and ahead[0]  # (then the file was there)
        if not parsed_well and not path.is_file():
            raise ContentError(name, "", "file is missing")
        try:
            if ahead is None:
                return self._parse(path)
            done, value = ahead
            if done:
                return value
            raise GuideError(*value)
        except GuideError as exc:
            raise ContentError(name, "", exc.message.replace(f"{name} ", "")) from None

    def _parse(self, path: Path) -> Any:
        return parse_yaml(
            read_text(path, S.WHAT_CONTENT_FILE, MAX_CONTENT_BYTES), self.name_of(path)
        )

    def parse_ahead(
        self, paths: list[Path], also: Callable[[Path, Any], Any] | None = None
    ) -> dict[Path, Any]:
        """Parse these files now, on two cores when there are many (a large
        pack: content/parallel.py); each is then used once, when loaded.

        `also(path, data)` runs beside each parse, in the same process (for
        `validate`: a file's own rules); its results are returned by path.
        """
        if self.snapshot is not None:
            return {}
        from depression_guide.content import parallel

        def parse(path: Path) -> tuple[Any, Any]:
            data = self._parse(path)
            return data, None if also is None else also(path, data)

        extras: dict[Path, Any] = {}
        for path, (done, value) in parallel.parse_all(paths, parse).items():
            if done:
                self.parsed_ahead[path] = (True, value[0])
                extras[path] = value[1]
            else:
                self.parsed_ahead[path] = (False, value)
        return extras

    def translation_of(self, path: Path, lang: str) -> Any:
        """The parsed translation of one English file, or None when there is none."""
        relative = path.relative_to(self.root).as_posix()
        other = self.root / translations.I18N / lang / relative
        if self.snapshot is not None:
            return self.snapshot.get(other.relative_to(self.root).as_posix())
        if not other.is_file():
            return None
        return self.parsed(other, self.name_of(other))

    def translated(self, path: Path, data: dict[str, Any]) -> Any:
        """One file in this content's language: its translation over its English."""
        assert self.lang is not None
        relative = path.relative_to(self.root).as_posix()
        return translations.overlay(relative, data, self.translation_of(path, self.lang), self.mark)

    def files_in(self, folder: str) -> list[Path]:
        """The *.yaml files of a folder, sorted by name."""
        if self.snapshot is not None:
            return [
                self.root / key for key in sorted(self.snapshot) if key.startswith(f"{folder}/")
            ]
        return sorted((self.root / folder).glob("*.yaml"))

    def load_dir(self, folder: str, kind: type[T]) -> list[tuple[str, T]]:
        """Load every *.yaml file in a folder, sorted by file name."""
        return [(self.name_of(path), self.load_path(path, kind)) for path in self.files_in(folder)]

    # --- the parts ----------------------------------------------------------

    @cached_property
    def references(self) -> dict[str, model.Reference]:
        records = self.load("references.yaml", model.References).references
        return {ref.id: ref for ref in records}

    @cached_property
    def categories(self) -> dict[str, model.Category]:
        records = self.load("categories.yaml", model.Categories).categories
        return {cat.id: cat for cat in records}

    @cached_property
    def option_files(self) -> list[tuple[str, model.Option]]:
        return self.load_dir("options", model.Option)

    @cached_property
    def options(self) -> dict[str, model.Option]:
        """Options in category order, then in the content's order within a category
        (established first, research-only last), then by name."""
        self.check_links(self.option_files)
        order = {cat_id: index for index, cat_id in enumerate(self.categories)}
        ranked = sorted(
            (opt for _, opt in self.option_files),
            key=lambda opt: (order.get(opt.category, len(order)), opt.order, opt.name.lower()),
        )
        return {opt.id: opt for opt in ranked}

    @cached_property
    def background_files(self) -> list[tuple[str, model.Background]]:
        return self.load_dir("background", model.Background)

    @cached_property
    def background(self) -> dict[str, model.Background]:
        self.check_links(self.background_files)
        return {topic.id: topic for _, topic in self.background_files}

    @cached_property
    def crisis(self) -> model.Crisis:
        return self.load("crisis.yaml", model.Crisis)

    @cached_property
    def explore(self) -> model.Explore:
        return self.load("explore.yaml", model.Explore)

    @cached_property
    def decide(self) -> model.Decide:
        return self.load("decide.yaml", model.Decide)

    @cached_property
    def quiz(self) -> model.Quiz:
        return self.load("quiz.yaml", model.Quiz)

    @cached_property
    def about(self) -> model.About:
        return self.load("about.yaml", model.About)

    @cached_property
    def phq9(self) -> model.Phq9:
        return self.load("phq9.yaml", model.Phq9)

    # --- the links every command relies on ------------------------------------

    def check_links(self, files: list[tuple[str, model.Option]] | list[tuple[str, Any]]) -> None:
        """Raise on a dangling reference or unknown category (the first one found)."""
        if self.snapshot is not None:
            return  # checked when the wheel was built (hatch_build.py)
        problems = [p for name, record in files for p in link_problems(self, name, record)]
        if problems:
            raise problems[0]

    @cached_property
    def regions(self) -> tuple[model.Region, ...]:
        """Every region there is: the content's own, then built-in ones it leaves out."""
        own = self.crisis.regions
        if self.root == builtin_data_dir():
            return own
        codes = {region.code for region in own}
        fallback = builtin_content(self.lang, self.mark).crisis.regions
        return (*own, *(region for region in fallback if region.code not in codes))

    @property
    def region_codes(self) -> tuple[str, ...]:
        return tuple(region.code for region in self.regions)

    def region(self, code: str) -> model.Region:
        """The crisis lines for a region: the content's, or the built-in ones."""
        for region in self.regions:
            if region.code == code:
                return region
        raise ContentError(self.name_of(self.root / "crisis.yaml"), "regions", f"no {code}")


def link_problems(
    content: Content,
    name: str,
    record: Any,
    places: list[tuple[str, tuple[str, ...]]] | None = None,
) -> list[ContentError]:
    """Dangling reference ids and unknown categories in one record (`places`:
    its model.citations, when the caller has walked them already)."""
    problems = [
        ContentError(name, key, f"unknown reference '{ref}'")
        for key, refs in (model.citations(record) if places is None else places)
        for ref in refs
        if ref not in content.references
    ]
    if isinstance(record, model.Option) and record.category not in content.categories:
        known = ", ".join(content.categories)
        problems.append(
            ContentError(name, "category", f"unknown category '{record.category}' (known: {known})")
        )
    return problems


def compile_snapshot(root: Path) -> bytes:
    """Every YAML file under root, parsed, as one JSON document (for the wheel)."""
    label = root.name
    snapshot = {
        path.relative_to(root).as_posix(): parse_yaml(
            read_text(path, S.WHAT_CONTENT_FILE), f"{label}/{path.relative_to(root)}"
        )
        for path in sorted(root.rglob("*.yaml"))
    }
    return msgspec.json.encode(snapshot)


def builtin_content(lang: str | None = None, mark: Callable[[str], str] | None = None) -> Content:
    """The shipped content (in `lang`, if given): from the compiled snapshot
    when the wheel has one, translations included."""
    root = builtin_data_dir()
    compiled = root / SNAPSHOT
    if compiled.is_file():
        return Content(root, "data", msgspec.json.decode(compiled.read_bytes()), lang, mark)
    return Content(root, "data", lang=lang, mark=mark)
