"""A video for Chromium's fake camera, made from ``skimage.data.astronaut()``: NASA's photograph
of Eileen Collins, which scikit-image's own docstring states has "no known copyright
restrictions, released into the public domain". Written as YUV4MPEG2 (what
``--use-file-for-fake-video-capture`` reads), so no video encoder is needed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from skimage.data import astronaut

WIDTH, HEIGHT, FPS = 640, 480, 10
GREY = 128


def _canvas() -> NDArray[np.uint8]:
    return np.full((HEIGHT, WIDTH, 3), GREY, dtype=np.uint8)


def person_at(dx: int) -> NDArray[np.uint8]:
    """The photo (scaled to the frame's height) on a grey frame, moved ``dx`` pixels sideways."""
    photo = astronaut()
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
        return plane.reshape(HEIGHT // 2, 2, WIDTH // 2, 2).mean(axis=(1, 3))

    planes = (y, half(u), half(v))
    return b"".join(np.clip(p, 0, 255).round().astype(np.uint8).tobytes() for p in planes)


def write_video(path: Path, frames: list[NDArray[np.uint8]], fps: int = FPS) -> Path:
    """A YUV4MPEG2 file of the frames at ``fps`` frames a second (Chromium loops it)."""
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n" + _yuv420(frame))
    return path


def still_moving_blank(path: Path, seconds: float = 2.0) -> Path:
    """The person still, then sliding sideways and back, then an empty frame, ``seconds`` each."""
    count = round(seconds * FPS)
    still = [person_at(0)] * count
    moving = [person_at(round(60 * np.sin(2 * np.pi * i / count))) for i in range(count)]
    blank = [_canvas()] * count
    return write_video(path, still + moving + blank)
