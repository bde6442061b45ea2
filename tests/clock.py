"""A clock a test sets, for ``create_app(clock=…)``: what time the app thinks it is."""

from __future__ import annotations

from datetime import datetime


class SetClock:
    """Says ``now`` (aware) until the test moves it; the app reads it on every request."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
