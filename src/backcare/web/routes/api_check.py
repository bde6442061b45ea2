"""``POST /api/check``: the safety check (SPEC §3) for a profile; the check-in's questions and
the four levels' wording, so an API client asks what the CLI and the web app ask."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, ConfigDict, ValidationError

from backcare.content.schema import LevelWording
from backcare.errors import InputError
from backcare.profile import Profile
from backcare.triage import CheckResult, evaluate, profile_from_answers, questions_for
from backcare.triage.questions import QUESTIONS, Question
from backcare.web.deps import BAD_BODY, KbDep

router = APIRouter(tags=["check"])

ANSWER_KEYS = frozenset({"pregnant", *(question.key for question in QUESTIONS)})


@router.post("/check", responses=BAD_BODY)
def check(profile: Profile, kb: KbDep) -> CheckResult:
    """Warning signs in the profile: whether to see a doctor, how soon, and why (with sources)."""
    return evaluate(profile, kb)


class AnswersIn(BaseModel):
    """The check-in answers so far, keyed by profile path (``symptoms.fever_or_chills``) plus
    ``pregnant``; ``null`` is "don't know"."""

    model_config = ConfigDict(extra="forbid")
    answers: dict[str, bool | int | str | list[str] | None] = {}


class QuestionPublic(BaseModel):
    """One question as every front end asks it."""

    key: str
    text: str
    kind: str
    choices: list[str]
    minimum: int | None
    maximum: int | None
    required: bool


class NextQuestions(BaseModel):
    """The questions still to ask, in order, and the check of the answers so far."""

    questions: list[QuestionPublic]
    check: CheckResult


@router.post("/check/questions", responses=BAD_BODY)
def next_questions(body: AnswersIn, kb: KbDep) -> NextQuestions:
    """Which questions apply given the answers so far (the same list the CLI and the check-in
    page use: follow-ups only when an answer calls for them), and the check so far."""
    unknown = sorted(set(body.answers) - ANSWER_KEYS)
    if unknown:
        raise _unprocessable(["body", "answers", unknown[0]], "not a check-in question")
    try:
        profile = profile_from_answers(body.answers)
    except (ValidationError, InputError) as error:
        raise _unprocessable(["body", "answers"], str(error).splitlines()[0]) from None
    return NextQuestions(
        questions=[_public(question) for question in questions_for(body.answers)],
        check=evaluate(profile, kb),
    )


@router.get("/check/levels")
def levels(kb: KbDep) -> list[LevelWording]:
    """The four levels of the safety check, worded once in the content for every front end."""
    return list(kb.levels)


def _public(question: Question) -> QuestionPublic:
    return QuestionPublic(
        key=question.key,
        text=question.text,
        kind=question.kind,
        choices=list(question.choices),
        minimum=question.minimum,
        maximum=question.maximum,
        required=question.required,
    )


def _unprocessable(loc: list[Any], message: str) -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        detail=[{"loc": loc, "msg": message, "type": "value_error"}],
    )
