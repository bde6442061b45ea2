"""``python -m backcare``."""

from backcare.cli import run

run()
