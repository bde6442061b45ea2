"""Classes of ranking miss found on the real questions, each fixed as a class and checked here on
questions written for the tests: routine warning signs named by a condition, falls onto the back,
"how long can I wait before seeing a doctor?", "labour" as work or childbirth, a child's own back
pain, American spellings and slips."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from backcare.search import AskIndex, ask
from backcare.search.english import american_spellings
from backcare.search.index import _kept_in_top
from backcare.search.intents import Intents, load_intents
from backcare.search.warnings import load_warning_patterns


@pytest.mark.parametrize(
    "question",
    [
        "What exercise suits someone with ankylosing spondylitis?",
        "Will ankylosing spondylitis get worse as I age?",
    ],
)
def test_a_routine_warning_sign_named_by_its_condition_is_listed_but_not_first(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    ids = [hit.id for hit in result.results]
    assert result.results[0].warning_sign is False
    assert "red-flag-inflammatory-back-pain" in ids
    assert result.warning is not None
    assert result.warning.id == "inflammatory_back_pain"


def test_a_fall_onto_the_back_is_a_described_warning_sign(index: AskIndex) -> None:
    result = ask(index, "I slipped on ice and landed hard on my tailbone. What now?")
    assert result.warning is not None
    assert result.warning.id == "major_trauma"
    assert "red-flag-major-trauma" in [hit.id for hit in result.results]


def test_how_long_to_wait_before_a_doctor_is_the_natural_course(index: AskIndex) -> None:
    result = ask(index, "How long can I wait before I see my GP about back pain?")
    assert result.results[0].id == "red-flag-chronic-pain"


def test_a_question_naming_a_cause_gets_those_causes_before_other_causes(index: AskIndex) -> None:
    result = ask(index, "Tell me why sitting is the leading cause of back pain")
    causes = [hit.id for hit in result.results[:3] if hit.kind == "cause"]
    assert sorted(causes) == ["cause-poor-posture", "cause-prolonged-sitting"]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Does weight gain cause back pain?", "healthy-weight"),
        ("What causes back pain while breastfeeding?", "breastfeeding-posture"),
        ("Does sitting cross-legged cause back pain?", "avoid-crossing-legs"),
        ("Can a weak pelvic floor cause back pain?", "pelvic-floor-training"),
    ],
)
def test_a_cause_question_naming_an_entry_of_another_kind_gets_that_entry_first(
    index: AskIndex, question: str, entry: str
) -> None:
    assert ask(index, question).results[0].id == entry


def test_a_cause_question_does_not_name_a_conflict_by_a_word_of_its_name(index: AskIndex) -> None:
    # "problems" is in the name of the conflict about kidney problems and back pain.
    top = [hit.id for hit in ask(index, "Can prostate problems cause lower back pain?").results]
    assert "cause-urogenital-disease" in top[:5]


def test_legs_eased_by_leaning_forward_describe_the_stenosis_warning_sign(index: AskIndex) -> None:
    result = ask(index, "My legs go heavy in the shops and only ease when I lean over the trolley")
    assert result.warning is not None
    assert result.warning.id == "spinal_stenosis"
    assert "red-flag-spinal-stenosis" in [hit.id for hit in result.results]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Can I keep deadlifting at the gym with a sore back?", "safe-lifting"),
        ("I lifted a box and think a muscle is strained, what is going on?", "cause-lumbar-strain"),
    ],
)
def test_gym_and_strain_words_reach_their_entries(
    index: AskIndex, question: str, entry: str
) -> None:
    assert entry in [hit.id for hit in ask(index, question).results[:3]]


@pytest.mark.parametrize(
    "question",
    [
        "Is it OK to keep going to the gym while my back is sore?",
        "Should I still work out with lower back pain?",
        "I tweaked my back lifting a box yesterday, what should I do?",
        "Threw my back out this morning - any advice?",
    ],
)
def test_exercising_through_new_pain_reaches_the_acute_phase_rule(
    index: AskIndex, question: str
) -> None:
    """Issue 20, intent: "should I exercise / keep training?" and pain that has just started are
    answered by the acute-phase rule (no new exercise until severe pain settles)."""
    ids = [hit.id for hit in ask(index, question).results]
    assert "for-acute-phase" in ids[:3]


def test_how_long_a_pulled_muscle_lasts_is_the_natural_course_not_the_acute_rule(
    index: AskIndex,
) -> None:
    ids = [hit.id for hit in ask(index, "How long does a pulled back muscle take to heal?").results]
    assert ids[0] != "for-acute-phase"
    assert "red-flag-chronic-pain" in ids[:3]


@pytest.mark.parametrize(
    "question",
    [
        "I do manual labor on a building site all day and my back aches every evening",
        "Working full-time as skilled labour, how do I stop my back hurting?",
    ],
)
def test_labour_beside_job_words_is_work_not_childbirth(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert "for-manual-worker" in ids
    assert not {"preterm-labour", "red-flag-preterm-labour"} & set(ids)


def test_labour_beside_pregnancy_words_is_childbirth(index: AskIndex) -> None:
    ids = [
        hit.id
        for hit in ask(index, "I'm 36 weeks pregnant, is this back pain labor starting?").results
    ]
    assert {"preterm-labour", "red-flag-preterm-labour"} & set(ids[:2])


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("skilled labor at my job", "skilled manual work at my job"),
        ("is it labour at 38 weeks?", "is it labour at 38 weeks?"),
        ("labor at work while pregnant", "labor at work while pregnant"),
        ("is this labor?", "is this labor?"),
    ],
)
def test_an_ambiguous_word_is_read_only_when_its_context_names_one_meaning(
    index: AskIndex, question: str, read: str
) -> None:
    assert index.vocabulary.disambiguate(question) == read


@given(st.text(alphabet=st.sampled_from(list("abcdeilmnoprstuw ,.?'0123456789")), max_size=120))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_reading_an_ambiguous_word_never_hides_a_warning_sign(index: AskIndex, text: str) -> None:
    """Warning signs are read from the question as typed: whatever the context makes of
    "labour", a question that describes preterm labour keeps its warning."""
    for question in (
        f"{text} labour",
        f"waters breaking at 34 weeks, {text} labor at work",
        f"{text} slipped and landed on my tailbone",
    ):
        flags = index.analyse(question).flags
        assert flags == frozenset(load_warning_patterns().flags_in(question))
    assert "preterm_labour" in index.analyse(f"my waters broke, {text} skilled labor job").flags


def test_a_childs_own_back_pain_reaches_the_young_persons_warning_sign(index: AskIndex) -> None:
    result = ask(index, "My daughter keeps complaining that her back hurts after school")
    assert result.results[0].id == "red-flag-child"


def test_carrying_a_toddler_is_not_a_childs_back_pain(index: AskIndex) -> None:
    result = ask(index, "How should I carry my toddler without hurting my back?")
    assert result.results[0].warning_sign is False


def test_american_forms_of_the_contents_british_words_are_generated() -> None:
    english = {"labor", "center", "for", "shes", "estrogen", "stabilizing", "yor"}
    words = {"labour", "centre", "four", "shoes", "oestrogen", "stabilising", "your", "colour"}
    assert american_spellings(words, english) == {
        "labor": "labour",
        "center": "centre",
        "estrogen": "oestrogen",
        "stabilizing": "stabilising",
    }


@pytest.mark.parametrize(
    ("american", "word"),
    [("stabilizing", "stabilising"), ("neighbor", "neighbour")],
)
def test_an_american_spelling_also_searches_for_the_contents_british_word(
    index: AskIndex, american: str, word: str
) -> None:
    question = f"What are {american} exercises for my back?"
    british = question.replace(american, word)
    assert word in index.analyse(question).words
    assert ask(index, question).results[0].id == ask(index, british).results[0].id


def test_a_slip_one_letter_from_a_content_word_also_searches_for_it(index: AskIndex) -> None:
    assert "stretching" in index.analyse("morning strectching for stiff backs").words
    assert "stretching" not in index.analyse("morning yoga for stiff backs").words


@pytest.mark.parametrize(
    ("question", "pregnant"),
    [
        ("24 weeks and my lower back aches when I sleep", True),
        ("I am 33 weeks, is it OK to sleep on my back?", True),
        ("I'm 30 wks and 3 days, how should I sit at work?", True),
        ("My back has ached for 3 weeks, how should I sleep?", False),
        ("I hurt my back 2 weeks ago, how should I sleep?", False),
    ],
)
def test_a_stage_of_pregnancy_in_weeks_names_the_pregnancy_group(
    index: AskIndex, question: str, pregnant: bool
) -> None:
    assert ("pregnancy" in index.analyse(question).groups) is pregnant


@pytest.mark.parametrize(
    "question",
    [
        "How long does it take for disc exercises to work?",
        "How long do stretches take to help lower back pain?",
    ],
)
def test_how_long_an_exercise_takes_to_work_is_not_the_natural_course(
    index: AskIndex, question: str
) -> None:
    """The natural-course warning sign answers "how long will it last?", not a question about
    an exercise: no warning sign first, and the question stays covered."""
    result = ask(index, question)
    assert result.results[0].warning_sign is False
    assert result.covered is True


def test_a_sleep_question_that_mentions_pain_at_night_gets_sleep_advice_first(
    index: AskIndex,
) -> None:
    """The night-pain sign is described (banner, listed) but not named by a question about
    sleeping positions; a question about the night pain itself still gets it first."""
    result = ask(index, "Best sleeping position for lower back pain at night?")
    ids = [hit.id for hit in result.results]
    assert result.results[0].warning_sign is False
    assert "red-flag-night-pain" in ids
    assert result.warning is not None
    assert result.warning.id == "night_pain"
    assert ask(index, "Why is my back pain worse at night?").results[0].id == "red-flag-night-pain"


@pytest.mark.parametrize(
    "question",
    [
        "What stretches are good when you have a herniated disc?",
        "How should I sit with sciatica?",
        "Tips for sleeping with a slipped disc",
        "Is walking a good exercise with osteoporosis?",
    ],
)
def test_a_question_asking_what_to_do_about_a_condition_gets_an_action_first(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.results[0].kind != "cause"
    assert "cause" in [hit.kind for hit in result.results]


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Does walking help sciatica?", "walking"),
        ("Is swimming good for a herniated disc?", "swimming"),
        ("Is Pilates good for spinal stenosis?", "pilates"),
    ],
)
def test_whether_something_helps_a_named_condition_is_answered_before_the_condition_is_explained(
    index: AskIndex, question: str, thing: str
) -> None:
    ranked = ask(index, question).results
    assert ranked[0].kind != "cause"
    assert thing in [hit.id for hit in ranked[:3]]


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("can I go swimming with sciatica?", "swimming"),
        ("Is it ok to go swimming with a herniated disc?", "swimming"),
        ("can I do planks with sciatica?", "plank"),
        ("Should I do pilates while pregnant?", "pilates"),
    ],
)
def test_whether_one_may_do_something_with_a_condition_is_answered_before_it_is_explained(
    index: AskIndex, question: str, thing: str
) -> None:
    """Asking leave ("can I…with…", "is it ok to…") asks what to do: the condition's cause
    entry, which explains it, is not the first answer."""
    ranked = ask(index, question).results
    assert ranked[0].kind != "cause"
    assert thing in [hit.id for hit in ranked[:3]]


def test_asking_whether_a_habit_can_bring_back_pain_on_still_gets_causes(index: AskIndex) -> None:
    ranked = ask(index, "can I get sciatica from sitting too long?").results
    assert "cause-prolonged-sitting" in [hit.id for hit in ranked[:3]]


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("What causes a herniated disc?", "cause-disc-herniation"),
        ("What is a slipped disc?", "cause-disc-herniation"),
        ("Is ankylosing spondylitis hereditary?", "cause-ankylosing-spondylitis"),
    ],
)
def test_a_question_about_the_condition_itself_still_gets_its_explanation_first(
    index: AskIndex, question: str, condition: str
) -> None:
    assert ask(index, question).results[0].id == condition


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # The SI joints are in the very low back: "joint" must not find other joints.
        (
            "Best way to sit at a desk with sacroiliac joint pain",
            {"sitting-posture", "computer-posture"},
        ),
        # A laptop is a portable computer: the office and computer entries answer.
        ("My back aches after a day on my laptop", {"for-office-worker", "computer-posture"}),
    ],
)
def test_a_lower_back_place_or_a_kind_of_computer_reaches_the_entries_about_it(
    index: AskIndex, question: str, entries: set[str]
) -> None:
    assert entries & {hit.id for hit in ask(index, question).results[:3]}


def test_a_period_as_menstruation_reaches_the_warm_compress_for_it(index: AskIndex) -> None:
    """The hot towel compress's source calls it "especially suitable for lower back pain during
    menstruation"; "a period of rest" is not menstruation."""
    found = [hit.id for hit in ask(index, "what helps my lower back during my period?").results]
    assert "hot-towel-compress" in found[:3]
    assert "menstruation" not in index.analyse("should I take a period of rest?").concepts


@pytest.mark.parametrize(
    "question",
    ["Any advice for a hairdresser with a sore back?", "My back aches after shifts in retail"],
)
def test_a_standing_job_the_content_names_reaches_the_standing_workers_advice(
    index: AskIndex, question: str
) -> None:
    assert "for-standing-worker" in [hit.id for hit in ask(index, question).results[:3]]


def test_over_the_counter_medicine_is_not_standing_at_a_counter(index: AskIndex) -> None:
    assert index.analyse("is over the counter medicine ok for my back?").groups == frozenset()


def test_an_entry_is_named_without_the_aside_in_brackets_of_its_name(index: AskIndex) -> None:
    """ "Pilates (core control training)" is named by "pilates"; "Ice pack (cold compress)" by
    "ice pack"."""
    named = index.analyse("should I use an ice pack or do pilates?").named
    entries = list(index.kb)
    assert {"pilates", "ice-pack"} <= {entries[row].id for row in named}


def test_an_entry_not_for_a_group_only_late_in_pregnancy_is_listed_not_first(
    index: AskIndex,
) -> None:
    """Pilates is not for pregnancy from week 28 only: a question about Pilates in pregnancy lists
    it near the top (its own rule answers), but does not put it first."""
    ids = [hit.id for hit in ask(index, "can I keep doing pilates now that I'm pregnant?").results]
    assert "pilates" in ids[1:3]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How do I feed my baby without hurting my back?", "breastfeeding-posture"),
        ("Is bottle feeding bad for my back?", "breastfeeding-posture"),
        ("I always stand on one leg, is that bad for my back?", "standing-posture"),
        ("my back went into spasm yesterday, what do I do", "back-muscle-tightness"),
        ("my lower back aches after ironing for an hour", "for-standing-worker"),
    ],
)
def test_everyday_words_for_feeding_standing_lopsided_spasms_and_chores_reach_their_entry(
    index: AskIndex, question: str, entry: str
) -> None:
    """Feeding a baby in any words, standing lopsided, a spasm, and standing chores: vocabulary
    tied to the content's own feeding, standing and muscle-spasm entries."""
    result = ask(index, question)
    assert result.covered is True
    assert result.results[0].id == entry


@pytest.mark.parametrize(
    "question",
    [
        "How do I hold a baby without straining my back?",
        "Bathing the baby makes my back ache, any tips?",
        "Back pain after holding a baby for hours",
    ],
)
def test_an_everyday_word_of_an_exercises_name_alone_does_not_bring_the_exercise_up(
    index: AskIndex, question: str
) -> None:
    """The baby in the question is the person's, not the *happy baby* pose: an everyday word of
    a name counts as naming the exercise only with the whole name or an exercise asked for."""
    assert "happy-baby" not in [hit.id for hit in ask(index, question).results[:3]]


@pytest.mark.parametrize(
    "question",
    ["Is happy baby good for my lower back?", "Which happy baby stretch helps a sore back?"],
)
def test_an_exercise_named_whole_still_comes_first(index: AskIndex, question: str) -> None:
    assert ask(index, question).results[0].id == "happy-baby"


@pytest.mark.parametrize(
    "question",
    ["Hot or cold for a herniated disc?", "Should I keep my slipped disc warm or cold?"],
)
def test_a_heat_or_cold_question_about_a_condition_keeps_a_heat_or_ice_entry_in_the_top_five(
    index: AskIndex, question: str
) -> None:
    assert "thermotherapy" in [hit.kind for hit in ask(index, question).results[:5]]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_treatment_word_always_keeps_an_entry_of_that_treatment_in_the_top_five(
    index: AskIndex, data: st.DataObject
) -> None:
    """Whatever the condition or group a heat or cold question names, one heat or ice entry is in
    the first five."""
    named = data.draw(
        st.sampled_from([e.name for e in index.kb if e.kind in {"cause", "population"}])
    )
    word = data.draw(st.sampled_from(["heat", "ice", "a hot compress", "something cold"]))
    question = f"Should I use {word} for {named.lower()}?"
    assert "thermotherapy" in [hit.kind for hit in ask(index, question).results[:5]]


@pytest.mark.parametrize(
    "question",
    [
        "Which signs of back pain mean I should see a doctor?",
        "What symptoms should make me call my GP about my back?",
    ],
)
def test_which_symptoms_call_for_a_doctor_is_answered_by_the_warning_signs(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].warning_sign


def test_back_pain_in_children_named_first_is_the_young_persons_warning_sign(
    index: AskIndex,
) -> None:
    result = ask(index, "Back pain in children: when should my kid see the GP?")
    assert result.results[0].id == "red-flag-child"


_PLAIN_KINDS = {"exercise", "habit", "posture", "thermotherapy", "acupressure", "method"}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_question_with_no_warning_sign_words_never_gets_a_warning_sign_first(
    index: AskIndex, data: st.DataObject
) -> None:
    """A plain question about something to do, in words that describe no warning sign and ask
    for no doctor, is never answered first by a warning sign."""
    names = sorted({e.name for e in index.kb if e.kind in _PLAIN_KINDS})
    name = data.draw(st.sampled_from(names)).lower()
    template = data.draw(
        st.sampled_from(
            [
                "Is {} good for my back?",
                "How often should I do {}?",
                "Can {} ease a stiff lower back?",
                "My back aches after work, would {} help?",
            ]
        )
    )
    question = template.format(name)
    assume(not index.analyse(question).flags and not index.analyse(question).intended)
    assert not ask(index, question).results[0].warning_sign


@pytest.mark.parametrize(
    "question",
    ["Tell me about degenerative disc disease", "My discs are degenerating, what does that mean?"],
)
def test_a_degenerating_disc_is_wear_with_age_not_a_slipped_disc(
    index: AskIndex, question: str
) -> None:
    first = ask(index, question).results[0].id
    assert first in {"cause-lumbar-degeneration", "degenerative-spine-older-women"}


def test_whether_something_helps_is_answered_by_its_own_entry_before_a_conflict_about_it(
    index: AskIndex,
) -> None:
    ids = [hit.id for hit in ask(index, "Will massage help my back ache?").results]
    assert ids[0] in {"self-massage", "professional-massage", "massage-therapy"}
    assert "conflict-lower-back-self-massage" in ids


def test_a_how_question_is_not_a_yes_or_no_question_about_benefit(index: AskIndex) -> None:
    assert not index.analyse("How can exercise help prevent back pain?").asks_benefit
    assert index.analyse("Does massage help lower back pain?").asks_benefit


@pytest.mark.parametrize(
    "question",
    [
        "Is a belly binder a good idea after having a baby?",
        "Do postpartum wraps help my back after birth?",
    ],
)
def test_a_belly_wrap_after_birth_is_the_contents_girdle(index: AskIndex, question: str) -> None:
    assert "postpartum-girdle" in [hit.id for hit in ask(index, question).results[:2]]


@pytest.mark.parametrize(
    "question",
    [
        "When can I go running again after a back injury?",
        "How soon can I work out after a back strain?",
    ],
)
def test_going_back_to_exercise_after_a_back_injury_reaches_the_acute_phase_rule(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id == "for-acute-phase"


@pytest.mark.parametrize(
    "question",
    ["Can kidney disease cause pain in my lower back?", "Could my kidneys be why my back hurts?"],
)
def test_a_kidney_problem_as_medicine_means_it_is_not_tcm_kidney_deficiency(
    index: AskIndex, question: str
) -> None:
    first = ask(index, question).results[0].id
    assert first in {"cause-urogenital-disease", "conflict-back-pain-and-kidneys"}


@pytest.mark.parametrize(
    "question",
    [
        "What is kidney deficiency in Chinese medicine?",
        "Does kidney yang deficiency cause lumbago?",
    ],
)
def test_tcm_kidney_deficiency_asked_by_name_still_reaches_it(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id == "kidney-deficiency"


@pytest.mark.parametrize(
    ("question", "group", "entry"),
    [
        ("Is back pain different in women?", "women", "for-women"),
        ("What makes a man's lower back ache?", "men", "for-men"),
    ],
)
def test_men_and_women_named_in_a_question_are_the_groups_with_advice_sets(
    index: AskIndex, question: str, group: str, entry: str
) -> None:
    assert group in index.analyse(question).groups
    assert ask(index, question).results[0].id == entry


def test_menstrual_is_not_men(index: AskIndex) -> None:
    assert not index.analyse("Back pain with menstrual cramps").groups


@pytest.mark.parametrize(
    "question",
    [
        "Should I stretch or rest when my lower back hurts?",
        "Is it better to keep stretching or to rest my back?",
    ],
)
def test_stretch_or_walk_against_rest_reaches_the_acute_phase_rule(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id == "for-acute-phase"


@pytest.mark.parametrize(
    "question",
    [
        "My back started aching on Monday; how long is it going to last?",
        "Any idea how long back pain usually lasts?",
        "When does back pain become chronic?",
    ],
)
def test_how_long_the_pain_at_hand_will_last_reaches_the_natural_course(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.covered is True
    assert result.results[0].id == "red-flag-chronic-pain"


@pytest.mark.parametrize(
    "question",
    ["How can I tell whether my back pain is serious?", "How do I know if it is serious?"],
)
def test_how_to_tell_whether_back_pain_is_serious_reaches_the_warning_signs(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.covered is True
    assert result.results[0].warning_sign is True
    assert "red-flag-cauda-equina" in [hit.id for hit in result.results]


@pytest.mark.parametrize(
    "question",
    [
        "My lower back hurts and I can\u2019t pee, what is happening?",
        "Back pain and difficulty peeing since yesterday",
        "I'm unable to pass urine and my back aches",
    ],
)
def test_not_being_able_to_pee_with_back_pain_is_the_cauda_equina_warning(
    index: AskIndex, question: str
) -> None:
    """A typographic apostrophe ("can\u2019t") is read as a plain one. The banner shows the sign,
    and its entry is among the results."""
    result = ask(index, question)
    assert result.warning is not None
    assert result.warning.id == "cauda_equina"
    assert "red-flag-cauda-equina" in [hit.id for hit in result.results]


def test_what_it_means_to_have_back_pain_and_not_be_able_to_pee_gets_the_warning_first(
    index: AskIndex,
) -> None:
    result = ask(index, "What could it mean if my back hurts and I can\u2019t pee?")
    assert result.results[0].id == "red-flag-cauda-equina"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How long should I walk each day for my lower back?", "walking"),
        ("How far should you walk when your back aches?", "walking"),
        ("How often should I swim to help my back?", "swimming"),
    ],
)
def test_how_long_or_how_often_to_do_an_exercise_reaches_that_exercise(
    index: AskIndex, question: str, entry: str
) -> None:
    """A dose question names the exercise by an everyday word ("walk"): its entry, which gives
    the dose, is first, not the posture advice for walking."""
    assert ask(index, question).results[0].id == entry


@pytest.mark.parametrize(
    "question",
    [
        "When should you worry about your back pain?",
        "when should I be worried about lower back pain",
        "What are the red flags for back pain?",
        "Should you worry about back pain?",
    ],
)
def test_when_to_worry_is_answered_by_the_warning_signs(index: AskIndex, question: str) -> None:
    result = ask(index, question)
    assert result.covered is True
    assert all(hit.warning_sign for hit in result.results[:3])


def test_a_question_only_about_a_pressing_warning_sign_gets_it_first(index: AskIndex) -> None:
    """ "Why am I having chest and back pain?" asks about the sign itself: the heart warning
    answers it (and shows as the banner), covered."""
    result = ask(index, "Why am I having chest and back pain?")
    assert result.warning is not None
    assert result.warning.entry == "red-flag-cardiac"
    assert result.results[0].id == "red-flag-cardiac"
    assert result.covered is True


def test_a_question_about_a_group_keeps_its_own_answer_before_the_sign(index: AskIndex) -> None:
    ranked = ask(index, "Why do office workers get pain between the shoulder blades?").results
    assert not ranked[0].warning_sign


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        ("my lower back hurts when i sit", {"sitting-posture", "cause-prolonged-sitting"}),
        ("Why does my back ache after sitting for an hour?", {"sitting-posture"}),
        ("back pain while sitting at work", {"sitting-posture", "cause-prolonged-sitting"}),
        ("Why is my lower back sore when standing?", {"standing-posture"}),
        (
            "back hurts after standing at the stove",
            {"standing-posture", "strain-from-standing-work"},
        ),
        ("why does my back hurt while lying on my back", {"sleep-pillow-and-bedding"}),
    ],
)
def test_the_back_hurting_in_a_position_gets_that_positions_advice_first(
    index: AskIndex, question: str, entries: set[str]
) -> None:
    """The pain word only says that it hurts; the position says what the question is about."""
    result = ask(index, question)
    assert result.covered
    assert result.results[0].id in entries


def test_a_way_of_sitting_with_its_own_entry_keeps_that_entry(index: AskIndex) -> None:
    result = ask(index, "Why does my back hurt when I sit cross-legged?")
    assert result.results[0].id == "avoid-crossing-legs"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(["back", "lower back", "low back"]),
    st.sampled_from(["hurts", "aches", "is sore", "pain"]),
    st.sampled_from(["when i sit", "while sitting", "after sitting", "when sitting down"]),
)
def test_any_wording_of_back_pain_when_sitting_reaches_the_sitting_advice(
    index: AskIndex, place: str, pain: str, when: str
) -> None:
    ids = [hit.id for hit in ask(index, f"my {place} {pain} {when}").results]
    assert {"sitting-posture", "cause-prolonged-sitting"} & set(ids[:2])


@pytest.mark.parametrize(
    "question",
    [
        "Can having a baby cause lower back pain?",
        "back pain since having twins",
        "Could childbirth cause my back pain?",
    ],
)
def test_having_a_baby_as_the_cause_or_start_of_the_pain_is_after_birth(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] in {"for-postpartum", "pregnancy-strain-after-birth", "postpartum-inactivity"}


def test_having_a_baby_soon_is_still_pregnancy(index: AskIndex) -> None:
    assert "postpartum" not in index.analyse("I'm having a baby in May and my back aches").groups


@pytest.mark.parametrize(
    "question",
    [
        "How many times a day should I do my back exercises?",
        "how often should we be doing these exercises",
        "How often should I exercise to help my lower back?",
    ],
)
def test_how_often_to_do_ones_exercises_reaches_the_entries_that_weigh_doses(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"conflict-flying-swallow-dose", "conflict-bridge-hold"} <= set(ids[:3])


def test_how_often_to_do_a_named_exercise_is_still_that_exercises(index: AskIndex) -> None:
    assert ask(index, "How often should I do the bridge exercise?").results[0].id == "bridge"


@pytest.mark.parametrize(
    "question",
    ["Can I still go to work with a sore back?", "Is going to work with back pain a bad idea?"],
)
def test_whether_to_go_to_work_while_it_hurts_reaches_the_acute_phase_rule(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.covered
    assert "for-acute-phase" in [hit.id for hit in result.results[:3]]


def test_time_off_work_is_still_not_covered(index: AskIndex) -> None:
    assert not ask(index, "Should I take time off work with back pain?").covered


@pytest.mark.parametrize(
    "question",
    [
        "What causes tingling down my leg with lower back pain?",
        "Last week I was gardening all afternoon, then sat on the sofa to watch a film with my"
        " husband, and when I stood up my right leg went numb for a while. My back has ached"
        " on and off for years. What could that be?",
    ],
)
def test_numbness_or_tingling_in_one_leg_reaches_the_disc_entries(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-disc-herniation", "for-disc-herniation"} & set(ids[:3])


def test_numbness_between_the_legs_still_raises_the_cauda_equina_banner(index: AskIndex) -> None:
    result = ask(index, "numbness between my legs and tingling down my leg")
    assert result.warning is not None
    assert result.warning.id == "cauda_equina"


@pytest.mark.parametrize(
    "question", ["Can yoga hurt my lower back?", "Could sleeping on the floor hurt my back?"]
)
def test_whether_something_could_hurt_the_back_is_not_an_injury_at_hand(
    index: AskIndex, question: str
) -> None:
    assert "for-acute-phase" not in index.analyse(question).intended


def test_having_hurt_the_back_is_still_the_acute_phase(index: AskIndex) -> None:
    assert "for-acute-phase" in index.analyse("What can I do? I hurt my back lifting").intended


@pytest.mark.parametrize(
    "question",
    [
        "Why is my lower back stiff every morning?",
        "What causes morning back pain that eases once I get moving?",
    ],
)
def test_the_back_hurting_every_morning_reaches_the_causes_worst_on_getting_up(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-bone-hyperplasia", "cause-ankylosing-spondylitis"} & set(ids[:2])


def test_this_morning_is_pain_that_has_just_begun_not_a_morning_pattern(index: AskIndex) -> None:
    intended = index.analyse("I hurt my back this morning, what should I do?").intended
    assert "cause-bone-hyperplasia" not in intended


@pytest.mark.parametrize(
    "question",
    [
        "My legs ache whenever I walk to the shops. Is it my back?",
        "Why do my lower back and legs feel heavy every time I walk?",
    ],
)
def test_the_legs_hurting_on_walking_reach_spinal_stenosis(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-spinal-stenosis", "for-spinal-stenosis", "red-flag-spinal-stenosis"} & set(
        ids[:3]
    )


@pytest.mark.parametrize(
    "question",
    [
        "My grandmother fell in the kitchen yesterday and now her back hurts. What should we do?",
        "My elderly father slipped on the stairs and complains of back pain.",
    ],
)
def test_an_older_persons_fall_reaches_the_fracture_sign_and_older_adult_advice(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert "red-flag-fracture" in ids[:3]
    assert "for-older-adult" in ids[:5]


@pytest.mark.parametrize(
    "question",
    [
        "I lifted a heavy box of books yesterday and my lower back has hurt ever since.",
        "Since carrying a heavy can of water up the hill my back is killing me. What do I do?",
    ],
)
def test_pain_since_lifting_something_heavy_is_a_lumbar_strain(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-lumbar-strain", "for-lumbar-strain"} & set(ids[:2])
    assert "drink-water" not in ids[:3]


def test_water_to_drink_still_reaches_drinking_water(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "How much water should I drink for back pain?").results]
    assert ids[0] == "drink-water"


@pytest.mark.parametrize(
    "question",
    [
        "Is it safe to do yoga while pregnant?",
        "Is it okay to get a back massage when I'm pregnant?",
    ],
)
def test_whether_a_thing_is_safe_in_pregnancy_puts_that_thing_before_the_overview(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id != "for-pregnancy"


@given(
    st.sampled_from(["yoga", "pilates", "a massage", "walking", "swimming"]),
    st.sampled_from(["while pregnant", "when I'm pregnant", "during my pregnancy"]),
)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_no_safe_in_pregnancy_question_leads_with_the_overview(
    index: AskIndex, thing: str, state: str
) -> None:
    result = ask(index, f"Is it safe to do {thing} {state}?")
    assert result.results
    assert result.results[0].id != "for-pregnancy"


@pytest.mark.parametrize(
    "question",
    ["How much is a physio session for back pain?", "Can I see an osteopath without insurance?"],
)
def test_the_price_of_a_visit_is_not_covered(index: AskIndex, question: str) -> None:
    assert ask(index, question).covered is False


@pytest.mark.parametrize(
    "question",
    [
        "How is sciatica treated during pregnancy?",
        "Does sciatica in pregnancy go away?",
    ],
)
def test_sciatica_in_pregnancy_reaches_the_pregnancy_entries_first(
    index: AskIndex, question: str
) -> None:
    first = ask(index, question).results[0].id
    assert first in {"for-pregnancy", "pregnancy-side-sleeping", "pillow-between-knees"}


def test_tai_chi_typed_with_an_apostrophe_is_named(index: AskIndex) -> None:
    question = "Can t'ai chi ease chronic back pain in older people?"
    assert ask(index, question).results[0].id == "tai-chi"


@pytest.mark.parametrize(
    "question", ["Would a massage help my sore back?", "Is massage good for back ache?"]
)
def test_whether_massage_helps_leads_with_massage_from_someone_trained(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id in {"professional-massage", "massage-therapy"}


def test_whether_massaging_oneself_helps_still_reaches_self_massage(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "How do I massage my own lower back?").results]
    assert "self-massage" in ids[:2]


@pytest.mark.parametrize(
    "question",
    ["Should I see a GP about my backache?", "My lower back aches. Should I see a doctor?"],
)
def test_whether_to_see_a_doctor_at_all_reaches_when_the_natural_course_says_to(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id == "red-flag-chronic-pain"


def test_a_doctor_or_someone_else_is_still_a_choice_between_them(index: AskIndex) -> None:
    assert (
        "red-flag-chronic-pain" not in index.analyse("Should I see a doctor or a physio?").intended
    )


def test_too_little_sex_as_a_cause_reaches_back_ache_linked_to_sexual_habits(
    index: AskIndex,
) -> None:
    question = (
        "I've had back pain for months and a friend says it comes from a lack of sex. Is that"
        " right, and how often should one have sex to keep it away?"
    )
    assert ask(index, question).results[0].id == "sex-related-back-pain"


def test_the_firmness_of_a_bed_is_the_firm_bedding_the_content_advises(index: AskIndex) -> None:
    result = ask(index, "Which bed firmness suits a sore lower back?")
    assert result.covered is True
    assert "sleep-pillow-and-bedding" in [hit.id for hit in result.results[:3]]


def test_worry_about_back_pain_in_pregnancy_keeps_the_pregnancy_advice_first(
    index: AskIndex,
) -> None:
    ranked = ask(index, "should I be worried about my back pain in pregnancy").results
    assert ranked[0].id == "for-pregnancy"


@pytest.mark.parametrize(
    "question",
    [
        "How do I lift my toddler without hurting my back?",
        "How should I carry my infant without back strain?",
        "Tips for carrying a toddler with a bad back",
    ],
)
def test_a_concept_named_only_in_a_word_the_content_never_uses_counts_in_full(
    index: AskIndex, question: str
) -> None:
    # "toddler" and "infant" are the vocabulary's baby, a word the content never uses: its
    # variants ("baby") stand in for the word typed, so the baby-care advice is in the top five.
    assert "baby-care-posture" in [hit.id for hit in ask(index, question).results]


def test_a_toddler_question_ranks_the_baby_advice_as_the_same_question_about_a_baby(
    index: AskIndex,
) -> None:
    def place(question: str) -> int:
        ids = [hit.id for hit in ask(index, question, top=20).results]
        return ids.index("baby-care-posture")

    said = "How do I pick up my {} without straining my back?"
    assert place(said.format("toddler")) == place(said.format("baby"))


@pytest.mark.parametrize(
    "question",
    [
        "My lower back went out 3 weeks ago. What should I do?",
        "My back gave out when I bent down to tie my shoes",
        "My back locked up while I was gardening, help!",
    ],
)
def test_a_back_that_went_out_or_locked_up_reaches_the_acute_phase(
    index: AskIndex, question: str
) -> None:
    # The everyday idioms for a back that has just given way are the acute phase, whatever
    # numbers or history the story adds ("3 weeks ago" would otherwise find the dose entries).
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] == "for-acute-phase"


def test_how_long_a_back_that_went_out_takes_is_still_the_natural_course(
    index: AskIndex,
) -> None:
    intended = index.analyse("How long does it take for a back that went out to heal?").intended
    assert "for-acute-phase" not in intended


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("i slipped at the store", "i had a fall at the store"),
        ("i slipped a disc lifting", "i slipped a disc lifting"),
        ("my disc slipped", "my disc slipped"),
        ("slipping on ice", "had a fall on ice"),
    ],
)
def test_slipped_is_a_fall_unless_a_disc_is_named(
    index: AskIndex, question: str, read: str
) -> None:
    assert index.vocabulary.disambiguate(question) == read


def test_slipping_at_the_store_is_not_a_slipped_disc(index: AskIndex) -> None:
    ids = [h.id for h in ask(index, "I slipped at the store and now my back hurts", top=10).results]
    assert not {"cause-disc-herniation", "for-disc-herniation"} & set(ids[:5])
    assert "cause-tcm-fall-injury-lumbago" in ids


@pytest.mark.parametrize(
    "question",
    [
        "My lower back is sore when I wake up in the morning. Is that serious?",
        "Stiff back every morning, any tips?",
    ],
)
def test_the_back_hurting_every_morning_also_reaches_the_morning_stretch(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert "morning-stretch" in ids
    assert {"cause-bone-hyperplasia", "cause-ankylosing-spondylitis"} & set(ids)


@pytest.mark.parametrize(
    "question",
    [
        "I stand 9 hours a day at the factory and my back aches",
        "Is standing for 10 hours a day bad for my back?",
    ],
)
def test_standing_for_hours_in_numbers_is_standing_work(index: AskIndex, question: str) -> None:
    # The numbers say how long the person stands, not a dose asked for: the standing advice
    # answers, not the entries whose doses hold "10 minutes" or "2 hours".
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] in {"for-standing-worker", "strain-from-standing-work", "standing-posture"}
    assert "ice-pack" not in ids[:3]


def test_hours_of_sitting_is_sitting_all_day(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "after hours of sitting my lower back is sore").results]
    assert ids[0] in {"for-office-worker", "cause-prolonged-sitting", "sitting-posture"}
    assert "ice-pack" not in ids[:3]


@given(
    st.integers(1, 24),
    st.integers(0, 6),
    st.sampled_from(["standing", "on my feet", "sitting"]),
    st.sampled_from(["hours", "hrs", "hour"]),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_number_of_hours_in_a_position_names_its_long_position(
    index: AskIndex, hours: int, more: int, position: str, unit: str
) -> None:
    said = f"{hours} to {hours + more}" if more else str(hours)
    concepts = index.analyse(f"my back hurts from {position} {said} {unit} a day").concepts
    assert ("office" if position == "sitting" else "standing_work") in concepts


@pytest.mark.parametrize(
    "question",
    [
        "When my back hurts at the gym I usually push through it. Is that wise?",
        "Should I keep working through the pain or take it easy?",
    ],
)
def test_pushing_or_working_through_the_pain_reaches_the_acute_phase_rule(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id == "for-acute-phase"


def test_pain_with_my_period_is_menstruation(index: AskIndex) -> None:
    assert "menstruation" in index.analyse("my lower back aches with my period").concepts
    assert "menstruation" not in index.analyse("pain with a period of rest").concepts


def test_pain_that_began_after_lifting_anything_reaches_the_lumbar_strain(index: AskIndex) -> None:
    question = "My lower back has had a sharp ache since lifting boxes at work on Monday"
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-lumbar-strain", "for-lumbar-strain"} & set(ids[:3])


@pytest.mark.parametrize(
    ("question", "actions", "explanation"),
    [
        (
            "What should you not do with a herniated disc?",
            "for-disc-herniation",
            "cause-disc-herniation",
        ),
        (
            "What should I do with ankylosing spondylitis?",
            "for-ankylosing-spondylitis",
            "cause-ankylosing-spondylitis",
        ),
    ],
)
def test_what_to_do_or_not_do_with_a_condition_gets_its_advice_before_its_explanation(
    index: AskIndex, question: str, actions: str, explanation: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] == actions
    assert index.analyse(question).asks_action
    assert ids.index(actions) < (ids.index(explanation) if explanation in ids else len(ids))


@given(
    st.sampled_from(["should", "can", "could", "do", "must"]),
    st.sampled_from(["i", "you", "we"]),
    st.booleans(),
    st.sampled_from(["with", "about", "for"]),
    st.text(alphabet="abdefghijklmnop ", max_size=40),
)
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_what_to_do_asks_for_an_action_whatever_follows(
    index: AskIndex, modal: str, who: str, negated: bool, about: str, rest: str
) -> None:
    # (The alphabet has no "c", "s", "u" or "w": no cause word such as "cause" or "why" can
    # come out of it, and a cause question is the one exception. A slip may still be read as
    # one, "blam" as "blame": such a question is a cause question, left out here.)
    said = f"what {modal} {who} {'not ' if negated else ''}do {about} {rest}"
    query = index.analyse(said)
    assume("cause" not in query.kinds)
    assert query.asks_action


STRAIN = {"for-lumbar-strain", "cause-lumbar-strain"}


@pytest.mark.parametrize(
    "story",
    [
        "Last weekend we had a barbecue and the kids played in the pool all afternoon while I "
        "spent the day moving furniture for my sister. On Monday my lower back started aching "
        "and it has not let up since. What should I do?",
        "The holidays are coming and we have booked a week in the mountains with the whole "
        "family. Two days ago I was digging out the old roses in the garden and now my lower "
        "back is sore when I bend over. Any suggestions?",
        "I coach the under-twelves on Sundays and the sun was blazing the whole match. I had "
        "been at the gym the day before doing heavy squats, and by the evening my low back "
        "hurt whenever I bent forward. Is this something to worry about?",
    ],
)
def test_a_story_of_back_pain_after_exertion_keeps_the_strain_in_the_first_five(
    index: AskIndex, story: str
) -> None:
    # The scene (a barbecue and a pool, the mountains, the sun) pulls other entries up; the
    # general answer to what the story tells, a strained lower back, stays among the five.
    assert STRAIN & {hit.id for hit in ask(index, story).results}


def test_a_story_naming_a_pregnancy_is_not_taken_for_a_strain(index: AskIndex) -> None:
    story = (
        "I'm 30 weeks pregnant and we spent the weekend moving house, carrying boxes up the "
        "stairs. Now my lower back aches all the time. What should I do?"
    )
    ids = [hit.id for hit in ask(index, story).results]
    assert ids[0] == "for-pregnancy"
    assert not STRAIN & set(ids)


def test_a_story_naming_a_line_of_work_gets_the_strain_and_that_work_s_advice(
    index: AskIndex,
) -> None:
    story = (
        "I drive a delivery van all day and on Friday I was lifting crates of water off the "
        "back of it when something twinged. My lower back has been sore ever since, worse "
        "after a long drive. What can I do about it?"
    )
    ids = [hit.id for hit in ask(index, story).results]
    assert STRAIN & set(ids)
    assert "for-driver" in ids


@given(
    st.sampled_from(
        [
            "The sun was out all week and we finally went to the beach with friends.",
            "My sister visited from abroad for a fortnight and we ate out every single night.",
            "Our holiday in Spain was lovely, the hotel was quiet and the food was wonderful.",
        ]
    ),
    st.sampled_from(
        [
            "helping a friend move house",
            "a long afternoon of weeding the garden",
            "deadlifting at the gym",
            "playing football with my nephews",
        ]
    ),
    st.sampled_from(["What should I do?", "Any suggestions?", "What could it be?"]),
)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_scene_before_exertion_and_back_pain_keeps_the_strain_in_the_first_five(
    index: AskIndex, scene: str, exertion: str, asked: str
) -> None:
    # (Long enough to be a story, ``STORY_WORDS``: a short question names what it asks about.)
    story = (
        f"{scene} We got home late on Sunday evening, tired but happy, and unpacked everything. "
        f"After {exertion} my lower back has been sore for three days. {asked}"
    )
    assert STRAIN & {hit.id for hit in ask(index, story).results}


def test_an_entry_kept_in_the_first_five_pushes_out_the_last_one_not_spared() -> None:
    scored = [(6.0 - row, row) for row in range(7)]
    kept = _kept_in_top(scored, lambda row: row == 6, lambda row: row == 4)
    assert [row for _, row in kept] == [0, 1, 2, 4, 6, 3, 5]
    assert [row for _, row in _kept_in_top(scored, lambda row: row == 6)] == [0, 1, 2, 3, 6, 4, 5]
    assert _kept_in_top(scored, lambda row: row == 6, lambda row: True) == scored


@pytest.mark.parametrize(
    "question",
    [
        "Does severe back pain mean something is seriously wrong?",
        "Does terrible lower back pain mean that something bad is going on?",
        "My pain is intense - does intense pain mean it's serious?",
    ],
)
def test_whether_severe_pain_means_something_serious_reaches_the_acute_phase(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"for-acute-phase", "red-flag-acute-phase"} & set(ids[:2])


@pytest.mark.parametrize("shout", ["SOS!", "Yikes!", "Aaargh!!", "Mayday, mayday!"])
def test_an_exclamation_before_the_question_is_not_its_topic(index: AskIndex, shout: str) -> None:
    # An exclamation says how the person feels; a rare word in it ("SOS") is no unknown topic.
    plain = ask(index, "Help for sciatic pain?")
    shouted = ask(index, f"{shout} Help for sciatic pain?")
    assert plain.covered
    assert shouted.covered


@pytest.mark.parametrize(
    "question",
    [
        "I work standing up at a packing line and my lower back aches by the evening. Tips?",
        "Mine is a standing job and my back hurts after every shift, what helps?",
    ],
)
def test_working_standing_up_is_standing_work(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"for-standing-worker", "strain-from-standing-work"} & set(ids[:2])


@pytest.mark.parametrize(
    "question",
    [
        "Could my prostate be behind my low back ache?",
        "Is there a link between prostatitis and backache?",
    ],
)
def test_the_prostate_and_back_pain_reach_the_sign_that_names_it_and_the_men_s_advice(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"red-flag-urinary-kidney", "for-men"} <= set(ids[:3])


@pytest.mark.parametrize(
    "question",
    [
        "Is tiger balm good for a sore lower back?",
        "Does dit da jow work on back pain?",
        "Is a liniment any use for backache?",
    ],
)
def test_a_liniment_named_as_sold_is_the_herbal_rub(index: AskIndex, question: str) -> None:
    result = ask(index, question)
    assert result.covered
    assert result.results[0].id == "herbal-rub"


@pytest.mark.parametrize(
    ("story", "history"),
    [
        (
            "My lower back has ached for two weeks since I started a new job in a busy warehouse "
            "office. The doctor gave me painkillers for it, which barely helped, and I have been "
            "sleeping badly most nights. Which exercises can I do at home in the evenings to "
            "ease it?",
            "pain-relief-medicines",
        ),
        (
            "I have had back pain on and off for a year now, mostly on the left side. I went to "
            "a chiropractor twice last spring and it made no difference at all. Now my lower "
            "back is stiff every single day at my desk. What stretches would help?",
            "chiropractor",
        ),
        (
            "I would rather not take any medication because of my sensitive stomach. My lower "
            "back has hurt for a month after a long flight home from a family wedding and I want "
            "something natural that works. Would gentle yoga help me?",
            "pain-relief-medicines",
        ),
    ],
)
def test_what_a_story_says_was_tried_or_is_refused_is_not_what_it_asks_about(
    index: AskIndex, story: str, history: str
) -> None:
    assert history not in [hit.id for hit in ask(index, story).results]


def test_a_treatment_asked_about_is_not_history_because_another_was_tried(
    index: AskIndex,
) -> None:
    story = (
        "My lower back has ached for two weeks since I started a new job in a busy warehouse "
        "office. I tried stretching every morning, which barely helped, and I have been sleeping "
        "badly most nights. Which painkillers can I take for it?"
    )
    assert ask(index, story).results[0].id == "pain-relief-medicines"


@pytest.mark.parametrize(
    "question",
    [
        "My lower back has been sore since squatting at the gym on Monday. Is that normal?",
        "Why does my back ache after bench pressing?",
        "Lower back pain from a weightlifting session yesterday, what now?",
    ],
)
def test_pain_after_a_workout_with_weights_is_a_lumbar_strain(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] in {"cause-lumbar-strain", "for-lumbar-strain"}


@pytest.mark.parametrize(
    "question",
    [
        "Is nighttime lower back pain a bad sign?",
        "What does night-time backache mean?",
        "My back aches at bedtime and nighttime, why?",
    ],
)
def test_a_time_of_day_written_as_one_word_is_the_night_the_content_speaks_of(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.covered
    assert "red-flag-night-pain" in [hit.id for hit in result.results[:3]]


@pytest.mark.parametrize(
    ("question", "worker"),
    [
        ("How to prevent back pain after a long day of standing?", "standing"),
        ("How to ease back pain after a day spent standing?", "standing"),
        ("Why does my back hurt after a long day of sitting?", "office"),
    ],
)
def test_a_day_or_a_shift_of_standing_or_sitting_is_standing_or_sitting_all_day(
    index: AskIndex, question: str, worker: str
) -> None:
    answers = {
        "standing": {"for-standing-worker", "strain-from-standing-work"},
        "office": {"for-office-worker", "cause-prolonged-sitting"},
    }[worker]
    assert answers & {hit.id for hit in ask(index, question).results[:3]}


@pytest.mark.parametrize(
    ("question", "plainly"),
    [
        (
            "My lower back has been bothering me for a few days. What should I do?",
            "My lower back has been hurting me for a few days. What should I do?",
        ),
        ("My back keeps playing up when I garden", "My back keeps hurting when I garden"),
        ("My back is killing me after the move", "My back is hurting after the move"),
        ("Why is my neck troubling me at night?", "Why is my neck hurting me at night?"),
    ],
)
def test_everyday_words_for_the_back_hurting_are_the_back_hurting(
    index: AskIndex, question: str, plainly: str
) -> None:
    said, meant = ask(index, question), ask(index, plainly)
    assert said.covered == meant.covered
    assert [hit.id for hit in said.results] == [hit.id for hit in meant.results]


def test_a_back_bothering_one_for_days_asks_what_to_do(index: AskIndex) -> None:
    result = ask(index, "My back has been bothering me for a few days, what should I do?")
    assert result.covered
    assert "for-acute-phase" in [hit.id for hit in result.results[:3]]


@pytest.mark.parametrize(
    "question",
    [
        "What kind of specialist should I go to for my back?",
        "Who should I see about sciatica, my GP or someone else?",
        "Which doctor treats a bad back?",
    ],
)
def test_which_kind_of_doctor_to_see_reaches_the_professionals_and_when_to_see_one(
    index: AskIndex, question: str
) -> None:
    top = [hit.id for hit in ask(index, question).results[:3]]
    assert {"chiropractor", "red-flag-chronic-pain"} <= set(top)


@pytest.mark.parametrize(
    "question",
    [
        "Could constipation be the reason my lower back aches?",
        "I have IBS and a sore back. Are they linked?",
        "Does indigestion cause back pain?",
    ],
)
def test_digestive_complaints_in_everyday_words_reach_the_digestive_cause(
    index: AskIndex, question: str
) -> None:
    top = [hit.id for hit in ask(index, question).results[:3]]
    assert "cause-digestive-disease" in top


@pytest.mark.parametrize(
    "question",
    [
        "What causes pain below my left shoulder blade?",
        "Sharp ache underneath my right shoulder blade, what is it?",
        "Why do I get pain behind the shoulder blade?",
    ],
)
def test_pain_below_one_shoulder_blade_is_the_upper_back_warning_sign_first(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.results[0].id == "red-flag-thoracic-pain"
    assert result.warning is not None
    assert result.warning.id == "thoracic_pain"


@pytest.mark.parametrize(
    "question",
    [
        "My back has hurt for weeks and I would rather not have an operation. What else is there?",
        "What are the alternatives to surgery for lower back pain?",
        "What non-surgical treatments help a bad back?",
    ],
)
def test_the_options_short_of_surgery_are_what_the_content_offers_instead(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.covered
    top = {hit.id for hit in result.results[:5]}
    assert {"for-acute-phase", "walking", "massage-therapy", "chiropractor"} <= top


@pytest.mark.parametrize(
    "question",
    [
        "How can I get rid of lower back pain?",
        "What can I do about my aching back?",
        "how to relieve back pain fast",
        "lower back pain",
    ],
)
def test_the_plain_question_about_back_pain_gets_the_general_answer(
    index: AskIndex, question: str
) -> None:
    """Every entry speaks of back pain, so the plain question has no word to rank by: it is
    answered by what to do now (the acute phase) and the everyday plan, and is covered."""
    result = ask(index, question)
    assert result.covered
    top = [hit.id for hit in result.results[:4]]
    assert {"for-acute-phase", "for-lumbar-strain"} <= set(top)


def test_a_plain_question_with_a_topic_keeps_its_topic(index: AskIndex) -> None:
    top = [hit.id for hit in ask(index, "how to relieve back pain during pregnancy").results[:2]]
    assert "for-pregnancy" in top


@pytest.mark.parametrize(
    "question",
    [
        "What does it mean to throw your back out?",
        "What happens when you pull a muscle in your back?",
        "Is it normal to keep putting your back out?",
    ],
)
def test_the_idioms_for_a_sudden_strain_in_any_person_and_tense_are_a_lumbar_strain(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-lumbar-strain", "for-lumbar-strain"} & set(ids[:3])


def test_someone_else_who_put_their_back_out_is_in_the_acute_phase(index: AskIndex) -> None:
    result = ask(index, "My husband put his back out carrying the sofa. What should he do?")
    assert result.results[0].id == "for-acute-phase"


def test_not_being_able_to_move_says_how_bad_it_is_and_asks_for_no_exercise(
    index: AskIndex,
) -> None:
    question = "Does throwing your back out mean you hurt it and can't move, or something else?"
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] == "cause-lumbar-strain"


@pytest.mark.parametrize(
    "question",
    [
        "Is it normal to get lower back pain at 16?",
        "Back pain at 14 years old - should I worry?",
        "My 12 year old has had back pain for a week after football",
        "DS has had backache since he started rugby, what could it be?",
    ],
)
def test_a_young_persons_age_beside_the_pain_is_the_young_persons_warning_sign(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id == "red-flag-child"


@given(
    age=st.integers(min_value=4, max_value=90),
    said=st.sampled_from(
        ["Is it normal to have lower back pain at {} years old?", "My {}-year-old's back hurts"]
    ),
)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_only_an_age_under_eighteen_leads_with_the_young_persons_sign(
    index: AskIndex, age: int, said: str
) -> None:
    first = ask(index, said.format(age)).results[0].id
    assert (first == "red-flag-child") == (age < 18)


def test_a_stage_of_pregnancy_in_weeks_is_no_young_persons_age(index: AskIndex) -> None:
    ids = [
        hit.id for hit in ask(index, "I had back pain at 9 weeks pregnant, is it normal?").results
    ]
    assert ids[0] != "red-flag-child"


@pytest.mark.parametrize(
    "question",
    [
        "Why does my back ache in the morning but feel fine by lunch?",
        "morning back pain",
        "My back is stiff every morning, any tips?",
    ],
)
def test_back_pain_every_morning_reaches_the_bed_it_was_spent_on(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert "sleep-pillow-and-bedding" in ids[:3]


@pytest.mark.parametrize(
    "question",
    [
        "My stiff clutch gives me back pain",
        "I plough snow all winter with an old truck and my lower back aches at night's end",
    ],
)
def test_the_vehicle_and_its_controls_are_driving(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert "for-driver" in ids[:2]


@pytest.mark.parametrize(
    "question",
    [
        "What is the best position to sit with ankylosing spondylitis?",
        "What is the best way to sit with a herniated disc?",
    ],
)
def test_the_best_way_or_position_asks_what_to_do_not_what_the_condition_is(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert not ids[0].startswith("cause-")
    assert not ids[1].startswith("cause-")


def test_arthritis_of_the_back_is_the_spines_wear_with_age(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "Can you get arthritis in your back?").results]
    assert ids[0] == "cause-lumbar-degeneration"


def test_arthritis_elsewhere_is_not_the_spines_wear(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "My knee arthritis is flaring, what helps?").results]
    assert "cause-lumbar-degeneration" not in ids


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Would an osteopathy session help my lower back?", "chiropractor"),
        ("My back aches every time I breastfeed", "breastfeeding-posture"),
        ("Are sandals bad for my back?", "supportive-shoes"),
        ("Do flip flops hurt your lower back?", "supportive-shoes"),
    ],
)
def test_everyday_words_the_vocabulary_lacked_reach_their_entry(
    index: AskIndex, question: str, entry: str
) -> None:
    result = ask(index, question)
    assert result.covered
    assert entry in [hit.id for hit in result.results][:2]


@pytest.mark.parametrize(
    "question",
    [
        "What do I do if I hurt my back carrying a sofa?",
        "My lower back is wrecked from deadlifting, help",
    ],
)
def test_hurting_the_back_in_the_act_of_lifting_is_a_strain(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-lumbar-strain", "for-lumbar-strain"} & set(ids[:2])


def test_a_condition_in_capitals_is_its_abbreviation(index: AskIndex) -> None:
    result = ask(index, "What is AS?")
    assert result.covered
    assert result.results[0].id == "cause-ankylosing-spondylitis"


@given(st.sampled_from(["Is AS curable?", "Can AS be cured with exercise?", "Does AS hurt?"]))
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_question_typed_all_in_capitals_keeps_as_a_plain_word(
    index: AskIndex, question: str
) -> None:
    vocabulary = index.vocabulary
    assert "ankylosing spondylitis" in vocabulary.unabbreviate(question)
    assert vocabulary.unabbreviate(question.upper()) == question.upper()
    assert vocabulary.unabbreviate(question.replace("AS", "as")) == question.replace("AS", "as")


@pytest.mark.parametrize(
    "question",
    [
        "What are the most common causes of lower back pain?",
        "Why does my lower back ache all the time?",
    ],
)
def test_why_the_back_hurts_with_no_cause_named_gets_the_common_causes(
    index: AskIndex, question: str
) -> None:
    common = {"cause-lumbar-strain", "cause-poor-posture", "cause-disc-herniation"}
    common |= {"cause-lumbar-degeneration"}
    ids = [hit.id for hit in ask(index, question).results]
    assert set(ids[:4]) == common


@pytest.mark.parametrize(
    "question", ["Is it safe to do yoga with back pain?", "Should I try yoga for my sore back?"]
)
def test_yoga_with_a_bad_back_gets_the_beginner_poses_and_the_stop_short_of_pain_rule(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert "conflict-stretch-until-pain" in ids[:4]
    assert {"cat-cow", "child-pose", "downward-dog"} <= set(ids[:4])


def test_an_everyday_injured_back_is_the_acute_phase_not_the_fall_sign(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "I think I injured my back yesterday, what now?").results]
    assert ids[0] == "for-acute-phase"
    assert "red-flag-major-trauma" not in ids


def test_a_back_injured_in_a_fall_is_still_the_fall_sign(index: AskIndex) -> None:
    result = ask(index, "I injured my back in a fall")
    assert result.warning is not None
    assert result.warning.id == "major_trauma"


def test_how_to_tell_whether_something_is_seriously_wrong_gets_the_warning_signs(
    index: AskIndex,
) -> None:
    result = ask(index, "How do I know if my back pain means something seriously wrong?")
    assert all(hit.warning_sign for hit in result.results[:3])


@pytest.mark.parametrize(
    "question",
    [
        "Why does my back ache the week before my period?",
        "Is back pain normal before your period starts?",
    ],
)
def test_back_pain_with_a_period_gets_the_hot_towel_and_the_pelvic_causes(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"hot-towel-compress", "cause-urogenital-disease"} == set(ids[:2])


def test_a_period_of_time_is_not_menstruation(index: AskIndex) -> None:
    ids = [
        hit.id for hit in ask(index, "My back hurts after standing for a period of time").results
    ]
    assert "hot-towel-compress" not in ids[:3]


def test_whether_a_condition_is_curable_reaches_whether_exercise_cures_it(
    index: AskIndex,
) -> None:
    ids = [hit.id for hit in ask(index, "Is ankylosing spondylitis curable?").results]
    assert ids[0] == "for-ankylosing-spondylitis"
    assert "conflict-exercise-cures-as" in ids


def test_what_to_do_for_a_sore_back_with_no_subject_is_the_general_advice(
    index: AskIndex,
) -> None:
    ids = [hit.id for hit in ask(index, "What to do for a sore back?").results]
    assert {"for-acute-phase", "for-lumbar-strain"} <= set(ids[:4])


@pytest.mark.parametrize(
    "question",
    [
        "My wife strained her back yesterday. What should she do?",
        "My dad hurt his lower back at work this week.",
    ],
)
def test_someone_elses_new_back_injury_is_the_acute_phase(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] == "for-acute-phase"


def test_someone_elses_back_hurt_in_a_fall_keeps_the_fall_answers(index: AskIndex) -> None:
    question = "My grandmother fell and hurt her back. Should she see someone?"
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] != "for-acute-phase"
    assert {"red-flag-fracture", "for-older-adult"} <= set(ids)


def test_simple_things_that_help_someone_else_are_the_general_advice(index: AskIndex) -> None:
    question = "My brother's back aches a lot. What easy things could he try to help it?"
    ids = [hit.id for hit in ask(index, question).results]
    assert {"for-acute-phase", "for-lumbar-strain"} <= set(ids[:4])


def test_how_long_to_have_it_before_a_doctor_is_the_natural_course(index: AskIndex) -> None:
    result = ask(index, "How many weeks should back pain last before going to the doctor?")
    assert result.results[0].id == "red-flag-chronic-pain"


@pytest.mark.parametrize(
    "question",
    ["How often should I book a massage for my back?", "How frequently can you get a massage?"],
)
def test_how_often_to_get_a_massage_is_the_trained_masseurs(index: AskIndex, question: str) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert set(ids[:2]) == {"professional-massage", "massage-therapy"}


def test_whether_to_walk_with_back_pain_reaches_the_acute_phase(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "Can I still go walking with back pain?").results]
    assert "for-acute-phase" in ids[:2]


def test_whether_to_walk_with_a_named_condition_keeps_its_own_answer(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "Is it ok to walk with sciatica?").results]
    assert ids[0] == "for-disc-herniation"


@pytest.mark.parametrize(
    "question",
    [
        "My back hurts after hoovering the stairs",
        "Raking the yard always leaves my lower back sore",
        "Why does housework wreck my back?",
    ],
)
def test_back_pain_from_house_or_garden_work_is_a_strain_with_breaks_and_lifting(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"for-lumbar-strain", "movement-breaks", "safe-lifting"} <= set(ids)
    assert ids[0] in {"for-lumbar-strain", "cause-lumbar-strain", "movement-breaks", "safe-lifting"}


@given(
    st.sampled_from(["round of 18", "round of nine", "hole 7", "holes 10"]),
    st.sampled_from(["my lower back starts to ache", "my back hurts"]),
)
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_golf_in_the_words_of_the_game_is_golf(index: AskIndex, said: str, pain: str) -> None:
    ids = [hit.id for hit in ask(index, f"By the {said} {pain}. Any tips?").results]
    assert ids[0] == "high-strain-activities"


@pytest.mark.parametrize(
    "question",
    [
        "Are my babies wrecking my back?",
        "Lower back pain from lifting my 2 year old all day",
        "Holding my baby for hours leaves my lower back aching. Any advice?",
    ],
)
def test_a_small_child_as_the_load_gets_the_baby_care_and_lifting_advice(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"baby-care-posture", "safe-lifting"} == set(ids[:2])


@pytest.mark.parametrize(
    "question",
    [
        "My back is better now. Can I stop doing my physio exercises?",
        "My physio gave me some stretches. How long do I keep doing them?",
    ],
)
def test_whether_to_stop_the_exercises_once_better_gets_why_they_matter(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] == "pilates"
    assert "cause-multifidus-weakness" in ids


def test_yoga_with_a_disc_gets_the_disc_conflict_before_the_poses(index: AskIndex) -> None:
    question = "I have a bulging disc at L4-L5. Should I keep going to my yoga class?"
    ids = [hit.id for hit in ask(index, question).results]
    assert {"conflict-office-moves-disc-herniation", "for-disc-herniation"} == set(ids[:2])


@pytest.mark.parametrize(
    "question",
    [
        "My lower back has been sore since lifting boxes at work on Monday",
        "I injured my back lifting my suitcase, how do I treat it?",
    ],
)
def test_a_back_already_hurt_by_lifting_gets_the_strain_before_how_to_lift(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question, top=10).results]
    assert ids.index("for-lumbar-strain") < ids.index("safe-lifting")
    assert ids[0] != "safe-lifting"


def test_how_long_to_keep_something_else_up_is_not_the_exercises_question(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "How long should I keep the ice pack on?").results]
    assert "pilates" not in ids


def test_how_to_lift_without_hurting_the_back_still_gets_the_lifting_advice(
    index: AskIndex,
) -> None:
    ids = [hit.id for hit in ask(index, "How should I lift heavy boxes at work?").results]
    assert ids[0] == "safe-lifting"


def test_an_entry_one_intent_answers_with_is_not_damped_by_another() -> None:
    intents = load_intents()
    answers, damped = intents.read("My back hurts after lifting bags of soil while gardening")
    assert "safe-lifting" in answers
    assert "safe-lifting" not in damped
    answers, damped = intents.read("My back hurts after lifting bags of soil")
    assert damped == {"safe-lifting"}
    assert not damped & answers.keys()


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Back pain: when to go to the ER", "red-flag-cauda-equina"),
        ("How can I get rid of my back pain?", "for-acute-phase"),
    ],
)
def test_an_intents_entries_answer_in_the_order_its_list_gives(
    index: AskIndex, question: str, first: str
) -> None:
    assert ask(index, question).results[0].id == first


def test_an_entry_takes_its_best_place_of_the_intents_that_name_it() -> None:
    patterns = (re.compile("back"),)
    intents = Intents(
        by_name={"one": (patterns, ("a", "b", "c")), "two": (patterns, ("c", "d"))},
        peers=frozenset(),
    )
    assert intents.read("my back")[0] == {"a": 0, "b": 1, "c": 0, "d": 1}
    peers = Intents(by_name={"one": (patterns, ("a", "b", "c"))}, peers=frozenset({"one"}))
    assert peers.read("my back")[0] == {"a": 0, "b": 0, "c": 0}


@pytest.mark.parametrize(
    "question",
    [
        "What should I do if I get lower back pain?",
        "I've had a sore lower back for a couple of days, what should I do?",
    ],
)
def test_what_to_do_with_back_pain_and_nothing_else_named_is_the_general_advice(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"for-acute-phase", "for-lumbar-strain"} <= set(ids[:4])
    assert ids[0] in {"for-acute-phase", "for-lumbar-strain", "heat-compress", "ice-pack"}


@pytest.mark.parametrize(
    "question",
    [
        "I've hurt my back before. What should I avoid before I start going to the gym?",
        "My back aches after the easiest workouts and I have no idea where to begin.",
    ],
)
def test_how_to_start_exercising_with_a_back_that_was_hurt_gets_the_strain_plan_and_basics(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert {"for-lumbar-strain", "stretching-basics", "high-strain-activities"} <= set(ids[:4])


def test_other_cardio_instead_of_running_gets_walking_and_swimming(index: AskIndex) -> None:
    question = "Running hurts my back. Which other cardio exercises could I try?"
    ids = [hit.id for hit in ask(index, question).results]
    assert {"walking", "swimming"} <= set(ids[:3])


@pytest.mark.parametrize(
    "question",
    [
        "Should I brace my core when I carry shopping, to protect my back?",
        "Is it good to keep my stomach muscles tight for my back?",
    ],
)
def test_keeping_the_tummy_muscles_tight_gets_drawing_in_pilates_and_the_plank(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[:3] == ["abdominal-drawing-in", "pilates", "plank"]


def test_someone_walking_on_your_back_is_a_massage_not_walking_posture(index: AskIndex) -> None:
    question = "My kids like to walk on my back when it aches. Is that OK?"
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0] in {"partner-massage", "conflict-lower-back-self-massage", "professional-massage"}
    assert "walking-posture" not in ids[:3]


def test_how_to_walk_is_still_walking_posture(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "How should I walk to protect my back?").results]
    assert ids[0] == "walking-posture"


def test_workplace_back_injuries_get_the_manual_workers_advice_and_are_covered(
    index: AskIndex,
) -> None:
    result = ask(index, "How do I prevent workplace back injuries?")
    assert result.covered is True
    ids = [hit.id for hit in result.results]
    assert ids[:3] == ["for-manual-worker", "safe-lifting", "back-belt"]


def test_injuries_at_work_told_as_history_do_not_make_it_a_workplace_question(
    index: AskIndex,
) -> None:
    question = (
        "I've had a few back injuries at work and they always heal in a week or two. My son "
        "just hurt his back at football. Will it get better by itself?"
    )
    assert "for-manual-worker" not in [hit.id for hit in ask(index, question).results][:3]


def test_weightlifting_with_a_disc_gets_the_disc_answers_before_how_to_lift(
    index: AskIndex,
) -> None:
    question = "Can I still lift weights at the gym with a herniated disc?"
    ids = [hit.id for hit in ask(index, question, top=10).results]
    assert {"for-disc-herniation", "conflict-office-moves-disc-herniation"} <= set(ids[:3])
    assert "safe-lifting" not in ids[:3]


@pytest.mark.parametrize(
    "question",
    [
        "I'm 24w3d and my lower back aches, what can I do?",
        "11w2d, lower back aching at the base of my spine, is that normal?",
        "At 30+2 weeks my back aches all day, any tips?",
    ],
)
def test_a_stage_of_pregnancy_in_the_forums_short_notation_is_pregnancy(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).results[0].id in {"for-pregnancy", "pregnancy-bump-load"}


@pytest.mark.parametrize(
    "question",
    [
        "When should I worry about back pain when pregnant?",
        "I'm 20 weeks pregnant, when should I call the midwife about my back?",
    ],
)
def test_when_to_worry_in_pregnancy_gets_pregnancys_own_warning_signs_before_generic_ones(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question, top=10).results]
    assert "red-flag-pregnancy-warning" in ids[:4]
    assert "red-flag-cauda-equina" not in ids[:4]


@pytest.mark.parametrize(
    "question",
    [
        "How long should I wait before I go back to lifting weights?",
        "Should I stop running until my back heals?",
        "When can I get back to the gym?",
    ],
)
def test_returning_to_a_sport_after_hurting_the_back_gets_the_strain_plan(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question, top=10).results]
    assert {"for-acute-phase", "for-lumbar-strain"} <= set(ids[:3])


def test_exercise_after_a_birth_is_not_the_strain_plan(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "When can I start exercising after a delivery?").results]
    assert "for-lumbar-strain" not in ids[:3]


@pytest.mark.parametrize(
    "question",
    [
        "I bent down to pick up my keys and felt a sharp twinge in my lower back",
        "Yesterday I was leaning over to grab a box and something snapped in my back, now it hurts",
    ],
)
def test_a_strain_told_as_the_moment_of_bending_to_pick_something_up_is_a_strain(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question, top=10).results]
    assert set(ids[:2]) == {"cause-lumbar-strain", "for-lumbar-strain"}


def test_whether_to_still_go_ahead_with_a_planned_outing_is_the_acute_phase(
    index: AskIndex,
) -> None:
    question = "My lower back got sore this morning and the match is Saturday. Should I still play?"
    assert ask(index, question).results[0].id == "for-acute-phase"


@pytest.mark.parametrize(
    "question",
    [
        "How many hours a day should I be standing at work?",
        "How much of the workday should you spend sitting?",
    ],
)
def test_how_much_of_a_working_day_to_stand_or_sit_is_the_sit_stand_desk_and_breaks(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question, top=10).results]
    assert {"sit-stand-desk", "movement-breaks"} <= set(ids[:3])


def test_how_long_before_sit_ups_is_not_how_long_to_sit(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "How long after a c-section can you do sit-ups?").results]
    assert "sit-stand-desk" not in ids[:3]


@pytest.mark.parametrize(
    "question",
    [
        "Does sewing all evening hurt your back?",
        "My lower back aches after long gaming sessions",
        "Can crochet give you back pain?",
        "Does doing jigsaws for hours hurt your back?",
        "Is playing piano bad for your back?",
    ],
)
def test_a_pastime_done_sitting_still_is_prolonged_sitting(index: AskIndex, question: str) -> None:
    """Hours at a game, a needle, a puzzle or an instrument are hours of sitting: the content's
    cause of that name and its breaks answer, not an exercise named like a word in the question."""
    ids = [hit.id for hit in ask(index, question).results]
    assert {"cause-prolonged-sitting", "movement-breaks", "sitting-posture"} & set(ids[:5])


@pytest.mark.parametrize(
    "question",
    [
        "Should I call 999 for my back pain?",
        "Do I need to dial 911 for back pain?",
        "When should I phone for an ambulance with a bad back?",
    ],
)
def test_whether_to_call_an_ambulance_is_answered_by_the_warning_signs(
    index: AskIndex, question: str
) -> None:
    ids = [hit.id for hit in ask(index, question).results]
    assert ids[0].startswith("red-flag-")
    assert {"red-flag-cauda-equina", "red-flag-major-trauma"} & set(ids[:5])


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        pytest.param(
            "My 78-year-old father has a stiff back in the mornings, what helps?",
            {"for-older-adult"},
            id="an-age-of-65-or-more-is-an-older-adult",
        ),
        pytest.param(
            "I'm 70 and my lower back aches after gardening. Any advice?",
            {"for-older-adult"},
            id="im-70",
        ),
        pytest.param(
            "My back always hurts after a long-haul flight. How do I survive the next one?",
            {"cause-prolonged-sitting", "movement-breaks", "lumbar-pillow"},
            id="a-long-flight-is-prolonged-sitting",
        ),
        pytest.param(
            "Our road trip is 9 hours of sitting in the car; how can I keep my back from aching?",
            {"cause-prolonged-sitting", "movement-breaks", "lumbar-pillow"},
            id="a-road-trip-is-prolonged-sitting",
        ),
        pytest.param(
            "Do the cushions between the bones of the spine wear out as you get older?",
            {"cause-lumbar-degeneration", "cause-disc-herniation"},
            id="discs-in-plain-words",
        ),
        pytest.param(
            "I can only walk upright for a few minutes; leaning over the shopping trolley helps.",
            {"cause-spinal-stenosis", "for-spinal-stenosis"},
            id="leaning-forward-for-relief-is-stenosis",
        ),
        pytest.param(
            "I have lower back pain. What should I do about it?",
            {"for-acute-phase", "for-lumbar-strain", "heat-compress", "ice-pack"},
            id="what-to-do-about-it",
        ),
        pytest.param(
            "Ache in my lower back and right leg, worse when I sit. What is going on?",
            {"cause-disc-herniation", "for-disc-herniation"},
            id="back-and-one-leg-by-its-side",
        ),
        pytest.param(
            "A burning pain shoots down my left leg whenever I bend. What could it be?",
            {"cause-disc-herniation", "for-disc-herniation"},
            id="burning-down-a-leg",
        ),
        pytest.param(
            "I had my first child last year and my lower back still hurts most days.",
            {"for-postpartum"},
            id="had-my-first-child-is-after-birth",
        ),
        pytest.param(
            "Since my son was born six months ago my back has ached. Normal?",
            {"for-postpartum"},
            id="since-my-son-was-born-is-after-birth",
        ),
        pytest.param(
            "why does my back ache since my c section", {"for-postpartum"}, id="c-section"
        ),
        pytest.param(
            "Back hurts a lot, C-sec 4 months ago. Normal?", {"for-postpartum"}, id="c-sec"
        ),
        pytest.param(
            "Is it normal to get lower back ache before period?",
            {"hot-towel-compress", "cause-urogenital-disease"},
            id="period-said-without-my",
        ),
        pytest.param(
            "Why does my back hurt after a lie-in at the weekend but not on workdays?",
            {"cause-bone-hyperplasia", "cause-ankylosing-spondylitis", "morning-stretch"},
            id="a-lie-in-is-the-morning-stiffness-class",
        ),
        pytest.param(
            "Is being an electrician bad for your lower back?",
            {"for-manual-worker", "cause-lumbar-strain", "safe-lifting"},
            id="a-trade-is-manual-work",
        ),
        pytest.param(
            "My mum is 74 and has shrunk two inches in the last few years. Should we worry?",
            {"for-osteoporosis", "osteoporosis-after-menopause", "red-flag-fracture"},
            id="height-loss-is-thin-bones",
        ),
        pytest.param(
            "My lower back aches whenever I sew for an evening. Tips?",
            {"cause-prolonged-sitting", "sitting-posture", "movement-breaks"},
            id="sewing-is-a-pastime-done-sitting",
        ),
    ],
)
def test_a_class_of_question_reaches_its_answers_in_the_top_three(
    index: AskIndex, question: str, entries: set[str]
) -> None:
    """Classes found on held_out_21 to held_out_23's misses (each run once unseen first): a
    stated age of 65 or more, a long journey sitting, the discs in everyday words, leaning
    forward for relief, "what should I do about it?" after saying the back hurts, pain in the
    back and one leg by its side or burning down a leg, after birth in plain words, "c section"
    said as letters, period back pain without "my", a lie-in before the back hurts (and, from
    held_out_24, a trade named as manual work; from held_out_26, height loss and sewing)."""
    result = ask(index, question)
    assert entries & {hit.id for hit in result.results[:3]}


@pytest.mark.parametrize(
    "question",
    [
        "Is the flying swallow exercise safe for my back?",
        "I'm 70 kg and my back hurts when I run. Why?",
        "I've had back pain since 65 days ago",
    ],
)
def test_words_that_only_look_like_those_classes_do_not_trigger_them(
    index: AskIndex, question: str
) -> None:
    """The seeds' "flying swallow" is an exercise, not a flight; a weight or a count of days is
    not an age."""
    result = ask(index, question)
    top = {hit.id for hit in result.results[:1]}
    assert top.isdisjoint({"cause-prolonged-sitting", "movement-breaks", "for-older-adult"})


@pytest.mark.parametrize(
    "question",
    [
        "I tripped over the dog last night and my lower back has hurt ever since. Is it serious?",
        "Slipped down the stairs at work on Friday, landed on my back; should I get it checked?",
        "I hurt my back when I slipped on the wet floor at the pool.",
    ],
)
def test_a_fall_at_any_age_reaches_the_fall_injury_and_its_warning_sign(
    index: AskIndex, question: str
) -> None:
    """A fall that hurt the back is an injury to have checked: the fall-injury cause and the
    accident warning sign, not the everyday strain of "I hurt my back"."""
    ids = [hit.id for hit in ask(index, question).results[:3]]
    assert {"cause-tcm-fall-injury-lumbago", "red-flag-major-trauma"} <= set(ids)


def test_a_slipped_disc_is_not_a_fall(index: AskIndex) -> None:
    ids = [hit.id for hit in ask(index, "My slipped disc and the pain down my leg").results[:5]]
    assert "cause-tcm-fall-injury-lumbago" not in ids
    assert "cause-disc-herniation" in ids


def test_severe_back_pain_with_a_period_shows_the_period_sign_but_not_first(
    index: AskIndex,
) -> None:
    """NHS, Period pain: see a GP for severe period pain, which spreads to the back. The sign is
    described (its banner shows) and listed, but the everyday answer comes first."""
    result = ask(index, "Is really bad back pain during my period something to worry about?")
    assert result.warning is not None
    assert result.warning.id == "period_problem"
    ids = [hit.id for hit in result.results]
    assert "red-flag-period-problem" in ids[:5]
    assert result.results[0].warning_sign is False


@pytest.mark.parametrize(
    "question",
    [
        "I'm fifteen and my lower back hurts after every football practice. Is that normal?",
        "He's 13 and keeps saying his back aches at school.",
    ],
)
def test_a_young_person_saying_their_age_reaches_the_young_persons_sign(
    index: AskIndex, question: str
) -> None:
    """held_out_23's class: a teenager's own age, in words or figures, in a question about the
    back (NICE CKS: new back pain under 20 is a red flag; issue 14, class 11)."""
    ids = [hit.id for hit in ask(index, question).results[:3]]
    assert "red-flag-child" in ids


def test_asking_whether_back_pain_with_a_period_is_normal_shows_no_warning_banner(
    index: AskIndex,
) -> None:
    """Back ache with an ordinary period is common (NHS, Period pain): asking whether it is
    normal does not describe the warning sign, so no "book an appointment" banner shows (tried
    in the session that wrote this test, and taken out after looking at the page)."""
    result = ask(index, "Is it normal for my lower back to ache on the first day of my period?")
    assert result.warning is None
    assert result.results[0].id == "hot-towel-compress"


@pytest.mark.parametrize(
    "question",
    [
        "I'm 15 weeks pregnant and my lower back aches in the evenings.",
        "I'm 9 days postpartum and my back is sore from feeding.",
        "I'm 5 ft 2 and my back hurts when I carry the shopping.",
    ],
)
def test_weeks_and_days_are_not_an_age(index: AskIndex, question: str) -> None:
    """A pregnant woman at 15 weeks or a mother 9 days after birth is not shown the young
    person's warning sign (its banner showed for both before)."""
    result = ask(index, question)
    assert "red-flag-child" not in [hit.id for hit in result.results[:3]]
    assert result.warning is None or result.warning.id != "child"


@pytest.mark.parametrize(
    "question",
    [
        "Can carrying my kids around all day cause back pain?",
        "My back hurts from lifting my two children in and out of the car.",
        "Are your grandkids giving you back pain?",
        "Are your little ones wrecking your back?",
        "I gave birth to my daughter a month ago and my lower back still aches. Is that usual?",
    ],
)
def test_a_parents_child_is_not_the_young_persons_sign(index: AskIndex, question: str) -> None:
    """A parent whose back hurts from carrying, lifting or holding children, or since giving
    birth to one, gets the advice for them, and no young person's warning banner (all showed
    the banner before; held_out_26's one warning first was a mother "since I gave birth to my
    son")."""
    result = ask(index, question)
    assert result.warning is None or result.warning.id != "child"
    ids = [hit.id for hit in result.results[:3]]
    assert {"safe-lifting", "baby-care-posture", "for-postpartum"} & set(ids)
    assert "red-flag-child" not in ids


@pytest.mark.parametrize(
    "question",
    ["My son has back pain after football", "My 13-year-old hurt his back lifting weights"],
)
def test_a_childs_own_back_pain_still_shows_the_young_persons_sign(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.warning is not None
    assert result.warning.id == "child"
