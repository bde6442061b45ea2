"""Issue 14's classes of person the check once under-rated, one readable example each (with the
guidance that sets the level), and the wording that goes with the level.

The property tests cover the same ground over random profiles; these say, in a sentence each,
what a clinician would expect for one person of the class.
"""

from __future__ import annotations

from typing import Any

import pytest

from backcare.knowledge import KnowledgeBase
from backcare.profile import Profile
from backcare.triage import CheckResult, evaluate


def check(kb: KnowledgeBase, **profile: Any) -> CheckResult:
    return evaluate(Profile.model_validate(profile), kb)


def flag_ids(result: CheckResult) -> set[str]:
    return {flag.id for flag in result.flags}


CASES = [
    # 1. NICE NG41: 65+ with spinal pain after a fall is a high-risk injury; an older person
    # who fell and hurt their back (more than mild pain) is a 999 call (East of England
    # Ambulance Service); with only mild pain it may be a fragility fracture (class 2: urgent).
    (
        "older-fall-severe-pain",
        "emergency",
        "major_trauma",
        {"age": 78, "pain": {"score": 7}, "symptoms": {"recent_trauma": True}},
    ),
    (
        "older-fall-moderate-pain",
        "emergency",
        "major_trauma",
        {"age": 78, "pain": {"score": 5}, "symptoms": {"recent_trauma": True}},
    ),
    (
        "older-fall-mild-pain",
        "urgent",
        "fracture",
        {"age": 78, "pain": {"score": 2}, "symptoms": {"recent_trauma": True}},
    ),
    (
        "fall-cannot-stand",
        "emergency",
        "major_trauma",
        {
            "age": 40,
            "pain": {"score": 6},
            "symptoms": {"recent_trauma": True, "cannot_stand_or_walk": True},
        },
    ),
    # St John Ambulance, spinal injury: severe pain where a fall or blow landed, at any age, is a
    # possible spinal injury: call 999 and do not move.
    (
        "young-fall-severe-pain",
        "emergency",
        "major_trauma",
        {"age": 27, "pain": {"score": 8}, "symptoms": {"recent_trauma": True}},
    ),
    # University of Sheffield Health Service (NHS): weakness in the legs with trouble walking
    # needs immediate medical attention.
    (
        "legs-too-weak-to-walk",
        "emergency",
        "progressive_neuro_deficit",
        {
            "age": 47,
            "pain": {"score": 6},
            "symptoms": {"leg_weakness": True, "cannot_stand_or_walk": True},
        },
    ),
    # NHS: see a GP when back pain has not started to improve within a few weeks (three weeks).
    (
        "three-weeks-not-better",
        "routine",
        "chronic_pain",
        {"age": 38, "pain": {"score": 5, "duration_days": 21}},
    ),
    # NICE NG111: refer pregnant or immunosuppressed people with a kidney infection to hospital.
    (
        "kidney-infection-in-pregnancy",
        "emergency",
        "urinary_kidney",
        {
            "age": 26,
            "sex": "female",
            "pregnancy": {"weeks": 22},
            "symptoms": {"fever_or_chills": True, "flank_pain_or_colic": True},
        },
    ),
    (
        "kidney-infection-on-steroids",
        "emergency",
        "urinary_kidney",
        {
            "age": 55,
            "symptoms": {
                "fever_or_chills": True,
                "urinary_pain_or_frequency": True,
                "immunosuppressed_or_steroids": True,
            },
        },
    ),
    (
        "kidney-infection",
        "urgent",
        "urinary_kidney",
        {"age": 40, "symptoms": {"fever_or_chills": True, "flank_pain_or_colic": True}},
    ),
    # Seed 002: new back pain "of unknown reasons" in an older person deserves a check.
    (
        "older-new-pain",
        "routine",
        "cancer",
        {"age": 70, "pain": {"score": 4, "duration_days": 5}},
    ),
    (
        "road-crash",
        "emergency",
        "major_trauma",
        {
            "age": 30,
            "pain": {"score": 4},
            "symptoms": {"recent_trauma": True, "serious_accident": True},
        },
    ),
    # 2. Suspected osteoporotic fracture without a diagnosis: sudden pain or a new stoop,
    # in someone at risk.
    (
        "sudden-pain-at-70",
        "urgent",
        "fracture",
        {"age": 70, "sex": "male", "pain": {"score": 5, "onset": "sudden"}},
    ),
    (
        "stoop-after-menopause",
        "urgent",
        "fracture",
        {
            "age": 58,
            "sex": "female",
            "menopause": True,
            "symptoms": {"height_loss_or_new_stoop": True},
        },
    ),
    (
        "steroids-and-a-cough",
        "urgent",
        "fracture",
        {
            "age": 45,
            "pain": {"score": 6, "onset": "sudden"},
            "symptoms": {"immunosuppressed_or_steroids": True},
        },
    ),
    # A suspected fracture that now weakens a leg presses on the nerves, as after an injury.
    (
        "sudden-pain-with-osteoporosis-and-a-weak-leg",
        "emergency",
        "progressive_neuro_deficit",
        {
            "age": 77,
            "sex": "female",
            "conditions": ["osteoporosis"],
            "pain": {"score": 8, "onset": "sudden"},
            "symptoms": {"leg_weakness": True},
        },
    ),
    # 3. Urinary symptoms with back pain: a kidney or prostate infection (NICE NG109-111);
    # sepsis (NG51, NHS).
    (
        "burning-urine",
        "urgent",
        "urinary_kidney",
        {"age": 29, "sex": "female", "symptoms": {"urinary_pain_or_frequency": True}},
    ),
    (
        "kidney-infection-confused",
        "emergency",
        "sepsis",
        {
            "age": 80,
            "symptoms": {
                "urinary_pain_or_frequency": True,
                "fever_or_chills": True,
                "confused_or_drowsy": True,
            },
        },
    ),
    # Sudden confusion without infection signs: an emergency whatever the cause (NHS, Sudden
    # confusion); in older people it may be the first sign of an infection or a heart attack.
    (
        "older-woman-suddenly-confused",
        "emergency",
        "sudden_confusion",
        {
            "age": 84,
            "sex": "female",
            "pain": {"areas": ["upper_back"], "score": 3, "duration_days": 0},
            "symptoms": {"confused_or_drowsy": True},
        },
    ),
    # Back-pain mimics outside the classes (NHS Stomach ache; NHS Headaches).
    (
        "sudden-severe-belly-pain-through-to-the-back",
        "emergency",
        "abdominal_visceral",
        {
            "age": 58,
            "pain": {"areas": ["lower_back"], "score": 8, "duration_days": 0, "onset": "sudden"},
            "symptoms": {"abdominal_pain": True},
        },
    ),
    (
        "black-stools-on-painkillers-for-a-long-backache",
        "emergency",
        "abdominal_visceral",
        {
            "age": 40,
            "pain": {"areas": ["lower_back"], "score": 3, "duration_days": 200},
            "symptoms": {"abdominal_pain": True, "blood_in_vomit_or_black_stools": True},
        },
    ),
    # NHS, Ectopic pregnancy: belly pain when you might be pregnant -> 111 as soon as possible;
    # sudden, sharp pain or feeling faint -> 999.
    (
        "late-period-and-belly-pain-at-24",
        "urgent",
        "ectopic_pregnancy",
        {
            "age": 24,
            "sex": "female",
            "pain": {"areas": ["lower_back"], "score": 3, "onset": "gradual"},
            "symptoms": {"abdominal_pain": True, "might_be_pregnant": True},
        },
    ),
    (
        "late-period-sudden-severe-belly-pain",
        "emergency",
        "ectopic_pregnancy",
        {
            "age": 28,
            "sex": "female",
            "pain": {"score": 8, "onset": "sudden"},
            "symptoms": {"abdominal_pain": True, "might_be_pregnant": True},
        },
    ),
    (
        "late-period-belly-pain-and-faint",
        "emergency",
        "ectopic_pregnancy",
        {
            "age": 31,
            "pain": {"score": 4},
            "symptoms": {
                "abdominal_pain": True,
                "might_be_pregnant": True,
                "sweating_nausea_or_faintness": True,
            },
        },
    ),
    # UK Sepsis Trust / NHS, Sepsis: with an infection, extreme shivering or blue, grey or
    # blotchy skin is a 999 call.
    (
        "urine-infection-and-shivering-that-will-not-stop",
        "emergency",
        "sepsis",
        {
            "age": 61,
            "pain": {"areas": ["lower_back"], "score": 5},
            "symptoms": {
                "fever_or_chills": True,
                "urinary_pain_or_frequency": True,
                "extreme_shivering": True,
            },
        },
    ),
    (
        "fever-and-blotchy-skin",
        "emergency",
        "sepsis",
        {
            "age": 35,
            "pain": {"score": 3},
            "symptoms": {"fever_or_chills": True, "skin_blue_grey_or_blotchy": True},
        },
    ),
    # NHS inform, Degenerative cervical myelopathy: new clumsy hands -> call 111.
    # Royal Free London, DCM leaflet: a combination of the symptoms -> A&E or 999.
    (
        "clumsy-hands-and-numb-legs",
        "emergency",
        "cervical_myelopathy",
        {
            "age": 62,
            "pain": {"areas": ["neck_shoulder"], "score": 3},
            "symptoms": {
                "clumsy_hands_or_unsteady_walking": True,
                "leg_numbness_or_pain": True,
                "pain_or_numbness_both_legs": True,
            },
        },
    ),
    (
        "stiff-neck-and-newly-clumsy-hands",
        "urgent",
        "cervical_myelopathy",
        {
            "age": 57,
            "pain": {"areas": ["neck_shoulder"], "score": 3, "duration_days": 10},
            "symptoms": {"clumsy_hands_or_unsteady_walking": True},
        },
    ),
    # NHS SYB Healthier Together / Fern House Surgery: sudden testicle pain -> hospital at once;
    # NICE NG12: persisting testicle symptoms -> a GP's look.
    (
        "sudden-testicle-and-belly-pain-at-14",
        "emergency",
        "testicular_torsion",
        {
            "age": 14,
            "sex": "male",
            "pain": {"areas": ["lower_back"], "score": 5, "onset": "sudden"},
            "symptoms": {"abdominal_pain": True, "testicle_pain": True},
        },
    ),
    (
        "slow-testicle-ache-with-back-pain-at-40",
        "routine",
        "testicular_torsion",
        {
            "age": 40,
            "sex": "male",
            "pain": {"areas": ["lower_back"], "score": 3, "duration_days": 5, "onset": "gradual"},
            "symptoms": {"testicle_pain": True},
        },
    ),
    # NHS, Dehydration: not passing urine for eight hours -> GP or out-of-hours straight away.
    (
        "vomiting-and-no-urine-since-morning",
        "urgent",
        "urinary_kidney",
        {
            "age": 70,
            "sex": "female",
            "pain": {"areas": ["lower_back"], "score": 4, "onset": "gradual", "onset_age": 40},
            "symptoms": {"sweating_nausea_or_faintness": True, "little_or_no_urine": True},
        },
    ),
    # NHS back pain list (Sheffield Aches and Pains; CHCP MSK): a lump or swelling in the back, or
    # a back that has changed shape -> an urgent GP appointment or 111.
    (
        "swelling-over-the-spine-in-a-young-man",
        "urgent",
        "cancer",
        {
            "age": 28,
            "sex": "male",
            "pain": {"areas": ["lower_back"], "score": 3, "duration_days": 10, "onset": "gradual"},
            "symptoms": {"lump_or_swelling_in_back": True, "fever_or_chills": False},
        },
    ),
    # NHS trust leaflets (CUH, Bradford): after an epidural or spinal, new severe back pain or
    # numb or weak legs -> GP immediately or the emergency department.
    (
        "numb-leg-a-week-after-an-epidural-for-a-knee-operation",
        "urgent",
        "epidural_complication",
        {
            "age": 58,
            "sex": "male",
            "pain": {"areas": ["lower_back"], "score": 4, "onset": "gradual", "onset_age": 57},
            "symptoms": {
                "leg_numbness_or_pain": True,
                "recent_epidural_or_spinal_anaesthetic": True,
            },
        },
    ),
    (
        "severe-back-pain-two-weeks-after-a-labour-epidural",
        "urgent",
        "epidural_complication",
        {
            "age": 30,
            "sex": "female",
            "postpartum": {"weeks_since_birth": 2, "delivery": "vaginal"},
            "pain": {"areas": ["lower_back"], "score": 8, "onset": "gradual"},
            "symptoms": {"recent_epidural_or_spinal_anaesthetic": True},
        },
    ),
    (
        "severe-headache-with-fever-and-neck-pain",
        "emergency",
        "severe_headache",
        {
            "age": 23,
            "pain": {"areas": ["neck_shoulder", "lower_back"], "score": 3, "onset": "gradual"},
            "symptoms": {"fever_or_chills": True, "severe_headache_or_vision_change": True},
        },
    ),
    (
        "severe-headache-that-came-on-suddenly",
        "emergency",
        "severe_headache",
        {
            "age": 36,
            "pain": {"areas": ["neck_shoulder"], "score": 5, "duration_days": 0, "onset": "sudden"},
            "symptoms": {"severe_headache_or_vision_change": True},
        },
    ),
    (
        "severe-headache-with-neck-ache",
        "urgent",
        "severe_headache",
        {
            "age": 44,
            "pain": {"areas": ["neck_shoulder"], "score": 3, "onset": "gradual"},
            "symptoms": {"severe_headache_or_vision_change": True, "fever_or_chills": False},
        },
    ),
    (
        "kidney-infection-being-sick",
        "emergency",
        "sepsis",
        {
            "age": 35,
            "symptoms": {
                "flank_pain_or_colic": True,
                "fever_or_chills": True,
                "sweating_nausea_or_faintness": True,
            },
        },
    ),
    # 4. Blood in the urine: NHS urgent at any age; cola-coloured urine or swelling: inflamed
    # kidneys.
    (
        "visible-blood-at-50",
        "urgent",
        "urinary_kidney",
        {"age": 50, "symptoms": {"blood_in_urine": True}},
    ),
    (
        "cola-urine-and-swelling",
        "urgent",
        "urinary_kidney",
        {"age": 19, "symptoms": {"dark_or_cola_urine": True, "new_swelling_face_or_ankles": True}},
    ),
    # 5. Weight loss at any age; pain constant whatever the position (NHS: not eased by rest).
    (
        "weight-loss-at-30",
        "urgent",
        "cancer",
        {"age": 30, "symptoms": {"unexplained_weight_loss": True}},
    ),
    (
        "constant-pain-at-40",
        "urgent",
        "cancer",
        {"age": 40, "symptoms": {"pain_constant_whatever_position": True}},
    ),
    (
        "constant-pain-at-55",
        "urgent",
        "cancer",
        {"age": 55, "symptoms": {"pain_constant_whatever_position": True}},
    ),
    # 6. The aorta: severity plus faintness is enough at 50+, onset unanswered (NICE NG156).
    (
        "severe-pain-faint-onset-unknown",
        "emergency",
        "vascular",
        {"age": 68, "pain": {"score": 9}, "symptoms": {"sweating_nausea_or_faintness": True}},
    ),
    (
        "known-aneurysm",
        "emergency",
        "vascular",
        {"age": 74, "pain": {"score": 3}, "symptoms": {"known_aortic_aneurysm": True}},
    ),
    (
        "pulsating-lump",
        "emergency",
        "vascular",
        {"age": 61, "symptoms": {"pulsating_lump_in_belly": True}},
    ),
    # NICE NG156: new back and belly pain in an older person may be a rupture, even before
    # faintness; a slowly building ache with belly pain is not this class.
    (
        "new-severe-back-and-belly-pain-at-73",
        "emergency",
        "vascular",
        {"age": 73, "pain": {"score": 8, "onset": "sudden"}, "symptoms": {"abdominal_pain": True}},
    ),
    (
        "new-moderate-back-and-belly-pain-at-63",
        "emergency",
        "vascular",
        {"age": 63, "pain": {"score": 5, "duration_days": 1}, "symptoms": {"abdominal_pain": True}},
    ),
    (
        "new-back-and-belly-pain-at-59-is-not-this-class",
        "routine",
        "abdominal_visceral",
        {"age": 59, "pain": {"score": 5, "duration_days": 1}, "symptoms": {"abdominal_pain": True}},
    ),
    (
        "slow-back-and-belly-ache-at-73",
        "routine",
        "abdominal_visceral",
        {"age": 73, "pain": {"score": 5, "onset": "gradual"}, "symptoms": {"abdominal_pain": True}},
    ),
    # NHS inform, Stomach ache: 999 if "a stomach ache came on very suddenly or is severe".
    (
        "severe-back-and-belly-pain-that-built-slowly-at-45",
        "emergency",
        "abdominal_visceral",
        {"age": 45, "pain": {"score": 8, "onset": "gradual"}, "symptoms": {"abdominal_pain": True}},
    ),
    # 7. Spinal infection: fever with a nerve sign is an abscess until proved otherwise.
    (
        "fever-and-weak-leg",
        "emergency",
        "infection",
        {"age": 43, "symptoms": {"fever_or_chills": True, "leg_weakness": True}},
    ),
    (
        "fever-after-spinal-injection",
        "urgent",
        "infection",
        {"age": 60, "symptoms": {"fever_or_chills": True, "recent_spinal_procedure": True}},
    ),
    (
        "injects-drugs-no-fever",
        "urgent",
        "infection",
        {"age": 33, "pain": {"score": 6}, "symptoms": {"injected_drug_use": True}},
    ),
    (
        "recent-spinal-injection-alone",
        "routine",
        "infection",
        {"age": 58, "pain": {"score": 4}, "symptoms": {"recent_spinal_procedure": True}},
    ),
    # 8. Chest and aortic mimics in the upper back (NHS heart attack; aortic dissection).
    (
        "tearing-between-shoulders",
        "emergency",
        "vascular",
        {
            "age": 52,
            "pain": {"areas": ["upper_back"]},
            "symptoms": {"tearing_or_sudden_severe_pain": True},
        },
    ),
    (
        "upper-back-breathless",
        "emergency",
        "cardiac",
        {
            "age": 63,
            "sex": "female",
            "pain": {"areas": ["upper_back"]},
            "symptoms": {"chest_pain_or_breathlessness": True},
        },
    ),
    # 9. Renal colic: a first episode at 60+ is an aneurysm first (NICE CKS; NHS Scotland).
    (
        "first-colic-at-66",
        "emergency",
        "vascular",
        {"age": 66, "symptoms": {"flank_pain_or_colic": True}},
    ),
    (
        "known-stones-at-66",
        "urgent",
        "urinary_kidney",
        {"age": 66, "symptoms": {"flank_pain_or_colic": True, "known_kidney_stones": True}},
    ),
    (
        "colic-with-fever",
        "urgent",
        "urinary_kidney",
        {"age": 30, "symptoms": {"flank_pain_or_colic": True, "fever_or_chills": True}},
    ),
    # A known stone's pain with a fever: a blocked, infected kidney (Guy's and St Thomas': back
    # to A&E with a high temperature).
    (
        "known-stone-pain-with-fever",
        "emergency",
        "urinary_kidney",
        {
            "age": 33,
            "symptoms": {
                "flank_pain_or_colic": True,
                "known_kidney_stones": True,
                "fever_or_chills": True,
            },
        },
    ),
    # 10. Pregnancy and after birth (NHS, maternity units).
    (
        "reduced-movements",
        "emergency",
        "pregnancy_warning",
        {
            "age": 28,
            "sex": "female",
            "pregnancy": {"weeks": 33},
            "symptoms": {"reduced_baby_movements": True},
        },
    ),
    (
        "pre-eclampsia-signs",
        "emergency",
        "pregnancy_warning",
        {
            "age": 34,
            "sex": "female",
            "pregnancy": {"weeks": 35},
            "symptoms": {"severe_headache_or_vision_change": True},
        },
    ),
    (
        "belly-pain-in-pregnancy",
        "emergency",
        "pregnancy_warning",
        {
            "age": 30,
            "sex": "female",
            "pregnancy": {"weeks": 24},
            "symptoms": {"abdominal_pain": True},
        },
    ),
    (
        "waters-at-34-weeks",
        "emergency",
        "preterm_labour",
        {
            "age": 30,
            "sex": "female",
            "pregnancy": {"weeks": 34},
            "symptoms": {"waters_breaking": True},
        },
    ),
    (
        "waters-at-term",
        "urgent",
        "pregnancy_warning",
        {
            "age": 30,
            "sex": "female",
            "pregnancy": {"weeks": 39},
            "symptoms": {"waters_breaking": True},
        },
    ),
    (
        "heavy-bleeding-after-birth",
        "emergency",
        "pregnancy_warning",
        {
            "age": 30,
            "sex": "female",
            "postpartum": {"weeks_since_birth": 1},
            "symptoms": {"contractions_or_bleeding": True},
        },
    ),
    (
        "hot-calf-after-caesarean",
        "emergency",
        "pregnancy_warning",
        {
            "age": 30,
            "sex": "female",
            "postpartum": {"weeks_since_birth": 3, "delivery": "caesarean"},
            "symptoms": {"hot_swollen_calf": True},
        },
    ),
    (
        "fever-and-belly-pain-after-birth",
        "emergency",
        "pregnancy_warning",
        {
            "age": 31,
            "sex": "female",
            "postpartum": {"weeks_since_birth": 1},
            "symptoms": {"fever_or_chills": True, "abdominal_pain": True},
        },
    ),
    (
        "fever-alone-after-birth",
        "urgent",
        "pregnancy_warning",
        {
            "age": 31,
            "sex": "female",
            "postpartum": {"weeks_since_birth": 1},
            "symptoms": {"fever_or_chills": True, "abdominal_pain": False},
        },
    ),
    (
        "hot-calf-in-pregnancy",
        "urgent",
        "pregnancy_warning",
        {
            "age": 30,
            "sex": "female",
            "pregnancy": {"weeks": 30},
            "symptoms": {"hot_swollen_calf": True},
        },
    ),
    (
        "pregnancy-pain-four-weeks",
        "routine",
        "pregnancy_warning",
        {"age": 30, "sex": "female", "pregnancy": {"weeks": 26}, "pain": {"duration_days": 28}},
    ),
    # 11. Age: new back pain under 20 (NHS Gloucestershire red flags).
    ("teenager", "routine", "child", {"age": 14, "pain": {"score": 3}}),
    ("teenager-night-pain", "urgent", "child", {"age": 15, "pain": {"worse_at_night": True}}),
    # Paediatric red flags (PMM; NENC Healthier Together): a nerve sign or a child who cannot
    # walk is an urgent referral under 16; at 16 to 19 the same signs leave the child flag routine.
    (
        "child-pain-into-the-thigh",
        "urgent",
        "child",
        {"age": 15, "pain": {"areas": ["lower_back", "leg_sciatica"], "score": 5}},
    ),
    (
        "child-who-cannot-walk",
        "urgent",
        "child",
        {"age": 9, "pain": {"score": 6}, "symptoms": {"cannot_stand_or_walk": True}},
    ),
    # Pain from between the shoulders rather than the lower back (NHS: urgent).
    (
        "between-the-shoulders",
        "urgent",
        "thoracic_pain",
        {"age": 35, "pain": {"areas": ["upper_back"], "score": 3}},
    ),
    # 12. Cauda equina, the early "suspected" signs (GIRFT 2023; NHS 999 list).
    (
        "sciatica-both-legs",
        "emergency",
        "cauda_equina",
        {"age": 45, "symptoms": {"leg_numbness_or_pain": True, "pain_or_numbness_both_legs": True}},
    ),
    (
        "new-sexual-numbness",
        "emergency",
        "cauda_equina",
        {"age": 38, "symptoms": {"new_sexual_problems": True}},
    ),
    # NHS, Period pain: "See your GP if you have severe period pain".
    (
        "severe-period-pain-spreading-to-the-back",
        "routine",
        "period_problem",
        {
            "age": 31,
            "sex": "female",
            "pain": {"areas": ["lower_back"], "score": 7, "duration_days": 2},
            "symptoms": {"abdominal_pain": True, "period_pain": True, "might_be_pregnant": False},
        },
    ),
    (
        "period-pain-with-periods-heavier-than-before",
        "routine",
        "period_problem",
        {
            "age": 38,
            "sex": "female",
            "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 3},
            "symptoms": {"abdominal_pain": True, "period_pain": True, "periods_changed": True},
        },
    ),
    # The other side: a minor knock stays self-care, with its safety net.
    (
        "minor-knock",
        "self_care",
        "major_trauma",
        {
            "age": 34,
            "pain": {"score": 3},
            "symptoms": {
                "recent_trauma": True,
                "serious_accident": False,
                "cannot_stand_or_walk": False,
            },
        },
    ),
]


@pytest.mark.parametrize(
    ("level", "flag", "profile"),
    [pytest.param(level, flag, profile, id=name) for name, level, flag, profile in CASES],
)
def test_each_class_gets_the_level_its_guidance_gives(
    flags_kb: KnowledgeBase, level: str, flag: str, profile: dict[str, Any]
) -> None:
    result = check(flags_kb, **profile)
    assert result.level == level
    assert flag in flag_ids(result)
    assert next(f for f in result.flags if f.id == flag).level == level


MINOR = {"recent_trauma": True, "serious_accident": False, "cannot_stand_or_walk": False}


def test_a_minor_knock_keeps_a_safety_net_and_exercise(flags_kb: KnowledgeBase) -> None:
    result = check(flags_kb, age=34, pain={"score": 3}, symptoms=MINOR)
    assert result.exercise_allowed
    assert "cannot put weight on your legs" in result.flags[0].action


@pytest.mark.parametrize(
    "risk",
    [
        pytest.param({"age": 66}, id="65-or-over"),
        pytest.param({"age": 55, "menopause": True}, id="after-the-menopause"),
        pytest.param(
            {"age": 40, "symptoms": {"immunosuppressed_or_steroids": True}}, id="steroids"
        ),
        pytest.param({"age": 40, "conditions": ["osteoporosis"]}, id="osteoporosis"),
    ],
)
def test_a_knock_is_not_minor_with_thin_bone_risk(
    flags_kb: KnowledgeBase, risk: dict[str, Any]
) -> None:
    symptoms = {**MINOR, **risk.pop("symptoms", {})}
    result = check(flags_kb, pain={"score": 3}, symptoms=symptoms, **risk)
    assert result.level in ("urgent", "emergency")
    assert "fracture" in flag_ids(result)


@pytest.mark.parametrize(
    "unknown",
    [
        pytest.param({"pain": {"score": 2}, "symptoms": MINOR}, id="age"),
        pytest.param({"age": 30, "symptoms": MINOR}, id="score"),
        pytest.param(
            {"age": 30, "pain": {"score": 5}, "symptoms": {**MINOR, "serious_accident": None}},
            id="whether-moderate-pain-came-from-a-serious-accident",
        ),
    ],
)
def test_anything_unknown_keeps_the_doctors_check_after_a_knock(
    flags_kb: KnowledgeBase, unknown: dict[str, Any]
) -> None:
    """A lower level needs the person's own answers: moderate pain after an accident whose kind
    is not known (a car crash?) is not a minor knock; mild pain is (issue 14's definition)."""
    assert check(flags_kb, **unknown).level == "urgent"


@pytest.mark.parametrize("score", [1, 2, 3, 4])
def test_a_mild_knock_is_minor_even_when_the_accident_question_was_not_asked(
    flags_kb: KnowledgeBase, score: int
) -> None:
    """Mild is 1-4 on the 0-10 scale (Serlin et al. 1995; Woo et al. 2015)."""
    result = check(flags_kb, age=30, pain={"score": score}, symptoms={"recent_trauma": True})
    assert result.level == "self_care"


def test_a_fall_in_pregnancy_is_never_a_minor_knock(flags_kb: KnowledgeBase) -> None:
    """Mild pain after slipping on the stairs at 25 weeks: the maternity unit, today."""
    result = check(
        flags_kb,
        age=24,
        sex="female",
        pregnancy={"weeks": 25},
        pain={"score": 4},
        symptoms={**MINOR, "abdominal_pain": False},
    )
    assert result.level == "urgent"
    assert "major_trauma" in flag_ids(result)
    assert "midwife" in result.flags[0].action
    assert "your pregnancy (25 weeks)" in result.flags[0].message


def test_a_knock_still_hurting_after_two_weeks_is_booked_for_a_check(
    flags_kb: KnowledgeBase,
) -> None:
    """A back bruise not better in 1 to 2 weeks: call the doctor (hospital leaflet)."""
    days = {"score": 3}
    settling = check(flags_kb, age=38, pain={**days, "duration_days": 13}, symptoms=MINOR)
    lasting = check(flags_kb, age=38, pain={**days, "duration_days": 16}, symptoms=MINOR)
    assert (settling.level, lasting.level) == ("self_care", "routine")
    assert "major_trauma" in flag_ids(lasting)


def test_an_older_person_who_fell_without_pain_has_no_injury_flag(
    flags_kb: KnowledgeBase,
) -> None:
    """Class 1 and 2 are about pain after the fall: a fall that left no pain is not an injury."""
    result = check(
        flags_kb,
        age=74,
        pain={"score": 0},
        symptoms={"recent_trauma": True, "cannot_stand_or_walk": False},
    )
    assert not {"major_trauma", "fracture"} & flag_ids(result)


def test_fever_and_not_walking_is_an_emergency_at_any_age(flags_kb: KnowledgeBase) -> None:
    result = check(
        flags_kb, age=4, symptoms={"fever_or_chills": True, "cannot_stand_or_walk": True}
    )
    assert result.level == "emergency"


def test_severe_pain_in_pregnancy_goes_to_the_maternity_unit(flags_kb: KnowledgeBase) -> None:
    result = check(
        flags_kb,
        age=31,
        sex="female",
        pregnancy={"weeks": 28},
        pain={"score": 8, "onset": "sudden"},
    )
    assert result.level == "urgent"
    assert result.advice.startswith("Contact your maternity unit or midwife now.")


def test_in_pregnancy_urgent_means_the_maternity_unit_now(flags_kb: KnowledgeBase) -> None:
    result = check(
        flags_kb, age=30, sex="female", pregnancy={"weeks": 20}, symptoms={"fever_or_chills": True}
    )
    assert result.level == "urgent"
    assert result.advice.startswith("Contact your maternity unit or midwife now.")
    assert all(flag.action.startswith("Contact your maternity unit") for flag in result.flags)


def test_six_weeks_after_birth_the_maternity_wording_ends(flags_kb: KnowledgeBase) -> None:
    def urgent_action(weeks: int) -> str:
        return check(
            flags_kb,
            age=30,
            sex="female",
            postpartum={"weeks_since_birth": weeks},
            symptoms={"fever_or_chills": True},
        ).advice

    assert urgent_action(6).startswith("Contact your maternity unit")
    assert urgent_action(7).startswith("See a doctor today or tomorrow")


def test_the_advice_says_why_and_what_to_do(flags_kb: KnowledgeBase) -> None:
    result = check(flags_kb, age=72, pain={"score": 8}, symptoms={"recent_trauma": True})
    assert result.advice.startswith("Call an ambulance or go to an emergency department (A&E) now.")
    assert "This is because of pain that started after a fall" in result.advice
    assert "your age (72)" in result.advice


def test_a_suspected_fracture_at_a_lower_level_still_says_what_to_avoid(
    flags_kb: KnowledgeBase,
) -> None:
    result = check(flags_kb, age=58, menopause=True, symptoms={"height_loss_or_new_stoop": True})
    fracture = next(flag for flag in result.flags if flag.id == "fracture")
    assert "avoid lifting and bending" in fracture.action


def test_a_flare_of_back_pain_that_began_before_old_age_is_self_care(
    flags_kb: KnowledgeBase,
) -> None:
    """Seed 002 sends new pain of unknown cause in an older person for a check; the flare of a
    back problem someone has had since 45 is not that, so with no warning sign it is self-care."""
    flare = check(flags_kb, age=70, pain={"score": 4, "duration_days": 5, "onset_age": 45})
    assert (flare.level, flag_ids(flare)) == ("self_care", set())


def test_a_man_who_still_cannot_get_up_the_day_after_sees_a_doctor_today(
    flags_kb: KnowledgeBase,
) -> None:
    """NHS inform: still too painful or difficult to get up → speak to your GP, or 111. He
    shovelled snow yesterday and this morning cannot stand or walk: urgent, told why."""
    stuck = check(
        flags_kb,
        age=40,
        pain={"score": 8, "duration_days": 1, "onset": "sudden"},
        symptoms={"cannot_stand_or_walk": True},
    )
    assert stuck.level == "urgent"
    assert not stuck.exercise_allowed
    flag = next(flag for flag in stuck.flags if flag.id == "acute_phase")
    assert flag.level == "urgent"
    assert flag.message.startswith("We noticed that you cannot stand or walk, pain for 1 day,")
    assert "standing up or walking a day or more after it began" in flag.message
    assert flag.action.startswith("See a doctor today or tomorrow")
    assert any("nhsinform.scot" in (source.ref or "") for source in flag.sources)


@pytest.mark.parametrize(
    ("pain", "symptoms"),
    [
        pytest.param(
            {"score": 8, "duration_days": 0, "onset": "sudden"},
            {"cannot_stand_or_walk": True},
            id="a-back-that-locked-this-morning",
        ),
        pytest.param(
            {"score": 8, "onset": "sudden"},
            {"cannot_stand_or_walk": True},
            id="how-long-not-known",
        ),
        pytest.param(
            {"score": 8, "duration_days": 3, "onset": "sudden"},
            {"cannot_stand_or_walk": False},
            id="can-walk",
        ),
    ],
)
def test_severe_pain_is_self_care_until_not_walking_lasts_a_day(
    flags_kb: KnowledgeBase, pain: dict[str, Any], symptoms: dict[str, Any]
) -> None:
    """On the day the back locked, NHS inform's ways of getting up come first; an unknown
    duration raises nothing; walking answered yes leaves severe pain at self-care."""
    result = check(flags_kb, age=40, pain=pain, symptoms=symptoms)
    assert (result.level, flag_ids(result)) == ("self_care", {"acute_phase"})


def test_back_pain_for_the_first_time_at_56_is_booked_and_says_why(
    flags_kb: KnowledgeBase,
) -> None:
    """G-Care red flags: "new onset pain in patient over age 50 years". A man of 56 whose first
    ever back pain began this year books a doctor's check, told the age it began."""
    first = check(flags_kb, age=56, pain={"score": 4, "duration_days": 7, "onset_age": 56})
    assert (first.level, flag_ids(first)) == ("routine", {"cancer"})
    cancer = next(flag for flag in first.flags if flag.id == "cancer")
    assert cancer.message.startswith("We noticed back pain that began at age 56.")
    assert "for the first time in your life at 50 or over" in cancer.message
    assert "back pain that began at age 56" in first.advice


@pytest.mark.parametrize(
    ("age", "onset_age"),
    [
        pytest.param(56, 45, id="a-flare-of-pain-since-45"),
        pytest.param(56, 49, id="pain-since-49"),
        pytest.param(58, 55, id="pain-since-55-three-years-ago"),
        pytest.param(56, None, id="onset-not-asked"),
    ],
)
def test_back_pain_that_is_not_new_after_50_raises_nothing(
    flags_kb: KnowledgeBase, age: int, onset_age: int | None
) -> None:
    """Pain that began before 50, or at 50+ but years ago, is not new onset; an unknown onset age
    raises nothing under 65."""
    result = check(flags_kb, age=age, pain={"score": 4, "duration_days": 7, "onset_age": onset_age})
    assert (result.level, flag_ids(result)) == ("self_care", set())


def test_a_child_with_sciatica_hears_of_the_leg_once(flags_kb: KnowledgeBase) -> None:
    """Pain going into a leg, answered both as a pain area and as a symptom, is one reason in
    the child flag's sentence, not two that say the same."""
    child = Profile.model_validate(
        {
            "age": 12,
            "pain": {"areas": ["lower_back", "leg_sciatica"], "score": 5},
            "symptoms": {"leg_numbness_or_pain": True},
        }
    )
    flag = next(f for f in evaluate(child, flags_kb).flags if f.id == "child")
    assert flag.level == "urgent"
    assert flag.message.startswith(
        "We noticed your age (12) and numbness or pain going down a leg. "
    )
    assert "under 16" in flag.message


SCIATICA = {"areas": ["lower_back", "leg_sciatica"], "score": 3}


@pytest.mark.parametrize(
    ("days", "improving", "level"),
    [
        pytest.param(35, True, "self_care", id="five-weeks-and-easing-is-self-care"),
        pytest.param(21, True, "self_care", id="three-weeks-and-easing-is-self-care"),
        pytest.param(35, False, "routine", id="five-weeks-not-easing-is-booked"),
        pytest.param(35, None, "routine", id="five-weeks-not-known-is-booked"),
        pytest.param(90, True, "routine", id="three-months-is-booked-even-when-easing"),
    ],
)
def test_pain_that_has_started_to_ease_after_a_few_weeks_needs_no_appointment(
    flags_kb: KnowledgeBase, days: int, improving: bool | None, level: str
) -> None:
    """NHS: get help if back pain "does not start to improve within a few weeks". A man whose
    sciatica down one leg is getting better at three or five weeks is not sent to book; not
    easing, or not knowing, still is; from three months the pain is long-term whatever its
    course (seed 001)."""
    pain = {**SCIATICA, "duration_days": days, "improving": improving}
    _booked_by_its_course(flags_kb, 41, pain, level)


def _booked_by_its_course(kb: KnowledgeBase, age: int, pain: dict[str, Any], level: str) -> None:
    """The level a man's pain gets from its course alone, and ``chronic_pain`` behind it exactly
    when that level is a booked look."""
    result = check(kb, age=age, sex="male", pain=pain, symptoms={"leg_weakness": False})
    assert result.level == level
    assert ("chronic_pain" in flag_ids(result)) is (level == "routine")


@pytest.mark.parametrize(
    ("age", "pain", "said"),
    [
        pytest.param(
            30,
            {"duration_days": 28, "improving": False},
            ("pain for 28 days", "pain that has not started to get better"),
            id="not-easing-after-weeks",
        ),
        pytest.param(
            34,
            {"duration_days": 9, "getting_worse": True},
            ("pain that is getting worse as the days go by", "pain for 9 days"),
            id="getting-worse",
        ),
    ],
)
def test_pain_booked_for_its_course_says_so(
    flags_kb: KnowledgeBase, age: int, pain: dict[str, Any], said: tuple[str, ...]
) -> None:
    result = check(flags_kb, age=age, pain=pain)
    chronic = next(flag for flag in result.flags if flag.id == "chronic_pain")
    assert [phrase for phrase in said if phrase not in chronic.message] == []
    assert result.advice.startswith("Book an appointment with your doctor")


@pytest.mark.parametrize(
    ("days", "worse", "level"),
    [
        pytest.param(7, True, "routine", id="a-week-and-getting-worse-is-booked"),
        pytest.param(6, True, "routine", id="six-days-and-getting-worse-is-booked"),
        pytest.param(14, True, "routine", id="two-weeks-and-getting-worse-is-booked"),
        pytest.param(None, True, "routine", id="getting-worse-length-not-known-is-booked"),
        pytest.param(5, True, "self_care", id="first-five-days-may-peak"),
        pytest.param(7, False, "self_care", id="a-week-not-getting-worse"),
        pytest.param(7, None, "self_care", id="a-week-not-known"),
    ],
)
def test_pain_getting_worse_after_the_first_days_is_booked(
    flags_kb: KnowledgeBase, days: int | None, worse: bool | None, level: str
) -> None:
    """NHS back pain advice: get help if the pain "gets worse over time"; NHS inform, after
    exercise: "If pain persists for more than 5 days or gets worse, contact your GP". A man
    whose back has ached since heavy squats: getting worse after five days is a booked look,
    not in the first days, when a new pain often peaks."""
    pain = {"areas": ["lower_back"], "score": 4, "duration_days": days, "getting_worse": worse}
    _booked_by_its_course(flags_kb, 34, pain, level)


MECHANICAL_AFTER_CANCER: dict[str, Any] = {
    "age": 47,
    "pain": {
        "areas": ["lower_back"],
        "score": 4,
        "duration_days": 10,
        "worse_at_night": False,
        "better_with_rest": True,
    },
    "symptoms": {"cancer_history": True, "pain_constant_whatever_position": False},
}
"""A woman treated for breast cancer years ago, with low back pain after gardening that eases
with rest, varies with position and does not wake her."""


def test_a_past_cancer_with_mechanical_low_back_pain_is_booked_and_says_why(
    flags_kb: KnowledgeBase,
) -> None:
    """Scottish Referral Guidelines for Suspected Cancer (MSCC): pain "not progressive, severe or
    aggravated by straining" with no nerve symptoms in a person with cancer gets a clinical
    review, not the 24-hour contact."""
    result = check(flags_kb, **MECHANICAL_AFTER_CANCER)
    assert (result.level, flag_ids(result)) == ("routine", {"cancer"})
    cancer = next(flag for flag in result.flags if flag.id == "cancer")
    assert cancer.message.startswith("We noticed a past cancer.")
    assert result.advice.startswith("Book an appointment with your doctor")
    assert "tell your cancer team" in result.advice
    assert "at once if it gets worse, wakes you at night, or your legs feel weak" in result.advice


@pytest.mark.parametrize(
    ("part", "answer"),
    [
        pytest.param("pain", {"worse_at_night": True}, id="worse-at-night"),
        pytest.param("pain", {"worse_at_night": None}, id="night-not-answered"),
        pytest.param("pain", {"score": 7}, id="severe"),
        pytest.param("pain", {"improving": False}, id="getting-no-better"),
        pytest.param("pain", {"getting_worse": True}, id="getting-worse"),
        pytest.param("pain", {"areas": ["upper_back"]}, id="upper-back"),
        pytest.param("pain", {"areas": ["lower_back", "leg_sciatica"]}, id="into-a-leg"),
        pytest.param("pain", {"better_with_rest": False}, id="rest-does-not-ease-it"),
        pytest.param(
            "symptoms", {"pain_constant_whatever_position": True}, id="constant-whatever-position"
        ),
        pytest.param("symptoms", {"leg_numbness_or_pain": True}, id="nerve-pain"),
        pytest.param("symptoms", {"unexplained_weight_loss": True}, id="weight-loss"),
        pytest.param("symptoms", {"night_sweats": True}, id="night-sweats"),
    ],
)
def test_a_past_cancer_with_any_sign_of_a_spinal_metastasis_stays_urgent(
    flags_kb: KnowledgeBase, part: str, answer: dict[str, Any]
) -> None:
    """Any one feature from the MSCC list, or the person not having said the pain is quiet at
    night, keeps the urgent look (or higher)."""
    profile = {**MECHANICAL_AFTER_CANCER, part: {**MECHANICAL_AFTER_CANCER[part], **answer}}
    result = check(flags_kb, **profile)
    assert result.level in {"urgent", "emergency"}
    assert "cancer" in flag_ids(result)


def test_a_past_cancer_with_nothing_said_about_the_pain_stays_urgent(
    flags_kb: KnowledgeBase,
) -> None:
    """A past cancer and new back pain, the pain's behaviour not asked: urgent, as before."""
    result = check(flags_kb, age=57, pain={"score": 5}, symptoms={"cancer_history": True})
    assert (result.level, flag_ids(result)) == ("urgent", {"cancer"})


def test_a_known_pregnancy_with_belly_pain_keeps_the_maternity_warning(
    flags_kb: KnowledgeBase,
) -> None:
    """ "Might be pregnant" is for someone not known to be: a known pregnancy's belly pain is the
    pregnancy warning sign (maternity unit wording), not a second, weaker flag."""
    result = check(
        flags_kb,
        age=29,
        sex="female",
        pregnancy={"weeks": 6},
        pain={"score": 3},
        symptoms={"abdominal_pain": True, "might_be_pregnant": True},
    )
    assert result.level == "emergency"
    assert "ectopic_pregnancy" not in flag_ids(result)


def test_might_be_pregnant_without_belly_pain_raises_nothing(flags_kb: KnowledgeBase) -> None:
    result = check(
        flags_kb,
        age=26,
        sex="female",
        pain={"areas": ["lower_back"], "score": 3, "duration_days": 4, "onset": "gradual"},
        symptoms={"might_be_pregnant": True, "abdominal_pain": False},
    )
    assert result.level == "self_care"


@pytest.mark.parametrize(
    ("symptoms", "reason"),
    [
        pytest.param(
            {"abdominal_pain": True, "might_be_pregnant": True},
            "because of the fact that you might be pregnant and pain in your belly.",
            id="might-be-pregnant",
        ),
        pytest.param(
            {"fever_or_chills": True, "cannot_stand_or_walk": True},
            "the fact that you cannot stand or walk",
            id="cannot-stand-or-walk",
        ),
    ],
)
def test_the_reason_reads_as_a_sentence(
    flags_kb: KnowledgeBase, symptoms: dict[str, bool], reason: str
) -> None:
    """A "that you …" answer after "because of" takes "the fact" (not "because of that you")."""
    result = check(flags_kb, age=27, sex="female", pain={"score": 3}, symptoms=symptoms)
    assert reason in result.advice
    assert "because of that" not in result.advice


def test_testicle_pain_with_a_stones_colic_stays_at_least_urgent(flags_kb: KnowledgeBase) -> None:
    """A kidney stone's pain felt in the testicle: the colic's urgent level stands, and the
    testicle is named beside it, booked."""
    result = check(
        flags_kb,
        age=38,
        sex="male",
        pain={"areas": ["lower_back"], "score": 6, "onset": "gradual"},
        symptoms={"flank_pain_or_colic": True, "testicle_pain": True},
    )
    assert result.level == "urgent"
    assert {"urinary_kidney", "testicular_torsion"} <= flag_ids(result)


def test_after_a_birth_the_epidural_sign_goes_to_the_maternity_unit(
    flags_kb: KnowledgeBase,
) -> None:
    """Gateshead Health NHS: after a labour epidural, numb or weak legs -> the Pregnancy
    Assessment Unit, 24 hours: urgent, in the maternity unit's words."""
    result = check(
        flags_kb,
        age=27,
        sex="female",
        postpartum={"weeks_since_birth": 1},
        pain={"areas": ["lower_back"], "score": 8},
        symptoms={"recent_epidural_or_spinal_anaesthetic": True},
    )
    assert result.level == "urgent"
    assert result.advice.startswith("Contact your maternity unit or midwife now.")
    assert "an epidural or spinal anaesthetic in the last six weeks" in result.advice


def test_ordinary_back_pain_after_an_epidural_raises_nothing(flags_kb: KnowledgeBase) -> None:
    """Back pain is very common after a birth (St George's): an epidural with mild back pain and
    none of the warning signs is self-care."""
    result = check(
        flags_kb,
        age=31,
        sex="female",
        postpartum={"weeks_since_birth": 10, "delivery": "vaginal"},
        pain={"areas": ["lower_back"], "score": 3, "duration_days": 5, "onset": "gradual"},
        symptoms={
            "recent_epidural_or_spinal_anaesthetic": True,
            "leg_numbness_or_pain": False,
            "leg_weakness": False,
            "fever_or_chills": False,
        },
    )
    assert result.level == "self_care"


@pytest.mark.parametrize(
    ("symptoms", "pain", "level"),
    [
        pytest.param({"abdominal_pain": True}, {"score": 3}, "routine", id="belly-pain"),
        pytest.param(
            {"abdominal_pain": True, "fever_or_chills": True}, {"score": 3}, "urgent", id="fever"
        ),
        pytest.param(
            {"abdominal_pain": True, "sweating_nausea_or_faintness": True},
            {"score": 3},
            "urgent",
            id="being-sick",
        ),
        pytest.param({"abdominal_pain": True}, {"score": 8}, "emergency", id="severe-pain"),
    ],
)
def test_pelvic_inflammatory_disease_gets_the_levels_nhs_sexual_health_services_give(
    flags_kb: KnowledgeBase, symptoms: dict[str, bool], pain: dict[str, int], level: str
) -> None:
    """Lower belly pain with back pain in a young woman, the pain of PID: a GP or sexual health
    clinic (Knowsley Sexual Health, NHS: "visit your GP or a sexual health clinic"); with a fever
    or vomiting, urgently (Leeds Sexual Health, NHS: "If you have fever or vomiting with pain, you
    should seek help urgently"); with severe pain, at once (the stomach-ache line, 999). The
    discharge, bleeding and pain during sex the NHS page lists add no level on these pages, so
    they need no answer of their own."""
    result = check(
        flags_kb,
        age=22,
        sex="female",
        pain={"areas": ["lower_back"], "onset": "gradual", "duration_days": 4, **pain},
        symptoms=symptoms,
    )
    assert result.level == level
    assert "abdominal_visceral" in flag_ids(result)


PERIOD = {
    "age": 24,
    "sex": "female",
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 1},
}


def test_usual_period_pain_in_the_back_is_self_care(flags_kb: KnowledgeBase) -> None:
    """NHS, Period pain: "In most cases period pain is mild enough to treat at home"; the same
    belly pain not known to be period pain is booked for a doctor."""
    period = check(flags_kb, **PERIOD, symptoms={"abdominal_pain": True, "period_pain": True})
    belly = check(flags_kb, **PERIOD, symptoms={"abdominal_pain": True, "period_pain": False})
    assert (period.level, flag_ids(period)) == ("self_care", set())
    assert belly.level == "routine"


@pytest.mark.parametrize(
    "sign", ["fever_or_chills", "might_be_pregnant", "sweating_nausea_or_faintness"]
)
def test_period_pain_with_another_sign_is_checked_as_any_belly_pain(
    flags_kb: KnowledgeBase, sign: str
) -> None:
    """A fever, a possible pregnancy or feeling faint or sick says it may not be period pain."""
    period = check(
        flags_kb, **PERIOD, symptoms={"abdominal_pain": True, "period_pain": True, sign: True}
    )
    belly = check(flags_kb, **PERIOD, symptoms={"abdominal_pain": True, sign: True})
    assert period.level == belly.level != "self_care"
    assert flag_ids(period) == flag_ids(belly)


def test_sudden_period_problem_stays_an_emergency(flags_kb: KnowledgeBase) -> None:
    """NHS inform, Stomach ache: 999 if "a stomach ache came on very suddenly or is severe"."""
    pain = {"areas": ["lower_back"], "score": 8, "onset": "sudden"}
    symptoms = {"abdominal_pain": True, "period_pain": True}
    result = check(flags_kb, age=24, sex="female", pain=pain, symptoms=symptoms)
    assert result.level == "emergency"
    assert "abdominal_visceral" in flag_ids(result)


LONG_STANDING = {
    "age": 58,
    "sex": "male",
    "pain": {"areas": ["lower_back"], "score": 4, "duration_days": 3650},
}


@pytest.mark.parametrize("age", [47, 58, 72])
def test_a_usual_flare_of_long_standing_pain_already_seen_is_self_care(
    flags_kb: KnowledgeBase, age: int
) -> None:
    """County Durham and Darlington NHS FT, physiotherapy: "You don't normally need to see a
    healthcare professional. New or flare-up of longstanding back problems should begin to
    settle within 6 weeks." Not known to be such a flare, pain of ten years is booked (seed 001:
    pain lasting more than three months; at 72, seed 002's new pain in an older person too)."""
    person = {**LONG_STANDING, "age": age}
    flare = check(flags_kb, **{**person, "pain": {**person["pain"], "usual_flare": True}})
    unknown = check(flags_kb, **person)
    assert (flare.level, flag_ids(flare)) == ("self_care", set())
    assert unknown.level == "routine"
    assert "chronic_pain" in flag_ids(unknown)


@pytest.mark.parametrize(
    ("symptoms", "level"),
    [
        pytest.param({"unexplained_weight_loss": True}, "urgent", id="weight-loss"),
        pytest.param({"fever_or_chills": True}, "urgent", id="fever"),
        pytest.param({"saddle_numbness": True}, "emergency", id="saddle-numbness"),
    ],
)
def test_a_usual_flare_with_a_warning_sign_keeps_the_signs_level(
    flags_kb: KnowledgeBase, symptoms: dict[str, bool], level: str
) -> None:
    """Only the booking for long-lasting pain is not repeated: every warning sign still counts."""
    pain = {**LONG_STANDING["pain"], "usual_flare": True}
    result = check(flags_kb, **{**LONG_STANDING, "pain": pain}, symptoms=symptoms)
    assert result.level == level


@pytest.mark.parametrize("age", [30, 60, 82])
def test_a_painful_one_sided_rash_is_shingles_and_urgent(flags_kb: KnowledgeBase, age: int) -> None:
    """NHS, Shingles: "Ask for an urgent GP appointment or get help from NHS 111 if: you think you
    might have shingles"; the antivirals work best within 3 days of the rash. A woman with
    stabbing pain in her lower back and side and a blistery rash on that side only."""
    result = check(
        flags_kb,
        age=age,
        sex="female",
        pain={"areas": ["lower_back"], "score": 6, "duration_days": 2},
        symptoms={"rash_or_blisters_on_one_side": True, "fever_or_chills": False},
    )
    assert result.level == "urgent"
    assert "shingles" in flag_ids(result)
    assert "a painful rash or blisters on one side" in result.advice
    shingles = next(flag for flag in result.flags if flag.id == "shingles")
    assert "a painful rash or blisters on one side" in shingles.message
    assert "within 3 days" in shingles.message
