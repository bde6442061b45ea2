"""``make bench``: run every benchmark module in this folder, then print one table of every
figure against its goal.

Each module has ``run() -> None`` that measures side by side in one run, prints its details
and records each figure that has a goal (``benchmarks.measures``); the table at the end holds
them all, and ``python -m benchmarks --json FILE [NAME…]`` writes the same figures (SPEC §9).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

from benchmarks.measures import as_json, table


def main() -> None:
    folder = Path(__file__).parent
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_")
    )
    args = sys.argv[1:]
    target = None
    if args[:1] == ["--json"]:
        if len(args) < 2:
            sys.exit("usage: python -m benchmarks [--json FILE] [NAME...]")
        target, args = Path(args[1]), args[2:]
    only = set(args)
    for name in names:
        if name == "measures" or (only and name not in only):
            continue
        print(f"== {name}", flush=True)
        importlib.import_module(f"benchmarks.{name}").run()
    print(f"== every figure against its goal\n{table()}", flush=True)
    if target is not None:
        target.write_text(json.dumps(as_json(), indent=2) + "\n", encoding="utf-8")


main()
