"""The check-in in Chromium asks the new warning-sign questions only of the people they concern
(issue 14): an office worker never sees them; an older person who fell with severe pain ends on
an emergency result; a pregnant woman is asked the pregnancy warning signs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from tests.triage.test_questions import FOLLOW_UPS
from tests.web.browser_support import DESKTOP, OFFICE_WORKER, PHONE, check_in, shot

pytestmark = pytest.mark.browser

NEW_QUESTIONS = FOLLOW_UPS
PLAN_ANSWERS = {
    key: OFFICE_WORKER[key] for key in ("work", "equipment", "fitness", "minutes_per_day")
}
"""The plan's own questions, answered as the office worker does, after the safety check's."""


def asked(screens: list[list[str]]) -> set[str]:
    return {key for screen in screens for key in screen}


def test_an_office_worker_is_not_asked_the_new_questions(page: Page) -> None:
    page.goto("/check-in")
    screens = check_in(page, OFFICE_WORKER)
    assert asked(screens) & NEW_QUESTIONS == set()


def test_an_older_person_who_fell_is_asked_and_told_to_call_an_ambulance(page: Page) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 78,
            "sex": "female",
            "menopause": "yes",
            "pain.areas": ["lower_back"],
            "pain.score": 8,
            "pain.duration_days": 1,
            "pain.onset": "sudden",
            "symptoms.recent_trauma": "yes",
        },
    )
    keys = asked(screens)
    assert {"symptoms.serious_accident", "symptoms.cannot_stand_or_walk"} & keys == set(), (
        "the age, the severe pain and the fall are already an emergency: the check-in stops at "
        "the fall"
    )
    assert screens[-1][-1] == "symptoms.recent_trauma" or "symptoms.recent_trauma" in screens[-1]
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.emergency")
    expect(panel).to_contain_text("Call an ambulance")
    expect(panel).to_contain_text("your age (78)")
    shot(page, "older-fall-emergency-phone")


@pytest.mark.parametrize(("size", "name"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_an_older_person_who_fell_with_milder_pain_is_asked_and_sent_to_a_doctor_soon(
    page: Page, size: ViewportSize, name: str
) -> None:
    """Issue 14 classes 1 and 2: at 78, mild pain after a fall is a possible fragility
    fracture (see a doctor today or tomorrow), not an ambulance unless she cannot stand or the
    pain is more than mild (a hurt back)."""
    page.set_viewport_size(size)
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 78,
            "sex": "female",
            "menopause": "yes",
            "pain.areas": ["lower_back"],
            "pain.score": 3,
            "pain.duration_days": 1,
            "pain.onset": "gradual",
            "symptoms.recent_trauma": "yes",
        },
    )
    assert {"symptoms.serious_accident", "symptoms.cannot_stand_or_walk"} <= asked(screens)
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.urgent")
    expect(panel).to_contain_text("See a doctor today or tomorrow")
    expect(panel).to_contain_text("your age (78)")
    shot(page, f"older-fall-urgent-{name}")


def test_a_younger_person_who_fell_is_asked_whether_it_was_serious(page: Page) -> None:
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 40,
            "sex": "male",
            "pain.areas": ["lower_back"],
            "pain.score": 3,
            "pain.duration_days": 1,
            "pain.onset": "sudden",
            "symptoms.recent_trauma": "yes",
            **PLAN_ANSWERS,
        },
    )
    assert {"symptoms.serious_accident", "symptoms.cannot_stand_or_walk"} <= asked(screens)
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="No sign that needs a doctor now")).to_be_visible()
    expect(page.locator("main")).to_contain_text("cannot put weight on your legs")


def test_a_weak_leg_brings_the_walking_question_and_legs_too_weak_to_walk_are_an_emergency(
    page: Page,
) -> None:
    """Weakness in the legs with trouble walking needs immediate attention (NHS Sheffield): the
    check-in asks whether they can stand or walk after a weak leg, and "no" ends at 999."""
    page.set_viewport_size(PHONE)
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 47,
            "sex": "female",
            "pain.areas": ["lower_back", "leg_sciatica"],
            "pain.score": 6,
            "pain.duration_days": 7,
            "pain.onset": "gradual",
            "symptoms.leg_weakness": "yes",
            "symptoms.cannot_stand_or_walk": "yes",
        },
    )
    assert "symptoms.cannot_stand_or_walk" in asked(screens)
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.emergency")
    expect(panel).to_contain_text("Call an ambulance")
    shot(page, "weak-legs-cannot-walk-emergency-phone")


def test_a_pregnant_woman_is_asked_the_pregnancy_warning_signs(page: Page) -> None:
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 29,
            "sex": "female",
            "pregnant": "yes",
            "pregnancy.weeks": 33,
            "pain.areas": ["lower_back"],
            "pain.score": 4,
            "pain.duration_days": 5,
            "pain.onset": "gradual",
            "symptoms.reduced_baby_movements": "yes",
        },
    )
    keys = asked(screens)
    assert {"symptoms.waters_breaking", "symptoms.reduced_baby_movements"} <= keys
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.emergency")
    expect(panel).to_contain_text("Call your maternity unit now")
    shot(page, "reduced-movements-emergency-desktop")


@pytest.mark.parametrize(("easing", "heading"), [("yes", "No sign"), ("no", "Book")])
def test_sciatica_of_five_weeks_is_asked_whether_it_is_easing(
    page: Page, easing: str, heading: str
) -> None:
    """NHS: get help if the pain "does not start to improve within a few weeks". At five weeks
    the check-in asks; easing leaves the man at self-care, not easing books a doctor."""
    page.set_viewport_size(PHONE)
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 41,
            "sex": "male",
            "pain.areas": ["lower_back", "leg_sciatica"],
            "pain.score": 3,
            "pain.duration_days": 35,
            "pain.onset": "gradual",
            "pain.improving": easing,
            "symptoms.leg_numbness_or_pain": "yes",
            **PLAN_ANSWERS,
        },
    )
    assert "pain.improving" in asked(screens)
    page.get_by_role("button", name="See my result").click()
    expect(page.locator("main h2, main h1").filter(has_text=heading).first).to_be_visible()
    shot(page, f"sciatica-five-weeks-easing-{easing}-phone")


def test_an_older_person_is_asked_about_sudden_confusion_and_sent_to_hospital(page: Page) -> None:
    """From 65 everyone is asked about sudden confusion, fever or not: in older people it may be
    the first sign of an infection or a heart attack, and it is an emergency (NHS)."""
    page.set_viewport_size(PHONE)
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 82,
            "sex": "male",
            "pain.areas": ["upper_back"],
            "pain.score": 3,
            "pain.duration_days": 0,
            "pain.onset": "gradual",
            "symptoms.confused_or_drowsy": "yes",
        },
    )
    assert "symptoms.confused_or_drowsy" in asked(screens)
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.emergency")
    expect(panel).to_contain_text("Call an ambulance")
    expect(panel).to_contain_text("because of feeling confused or very drowsy")
    shot(page, "older-sudden-confusion-phone")


def test_neck_pain_brings_the_headache_question_and_a_sudden_severe_one_is_an_emergency(
    page: Page,
) -> None:
    """NHS, Headaches: 999 for a headache that came on suddenly and is extremely painful; the
    question, once asked only in pregnancy, comes with neck pain too."""
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 36,
            "sex": "female",
            "pain.areas": ["neck_shoulder"],
            "pain.score": 5,
            "pain.duration_days": 0,
            "pain.onset": "sudden",
            "symptoms.severe_headache_or_vision_change": "yes",
        },
    )
    assert "symptoms.severe_headache_or_vision_change" in asked(screens)
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.emergency")
    expect(panel).to_contain_text("Call an ambulance")
    expect(panel).to_contain_text("a severe headache")


def test_belly_pain_brings_might_you_be_pregnant_and_yes_is_seen_soon(page: Page) -> None:
    """NHS, Ectopic pregnancy: belly pain in someone who might be pregnant needs 111 or a GP as
    soon as possible; she is asked only because she has belly pain and has not said she is
    pregnant."""
    page.goto("/check-in")
    screens = check_in(
        page,
        {
            "age": 26,
            "sex": "female",
            "pregnant": "no",
            "pain.areas": ["lower_back"],
            "pain.score": 3,
            "pain.duration_days": 2,
            "pain.onset": "gradual",
            "symptoms.abdominal_pain": "yes",
            "symptoms.might_be_pregnant": "yes",
        },
    )
    assert "symptoms.might_be_pregnant" in asked(screens)
    page.get_by_role("button", name="See my result").click()
    panel = page.locator(".panel.urgent")
    expect(panel).to_contain_text("See a doctor today or tomorrow")
    expect(panel).to_contain_text("that you might be pregnant")
    shot(page, "might-be-pregnant-urgent-desktop")
