"""The vocabulary that maps the seeds' words and everyday words to each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from backcare.search.phrases import PhraseIndex

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


@dataclass(frozen=True)
class Vocabulary:
    """Concepts, each a set of interchangeable phrases ("foam shaft" = "foam roller")."""

    concepts: dict[str, tuple[str, ...]]
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_aliases: frozenset[str] = frozenset()
    _phrases: PhraseIndex = field(init=False, repr=False, compare=False)
    _order: dict[object, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        phrases = PhraseIndex.build(
            (variant, name) for name, variants in self.concepts.items() for variant in variants
        )
        object.__setattr__(self, "_phrases", phrases)
        object.__setattr__(self, "_order", {name: i for i, name in enumerate(self.concepts)})

    def concepts_in(self, text: str) -> list[str]:
        """Names of the concepts a text mentions, by any of their variants (in file order: the
        few found sorted by their place, not every concept tested)."""
        found = self._phrases.found_in(text.lower())
        return [str(name) for name in sorted(found, key=self._order.__getitem__)]

    def respell(self, words: list[str]) -> list[str]:
        """The words, each followed by its other spellings (labor → labour, situps → sit-ups)."""
        return [alt for word in words for alt in (word, *self.spellings.get(word, ()))]

    def name_forms(self, name: str) -> set[str]:
        """The forms a question may spell an entry's name or alias in, generated from it:
        hyphen, space or joined ("sit-up", "sit up", "situp") and other spellings of each word
        ("caesarean" / "cesarean"). Empty for an alias too ambiguous to name the entry."""
        lowered = " ".join(name.lower().split())
        if lowered in self.ambiguous_aliases:
            return set()
        forms = {lowered, lowered.replace("-", " "), lowered.replace("-", "")}
        for form in list(forms):
            words = form.split()
            for i, word in enumerate(words):
                for other in self.spellings.get(word, ()):
                    forms.add(" ".join([*words[:i], other, *words[i + 1 :]]))
        return forms

    def variants(self, concept: str) -> tuple[str, ...]:
        return self.concepts[concept]

    def expand(self, text: str) -> str:
        """The text followed by every variant of every concept it mentions."""
        extra = [v for name in self.concepts_in(text) for v in self.concepts[name]]
        return " ".join([text, *extra])


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The shipped vocabulary (read once per process)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    concepts = {
        name: tuple(str(v).lower() for v in variants) for name, variants in raw["concepts"].items()
    }
    spellings: dict[str, tuple[str, ...]] = {}
    for word, others in (raw.get("spellings") or {}).items():
        for a, b in (
            (str(word).lower(), str(others[0]).lower()),
            (str(others[0]).lower(), str(word).lower()),
        ):
            spellings[a] = (*spellings.get(a, ()), b)
    for word, meant in (raw.get("misspellings") or {}).items():
        spellings[str(word).lower()] = tuple(str(v).lower() for v in meant)
    ambiguous = frozenset(str(a).lower() for a in raw.get("ambiguous_aliases") or ())
    return Vocabulary(concepts=concepts, spellings=spellings, ambiguous_aliases=ambiguous)
