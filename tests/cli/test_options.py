"""Every CLI option out of range is one line naming it, exit status 2 (issue 22, class 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcare.cli.common import MAX_PROFILE_BYTES
from tests.cli.test_data_commands import Backcare


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["log", "4", "--at", "0001-01-01T00:00"], "--at"),
        (["log", "4", "--at", "0001-01-01T00:00+14:00"], "--at"),
        (["log", "4", "--at", "1899-12-31T23:00+00:00"], "--at"),
        (["log", "4", "--at", "9999-12-31T23:59"], "--at"),
        (["breaks", "--every", "inf"], "--every"),
        (["breaks", "--every", "nan"], "--every"),
        (["breaks", "--every", "-inf"], "--every"),
        (["breaks", "--every", "1e400"], "--every"),
        (["breaks", "--move", "nan"], "--move"),
        (["breaks", "--count", "0"], "--count"),
        (["breaks", "--speed", "nan"], "--speed"),
        (["breaks", "--every", "30"], "terminal"),
        (["check", "--profile", "/dev/zero"], "--profile"),
        (["plan", "--profile", "/dev/zero"], "--profile"),
        (["check", "--profile", "/dev/null"], "empty"),
        (["delete", "--session", "abc"], "--session"),
    ],
)
def test_options_out_of_range_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], named: str
) -> None:
    backcare = Backcare(tmp_path / "home")
    result = backcare.process(*args)  # a real process: stdin is not a terminal
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result
    assert lines[0].startswith("error: "), result
    assert named in lines[0], result
    assert "Traceback" not in result.stderr


def test_a_big_profile_on_stdin_is_refused_too(tmp_path: Path) -> None:
    backcare = Backcare(tmp_path / "home")
    result = backcare("check", "--profile", "-", stdin="#" * (MAX_PROFILE_BYTES + 1))
    assert result.returncode == 2
    assert "larger than" in result.stderr


def test_serve_on_a_busy_port_says_so_and_which_to_try_before_starting(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = Backcare(tmp_path / "home").process("serve", "--port", str(port))
    assert result.returncode == 2, result
    assert "backcare on http" not in result.stdout
    assert f"--port: {port} on 127.0.0.1 is in use" in result.stderr
    assert "try --port" in result.stderr
