"""Young people: the medication caution for each age, and youth lines that are
really listed where the notes say (issue 22, points 1 to 3).

Every output is read back with a real parser (json, html.parser, markdown-it).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pexpect
import pytest
from markdown_it import MarkdownIt

from depression_guide.content import Content, builtin_data_dir
from depression_guide.content.checks import reading_grade

from .conftest import Break, breaks, problems_after, run_cli

CONTENT = Content(builtin_data_dir(), "data")
AGE_GROUPS = [c.id for q in CONTENT.explore.questions if q.key == "age_group" for c in q.choices]
# Every region whose crisis.yaml entry has a service for young people.
YOUTH_REGIONS = {
    r.code: tuple(line for line in r.lines if line.youth)
    for r in CONTENT.regions
    if any(line.youth for line in r.lines)
}
# What the 18-to-25 caution (EVIDENCE part D) says to do; the under-18 note says it too.
ACTION = (
    "If you have new or worse thoughts of suicide or self-harm, contact your doctor "
    "or a crisis line straight away, or call your emergency number."
)
# A note that says help is listed below, or with the help lines at the end.
SAYS_LISTED = re.compile(r"\b(?:lines?|services?)\b[^.]*\b(?:below|at the end)\b", re.I)


def explore(answers: str, *args: str) -> str:
    result = run_cli(["explore", "--answers", "-", *args], input=answers)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def flat(text: str) -> str:
    """Text with its wrapping undone, so a name or number split over lines is found."""
    return re.sub(r"\s+", " ", text)


class _Sections(HTMLParser):
    """The text of each <section class="callout ..."> of an HTML page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[tuple[str, str]] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "section" and "callout" in classes:
            self.sections.append((" ".join(classes), ""))
            self.depth = 1
        elif tag == "section" and self.depth:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            kind, text = self.sections[-1]
            self.sections[-1] = (kind, text + data)


def last_help(out: str, fmt: str) -> str:
    """The help that ends the page, as the format's own parser reads it."""
    if fmt == "json":
        data = json.loads(out)
        return " ".join(f"{line['name']} {line.get('phone', '')}" for line in data["youth_lines"])
    if fmt == "html":
        parser = _Sections()
        parser.feed(out)
        kinds = [kind for kind, _ in parser.sections]
        assert kinds[-1] == "callout crisis", kinds  # the help lines end the page
        return flat(parser.sections[-1][1])
    if fmt == "markdown":
        tokens = MarkdownIt().parse(out)
        quotes: list[list[str]] = []
        depth = 0
        for token in tokens:
            if token.type == "blockquote_open":
                depth += 1
                if depth == 1:
                    quotes.append([])
            elif token.type == "blockquote_close":
                depth -= 1
            elif depth and token.type == "inline":
                quotes[-1].append(token.content)
        last_block = [t for t in tokens if t.level == 0 and t.type.endswith("_open")][-1]
        assert last_block.type == "blockquote_open"  # the page ends with the help
        return flat(" ".join(quotes[-1]))
    # Plain text: everything after the disclaimer, the last thing on the page.
    return flat(out[out.rindex("not medical advice") :])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("region", sorted(YOUTH_REGIONS))
def test_an_under_18_summary_ends_with_the_regions_youth_lines(region: str, fmt: str) -> None:
    out = explore(
        f'risk_now: "no"\nregion: {region}\nage_group: under-18\ninterests: [medication]\n',
        "--format",
        fmt,
    )
    end = last_help(out, fmt)
    for line in YOUTH_REGIONS[region]:
        assert line.name in end, (line.name, end)
        assert flat(line.phone) in end, (line.phone, end)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_saved_under_18_summary_ends_with_the_youth_lines(tmp_path: Path, fmt: str) -> None:
    # Saved files carry the options in full: the youth lines end that part too.
    saved = tmp_path / f"summary.{'md' if fmt == 'markdown' else 'html'}"
    explore('risk_now: "no"\nregion: AU\nage_group: under-18\n', "--save", str(saved))
    end = last_help(saved.read_text(encoding="utf-8"), fmt)
    assert "Kids Helpline" in end and "1800 55 1800" in end and "headspace" in end


def test_at_risk_youth_lines_come_with_the_help_at_the_top_too() -> None:
    out = explore('risk_now: "yes"\nregion: CA\nage_group: under-18\n')
    top = flat(out[: out.index("What you told us")])
    assert "Kids Help Phone" in top and "1-800-668-6868" in top


def test_18_to_25_lists_only_the_lines_that_serve_that_age() -> None:
    # Kids Helpline (5 to 25) and headspace (12 to 25) take 18 to 25 year olds;
    # Kids Help Phone gives no ages in EVIDENCE part E, so it is for under-18s.
    au = json.loads(explore("region: AU\nage_group: 18-25\n", "--format", "json"))
    assert [line["name"] for line in au["youth_lines"]] == ["Kids Helpline", "headspace"]
    ca = json.loads(explore("region: CA\nage_group: 18-25\n", "--format", "json"))
    assert ca["youth_lines"] == []
    adult = json.loads(explore("region: AU\nage_group: 26-64\n", "--format", "json"))
    assert adult["youth_lines"] == []


@pytest.mark.parametrize("age", [*AGE_GROUPS, None])
@pytest.mark.parametrize("region", [*CONTENT.region_codes, None])
def test_a_note_says_help_is_listed_only_when_it_is(region: str | None, age: str | None) -> None:
    answers = 'risk_now: "no"\n'
    answers += f"region: {region}\n" if region else ""  # none: the region is unknown
    answers += f"age_group: {age}\n" if age else ""
    data = json.loads(explore(answers, "--format", "json"))
    text = explore(answers)
    end = last_help(text, "text")
    for note in data["notes"]:
        if not SAYS_LISTED.search(note["text"]):
            continue
        assert data["youth_lines"], (region, age, note["text"])
        for line in data["youth_lines"]:
            assert line["name"] in end, (region, age, line["name"])
    if age == "under-18" and region in YOUTH_REGIONS:
        # ...and where the lines are listed, the under-18 note points to them.
        youth = next(n for n in data["notes"] if n["id"] == "youth")
        assert SAYS_LISTED.search(youth["text"]), youth["text"]


def test_with_no_region_an_under_18_note_promises_nothing_below() -> None:
    out = explore('risk_now: "no"\nage_group: under-18\n')
    assert "If you are under 18" in out
    assert "at the end" not in out and "below" not in out.split("Your options at a glance")[0]


def notes_of(answers: str) -> dict[str, dict[str, str]]:
    data = json.loads(explore(answers, "--format", "json"))
    return {n["id"]: n for n in data["notes"]}


def test_an_under_18_answers_file_gets_its_own_caution_with_the_action() -> None:
    notes = notes_of('risk_now: "no"\nregion: AU\nage_group: under-18\ninterests: [medication]\n')
    note = notes["youth-medicine-under-18"]
    assert note["kind"] == "safety"
    # About them from the first words: the title and the text open with their age.
    assert note["title"].startswith("If you are under 18")
    assert note["text"].startswith("For people under 18")
    assert ACTION in note["text"]
    assert "youth-medicine-18-25" not in notes  # not the adults' caution


@pytest.mark.parametrize("age", ["18-25", "18-24"])  # 18-24: an answers file from before
def test_an_18_to_25_answers_file_gets_the_caution_with_the_action(age: str) -> None:
    notes = notes_of(f'risk_now: "no"\nregion: UK\nage_group: {age}\ninterests: [medication]\n')
    note = notes["youth-medicine-18-25"]
    assert note["kind"] == "safety"
    assert note["text"].startswith("In people aged 18 to 25")
    assert "first weeks" in note["text"] and "after 1 week" in note["text"]
    assert ACTION in note["text"]
    assert "youth-medicine-under-18" not in notes


def test_the_old_18_24_id_still_works_end_to_end() -> None:
    out = explore('risk_now: "no"\nregion: AU\nage_group: 18-24\ninterests: [medication]\n')
    assert "Age group: 18 to 25" in out
    assert "SAFETY: If you are 18 to 25 and thinking about antidepressants" in out
    assert "Kids Helpline" in out[out.rindex("not medical advice") :]


def test_the_caution_comes_with_the_default_topics_and_not_for_older_adults() -> None:
    assert "youth-medicine-18-25" in notes_of('risk_now: "no"\nage_group: 18-25\n')
    older = notes_of('risk_now: "no"\nage_group: 26-64\ninterests: [medication]\n')
    assert not {"youth-medicine-18-25", "youth-medicine-under-18"} & set(older)


def test_the_age_cautions_read_at_grade_8_or_below() -> None:
    # The other notes' levels are issue 24's (content, third edition).
    notes = {n.id: n for n in CONTENT.explore.notes}
    for note_id in ("youth-medicine-under-18", "youth-medicine-18-25", "youth"):
        note = notes[note_id]
        grade = reading_grade(f"{note.text} {note.if_youth_lines}")
        assert grade is not None and grade <= 8, (note.id, grade)


# --- "doctor" or "GP": the content's word for the region --------------------------


@pytest.mark.parametrize(
    ("region", "word"),
    [("AU", "GP"), ("UK", "GP"), ("NZ", "GP"), ("IE", "GP"), ("CA", "family doctor"),
     ("US", "doctor"), ("OTHER", "doctor"), (None, "doctor")],
)  # fmt: skip
def test_headings_use_the_regions_word_for_a_doctor(region: str | None, word: str) -> None:
    answers = 'risk_now: "no"\n' + (f"region: {region}\n" if region else "")
    out = explore(answers)
    title = out.splitlines()[0]
    assert title == f"Your depression treatment options: a summary to take to your {word}"
    assert f"Questions you could ask your {word} or psychologist" in out
    disclaimer = f"Talk with a {word}, psychologist or other health professional"
    assert disclaimer in flat(out[out.rindex("See a professional") :])
    assert disclaimer in json.loads(explore(answers, "--format", "json"))["disclaimer"]


# --- validate: the rules that keep these promises in the content --------------------


YOUTH_BREAKS: dict[str, Break] = {
    "a note promising lines below": breaks(
        "explore.yaml",
        "you when you see a doctor.\n",
        "you when you see a doctor. Youth services are listed with the lines below.\n",
        "may not be true: say it in 'if_youth_lines'",
    ),
    "ages on a line that is not for young people": breaks(
        "crisis.yaml",
        "{name: Beyond Blue,",
        "{name: Beyond Blue, ages: [5, 9],",
        "'ages' is for a youth line",
    ),
    "ages the wrong way round": breaks(
        "crisis.yaml", "ages: [5, 25]", "ages: [25, 5]", "ages 25 to 5: the first age comes first"
    ),
    "an old id that is still an id": breaks(
        "explore.yaml",
        "old_ids: [25-64]",
        "old_ids: [25-64, 65-plus]",
        "'65-plus' is still the id of a choice",
    ),
}


@pytest.mark.parametrize("rule", sorted(YOUTH_BREAKS))
def test_each_youth_rule_catches_its_break(pack: Path, rule: str) -> None:
    breaker, expected = YOUTH_BREAKS[rule]
    messages = problems_after(pack, breaker)
    assert any(expected in m for m in messages), messages


# --- on a real terminal: the youth lines and the emergency number stay in view ------


@pytest.mark.pty
@pytest.mark.parametrize("columns", [80, 40])
def test_the_youth_lines_are_on_screen_at_the_save_offer(tmp_path: Path, columns: int) -> None:
    from .test_pty import DOWN, ENTER, answer, screen, settle, spawn

    child = spawn(["--region", "AU", "explore"], tmp_path, columns=columns, rows=24)
    # Single words: at 40 columns a prompt wraps.
    answer(child, "harming", DOWN + ENTER)  # No
    answer(child, "age group", DOWN + ENTER)  # Under 18 (the cursor starts on Skip)
    for prompt in ("using", "antidepressants", "pregnant", "matters", "read about"):
        answer(child, prompt, ENTER)
    child.expect("Save this to a file")
    settle(child)
    seen = screen(child, 24, columns)
    for text in ("number: 000", "13 11 14", "Kids Helpline", "1800 55 1800", "1800 650 890"):
        assert text in seen, seen
    child.sendintr()
    child.expect(pexpect.EOF)
