"""``/api/questionnaires``: answer STarT Back, PEG or the PSFS and read the history back, each
result with its change since the first of its kind."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from fastapi.exceptions import RequestValidationError

from backcare import services
from backcare.programme.questionnaires import AnswerError, InstrumentId
from backcare.schemas import QuestionnaireCreate, QuestionnairePublic
from backcare.web.deps import BAD_BODY, DbDep, NowDep, UserDep
from backcare.web.routes.api_diary import _not_in_future

router = APIRouter(prefix="/questionnaires", tags=["questionnaires"])

InstrumentPath = Annotated[
    InstrumentId, Path(description="startback | peg | psfs (the Patient-Specific Functional Scale)")
]


@router.post(
    "/{instrument}",
    status_code=status.HTTP_201_CREATED,
    responses=BAD_BODY,
    response_model_exclude_none=True,
)
def answer_questionnaire(
    instrument: InstrumentPath,
    entry: QuestionnaireCreate,
    db: DbDep,
    user_id: UserDep,
    now: NowDep,
) -> QuestionnairePublic:
    """Score and save one questionnaire. ``answers`` are 0-based positions in each item's answer
    list (STarT Back items 1–8: 0 disagree, 1 agree; item 9: 0 not at all … 4 extremely; PEG
    and PSFS 0–10); the PSFS also takes one ``activities`` name per rating. A wrong answer is a
    422 naming ``body.answers.N``, and nothing is saved."""
    if entry.at is not None:
        _not_in_future(entry.at, now)
    try:
        return services.save_questionnaire(
            db, user_id=user_id, instrument=instrument, entry=entry, now=now
        )
    except AnswerError as error:
        raise RequestValidationError([_problem(error, entry)]) from None


def _problem(error: AnswerError, entry: QuestionnaireCreate) -> dict[str, Any]:
    """FastAPI's error shape, pointing into the body at the answer (or activity) at fault."""
    message = str(error)
    field = "activities" if message.startswith("activities: ") else "answers"
    loc: tuple[str | int, ...] = ("body", field)
    if error.index is not None:
        loc += (error.index,)
    values = entry.activities if field == "activities" else entry.answers
    return {
        "type": "value_error",
        "loc": loc,
        "msg": message.removeprefix("activities: "),
        "input": values if error.index is None else values[error.index],
    }


@router.get("", response_model_exclude_none=True)
def questionnaire_history(
    db: DbDep,
    user_id: UserDep,
    instrument: Annotated[InstrumentId | None, Query(description="Only this instrument.")] = None,
) -> list[QuestionnairePublic]:
    """Every saved questionnaire, oldest first, with its scores and change since the first."""
    return services.list_questionnaires(db, user_id=user_id, instrument=instrument)
