"""The browser's coach (``static/coach.js``, run here in Node) gives the same counts, holds and
cues as the Python core on the same streams, reading the same camera blocks as JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from backcare.camera import summarise
from tests.camera.conftest import IDS_WITH_CAMERA, camera_of, figure_play
from tests.camera.streams import Play, stream

STATIC = Path(__file__).resolve().parents[2] / "src" / "backcare" / "web" / "static"
COACH_JS = STATIC / "coach.js"
RUNNER = """
const coach = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(([camera, frames]) => coach.summarise(camera, frames));
process.stdout.write(JSON.stringify(out));
"""
VARIANTS = [
    ("figure", None, 0.0, 0.0),
    ("fast", Play(move_s=0.4), 0.0, 0.0),
    ("noisy", None, 3.0, 0.3),
]


def _frame_json(frame: object) -> object:
    if frame is None:
        return None
    assert isinstance(frame, dict)
    return {name: {"x": m.x, "y": m.y, "visibility": m.visibility} for name, m in frame.items()}


def test_the_browser_coach_matches_the_python_core() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node is needed (it also installs axe-core for the accessibility tests)")
    cases, expected = [], []
    for exercise_id in IDS_WITH_CAMERA:
        camera = camera_of(exercise_id)
        served = camera.model_dump(mode="json")  # as the session page serves it
        for _, play, jitter, drop in VARIANTS:
            frames = stream(exercise_id, play or figure_play(exercise_id), jitter=jitter, drop=drop)
            cases.append([served, [[t, _frame_json(f)] for t, f in frames]])
            s = summarise(camera, frames)
            expected.append(
                [s.reps, [round(h, 6) for h in s.holds_s], list(s.cues_shown), s.status]
            )
    run = subprocess.run(
        [node, "-e", RUNNER, str(COACH_JS)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    got = [
        [s["reps"], [round(h, 6) for h in s["holds_s"]], s["cues_shown"], s["status"]]
        for s in json.loads(run.stdout)
    ]
    assert got == expected
    assert any(reps for reps, *_ in got)
    assert any(cues for _, _, cues, _ in got)
