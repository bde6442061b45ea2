"""The ``camera`` block is validated with its exercise: cues are words of a step the exercise
already has, thresholds are far enough apart to survive jitter, measures are well formed."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from backcare.content.schema import Exercise
from tests.camera.conftest import CAMERA_EXERCISES


def _bridge_with(**camera: Any) -> dict[str, Any]:
    data = CAMERA_EXERCISES["bridge"].model_dump(mode="json", exclude_none=True)
    data["camera"] = {**data["camera"], **camera}
    return data


def test_the_shipped_bridge_validates() -> None:
    assert Exercise.model_validate(_bridge_with()).camera == CAMERA_EXERCISES["bridge"].camera


@pytest.mark.parametrize(
    ("camera", "named"),
    [
        (
            {"cues": [{"id": "new-claim", "says": "Tuck your chin", "step": 2, "below": 150}]},
            "words of step 2",
        ),
        ({"cues": [{"id": "far", "says": "Lower slowly", "step": 9, "below": 150}]}, "step 9 of 4"),
        (
            {"cues": [{"id": "half-word", "says": "hip", "step": 2, "below": 150}]},
            "words of step 2",
        ),
        ({"cues": [{"id": "none", "says": "Lower slowly", "step": 3}]}, "exactly one of"),
        ({"rest": 140, "top": 150}, "at least 15 degrees"),
        (
            {"signal": {"angle": ["shoulder", "hip", "knee"], "incline": ["hip", "knee"]}},
            "either an angle",
        ),
        ({"signal": {"angle": ["shoulder", "tail", "knee"]}}, "signal.angle"),
        ({"view": "top"}, "view"),
    ],
)
def test_bad_camera_blocks_are_refused(camera: dict[str, Any], named: str) -> None:
    with pytest.raises(ValidationError, match=named):
        Exercise.model_validate(_bridge_with(**camera))
