"""Make MediaPipe's pose landmarker bundle (``pose_landmarker_lite.task``) from npm packages.

Why: ``@mediapipe/tasks-vision`` runs the pose landmarker fast on a phone's CPU but ships no
model; the legacy ``@mediapipe/pose`` ships the models (Apache-2.0) without the metadata the
tasks API needs. A ``.task`` bundle is a zip (stored, 4-byte aligned) of ``pose_detector.tflite``
and ``pose_landmarks_detector.tflite``, each carrying image-input normalisation metadata: the
detector takes pixels scaled to [-1, 1] (mean 127.5, std 127.5), the landmark model to [0, 1]
(mean 0, std 255). MediaPipe's own metadata writer (PyPI ``mediapipe``) writes that metadata.

Usage: ``python scripts/make_pose_model.py NPM_POSE_DIR OUT.task`` (run by ``make``).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import types
import zipfile
from pathlib import Path


def _mediapipe_without_solutions() -> None:
    """Make ``mediapipe`` importable without running its ``__init__``, which loads the legacy
    solutions (OpenCV, matplotlib, JAX): the metadata writer needs none of them, so the build
    installs only the wheel, flatbuffers and numpy."""
    spec = importlib.util.find_spec("mediapipe")
    if spec is None or spec.submodule_search_locations is None:
        raise SystemExit("the mediapipe package is not installed")
    package = types.ModuleType("mediapipe")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["mediapipe"] = package


_mediapipe_without_solutions()
from mediapipe.tasks.python.metadata.metadata_writers import metadata_writer  # noqa: E402
from mediapipe.tasks.python.metadata.metadata_writers.model_asset_bundle_utils import (  # noqa: E402
    AlignZipFile,
)

DETECTOR = "/third_party/mediapipe/modules/pose_detection/pose_detection.tflite"
FIXED_DATE = (2023, 2, 3, 0, 0, 0)
NORMALISATION = {
    "pose_detector.tflite": ("detector", 127.5, 127.5),
    "pose_landmarks_detector.tflite": ("landmarks", 0.0, 255.0),
}


def packed_detector(pose_dir: Path) -> bytes:
    """The pose detector model, cut out of the package's packed assets by the loader's index."""
    loader = (pose_dir / "pose_solution_packed_assets_loader.js").read_text(encoding="utf-8")
    found = re.search(r'\{"files": \[.*?\], "remote_package_size": \d+\}', loader, re.S)
    if found is None:
        raise SystemExit("no file index in pose_solution_packed_assets_loader.js")
    index = json.loads(found[0])
    entry = next(f for f in index["files"] if f["filename"] == DETECTOR)
    data = (pose_dir / "pose_solution_packed_assets.data").read_bytes()
    return data[entry["start"] : entry["end"]]


def with_input_metadata(model: bytes, name: str, mean: float, std: float) -> bytes:
    """The model with its image input's normalisation written into its metadata."""
    writer = metadata_writer.MetadataWriter.create(bytearray(model))
    writer.add_general_info(model_name=name, model_description=f"MediaPipe pose {name} model")
    writer.add_image_input(norm_mean=[mean], norm_std=[std])
    tflite, _ = writer.populate()
    return bytes(tflite)


def main(pose_dir: Path, out: Path) -> None:
    sources = {
        "pose_detector.tflite": packed_detector(pose_dir),
        "pose_landmarks_detector.tflite": (pose_dir / "pose_landmark_lite.tflite").read_bytes(),
    }
    models = {
        file: with_input_metadata(sources[file], name, mean, std)
        for file, (name, mean, std) in NORMALISATION.items()
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    # MediaPipe's own aligned zip, with a fixed date so the same inputs give the same bytes.
    with AlignZipFile(partial, mode="w", alignment=4) as bundle:
        for file, model in models.items():
            bundle.writestr(zipfile.ZipInfo(file, date_time=FIXED_DATE), model)
    partial.replace(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
