"""Strict types and consistency of the profile and the diary's input models (issue 22, class 3;
SPEC §9): booleans are not numbers, lists are short and hold each value once, contradictory
profiles, empty files, a key given twice and YAML 1.1 coercions are refused, naming the field."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from backcare.errors import InputError
from backcare.profile import Profile, parse_profile
from backcare.schemas import ExportBundle, PainEntryCreate, SessionRecordCreate
from backcare.validation import MAX_LIST_ITEMS


def refused_at(model: type[BaseModel], data: dict[str, Any]) -> tuple[Any, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    first = caught.value.errors()[0]
    return first["loc"], first["msg"]


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ({"age": True}, ("age",)),
        ({"pain": {"score": False}}, ("pain", "score")),
        ({"pregnancy": {"weeks": True}}, ("pregnancy", "weeks")),
        ({"minutes_per_day": True}, ("minutes_per_day",)),
        ({"work": [True]}, ("work",)),
    ],
)
def test_booleans_are_not_numbers_in_a_profile(data: dict[str, Any], loc: tuple[Any, ...]) -> None:
    assert refused_at(Profile, data)[0] == loc


def test_booleans_are_not_numbers_in_the_diary() -> None:
    assert refused_at(PainEntryCreate, {"score": True})[0] == ("score",)
    session = {"plan_day": True, "week": 1, "started_at": "2026-01-01T08:00Z"}
    assert refused_at(SessionRecordCreate, session | {"ended_at": "2026-01-01T08:10Z"})[0] == (
        "plan_day",
    )


def test_booleans_still_answer_yes_no_questions() -> None:
    profile = Profile.model_validate({"menopause": True, "symptoms": {"fever_or_chills": False}})
    assert profile.menopause is True


@given(
    field=st.sampled_from(["work", "equipment", "conditions", "areas"]),
    copies=st.integers(2, 5_000),
)
def test_lists_hold_each_value_once(field: str, copies: int) -> None:
    value = {"work": "sitting", "equipment": "mat", "conditions": "osteoporosis"}.get(
        field, "lower_back"
    )
    data: dict[str, Any] = {field: [value] * copies}
    if field == "areas":
        data = {"pain": data}
    loc, msg = refused_at(Profile, data)
    assert loc[-1] == field
    assert "twice" in msg or f"at most {MAX_LIST_ITEMS}" in msg


def test_oversized_lists_are_refused_before_their_items_are_read() -> None:
    loc, msg = refused_at(PainEntryCreate, {"score": 3, "areas": [f"x{n}" for n in range(100_000)]})
    assert loc == ("areas",)
    assert f"at most {MAX_LIST_ITEMS}" in msg


@pytest.mark.parametrize(
    ("data", "names"),
    [
        (
            {"sex": "female", "pregnancy": {"weeks": 20}, "postpartum": {"weeks_since_birth": 3}},
            "pregnancy, postpartum",
        ),
        ({"sex": "male", "pregnancy": {"weeks": 20}}, "pregnancy, sex"),
        ({"age": 30, "pain": {"onset_age": 31}}, "pain.onset_age, age"),
    ],
)
def test_contradictory_profiles_are_refused_naming_the_fields(
    data: dict[str, Any], names: str
) -> None:
    assert names in refused_at(Profile, data)[1]


def test_an_imported_profile_is_checked_for_contradictions_too() -> None:
    bundle = {
        "exported_at": "2026-01-01T00:00Z",
        "profiles": [
            {
                "version": 1,
                "saved_at": "2026-01-01T00:00Z",
                "profile": {"sex": "male", "pregnancy": {"weeks": 3}},
            }
        ],
    }
    loc, msg = refused_at(ExportBundle, bundle)
    assert loc == ("profiles", 0, "profile")
    assert "pregnancy, sex" in msg


def test_consistent_edges_pass() -> None:
    Profile.model_validate({"age": 30, "pain": {"onset_age": 30}})
    Profile.model_validate({"sex": "other", "pregnancy": {"weeks": 12}})


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "{}", "null"])
def test_an_empty_profile_is_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"^me\.yaml: the profile is empty"):
        parse_profile(text, source="me.yaml")


@pytest.mark.parametrize(
    "text",
    ['{"age": 30, "age": 40}', "age: 30\nage: 40\n", "pain:\n  score: 3\n  score: 4\n"],
)
def test_a_key_given_twice_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="appears twice"):
        parse_profile(text, source="me.yaml")


@pytest.mark.parametrize(
    ("text", "loc"),
    [
        ("age: yes", ("age",)),
        ("age: no", ("age",)),
        ("age: on", ("age",)),
        ("age: 0x22", ("age",)),
        ("age: 0o42", ("age",)),
        ("age: 1_0", ("age",)),
        ("age: 1:30", ("age",)),
        ("age: .inf", ("age",)),
        ("age: .nan", ("age",)),
        ('age: "34"', ("age",)),
        ("pain: {score: 0b101}", ("pain", "score")),
        ('{"age": NaN}', ("age",)),
        ('{"age": 1e400}', ("age",)),
    ],
)
def test_yaml_1_1_coercions_and_non_numbers_are_refused(text: str, loc: tuple[Any, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_profile(text)
    assert caught.value.errors()[0]["loc"] == loc


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",
        "x: " + "[" * 50 + "]" * 50,
        "x: " + "[" * 100_000 + "]" * 100_000,
    ],
)
def test_aliases_and_deep_nesting_are_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"aliases|nested"):
        parse_profile(text, source="me.yaml")


def test_json_like_yaml_still_reads() -> None:
    profile = parse_profile("age: 34\nmenopause: false\npain: {score: 3, areas: [lower_back]}\n")
    assert (profile.age, profile.menopause, profile.pain.score) == (34, False, 3)
