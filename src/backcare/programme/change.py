"""The one rule for an important change on a score: the pain diary, PEG and PSFS all use it.

IMMPACT (Dworkin et al., J Pain 2008;9:105–121) puts the smallest change people notice on a
0–10 pain scale at 2 points or 30 %; each questionnaire file gives its own published figures
(PEG: 2 points or 30 %; PSFS: 2 points). A 30 % change must also be at least one point, so a
near-zero baseline moving 1 → 1.3 is not news.
"""

from __future__ import annotations

from typing import Literal

from backcare.diary.alerts import IMPORTANT_CHANGE_POINTS, IMPORTANT_CHANGE_SHARE, MIN_CHANGE_POINTS

Verdict = Literal["better", "worse", "no_clear_change"]

PAIN_PERCENT = IMPORTANT_CHANGE_SHARE * 100


def judge(gain: float, first: float, *, points: float, percent: float | None) -> Verdict:
    """``gain`` (positive is better) is important when it reaches ``points``, or ``percent`` of
    the first score and at least a point."""
    size = abs(gain)
    relative = size / first * 100 if first > 0 else 0.0
    by_share = percent is not None and relative >= percent and size >= MIN_CHANGE_POINTS
    if gain == 0 or not (size >= points or by_share):
        return "no_clear_change"
    return "better" if gain > 0 else "worse"


def pain_verdict(first: float, latest: float) -> Verdict:
    """The pain diary's change (lower is better) by the IMMPACT rule."""
    return judge(first - latest, first, points=IMPORTANT_CHANGE_POINTS, percent=PAIN_PERCENT)
