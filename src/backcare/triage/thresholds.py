"""Numbers the rules compare against, named, in one frozen place.

Guidelines differ on several of them (the age from which new back pain counts as a cancer or
fracture warning is 50 in NICE CKS, 55 or 70 elsewhere), so they are fields a caller may change,
never bare numbers inside a rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs of the triage rules; the defaults follow the sources cited in each rule."""

    chronic_days: int = 90
    """Pain lasting longer than this is chronic (seed 001: "lasts for more than 3 months")."""

    cancer_age: int = 50
    """From this age new back pain adds to other cancer signs (NICE CKS red flags: over 50)."""

    unexplained_pain_age: int = 65
    """From this age back pain alone deserves a check (seed 002: "the elderly appear unknown
    reasons of back pain"); 65 is the usual public-health line for older adults."""

    fracture_age: int = 50
    """From this age a minor fall or blow can break a spinal bone (NICE CKS red flags)."""

    vascular_age: int = 50
    """From this age sudden pain with faintness may be an aortic aneurysm (NICE NG156)."""

    ibp_onset_before: int = 40
    """ASAS inflammatory back pain: onset before age 40 (seed 002: "before the age of 40")."""

    ibp_criteria_needed: int = 4
    """ASAS: 4 of the 5 inflammatory back pain criteria."""

    term_weeks: int = 37
    """Pregnancy week from which labour is no longer preterm (NICE NG25)."""


DEFAULT_THRESHOLDS = Thresholds()
