"""The check-in: the safety-check questions (``backcare.triage.questions``) one small group per
screen, then a few questions the plan needs (work, equipment, time).

Answers are health data, so they never travel in a URL (which lands in access logs and browser
history): each screen's answers are POSTed, kept in a signed, HttpOnly, SameSite=Strict cookie
(the draft: one entry per screen answered), and the browser is sent to ``/check-in?step=N``,
which shows screen N of the draft. So the back button, a reload and the Back link all work, and
the URL says only which step it is. Saving the profile clears the draft.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request, status
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeSerializer
from pydantic import ValidationError

from backcare import services
from backcare.content.schema import EQUIPMENT
from backcare.errors import InputError
from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.triage import Question, evaluate, parse_answer, profile_from_answers, questions_for
from backcare.triage.questions import QUESTIONS, Answers
from backcare.web.deps import NowDep, UserDep
from backcare.web.routes.pages_common import render, same_origin, state_of

router = APIRouter()

WORK = ("sitting", "standing", "lifting", "driving")

PLAN_QUESTIONS: tuple[Question, ...] = (
    Question("work", "What does your working day involve?", "choices", WORK),
    Question("equipment", "What do you have at home?", "choices", EQUIPMENT),
    Question("fitness", "How active are you at the moment?", "choice", ("low", "moderate", "high")),
    Question(
        "minutes_per_day",
        "How many minutes a day can you give to exercise?",
        "number",
        minimum=1,
        maximum=240,
    ),
)
"""What the plan needs beyond the safety check; answers use the same profile paths."""


@dataclass(frozen=True)
class Group:
    """Questions shown together on one screen (follow-ups come on the next screen)."""

    id: str
    title: str
    keys: tuple[str, ...]


GROUPS: tuple[Group, ...] = (
    Group("about", "About you", ("age", "sex")),
    Group("life", "About you", ("pregnant", "pregnancy.weeks", "menopause")),
    Group(
        "baby",
        "After a birth",
        ("postpartum.weeks_since_birth", "postpartum.delivery", "diastasis"),
    ),
    Group("conditions", "Your health", ("conditions",)),
    Group("pain", "Your pain", ("pain.areas", "pain.score")),
    Group("pain-severe", "Your pain", ("pain.excruciating",)),
    Group("pain-time", "How it started", ("pain.duration_days", "pain.onset")),
    Group(
        "pain-pattern",
        "What makes it better or worse",
        (
            "pain.improving",
            "pain.getting_worse",
            "pain.usual_flare",
            "pain.worse_at_night",
            "pain.better_with_exercise",
            "pain.better_with_rest",
        ),
    ),
    Group("pain-age", "When it began", ("pain.onset_age",)),
    Group(
        "nerves",
        "Nerves and legs",
        (
            "symptoms.saddle_numbness",
            "symptoms.bladder_or_bowel_change",
            "symptoms.leg_weakness",
            "symptoms.leg_numbness_or_pain",
            "symptoms.pain_or_numbness_both_legs",
            "symptoms.clumsy_hands_or_unsteady_walking",
            "symptoms.new_sexual_problems",
            "symptoms.walking_leg_pain_eased_by_sitting",
        ),
    ),
    Group(
        "chest",
        "Chest, belly and temperature",
        (
            "symptoms.chest_pain_or_breathlessness",
            "symptoms.sweating_nausea_or_faintness",
            "symptoms.tearing_or_sudden_severe_pain",
            "symptoms.abdominal_pain",
            "symptoms.blood_in_vomit_or_black_stools",
            "symptoms.might_be_pregnant",
            "symptoms.period_pain",
            "symptoms.periods_changed",
            "symptoms.known_aortic_aneurysm",
            "symptoms.pulsating_lump_in_belly",
            "symptoms.fever_or_chills",
        ),
    ),
    Group(
        "history",
        "Your history",
        (
            "symptoms.recent_trauma",
            "symptoms.cancer_history",
            "symptoms.unexplained_weight_loss",
            "symptoms.lump_or_swelling_in_back",
            "symptoms.immunosuppressed_or_steroids",
            "symptoms.rash_or_blisters_on_one_side",
        ),
    ),
    Group(
        "history-more",
        "Your history",
        (
            "symptoms.serious_accident",
            "symptoms.cannot_stand_or_walk",
            "symptoms.injected_drug_use",
            "symptoms.recent_spinal_procedure",
            "symptoms.recent_epidural_or_spinal_anaesthetic",
            "symptoms.wound_redness_or_discharge",
            "symptoms.night_sweats",
            "symptoms.pain_constant_whatever_position",
            "symptoms.height_loss_or_new_stoop",
        ),
    ),
    Group(
        "urine",
        "Urine, kidneys and feeling unwell",
        (
            "symptoms.urinary_pain_or_frequency",
            "symptoms.flank_pain_or_colic",
            "symptoms.known_kidney_stones",
            "symptoms.testicle_pain",
            "symptoms.little_or_no_urine",
            "symptoms.blood_in_urine",
            "symptoms.dark_or_cola_urine",
            "symptoms.new_swelling_face_or_ankles",
            "symptoms.confused_or_drowsy",
            "symptoms.extreme_shivering",
            "symptoms.skin_blue_grey_or_blotchy",
            "symptoms.severe_headache_or_vision_change",
        ),
    ),
    Group(
        "pregnancy",
        "Pregnancy and birth",
        (
            "symptoms.contractions_or_bleeding",
            "symptoms.pelvic_pressure_or_discharge_change",
            "symptoms.waters_breaking",
            "symptoms.reduced_baby_movements",
            "symptoms.hot_swollen_calf",
        ),
    ),
    Group("day", "Your day", ("work", "equipment")),
    Group("time", "Your time", ("fitness", "minutes_per_day")),
)
OTHER = Group("other", "A few more questions", ())
"""Where a question added to the triage list later lands until it is given a group."""


def remaining(answers: Answers) -> list[Question]:
    """Every question still to ask: the safety check's, then the plan's."""
    extra = [q for q in PLAN_QUESTIONS if q.key not in answers and q.applies(answers)]
    return [*questions_for(answers), *extra]


def _group_of(question: Question) -> Group:
    return next((g for g in GROUPS if question.key in g.keys), OTHER)


def next_screen(answers: Answers) -> tuple[Group, list[Question]] | None:
    """The first group (in ``GROUPS`` order) with questions left, and those questions."""
    left = remaining(answers)
    for group in (*GROUPS, OTHER):
        shown = [q for q in left if _group_of(q) == group]
        if shown:
            return group, shown
    return None


def screen_count(answers: Answers) -> tuple[int, int]:
    """(screens done, screens in all as far as known now): for the progress bar."""
    groups = [g for g in (*GROUPS, OTHER) if any(k in answers for k in g.keys)]
    left = {_group_of(q).id for q in remaining(answers)}
    return len(groups), len(groups) + len(left)


DRAFT_COOKIE = "backcare_checkin"
DRAFT_PATH = "/check-in"
MAX_DRAFT_STEPS = 40
"""More screens than the check-in has; a longer draft is not ours and is dropped."""


def _signer(request: Request) -> URLSafeSerializer:
    """Signs the draft with the server key (server mode) or a key made when the app started."""
    state = request.app.state
    key = getattr(state, "checkin_key", None)
    if key is None:
        key = state_of(request).settings.secret_key or secrets.token_urlsafe(32)
        state.checkin_key = key
    return URLSafeSerializer(key, salt="backcare-checkin")


def _draft(request: Request, user_id: int) -> dict[str, Any]:
    """The signed draft; empty when missing, unsigned or another person's."""
    cookie = request.cookies.get(DRAFT_COOKIE)
    if not cookie:
        return {}
    try:
        data = _signer(request).loads(cookie)
    except BadSignature:
        return {}
    return data if isinstance(data, dict) and data.get("user") == user_id else {}


def read_draft(request: Request, user_id: int) -> list[dict[str, Any]]:
    """The answers given so far, one dict per screen; empty when missing, unsigned, another
    person's or malformed (the check-in then starts afresh)."""
    steps = _draft(request, user_id).get("steps")
    if not isinstance(steps, list) or len(steps) > MAX_DRAFT_STEPS:
        return []
    return [step for step in steps if isinstance(step, dict)]


def read_ahead(request: Request, user_id: int) -> dict[str, Any]:
    """Answers given on later screens before the person went back and changed an earlier one:
    they fill those screens in again when they come round."""
    ahead = _draft(request, user_id).get("ahead")
    return ahead if isinstance(ahead, dict) else {}


def write_draft(
    request: Request,
    response: Response,
    user_id: int,
    steps: list[Any],
    ahead: dict[str, Any] | None = None,
) -> None:
    value = _signer(request).dumps({"user": user_id, "steps": steps, "ahead": ahead or {}})
    settings = state_of(request).settings
    response.set_cookie(
        DRAFT_COOKIE,
        value,
        path=DRAFT_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.mode == "server" and settings.cookie_secure,
    )


def merged(steps: list[dict[str, Any]]) -> dict[str, Any]:
    """The answers of these screens together."""
    answers: dict[str, Any] = {}
    for step in steps:
        answers.update(step)
    return answers


def _typed(question: Question, values: list[str], answers: Answers) -> Any:
    """A form field's values through the same parser the CLI uses (``answers``: the earlier
    ones, which may narrow a number's range)."""
    text = (
        ",".join(v for v in values if v) if question.kind == "choices" else next(iter(values), "")
    )
    return parse_answer(question, text, answers)


def _is_emergency(answers: Answers, kb: KnowledgeBase) -> bool:
    """Stop asking once an answer needs emergency care: the result comes first."""
    try:
        profile = profile_from_answers(answers)
    except ValidationError:
        return False
    return evaluate(profile, kb).level == "emergency"


@router.get("/check-in")
def check_in(request: Request, user_id: UserDep, step: int | None = None) -> Response:
    """Screen ``step`` of the draft (the summary once none is left); without ``step``, a fresh
    check-in. Someone checking in again finds their last answers filled in."""
    saved = services.current_profile(state_of(request).database, user_id=user_id)
    last = answers_from_profile(saved) if saved else {}
    if step is None:
        response = _screen(request, 0, {}, next_screen({}), values=as_form(last))
        response.delete_cookie(DRAFT_COOKIE, path=DRAFT_PATH)
        return response
    steps = read_draft(request, user_id)
    number = max(0, min(step, len(steps)))
    before = merged(steps[:number])
    if number == len(steps) and number > 0 and _is_emergency(before, state_of(request).kb):
        return _summary(request, number, before)
    later = last | read_ahead(request, user_id)
    values = as_form(steps[number]) if number < len(steps) else as_form(later)
    return _screen(request, number, before, next_screen(before), values=values)


@router.post("/check-in/step", dependencies=[Depends(same_origin)])
async def answer_step(request: Request, user_id: UserDep) -> Response:
    """Take one screen's answers (form fields named by answer key) and go to the next step;
    a bad answer shows the same screen again with the problem named."""
    form = await request.form()
    steps = read_draft(request, user_id)
    try:
        number = max(0, min(int(str(form.get("step", "0"))), len(steps)))
    except ValueError:
        number = 0
    before = merged(steps[:number])
    screen = next_screen(before)
    if screen is None or form.get("screen") != screen[0].id:  # an old tab: show where we are
        return RedirectResponse(f"/check-in?step={number}", status_code=status.HTTP_303_SEE_OTHER)
    answers: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for question in screen[1]:
        values = [str(v) for v in form.getlist(question.key)]
        try:
            answers[question.key] = _typed(question, values, before)
        except InputError as error:
            errors[question.key] = str(error).split(": ", 1)[-1]
    if errors:
        raw = {
            key: [str(v) for v in form.getlist(key)]
            for key in form
            if key not in ("step", "screen")
        }
        return _screen(request, number, before, screen, errors=errors, values=raw)
    response = RedirectResponse(
        f"/check-in?step={number + 1}", status_code=status.HTTP_303_SEE_OTHER
    )
    dropped = read_ahead(request, user_id) | merged(steps[number + 1 :])
    ahead = {key: value for key, value in dropped.items() if key not in answers}
    write_draft(request, response, user_id, [*steps[:number], answers], ahead)
    return response


def answers_from_profile(profile: Profile) -> dict[str, Any]:
    """The saved profile as check-in answers (by profile path), to fill the screens in again."""
    data = profile.model_dump(mode="json")
    found: dict[str, Any] = {
        "pregnant": profile.pregnancy is not None,
        "diastasis": "rectus_diastasis" in profile.conditions,
    }
    for question in (*QUESTIONS, *PLAN_QUESTIONS):
        value: Any = data
        for part in question.key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in (None, []):
            found[question.key] = value
    return found


def as_form(answers: Answers) -> dict[str, list[str]]:
    """Typed answers back as form values, to fill a screen in again after going back."""
    form: dict[str, list[str]] = {}
    for key, value in answers.items():
        if isinstance(value, bool):
            form[key] = ["yes" if value else "no"]
        elif isinstance(value, list):
            form[key] = [str(v) for v in value]
        else:
            form[key] = ["" if value is None else str(value)]
    return form


def _screen(
    request: Request,
    number: int,
    answers: Answers,
    screen: tuple[Group, list[Question]] | None,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, list[str]] | None = None,
) -> Response:
    if screen is None:
        return _summary(request, number, answers)
    done, total = screen_count(answers)
    group, questions = screen
    return render(
        request,
        "checkin.html",
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT if errors else status.HTTP_200_OK,
        group=group,
        questions=questions,
        step=number,
        back_url=f"/check-in?step={number - 1}" if number > 0 else None,
        errors=errors or {},
        values=values or {},
        done=done,
        total=max(total, 1),
    )


def _summary(request: Request, number: int, answers: Answers) -> Response:
    profile = profile_from_answers(answers)
    emergency = evaluate(profile, state_of(request).kb).level == "emergency"
    return render(
        request,
        "checkin_done.html",
        back_url=f"/check-in?step={number - 1}" if number > 0 else None,
        emergency=emergency,
        answered=sum(1 for v in answers.values() if v not in (None, [])),
    )


@router.post("/check-in", dependencies=[Depends(same_origin)])
def save_check_in(request: Request, user_id: UserDep, now: NowDep) -> Response:
    """Save the profile the draft's answers describe, then show the result."""
    try:
        profile = profile_from_answers(merged(read_draft(request, user_id)))
    except (ValidationError, InputError):
        return RedirectResponse("/check-in", status_code=status.HTTP_303_SEE_OTHER)
    services.save_profile(state_of(request).database, user_id=user_id, profile=profile, now=now)
    response = RedirectResponse("/result", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(DRAFT_COOKIE, path=DRAFT_PATH)
    return response
