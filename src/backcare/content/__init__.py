"""Knowledge-base content: YAML data and the pydantic schema it follows. No logic lives here."""

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SEEDS_DIR = Path(__file__).parent / "seeds"
