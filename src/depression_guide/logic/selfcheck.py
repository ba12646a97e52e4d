"""The PHQ-9 self-check and the myth-or-fact quiz: scoring and results (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from depression_guide.errors import GuideError

if TYPE_CHECKING:
    from depression_guide.content import model

PHQ9_RULE = (
    "Give nine numbers from 0 to 3, separated by commas, one for each question in order "
    "(0 = not at all, 3 = nearly every day), and optionally a tenth (0 to 3) for how "
    "difficult the problems have made things. For example: --answers 0,1,2,0,1,0,0,1,0"
)
QUIZ_CHOICES = {"myth": "Myth", "fact": "Fact", "partly": "Partly true"}


@dataclass(frozen=True)
class Phq9Result:
    scores: tuple[int, ...]
    difficulty: int | None
    total: int
    band: model.Band

    @property
    def thoughts_of_harm(self) -> bool:
        """Item 9 above 0: the crisis panel comes first, whatever the total."""
        return self.scores[8] > 0


def parse_phq9(text: str) -> tuple[tuple[int, ...], int | None]:
    """'0,1,2,...' -> nine scores and an optional difficulty answer, checked strictly."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) not in (9, 10) or not all(re.fullmatch(r"[0-3]", p) for p in parts):
        problem = (
            f"got {len(parts)} answers"
            if len(parts) not in (9, 10)
            else f"'{next(p for p in parts if not re.fullmatch(r'[0-3]', p))}' is not 0, 1, 2 or 3"
        )
        raise GuideError(f"the PHQ-9 answers are not valid: {problem}.", PHQ9_RULE)
    numbers = tuple(int(p) for p in parts)
    return numbers[:9], (numbers[9] if len(numbers) == 10 else None)


def score_phq9(phq9: model.Phq9, scores: tuple[int, ...], difficulty: int | None) -> Phq9Result:
    total = sum(scores)
    band = next(b for b in phq9.bands if b.low <= total <= b.high)
    return Phq9Result(scores, difficulty, total, band)


def parse_quiz(text: str, count: int) -> tuple[str, ...]:
    """'myth,fact,partly,...' -> one answer per quiz statement, checked strictly."""
    parts = [p.strip().lower() for p in text.split(",")]
    rule = (
        f"Give {count} answers separated by commas, each myth, fact or partly, "
        "one for each statement in order."
    )
    if len(parts) != count:
        raise GuideError(
            f"the quiz has {count} statements, but {len(parts)} answers were given.", rule
        )
    for part in parts:
        if part not in QUIZ_CHOICES:
            raise GuideError(f"'{part}' is not an answer the quiz takes.", rule)
    return tuple(parts)


def quiz_score(items: tuple[model.QuizItem, ...], answers: tuple[str, ...]) -> int:
    return sum(item.answer == answer for item, answer in zip(items, answers, strict=True))


def kind_words(score: int, total: int) -> str:
    """The score, worded kindly: the point is learning, not passing."""
    if score == total:
        return f"You got all {total} right. Well done."
    if score >= total * 0.7:
        return f"You got {score} of {total}. That's a lot you already knew."
    return (
        f"You got {score} of {total}. Many of these are common beliefs, so this is a "
        "good chance to learn what the evidence says."
    )
