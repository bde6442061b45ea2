"""Every server worker imports the app; what only one rare route needs is imported by that
route, so it costs no worker memory from start-up (fpdf alone brings numpy, Pillow and
fontTools, about 54 MiB)."""

from __future__ import annotations

import subprocess
import sys

ONLY_FOR_ONE_ROUTE = ("fpdf", "numpy", "PIL", "fontTools", "icalendar")


def test_importing_the_app_leaves_the_pdf_and_calendar_libraries_out() -> None:
    code = (
        "import sys, backcare.web.app; "
        f"print(' '.join(m for m in {ONLY_FOR_ONE_ROUTE!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []
