""" "Check my form" end to end in Debian's Chromium with a fake camera fed from a video of a
public-domain photograph (``skimage.data.astronaut()``, head to hips): the pose model loads from
``/static/`` only, landmarks arrive while the person is still and while they move, the bridge
(which needs shoulders, hips and knees) asks her to step into view instead of counting from
knees the model only guesses, an empty picture has no landmarks, one tap stops the camera, and
no request ever leaves 127.0.0.1.

A photograph cannot do a repetition: counting is proven on the figures' own movements (the
Python core, and ``coach.js`` against it in ``tests/camera``)."""

from __future__ import annotations

from collections.abc import Iterator
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
from tests.web.fake_camera import still_moving_blank

pytestmark = pytest.mark.browser

POSE_STATIC = REPO / "src" / "backcare" / "web" / "static" / "pose"
MODEL_LOAD_MS = 60_000
"""Generous: two shared cores compile 13 MB of WebAssembly (the bench measures the real time)."""


@pytest.fixture(scope="module")
def camera_browser(
    playwright: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    """A Chromium of its own whose camera is the astronaut video (the flags apply per browser)."""
    if not (POSE_STATIC / "pose_landmarker_lite.task").exists():
        pytest.fail(f"the pose model is missing in {POSE_STATIC}: `make test` builds it")
    video = still_moving_blank(tmp_path_factory.mktemp("camera") / "astronaut.y4m")
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
    yield chromium
    chromium.close()


def open_bridge(browser: Browser, base_url: str, size: str) -> tuple[Page, list[str]]:
    """Day 1's session (its second exercise is the bridge) at the bridge, every request logged."""
    viewport = PHONE if size == "phone" else DESKTOP
    context = browser.new_context(base_url=base_url, viewport=viewport, has_touch=size == "phone")
    context.grant_permissions(["camera"], origin=base_url)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    save_profile(page, OFFICE_WORKER_PROFILE)
    page.goto("/session?day=1")
    page.get_by_role("button", name="Start session").click()
    expect(page.locator("#form-check")).to_be_hidden()  # the seated twist has no camera block
    page.get_by_role("button", name="Next ▶").click()
    expect(page.locator("#item-name")).to_have_text("Bridge")
    assert not errors, errors
    return page, requests


def form(page: Page) -> dict[str, object]:
    state: dict[str, object] = page.evaluate("() => window.backcareForm")
    return state


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_camera_coach_runs_on_the_device_only(
    camera_browser: Browser, base_url: str, size: str
) -> None:
    page, requests = open_bridge(camera_browser, base_url, size)
    expect(page.locator("#form-about")).to_contain_text("no picture leaves it")
    shot(page, f"form-check-offer-{size}")
    page.get_by_role("button", name="Check my form").click()
    expect(page.locator("#form-on")).to_be_visible()
    page.wait_for_function(
        "() => window.backcareForm.state && window.backcareForm.state.landmarks === 33",
        timeout=MODEL_LOAD_MS,
    )
    shot(page, f"form-check-on-{size}")
    # the video loops: still, moving, then empty: landmarks come and go, the knees never count
    page.wait_for_function("() => window.backcareForm.state.landmarks === 0", timeout=30_000)
    page.wait_for_function("() => window.backcareForm.state.landmarks === 33", timeout=30_000)
    expect(page.locator("#form-cue")).to_have_text("Step into view")
    running = form(page)
    assert running["error"] is None
    assert running["state"] == {
        "status": "step_into_view",
        "reps": 0,
        "cue": None,
        "cues_shown": [],
        "landmarks": 33,
    }

    page.get_by_role("button", name="Stop camera").click()  # one tap
    expect(page.locator("#form-on")).to_be_hidden()
    expect(page.get_by_role("button", name="Check my form")).to_be_visible()
    assert page.evaluate("() => document.getElementById('form-video').srcObject") is None
    assert form(page)["running"] is False

    hosts = {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts
    pose_files = {urlsplit(url).path for url in requests if "/static/pose/" in url}
    assert "/static/pose/pose_landmarker_lite.task" in pose_files
    assert any(path.endswith(".wasm") for path in pose_files)
    page.context.close()
