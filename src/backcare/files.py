"""Writing files so that a failure (a full disk, a crash) never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def write_atomically(
    path: Path, write: Callable[[IO[bytes]], object], *, mode: int = 0o600
) -> None:
    """Call ``write`` on a new temporary file beside ``path`` (``mode``), flush it to disk,
    then rename it over ``path``. On any failure the temporary file is removed and ``path`` is
    untouched; the error propagates."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
