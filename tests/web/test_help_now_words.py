"""What the help-now page tells the person to say: each worrying answer once, in their words,
however many warning signs it stands behind."""

from __future__ import annotations

from backcare.profile import Profile
from backcare.triage import warning_answers
from backcare.web.routes.pages_help import tell_them

OLDER_FALL = Profile.model_validate(
    {
        "age": 78,
        "sex": "female",
        "menopause": True,
        "pain": {"areas": ["lower_back"], "score": 5, "duration_days": 1, "onset": "sudden"},
        "symptoms": {"recent_trauma": True},
    }
)


def test_an_answer_behind_three_warning_signs_is_said_once() -> None:
    answers = warning_answers(OLDER_FALL)
    assert len(answers) == len(set(answers))
    assert answers.count("your age (78)") == 1
    assert "pain that started after a fall, an accident or a blow" in answers


def test_the_worrying_answers_leave_age_and_pregnancy_to_their_own_lines() -> None:
    lines = tell_them(OLDER_FALL)
    worrying = next(line for line in lines if line.startswith("What is new or worrying"))
    assert "your age" not in worrying
    assert worrying.count("pain that started after a fall") == 1
    assert "Your age: 78." in lines


def test_the_pain_line_counts_days_in_plain_words() -> None:
    assert tell_them(OLDER_FALL)[0] == (
        "Pain in your lower back, 5 out of 10, for 1 day, it came on suddenly."
    )


def test_the_pain_line_names_the_places_in_plain_words() -> None:
    person = Profile.model_validate(
        {"age": 57, "pain": {"areas": ["neck_shoulder", "wrist_hand"], "score": 3}}
    )
    assert (
        tell_them(person)[0] == "Pain in your neck and shoulders and wrists and hands, 3 out of 10."
    )
