"""``evaluate``: run every rule on a profile and put the result into words.

Pure: the profile, the knowledge base and the thresholds in, a ``CheckResult`` out; the same
input always gives the same result (flags in a fixed order: most urgent first, then rule order).
"""

from __future__ import annotations

from backcare.content.schema import RedFlag
from backcare.errors import ContentError
from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.triage.noticed import listed, noticed, phrase
from backcare.triage.result import LEVEL_RANK, CheckResult, FlagResult, most_urgent
from backcare.triage.rules import RULES, Hit, Rule, in_maternity_care
from backcare.triage.thresholds import DEFAULT_THRESHOLDS, Thresholds

NO_EXERCISE_LEVELS = frozenset({"emergency", "urgent"})
"""Levels at which a doctor should see the person before any exercise advice applies."""


def evaluate(
    profile: Profile, kb: KnowledgeBase, *, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> CheckResult:
    """The safety check: which warning signs this person has, how urgent, and what to do now."""
    maternity = in_maternity_care(profile, thresholds)
    fired = [
        (_flag_result(kb, rule, hit, profile, maternity=maternity), hit)
        for rule in RULES
        if (hit := rule.check(profile, thresholds)) is not None
    ]
    fired.sort(key=lambda pair: LEVEL_RANK[pair[0].level])
    flags = [flag for flag, _ in fired]
    level = most_urgent([flag.level for flag in flags])
    exercise_allowed = level not in NO_EXERCISE_LEVELS and not profile.is_acute
    because = next((hit.because for flag, hit in fired if flag.level == level), ())
    return CheckResult(
        level=level,
        exercise_allowed=exercise_allowed,
        flags=flags,
        advice=_advice(
            flags,
            exercise_allowed,
            why=listed(because, profile, after_of=True),
            calm=_calm(kb, flags),
        ),
    )


def warning_answers(
    profile: Profile,
    *,
    leaving_out: frozenset[str] = frozenset(),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[str]:
    """Every answer a warning sign fired on, in plain words, each once (what to tell a doctor:
    the same answer behind three flags is said once), but those in ``leaving_out``."""
    keys = [
        key
        for rule in RULES
        if (hit := rule.check(profile, thresholds)) is not None and hit.level != "self_care"
        for key in hit.because
        if key not in leaving_out
    ]
    return [phrase(key, profile) for key in dict.fromkeys(keys)]


def _entry(kb: KnowledgeBase, rule: Rule) -> RedFlag:
    """The rule's content entry; a missing or mistyped one is a content bug, said plainly."""
    entry = kb.get(rule.entry_id) if rule.entry_id in kb else None
    if not isinstance(entry, RedFlag) or entry.flag != rule.flag:
        raise ContentError(f"no red_flag entry {rule.entry_id!r} for the {rule.flag} rule")
    return entry


MATERNITY_FLAGS = frozenset({"preterm_labour", "pregnancy_warning"})
"""Flags whose emergency wording is the maternity unit's (the other emergencies call 999)."""


def _flag_result(
    kb: KnowledgeBase, rule: Rule, hit: Hit, profile: Profile, *, maternity: bool
) -> FlagResult:
    """A fired rule in words: what we noticed and why it matters; the level's one wording of what
    to do (the maternity unit's in pregnancy and just after birth), then what this sign adds."""
    entry = _entry(kb, rule)
    level = hit.level or entry.level
    maternity_wording = maternity and (level == "urgent" or rule.flag in MATERNITY_FLAGS)
    message = f"{noticed(hit.because, profile)} {entry.summary}".strip()
    return FlagResult(
        id=rule.flag,
        level=level,
        message=message,
        action=kb.flag_action(entry, level, maternity=maternity_wording),
        sources=list(entry.sources),
    )


NOTHING_FOUND = (
    "We found no sign in your answers that needs a doctor now. Most back pain like this is not "
    "serious and eases with gentle activity, so self-care is the right place to start."
)
CHECK_AGAIN = (
    "Check again if anything changes, above all numbness between your legs, trouble with your "
    "bladder or bowel, weakness in a leg, a fever, or pain that keeps getting worse."
)
WAIT_FOR_DOCTOR = "Hold off the exercises until a doctor has checked you."
MEANWHILE = (
    "Until then you can carry on with gentle self-care and exercise; stop anything that makes "
    "the pain clearly worse."
)


def _calm(kb: KnowledgeBase, flags: list[FlagResult]) -> str:
    """The self-care level's wording, which a self-care sign's action opens with (looked up only
    when there is such a sign)."""
    return kb.level("self_care").action if any(f.level == "self_care" for f in flags) else ""


def _advice(flags: list[FlagResult], exercise_allowed: bool, *, why: str, calm: str) -> str:
    """One plain paragraph: the one thing to do now and why, then what else to keep in mind.
    Below a doctor-today level, each self-care sign adds its own note: its action without
    ``calm`` (the self-care level's "carry on" wording, which the paragraph says its own way)."""
    warnings = [flag for flag in flags if flag.level != "self_care"]
    notes = [flag.action.removeprefix(calm).strip() for flag in flags if flag.level == "self_care"]
    notes = [note for note in notes if note]
    if not warnings:
        return " ".join([NOTHING_FOUND, *notes, CHECK_AGAIN])
    top = warnings[0]
    parts = [top.action, f"This is because of {why}."]
    if len(warnings) > 1:
        parts.append(
            f"We noticed {len(warnings)} warning signs in all; tell the doctor about each of them."
        )
    if top.level in NO_EXERCISE_LEVELS:
        return " ".join([*parts, WAIT_FOR_DOCTOR])
    return " ".join([*parts, *([MEANWHILE] if exercise_allowed else []), *notes])
