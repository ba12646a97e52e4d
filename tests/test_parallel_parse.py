"""A large pack is parsed on two cores (content/parallel.py): the same results,
the same problems in the same order, the same refusal of a duplicated key."""

from __future__ import annotations

import os
import pickle
import select
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _slowly(parse: Callable[[Path], Any]) -> Callable[[Path], Any]:
    """A parse that takes a little time, so that both processes take files
    from the queue before it is empty (a small pack could be done by one)."""

    def parse_slowly(path: Path) -> Any:
        time.sleep(0.01)
        return parse(path)

    return parse_slowly


def test_both_processes_take_files_and_all_come_back(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    content = Content(pack, "pack")
    paths = content.files_in("options") + content.files_in("background")

    def parse_where(path: Path) -> int:
        time.sleep(0.01)
        return os.getpid()

    ahead = parallel.parse_all(paths, parse_where)
    assert set(ahead) == set(paths)
    assert len({pid for _, pid in ahead.values()}) == 2  # this process and the child


def test_when_the_child_fails_each_file_is_parsed_when_loaded(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break(pack)
    one_by_one = _problems(pack)
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    # The child dies before sending anything: only this process's files are ahead.
    monkeypatch.setattr(pickle, "dump", lambda *args, **kwargs: None)
    content = Content(pack, "pack")
    paths = content.files_in("options")
    ahead = parallel.parse_all(paths, _slowly(content._parse))
    assert 0 < len(ahead) < len(paths)
    assert _problems(pack) == one_by_one


def test_the_queue_holds_every_file_in_order_in_one_unsplittable_write() -> None:
    few = [Path(f"{n}.yaml") for n in range(10)]
    assert parallel.queued(few) == [[path] for path in few]
    many = [Path(f"{n}.yaml") for n in range(parallel.MAX_TICKETS * 3 + 1)]
    batches = parallel.queued(many)
    assert len(batches) <= parallel.MAX_TICKETS
    assert [path for batch in batches for path in batch] == many
    assert len(batches) * parallel.TICKET_BYTES <= select.PIPE_BUF


def test_a_system_without_pipe_buf_still_loads_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows has select but no PIPE_BUF (and no fork): validate and --data-dir
    # import this module there too, and must then check every file here.
    import importlib

    monkeypatch.delattr(select, "PIPE_BUF")
    try:
        reloaded = importlib.reload(parallel)
        assert reloaded.MAX_TICKETS == 128
    finally:
        monkeypatch.undo()
        importlib.reload(parallel)
    assert parallel.MAX_TICKETS == select.PIPE_BUF // parallel.TICKET_BYTES
