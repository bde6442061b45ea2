"""Realistic people and what the safety check must tell them.

Each case names a person, their answers, the level, the warning signs and whether exercise is
allowed. Many are ordinary backaches that must stay ``self_care``: crying wolf on every backache
is the second-worst failure, after missing a warning sign.
"""

from __future__ import annotations

from typing import Any

import pytest

from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.triage import evaluate

# Every warning-sign question answered "no": what a careful person filling in the check-in says.
ALL_NO: dict[str, bool] = {
    "fever_or_chills": False,
    "night_sweats": False,
    "urinary_pain_or_frequency": False,
    "blood_in_urine": False,
    "flank_pain_or_colic": False,
    "saddle_numbness": False,
    "bladder_or_bowel_change": False,
    "leg_weakness": False,
    "leg_numbness_or_pain": False,
    "walking_leg_pain_eased_by_sitting": False,
    "unexplained_weight_loss": False,
    "chest_pain_or_breathlessness": False,
    "sweating_nausea_or_faintness": False,
    "abdominal_pain": False,
    "recent_trauma": False,
    "height_loss_or_new_stoop": False,
    "cancer_history": False,
    "immunosuppressed_or_steroids": False,
}


def person(
    age: int | None = None,
    *,
    pain: dict[str, Any] | None = None,
    yes: tuple[str, ...] = (),
    **fields: Any,
) -> dict[str, Any]:
    """A profile: every warning sign answered "no" except those in ``yes``."""
    symptoms = {**ALL_NO, **dict.fromkeys(yes, True)}
    if "pregnancy" in fields:
        symptoms.setdefault("contractions_or_bleeding", False)
        symptoms.setdefault("pelvic_pressure_or_discharge_change", False)
    return {"age": age, "pain": pain or {}, "symptoms": symptoms, **fields}


LOW_BACK = {"areas": ["lower_back"]}

SELF_CARE = [
    pytest.param(
        person(
            34,
            sex="female",
            work=["sitting"],
            pain={
                **LOW_BACK,
                "score": 4,
                "duration_days": 10,
                "onset": "gradual",
                "worse_at_night": False,
            },
        ),
        "self_care",
        set(),
        True,
        id="office-worker-stiff-after-long-days",
    ),
    pytest.param(
        person(
            45,
            sex="male",
            work=["lifting"],
            pain={**LOW_BACK, "score": 6, "duration_days": 3, "onset": "sudden"},
        ),
        "self_care",
        set(),
        True,
        id="warehouse-man-twinge-after-lifting",
    ),
    pytest.param(
        person(
            31,
            sex="female",
            pregnancy={"weeks": 30},
            pain={**LOW_BACK, "score": 4, "onset": "gradual", "duration_days": 10},
        ),
        "self_care",
        set(),
        True,
        id="pregnant-week-30-ordinary-backache",
    ),
    pytest.param(
        person(
            29,
            sex="female",
            pregnancy={"weeks": 39},
            pain={**LOW_BACK, "score": 5},
            yes=("pelvic_pressure_or_discharge_change",),
        ),
        "self_care",
        set(),
        True,
        id="pregnant-week-39-pelvic-heaviness-at-term",
    ),
    pytest.param(
        person(
            33,
            sex="female",
            postpartum={"weeks_since_birth": 6, "delivery": "caesarean"},
            pain={**LOW_BACK, "score": 3, "duration_days": 20},
        ),
        "self_care",
        set(),
        True,
        id="six-weeks-after-caesarean",
    ),
    pytest.param(
        person(
            52, sex="female", menopause=True, pain={**LOW_BACK, "score": 3, "duration_days": 20}
        ),
        "self_care",
        set(),
        True,
        id="menopausal-woman-mild-ache",
    ),
    pytest.param(
        person(22, sex="other", pain={"areas": ["neck_shoulder"], "score": 3, "duration_days": 14}),
        "self_care",
        set(),
        True,
        id="student-phone-neck",
    ),
    pytest.param(
        person(
            28,
            sex="male",
            pain={"areas": ["lower_back", "leg_sciatica"], "score": 5, "duration_days": 14},
            yes=("leg_numbness_or_pain",),
        ),
        "self_care",
        set(),
        True,
        id="runner-sciatica-without-weakness",
    ),
    pytest.param(
        person(
            39,
            sex="female",
            conditions=["disc_herniation"],
            pain={**LOW_BACK, "score": 5, "duration_days": 18},
            yes=("leg_numbness_or_pain",),
        ),
        "self_care",
        set(),
        True,
        id="known-disc-herniation-leg-pain",
    ),
    pytest.param(
        person(60, sex="male", pain={**LOW_BACK, "score": 4, "duration_days": 5}),
        "self_care",
        set(),
        True,
        id="gardener-60-sore-after-digging",
    ),
    pytest.param({}, "self_care", set(), True, id="nothing-answered"),
    pytest.param(
        person(
            35,
            sex="male",
            pain={
                **LOW_BACK,
                "score": 6,
                "duration_days": 120,
                "onset": "gradual",
                "better_with_exercise": True,
                "better_with_rest": True,
                "worse_at_night": False,
            },
        ),
        "routine",
        {"chronic_pain"},
        True,
        id="young-man-three-ibp-criteria-is-not-ibp",
    ),
    pytest.param(
        person(
            25,
            sex="female",
            pain={**LOW_BACK, "score": 2, "morning_stiffness_minutes": 20, "duration_days": 7},
        ),
        "self_care",
        set(),
        True,
        id="morning-stiffness-after-a-new-mattress",
    ),
    pytest.param(
        person(
            30,
            sex="male",
            conditions=["lumbar_strain"],
            pain={**LOW_BACK, "score": 6, "onset": "sudden", "duration_days": 2},
        ),
        "self_care",
        set(),
        True,
        id="lumbar-strain-from-bending",
    ),
    pytest.param(
        person(
            38, sex="male", pain={**LOW_BACK, "score": 8, "onset": "sudden", "duration_days": 1}
        ),
        "self_care",
        {"acute_phase"},
        False,
        id="back-went-while-lifting-score-8",
    ),
    pytest.param(
        person(47, sex="female", pain={**LOW_BACK, "excruciating": True}),
        "self_care",
        {"acute_phase"},
        False,
        id="excruciating-spasm-no-score",
    ),
]

ROUTINE = [
    pytest.param(
        person(
            44,
            sex="female",
            work=["sitting"],
            fitness="low",
            equipment=["mat"],
            minutes_per_day=15,
            pain={**LOW_BACK, "score": 5, "duration_days": 45},
        ),
        "routine",
        {"chronic_pain"},
        True,
        id="sedentary-office-worker-six-weeks",
    ),
    pytest.param(
        person(
            50, sex="male", work=["standing"], pain={**LOW_BACK, "score": 4, "duration_days": 90}
        ),
        "routine",
        {"chronic_pain"},
        True,
        id="shop-worker-exactly-three-months",
    ),
    pytest.param(
        person(
            40,
            sex="male",
            work=["driving"],
            pain={**LOW_BACK, "score": 5, "duration_days": 60, "worse_at_night": False},
        ),
        "routine",
        {"chronic_pain"},
        True,
        id="taxi-driver-two-months",
    ),
    pytest.param(
        person(
            41, sex="female", work=["sitting"], pain={**LOW_BACK, "score": 4, "duration_days": 200}
        ),
        "routine",
        {"chronic_pain"},
        True,
        id="office-worker-seven-months",
    ),
    pytest.param(
        person(
            45,
            sex="female",
            pain={
                **LOW_BACK,
                "score": 3,
                "duration_days": 3650,
                "onset_age": 30,
                "onset": "gradual",
                "better_with_exercise": True,
                "better_with_rest": False,
            },
        ),
        "routine",
        {"inflammatory_back_pain", "chronic_pain"},
        True,
        id="ibp-pattern-since-age-30",
    ),
    pytest.param(
        person(
            30,
            sex="male",
            pain={
                **LOW_BACK,
                "score": 3,
                "duration_days": 200,
                "onset": "gradual",
                "better_with_exercise": True,
            },
        ),
        "routine",
        {"chronic_pain"},
        True,
        id="ibp-only-three-answered-items",
    ),
    pytest.param(
        person(72, sex="male", pain={**LOW_BACK, "score": 3, "duration_days": 10}),
        "routine",
        {"cancer"},
        True,
        id="older-man-new-unexplained-pain",
    ),
    pytest.param(
        person(
            68,
            sex="female",
            pain={"areas": ["lower_back", "leg_sciatica"], "score": 4},
            yes=("leg_numbness_or_pain", "walking_leg_pain_eased_by_sitting"),
        ),
        "routine",
        {"spinal_stenosis", "cancer"},
        True,
        id="legs-ache-walking-eased-sitting",
    ),
    pytest.param(
        person(40, sex="male", pain={**LOW_BACK, "score": 4}, yes=("abdominal_pain",)),
        "routine",
        {"abdominal_visceral"},
        True,
        id="belly-and-back-ache",
    ),
    pytest.param(
        person(
            40, sex="female", pain={**LOW_BACK, "score": 4}, yes=("immunosuppressed_or_steroids",)
        ),
        "routine",
        {"infection"},
        True,
        id="on-steroids-for-asthma",
    ),
]

URGENT = [
    pytest.param(
        person(64, sex="female", pain={"areas": ["upper_back"], "score": 3, "duration_days": 10}),
        "urgent",
        {"thoracic_pain"},
        False,
        id="upper-back-ache-between-the-shoulders",
    ),
    pytest.param(
        person(55, sex="male", pain={**LOW_BACK, "score": 4, "worse_at_night": True}),
        "urgent",
        {"cancer", "night_pain"},
        False,
        id="night-pain-at-55",
    ),
    pytest.param(
        person(
            58,
            sex="female",
            menopause=True,
            pain={"areas": ["upper_back"], "score": 3},
            yes=("height_loss_or_new_stoop",),
        ),
        "urgent",
        {"fracture", "thoracic_pain"},
        False,
        id="menopausal-woman-new-stoop",
    ),
    pytest.param(
        person(45, sex="female", pain={**LOW_BACK, "score": 3}, yes=("unexplained_weight_loss",)),
        "urgent",
        {"cancer"},
        False,
        id="weight-loss-alone",
    ),
    pytest.param(
        person(
            30,
            sex="female",
            pain={**LOW_BACK, "score": 4, "duration_days": 3},
            yes=("urinary_pain_or_frequency",),
        ),
        "urgent",
        {"urinary_kidney"},
        False,
        id="burning-urine-no-fever",
    ),
    pytest.param(
        person(
            27,
            sex="male",
            pain={
                **LOW_BACK,
                "score": 4,
                "duration_days": 240,
                "onset": "gradual",
                "better_with_exercise": True,
                "better_with_rest": False,
                "worse_at_night": True,
            },
        ),
        "urgent",
        {"inflammatory_back_pain", "chronic_pain", "night_pain"},
        False,
        id="young-man-ankylosing-spondylitis-pattern",
    ),
    pytest.param(
        person(
            36,
            sex="male",
            pain={**LOW_BACK, "score": 4, "duration_days": 20, "worse_at_night": True},
        ),
        "urgent",
        {"night_pain"},
        False,
        id="worse-at-night-three-weeks",
    ),
    pytest.param(
        person(35, sex="male", pain={**LOW_BACK, "score": 5}, yes=("fever_or_chills",)),
        "urgent",
        {"infection"},
        False,
        id="back-pain-with-fever",
    ),
    pytest.param(
        person(
            33,
            sex="female",
            pain={**LOW_BACK, "score": 6},
            yes=("fever_or_chills", "urinary_pain_or_frequency", "flank_pain_or_colic"),
        ),
        "urgent",
        {"infection", "urinary_kidney"},
        False,
        id="kidney-infection",
    ),
    pytest.param(
        person(
            44,
            sex="male",
            pain={**LOW_BACK, "score": 9, "onset": "sudden"},
            yes=("flank_pain_or_colic", "blood_in_urine"),
        ),
        "urgent",
        {"urinary_kidney", "acute_phase"},
        False,
        id="kidney-stone-colic",
    ),
    pytest.param(
        person(
            62,
            sex="female",
            pain={**LOW_BACK, "score": 5, "duration_days": 14},
            yes=("cancer_history",),
        ),
        "urgent",
        {"cancer"},
        False,
        id="breast-cancer-survivor-new-pain",
    ),
    pytest.param(
        person(
            58,
            sex="male",
            pain={**LOW_BACK, "score": 5, "worse_at_night": True},
            yes=("unexplained_weight_loss",),
        ),
        "urgent",
        {"cancer", "night_pain"},
        False,
        id="weight-loss-and-night-pain",
    ),
    pytest.param(
        person(
            52,
            sex="female",
            menopause=True,
            conditions=["osteoporosis"],
            pain={**LOW_BACK, "score": 6},
            yes=("recent_trauma",),
        ),
        "urgent",
        {"major_trauma", "fracture"},
        False,
        id="ms-li-osteoporosis-fall",
    ),
    pytest.param(
        person(
            66,
            sex="female",
            conditions=["osteoporosis"],
            pain={**LOW_BACK, "score": 6, "onset": "sudden"},
        ),
        "urgent",
        {"fracture", "cancer"},
        False,
        id="osteoporosis-sudden-pain-bending",
    ),
    pytest.param(
        person(
            45,
            sex="male",
            pain={"areas": ["lower_back", "leg_sciatica"], "score": 6},
            yes=("leg_weakness", "leg_numbness_or_pain"),
        ),
        "urgent",
        {"progressive_neuro_deficit"},
        False,
        id="foot-weakness-with-sciatica",
    ),
    pytest.param(
        person(
            45,
            sex="female",
            pain={**LOW_BACK, "score": 5},
            yes=("abdominal_pain", "fever_or_chills"),
        ),
        "urgent",
        {"abdominal_visceral", "infection"},
        False,
        id="belly-pain-with-fever",
    ),
    pytest.param(
        person(70, sex="female", pain={**LOW_BACK, "score": 2}, yes=("recent_trauma",)),
        "urgent",
        {"major_trauma", "fracture", "cancer"},
        False,
        id="fell-on-ice-at-70-mild-pain",
    ),
]

EMERGENCY = [
    pytest.param(
        person(70, sex="female", pain={**LOW_BACK, "score": 6}, yes=("recent_trauma",)),
        "emergency",
        {"major_trauma", "fracture", "cancer"},
        False,
        id="fell-on-ice-at-70-moderate-pain",
    ),
    pytest.param(
        person(
            25, sex="male", pain={**LOW_BACK, "score": 5}, yes=("recent_trauma", "serious_accident")
        ),
        "emergency",
        {"major_trauma"},
        False,
        id="young-man-after-car-crash",
    ),
    pytest.param(
        person(70, sex="female", pain={**LOW_BACK, "score": 8}, yes=("recent_trauma",)),
        "emergency",
        {"major_trauma", "fracture", "cancer", "acute_phase"},
        False,
        id="fell-on-ice-at-70-severe-pain",
    ),
    pytest.param(
        person(42, sex="female", pain={**LOW_BACK, "score": 6}, yes=("saddle_numbness",)),
        "emergency",
        {"cauda_equina"},
        False,
        id="saddle-numbness",
    ),
    pytest.param(
        person(
            50,
            sex="male",
            pain={**LOW_BACK, "score": 7},
            yes=("bladder_or_bowel_change", "leg_weakness"),
        ),
        "emergency",
        {"cauda_equina", "progressive_neuro_deficit", "acute_phase"},
        False,
        id="cannot-pass-urine-and-weak-legs",
    ),
    pytest.param(
        person(
            58,
            sex="male",
            pain={"areas": ["upper_back"], "score": 6},
            yes=("chest_pain_or_breathlessness",),
        ),
        "emergency",
        {"cardiac", "thoracic_pain"},
        False,
        id="between-shoulders-with-chest-pain",
    ),
    pytest.param(
        person(
            63,
            sex="female",
            pain={"areas": ["upper_back"], "score": 5},
            yes=("sweating_nausea_or_faintness",),
        ),
        "emergency",
        {"cardiac", "thoracic_pain"},
        False,
        id="upper-back-pain-sweating-nausea",
    ),
    pytest.param(
        person(
            71,
            sex="male",
            pain={**LOW_BACK, "score": 9, "onset": "sudden"},
            yes=("sweating_nausea_or_faintness",),
        ),
        "emergency",
        {"vascular", "cardiac", "fracture", "cancer", "acute_phase"},
        False,
        id="aortic-aneurysm-pattern",
    ),
    pytest.param(
        person(
            29,
            sex="female",
            pregnancy={"weeks": 32},
            pain={**LOW_BACK, "score": 5},
            yes=("contractions_or_bleeding",),
        ),
        "emergency",
        {"preterm_labour"},
        False,
        id="pregnant-week-32-contractions",
    ),
    pytest.param(
        person(
            31,
            sex="female",
            pregnancy={"weeks": 30},
            pain={**LOW_BACK, "score": 5},
            yes=("pelvic_pressure_or_discharge_change",),
        ),
        "emergency",
        {"preterm_labour"},
        False,
        id="seed-premature-birth-signs-week-30",
    ),
    pytest.param(
        person(
            66, sex="male", pain={**LOW_BACK, "score": 6}, yes=("cancer_history", "leg_weakness")
        ),
        "emergency",
        {"progressive_neuro_deficit", "cancer"},
        False,
        id="cancer-history-and-leg-weakness",
    ),
    pytest.param(
        person(
            70,
            sex="female",
            conditions=["spinal_stenosis"],
            pain={**LOW_BACK, "score": 5},
            yes=("bladder_or_bowel_change", "leg_weakness", "walking_leg_pain_eased_by_sitting"),
        ),
        "emergency",
        {"cauda_equina", "progressive_neuro_deficit", "spinal_stenosis", "cancer"},
        False,
        id="seed-stenosis-with-bladder-and-weakness",
    ),
    pytest.param(
        person(
            30, sex="male", pain={**LOW_BACK, "score": 6}, yes=("recent_trauma", "leg_weakness")
        ),
        "emergency",
        {"progressive_neuro_deficit", "major_trauma"},
        False,
        id="fall-from-ladder-leg-weak",
    ),
]


@pytest.mark.parametrize(
    ("answers", "level", "flags", "exercise_allowed"), SELF_CARE + ROUTINE + URGENT + EMERGENCY
)
def test_person(
    flags_kb: KnowledgeBase,
    answers: dict[str, Any],
    level: str,
    flags: set[str],
    exercise_allowed: bool,
) -> None:
    result = evaluate(Profile.model_validate(answers), flags_kb)
    assert (result.level, {flag.id for flag in result.flags}) == (level, flags)
    assert result.exercise_allowed is exercise_allowed
