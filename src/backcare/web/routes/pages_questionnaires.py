"""The questionnaire pages: the three instruments with your latest result and its change since
the first, and one form per instrument (STarT Back's nine items verbatim, with its notice)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, status
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from backcare import services
from backcare.programme.questionnaires import INSTRUMENTS, AnswerError, InstrumentId, instrument
from backcare.schemas import QuestionnaireCreate, QuestionnairePublic
from backcare.web.deps import NowDep, UserDep
from backcare.web.routes.pages_common import render, same_origin, state_of

router = APIRouter()


@router.get("/questionnaires")
def questionnaires_page(request: Request, user_id: UserDep, saved: int | None = None) -> Response:
    """Each instrument with its latest result, the change since the first, and a link to it."""
    history = services.list_questionnaires(state_of(request).database, user_id=user_id)
    latest: dict[str, QuestionnairePublic] = {q.instrument: q for q in history}
    return render(
        request,
        "questionnaires.html",
        instruments=[instrument(i) for i in INSTRUMENTS],
        latest=latest,
        counts={i: sum(1 for q in history if q.instrument == i) for i in INSTRUMENTS},
        just_saved=next((q for q in history if q.id == saved), None),
    )


@router.get("/questionnaires/{instrument_id}")
def questionnaire_form(
    request: Request, instrument_id: Annotated[InstrumentId, Path()]
) -> Response:
    """The questionnaire as a form: every item with its answers, the instrument's notice."""
    return render(request, "questionnaire_form.html", spec=instrument(instrument_id), error=None)


@router.post("/questionnaires/{instrument_id}", dependencies=[Depends(same_origin)])
async def answer_questionnaire(
    request: Request,
    user_id: UserDep,
    now: NowDep,
    instrument_id: Annotated[InstrumentId, Path()],
) -> Response:
    """Save the answers and show the result; a missing or wrong answer shows the form again
    with the problem named (status 422), and nothing is saved."""
    form = await request.form()
    spec = instrument(instrument_id)
    try:
        answers, activities = _read(form, len(spec.items), psfs=instrument_id == "psfs")
        saved = services.save_questionnaire(
            state_of(request).database,
            user_id=user_id,
            instrument=instrument_id,
            entry=QuestionnaireCreate(answers=answers, activities=activities),
            now=now,
        )
    except AnswerError as error:
        return render(
            request,
            "questionnaire_form.html",
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            spec=spec,
            error=str(error).removeprefix("activities: "),
        )
    return RedirectResponse(
        f"/questionnaires?saved={saved.id}#result", status_code=status.HTTP_303_SEE_OTHER
    )


def _read(form: FormData, items: int, *, psfs: bool) -> tuple[list[int], list[str]]:
    """Answers ``q1``…``qN`` (and, for the PSFS, ``activity1``…): a PSFS row left blank is
    skipped; any other unanswered item is named."""
    answers: list[int] = []
    activities: list[str] = []
    for number in range(1, items + 1):
        value = str(form.get(f"q{number}", "")).strip()
        name = str(form.get(f"activity{number}", "")).strip() if psfs else ""
        if psfs and not name and not value:
            continue
        if not value.isdigit():
            raise AnswerError(f"Please answer item {number}.", number - 1)
        answers.append(int(value))
        if psfs:
            activities.append(name)
    return answers, activities
