"""answers -> Summary: every rule in explore.yaml, as tables."""

from __future__ import annotations

from typing import Any

import pytest

from depression_guide.content import Content, builtin_data_dir
from depression_guide.logic.answers import matches
from depression_guide.logic.explore import ALWAYS_NAMED, DEFAULT_CATEGORIES, summarise
from depression_guide.render.plain import render
from depression_guide.ui.output import Screen
from depression_guide.views.summary import summary_document
from tests.conftest import as_shown, json_as_shown

CONTENT = Content(builtin_data_dir(), "data")
NOTES = {note.id: note for note in CONTENT.explore.notes}


@pytest.mark.parametrize(
    ("when", "answers", "expected"),
    [
        ({"age_group": ("under-18",)}, {"age_group": "under-18"}, True),
        ({"age_group": ("under-18", "18-25")}, {"age_group": "18-25"}, True),
        ({"age_group": ("under-18",)}, {"age_group": "26-64"}, False),
        ({"age_group": ("under-18",)}, {}, False),
        ({"priorities": ("low-cost",)}, {"priorities": ("fast-relief", "low-cost")}, True),
        ({"priorities": ("low-cost",)}, {"priorities": ()}, False),
        ({"pregnancy": ("yes",), "region": ("AU",)}, {"pregnancy": "yes", "region": "UK"}, False),
        ({"pregnancy": ("yes",), "region": ("AU",)}, {"pregnancy": "yes", "region": "AU"}, True),
        ({}, {}, True),
    ],
)
def test_conditions(
    when: dict[str, tuple[str, ...]], answers: dict[str, Any], expected: bool
) -> None:
    assert matches(when, answers) is expected


# Every rule in explore.yaml: answers that trigger it, and answers that must not.
RULES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "treatment-resistant": ({"tried_without_relief": "2-plus"}, {"tried_without_relief": "1"}),
    "youth-medicine-18-25": (
        {"age_group": "18-25", "interests": ("medication",)},
        {"age_group": "18-25", "interests": ("lifestyle",)},
    ),
    "youth-medicine-under-18": (
        {"age_group": "under-18", "interests": ("medication",)},
        {"age_group": "26-64", "interests": ("medication",)},
    ),
    "youth": ({"age_group": "under-18"}, {"age_group": "65-plus"}),
    "already-on-antidepressant": (
        {"current_treatment": ("antidepressant", "therapy")},
        {"current_treatment": ("therapy",)},
    ),
    "in-therapy": ({"current_treatment": ("therapy",)}, {"current_treatment": ("none",)}),
    "pregnancy": ({"pregnancy": "yes"}, {"pregnancy": "prefer-not"}),
    "pregnancy-au": ({"pregnancy": "yes", "region": "AU"}, {"pregnancy": "yes", "region": "NZ"}),
    "culture": ({"priorities": ("family-community",)}, {"priorities": ("low-cost",)}),
    "interpreters-au": (
        {"priorities": ("culture-faith",), "region": "AU"},
        {"priorities": ("culture-faith",), "region": "UK"},
    ),
}


def test_every_rule_has_a_table_row() -> None:
    assert set(RULES) == set(NOTES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_fires_only_when_it_should(rule: str) -> None:
    yes, no = RULES[rule]
    region = str(yes.get("region", "AU"))
    assert rule in [n.id for n in summarise(CONTENT, yes, region).notes]
    assert rule not in [n.id for n in summarise(CONTENT, no, str(no.get("region", "AU"))).notes]


def test_no_answers_gives_a_general_summary() -> None:
    summary = summarise(CONTENT, {}, "AU")
    assert [s.category.id for s in summary.sections] == [*DEFAULT_CATEGORIES, *ALWAYS_NAMED]
    assert not summary.at_risk
    assert summary.notes == []
    assert summary.recap == []  # nothing answered, nothing recapped
    assert summary.questions[:2] == list(CONTENT.explore.general_questions[:2])
    text = render(as_shown(CONTENT, summary_document(CONTENT, summary), summary.region))
    assert "000" in text and "Lifeline" in text and "not medical advice" in text


def test_two_or_more_tried_brings_in_treatment_resistant_options_with_the_reason() -> None:
    summary = summarise(
        CONTENT, {"tried_without_relief": "2-plus", "interests": ("lifestyle",)}, "AU"
    )
    ids = [s.category.id for s in summary.sections]
    # Not starting a treatment yet is always named (issue 24), never a card here.
    assert ids == ["lifestyle", "treatment-resistant", "not-yet"]
    why = summary.sections[1].options[0].why[0]
    assert "your answer" in why and "two or more" in why


def test_chosen_interests_are_the_reason() -> None:
    summary = summarise(CONTENT, {"interests": ("digital",)}, "AU")
    assert summary.sections[0].options[0].why[0] == "You asked to read about: Digital programs."


def test_priorities_order_options_and_say_why() -> None:
    summary = summarise(
        CONTENT,
        {"interests": ("lifestyle",), "priorities": ("culture-faith", "family-community")},
        "AU",
    )
    shown = summary.sections[0].options
    # The content's order, never re-ranked by priorities ...
    assert [s.option.id for s in shown] == [
        o.id for o in CONTENT.options.values() if o.category == "lifestyle"
    ]
    # ... while "why shown" names the priorities an option meets.
    connection = next(s for s in shown if s.option.id == "social-connection")
    assert any("culture or faith" in reason for reason in connection.why)


def test_already_taking_an_antidepressant_marks_medicines() -> None:
    summary = summarise(
        CONTENT, {"current_treatment": ("antidepressant",), "interests": ("medication",)}, "AU"
    )
    assert summary.sections[0].options[0].using_it
    text = render(as_shown(CONTENT, summary_document(CONTENT, summary), summary.region))
    # The safety note first, before any option; in full in the detail too.
    assert text.index("Don't stop an antidepressant suddenly") < text.index("at a glance")
    detail = render(
        as_shown(CONTENT, summary_document(CONTENT, summary, detail=True), summary.region)
    )
    assert detail.count("Don't stop an antidepressant suddenly") >= 2


@pytest.mark.parametrize("risk", ["yes", "unsure"])
def test_risk_puts_the_crisis_panel_first(risk: str) -> None:
    summary = summarise(CONTENT, {"risk_now": risk}, "UK")
    doc = as_shown(CONTENT, summary_document(CONTENT, summary), summary.region)
    assert "Thank you for telling us" in getattr(doc.blocks[0], "text", "")
    assert getattr(doc.blocks[1], "kind", None) == "crisis"
    text = render(doc)
    assert text.index("999") < text.index("What you told us")
    assert "Samaritans" in text.split("What you told us")[0]
    assert text.count("116 123") >= 2  # first, and again at the end


def test_no_risk_still_ends_with_crisis_lines() -> None:
    text = render(
        as_shown(
            CONTENT, summary_document(CONTENT, summarise(CONTENT, {"risk_now": "no"}, "AU")), "AU"
        )
    )
    assert "What you told us" in text.split("If you are in danger now")[0]


def test_next_steps_follow_the_region() -> None:
    assert any("Mental Health Treatment Plan" in s for s in summarise(CONTENT, {}, "AU").next_steps)
    assert not any("Medicare" in s for s in summarise(CONTENT, {}, "US").next_steps)


def test_questions_come_from_the_options_shown() -> None:
    summary = summarise(CONTENT, {"interests": ("treatment-resistant",)}, "AU")
    assert "Would TMS be an option for me?" in summary.questions
    assert not any("CBT" in q for q in summary.questions)


def test_json_summary_shape() -> None:
    summary = summarise(CONTENT, {"risk_now": "no", "priorities": ("low-cost",)}, "AU")
    data = json_as_shown(CONTENT, summary_document(CONTENT, summary))
    assert data["schema_version"] == 2
    assert set(data) == {
        "schema_version",
        "made",
        "region",
        "at_risk",
        "region_known",
        "answers",
        "recap",
        "categories",
        "notes",
        "questions",
        "next_steps",
        "crisis",
        "youth_lines",
        "disclaimer",
        "references",
        "content_reviewed",
    }
    option = data["categories"][0]["options"][0]
    assert {"id", "name", "why_shown", "using_it", "benefits", "downsides"} <= set(option)
    assert data["answers"]["priorities"] == ["low-cost"]


def test_plain_text_summary_at_any_width() -> None:
    summary = summarise(CONTENT, {"tried_without_relief": "2-plus"}, "AU")
    doc = as_shown(CONTENT, summary_document(CONTENT, summary), summary.region)
    for width in (20, 40, 200):
        assert render(doc, width=width)
    assert Screen(False, True, False, 80, "utf-8").pretty is False
