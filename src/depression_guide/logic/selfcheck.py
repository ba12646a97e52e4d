"""The PHQ-9 self-check and the myth-or-fact quiz: scoring and results (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from depression_guide import strings as S
from depression_guide.errors import GuideError

if TYPE_CHECKING:
    from depression_guide.content import model

QUIZ_ANSWERS = ("myth", "fact", "partly")  # the answers file's keys; words: S.QUIZ_CHOICES


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
            S.GOT_ANSWERS.format(count=len(parts))
            if len(parts) not in (9, 10)
            else S.NOT_0_TO_3.format(answer=next(p for p in parts if not re.fullmatch(r"[0-3]", p)))
        )
        raise GuideError(S.PHQ9_NOT_VALID.format(problem=problem), S.PHQ9_RULE)
    numbers = tuple(int(p) for p in parts)
    return numbers[:9], (numbers[9] if len(numbers) == 10 else None)


def score_phq9(phq9: model.Phq9, scores: tuple[int, ...], difficulty: int | None) -> Phq9Result:
    total = sum(scores)
    band = next(b for b in phq9.bands if b.low <= total <= b.high)
    return Phq9Result(scores, difficulty, total, band)


def parse_quiz(text: str, count: int) -> tuple[str, ...]:
    """'myth,fact,partly,...' -> one answer per quiz statement, checked strictly."""
    parts = [p.strip().lower() for p in text.split(",")]
    rule = S.QUIZ_RULE.format(count=count)
    if len(parts) != count:
        raise GuideError(S.QUIZ_COUNT.format(count=count, given=len(parts)), rule)
    for part in parts:
        if part not in QUIZ_ANSWERS:
            raise GuideError(S.QUIZ_NOT_AN_ANSWER.format(answer=part), rule)
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
