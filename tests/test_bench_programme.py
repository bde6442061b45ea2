"""``python -m benchmarks programme``: one simulated person's four weeks, reproducible, with
STarT Back setting the start and PEG/PSFS verdicts moving the phases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "programme"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_four_weeks_in_and_out_the_same_every_run() -> None:
    lines = _run()
    assert lines == _run()
    assert lines[1].startswith("Start: Starting gently because your STarT Back result was high")
    assert lines[3] == (
        "Lessons, in order: What your symptoms mean, Pain and worry about moving, Keep active"
    )
    assert lines[4].startswith("Week 4 planned at pace 2:")
    days = {line.split(" | ")[0]: line.split(" | ") for line in lines if " | " in line}
    assert all(str(day) in days for day in range(1, 29))
    assert days["1"][-1] == "STarT Back 7/9, high risk, PEG 5.7 (first), PSFS 3.5 (first)"
    assert days["7"][-1] == "PEG 3.7 (better), PSFS 4.5 (no clear change)"
    assert days["8"][2] == "strengthening (strengthening: your PEG score improved in week 1)"
    assert days["16"][3] == "yes"
