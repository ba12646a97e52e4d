"""The second edition of the content: every option shows a result and its harms,
and the 18 errors found in review (issue 14) stay fixed.

These tests read the shipped content on purpose: they guard facts, not layout.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.content.checks import SIZE_WORDS, STATISTIC
from depression_guide.content.model import Option

from .conftest import ROOT, flat, run_cli, show

CONTENT = Content(builtin_data_dir(), "data")


def everything(option: Option) -> str:
    """Every text of an option, folded."""
    import msgspec

    return flat(msgspec.json.encode(option).decode())


# --- every option says what the evidence shows ------------------------------------


@pytest.mark.parametrize("option_id", sorted(CONTENT.options))
def test_every_option_shows_a_result(option_id: str) -> None:
    option = CONTENT.options[option_id]
    results = [
        b
        for b in option.benefits
        if b.references and (STATISTIC.search(b.text) or SIZE_WORDS.search(b.text))
    ]
    assert results or option.evidence_gap, option_id
    out = show(option_id)
    if results:
        assert flat(results[0].text)[:60] in out
    else:
        assert flat(option.evidence_gap)[:60] in out


@pytest.mark.parametrize(
    ("option_id", "numbers"),
    [
        ("cbt", ("42 in 100", "19 in 100")),
        ("ssri", ("25 in 100", "10 in 100")),
        ("mbct", ("47 in 100", "60 in 100")),
        ("nutrition", ("32 in 100", "8 in 100")),
        ("ketamine", ("69 in 100", "52 in 100")),
        ("psychedelic-therapy", ("37 in 100", "18 in 100")),
        ("tms", ("29 in 100", "10 in 100")),
        ("dbs", ("20 in 100", "17 in 100")),
    ],
)
def test_icon_arrays_from_the_arm_rates(option_id: str, numbers: tuple[str, ...]) -> None:
    out = show(option_id)
    assert "●" in out  # the picture
    for number in numbers:
        assert f"{number}" in out


@pytest.mark.parametrize(
    ("option_id", "harms"),
    [
        ("ssri", ("31 in 100", "17 in 100", "3 in 100", "26 to 80 in 100", "go on after")),
        ("ketamine", ("23 in 100", "27 and 7", "7 in 100 people stopped", "2 hours", "aneurysm")),
        ("psychedelic-therapy", ("77 in 100", "all dose groups")),
        ("tms", ("1 in 1,400", "Headache")),
        ("ect", ("33 in 100", "recent events")),
        ("dbs", ("28 of 90", "40 serious")),
    ],
)
def test_harms_with_numbers(option_id: str, harms: tuple[str, ...]) -> None:
    out = show(option_id)
    for harm in harms:
        assert harm in out, harm


def test_no_option_says_its_evidence_does_not_list_side_effects() -> None:
    for option in CONTENT.options.values():
        assert "does not list them" not in everything(option), option.id


def test_two_comparisons_are_named_next_to_the_numbers() -> None:
    assert "a waitlist, not a dummy pill" in show("cbt")
    assert "placebo (a dummy pill)" in show("ssri")


def test_established_options_come_before_research_only() -> None:
    ids = [o.id for o in CONTENT.options.values() if o.category == "treatment-resistant"]
    # NICE's usual next steps first (issue 24), then TMS; research-only last.
    assert ids[:2] == ["usual-next-steps", "tms"] and ids[-1] == "dbs"


# --- the 18 errors found in review --------------------------------------------------


def test_1_sleep_review_reports_depression() -> None:
    out = show("sleep")
    assert "g = 0.63" in out and "mental health in general" not in out


def test_2_antidepressant_timing_follows_nice() -> None:
    texts = [
        everything(CONTENT.options["ssri"]),
        flat(next(i.explanation for i in CONTENT.quiz.items if i.id == "first-day")),
        flat(" ".join(c.correction for c in CONTENT.about.corrections)),
    ]
    for text in texts:
        assert "within 4 weeks" in text
        assert "within 1 to 2 weeks" not in text and "4 to 6 weeks" not in text


def test_3_the_antidepressant_group_is_adults_and_children() -> None:
    frequency = CONTENT.options["ssri"].benefits[0].frequency
    assert frequency is not None and "adults and children" in frequency.group


def test_4_the_young_adult_caution_cites_nice_and_says_what_to_do() -> None:
    caution = next(d for d in CONTENT.options["ssri"].downsides if "18 to 25" in d.text)
    assert caution.references == ("nice2022",)
    notes = [n for n in CONTENT.explore.notes if n.id.startswith("youth-medicine")]
    assert len(notes) == 2  # one caution for each age: under 18, and 18 to 25
    for text in (caution.text, *(note.text for note in notes)):
        assert "crisis line straight away" in flat(text)
        assert "emergency number" in flat(text)


def test_5_gut_study_had_human_data_but_no_human_treatment() -> None:
    out = show("gut-brain")
    assert "no human data" not in out
    assert "mood findings were in mice" in out and "No treatment has been tested" in out


def test_6_quiz_fluoxetine_in_the_us_and_exercise_is_a_myth() -> None:
    items = {i.id: i for i in CONTENT.quiz.items}
    assert "first SSRI approved in the US" in flat(items["ssri-1990s"].explanation)
    assert items["exercise-same"].answer == "myth"


def test_7_ect_is_not_the_most_effective() -> None:
    out = show("ect")
    assert "most effective" not in out
    assert "probably more effective than medicines" in out


def test_8_mbct_comparisons_are_named() -> None:
    out = show("mbct")
    assert "compared with not having MBCT" not in out
    assert "stayed on an antidepressant" in out and "usual care" in out


def test_9_the_brain_circuit_study_is_not_a_benefit() -> None:
    pst = CONTENT.options["problem-solving-therapy"]
    assert all("zhang2024" not in b.references for b in pst.benefits)
    assert "depression and obesity" in show("neuroplasticity")


def test_10_ketamine_relief_is_for_some_people() -> None:
    assert "For some people, relief comes within hours or days" in show("ketamine")


def test_11_psilocybin_numbers_harms_and_law() -> None:
    out = show("psilocybin")
    for part in ("no longer clear", "No psilocybin product is registered", "against the law"):
        assert part in out
    assert "psilocybin- assisted" not in everything(CONTENT.options["psychedelic-therapy"])


def test_12_cbt_against_medicines_and_no_promise() -> None:
    out = show("cbt")
    assert "CBT and medicines did about as well" in out
    # Issue 24: no line in EVIDENCE.md supports "together did better than a
    # medicine alone"; NICE's first choice for more severe depression does.
    assert "did better than a medicine alone" not in out
    assert "CBT together with an antidepressant as a first choice" in out
    assert "worse for a while before you feel better" not in out


def test_13_no_side_effects_is_not_promised() -> None:
    reason = CONTENT.explore.priority_reasons["avoid-side-effects"]
    assert "has no medicine side effects" not in reason
    assert "does not involve taking a medicine" in reason


def test_14_treatment_resistant_means_two_antidepressants() -> None:
    question = next(q for q in CONTENT.explore.questions if q.key == "tried_without_relief")
    assert "antidepressants" in question.prompt
    note = next(n for n in CONTENT.explore.notes if n.id == "treatment-resistant")
    assert "antidepressants" in note.title
    assert "antidepressants" in CONTENT.categories["treatment-resistant"].summary


def test_15_dbs_response_and_serious_events() -> None:
    out = show("dbs")
    assert "at least 40%" in out and "months 4 to 6" in out and "28 of 90" in out


def test_16_crisis_hours_and_no_false_claim() -> None:
    uk = flat(run_cli(["crisis", "--region", "UK"]).stdout)
    assert "NHS 111: call 111 (nhs.uk). 24/7. For a mental health crisis in England and Wales" in uk
    ca = flat(run_cli(["crisis", "--region", "CA"]).stdout)
    assert "text CONNECT to 686868" in ca and "Kids Help Phone" in ca
    assert "686868 (kidshelpphone.ca). 24/7" in ca
    nz = flat(run_cli(["crisis", "--region", "NZ"]).stdout)
    assert "text HELP to 4357 (lifeline.org.nz). 24/7" in nz
    au = flat(run_cli(["crisis", "--region", "AU"]).stdout)
    assert "Monday to Friday, 8:30 am to 5 pm" in au
    assert "own website" not in au


def test_17_references_of_the_second_edition() -> None:
    refs = CONTENT.references
    assert refs["tga2023"].url.endswith("/mdma-and-psilocybine-hub")
    assert refs["holtzheimer2017"].verified == "V"
    for ref_id in (
        "richards2016",
        "kuyken2008",
        "kuyken2015",
        "jacka2017",
        "popova2019",
        "daly2019",
        "berlim2014",
        "henssler2024",
        "serretti2009",
        "taylor2021",
        "rose2003",
        "nice2015ipg542",
        "tga2021spravato",
        "mbs2021rtms",
    ):
        assert ref_id in refs
    # A DOI rated H is left out until it can be checked to resolve (EVIDENCE.md K);
    # the third edition adds the ones checked in 2026-12 (issue 24).
    assert refs["taylor2021"].doi == ""
    for ref_id in ("popova2019", "henssler2024", "serretti2009"):
        assert refs[ref_id].doi and refs[ref_id].verified == "V"


def test_about_lists_what_changed() -> None:
    out = flat(run_cli(["about"]).stdout)
    assert "What changed in this edition" in out
    assert "Next review due: 2027-11-28" in out
    assert "The tests check each paragraph on its own" in out


def test_no_australian_services_outside_australia() -> None:
    for region in ("US", "UK", "CA", "NZ", "IE", "OTHER"):
        out = run_cli(["--region", region, "show", "psychotherapy", "medication"]).stdout
        for word in ("Medicare", "Mental Health Treatment Plan", "1800 ", "Better Access"):
            assert word not in out, (region, word)


EXTRA = "zz-extra-option.yaml"  # the same name when the suite runs with it in data/


def test_a_pack_can_add_an_option(pack: Path) -> None:
    """A clinic's extra option (tests/fixtures/extra-option.yaml) fits everywhere."""
    from depression_guide.content.checks import check

    shutil.copy(ROOT / "tests" / "fixtures" / "extra-option.yaml", pack / "options" / EXTRA)
    assert [p.message for p in check(Content(pack, "pack")).problems] == []
    for args in (
        ["show", "clinic-group-cbt"],
        ["show", "psychotherapy"],
        ["compare", "cbt", "group-cbt-clinic"],
        ["decide", "cbt", "group-cbt-clinic", "--answers", "-"],
    ):
        result = run_cli(["--data-dir", str(pack), *args], input="{}\n")
        assert result.exit_code == 0, (args, result.stderr)
        assert "Group CBT at a local clinic" in result.stdout
    result = run_cli(
        ["--data-dir", str(pack), "explore", "--answers", "-", "-f", "json"],
        input="risk_now: 'no'\ninterests: [psychotherapy]\n",
    )
    categories = json.loads(result.stdout)["categories"]
    ids = [o["id"] for c in categories if c["id"] == "psychotherapy" for o in c["options"]]
    assert ids[-1] == "group-cbt-clinic"  # its order (60) puts it last
