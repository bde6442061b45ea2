"""The "not covered" signal from features that generalise: a short question naming a thing the
content never mentions, framing words that don't count against coverage, slips and abbreviations
that still reach their entry, and the threshold rule. Questions here are written for the tests,
not taken from the real-question set."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backcare.knowledge import load_knowledge_base
from backcare.search import AskIndex, ask, coverage
from backcare.search.english import OBJECTS_FILE, load_objects
from backcare.search.evaluation import choose_threshold


def not_covered_topic(index: AskIndex, question: str) -> str:
    """The topic ask names for a question it says the sources don't cover."""
    result = ask(index, question)
    assert result.covered is False
    assert result.not_covered is not None
    return result.not_covered.topic


@pytest.mark.parametrize(
    "question",
    [
        "Does glucosamine with calcium help back pain?",
        "Is a glucosamine supplement good for my back?",
    ],
)
def test_a_short_question_naming_a_thing_the_content_never_mentions_is_not_covered(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.covered is False
    assert result.not_covered is not None
    assert coverage(index, question) == -math.inf


@pytest.mark.parametrize(
    "question",
    [
        # Seven and eight informative words: still a question about the thing it names.
        "What is the best course of treatment for a patient with mid back pain who has been "
        "prescribed kinesiotaping in the office?",
        "Is a session of cryotherapy worth booking for the stiffness in my lower back after "
        "long drives?",
    ],
)
def test_a_question_of_up_to_eight_informative_words_naming_an_unknown_thing_is_not_covered(
    index: AskIndex, question: str
) -> None:
    assert coverage(index, question) == -math.inf
    assert ask(index, question).covered is False


def test_a_story_with_everyday_words_the_content_lacks_is_still_covered(index: AskIndex) -> None:
    question = (
        "Yesterday after my cousin's wedding I noticed my lower back hurts when I sleep. "
        "Which pillow should I use?"
    )
    result = ask(index, question)
    assert result.covered is True
    assert result.results[0].id == "sleep-pillow-and-bedding"


def test_a_slip_one_letter_from_a_content_word_is_not_an_unknown_topic(index: AskIndex) -> None:
    result = ask(index, "what pilow helps me sleep with back pain")
    assert result.covered is True
    assert "sleep-pillow-and-bedding" in [hit.id for hit in result.results[:3]]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Can a UTI cause back pain?", "urinary-tract-infection"),
        ("Can I deadlift with back pain?", "safe-lifting"),
    ],
)
def test_abbreviations_and_gym_words_reach_their_entry(
    index: AskIndex, question: str, entry: str
) -> None:
    result = ask(index, question)
    assert result.covered is True
    assert result.results[0].id == entry


def test_the_threshold_sits_halfway_between_the_best_split() -> None:
    values = [(float("-inf"), False), (0.1, False), (0.3, True), (0.5, True)]
    assert choose_threshold(values) == pytest.approx(0.2)


def test_with_no_uncovered_share_the_threshold_is_halfway_to_the_lowest_share() -> None:
    assert choose_threshold([(float("-inf"), False), (0.4, True)]) == pytest.approx(0.2)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1, allow_nan=False) | st.just(float("-inf")), st.booleans()),
        min_size=1,
        max_size=30,
    )
)
def test_the_chosen_threshold_flags_as_well_as_any_other(values: list[tuple[float, bool]]) -> None:
    """No threshold splits the labelled values with a better not-covered F1 than the chosen one."""

    def f1(threshold: float) -> float:
        flagged = [covered for value, covered in values if value < threshold]
        right = sum(not covered for covered in flagged)
        actual = sum(not covered for _, covered in values)
        return 2 * right / (len(flagged) + actual) if right else 0.0

    chosen = f1(choose_threshold(values))
    others = {value for value, _ in values} | {float("inf")}
    assert all(f1(t) <= chosen + 1e-12 for t in others)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=80))
def test_coverage_is_a_share_or_minus_infinity(index: AskIndex, question: str) -> None:
    value = coverage(index, question)
    assert value == -math.inf or 0.0 <= value <= 1.0


@pytest.mark.parametrize("question", ["Why does my coccyx ache?", "What helps a sore coccyx?"])
def test_a_word_only_mentioned_in_an_entrys_steps_is_not_an_answer(
    index: AskIndex, question: str
) -> None:
    """The content says "coccyx" only inside exercise steps: the entries mention it, none is
    about it, so the sources don't answer and the results are only related."""
    result = ask(index, question)
    assert result.covered is False
    assert result.results, "related entries are still shown"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Can I claim disability benefits for my back?", "benefits_and_legal"),
        ("Do I need a sick note from my GP for back pain?", "benefits_and_legal"),
        ("How long does a slipped disc take to heal?", "course_of_a_diagnosis"),
        ("Will my sciatica go away on its own?", "course_of_a_diagnosis"),
        ("Is it bad to pop my own back every morning?", "devices_and_clinic_treatments"),
        (
            "Can a neck adjustment at the chiropractor be dangerous?",
            "devices_and_clinic_treatments",
        ),
        ("Is this pain in my hip or back?", "other_body_parts"),
        ("Why does my tailbone hurt when I sit?", "other_body_parts"),
        ("Could flat feet be why my back aches?", "other_body_parts"),
        ("Can a CT or x ray show a slipped disc?", "scans"),
        ("Will an xray show arthritis in my back?", "scans"),
        ("How long will it take to heal my herniated disc?", "course_of_a_diagnosis"),
        ("Should I take time off work for my back pain?", "benefits_and_legal"),
        ("Can I get sick leave for a bad back?", "benefits_and_legal"),
        ("Would a gaming chair stop my back aching?", "devices_and_clinic_treatments"),
        ("Is a massage cushion worth it for lower back pain?", "devices_and_clinic_treatments"),
        ("Should I sit on a stability ball at my desk?", "devices_and_clinic_treatments"),
        ("Why do my knees and back ache after gardening?", "other_body_parts"),
        (
            "Are saddle or posture chairs worth buying for a sore back?",
            "devices_and_clinic_treatments",
        ),
        ("Is it safe to see an osteopath with spinal stenosis?", "devices_and_clinic_treatments"),
        ("With a slipped disc, should I go to a chiropractor?", "devices_and_clinic_treatments"),
        ("What kind of painkillers should I take for my back?", "medicines"),
        ("Is there a blood test to rule out ankylosing spondylitis?", "diagnosis_and_statistics"),
        ("Is a GP referral needed to see a physio?", "money_and_paperwork"),
        ("At what age should women get a bone density test?", "scans"),
        ("My lower back aches after long rides, any tips?", "cycling"),
        ("How should I set up my road bike to spare my back?", "cycling"),
    ],
)
def test_classes_the_seeds_do_not_answer_are_not_covered(
    index: AskIndex, question: str, topic: str
) -> None:
    """Issue 20, not covered: benefits and legal matters, how long a named diagnosis lasts,
    cracking or adjusting a spine, and another body part told apart from the back; and other
    wordings of them: an X-ray written with a space, the healing time of a diagnosis asked verb
    first, time off work (the seeds say how to work with back pain, never whether to stay off),
    chairs and massage devices sold for backs, and knees beside the back; a chiropractor or
    osteopath with a named condition, which kind of medicine to take, and a test that confirms
    or rules out a diagnosis."""
    assert not_covered_topic(index, question) == topic


@pytest.mark.parametrize(
    "question",
    [
        "How long does back pain usually last?",
        "How long does a pulled back muscle take to heal?",
        "Should I put a pillow between my knees when my back aches at night?",
        "How should I sit on an office chair with a sore back?",
        "What does a chiropractor do for back pain?",
        "Is it safe to take painkillers for back pain?",
        "Is an exercise bike good for my back?",
        "My back aches after long rides in the car",
        "Does bone density matter for back pain?",
    ],
)
def test_the_natural_course_of_back_pain_and_the_seeds_own_advice_stay_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is True


def test_a_long_post_about_the_back_that_mentions_a_sore_knee_is_still_about_the_back(
    index: AskIndex,
) -> None:
    story = (
        "For about two weeks my lower back has been stiff every morning and it gets worse when I "
        "sit at my desk for hours, and on top of that my left knee hurts after I go running in "
        "the park. I have tried a heating pad on my back but I am not sure it is helping at all."
    )
    assert ask(index, story).covered is True
    assert ask(index, "My left knee hurts after running, what should I do?").covered is False


@pytest.mark.parametrize(
    "question",
    [
        "Is spondylitis inherited from a parent?",
        "What does TCM say about a cold, damp lower back?",
        "How do I lift my toddler into the car seat without back pain?",
        "My back aches from cuddling my newborn all evening",
    ],
)
def test_everyday_words_for_things_the_content_covers_are_not_unknown_topics(
    index: AskIndex, question: str
) -> None:
    """Heredity words, TCM spelt out, babies and toddlers, and an inflected everyday word
    ("cuddling") do not make a short question "not covered"."""
    assert ask(index, question).covered is True
    assert coverage(index, question) > -math.inf


def test_a_long_question_about_a_named_prescription_medicine_is_not_covered(
    index: AskIndex,
) -> None:
    question = (
        "I have had lower back pain for months and my doctor gave me meloxicam, which I take "
        "every morning with breakfast before work. Is it safe to keep taking it for a long time?"
    )
    assert not_covered_topic(index, question) == "medicines"


@pytest.mark.parametrize(
    "question",
    [
        "Which mattress is best for sore hips?",
        "Why does my knee hurt after a long drive?",
    ],
)
def test_pain_in_another_body_part_the_best_entry_never_names_is_not_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is False
    assert coverage(index, question) == -math.inf


@pytest.mark.parametrize(
    "question",
    [
        "stiff neck and shoulders after a day at the computer",
        "Does carrying a bag on one shoulder cause back pain?",
        "What can I put under my knees when lying in bed?",
    ],
)
def test_a_body_part_the_entry_names_or_the_back_beside_it_or_a_place_is_still_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is True


def test_neighbours_with_no_float_between_them_are_still_told_apart() -> None:
    """Found by the property above: halfway between 0 and the smallest float rounds to 0."""
    assert choose_threshold([(0.0, False), (5e-324, True)]) == 5e-324


@pytest.mark.parametrize(
    "question",
    ["Does a heated blanket help sciatica?", "Do compression socks ease sciatica?"],
)
def test_a_short_question_about_an_object_the_content_never_names_is_not_covered(
    index: AskIndex, question: str
) -> None:
    """ "Blanket" and "socks" are everyday words, so rarity alone does not make them the topic;
    WordNet's objects heading a compound do."""
    assert ask(index, question).covered is False
    assert coverage(index, question) == -math.inf


@pytest.mark.parametrize(
    "question",
    [
        "lifting the baby in and out of the cot hurts my back",
        "I hurt my back carrying the shopping from the car",
    ],
)
def test_an_object_after_a_stopword_is_where_it_happens_and_the_question_is_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is True


def test_the_object_words_are_wordnet_nouns_without_its_licence_lines() -> None:
    objects = load_objects()
    assert {"gun", "blanket", "chair", "pillow"} <= objects
    assert not any(word.startswith("#") or " " in word for word in objects)
    assert OBJECTS_FILE.read_text(encoding="utf-8").startswith("# Everyday English words")


@pytest.mark.parametrize(
    "question",
    ["What is the life expectancy with spinal stenosis?", "Prognosis for a slipped disc at 40?"],
)
def test_the_outlook_of_a_named_diagnosis_is_not_covered(index: AskIndex, question: str) -> None:
    assert not_covered_topic(index, question) == "course_of_a_diagnosis"


@pytest.mark.parametrize(
    "question",
    [
        "Is my handbag causing my back pain?",
        "Could your briefcase be hurting your back?",
        "My physio mentioned trying voltaren gel on my lower back after my shift, is it any good "
        "for long term use?",
        "I read that arnica cream helps sore backs, should I rub it in every night before bed?",
    ],
)
def test_a_persons_own_object_or_a_product_the_content_never_names_is_not_covered(
    index: AskIndex, question: str
) -> None:
    """An unknown object after a possessive (in a short question), and an unknown name before a
    form medicines are sold in (in a question of any length, even a story)."""
    assert coverage(index, question) == -math.inf
    assert ask(index, question).covered is False


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Does my mattress cause my back pain?", "sleep-pillow-and-bedding"),
        ("Is my desk too high for my back?", "for-office-worker"),
        ("How high should my office chair be?", "ergonomic-workspace"),
        ("How do I massage my own lower back with a tennis ball?", "self-massage"),
    ],
)
def test_objects_the_content_names_and_its_own_chairs_and_massage_stay_covered(
    index: AskIndex, question: str, entry: str
) -> None:
    """A person's own mattress or desk, an office chair and self-massage with a ball: the seeds
    answer them, so neither the possessive rule nor the chair and massage-device patterns fire."""
    result = ask(index, question)
    assert result.covered is True
    assert entry in [hit.id for hit in result.results[:5]]


def test_a_contraction_typed_without_its_apostrophe_is_not_an_unknown_topic(
    index: AskIndex,
) -> None:
    question = "im 30 weeks pregnant and my back hurts what can i do"
    result = ask(index, question)
    assert result.covered is True
    assert result.results[0].id == "for-pregnancy"


def test_a_word_found_only_in_a_source_reference_is_not_a_topic_the_content_covers(
    index: AskIndex,
) -> None:
    """ "Orthotics" appears in the content only inside a NICE reference's section title."""
    assert coverage(index, "Do orthotics help back pain?") == -math.inf


def test_a_swimming_stroke_reaches_the_swimming_entry(index: AskIndex) -> None:
    result = ask(index, "Is backstroke good for a sore back?")
    assert result.covered is True
    assert result.results[0].id == "swimming"


@pytest.mark.parametrize(
    "question",
    [
        "Is it okay to use a hot water bottle and some eucalyptus oil on my back every evening "
        "after work?",
        "Do heat patches help back pain?",
    ],
)
def test_a_medicine_form_after_a_word_the_content_knows_stays_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is True


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("How much does a session with a chiropractor cost?", "money_and_paperwork"),
        ("Will my health insurance pay for massage therapy?", "money_and_paperwork"),
        ("Is physiotherapy covered by the NHS?", "money_and_paperwork"),
        ("Why is massage so expensive?", "money_and_paperwork"),
        ("Can I afford a chiropractor every week?", "money_and_paperwork"),
        ("Do I need a GP referral to see a physiotherapist?", "money_and_paperwork"),
        ("Can I go on disability with a bad back?", "benefits_and_legal"),
        ("Will my doctor give me a medical certificate for back pain?", "benefits_and_legal"),
        ("What is a spinal cord stimulator and does it hurt?", "devices_and_clinic_treatments"),
        ("Is kyphoplasty safe for a crushed vertebra?", "devices_and_clinic_treatments"),
        ("Why do my knees click when I climb the stairs?", "other_body_parts"),
        ("My shoulder pops when I lift my arm, is that bad?", "other_body_parts"),
        ("Could hormone replacement therapy make my back ache?", "medicines"),
        ("Can the birth control pill cause lower back pain?", "medicines"),
    ],
)
def test_money_procedures_another_parts_complaint_and_hormone_therapy_are_not_covered(
    index: AskIndex, question: str, topic: str
) -> None:
    """Issue 20, ninth pass (held_out_8's classes): what a treatment costs, insurance, referrals,
    disability and sick notes; an implanted device or clinic procedure the content has no entry
    for; another body part's own complaint (cracking, clicking); a hormone or drug therapy."""
    assert not_covered_topic(index, question) == topic


@pytest.mark.parametrize(
    "question",
    [
        "My insurance covers a physio or a chiropractor; which should I see for back pain?",
        "Is it worth paying for a massage when my back hurts?",
        "What is referred pain in the lower back?",
        "Why does estrogen falling after menopause cause back pain?",
        "Does my back crack when I do the cat-cow stretch because it is stiff?",
    ],
)
def test_money_words_hormones_and_clicks_in_the_seeds_own_topics_stay_covered(
    index: AskIndex, question: str
) -> None:
    """Which clinician to see, whether massage helps, referred pain, falling oestrogen after
    menopause: the seeds answer these, though they share words with the classes above."""
    assert ask(index, question).covered is True


_TREATMENTS = sorted(
    {
        entry.name
        for entry in load_knowledge_base()
        if entry.kind in ("method", "exercise", "acupressure", "thermotherapy")
    }
)
_MONEY_QUESTIONS = (
    "How much does {} cost?",
    "How much will {} cost me?",
    "Is {} covered by my insurance?",
    "Does my health insurance cover {}?",
    "Do I need a referral for {}?",
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(_TREATMENTS), st.sampled_from(_MONEY_QUESTIONS))
def test_the_cost_insurance_or_referral_of_any_treatment_in_the_content_is_not_covered(
    index: AskIndex, name: str, template: str
) -> None:
    assert not_covered_topic(index, template.format(name.lower())) == "money_and_paperwork"


@pytest.mark.parametrize(
    "question",
    [
        "My back started aching on Monday, what should I do?",
        "Since January my lower back is stiff, what stretches help?",
    ],
)
def test_a_day_or_month_named_says_when_and_is_not_an_unknown_topic(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is True


def test_tingling_toes_with_back_pain_are_not_another_parts_complaint(index: AskIndex) -> None:
    """Tingling or numb toes are often a nerve from the back (sciatica), not the toes' own
    complaint, so they are left out of the other-body-part class."""
    result = ask(index, "Why do my toes tingle when my lower back hurts?")
    assert result.not_covered is None or result.not_covered.topic != "other_body_parts"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Is sleeping on my front bad for my lower back?", "sleeping_on_the_stomach"),
        ("Are stomach sleepers more likely to get back pain?", "sleeping_on_the_stomach"),
        ("Which diet helps a herniated disc heal?", "diet_for_a_condition"),
        ("Should I eat less sugar with sciatica?", "diet_for_a_condition"),
        ("Does scoliosis cause back pain in adults?", "conditions_not_described"),
        ("What is lordosis and can it be fixed?", "conditions_not_described"),
    ],
)
def test_stomach_sleeping_diet_for_a_condition_and_conditions_never_described_are_not_covered(
    index: AskIndex, question: str, topic: str
) -> None:
    result = ask(index, question)
    assert not result.covered
    assert result.not_covered is not None
    assert result.not_covered.topic == topic


@pytest.mark.parametrize(
    "question",
    [
        "Can I sleep on my stomach while pregnant?",
        "What should I eat for strong bones with osteoporosis?",
        "Can You Prevent Ankylosing Spondylitis from Getting Worse?",
        "How do I do the superman lying on my stomach?",
    ],
)
def test_pregnancy_sleep_bone_diet_and_lying_face_down_for_an_exercise_stay_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered


@pytest.mark.parametrize(
    "question",
    [
        "How long does a bladder infection take to clear up?",
        "How is a urinary tract infection treated?",
        "How long does a kidney infection last?",
    ],
)
def test_the_course_of_something_that_is_not_the_back_is_not_answered_by_a_warning_sign(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.results[0].warning_sign
    assert result.covered is False
    assert coverage(index, question) == -math.inf


@pytest.mark.parametrize(
    "question",
    [
        # The back's pain is named: the course of that pain is what the sign speaks to.
        "How long does back pain from a kidney infection take to heal?",
        # No course or treatment asked: the sign itself is the answer.
        "What is cauda equina syndrome?",
    ],
)
def test_a_warning_sign_still_answers_a_question_about_the_back_or_about_the_sign(
    index: AskIndex, question: str
) -> None:
    result = ask(index, question)
    assert result.results[0].warning_sign
    assert result.covered is True


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    course=st.sampled_from(
        [
            "How long does {} take to heal?",
            "How long does it take to recover from {}?",
            "How is {} treated?",
            "Can {} be cured?",
            "How soon does {} pass?",
        ]
    ),
    thing=st.sampled_from(
        ["a kidney stone", "a kidney infection", "a bladder infection", "a UTI", "shingles"]
    ),
)
def test_the_course_of_another_condition_never_gets_a_warning_sign_as_a_covered_answer(
    index: AskIndex, course: str, thing: str
) -> None:
    result = ask(index, course.format(thing))
    assert not (result.covered and result.results and result.results[0].warning_sign)


@pytest.mark.parametrize(
    ("story", "short"),
    [
        (
            "My back started hurting a few weeks after my son was born and it has not let up. "
            "It is worst when I lift him out of the cot or do the dishes. When I gave birth I "
            "had an epidural, if that matters. What exercises can I do to strengthen my back?",
            "Can an epidural cause back pain?",
        ),
        (
            "My lower back aches and the pain runs down the back of my left leg when I sit "
            "through long meetings. My physiotherapist diagnosed it as sciatica last year. "
            "Which stretches could I do at my desk to ease it during the day?",
            "How is back pain diagnosed?",
        ),
    ],
)
def test_an_injection_or_a_diagnosis_told_in_a_story_about_the_back_is_its_setting(
    index: AskIndex, story: str, short: str
) -> None:
    assert ask(index, story).covered is True
    assert ask(index, short).covered is False


@pytest.mark.parametrize(
    "question",
    [
        "Which painkillers can I take for my back?",
        "Is there any pain medication I could use while I wait to see the physio?",
        "My physio's exercises haven't helped. Do I need surgery on my back now?",
        "Is surgery an option for a bad back?",
    ],
)
def test_which_medicine_to_use_and_whether_surgery_is_an_option_are_not_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is False


def test_whether_to_take_medication_at_all_stays_covered(index: AskIndex) -> None:
    # The seeds' entry on pain relief says when medicines help; which one is a pharmacist's call.
    assert ask(index, "Should I take medication to help control my lower back pain?").covered


def test_an_operation_years_ago_told_as_history_leaves_the_question_covered(
    index: AskIndex,
) -> None:
    story = (
        "I had a discectomy ten years ago. Yesterday I lifted a box of books and now my lower "
        "back is stiff and sore. What stretches can I do?"
    )
    assert ask(index, story).covered is True
    assert ask(index, "What is recovery like after a discectomy?").covered is False
    assert ask(index, "I had back surgery two years ago. Will it work long term?").covered is False


@pytest.mark.parametrize(
    "question",
    ["Why do I get pain in my heels after running?", "I have pain on my heals when I stand up"],
)
def test_pain_in_the_heels_is_another_parts_complaint(index: AskIndex, question: str) -> None:
    assert ask(index, question).covered is False
    assert ask(index, "Can wearing high heels every day cause back pain?").covered is True


def test_a_brand_of_mattress_in_a_long_question_is_a_product_the_sources_never_judge(
    index: AskIndex,
) -> None:
    said = (
        "I have had lower back pain for a year and my wife thinks our old bed is to blame. We "
        "are looking at buying {} mattress. Would that be better for my back?"
    )
    assert ask(index, said.format("a Tempur-Pedic")).covered is False
    assert ask(index, said.format("a firmer memory foam")).covered is True


@pytest.mark.parametrize(
    "question",
    [
        "My sciatica has lasted two years despite physio and painkillers. What surgical options "
        "are there for me now?",
        "I am scheduled for a fusion next month. How soon can I drive again afterwards?",
        "They are doing a fusion on my L4 and L5 in spring, what should I expect?",
    ],
)
def test_surgical_options_and_a_fusion_to_come_are_for_the_surgeon(
    index: AskIndex, question: str
) -> None:
    assert not_covered_topic(index, question) == "surgery"


def test_a_fusion_on_a_level_years_ago_told_as_history_is_still_covered(index: AskIndex) -> None:
    story = (
        "I had a fusion on my L5 ten years ago and it has been fine. Now my lower back hurts "
        "after lifting boxes at work. What should I do?"
    )
    assert ask(index, story).covered


@pytest.mark.parametrize(
    "question",
    [
        "My forearm and upper arm ache after a day of painting the ceiling. What should I do?",
        "When I lift my arm above my head, my arm hurts right at the top. What can I do?",
    ],
)
def test_pain_in_the_arm_that_never_names_the_back_is_not_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is False


def test_back_pain_with_aching_arms_is_still_about_the_back(index: AskIndex) -> None:
    question = "My lower back hurts and my arms ache after carrying the shopping, what helps?"
    assert ask(index, question).covered


@pytest.mark.parametrize(
    "question",
    [
        # Cracking one's own back, the word in quotes.
        'Is it bad to "crack" my back every morning?',
        # Whether sciatic pain (not only "sciatica") heals by itself.
        "Will my sciatic nerve pain get better on its own?",
        # A disc taken out lately, and the recovery from it.
        "My disc was removed last month. When can I lift my kids again?",
        # One medicine against another.
        "Is one painkiller better than another for back pain?",
        "Which pain reliever is more effective for a back strain?",
        # A nerve pinched in the neck.
        "What helps a trapped nerve in the neck?",
    ],
)
def test_cracking_quoted_sciatic_course_disc_removal_medicines_compared_and_neck_nerves(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is False


@pytest.mark.parametrize(
    "question",
    [
        "I had a disc removed 12 years ago. Now my lower back aches after gardening, what helps?",
        "Which is better for my back, walking or swimming?",
        "Can a pinched nerve in my lower back cause pain down my leg?",
    ],
)
def test_an_old_disc_operation_exercises_compared_and_a_back_nerve_stay_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered


def test_a_headache_told_with_a_fever_and_back_pain_is_the_infection_sign_not_another_complaint(
    index: AskIndex,
) -> None:
    result = ask(index, "My daughter has a fever, a headache and a sore back. Should I worry?")
    assert result.covered
    assert "red-flag-infection" in [hit.id for hit in result.results[:3]]
    assert ask(index, "What helps a tension headache at work?").covered is False


def test_an_unknown_past_form_before_a_product_word_is_no_unknown_product(
    index: AskIndex,
) -> None:
    question = (
        "I'm 20 weeks pregnant and my back hurts at my desk, even though I have shanged chairs "
        "twice. Is it safe to use a heating pad on my back?"
    )
    assert ask(index, question).covered


@pytest.mark.parametrize(
    "question",
    [
        "My insurance won't cover physio. Is it worth paying for it myself?",
        "Is physical therapy worth paying out of pocket for?",
        "Herniated disc in my lower back: should I have surgery?",
    ],
)
def test_paying_for_treatment_oneself_and_whether_to_have_surgery_are_not_covered(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is False


def test_surgery_asked_after_the_main_question_is_an_aside_and_the_question_is_covered(
    index: AskIndex,
) -> None:
    result = ask(index, "What is a slipped disc? How long does it last? Will I need surgery?")
    assert result.covered is True
    assert "cause-disc-herniation" in [hit.id for hit in result.results[:3]]


def test_surgery_asked_first_is_the_main_question_and_is_not_covered(index: AskIndex) -> None:
    assert ask(index, "Will I need surgery? I have a slipped disc, what is it?").covered is False


@pytest.mark.parametrize(
    "question",
    [
        "I get lower-back and shoulder pain after a day of driving. Is it serious?",
        "Muscular lower-back and neck pain after long drives",
    ],
)
def test_a_back_word_joined_by_a_hyphen_names_the_back_beside_another_body_part(
    index: AskIndex, question: str
) -> None:
    assert ask(index, question).covered is True


_STORY = (
    "My lower back started hurting after I moved house last week and it has not let up. The pain "
    "sits low on the right and gets worse when I bend to tie my shoes. "
)


def test_a_medicine_told_only_as_taken_in_a_story_about_the_back_leaves_it_covered(
    index: AskIndex,
) -> None:
    question = _STORY + "I have been taking ibuprofen but nothing changes. Any suggestions?"
    result = ask(index, question)
    assert result.covered is True
    assert result.not_covered is None


@pytest.mark.parametrize(
    "ending",
    [
        "My doctor prescribed muscle relaxants. Should I take them?",
        "I have been taking ibuprofen. Is ibuprofen safe every day?",
        "A friend said naproxen helps. What do you think?",
    ],
)
def test_a_medicine_asked_about_in_a_story_is_still_the_pharmacists(
    index: AskIndex, ending: str
) -> None:
    assert not_covered_topic(index, _STORY + ending) == "medicines"


@pytest.mark.parametrize(
    "question", ["Is Biofreeze safe to use on my back?", "Can I rub Bengay on my lower back?"]
)
def test_a_medicated_rub_by_its_brand_is_the_pharmacists(index: AskIndex, question: str) -> None:
    assert not_covered_topic(index, question) == "medicines"


def test_a_rub_used_as_history_in_a_story_about_the_back_leaves_it_covered(
    index: AskIndex,
) -> None:
    question = (
        "For the past year my lower back has ached most evenings after work. I use Icy Hot on it "
        "now and then and it feels a bit better for an hour. What stretches would help my back "
        "in the long run?"
    )
    assert ask(index, question).covered is True


@pytest.mark.parametrize(
    "question",
    [
        "My lower back aches after riding for two hours",
        "Lower back pain when I'm riding, what can I do?",
    ],
)
def test_back_pain_from_riding_with_no_vehicle_named_is_not_covered(
    index: AskIndex, question: str
) -> None:
    assert not_covered_topic(index, question) == "cycling"


def test_riding_in_a_car_is_driving_and_covered(index: AskIndex) -> None:
    assert ask(index, "My back hurts after riding in the car for hours").covered is True


@pytest.mark.parametrize(
    "question",
    ["How long can I attend physio for?", "How many sessions of physical therapy can I have?"],
)
def test_how_long_one_may_attend_therapy_is_the_insurers_or_the_clinics(
    index: AskIndex, question: str
) -> None:
    assert not_covered_topic(index, question) == "money_and_paperwork"


@pytest.mark.parametrize(
    "question",
    [
        "Can I take pain killers while breastfeeding?",
        "Which medicines are okay for back pain when I'm nursing?",
    ],
)
def test_whether_a_medicine_is_safe_while_breastfeeding_is_the_pharmacists(
    index: AskIndex, question: str
) -> None:
    assert not_covered_topic(index, question) == "medicines"


def test_breastfeeding_without_a_medicine_is_still_covered(index: AskIndex) -> None:
    assert ask(index, "My back hurts while breastfeeding, how should I sit?").covered is True


@pytest.mark.parametrize(
    "question", ["My husband cracks my back every evening, is that OK?", "He popped my back"]
)
def test_someone_cracking_ones_back_in_any_form_of_the_verb_is_a_manipulation(
    index: AskIndex, question: str
) -> None:
    assert not_covered_topic(index, question) == "devices_and_clinic_treatments"


@pytest.mark.parametrize(
    "question",
    ["Should I lower my stem spacers?", "Is my saddle height to blame for my sore back?"],
)
def test_a_bikes_parts_that_set_the_riding_position_are_the_bike_fitters(
    index: AskIndex, question: str
) -> None:
    assert not_covered_topic(index, question) == "cycling"


@pytest.mark.parametrize(
    "question",
    [
        "My lower back has hurt for a year and the pain goes down my right leg when I walk far. "
        "The pain clinic has offered me a nerve block next month. Should I go ahead with it?",
        "After months of sciatica my GP wants me to have a steroid injection in my spine. I have "
        "read online that these injections don't help much. Do they really work?",
        "Will orthotics or insoles in my work boots stop my lower back aching?",
        "How many IU of vitamin D a day for bad bones and a sore back?",
        "How much magnesium should I take for back spasms?",
        "I was fired after my back injury kept me off for a month. Is that legal?",
        "My employer refused my leave of absence for my slipped disc. What can I do?",
    ],
)
def test_an_injection_put_to_the_person_orthotics_and_supplement_doses_are_not_covered(
    index: AskIndex, question: str
) -> None:
    """An injection a doctor recommends or offers, or whether injections work, is what a story
    asks about, however long (held_out_22's class); insoles and orthotics are devices the seeds
    do not assess (they speak only of flat, supportive shoes); how much of a vitamin or
    supplement to take is a dose, which the seeds never give (held_out_25's class); losing a
    job or leave over the back is employment law (held_out_26's)."""
    assert ask(index, question).covered is False
