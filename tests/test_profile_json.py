"""The lean JSON path of ``parse_profile`` (issue 18) reads every text exactly as the YAML
reader does: the same profile, or the same refusal with the same message."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from backcare.errors import InputError
from backcare.profile import Profile, parse_profile
from backcare.strict_yaml import load
from tests.strategies import profiles

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**45), 10**45),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["lower_back", "yes", "0x22", "12:30", "female", "mat", ""]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=8),
)
keys = st.sampled_from(["age", "sex", "pain", "score", "areas", "work", "equipment", "weeks"])
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=12,
)


def through_yaml(text: str) -> Profile:
    """The reference: the YAML reader alone, then the same checks as ``parse_profile``."""
    data = load(text, source="profile")
    if data is None or data == {}:
        raise InputError("profile: the profile is empty (give at least one answer)")
    if not isinstance(data, dict):
        raise InputError("profile: a profile must be a JSON/YAML object")
    return Profile.model_validate(data)


def outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        return "profile", read(text).model_dump()
    except ValidationError as error:
        return "invalid", [(e["loc"], e["msg"]) for e in error.errors()]
    except InputError as error:
        return "refused", str(error)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, values, max_size=4))
def test_any_json_object_reads_as_through_yaml(data: dict[str, Any]) -> None:
    for text in (json.dumps(data, ensure_ascii=False), json.dumps(data)):
        assert outcome(parse_profile, text) == outcome(through_yaml, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_every_valid_profile_reads_as_through_yaml(profile: Profile) -> None:
    text = profile.model_dump_json(exclude_none=True)
    read = parse_profile(text)
    assert read == through_yaml(text) == profile


def test_texts_json_refuses_still_get_the_yaml_readers_word() -> None:
    for text in ('{"age": 34, "age": 35}', "age: 34\n", '{"age": 34', "\ufeff{}", "[1]", "{}"):
        assert outcome(parse_profile, text) == outcome(through_yaml, text)
