"""A video for Chromium's fake camera, made from ``skimage.data.astronaut()``: NASA's photograph
of Eileen Collins, which scikit-image's own docstring states has "no known copyright
restrictions, released into the public domain". Written as YUV4MPEG2 (what
``--use-file-for-fake-video-capture`` reads), so no video encoder is needed.

Sliding the photo cannot make a repetition (every rep signal is an angle between body points),
so ``wall_angel_video`` moves her arms: the wall angel, filmed from the front. The photo holds a
helmet on one side, so the figure is her other half and its mirror image; each arm is cut out,
made slimmer and longer (the bulky suit sleeve alone reads as part of the trunk to the pose
model) and swung about the shoulder. The pivot, the arm's shape and the angles were tuned by
running MediaPipe's own landmarker (the model the page serves) on these frames, until the
wall angel's signal (trunk to upper arm, ``rest`` 112, ``top`` 145 in the content) reads about
90 degrees with the arms out to the sides and over 145 with them overhead."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.ndimage import map_coordinates
from skimage.data import astronaut
from skimage.draw import polygon

WIDTH, HEIGHT, FPS = 640, 480, 10
GREY = 128


def _canvas() -> NDArray[np.uint8]:
    return np.full((HEIGHT, WIDTH, 3), GREY, dtype=np.uint8)


def person_at(dx: int) -> NDArray[np.uint8]:
    """The photo (scaled to the frame's height) on a grey frame, moved ``dx`` pixels sideways."""
    photo = astronaut()  # type: ignore[no-untyped-call]
    size = HEIGHT
    rows = np.arange(size) * photo.shape[0] // size
    scaled = photo[rows][:, rows]
    frame = _canvas()
    left = (WIDTH - size) // 2 + dx
    lo, hi = max(left, 0), min(left + size, WIDTH)
    frame[:, lo:hi] = scaled[:, lo - left : hi - left]
    return frame


def _yuv420(rgb: NDArray[np.uint8]) -> bytes:
    """BT.601 full-range YUV 4:2:0 planes (the ``C420jpeg`` colour space)."""
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    y = 0.299 * r + 0.587 * g + 0.114 * b
    u = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
    v = 0.5 * r - 0.418688 * g - 0.081312 * b + 128

    def half(plane: NDArray[np.float32]) -> NDArray[np.float32]:
        halved: NDArray[np.float32] = plane.reshape(HEIGHT // 2, 2, WIDTH // 2, 2).mean(axis=(1, 3))
        return halved

    planes = (y, half(u), half(v))
    return b"".join(np.clip(p, 0, 255).round().astype(np.uint8).tobytes() for p in planes)


def write_video(path: Path, frames: list[NDArray[np.uint8]], fps: int = FPS) -> Path:
    """A YUV4MPEG2 file of the frames at ``fps`` frames a second (Chromium loops it)."""
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n" + _yuv420(frame))
    return path


MIDLINE = 226
"""The photo's column through the middle of her face: the figure is the columns left of it
(her right side) and their mirror image."""
ARM = ((50, 250), (125, 232), (138, 300), (135, 512), (15, 512), (22, 330))
"""Her right shoulder and upper arm in the photo, as (column, row) corners."""
PIVOT = (140.0, 230.0)
"""Where the arm swings from (photo pixels), at the top of the shoulder near the collar."""
SLIMMER, LONGER = 0.5, 1.5
"""The arm's width and length against the photo's, so the model reads it as an arm."""
FIGURE_SCALE, FIGURE_TOP = 0.7, 40
"""The figure's size in the frame and its top row: her waist stays in the picture (with grey
below it), so the model sees the hips the wall angel's signal needs."""
ARMS_OUT, ARMS_UP = 90.0, 158.0
"""The arm angles (degrees from hanging down) of the wall angel's start and top."""


@cache
def _figure() -> tuple[NDArray[np.float32], NDArray[np.bool_]]:
    """The symmetric figure and the mask of both arms in it."""
    half = astronaut()[:, :MIDLINE].astype(np.float32)  # type: ignore[no-untyped-call]
    figure = np.concatenate([half, half[:, ::-1]], axis=1)
    mask = np.zeros(figure.shape[:2], dtype=bool)
    rows, cols = polygon(  # type: ignore[no-untyped-call]
        [y for _, y in ARM], [x for x, _ in ARM], mask.shape
    )
    mask[rows, cols] = True
    return figure, mask | mask[:, ::-1]


Points = NDArray[np.float32]


def _sample(image: Points, rows: Points, cols: Points) -> Points:
    """Each channel of ``image`` read at fractional (row, column) points, grey outside it."""
    channels = [map_coordinates(image[..., c], [rows, cols], order=1, cval=GREY) for c in range(3)]
    return np.stack(channels, axis=-1)


def person_raising_arms(angle: float) -> NDArray[np.uint8]:
    """The figure on a grey frame with both arms swung out and up to ``angle`` degrees from
    hanging down (90: out to the sides; 180: straight up)."""
    figure, arms = _figure()
    width = figure.shape[1]
    rows, cols = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    rows, cols = (rows - FIGURE_TOP) / FIGURE_SCALE, (cols - WIDTH / 2) / FIGURE_SCALE + width / 2
    trunk = np.where(arms[..., None], np.float32(GREY), figure)
    frame = _sample(trunk, rows, cols)
    for side in (-1, 1):  # her right arm (left in the picture), then her left
        pivot_x = PIVOT[0] if side < 0 else width - 1 - PIVOT[0]
        cos, sin = np.cos(np.radians(angle)), -side * np.sin(np.radians(angle))
        dx, dy = cols - pivot_x, rows - PIVOT[1]
        src_x = pivot_x + (cos * dx + sin * dy) / SLIMMER
        src_y = PIVOT[1] + (cos * dy - sin * dx) / LONGER
        on_arm = map_coordinates(arms.astype(np.float32), [src_y, src_x], order=0) > 0
        on_arm &= (src_x < width / 2) if side < 0 else (src_x >= width / 2)
        frame[on_arm] = _sample(figure, src_y, src_x)[on_arm]
    return np.clip(frame, 0, 255).round().astype(np.uint8)


BLANK_S, STILL_S, HOLD_S, SWING_S = 1.5, 2.0, 0.8, 0.6
"""Seconds of each part: blanks longer than the coach's one second before "step into view";
holds long enough that a page reading 5 frames a second still sees the arms at the start and at
the top of every repetition; a swing quick enough (about 110 degrees a second) that coming down
raises the wall angel's "slowly return" cue (over 90)."""


def _frames(seconds: float) -> int:
    return round(seconds * FPS)


def wall_angel_angles(reps: int) -> list[float]:
    """The arm angle, frame by frame, of ``reps`` wall angels from arms out to arms up and back,
    with a hold at each end (a cosine swing between them)."""
    swing = (1 - np.cos(np.linspace(0, np.pi, _frames(SWING_S) + 2)[1:-1])) / 2
    up = [ARMS_OUT + (ARMS_UP - ARMS_OUT) * float(s) for s in swing]
    one = [ARMS_OUT] * _frames(HOLD_S) + up + [ARMS_UP] * _frames(HOLD_S) + up[::-1]
    return one * reps + [ARMS_OUT] * _frames(HOLD_S)


def wall_angel_video(path: Path, reps: int) -> Path:
    """Blank, the person still with arms out, blank again, then ``reps`` wall angels; Chromium
    loops it. The blanks ("step into view") let a test tell the still part from the moving one."""
    angles = wall_angel_angles(reps)
    drawn = {angle: person_raising_arms(angle) for angle in {ARMS_OUT, *angles}}
    blank = [_canvas()] * _frames(BLANK_S)
    still = [drawn[ARMS_OUT]] * _frames(STILL_S)
    return write_video(path, blank + still + blank + [drawn[a] for a in angles])
