"""The session page takes "now" from the app's clock (``create_app(clock=…)``), in the local time
zone the diary shows times in: which day and which routine open without ``?day=`` or ``?slot=``,
and the date the page keys its saved progress by."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from backcare.config import Settings
from backcare.web import create_app
from tests.web.conftest import LOCAL_URL
from tests.web.test_api import OFFICE_WORKER

TWO_ROUTINES = OFFICE_WORKER | {"minutes_per_day": 20}
"""Twenty minutes a day: a morning and an evening routine on most days."""


def page_at(settings: Settings, now: datetime) -> str:
    with TestClient(create_app(settings, clock=lambda: now), base_url=LOCAL_URL) as client:
        assert client.put("/api/profile", json=TWO_ROUTINES).status_code in (200, 201)
        page = client.get("/session")
    assert page.status_code == 200
    return page.text


@pytest.mark.usefixtures("in_auckland")
@pytest.mark.parametrize(
    ("now", "day", "slot", "today"),
    [
        # Tuesday 19:30 UTC is Wednesday 08:30 in Auckland: Wednesday's morning routine
        (datetime(2026, 11, 24, 19, 30, tzinfo=UTC), "Wednesday", "morning", "2026-11-25"),
        # Wednesday 04:00 UTC is Wednesday 17:00 there: the evening routine
        (datetime(2026, 11, 25, 4, 0, tzinfo=UTC), "Wednesday", "evening", "2026-11-25"),
        # Wednesday 12:00 UTC is already Thursday 01:00 there
        (datetime(2026, 11, 25, 12, 0, tzinfo=UTC), "Thursday", "morning", "2026-11-26"),
    ],
)
def test_the_clock_picks_the_local_day_and_routine(
    settings: Settings, now: datetime, day: str, slot: str, today: str
) -> None:
    page = page_at(settings, now)
    assert f'<p class="eyebrow">{day} · week' in page
    assert f"Today&#39;s {slot} routine</h1>" in page
    assert f'"date": "{today}"' in page
