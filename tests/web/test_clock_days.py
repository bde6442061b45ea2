"""Every page and API route takes "now" from the app's clock (``create_app(clock=…)``), and
"today" is the day that instant falls on where the person lives (the machine's zone, here
Auckland, UTC+13 in November): the clock is set ten minutes before and ten minutes after local
midnight, when UTC is still on the same day (11:00 UTC on the 24th), so a route that read the
real time, or counted days in UTC, gets the day wrong."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from backcare.config import Settings
from backcare.web import create_app
from tests.clock import SetClock
from tests.web.conftest import LOCAL_URL
from tests.web.test_api import OFFICE_WORKER

MIDNIGHT = datetime(2026, 11, 25, tzinfo=ZoneInfo("Pacific/Auckland"))
"""Wednesday 25 November begins in Auckland at 11:00 UTC on Tuesday the 24th."""
TUESDAY, WEDNESDAY = date(2026, 11, 24), date(2026, 11, 25)
SIDES = [
    pytest.param((MIDNIGHT - timedelta(minutes=10), TUESDAY), id="23:50-local"),
    pytest.param((MIDNIGHT + timedelta(minutes=10), WEDNESDAY), id="00:10-local"),
]


@pytest.fixture
def clock() -> SetClock:
    return SetClock(MIDNIGHT)


@pytest.fixture(params=SIDES)
def side(request: pytest.FixtureRequest, clock: SetClock) -> tuple[datetime, date]:
    """The app's clock set to one side of local midnight: (now, the local day it falls on)."""
    now, today = request.param
    clock.now = now
    return now, today


@pytest.fixture
def client(settings: Settings, clock: SetClock, in_auckland: None) -> Iterator[TestClient]:
    """The app on its own SQLite file, on the test's clock, with the machine in Auckland."""
    with TestClient(create_app(settings, clock=clock), base_url=LOCAL_URL) as test_client:
        yield test_client


def _at(moment: datetime) -> dict[str, str]:
    return {"at": moment.isoformat()}


def test_a_habit_is_ticked_on_the_local_day_and_shows_done_until_local_midnight(
    client: TestClient, clock: SetClock, side: tuple[datetime, date]
) -> None:
    now, today = side
    client.put("/api/profile", json=OFFICE_WORKER)
    assert client.post("/plan/habits", data={"habit_id": "drink-water"}).status_code == 200
    [tick] = client.get("/api/export").json()["habits"]
    assert tick == {"habit_id": "drink-water", "day": today.isoformat()}
    assert "✓ Done today" in client.get("/plan").text
    clock.now = now + timedelta(minutes=20)  # still Wednesday, or past Tuesday's midnight
    assert ("✓ Done today" in client.get("/plan").text) == (today == WEDNESDAY)


def test_the_diary_counts_its_week_from_the_clock_and_ends_its_chart_today(
    client: TestClient, side: tuple[datetime, date]
) -> None:
    now, today = side
    week = timedelta(days=7)
    client.post("/api/diary/pain", json={"score": 2} | _at(now - week - timedelta(minutes=1)))
    client.post("/api/diary/pain", json={"score": 6} | _at(now - week + timedelta(minutes=1)))
    logged = client.post("/api/diary/pain", json={"score": 4}).json()["entry"]
    assert datetime.fromisoformat(logged["at"]) == now
    diary = client.get("/api/diary/pain").json()
    assert (diary["seven_day_average"], diary["previous_seven_day_average"]) == (5.0, 2.0)
    page = client.get("/diary").text
    assert "7-day average 5.0 out of 10" in page
    first = today - timedelta(days=27)  # the chart's four weeks end today, local time
    assert f">{first:%d %b}</text>" in page
    assert f">{first - timedelta(days=1):%d %b}</text>" not in page


def test_the_breaks_week_ends_on_the_local_day(
    client: TestClient, side: tuple[datetime, date]
) -> None:
    _, today = side
    late_tuesday = MIDNIGHT - timedelta(minutes=30)
    body = {"outcome": "taken", "minutes": 5} | _at(late_tuesday)
    assert client.post("/api/breaks", json=body).status_code == 201
    days = client.get("/api/breaks/stats").json()["days"]
    assert days[-1]["date"] == today.isoformat()
    [taken] = [day["date"] for day in days if day["taken"]]
    assert taken == TUESDAY.isoformat()
    assert f"{late_tuesday:%a %d %b}: 1 taken" in client.get("/breaks").text


def test_the_calendar_starts_on_the_local_day(
    client: TestClient, side: tuple[datetime, date]
) -> None:
    _, today = side
    client.put("/api/profile", json=OFFICE_WORKER)
    calendar = client.get("/api/export", params={"format": "ics"}).text
    starts = [line.split(":")[-1][:8] for line in calendar.splitlines() if "DTSTART" in line]
    assert min(starts) == f"{today:%Y%m%d}"


def test_a_questionnaire_is_dated_by_the_clock_and_shown_on_the_local_day(
    client: TestClient, side: tuple[datetime, date]
) -> None:
    now, today = side
    saved = client.post("/api/questionnaires/peg", json={"answers": [4, 4, 4]}).json()
    assert datetime.fromisoformat(saved["at"]) == now
    assert f"PEG 4.0 on {today:%d %b}" in client.get("/diary").text
    an_hour_on = now + timedelta(hours=1)  # in the real past, but the app's future
    ahead = {"answers": [1, 1, 1]} | _at(an_hour_on)
    refused = client.post("/api/questionnaires/peg", json=ahead)
    assert refused.status_code == 422
    assert [e["loc"] for e in refused.json()["detail"]] == [["body", "at"]]
