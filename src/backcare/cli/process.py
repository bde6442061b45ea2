"""A ``backcare`` command is a short process; this keeps the garbage collector out of its way.

Starting a command imports Typer, pydantic and the content's models: a few hundred thousand
objects that live until the process ends. Left on, the cyclic garbage collector scans them again
and again while they are being made, and once more at exit before the interpreter stops: together
about a fifth of ``backcare plan``'s run (issue 18, ``make bench``'s CLI start rows). Reference
counting still frees everything that is not in a cycle, so holding the collector off for a
start-up costs no memory worth counting.
"""

from __future__ import annotations

import atexit
import gc


def hold_collection() -> None:
    """For the console script only: no cycle collection while the command starts, and none at
    exit (everything left is frozen out of the interpreter's last scan)."""
    gc.disable()
    atexit.register(gc.freeze)


def resume_collection() -> None:
    """Called as a command begins its own work, which may run for hours (``serve``, ``breaks``,
    ``session``): collect again, but never rescan what start-up made (frozen). Does nothing
    unless ``hold_collection`` ran, so a caller in its own process (a test) keeps its collector
    as it was."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
