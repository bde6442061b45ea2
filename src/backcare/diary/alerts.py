"""Diary alerts: when the pattern of pain calls for a doctor, and when there is good news.

Pure: entries, flags and ``now`` come in as arguments. Thresholds are named with their source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from backcare.diary.trends import TICK, WEEK, PainPoint, mean_between, week_over_week

CHRONIC_AFTER = timedelta(days=91)
"""Pain persisting past three months is chronic (IASP classification of chronic pain,
Treede et al., Pain 2019; NICE NG59 uses the same horizon for referral and review)."""

IMPORTANT_CHANGE_POINTS = 2.0
IMPORTANT_CHANGE_SHARE = 0.30
"""A 2-point or 30 % change on the 0–10 scale is clinically important
(IMMPACT: Dworkin et al., J Pain 2008;9:105–121)."""

MIN_CHANGE_POINTS = 1.0
"""A 30 % change must also be at least one point, so 1 → 1.3 on a near-zero baseline is not news."""

PLAN_REVIEW_AFTER = timedelta(weeks=6)
"""After six weeks of the plan without an important improvement, a professional should look
(the brief; NICE NG59 reviews self-management that is not helping)."""

SEVERE_PAIN = 7
"""7–10 on the 0–10 scale is severe pain (the usual NRS cut-points, Boonstra et al., Pain 2016;
the safety check's acute phase starts at the same score)."""

JUMP_FRESH_FOR = timedelta(days=2)
"""A jump in pain is news while it is recent; after that the weekly trend speaks for it."""

LEG_AREA = "leg_sciatica"
RECHECK = (
    "Check in again so the safety check can ask about numbness, weakness, and bladder or bowel "
    "changes; if you have any of those, get help now."
)

AlertKind = Literal[
    "chronic_pain",
    "worsening",
    "no_improvement",
    "warning_sign",
    "improving",
    "pain_jump",
    "new_leg_symptoms",
]
AlertLevel = Literal["see_doctor", "warning", "good_news"]


class Alert(BaseModel):
    """One alert: ``kind`` is stable for programs, ``message`` is plain words for the person."""

    model_config = ConfigDict(frozen=True)

    kind: AlertKind
    level: AlertLevel
    message: str
    flag_id: str | None = None


class FlagLike(Protocol):
    """What the diary needs of a triage flag."""

    @property
    def id(self) -> str: ...

    @property
    def message(self) -> str: ...

    @property
    def action(self) -> str: ...


def is_important_change(before: float, after: float) -> bool:
    """True when ``before`` → ``after`` moved by 2 points, or by 30 % and at least one point."""
    change = abs(after - before)
    if change >= IMPORTANT_CHANGE_POINTS:
        return True
    return before > 0 and change / before >= IMPORTANT_CHANGE_SHARE and change >= MIN_CHANGE_POINTS


def chronic_pain_alert(points: Sequence[PainPoint], now: datetime) -> Alert | None:
    """Pain first logged more than three months ago and still present this week."""
    painful = [p for p in points if p.score > 0 and p.at <= now]
    if not painful or now - min(p.at for p in painful) <= CHRONIC_AFTER:
        return None
    if not any(p.at > now - WEEK for p in painful):
        return None
    return Alert(
        kind="chronic_pain",
        level="see_doctor",
        message=(
            "You have logged back pain for more than three months. Pain that lasts this long "
            "should be assessed by a doctor or physiotherapist."
        ),
    )


def trend_alert(points: Sequence[PainPoint], now: datetime) -> Alert | None:
    """The last seven days against the seven before: worse or better by an important amount."""
    weeks = week_over_week(points, now)
    if weeks is None or not is_important_change(*weeks):
        return None
    previous, current = weeks
    if current > previous:
        return Alert(
            kind="worsening",
            level="warning",
            message=(
                f"Your pain is getting worse: a 7-day average of {current:.1f}, up from "
                f"{previous:.1f} the week before. If it keeps rising, see a doctor."
            ),
        )
    return Alert(
        kind="improving",
        level="good_news",
        message=(
            f"Good news: your 7-day average pain is {current:.1f}, down from {previous:.1f} "
            "the week before. Keep going."
        ),
    )


def no_improvement_alert(
    points: Sequence[PainPoint], *, plan_started: datetime | None, now: datetime
) -> Alert | None:
    """Six weeks into the plan, the last week is not importantly better than the first."""
    if plan_started is None or now - plan_started < PLAN_REVIEW_AFTER:
        return None
    baseline = mean_between(points, plan_started - WEEK, plan_started + WEEK)
    current = mean_between(points, now - WEEK, now + TICK)
    if baseline is None or current is None or current == 0:
        return None
    if current < baseline and is_important_change(baseline, current):
        return None
    return Alert(
        kind="no_improvement",
        level="see_doctor",
        message=(
            "After six weeks of the plan your pain has not clearly improved "
            f"({baseline:.1f} at the start, {current:.1f} this week). "
            "Ask a doctor or physiotherapist to look at it."
        ),
    )


def warning_sign_alerts(before: Iterable[FlagLike], after: Iterable[FlagLike]) -> list[Alert]:
    """A warning sign in the newest check that the previous check did not have."""
    known = {flag.id for flag in before}
    return [
        Alert(
            kind="warning_sign",
            level="see_doctor",
            message=f"New warning sign: {flag.message} {flag.action}",
            flag_id=flag.id,
        )
        for flag in after
        if flag.id not in known
    ]


def pain_jump_alert(points: Sequence[PainPoint], now: datetime) -> Alert | None:
    """The newest rating is severe and importantly higher than the one before it (3 → 9 after
    a session, say): worth a re-check now, not in a week's average."""
    past = sorted((p for p in points if p.at <= now), key=lambda p: p.at)
    if len(past) < 2 or now - past[-1].at > JUMP_FRESH_FOR:
        return None
    before, latest = past[-2].score, past[-1].score
    if latest < SEVERE_PAIN or latest - before < IMPORTANT_CHANGE_POINTS:
        return None
    return Alert(
        kind="pain_jump",
        level="warning",
        message=(
            f"Your pain jumped from {before} to {latest}. Stop the exercises for today. If it "
            f"does not settle, or a leg feels numb or weak, see a doctor. {RECHECK}"
        ),
    )


class AreaEntry(Protocol):
    """What the leg check needs of a diary entry."""

    @property
    def at(self) -> datetime: ...

    @property
    def areas(self) -> Sequence[str]: ...


def new_leg_symptoms_alert(
    entries: Sequence[AreaEntry], *, known_areas: Iterable[str], now: datetime
) -> Alert | None:
    """The newest entry has pain going down a leg, and neither an earlier entry nor the
    profile had it: nerve symptoms are new, so the safety check should ask its questions."""
    past = sorted((e for e in entries if e.at <= now), key=lambda e: e.at)
    if not past or LEG_AREA not in past[-1].areas or LEG_AREA in known_areas:
        return None
    if any(LEG_AREA in e.areas for e in past[:-1]):
        return None
    return Alert(
        kind="new_leg_symptoms",
        level="see_doctor",
        message=f"New pain going down a leg. {RECHECK}",
    )


ALERT_LOOKBACK = timedelta(days=15)
"""The trend alert compares the last seven days with the seven before (and a day of slack)."""
CLOCK_SKEW = timedelta(minutes=10)
"""Live writes may be a few minutes ahead of ``now`` (another device's clock)."""


def recent_window(now: datetime) -> tuple[datetime, datetime]:
    """The ``[since, until)`` span of the last two weeks, the entry logged at ``now`` included:
    what ``new_leg_symptoms_alert`` reads (its newest entry is the one just logged)."""
    return now - ALERT_LOOKBACK, now + CLOCK_SKEW


def alert_windows(now: datetime, plan_started: datetime | None) -> list[tuple[datetime, datetime]]:
    """The ``[since, until)`` spans of a diary that ``pain_alerts`` reads, however long the
    diary: the last two weeks, and the weeks around the plan's start. With the first painful
    entry (when pain began) and the two newest up to ``now`` (the jump from the rating before),
    the alerts over these entries are the alerts over the whole diary."""
    windows = [recent_window(now)]
    if plan_started is not None:
        windows.append((plan_started - WEEK, plan_started + WEEK))
    return windows


def pain_alerts(
    points: Sequence[PainPoint], *, now: datetime, plan_started: datetime | None = None
) -> list[Alert]:
    """Every pain-pattern alert that applies now, the most serious first."""
    found = [
        chronic_pain_alert(points, now),
        no_improvement_alert(points, plan_started=plan_started, now=now),
        pain_jump_alert(points, now),
        trend_alert(points, now),
    ]
    return [alert for alert in found if alert is not None]
