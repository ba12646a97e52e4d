"""The presenter's duties, over every command and every destination (issue 23).

One presenter keeps them for every command, so a new command or format can't
forget one: the disclaimer and the help lines last; the review warning after
the review date (screen, saved file, JSON); the crisis lines on stderr when
the person is at risk and stdout is not a terminal; the order the person gave.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
from pathlib import Path

import pytest

from depression_guide import strings as S
from depression_guide.content import builtin_content
from tests.conftest import ROOT, run_cli

CONTENT = builtin_content()
DUE = CONTENT.about.review_due
AFTER = (DUE + dt.timedelta(days=1)).isoformat()
WARNING = S.REVIEW_WARNING.format(date=DUE.isoformat())
DECIDE = str(ROOT / "examples" / "decide.yaml")
QUIZ = ",".join(["fact"] * len(CONTENT.quiz.items))
AT_RISK = 'risk_now: "yes"\n'
NOT_AT_RISK = 'risk_now: "no"\ninterests: [medication]\n'

# Every command that shows options or help, with what it can write to.
# (args, at risk, stdin, formats on the screen, file endings it can save)
CASES: dict[str, tuple[list[str], bool, str | None, tuple[str, ...], tuple[str, ...]]] = {
    "show": (["show", "cbt"], False, None, ("text", "markdown", "json"), ()),
    "show-category": (["show", "lifestyle"], False, None, ("text", "json"), ()),
    "compare": (["compare", "cbt", "ssri"], False, None, ("text", "markdown", "json"), ()),
    "about": (["about"], False, None, ("text", "markdown", "json"), ()),
    "quiz": (["quiz", "--answers", QUIZ], False, None, ("text",), ()),
    "quiz-reveal": (["quiz", "--reveal"], False, None, ("text",), ()),
    "phq9": (
        ["check", "phq9", "--answers", "1,1,1,1,1,1,1,1,1"],
        True,
        None,
        ("text", "json"),
        (".txt", ".json"),
    ),
    "decide": (
        ["decide", "--answers", DECIDE],
        False,
        None,
        ("text", "markdown", "html", "json"),
        (".md", ".html", ".txt", ".json"),
    ),
    "explore": (
        ["explore", "--answers", "-"],
        False,
        NOT_AT_RISK,
        ("text", "markdown", "html", "json"),
        (".md", ".html", ".txt", ".json"),
    ),
    "explore-at-risk": (
        ["explore", "--answers", "-"],
        True,
        AT_RISK,
        ("text", "markdown", "html", "json"),
        (".md", ".html", ".txt", ".json"),
    ),
}
DESTINATIONS = [
    (name, kind, value)
    for name, (_, _, _, formats, endings) in CASES.items()
    for kind, value in [("screen", f) for f in formats] + [("file", e) for e in endings]
]


def flat(text: str) -> str:
    # As read: HTML's tags (a number is a tel: link) take no room in the words.
    return " ".join(re.sub(r"<[^>]+>", "", text).split())


def assert_ends_with_help(text: str, where: str) -> None:
    """The disclaimer, then every region's help (no region is set), then nothing
    but the line on setting the region (and closing tags)."""
    text = flat(text)
    assert "not medical advice" in text, where
    tail = text[text.rindex("not medical advice") :]
    for region in CONTENT.regions:
        assert region.emergency in tail, (where, region.code)
    after = tail[tail.rindex("DEPRESSION_GUIDE_REGION") :]
    assert len(after) < 120, (where, after)  # closing tags at most


def assert_json_duties(data: dict[str, object], where: str) -> None:
    assert data.get("review_warning") == WARNING, where
    assert "not medical advice" in str(data.get("disclaimer")), where
    crisis = data.get("crisis")
    assert isinstance(crisis, dict), where
    assert [r["emergency"] for r in crisis["regions"]] == [r.emergency for r in CONTENT.regions]


@pytest.mark.parametrize(("name", "kind", "value"), DESTINATIONS)
def test_every_command_and_destination_keeps_the_duties(
    tmp_path: Path, name: str, kind: str, value: str
) -> None:
    args, at_risk, stdin, _, _ = CASES[name]
    args = list(args)
    saved = tmp_path / f"out{value}" if kind == "file" else None
    if kind == "screen" and value != "text":
        args += ["--format", value]
    if saved is not None:
        args += ["--save", str(saved)]
    result = run_cli(args, input=stdin, env={"DEPRESSION_GUIDE_TODAY": AFTER})
    assert result.exit_code == 0, result.stderr
    outputs = {"stdout": result.stdout}
    if saved is not None:
        outputs["file"] = saved.read_text(encoding="utf-8")
    for where, text in outputs.items():
        is_json = value in ("json", ".json") if where == "file" or kind == "screen" else False
        if is_json:
            assert_json_duties(json.loads(text), f"{name} {kind} {value} {where}")
            continue
        assert WARNING in flat(text), (name, kind, value, where)
        assert_ends_with_help(text, f"{name} {kind} {value} {where}")
    # At risk, with stdout not a terminal (CliRunner): the lines on stderr too.
    stderr = flat(result.stderr)
    if at_risk:
        for region in CONTENT.regions:
            assert region.emergency in stderr, (name, region.code)
    else:
        assert "If you need help now" not in stderr


@pytest.mark.parametrize(("name", "kind", "value"), DESTINATIONS)
def test_the_draft_notice_in_every_command_and_destination(
    tmp_path: Path, name: str, kind: str, value: str
) -> None:
    """In a draft language the presenter, not each command, adds the notice:
    near the top and again beside the disclaimer, in every destination (JSON:
    `lang` and `draft_notice`), and the help lines stay last."""
    args, _, stdin, _, _ = CASES[name]
    args = ["--lang", "zh-Hans", *args]
    saved = tmp_path / f"out{value}" if kind == "file" else None
    if kind == "screen" and value != "text":
        args += ["--format", value]
    if saved is not None:
        args += ["--save", str(saved)]
    result = run_cli(args, input=stdin)
    assert result.exit_code == 0, result.stderr
    outputs = {"stdout": result.stdout}
    if saved is not None:
        outputs["file"] = saved.read_text(encoding="utf-8")
    english = S.english("DRAFT_NOTICE")
    for where, text in outputs.items():
        is_json = value in ("json", ".json") if where == "file" or kind == "screen" else False
        if is_json:
            data = json.loads(text)
            assert data["lang"] == "zh-Hans", (name, where)
            assert english in data["draft_notice"], (name, where)
            continue
        shown = flat(text.split("<body>", 1)[-1])  # (after HTML's style sheet)
        # Near the top, and beside the disclaimer (a saved summary in full has
        # one after its overview too, so a third there).
        assert shown.count(english) >= 2, (name, kind, value, where)
        assert shown.index(english) < len(shown) // 3, (name, kind, value, where)
        # Every region's emergency number after the second notice ("112 or 999"
        # has its "or" translated: the numbers are what must stay).
        tail = shown[shown.rindex(english) :]
        for region in CONTENT.regions:
            for number in re.findall(r"\d+", region.emergency):
                assert number in tail, (name, region.code, where)


def test_no_review_warning_before_the_review_date(tmp_path: Path) -> None:
    saved = tmp_path / "s.json"
    result = run_cli(
        ["explore", "--answers", "-", "--save", str(saved)],
        input=NOT_AT_RISK,
        env={"DEPRESSION_GUIDE_TODAY": DUE.isoformat()},
    )
    assert WARNING not in flat(result.stdout)
    assert "review_warning" not in json.loads(saved.read_text())


ORDER = ["exercise", "ssri", "cbt"]  # not the order of their stars


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_decide_keeps_the_order_the_person_gave(tmp_path: Path, fmt: str) -> None:
    answers = tmp_path / "d.yaml"
    text = (
        Path(DECIDE)
        .read_text()
        .replace("options: [cbt, ssri, exercise]", "options: [exercise, ssri, cbt]")
    )
    answers.write_text(text)
    result = run_cli(["decide", "--answers", str(answers), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        assert [o["id"] for o in json.loads(result.stdout)["options"]] == ORDER
        return
    names = [CONTENT.options[i].name for i in ORDER]
    out = flat(result.stdout).replace("&amp;", "&")
    section = out[out.index("What matters to me") :]
    places = [section.index(name) for name in names]
    assert places == sorted(places), names


# --- the safety nets of the test suite and of saving, tested themselves ----------


def test_the_network_guard_refuses() -> None:
    # The guard must raise where the call is made, not return: an app that
    # swallowed a returned None would pass every other test while online.
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.getaddrinfo("example.org", 443)
    with socket.socket() as sock, pytest.raises(AssertionError, match="network"):
        sock.connect(("127.0.0.1", 9))


def test_save_never_replaces_a_file_that_appears_after_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program makes the file between the check and the write: the
    # write must still refuse (link, not replace), and leave it as it was.
    from depression_guide import files
    from depression_guide.errors import GuideError

    path = tmp_path / "summary.md"
    monkeypatch.setattr(files, "check_writable", lambda path, force: None)
    path.write_text("theirs")
    with pytest.raises(GuideError, match="already exists"):
        files.save(path, "ours", force=False)
    assert path.read_text() == "theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.md"]  # no temp file left
    files.save(path, "ours", force=True)
    assert path.read_text() == "ours"


def test_a_missing_golden_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests import conftest

    monkeypatch.setattr(conftest, "GOLDEN", tmp_path)
    monkeypatch.setattr(conftest, "UPDATE_GOLDENS", False)
    with pytest.raises(AssertionError, match="--update-goldens"):
        conftest.golden("new.txt", "text")
    assert not (tmp_path / "new.txt").exists()
    monkeypatch.setattr(conftest, "UPDATE_GOLDENS", True)
    conftest.golden("new.txt", "text")
    assert (tmp_path / "new.txt").read_text() == "text"
