"""The programme that learns from the person (issue 16): pure rules over their history.

No database, no clock, no settings: each function takes the history it needs as arguments, so
the CLI, the web app, the simulation script and the property tests all run the same rule.

- ``questionnaires``: the validated questionnaires, their scoring, and what a result means for
  the plan (``starting_intensity``).
- ``doses``: the one-tap answer after each exercise → the next session's dose.
- ``stop``: the stop rule inside a session (pain up 2 or more, or new leg symptoms).
- ``flare``: the flare-up card (diary pain 3 or more above its 7-day mean).
- ``phases``: relief → strengthening → maintenance.
- ``adherence``: sessions planned vs done, kind streaks, one thing to try next.
"""
