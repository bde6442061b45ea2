"""A question that describes a warning sign must come back with that warning — never missed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backcare.content.schema import FLAG_IDS, RedFlag
from backcare.knowledge import KnowledgeBase
from backcare.search import AskIndex, ask
from backcare.search.warnings import detect_warning, load_warning_patterns

# Several everyday phrasings per SPEC §3 warning sign.
PHRASINGS: dict[str, list[str]] = {
    "cauda_equina": [
        "my back hurts and I'm numb between my legs",
        "numbness around my bottom and groin since yesterday",
        "I can't control my bladder since my back went",
        "lost bowel control with back pain",
        "I wet myself and my back is killing me",
    ],
    "progressive_neuro_deficit": [
        "my leg is getting weaker every day",
        "weakness in my leg and back pain",
        "I can't lift my foot properly, foot drop?",
    ],
    "cardiac": [
        "pain between my shoulder blades and chest pain",
        "upper back pain and I'm short of breath",
        "back pain spreading to my left arm",
        "Why am I having chest and back pain?",
        "my chest and upper back ache",
    ],
    "vascular": [
        "sudden terrible back pain and I feel faint",
        "tearing pain in my back, I'm 70",
        "I have an aortic aneurysm and back pain",
    ],
    "preterm_labour": [
        "30 weeks pregnant and having contractions with back pain",
        "lower back pain, pelvic pressure, I'm 32 weeks",
        "pregnant with back pain and some bleeding",
        "my discharge got thicker and my back aches, 29 weeks pregnant",
    ],
    "major_trauma": ["I fell off a ladder and my back hurts", "back pain after a car accident"],
    "fracture": [
        "I have osteoporosis and slipped, now my back hurts",
        "I'm losing height and getting a stoop",
        "could I have a fracture in my spine",
    ],
    "infection": ["back pain with a fever", "I'm on long-term steroids and my back hurts"],
    "urinary_kidney": [
        "there's blood in my urine and my back hurts",
        "it burns when I pee and my lower back aches",
        "is it a kidney stone? pain in my side",
    ],
    "cancer": ["I had breast cancer and now my back hurts", "I've lost weight without trying"],
    "abdominal_visceral": ["back pain and stomach pain after eating"],
    "spinal_stenosis": ["my legs hurt when I walk and it's better when I sit down"],
    "inflammatory_back_pain": [
        "I'm stiff every morning for an hour",
        "could I have ankylosing spondylitis",
    ],
    "chronic_pain": ["my back has hurt for 4 months", "back pain for years"],
    "night_pain": [
        "my back hurts at night and I'm 60",
        "the pain wakes me up",
        "I keep waking up in the middle of the night with back pain",
    ],
    "sepsis": [
        "kidney infection and my dad is confused",
        "high temperature, back pain and she's drowsy",
        "could this be sepsis",
    ],
    "sudden_confusion": [
        "my mum is 84 and suddenly confused with back pain",
        "back ache and he seems very drowsy today",
        "could back pain cause delirium",
    ],
    "severe_headache": [
        "sudden severe headache and now my neck hurts",
        "back pain, fever and a stiff neck",
    ],
    "ectopic_pregnancy": [
        "my period is late and I have a sharp pain low on one side and back ache",
        "could it be an ectopic pregnancy",
    ],
    "cervical_myelopathy": [
        "stiff neck and my hands have become clumsy",
        "neck pain and I keep dropping things",
        "could I have cervical myelopathy",
    ],
    "shingles": [
        "could this be shingles on my back",
        "a painful rash with blisters on one side of my back",
        "burning pain and a rash in a band round my side",
    ],
    "testicular_torsion": [
        "sudden pain in my testicle and my lower back",
        "my left testicle hurts and so does my side",
        "could it be testicular torsion",
    ],
    "epidural_complication": [
        "I had an epidural two weeks ago and now my back pain is severe",
        "numb legs after my epidural",
        "severe back pain after a spinal anaesthetic for my operation",
    ],
    "period_problem": [
        "severe period pain that goes into my lower back",
        "my period cramps have become unbearable",
    ],
    "pregnancy_warning": [
        "33 weeks and the baby is moving less than usual",
        "my waters have broken and my back aches",
        "pregnant with a severe headache and blurred vision",
        "heavy bleeding two weeks after the birth",
        "my c-section scar is red and oozing",
    ],
    "child": ["my daughter has back pain", "I'm 14 and my back hurts", "back pain in my son"],
    "thoracic_pain": [
        "pain between my shoulder blades",
        "my upper back hurts when I sit",
        "What cause back shoulder blade pain",
        "a pain under my shoulder blade",
        "constant pain in my left upper shoulder blade",
        "severe pain in my mid-back",
        "my middle back hurts when I breathe in",
    ],
}

ORDINARY = [
    "i am so confused about which stretches are safe",
    "is it ok to use a foam roller on my lower back",
    "what exercises after a c-section",
    "how long should I ice it",
    "best sleeping position for back pain",
    "how much water should I drink",
    "can I do yoga at my desk",
    "what is the multifidus muscle contraction exercise",
]


@pytest.mark.parametrize(
    ("flag", "question"),
    [(flag, q) for flag, questions in PHRASINGS.items() for q in questions],
)
def test_warning_sign_is_recognised(flag: str, question: str) -> None:
    assert flag in load_warning_patterns().flags_in(question)


@pytest.mark.parametrize("question", ORDINARY)
def test_ordinary_questions_raise_no_warning(question: str) -> None:
    assert load_warning_patterns().flags_in(question) == []


def test_every_flag_has_phrasings() -> None:
    assert set(PHRASINGS) == set(FLAG_IDS) - {"acute_phase"}


def test_every_flag_resolves_to_a_sourced_red_flag_entry(kb: KnowledgeBase) -> None:
    flags = {entry.flag for entry in kb.of_type(RedFlag)}
    assert set(PHRASINGS) <= flags


def test_most_urgent_warning_wins(kb: KnowledgeBase) -> None:
    warning = detect_warning("back pain for years and now I'm numb between my legs", kb)
    assert warning is not None
    assert warning.flag == "cauda_equina"
    assert warning.level == "emergency"


BACK = st.sampled_from(["back pain", "lower back pain", "a sore back", "my back", "backache"])
WEIGHT_LOSS = st.sampled_from(["weight loss", "losing weight", "lost weight", "lost some weight"])
JOINED = st.sampled_from([" and ", " with ", " plus "])
WORRY = st.sampled_from(["", "should I worry about ", "what does it mean: ", "is it serious, "])


@given(WORRY, BACK, JOINED, WEIGHT_LOSS, st.booleans())
def test_weight_loss_named_beside_back_pain_as_a_worry_raises_the_cancer_warning(
    worry: str, back: str, joined: str, weight_loss: str, back_first: bool
) -> None:
    """Back pain and weight loss, named either way round: the NHS back pain page's urgent sign
    (weight lost without trying)."""
    pair = (back, weight_loss) if back_first else (weight_loss, back)
    assert "cancer" in load_warning_patterns().flags_in(f"{worry}{pair[0]}{joined}{pair[1]}?")


@given(
    st.sampled_from(["will ", "does ", "can ", "how much does "]),
    WEIGHT_LOSS,
    st.sampled_from([" help ", " ease ", " relieve ", " improve ", " reduce "]),
    BACK,
)
def test_weight_loss_as_a_remedy_for_back_pain_raises_no_cancer_warning(
    asking: str, weight_loss: str, verb: str, back: str
) -> None:
    question = f"{asking}{weight_loss}{verb}{back}?"
    assert "cancer" not in load_warning_patterns().flags_in(question)


def test_weight_loss_and_back_pain_as_a_diet_headline_raises_no_cancer_warning() -> None:
    question = "Weight loss and back pain: how losing a few pounds eases the load"
    assert "cancer" not in load_warning_patterns().flags_in(question)


def test_ask_shows_the_cancer_banner_for_back_pain_and_weight_loss_only(index: AskIndex) -> None:
    worry = ask(index, "I have lower back pain with weight loss, is that serious?")
    assert worry.warning is not None
    assert worry.warning.id == "cancer"
    remedy = ask(index, "will losing weight help my back?")
    assert remedy.warning is None
    assert remedy.results[0].id == "healthy-weight"
