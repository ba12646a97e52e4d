"""The third edition of the content (issue 24): the whole decision (waiting and
watching, the usual next steps, the person's leaning) and an outside review's
findings, each with a test that would catch its return.

These tests read the shipped content on purpose (they guard facts, not
layout), and run under both YAML loaders (conftest.yaml_loader).
"""

from __future__ import annotations

import re

import pytest

from depression_guide.content import Content, builtin_data_dir

from .conftest import flat, run_cli, show

pytestmark = pytest.mark.usefixtures("yaml_loader")

DATA = builtin_data_dir()


def content() -> Content:
    """The shipped content, parsed afresh (under the loader of this run)."""
    return Content(DATA, "data")


# --- wrong, or could harm ------------------------------------------------------------


def test_nz_line_name_keeps_its_question_mark() -> None:
    nz = content().region("NZ")
    assert "1737 Need to Talk?" in [line.name for line in nz.lines]


def test_nhs_111_is_a_crisis_line_in_the_uk_panel() -> None:
    uk = content().region("UK")
    kinds = {line.name: line.kind for line in uk.lines}
    assert kinds["NHS 111"] == "crisis"
    # A person at risk in the UK gets the crisis lines on stderr too (piped
    # output); support lines are not among them.
    result = run_cli(["explore", "--answers", "-"], input="risk_now: 'yes'\nregion: UK\n")
    assert result.exit_code == 0, result.stderr
    assert "NHS 111" in flat(result.stderr) and "Samaritans" in flat(result.stderr)


def test_cbt_with_a_medicine_claims_only_what_the_evidence_says() -> None:
    out = show("cbt")
    assert "did better than a medicine alone" not in out
    assert "CBT together with an antidepressant as a first choice" in out


def test_psilocybin_side_effects_are_the_pooled_figure() -> None:
    out = show("psilocybin")
    assert "all three dose groups together, the tiny 1 mg dose included" in out
    assert "This was true in all three dose groups" not in out


def test_gut_study_mood_in_mice_babies_for_constipation() -> None:
    out = show("gut-brain")
    assert "The mood findings were in mice" in out
    assert "about constipation in babies whose mothers took an SSRI in pregnancy" in out


# --- waiting and watching ------------------------------------------------------------


WAITING_NUMBERS = ("23 in 100", "32 in 100", "53 in 100")
# Every caveat part M asks to state with the numbers.
WAITING_CAVEATS = (
    "mild or moderate depression",
    "Older adults, and people on waiting lists, got better less often",
    "may not apply to severe depression",
)


@pytest.mark.parametrize(
    "topic",
    ["waiting", "watchful-waiting", "no-treatment", "active-monitoring", "Waiting-And-Watching"],
)
def test_show_waiting_by_any_of_its_names(topic: str) -> None:
    out = show(topic)
    assert out.startswith("Waiting and watching")
    for number in WAITING_NUMBERS:
        assert number in out
    assert "Whiteford, H. A." in out  # whiteford2013, in the references


def test_waiting_numbers_come_with_every_caveat_and_an_icon_array() -> None:
    option = content().options["waiting"]
    numbers = next(s for s in option.benefits if s.frequency is not None)
    assert numbers.references == ("whiteford2013",)
    assert [a.count for a in numbers.frequency.arms] == [23, 32, 53]  # type: ignore[union-attr]
    text = " ".join(numbers.text.split())
    for caveat in WAITING_CAVEATS:
        assert caveat in text
    out = show("waiting")
    assert "●" in out  # the icon array


def test_waiting_is_never_advice_to_wait() -> None:
    option = content().options["waiting"]
    summary = " ".join(option.summary.split())
    assert "not advice to wait" in summary
    assert "get help first" in summary
    # What it involves: a GP, a review in 2 to 4 weeks, what to do if worse.
    out = show("waiting")
    assert "within 2 to 4 weeks" in out and "If things get worse" in out
    # Its downsides say it plainly.
    downsides = " ".join(" ".join(s.text.split()) for s in option.downsides)
    assert "Depression can get worse while you wait" in downsides
    assert "Waiting is not safe if you have thoughts of ending your life" in downsides


def test_explore_with_no_topics_names_waiting_under_more_options() -> None:
    result = run_cli(["explore", "--answers", "-"], input="risk_now: 'no'\nregion: AU\n")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    more = out[out.index("More options") :]
    assert "Not starting a treatment yet: Waiting and watching (not-yet)" in more
    # Named, never a card: a card would read like a suggestion to wait.
    assert "(more: depression-guide show waiting)" not in out


def test_two_antidepressants_path_has_no_waiting_card_unless_chosen() -> None:
    answers = "risk_now: 'no'\nregion: AU\ntried_without_relief: 2-plus\n"
    out = flat(run_cli(["explore", "--answers", "-"], input=answers).stdout)
    assert "(more: depression-guide show waiting)" not in out
    assert "Waiting and watching (not-yet)" in out
    chosen = answers + "interests: [not-yet]\n"
    out = flat(run_cli(["explore", "--answers", "-"], input=chosen).stdout)
    assert "(more: depression-guide show waiting)" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_waiting_comes_after_the_crisis_panel_for_a_person_at_risk(fmt: str) -> None:
    answers = "risk_now: 'yes'\nregion: AU\ninterests: [not-yet]\n"
    result = run_cli(["explore", "--answers", "-", "--format", fmt], input=answers)
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Lifeline" in out[: out.index("Waiting and watching")]


def test_decide_can_weigh_waiting() -> None:
    answers = (
        "options: [waiting, cbt]\nratings:\n  waiting: {some-improve: 3, most-not-better: 4}\n"
    )
    result = run_cli(["decide", "--answers", "-"], input=answers)
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Waiting and watching" in out
    assert "Most people were still depressed after 3 months without treatment" in out


# --- when a first treatment hasn't helped: NICE's usual next steps ---------------------

TWO_TRIED = (
    "risk_now: 'no'\nregion: AU\n"
    "current_treatment: [antidepressant]\ntried_without_relief: 2-plus\n"
)
SPECIALIST = ("Transcranial magnetic stimulation", "Esketamine and ketamine", "ECT")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("detail", [False, True])
def test_usual_next_steps_come_before_the_specialist_options(fmt: str, detail: bool) -> None:
    args = ["explore", "--answers", "-", "--format", fmt] + (["--detail"] if detail else [])
    result = run_cli(args, input=TWO_TRIED)
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    first = out.index("Usual next steps with a doctor")
    for name in SPECIALIST:
        if name in out:
            assert first < out.index(name), name
    assert "Transcranial magnetic stimulation" in out


def test_usual_next_steps_come_first_in_json() -> None:
    import json

    result = run_cli(["explore", "--answers", "-", "--format", "json"], input=TWO_TRIED)
    data = json.loads(result.stdout)
    trd = next(c for c in data["categories"] if c["id"] == "treatment-resistant")
    ids = [o["id"] for o in trd["options"]]
    assert ids[0] == "usual-next-steps"
    assert ids.index("usual-next-steps") < min(ids.index(i) for i in ("tms", "ketamine", "ect"))
    assert trd["options"][0]["at_a_glance"] is True


def test_usual_next_steps_are_words_not_numbers_and_not_instructions() -> None:
    option = content().options["usual-next-steps"]
    assert "nice2022" in option.references
    every = " ".join(
        [option.summary, option.involves, option.glance.evidence]
        + [s.text for s in (*option.benefits, *option.downsides)]
    )
    assert not re.search(r"\d+\s+in\s+\d+|\d+\s*%", every)  # part O: no frequencies
    assert "Options a doctor may talk about with you include" in " ".join(option.summary.split())
    for instruction in ("switch to", "add a", "you should", "increase your dose"):
        assert instruction not in every.lower()
    # What part O lists: what gets in the way, therapy with a medicine, a higher
    # dose, the same or another kind, a specialist for mixes.
    flat_every = " ".join(every.split())
    for step in (
        "getting in the way",
        "therapy",
        "higher dose",
        "same or another kind",
        "specialist",
    ):
        assert step in flat_every, step


# --- misleading items ------------------------------------------------------------------


def overview(answers: str, *flags: str) -> str:
    result = run_cli(["explore", "--answers", "-", *flags], input=answers)
    assert result.exit_code == 0, result.stderr
    return flat(result.stdout)


def test_glance_numbers_name_their_comparison_and_the_overview_says_so_once() -> None:
    out = overview("risk_now: 'no'\nregion: AU\n")
    assert "42 in 100 much better; 19 in 100 on a waitlist or usual care" in out
    assert "25 in 100 much better; 10 in 100 on a dummy pill" in out
    said = "numbers from different comparisons can't be set against each other"
    assert out.count(said) == 1


def test_esketamine_both_groups_started_a_new_tablet() -> None:
    option = content().options["ketamine"]
    assert "new pill" in option.glance.evidence
    evidence = next(r for r in option.reasons_for if r.id == "evidence")
    assert evidence.text.count("new tablet") == 2
    assert "So both groups started a new tablet" in " ".join(option.benefits[0].text.split())


def test_mbct_leads_with_the_larger_prevent_trial() -> None:
    option = content().options["mbct"]
    assert option.glance.evidence.startswith("Came back over 2 years: 44 in 100; 47 in 100")
    assert option.glance.references == ("kuyken2015",)
    assert option.benefits[0].references == ("kuyken2015",)
    assert [a.count for a in option.benefits[0].frequency.arms] == [44, 47]  # type: ignore[union-attr]


def test_psilocybin_difference_no_longer_clear_not_gone() -> None:
    option = content().options["psychedelic-therapy"]
    assert "gone by 12 weeks" not in option.glance.soon
    assert "no clear difference" in option.glance.soon


def test_dbs_gives_the_sham_arm_and_counts_events() -> None:
    option = content().options["dbs"]
    hope = next(r for r in option.reasons_for if r.id == "hope")
    assert "20 in 100" in hope.text and "17 in 100" in hope.text
    assert (
        "40 serious events" in option.glance.downsides and "8 were from" in option.glance.downsides
    )
    out = show("dbs")
    assert "40 serious events" in out and "8 of these events, in 7 people" in out
    assert "serious side effects" not in out


@pytest.mark.parametrize("option_id", ["psychedelic-therapy", "dbs", "ect", "ketamine"])
def test_treatment_resistant_is_never_any_other_treatment(option_id: str) -> None:
    out = show(option_id)
    for vague in ("hard-to-treat", "had not improved after other treatments", "not lifted"):
        assert vague not in out, vague


def test_certainty_labels_come_only_from_the_evidence_grades() -> None:
    from depression_guide.content.checks import certainty_problems

    shipped = content()
    for option in shipped.options.values():
        assert certainty_problems(option.id, option, shipped.references) == []
    # The labels the review found: our own, not the evidence base's.
    ssri = shipped.options["ssri"]
    assert ssri.benefits[0].certainty is None  # stone2022 has no grade
    for option in shipped.options.values():
        for statement in (*option.benefits, *option.downsides):
            if "kuyken2016" in statement.references or (
                len(statement.references) == 1
                and (
                    "one trial" in statement.text.lower()
                    or "one small trial" in statement.text.lower()
                )
            ):
                assert statement.certainty is None, (option.id, statement.text[:40])
    assert shipped.references["noetel2024"].grade == ("low", "very-low")


# (option, reason id, reference): a reason that cited a source that does not
# back it (issue 24). Each is gone, or cites a source that does.
UNSUPPORTED = [
    ("cbt", "effort", "nice2022"),
    ("ipt", "relationships", "cuijpers2016ipt"),
    ("ipt", "therapists", "cuijpers2016ipt"),
    ("problem-solving-therapy", "fit", "cuijpers2018pst"),
    ("exercise", "low-cost", "nice2022"),
    ("exercise", "energy", "noetel2024"),
    ("nutrition", "health", "firth2019"),
    ("nutrition", "effort", "firth2019"),
    ("sleep", "self-help", "scott2021"),
    ("sleep", "effort", "scott2021"),
    ("social-connection", "free", "choi2020"),
    ("social-connection", "hard", "choi2020"),
    ("digital-cbt", "drop-out", "karyotaki2021"),
    ("digital-cbt", "no-crisis", "nice2022"),
    ("mbct", "practice", "kuyken2008"),
]


@pytest.mark.parametrize(("option_id", "reason_id", "ref"), UNSUPPORTED)
def test_no_reason_cites_a_source_that_does_not_back_it(
    option_id: str, reason_id: str, ref: str
) -> None:
    option = content().options[option_id]
    reasons = {r.id: r for r in (*option.reasons_for, *option.reasons_against)}
    assert reason_id not in reasons or ref not in reasons[reason_id].references


def test_sex_problems_after_stopping_are_not_cited_to_the_wrong_study() -> None:
    ssri = content().options["ssri"]
    for statement in ssri.downsides:
        if (
            "after the medicine is stopped" in statement.text
            or "after stopping the" in statement.text
        ):
            assert "serretti2009" not in statement.references
    row = next(r for r in ssri.medicine_rows if r.topic == "sexual side effects")
    assert "after stopping" not in row.text
    reason = next(r for r in ssri.reasons_against if r.id == "side-effects")
    assert "can last" not in reason.text


@pytest.mark.parametrize(
    ("option_id", "claim"),
    [
        ("tms", "A psychiatrist must assess you"),
        ("ketamine", "most often after a GP refers you"),
        ("ect", "A GP can refer you"),
    ],
)
def test_access_claims_without_evidence_are_gone(option_id: str, claim: str) -> None:
    import msgspec

    text = " ".join(msgspec.json.encode(content().options[option_id].access).decode().split())
    assert claim not in text


def test_about_corrections_10_and_18() -> None:
    corrections = content().about.corrections
    assert "80" not in corrections[10].claim + corrections[10].correction
    assert "or where there is concern about suicide risk" in corrections[18].correction
    assert "80%" not in flat(run_cli(["about"]).stdout)


# --- minor items -------------------------------------------------------------------------


def test_quiz_cbt_lasting_is_partly() -> None:
    item = next(i for i in content().quiz.items if i.id == "cbt-lasting")
    assert item.answer == "partly"


def test_phq9_thoughts_of_harm_without_minimal_and_one_help_block() -> None:
    # The region is given: without one, the every-region block is shown (once too).
    result = run_cli(["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--region", "AU"])
    assert result.exit_code == 0
    out = result.stdout
    assert "minimal" not in out
    assert "Your total is 1 out of 27." in out
    before_total = out[: out.index("Your total")]
    # The help lines once before the result (the page still ends with them).
    assert before_total.count("call the emergency number: 000") == 1
    anywhere = run_cli(["check", "phq9", "--answers", "0,0,0,0,0,0,0,0,1"]).stdout
    assert anywhere[: anywhere.index("Your total")].count("Other countries") == 1
    # Without thoughts of harm, the band is named as before.
    out = run_cli(["check", "phq9", "--answers", "0,0,0,0,0,0,0,1,0"]).stdout
    assert 'the band called "minimal"' in out


def test_choi2020_note_and_exercise_active_controls_and_ketamine_access() -> None:
    shipped = content()
    assert "DOI only" not in shipped.references["choi2020"].note
    assert "active controls" in " ".join(shipped.options["exercise"].benefits[0].text.split())
    assert "other activities or usual care" not in show("exercise")
    au = shipped.options["ketamine"].access["AU"].short
    assert "at least two antidepressants" in au and "2 pills" not in au


def test_about_lists_this_editions_changes() -> None:
    out = flat(run_cli(["about"]).stdout)
    assert "Third edition" in out
    for change in ("waiting and watching", "usual next steps", "leaning towards", "NHS 111"):
        assert change in out, change


# --- readability ---------------------------------------------------------------------------


def grades(record: object, limit: float, only: set[str] | None = None) -> list[str]:
    """Every field above the grade (textstat 0.7.8, Flesch-Kincaid), field by field."""
    from importlib.metadata import version

    from depression_guide.content.checks import NOT_PARAGRAPHS, SHORTEST_PARAGRAPH, texts

    textstat = pytest.importorskip("textstat")
    assert version("textstat") == "0.7.8"  # later versions score differently
    found = []
    for key, text, _ in texts(record):
        field = key.rsplit(".", 1)[-1]
        if field in NOT_PARAGRAPHS or (only and field not in only):
            continue
        if len(text.split()) < SHORTEST_PARAGRAPH:
            continue
        grade = textstat.flesch_kincaid_grade(text)
        if grade > limit:
            found.append(f"{key}: {grade:.1f}")
    return found


def test_readability_of_about_notes_and_phq9_meanings() -> None:
    shipped = content()
    assert grades(shipped.about, 10) == []
    for note in shipped.explore.notes:
        assert grades(note, 8 if note.kind == "safety" else 10) == [], note.id
    assert grades(shipped.phq9, 10, {"meaning", "thoughts_of_harm"}) == []
