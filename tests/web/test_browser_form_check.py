""" "Check my form" end to end in Debian's Chromium with a fake camera fed from a video of a
public-domain photograph (``skimage.data.astronaut()``) whose arms move: blank, the person still
with arms out to the sides, blank, then three wall angels (arms up and back; see
``tests/web/fake_camera.py``). The pose model loads from ``/static/`` only and no request ever
leaves 127.0.0.1; landmarks arrive; the wall angel's counter counts the three repetitions during
the moving part and none during the still part; her quick return raises the content's "slowly
return" cue, alone; the blank parts say "Step into view"; the plank
(which needs knees, out of the picture) asks her to step into view instead of counting from
knees the model only guesses; one tap stops the camera.

The counter's rule (a repetition is the signal going from ``rest`` to ``top``, 33 degrees apart
for the wall angel) gives no tolerance to a clean movement: the count must be exact. The page is
watched frame by frame (its own frame counter), so nothing here depends on timing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.web.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    OFFICE_WORKER_PROFILE,
    PHONE,
    REPO,
    save_profile,
    shot,
)
from tests.web.fake_camera import wall_angel_video

pytestmark = pytest.mark.browser

POSE_STATIC = REPO / "src" / "backcare" / "web" / "static" / "pose"
MODEL_LOAD_MS = 60_000
"""Generous: two shared cores compile 13 MB of WebAssembly (the bench measures the real time)."""


REPS = 3
"""Wall angels in the video's moving part."""
WALL_PROFILE = {
    **OFFICE_WORKER_PROFILE,
    "equipment": ["mat", "chair", "wall"],
    "fitness": "low",
    "pain": {"areas": ["neck_shoulder"], "score": 3, "duration_days": 20, "onset": "gradual"},
}
"""Someone whose Sunday session has the wall angel (it needs a wall) and then the plank."""
WALL_DAY = 7
RECORD_FRAMES = """() => {
  window.formTrace = [];
  let seen = -1;
  window.formTraceTimer = setInterval(() => {
    const form = window.backcareForm;
    if (!form.state || form.frames === seen) return;
    seen = form.frames;
    window.formTrace.push({ ...form.state, shown: document.getElementById("form-reps").textContent,
      label: document.getElementById("form-reps-label").textContent,
      cue_text: document.getElementById("form-cue").textContent });
  }, 10);
}"""
"""Keeps the coach's state after every frame the page reads (its own frame counter), with the
count and the cue as shown."""
TWO_PARTS = """() => {
  const blank = window.formTrace.map((state) => state.status === "step_into_view");
  let ends = 0; // a blank frame after a frame with a person, once a blank has been seen
  for (let i = blank.indexOf(true) + 1; i > 0 && i < blank.length; i += 1) {
    if (blank[i] && !blank[i - 1]) ends += 1;
  }
  return ends >= 2;
}"""
"""True once two whole parts with a person in view have been read, each between two "step into
view"s (the blanks last longer than the coach's ``lost_after_s``; the model missing her for a
frame or two mid-swing does not split a part)."""

THREE_BLANKS = """() => {
  let blanks = 0;
  let run = 0;
  for (const state of window.formTrace) {
    run = state.landmarks === 0 ? run + 1 : 0;
    if (run === 3) blanks += 1;
  }
  return blanks >= 3;
}"""
"""True once three blank parts have been read (three empty frames in a row: the model misses
her for a frame at most mid-swing), so one still and one moving part lie between them."""


@pytest.fixture(scope="module")
def camera_browser(
    playwright: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    """A Chromium of its own whose camera is the wall angel video (the flags apply per browser)."""
    if not (POSE_STATIC / "pose_landmarker_lite.task").exists():
        pytest.fail(f"the pose model is missing in {POSE_STATIC}: `make test` builds it")
    video = wall_angel_video(tmp_path_factory.mktemp("camera") / "astronaut.y4m", REPS)
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
    yield chromium
    chromium.close()


def open_session_at(
    browser: Browser, base_url: str, size: str, name: str
) -> tuple[Page, list[str]]:
    """The wall-angel day's session at the exercise ``name``, every request logged."""
    viewport = PHONE if size == "phone" else DESKTOP
    context = browser.new_context(base_url=base_url, viewport=viewport, has_touch=size == "phone")
    context.grant_permissions(["camera"], origin=base_url)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    save_profile(page, WALL_PROFILE)
    page.goto(f"/session?day={WALL_DAY}&slot=morning")
    page.get_by_role("button", name="Start session").click()
    names = [item["name"] for item in page.evaluate("() => window.backcareSession.items")]
    assert name in names, names
    for _ in range(names.index(name)):
        page.get_by_role("button", name="Next ▶").click()
    expect(page.locator("#item-name")).to_have_text(name)
    assert not errors, errors
    return page, requests


def form(page: Page) -> dict[str, object]:
    state: dict[str, object] = page.evaluate("() => window.backcareForm")
    return state


def start_camera(page: Page) -> None:
    """Tap "Check my form", wait for the model's first landmarks, then keep every frame's state."""
    page.get_by_role("button", name="Check my form").click()
    expect(page.locator("#form-on")).to_be_visible()
    page.wait_for_function(
        "() => window.backcareForm.state && window.backcareForm.state.landmarks === 33",
        timeout=MODEL_LOAD_MS,
    )
    page.evaluate(RECORD_FRAMES)


def parts_in_view(trace: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The frames of each whole part the coach tracked, between two "step into view"s."""
    parts: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] | None = None
    for state in trace:
        if state["status"] == "step_into_view":
            if current:
                parts.append(current)
            current = []
        elif current is not None:
            current.append(state)
    return parts


def reps_label(reps: int) -> str:
    """The words after the count, singular for one."""
    return "repetition counted" if reps == 1 else "repetitions counted"


def gained(part: list[dict[str, Any]]) -> int:
    """Repetitions counted from the first frame of a part to its last."""
    return int(part[-1]["reps"]) - int(part[0]["reps"])


def stop_camera(page: Page) -> None:
    page.evaluate("() => clearInterval(window.formTraceTimer)")
    page.get_by_role("button", name="Stop camera").click()  # one tap
    expect(page.locator("#form-on")).to_be_hidden()
    expect(page.get_by_role("button", name="Check my form")).to_be_visible()
    assert page.evaluate("() => document.getElementById('form-video').srcObject") is None
    assert form(page)["running"] is False


def assert_stayed_local(requests: list[str]) -> None:
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts
    pose_files = {urlsplit(url).path for url in requests if "/static/pose/" in url}
    assert "/static/pose/pose_landmarker_lite.task" in pose_files
    assert any(path.endswith(".wasm") for path in pose_files)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_camera_counts_wall_angels_on_the_device_only(
    camera_browser: Browser, base_url: str, size: str
) -> None:
    page, requests = open_session_at(camera_browser, base_url, size, "Wall angel")
    expect(page.locator("#form-about")).to_contain_text("no picture leaves it")
    shot(page, f"form-check-offer-{size}")
    start_camera(page)
    page.wait_for_function(
        "() => window.backcareForm.state.reps >= 1 && window.backcareForm.state.landmarks === 33",
        timeout=60_000,
    )
    shot(page, f"form-check-counting-{size}")
    # her arms come down in 0.6 s, faster than the content's 90 degrees a second: one cue shows
    page.wait_for_function(
        "() => window.backcareForm.state.cue === 'return-slowly'", timeout=60_000
    )
    expect(page.locator("#form-cue")).to_have_text("Slowly return to the starting position")
    shot(page, f"form-check-cue-{size}")
    page.wait_for_function(TWO_PARTS, timeout=60_000)
    trace: list[dict[str, Any]] = page.evaluate("() => window.formTrace")
    assert form(page)["error"] is None

    # the loop alternates still and moving: two whole parts are one of each
    still, moving = sorted(parts_in_view(trace)[:2], key=gained)
    for part in (still, moving):
        assert any(state["landmarks"] == 33 for state in part)
        assert all(state["shown"] == str(state["reps"]) for state in part)
        assert all(state["label"] == reps_label(state["reps"]) for state in part)
    assert gained(still) == 0, "a still person was counted"
    assert gained(moving) == REPS
    blank = [state for state in trace if state["landmarks"] == 0]
    assert any(s["status"] == "step_into_view" and s["cue_text"] == "Step into view" for s in blank)
    cue_words = {"", "Step into view", "Slowly return to the starting position"}  # the content's
    assert {s["cue_text"] for s in trace} <= cue_words

    stop_camera(page)
    assert_stayed_local(requests)
    page.context.close()


def test_the_plank_asks_to_step_into_view_when_the_knees_are_out_of_the_picture(
    camera_browser: Browser, base_url: str
) -> None:
    """The plank reads shoulders, hips and knees: the model only guesses knees below the frame,
    so it counts nothing, however the arms move."""
    page, requests = open_session_at(camera_browser, base_url, "phone", "Plank")
    start_camera(page)
    page.wait_for_function(THREE_BLANKS, timeout=60_000)
    trace: list[dict[str, Any]] = page.evaluate("() => window.formTrace")
    expect(page.locator("#form-cue")).to_have_text("Step into view")
    assert {s["status"] for s in trace} == {"step_into_view"}
    assert {s["reps"] for s in trace} == {0}
    assert any(s["landmarks"] == 33 for s in trace)
    stop_camera(page)
    assert_stayed_local(requests)
    page.context.close()
