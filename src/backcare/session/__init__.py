"""Guided sessions and break reminders: pure state machines driven by a clock passed in."""

from backcare.session.machine import (
    ItemOutcome,
    Outcome,
    SessionState,
    View,
    advance,
    back,
    finish,
    outcome,
    pause,
    resume,
    skip,
    start,
    toggle_pause,
    view,
)
from backcare.session.timeline import SessionItem, Step, build_timeline

__all__ = [
    "ItemOutcome",
    "Outcome",
    "SessionItem",
    "SessionState",
    "Step",
    "View",
    "advance",
    "back",
    "build_timeline",
    "finish",
    "outcome",
    "pause",
    "resume",
    "skip",
    "start",
    "toggle_pause",
    "view",
]
