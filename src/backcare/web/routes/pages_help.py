"""The one calm page for a result that needs a doctor today or tomorrow (urgent) or at once
(emergency): what to do now, why, a number to tap, what to tell them, and nothing else.

``/result``, ``/plan`` and ``/session`` all show it while the saved profile's check is at one of
these levels: a plan, a calendar or a break timer would only compete with the one thing to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import HTMLResponse

from backcare.content.schema import RedFlag, Source
from backcare.knowledge import KnowledgeBase
from backcare.plan import Plan
from backcare.plan.reasons import areas_text
from backcare.profile import Profile
from backcare.triage import warning_answers
from backcare.triage.result import LEVEL_RANK, CheckResult, FlagResult
from backcare.web.routes.pages_common import render, state_of, words

HELP_NOW_LEVELS = frozenset({"emergency", "urgent"})


@dataclass(frozen=True)
class Reason:
    """One warning sign on the page: its name, what we noticed and why it matters, and its own
    action when that adds to the page's first one."""

    name: str
    message: str
    action: str | None
    advice: list[str]
    sources: list[Source]


@dataclass(frozen=True)
class HelpNow:
    level: str
    action: str
    rest_of_advice: str
    reasons: list[Reason]
    tell: list[str]


def needs_help_now(check: CheckResult) -> bool:
    return check.level in HELP_NOW_LEVELS


def help_now_page(request: Request, plan: Plan, profile: Profile) -> HTMLResponse:
    """The page itself, for any route that would otherwise show a plan or a session."""
    state = state_of(request)
    return render(
        request,
        "help_now.html",
        help=help_now(plan.check, profile, state.kb),
        relief=plan.thermotherapy[:2] if plan.check.level == "urgent" else [],
        emergency_number=state.settings.emergency_number,
    )


def help_now(check: CheckResult, profile: Profile, kb: KnowledgeBase) -> HelpNow:
    """The page's words from the check: the first action once, the same-level signs as reasons,
    every sign (and the person's own details) as what to tell the doctor."""
    warnings = [flag for flag in check.flags if flag.level != "self_care"]
    top = warnings[0]
    reasons = [
        _reason(flag, top, kb)
        for flag in warnings
        if LEVEL_RANK[flag.level] <= LEVEL_RANK[check.level]
    ]
    rest = check.advice.removeprefix(top.action).strip()
    return HelpNow(
        level=check.level,
        action=top.action,
        rest_of_advice=rest if check.advice.startswith(top.action) else check.advice,
        reasons=reasons,
        tell=tell_them(profile),
    )


def _entry(kb: KnowledgeBase, flag: FlagResult) -> RedFlag | None:
    return next((e for e in kb if isinstance(e, RedFlag) and e.flag == flag.id), None)


def _reason(flag: FlagResult, top: FlagResult, kb: KnowledgeBase) -> Reason:
    entry = _entry(kb, flag)
    return Reason(
        name=entry.name if entry else words(flag.id).capitalize(),
        message=flag.message,
        action=flag.action if flag.action != top.action else None,
        advice=list(entry.advice) if entry and entry.advice else [],
        sources=list(flag.sources),
    )


SAID_APART = frozenset({"age", "pregnancy.weeks", "postpartum.weeks"})
"""Answers the list says on lines of their own."""


def tell_them(profile: Profile) -> list[str]:
    """What to say on the phone or at the desk, in the person's own details; each worrying
    answer once, however many warning signs it is behind."""
    lines = [_pain_line(profile)]
    noticed = warning_answers(profile, leaving_out=SAID_APART)
    if noticed:
        lines.append("What is new or worrying: " + "; ".join(noticed) + ".")
    if profile.pregnancy is not None:
        lines.append(f"You are {profile.pregnancy.weeks} weeks pregnant.")
    if profile.postpartum is not None:
        how = f" by {profile.postpartum.delivery}" if profile.postpartum.delivery else ""
        lines.append(f"You had a baby{how} {profile.postpartum.weeks_since_birth} weeks ago.")
    if profile.conditions:
        lines.append("Your back conditions: " + ", ".join(map(words, profile.conditions)) + ".")
    if profile.age is not None:
        lines.append(f"Your age: {profile.age}.")
    lines.append("Any medicines you take, and any illness you are being treated for.")
    return lines


def _pain_line(profile: Profile) -> str:
    pain = profile.pain
    parts = [f"Pain in your {areas_text(pain.areas)}"]
    if pain.score is not None:
        parts.append(f"{pain.score} out of 10")
    if pain.duration_days is not None:
        days = pain.duration_days
        parts.append("since today" if days == 0 else f"for {days} day{'' if days == 1 else 's'}")
    if pain.onset == "sudden":
        parts.append("it came on suddenly")
    return ", ".join(parts) + "."
