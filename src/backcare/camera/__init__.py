"""The movement coach's pure core: read body landmarks, count repetitions, time holds, pick a cue.

The browser runs the pose model and ``static/coach.js`` (the same logic, tested against this
module on the same streams); thresholds and cue words come from each exercise's ``camera`` block.
"""

from backcare.camera.coach import CoachState, Summary, observe, start, summarise
from backcare.camera.landmarks import LANDMARKS, Frame, Landmark, from_list

__all__ = [
    "LANDMARKS",
    "CoachState",
    "Frame",
    "Landmark",
    "Summary",
    "from_list",
    "observe",
    "start",
    "summarise",
]
