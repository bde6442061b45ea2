"""Validated questionnaires scored exactly as published: STarT Back, PEG and the
Patient-Specific Functional Scale; change since the first judged against the published minimal
important change; what a STarT Back result means for where the programme starts.

The wording, answers, terms and sources live in ``content/data/questionnaires/*.yaml``; the
scoring rules here follow each instrument's own documentation (cited in those files).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from backcare.content.questionnaires import QUESTIONNAIRES_DIR, Care, Instrument
from backcare.errors import InputError
from backcare.programme.change import Verdict, judge

InstrumentId = Literal["startback", "peg", "psfs"]
INSTRUMENTS: tuple[InstrumentId, ...] = ("startback", "peg", "psfs")
Risk = Literal["low", "medium", "high"]
RISK_ORDER: tuple[Risk, ...] = ("low", "medium", "high")

STARTBACK_PSYCHOSOCIAL_ITEMS = range(4, 9)
"""Items 5–9 (0-based 4–8): fear, anxiety, catastrophising, low mood, bothersomeness."""
STARTBACK_BOTHER_POSITIVE = 3
"""Item 9 counts when answered "Very much" (3) or "Extremely" (4)."""
STARTBACK_LOW_MAX_TOTAL = 3
STARTBACK_HIGH_MIN_PSYCHOSOCIAL = 4
PSFS_MAX_ACTIVITIES = 3
ACTIVITY_MAX_CHARS = 80


class AnswerError(InputError):
    """An answer a questionnaire cannot take; ``index`` is the 0-based answer at fault, or
    ``None`` when the number of answers is wrong."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class StartBackResult(_Result):
    instrument: Literal["startback"] = "startback"
    total: int
    psychosocial: int
    risk: Risk


class PegResult(_Result):
    instrument: Literal["peg"] = "peg"
    score: float


class PsfsResult(_Result):
    instrument: Literal["psfs"] = "psfs"
    score: float


Result = StartBackResult | PegResult | PsfsResult


@cache
def instrument(instrument_id: str) -> Instrument:
    """The instrument's content, read once from its YAML file."""
    if instrument_id not in INSTRUMENTS:
        raise InputError(f"instrument: {instrument_id!r} is not one of {', '.join(INSTRUMENTS)}")
    path = QUESTIONNAIRES_DIR / f"{instrument_id}.yaml"
    return Instrument.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def answer_range(item_answers: Sequence[str]) -> range:
    """Answers are the 0-based position in the item's answer list."""
    return range(len(item_answers))


def check_answers(instrument_id: str, answers: Sequence[int]) -> None:
    """Refuse a wrong number of answers or an answer outside an item's list (``AnswerError``)."""
    spec = instrument(instrument_id)
    required = sum(1 for item in spec.items if not item.optional)
    if not required <= len(answers) <= len(spec.items):
        wanted = (
            str(required) if required == len(spec.items) else f"{required} to {len(spec.items)}"
        )
        raise AnswerError(f"{spec.short_name} takes {wanted} answers, not {len(answers)}")
    for index, (item, answer) in enumerate(zip(spec.items, answers, strict=False)):
        choices = spec.answer_sets[item.answers]
        if answer not in answer_range(choices):
            raise AnswerError(
                f"{answer!r} is not an answer to item {index + 1} "
                f"(0 to {len(choices) - 1}: {_choice_words(choices)})",
                index,
            )


def _choice_words(choices: Sequence[str]) -> str:
    if len(choices) > 5:
        return f"{choices[0]} … {choices[-1]}"
    return ", ".join(f"{value} = {label.lower()}" for value, label in enumerate(choices))


def score(instrument_id: str, answers: Sequence[int]) -> Result:
    """Check the answers, then score them as the instrument's documentation says."""
    check_answers(instrument_id, answers)
    if instrument_id == "startback":
        return score_startback(answers)
    mean = sum(answers) / len(answers)
    return PegResult(score=mean) if instrument_id == "peg" else PsfsResult(score=mean)


def score_startback(answers: Sequence[int]) -> StartBackResult:
    """Keele: one point per "Agree" (items 1–8) and for item 9 "Very much"/"Extremely"; total
    0–3 is low risk; 4–9 is medium, or high when items 5–9 score 4 or 5."""
    points = [int(a >= 1) for a in answers[:8]] + [int(answers[8] >= STARTBACK_BOTHER_POSITIVE)]
    total = sum(points)
    psychosocial = sum(points[i] for i in STARTBACK_PSYCHOSOCIAL_ITEMS)
    risk: Risk
    if total <= STARTBACK_LOW_MAX_TOTAL:
        risk = "low"
    elif psychosocial >= STARTBACK_HIGH_MIN_PSYCHOSOCIAL:
        risk = "high"
    else:
        risk = "medium"
    return StartBackResult(total=total, psychosocial=psychosocial, risk=risk)


def headline(result: Result) -> float:
    """The one number drawn on a chart: STarT Back's total, the PEG or PSFS mean."""
    return result.total if isinstance(result, StartBackResult) else result.score


# Change since the first -------------------------------------------------------------------------


class Change(BaseModel):
    """The latest result against the first, judged against the smallest change people notice."""

    model_config = ConfigDict(frozen=True)

    instrument: InstrumentId
    first: float
    latest: float
    verdict: Verdict
    words: str


def change_since_first(first: Result, latest: Result) -> Change:
    """Compare two results of one instrument: STarT Back by risk group, the others against
    their published minimal important change (PEG: 2 points or 30%; PSFS: 2 points)."""
    if first.instrument != latest.instrument:
        raise ValueError("change_since_first: results of two different instruments")
    if isinstance(first, StartBackResult) and isinstance(latest, StartBackResult):
        return _risk_change(first, latest)
    spec = instrument(first.instrument)
    assert spec.minimal_change is not None  # PEG and PSFS files carry one (tested)
    mic = spec.minimal_change
    before, after = headline(first), headline(latest)
    gain = (before - after) if mic.better == "lower" else (after - before)
    verdict = judge(gain, before, points=mic.points, percent=mic.percent)
    threshold = f"{mic.points:g} points" + (f" or {mic.percent:g}%" if mic.percent else "")
    return Change(
        instrument=first.instrument,
        first=before,
        latest=after,
        verdict=verdict,
        words=_change_words(spec.short_name, before, after, verdict, threshold),
    )


def _change_words(name: str, first: float, latest: float, verdict: Verdict, mic: str) -> str:
    went = f"Your {name} score went from {first:.1f} to {latest:.1f}"
    if verdict == "better":
        return f"{went}: better by at least the smallest change people notice ({mic})."
    if verdict == "worse":
        return f"{went}: worse by at least the smallest change people notice ({mic})."
    return f"{went}: less than the smallest change people notice ({mic}), so no clear change yet."


def _risk_change(first: StartBackResult, latest: StartBackResult) -> Change:
    step = RISK_ORDER.index(latest.risk) - RISK_ORDER.index(first.risk)
    verdict: Verdict = "no_clear_change" if step == 0 else ("better" if step < 0 else "worse")
    moved = "stayed" if step == 0 else "went from"
    where = f"{latest.risk}" if step == 0 else f"{first.risk} to {latest.risk}"
    return Change(
        instrument="startback",
        first=first.total,
        latest=latest.total,
        verdict=verdict,
        words=f"Your STarT Back risk group {moved} {where} (total {first.total} → {latest.total}).",
    )


# Where the programme starts ---------------------------------------------------------------------


class StartingAdvice(BaseModel):
    """What a STarT Back result means for the programme: how hard to start, whether to suggest
    a physiotherapist, and the education to show first, with Keele's own words as the reason."""

    model_config = ConfigDict(frozen=True)

    risk: Risk
    intensity: Literal["gentle", "moderate"]
    physiotherapist: bool
    education: str
    why: str
    source_url: str


def starting_intensity(result: StartBackResult) -> StartingAdvice:
    """Keele's matched care for the risk group: high risk starts gently with reassurance first
    and a physiotherapist suggested; medium suggests a physiotherapist; low manages alone."""
    care = instrument("startback").matched_care
    assert care is not None  # the STarT Back file carries it (tested)
    group: Care = getattr(care, result.risk)
    return StartingAdvice(
        risk=result.risk,
        intensity=group.intensity,
        physiotherapist=group.physiotherapist,
        education=group.education,
        why=f"STarT Back {result.risk} risk. Keele: {group.keele_says.strip()}",
        source_url=care.source.url,
    )


def clean_activities(activities: Sequence[str], answers: Sequence[int]) -> list[str]:
    """PSFS activity names: one per answer, trimmed, non-empty and short."""
    if len(activities) != len(answers):
        raise AnswerError(
            f"activities: name one activity per rating ({len(answers)}), not {len(activities)}"
        )
    names = [name.strip() for name in activities]
    for index, name in enumerate(names):
        if not name or len(name) > ACTIVITY_MAX_CHARS or "\x00" in name:
            raise AnswerError(
                f"activities: activity {index + 1} must be 1 to {ACTIVITY_MAX_CHARS} characters",
                index,
            )
    return names
