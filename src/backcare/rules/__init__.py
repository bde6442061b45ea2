"""The one shape of a safety promise and its matcher.

A ``Rule`` (content schema) says who it covers and what it does for them. ``facts_of`` reads the
person once (groups, pregnancy and postpartum weeks, phase, bone-fragility risk, diastasis, the
check's flags); ``judge`` matches every rule against those facts and answers, for any entry,
whether it is left out and by which rule, how far its dose may go, and how many exercises a day
are allowed. Pure: no web, database or clock; the plan, the knowledge pages and search share it.
"""

from backcare.rules.facts import Facts, facts_of
from backcare.rules.match import (
    Judgement,
    applies,
    capped,
    dose_range,
    judge,
    variant_for,
    variant_range,
)
from backcare.rules.promises import unenforced

__all__ = [
    "Facts",
    "Judgement",
    "applies",
    "capped",
    "dose_range",
    "facts_of",
    "judge",
    "unenforced",
    "variant_for",
    "variant_range",
]
