"""Hypothesis strategies for session items with the doses the content schema allows."""

from __future__ import annotations

from hypothesis import strategies as st

from backcare.content.schema import Dose
from backcare.session import SessionItem

small = st.integers(min_value=1, max_value=20)
seconds = st.floats(min_value=1, max_value=120, allow_nan=False, allow_infinity=False)


@st.composite
def doses(draw: st.DrawFn) -> Dose:
    """A valid dose: at least one number, mixed the ways the content mixes them."""
    shape = draw(st.sampled_from(["reps", "held_reps", "hold", "duration", "tolerated"]))
    reps = draw(small) if shape in ("reps", "held_reps") else None
    hold_s = draw(seconds) if shape in ("held_reps", "hold") else None
    return Dose(
        reps=reps,
        hold_s=hold_s,
        duration_s=draw(seconds) if shape == "duration" else None,
        sets=draw(st.none() | st.integers(min_value=1, max_value=4)),
        rest_s=draw(st.none() | seconds),
        per_side=draw(st.booleans()),
        as_tolerated=shape == "tolerated",
    )


@st.composite
def items(draw: st.DrawFn) -> SessionItem:
    """An exercise or a breathing item as a plan would hand it to a session."""
    breathing = draw(st.integers(min_value=0, max_value=4)) == 0
    dose = draw(doses()) if not breathing else Dose(breaths=draw(small))
    name = draw(st.sampled_from(["Bridge", "Plank", "Cat-cow", "Side stretch", "Breathing"]))
    return SessionItem(
        id=name.lower().replace(" ", "-"),
        name=name,
        steps=[f"Do the {name.lower()}."],
        dose=dose,
        one_sided=draw(st.booleans()),
        breathing=breathing,
    )


item_lists = st.lists(items(), min_size=1, max_size=5)
