"""``python -m benchmarks --json FILE NAME`` (SPEC §9) writes the figures that have a goal as a
list of ``{"measure", "value", "goal", "ok"}``; the quick triage benchmark shows the shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_triage_benchmark_writes_its_figures_as_json(tmp_path: Path) -> None:
    target = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--json", str(target), "triage"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    measures = json.loads(target.read_text(encoding="utf-8"))
    assert {m["measure"] for m in measures} >= {
        "triage held_out: emergency or urgent given a lower level",
        "triage fresh: share exactly right",
    }
    for measure in measures:
        assert set(measure) == {"measure", "value", "goal", "ok"}
        assert isinstance(measure["value"], int | float)
        assert isinstance(measure["ok"], bool)
        assert measure["goal"].startswith(("<=", ">="))
