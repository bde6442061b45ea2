"""Diary at scale: ``backcare diary`` (four weeks shown) with 1,000 and with 100,000 entries.

The diary reads only the window it shows (an indexed time filter in SQL), so its time and peak
memory should stay about flat as the whole diary grows a hundredfold. Both diaries are real
SQLite files; each is read in alternating rounds in one run, so machine noise hits both.
"""

from __future__ import annotations

import os
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.measures import at_most

SIZES = (1_000, 100_000)
ROUNDS = 3
SPACING = timedelta(hours=2)
"""Entries every two hours: 100,000 of them reach back about 23 years."""


def _fill(home: Path, count: int, now: datetime) -> None:
    from sqlalchemy import insert

    from backcare.config import load_settings
    from backcare.store import open_database
    from backcare.store.models import PainEntry

    database = open_database(load_settings({"BACKCARE_HOME": str(home)}))
    rows = [
        {"user_id": 1, "score": n % 11, "areas": ["lower_back"], "note": f"entry {n}",
         "at": now - SPACING * n}
        for n in range(count)
    ]  # fmt: skip
    with database.session() as session:
        session.execute(insert(PainEntry), rows)
    database.close()


def _diary_once(home: Path, now: datetime) -> tuple[float, int]:
    """Seconds and peak traced bytes of one ``backcare diary`` read (the CLI's own code)."""
    from backcare.cli import common
    from backcare.cli.diary import _collect

    os.environ["BACKCARE_HOME"] = str(home)
    common.settings.cache_clear()
    tracemalloc.start()
    start = time.perf_counter()
    report = _collect(now, 28)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert report.pain, "the window holds entries"
    return seconds, peak


def run() -> None:
    """Print diary time and peak memory at both sizes and their ratios."""
    now = datetime.now(UTC)
    small, large = SIZES
    saved_home = os.environ.get("BACKCARE_HOME")
    with tempfile.TemporaryDirectory() as folder:
        homes = {size: Path(folder) / str(size) for size in SIZES}
        for size, home in homes.items():
            _fill(home, size, now)
        _diary_once(homes[small], now)  # warm-up: the knowledge base is loaded once per process
        results: dict[int, list[tuple[float, int]]] = {size: [] for size in SIZES}
        for _ in range(ROUNDS):
            for size, home in homes.items():
                results[size].append(_diary_once(home, now))
    if saved_home is None:
        os.environ.pop("BACKCARE_HOME", None)
    else:
        os.environ["BACKCARE_HOME"] = saved_home
    best = {size: min(r[0] for r in runs) for size, runs in results.items()}
    peak = {size: min(r[1] for r in runs) for size, runs in results.items()}
    for size in SIZES:
        mib = peak[size] / 2**20
        print(f"diary, {size:>7,} entries: {best[size] * 1000:7.1f} ms, peak {mib:6.1f} MiB")
    print(
        f"diary {large // small}x the entries: time x{best[large] / best[small]:.2f}, "
        f"peak memory x{peak[large] / peak[small]:.2f} (flat is about 1)"
    )
    at_most(f"diary peak memory, {large // small}x the entries", peak[large] / peak[small], 1.5)
