"""The stop rule inside a session: pain up by 2 or more on the 0–10 scale, or new leg symptoms.

Pure: the pain before the session, the pain now and the leg answer come in; the verdict, the
safety advice and its sources go out. The session runner records the verdict as a stop event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from backcare.content.schema import Source
from backcare.diary.alerts import IMPORTANT_CHANGE_POINTS, RECHECK

PAIN_RISE_TO_STOP = int(IMPORTANT_CHANGE_POINTS)
"""A rise of 2 points on the 0–10 scale is a change people notice (IMMPACT, Dworkin et al.,
J Pain 2008; the diary's own threshold): during a session it stops the session."""

StopReason = Literal["pain_rose", "new_leg_symptoms"]

STOP_ADVICE = (
    "Stop the exercises for today and rest in a position that eases the pain. "
    "Do not push through pain: no exercise until the sharp pain settles. "
    "New or spreading pain, numbness or weakness in a leg should be checked by a health "
    "professional. " + RECHECK
)
"""What the person is told when the session stops (the sources below)."""

STOP_SOURCES: tuple[Source, ...] = (
    Source(
        seed="000_34211617dd3e60cf.txt",
        quote="Do not start exercise until the acute pain subsides",
    ),
    Source(
        ref=(
            "NHS Greater Glasgow and Clyde MSK Physiotherapy, 'Self-help and information – "
            "Lower Back' (https://www.nhsggc.scot/hospitals-services/services-a-to-z/"
            "musculoskeletal-msk-physiotherapy/self-help-and-information-lower-back/), "
            "'Symptoms Where No Trauma Was Involved': sudden or newly worsening leg pain "
            "below the knee, weakness or altered sensation should be checked by a health "
            "professional"
        )
    ),
)


@dataclass(frozen=True)
class Stop:
    """The session stops: why (stable words for programs), the advice and its sources."""

    reason: StopReason
    pain_before: int | None
    pain_now: int | None
    advice: str = STOP_ADVICE
    sources: tuple[Source, ...] = STOP_SOURCES

    @property
    def message(self) -> str:
        """One sentence saying what was noticed, then the advice."""
        if self.reason == "new_leg_symptoms":
            return f"You noticed new symptoms in a leg. {self.advice}"
        return f"Your pain rose from {self.pain_before} to {self.pain_now}. {self.advice}"


def should_stop(
    *, pain_before: int | None, pain_now: int | None, new_leg_symptoms: bool = False
) -> Stop | None:
    """The stop verdict, or None to carry on. New leg symptoms stop at once; a pain rise needs
    both scores (no baseline, no rise to measure)."""
    for score in (pain_before, pain_now):
        if score is not None and not 0 <= score <= 10:
            raise ValueError(f"pain: {score} is not on the 0-10 scale")
    if new_leg_symptoms:
        return Stop("new_leg_symptoms", pain_before, pain_now)
    if (
        pain_before is not None
        and pain_now is not None
        and pain_now - pain_before >= PAIN_RISE_TO_STOP
    ):
        return Stop("pain_rose", pain_before, pain_now)
    return None
