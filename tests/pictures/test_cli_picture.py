"""`backcare kb picture ID` writes the SVG to stdout; bad ids get one line and exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest


def backcare(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BACKCARE_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "backcare", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_picture_is_svg_on_stdout(tmp_path: Path) -> None:
    result = backcare("kb", "picture", "bridge", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ET.fromstring(result.stdout).findtext("{http://www.w3.org/2000/svg}title") == "Bridge"
    still = backcare("kb", "picture", "bridge", "--still", home=tmp_path)
    assert "<animate" in result.stdout
    assert "<animate" not in still.stdout


@pytest.mark.parametrize(
    ("entry_id", "message"),
    [("no-such-thing", "no knowledge-base entry"), ("sitting-posture", "not an exercise")],
)
def test_bad_ids_get_one_line_and_status_2(tmp_path: Path, entry_id: str, message: str) -> None:
    result = backcare("kb", "picture", entry_id, home=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
