"""Who must not do what: match an entry's ``not_for`` rules against a profile.

This is the one place that decides whether a rule applies, so the plan, the search and the app
all exclude exactly the same things.
"""

from __future__ import annotations

from backcare.content.schema import Entry, NotFor, Thermotherapy
from backcare.profile import Profile


def rule_applies(rule: NotFor, profile: Profile) -> bool:
    """True when this ``not_for`` rule covers the person, bounds included."""
    if rule.group is not None and rule.group not in profile.groups():
        return False
    if rule.pain_at_least is not None:
        score = profile.pain.score
        if score is None or score < rule.pain_at_least:
            return False
    if rule.pregnancy_week_from is not None:
        weeks = profile.pregnancy.weeks if profile.pregnancy else None
        if weeks is None or weeks < rule.pregnancy_week_from:
            return False
    if rule.postpartum_weeks_before is not None or rule.delivery is not None:
        postpartum = profile.postpartum
        if postpartum is None:
            return False
        if rule.delivery is not None and postpartum.delivery not in (rule.delivery, None):
            return False
        if (
            rule.postpartum_weeks_before is not None
            and postpartum.weeks_since_birth >= rule.postpartum_weeks_before
        ):
            return False
    return True


def blocking_rule(entry: Entry, profile: Profile) -> NotFor | None:
    """The first ``not_for`` rule of the entry that covers this person, if any."""
    return next((rule for rule in entry.not_for if rule_applies(rule, profile)), None)


NEVER_REQUIRED = frozenset({"mat"})
"""Equipment never required: a folded blanket or the floor does."""


def missing_equipment(entry: Entry, profile: Profile) -> list[str]:
    """Equipment the entry needs that the person did not say they have.

    Heat and ice advice never waits for equipment: the seeds give household ways to do it
    ("Wrap an ice pack or towel around the ice", "spray hot water on your back … while bathing").
    """
    if isinstance(entry, Thermotherapy):
        return []
    needed = getattr(entry, "equipment", [])
    return [item for item in needed if item not in profile.equipment and item not in NEVER_REQUIRED]
