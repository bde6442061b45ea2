"""The pain's phase (SPEC §4 names) and what each allows.

- ``acute``: severe pain now (score 7+ or excruciating, SPEC §3). The content's rule
  ``acute-phase-gentle-handful`` allows at most five gentle moves a day, nothing vigorous, no
  loaded bending, deep twists, arching or strain on the belly; the plan adds only gentle relief
  categories (no strengthening) and keeps doses at their start. Ice comes first.
- ``subacute``: pain up to 12 weeks. Doses grow week by week toward the sources' maximum; ice
  only in the first days of new pain (rule ``ice-early-only``), warmth after that.
- ``chronic``: pain past 12 weeks (the seeds and NICE: past three months); as subacute.

The seeds give heat no timing, so heat is offered in every phase (after ice while acute).
"""

from __future__ import annotations

from backcare.content.schema import Phase
from backcare.profile import Profile
from backcare.triage import CheckResult

SUBACUTE_MAX_DAYS = 12 * 7
"""Pain up to 12 weeks is subacute; longer is chronic (the seeds and NICE: past three months)."""


def phase_of(profile: Profile, check: CheckResult) -> Phase:
    """Acute when the pain is severe now (profile or check); else by how long it has lasted."""
    if profile.is_acute or any(flag.id == "acute_phase" for flag in check.flags):
        return "acute"
    days = profile.pain.duration_days
    return "chronic" if days is not None and days > SUBACUTE_MAX_DAYS else "subacute"
