"""Shared fixtures: a pinned environment, no network, the real CLI, content packs."""

from __future__ import annotations

import shutil
import socket
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from depression_guide.cli import main
from depression_guide.content import Content, builtin_data_dir
from depression_guide.document import Document

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
# A frozen copy of the content: goldens render it, so editing data/ never
# rewrites them. Refresh it on purpose (see tests/fixtures/README.md).
FIXTURE_PACK = Path(__file__).resolve().parent / "fixtures" / "pack"
TODAY = "2026-11-28"


@pytest.fixture(autouse=True)
def pinned_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test starts from the same environment, whatever the developer's shell has."""
    # No saved settings from the developer's own config file, and a time zone
    # that guesses no region (tests of the guess set TZ themselves).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
    monkeypatch.setenv("TZ", "UTC")
    for name in (
        "NO_COLOR",
        "FORCE_COLOR",
        "DEPRESSION_GUIDE_REGION",
        "DEPRESSION_GUIDE_DATA",
        "DEPRESSION_GUIDE_DEBUG",
        "DEPRESSION_GUIDE_NO_PAGER",
        "PAGER",
        "PYTHONIOENCODING",
        "LINES",
        "DEPRESSION_GUIDE_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
    ):
        monkeypatch.delenv(name, raising=False)
    # English unless a test asks for a language: the developer's locale never leaks in.
    monkeypatch.setenv("LANG", "C.UTF-8")
    # A fixed clock: dates in output and review warnings never depend on the day.
    monkeypatch.setenv("DEPRESSION_GUIDE_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.fixture(autouse=True)
def english_strings() -> Iterator[None]:
    """A test that puts a language in place leaves the interface English again."""
    yield
    from depression_guide import strings

    if strings.lang != "en":
        strings.install("en", lambda _context, text: text)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing leaves the machine: any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(params=["C", "pure"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test under the C YAML loader and under the pure-Python one.

    The program uses libyaml's loader when PyYAML was built with it and falls
    back to the pure-Python loader otherwise; the two disagree on some plain
    scalars (a '?' inside a flow mapping), so content must parse under both.
    """
    import yaml

    if request.param == "pure":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(
    args: list[str], input: str | bytes | None = None, env: Mapping[str, str | None] | None = None
) -> Result:
    """Run the real entry point (exit codes and error handling included) with CliRunner."""
    runner = CliRunner()
    with runner.isolation(input=input, env=env) as (out, err, _):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()
    return Result(code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))


@pytest.fixture
def cli() -> type[Result]:
    return Result


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A writable copy of the built-in content, to break on purpose."""
    target = tmp_path / "pack"
    shutil.copytree(builtin_data_dir(), target)
    return target


# --- the content's own tests (test_content_third, test_content_edition) --------


def flat(text: str) -> str:
    """Output with line breaks, box edges and bullets folded to single spaces."""
    import re

    return " ".join(re.sub(r"[│┃|]", " ", text).split())


def show(topic: str, *flags: str) -> str:
    """`show TOPIC` through the real CLI, folded flat."""
    result = run_cli(["show", topic, *flags])
    assert result.exit_code == 0, result.stderr
    return flat(result.stdout)


# --- breaking a pack on purpose (each content rule's test) ---------------------

Break = tuple[Callable[[Path], None], str]  # what breaks a pack, and the problem it makes


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) once in a file."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1))


def breaks(file: str, old: str, new: str, expected: str) -> Break:
    """A break: `old` becomes `new` in the pack's `file`; `validate` must say `expected`."""
    return (lambda pack: edit(pack / file, old, new), expected)


def problems_after(pack: Path, breaking: Callable[[Path], None]) -> list[str]:
    """Every problem the checks find in the pack, once broken."""
    from depression_guide.content.checks import check

    breaking(pack)
    return [p.message for p in check(Content(pack, "pack")).problems]


# Debian's chromium, for the tests of saved pages in a real browser.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless chromium (through playwright), shared by a test module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    assert CHROMIUM, "chromium is missing: .ci/run should have installed it"
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


UPDATE_GOLDENS = False  # set by `pytest --update-goldens`


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Write tests/golden/ files from the current output (missing ones too).",
    )


def pytest_configure(config: pytest.Config) -> None:
    global UPDATE_GOLDENS
    UPDATE_GOLDENS = bool(config.getoption("--update-goldens"))


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME. A missing golden fails; only
    `pytest --update-goldens` writes (or rewrites) one."""
    path = GOLDEN / name
    if UPDATE_GOLDENS:
        path.write_text(actual, encoding="utf-8")
    elif not path.exists():
        raise AssertionError(f"golden file {name} is missing; run pytest with --update-goldens")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from golden/{name}"


def as_shown(content: Content, doc: Document, region: str | None = "AU") -> Document:
    """A view's document as the presenter shows it (help lines and disclaimer
    last; the review warning when due), for tests that render views directly."""
    import datetime as dt

    from depression_guide.present.presenter import finished
    from depression_guide.settings import RegionChoice, RegionSource, Settings
    from depression_guide.ui.run import Run

    settings = Settings(
        region=RegionChoice(region, RegionSource.FLAG), today=dt.date.fromisoformat(TODAY)
    )
    return finished(Run(settings, content), doc)


def json_as_shown(content: Content, doc: Document, region: str | None = "AU") -> dict[str, Any]:
    """A view's JSON as the presenter gives it (made from the finished document)."""
    import datetime as dt

    from depression_guide.present.presenter import finished, json_of
    from depression_guide.settings import RegionChoice, RegionSource, Settings
    from depression_guide.ui.run import Run

    settings = Settings(
        region=RegionChoice(region, RegionSource.FLAG), today=dt.date.fromisoformat(TODAY)
    )
    run = Run(settings, content)
    return json_of(run, finished(run, doc))


def as_read(text: str) -> str:
    """Text as a person reads it: the invisible direction isolates that keep
    flags and numbers in order in right-to-left text (U+2066, U+2069) removed."""
    return text.translate({0x2066: None, 0x2069: None})


def speaking(code: str) -> Iterator[None]:
    """For a fixture: the interface in one language for a test, English after."""
    from depression_guide import catalogs

    catalogs.install(code)
    try:
        yield
    finally:
        catalogs.install("en")
