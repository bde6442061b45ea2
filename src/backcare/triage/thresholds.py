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

    persistent_days: int = 21
    """Pain not better after a few weeks deserves a doctor's look: three weeks, the same span the
    issue gives for pregnancy (NHS-derived practice pages: "get help if the back pain does not
    start to improve within a few weeks"; NHS Gloucestershire red flags: "failure to improve
    after one month" is the outer limit)."""

    worsening_days: int = 5
    """Pain that is getting worse after more than this many days deserves a doctor's look (NHS
    inform, pain and injuries after exercise: "If pain persists for more than 5 days or gets
    worse, contact your GP"); in the first days a new back pain often gets worse before it
    eases, so getting worse then is not a sign by itself."""

    cancer_age: int = 50
    """From this age new back pain adds to other cancer signs (NICE CKS red flags: over 50)."""

    new_onset_years: int = 1
    """Back pain that first began this many years ago or fewer (this year or last, by the
    person's age then and now) is new onset, not long-standing (G-Care red flags: "new onset
    pain in patient over age 50 years")."""

    unexplained_pain_age: int = 65
    """From this age back pain alone deserves a check (seed 002: "the elderly appear unknown
    reasons of back pain"); 65 is the usual public-health line for older adults."""

    fragility_age: int = 65
    """From this age bones may be thin enough to break after a minor strain or fall (NICE CG146
    1.1: assess fracture risk in all women 65+; men from 75, so 65 errs on the safe side)."""

    menopause_fragility_age: int = 50
    """After the menopause from this age bones thin faster (seed 000: osteoporosis after the
    menopause; NICE CG146 1.2 counts an early menopause even under 50)."""

    confusion_question_age: int = 65
    """From this age everyone is asked about sudden confusion, not only people with a fever or
    urine symptoms: in older people new confusion may be the first sign of an infection or a
    heart attack (Interior Health, "What you might not know about seniors and heart attacks":
    "In many cases, new confusion (delirium) may be the first sign"; NHS, Sudden confusion: urine
    infections "are a common cause in elderly people"). 65 is the older-adult line used above."""

    fall_emergency_age: int = 65
    """From this age severe back pain after a fall or blow is a high-risk spinal injury, an
    emergency (issue 14, class 1; NICE NG41 1.1, the thoracic and lumbosacral factors: "age 65
    years or older and reported pain"). Pain more than mild (5+) after a fall at this age is a hurt
    back, an emergency too (East of England Ambulance Service NHS Trust: call 999 if an older
    person who fell "has injured their ... back"). Only mild pain after a fall at this age stays
    urgent, a possible fragility fracture (class 2)."""

    mild_pain: int = 4
    """Pain up to this score is mild: on the 0–10 scale 1–4 is mild (Serlin et al., Pain 1995,
    "ratings of 1-4 correspond to mild pain, 5-6 to moderate pain, and 7-10 to severe pain"; Woo
    et al., Ann Palliat Med 2015, a review of 27 studies: 4 is the most used upper bound of mild
    pain for non-cancer pain). A knock with mild pain, when whether it was a serious accident is
    not known, is a minor knock (issue 14's definition)."""

    cannot_walk_days: int = 1
    """Not able to stand up or walk this many days or more after the pain began is a doctor's
    matter today or tomorrow (NHS inform, new or worsening back pain: the ways of getting up
    first, then "if you've tried these techniques but still find it too painful or difficult to
    get off the floor, speak to your GP. If your GP surgery is closed, phone 111"). On the day
    the pain began, those ways of getting up come first."""

    knock_review_days: int = 14
    """A minor knock still hurting after this many days needs a booked check (hospital patient
    leaflet on a back bruise, Grady Health: "Call if you are not better in 1 to 2 weeks")."""

    vascular_age: int = 50
    """From this age sudden pain with faintness may be an aortic aneurysm (NICE NG156)."""

    renal_colic_vascular_age: int = 60
    """From this age a first 'kidney stone' pain, or new severe back pain with belly pain, may be
    a leaking aortic aneurysm (NICE CKS renal colic; NHS Scotland Right Decisions: "In any
    patient over the age of 60 years, pain similar to that of renal colic can be mimicked by an
    expanding / ruptured abdominal aortic aneurysm"; NICE NG156 1.1)."""

    shingles_question_age: int = 50
    """From this age everyone is asked about a one-sided rash (shingles): "Shingles can occur at
    any age, but is most common in people who are over 50 years of age" (NHS Leicester City CCG,
    Shingles vaccination). A weak immune system or steroids raise the risk at any age, so those
    people are asked too."""

    young_age: int = 20
    """Below this age new back pain is a red flag (NHS Gloucestershire red flags: "younger than
    age 20 years")."""

    child_age: int = 16
    """Below this age the paediatric red flags apply: a nerve sign or not being able to walk
    means urgent referral (Paediatric Musculoskeletal Matters; NENC Healthier Together)."""

    pregnancy_pain_days: int = 21
    """Back pain in pregnancy not eased after three weeks needs a check (issue 14, NHS)."""

    maternity_weeks_after_birth: int = 6
    """Weeks after birth in which the maternity unit is still the first call (NHS DVT in
    pregnancy: "up to 6 weeks after the birth")."""

    ibp_onset_before: int = 40
    """ASAS inflammatory back pain: onset before age 40 (seed 002: "before the age of 40")."""

    ibp_criteria_needed: int = 4
    """ASAS: 4 of the 5 inflammatory back pain criteria."""

    term_weeks: int = 37
    """Pregnancy week from which labour is no longer preterm (NICE NG25)."""


DEFAULT_THRESHOLDS = Thresholds()
