"""``python -m backcare``."""

from backcare.cli import main

main()
