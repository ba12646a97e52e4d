"""A large pack is parsed on two cores (content/parallel.py): the same results,
the same problems in the same order, the same refusal of a duplicated key."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from depression_guide.content import Content, parallel
from depression_guide.content.checks import check, load_all

from .conftest import run_cli


def _break(pack: Path) -> None:
    """Three problems in three files: a duplicated key, bad YAML, an unknown key."""
    option = pack / "options" / "cbt.yaml"
    lines = option.read_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    lines.insert(first + 1, "name: Something else")
    option.write_text("\n".join(lines) + "\n")
    (pack / "options" / "exercise.yaml").write_text("id: exercise\nname: [unclosed\n")
    ssri = pack / "options" / "ssri.yaml"
    ssri.write_text(ssri.read_text() + "colour: blue\n")


def _problems(pack: Path) -> list[str]:
    return [problem.message for problem in check(Content(pack, "pack")).problems]


def test_a_small_pack_is_not_parsed_ahead(pack: Path) -> None:
    content = Content(pack, "pack")
    content.parse_ahead(content.files_in("options"))
    assert content.parsed_ahead == {}


def test_parsed_on_two_cores_reads_the_same(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one_by_one = load_all(Content(pack, "pack"))
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    content = Content(pack, "pack")
    paths = content.files_in("options") + content.files_in("background")
    ahead = parallel.parse_all(paths, content._parse)
    assert set(ahead) == set(paths)  # both halves came back
    two_cores = load_all(content)
    assert two_cores.options == one_by_one.options
    assert two_cores.background == one_by_one.background
    assert two_cores.parts == one_by_one.parts
    assert content.parsed_ahead == {}  # each file used once, when loaded


def test_problems_are_the_same_and_in_the_same_order(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break(pack)
    one_by_one = _problems(pack)
    assert any("has the key 'name' twice" in message for message in one_by_one)
    assert any("exercise.yaml" in message for message in one_by_one)
    assert any("colour" in message for message in one_by_one)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    assert _problems(pack) == one_by_one


def test_a_duplicated_key_is_refused_with_both_lines_on_two_cores(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break(pack)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    content = Content(pack, "pack")
    ahead = parallel.parse_all(content.files_in("options"), content._parse)
    done, (message, _) = ahead[pack / "options" / "cbt.yaml"]
    assert not done and "has the key 'name' twice (line" in message
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert "options/cbt.yaml: has the key 'name' twice (line" in result.stdout + result.stderr


def test_when_the_child_fails_each_file_is_parsed_when_loaded(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break(pack)
    one_by_one = _problems(pack)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    # The child dies before sending anything: only this process's half is ahead.
    monkeypatch.setattr(pickle, "dump", lambda *args, **kwargs: None)
    content = Content(pack, "pack")
    paths = content.files_in("options")
    ahead = parallel.parse_all(paths, content._parse)
    assert 0 < len(ahead) < len(paths)
    assert _problems(pack) == one_by_one


def test_the_halves_are_balanced_by_size() -> None:
    sizes = {Path(name): size for name, size in [("a", 50), ("b", 40), ("c", 30), ("d", 20)]}
    mine, theirs = parallel.halves(sizes)
    assert sorted([*mine, *theirs]) == sorted(sizes)
    assert sum(sizes[p] for p in mine) == sum(sizes[p] for p in theirs) == 70
