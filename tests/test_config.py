"""Settings read from the environment: the emergency number the urgent pages offer to call."""

from __future__ import annotations

import pytest

from backcare.config import load_settings
from backcare.errors import InputError


@pytest.mark.parametrize(
    ("env", "number"),
    [
        ({}, "112"),
        ({"LANG": "en_GB.UTF-8"}, "999"),
        ({"LANG": "en_US.UTF-8"}, "911"),
        ({"LANG": "de_DE.UTF-8"}, "112"),
        ({"LANG": "C.UTF-8"}, "112"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "999"),
        ({"LANG": "en_GB.UTF-8", "BACKCARE_LOCALE": "en-US"}, "911"),
        ({"LANG": "en_GB.UTF-8", "BACKCARE_EMERGENCY_NUMBER": "000"}, "000"),
        ({"BACKCARE_EMERGENCY_NUMBER": "+61000"}, "+61000"),
    ],
)
def test_the_emergency_number_follows_the_setting_then_the_locale(
    env: dict[str, str], number: str
) -> None:
    settings = load_settings({"BACKCARE_HOME": "/tmp/backcare-config-test", **env})
    assert settings.emergency_number == number


def test_a_number_that_is_no_number_is_refused_naming_the_setting() -> None:
    with pytest.raises(InputError, match="BACKCARE_EMERGENCY_NUMBER"):
        load_settings({"BACKCARE_HOME": "/tmp/x", "BACKCARE_EMERGENCY_NUMBER": "call 999"})
