"""The schema of a questionnaire file (``data/questionnaires/*.yaml``): items, answers, scoring
words, copyright, the terms checked and the published minimal important change. No logic."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

QUESTIONNAIRES_DIR = Path(__file__).parent / "data" / "questionnaires"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(_Frozen):
    """A public page looked up, the section read, and (for terms) what it says."""

    url: str
    section: str
    says: str | None = None


class Terms(_Frozen):
    verdict: str
    checked: date
    pages: tuple[Page, ...]


class Item(_Frozen):
    text: str
    answers: str
    """The name of the item's answer set (``answer_sets``)."""
    loinc: str | None = None
    optional: bool = False


class MinimalChange(_Frozen):
    """The smallest change people notice: ``points`` on the score, or ``percent`` of the first."""

    points: float
    percent: float | None = None
    better: Literal["lower", "higher"]
    source: Page


class Care(_Frozen):
    intensity: Literal["gentle", "moderate"]
    physiotherapist: bool
    keele_says: str
    education: str
    lessons_first: tuple[str, ...]
    """Ids of ``MatchedCare.lessons`` shown first for this risk group, in order."""


class Lesson(_Frozen):
    """A short piece of education from the matched care's components, with where it comes from."""

    id: str
    title: str
    text: str
    source: Page


class MatchedCare(_Frozen):
    source: Page
    also: Page
    lessons: tuple[Lesson, ...]
    """Every lesson, in the order shown when no STarT Back result is saved."""
    low: Care
    medium: Care
    high: Care


class Loinc(_Frozen):
    panel: str
    psychosocial: str
    total: str
    risk: str
    risk_answers: dict[str, str]


class Instrument(_Frozen):
    id: Literal["startback", "peg", "psfs"]
    name: str
    short_name: str
    instructions: str
    items: tuple[Item, ...]
    answer_sets: dict[str, tuple[str, ...]]
    scoring: str
    copyright: str
    terms: Terms
    sources: tuple[Page, ...]
    minimal_change: MinimalChange | None = None
    matched_care: MatchedCare | None = None
    loinc: Loinc | None = None
