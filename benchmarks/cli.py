"""CLI start: each command against Python importing Typer and Rich (the floor any Typer CLI pays).

Every process is started in alternating rounds in one run, so machine noise hits all of them;
the best time of each is compared (noise only ever adds time). The commands run in a temporary
``BACKCARE_HOME`` whose database and compiled knowledge base a warm-up run has made, as on any
start but the first. The package is byte-compiled first, as an installed one is (an editable
checkout under ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile every module on every
start). Also the peak resident memory of ``backcare plan``.
"""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import backcare
from benchmarks.measures import at_most

ROUNDS = 7
PROFILE = {"age": 34, "sex": "female", "work": ["sitting"], "pain": {"score": 4}}
FLOOR = "python -c 'import typer, rich'"
GOALS = {
    "--help": 1.5,
    "kb stats --json": 3,
    "check --profile F --json": 3,
    "plan --profile F --json": 3,
    "log 3": 3,
}
"""Each command's start, as a multiple of the floor (issue 18)."""
PLAN_RSS_MIB = 120
"""Our own ceiling for the peak memory of one `backcare plan` (the issue asks for the figure)."""


def _backcare() -> list[str]:
    """The installed ``backcare`` script beside this Python, as people run it."""
    script = Path(sys.executable).with_name("backcare")
    return [str(script)] if script.exists() else [sys.executable, "-m", "backcare"]


def _commands(profile: Path) -> dict[str, list[str]]:
    backcare = _backcare()
    commands = {FLOOR: [sys.executable, "-c", "import typer, rich"]}
    for name in GOALS:
        arguments = name.replace("F", str(profile)).split()
        commands[name] = [*backcare, *arguments]
    return commands


def _seconds(command: list[str], environ: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=environ, capture_output=True, check=True)
    return time.perf_counter() - start


RSS_PROBE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
"""Runs a command and prints its peak RSS (KiB). Linux keeps a process's peak across fork and
exec, so the command is started from this small Python, not from the benchmark's own big one."""


def peak_rss_mib(command: list[str], environ: dict[str, str]) -> float:
    """Peak resident memory of one process."""
    probe = [sys.executable, "-c", RSS_PROBE, *command]
    done = subprocess.run(probe, env=environ, capture_output=True, text=True, check=True)
    return int(done.stdout) / 1024


def run() -> None:
    compileall.compile_dir(Path(backcare.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        profile = home / "profile.json"
        profile.write_text(json.dumps(PROFILE), encoding="utf-8")
        environ = os.environ | {"BACKCARE_HOME": str(home)}
        commands = _commands(profile)
        for command in commands.values():
            _seconds(command, environ)  # warm-up: database, compiled knowledge base, disk cache
        best = {name: float("inf") for name in commands}
        for _ in range(ROUNDS):
            for name, command in commands.items():
                best[name] = min(best[name], _seconds(command, environ))
        rss = peak_rss_mib(commands["plan --profile F --json"], environ)
    floor = best[FLOOR]
    print(f"CLI start, best of {ROUNDS}: floor {FLOOR} {floor * 1000:.0f} ms")
    for name, goal in GOALS.items():
        ratio = best[name] / floor
        print(f"  backcare {name:<26} {best[name] * 1000:5.0f} ms = {ratio:4.2f}x (<= {goal:g}x)")
        at_most(f"backcare {name} / floor", ratio, goal)
    print(f"backcare plan: peak RSS {rss:.0f} MiB")
    at_most("backcare plan peak RSS (MiB)", rss, PLAN_RSS_MIB)
