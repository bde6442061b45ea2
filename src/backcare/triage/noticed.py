"""Plain words for the answers that made a flag fire: the "what we noticed" part of a message.

Rules name the answers they acted on by key (mostly profile paths such as
``symptoms.saddle_numbness``); this module turns those keys into words a frightened person
understands, with the person's own numbers where there are some.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from backcare.profile import Profile

PHRASES: dict[str, str] = {
    "symptoms.fever_or_chills": "a fever or chills",
    "symptoms.night_sweats": "drenching sweats at night",
    "symptoms.urinary_pain_or_frequency": "pain or burning when you pass urine, or going often",
    "symptoms.blood_in_urine": "blood in your urine",
    "symptoms.flank_pain_or_colic": "cramping pain in your side that comes in waves",
    "symptoms.saddle_numbness": "numbness between your legs or around your bottom",
    "symptoms.bladder_or_bowel_change": "new trouble controlling or emptying your bladder or bowel",
    "symptoms.leg_weakness": "weakness in a leg or foot",
    "symptoms.leg_numbness_or_pain": "numbness or pain going down a leg",
    "symptoms.walking_leg_pain_eased_by_sitting": "leg pain when you walk that eases when you sit",
    "symptoms.unexplained_weight_loss": "weight loss you cannot explain",
    "symptoms.chest_pain_or_breathlessness": "chest pain or breathlessness",
    "symptoms.sweating_nausea_or_faintness": "sweating or feeling sick or faint",
    "symptoms.abdominal_pain": "pain in your belly",
    "symptoms.blood_in_vomit_or_black_stools": "vomiting blood or black, sticky stools",
    "symptoms.recent_trauma": "pain that started after a fall, an accident or a blow",
    "symptoms.height_loss_or_new_stoop": "losing height or a new stoop",
    "symptoms.cancer_history": "a past cancer",
    "symptoms.immunosuppressed_or_steroids": "a weak immune system or steroid medicine",
    "symptoms.pelvic_pressure_or_discharge_change": (
        "a feeling that your pelvis is sagging, or a change in vaginal discharge"
    ),
    "symptoms.contractions_or_bleeding": "tightenings (contractions) or bleeding",
    "symptoms.cannot_stand_or_walk": "that you cannot stand or walk",
    "symptoms.serious_accident": "a serious accident (a road crash, a fall from a height)",
    "symptoms.pain_constant_whatever_position": (
        "pain that stays the same whatever position you are in, even at rest"
    ),
    "symptoms.dark_or_cola_urine": "dark, cola-coloured urine",
    "symptoms.new_swelling_face_or_ankles": "new swelling of your face or ankles",
    "symptoms.injected_drug_use": "injecting drugs",
    "symptoms.recent_spinal_procedure": "an operation or injection on your spine recently",
    "symptoms.known_aortic_aneurysm": "a known aortic aneurysm",
    "symptoms.pulsating_lump_in_belly": "a lump in your belly that beats like a pulse",
    "symptoms.tearing_or_sudden_severe_pain": "pain that is tearing, or sudden and severe",
    "symptoms.severe_headache_or_vision_change": "a severe headache or changes in your vision",
    "symptoms.waters_breaking": "your waters breaking",
    "symptoms.reduced_baby_movements": "your baby moving less than usual",
    "symptoms.hot_swollen_calf": "a hot, swollen or painful calf",
    "symptoms.wound_redness_or_discharge": "a wound that is red, swollen or weeping",
    "symptoms.confused_or_drowsy": "feeling confused or very drowsy",
    "symptoms.extreme_shivering": "shivering that you cannot stop",
    "symptoms.skin_blue_grey_or_blotchy": "blue, grey, pale or blotchy skin, lips or tongue",
    "symptoms.might_be_pregnant": "that you might be pregnant",
    "symptoms.period_pain": "that the belly pain is your period pain",
    "symptoms.periods_changed": "that your periods have changed",
    "symptoms.clumsy_hands_or_unsteady_walking": "clumsy hands or unsteady walking",
    "symptoms.testicle_pain": "pain in a testicle",
    "symptoms.little_or_no_urine": "passing little or no urine",
    "symptoms.recent_epidural_or_spinal_anaesthetic": (
        "an epidural or spinal anaesthetic in the last six weeks"
    ),
    "symptoms.known_kidney_stones": "kidney stones before",
    "symptoms.rash_or_blisters_on_one_side": "a painful rash or blisters on one side",
    "symptoms.lump_or_swelling_in_back": (
        "a lump or swelling in your back, or a change in its shape"
    ),
    "symptoms.pain_or_numbness_both_legs": "pain or numbness going down both legs",
    "symptoms.new_sexual_problems": "new problems with sex (numbness or loss of function)",
    "pain.worse_at_night": "pain that is worse at night",
    "pain.better_with_exercise": "pain that eases with exercise",
    "pain.not_better_with_rest": "no relief from rest",
    "pain.not_improving": "pain that has not started to get better",
    "pain.getting_worse": "pain that is getting worse as the days go by",
    "pain.gradual_onset": "a slow start",
    "pain.sudden_onset": "pain that came on suddenly",
    "pain.upper_back": "pain in your upper back or between your shoulders",
    "pain.leg_sciatica": "pain going down into a leg",
    "conditions.osteoporosis": "osteoporosis (thin bones)",
    "menopause": "the menopause",
}
"""Fixed phrases, by answer key."""


def _severe(profile: Profile) -> str:
    if profile.pain.score is not None and not profile.pain.excruciating:
        return f"severe pain right now ({profile.pain.score} out of 10)"
    return "pain you describe as excruciating"


def _pregnancy(profile: Profile) -> str:
    pregnancy = profile.pregnancy
    return f"your pregnancy ({pregnancy.weeks} weeks)" if pregnancy else "your pregnancy"


def _after_birth(profile: Profile) -> str:
    postpartum = profile.postpartum
    weeks = postpartum.weeks_since_birth if postpartum else None
    return f"that you gave birth {weeks} weeks ago" if weeks is not None else "a recent birth"


DYNAMIC: dict[str, Callable[[Profile], str]] = {
    "age": lambda p: f"your age ({p.age})",
    "pregnancy.weeks": _pregnancy,
    "postpartum.weeks": _after_birth,
    "pain.duration_days": lambda p: (
        f"pain for {p.pain.duration_days} day{'' if p.pain.duration_days == 1 else 's'}"
    ),
    "pain.onset_age": lambda p: f"back pain that began at age {p.pain.onset_age}",
    "pain.young_onset": lambda p: f"back pain that began young (you are {p.age})",
    "pain.severe": _severe,
    "pain.score": lambda p: f"pain of {p.pain.score} out of 10",
}
"""Phrases that carry the person's own numbers, by answer key."""


def phrase(key: str, profile: Profile) -> str:
    """The plain words for one answer key."""
    if key in DYNAMIC:
        return DYNAMIC[key](profile)
    return PHRASES[key]


def listed(keys: Iterable[str], profile: Profile, *, after_of: bool = False) -> str:
    """ "a, b and c" for the answers a flag fired on, each named once, in order.

    When a phrase holds a comma of its own, the list is separated by semicolons instead.
    ``after_of``: the list follows "because of", where a "that you …" clause needs "the fact"
    before it ("because of the fact that you cannot stand or walk").
    """
    words = [phrase(key, profile) for key in dict.fromkeys(keys)]
    if after_of:
        words = [f"the fact {word}" if word.startswith("that ") else word for word in words]
    if len(words) <= 1:
        return "".join(words)
    comma = any("," in word for word in words)
    separator = "; " if comma else ", "
    last = separator.rstrip() if comma or len(words) > 2 else ""
    return f"{separator.join(words[:-1])}{last} and {words[-1]}"


def noticed(keys: Iterable[str], profile: Profile) -> str:
    """ "We noticed a, b and c." — the start of a flag's message."""
    words = listed(keys, profile)
    return f"We noticed {words}." if words else ""
