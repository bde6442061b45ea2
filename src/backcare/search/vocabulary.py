"""The vocabulary that maps the seeds' words and everyday words to each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from backcare.search.patterns import PatternSet
from backcare.search.phrases import PhraseIndex, any_of

_ASIDE = re.compile(r"\([^)]*\)")
"""A name's aside in brackets ("Pilates (core control training)"): the name is said without it."""
VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


@dataclass(frozen=True)
class Sense:
    """One meaning of a word with two ("labour": giving birth, or work): the words around it that
    say this meaning, and the unambiguous words it is read as then."""

    cues: frozenset[str]
    says: str


@dataclass(frozen=True)
class AmbiguousWord:
    """A word whose meaning the rest of the question decides. With cues of one meaning only, the
    word is read as that meaning says; with cues of none, as ``otherwise`` says (when given: the
    meaning the word has unless something names another, "slipped" without a disc is a fall);
    else, or with cues of several, it is left as typed."""

    forms: re.Pattern[str]
    senses: tuple[Sense, ...]
    otherwise: str | None = None

    def read(self, lowered: str) -> str:
        """The lower-cased question with the word replaced by the one meaning its context gives."""
        if not self.forms.search(lowered):
            return lowered
        words = set(re.findall(r"[a-z]+", lowered))
        meant = [sense.says for sense in self.senses if sense.cues & words]
        if not meant and self.otherwise is not None:
            meant = [self.otherwise]
        return self.forms.sub(meant[0], lowered) if len(meant) == 1 else lowered


@dataclass(frozen=True)
class Vocabulary:
    """Concepts, each a set of interchangeable phrases ("foam shaft" = "foam roller")."""

    concepts: dict[str, tuple[str, ...]]
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_aliases: frozenset[str] = frozenset()
    ambiguous_words: tuple[AmbiguousWord, ...] = ()
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    """Concepts said in a form a phrase cannot list ("21 weeks" of a pregnancy), by pattern."""
    abbreviations: dict[str, str] = field(default_factory=dict)
    """Capitals that stand for a condition ("AS": ankylosing spondylitis), read only as typed in
    capitals, in a question not typed all in capitals: lower-cased, "as" is a plain word."""
    _abbreviated: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _phrases: PhraseIndex = field(init=False, repr=False, compare=False)
    _order: dict[str, int] = field(init=False, repr=False, compare=False)
    """Each concept's place in the file: the few a question names are sorted by it, instead of
    every concept being looked up among them."""
    _pattern_set: PatternSet[str] = field(init=False, repr=False, compare=False)
    """``patterns`` behind the literal-piece gate (``PatternSet``): only those that can match a
    question are run, not every one on every question."""
    _any_ambiguous: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    """Any form of any ambiguous word: one search tells that a question holds none (most
    questions), instead of one search per ambiguous word."""

    def __post_init__(self) -> None:
        phrases = PhraseIndex.build(
            (variant, name) for name, variants in self.concepts.items() for variant in variants
        )
        object.__setattr__(self, "_phrases", phrases)
        object.__setattr__(self, "_order", {name: i for i, name in enumerate(self.concepts)})
        object.__setattr__(self, "_pattern_set", PatternSet.build(self.patterns))
        forms = "|".join(map(re.escape, self.abbreviations))
        object.__setattr__(self, "_abbreviated", re.compile(rf"\b({forms})\b") if forms else None)
        ambiguous = "|".join(f"(?:{word.forms.pattern})" for word in self.ambiguous_words)
        object.__setattr__(self, "_any_ambiguous", re.compile(ambiguous) if ambiguous else None)

    def concepts_in(self, text: str) -> list[str]:
        """Names of the concepts a text mentions, by any of their variants (in file order)."""
        lowered = text.lower()
        found = self._phrases.found_in(lowered)
        found.update(self._pattern_set.matching(lowered))
        order = self._order
        return sorted((name for name in found if name in order), key=order.__getitem__)

    def unabbreviate(self, question: str) -> str:
        """The question as typed, each abbreviation in capitals spelt out ("Is AS curable?" → "Is
        ankylosing spondylitis curable?"); unchanged when it is typed all in capitals."""
        found = self._abbreviated
        if found is None or found.search(question) is None or question.upper() == question:
            return question
        return found.sub(lambda m: self.abbreviations[m.group()], question)

    def disambiguate(self, lowered: str) -> str:
        """The lower-cased question with each ambiguous word read as its context says."""
        if self._any_ambiguous is None or self._any_ambiguous.search(lowered) is None:
            return lowered  # a word is read only where one of its forms is written
        for word in self.ambiguous_words:
            lowered = word.read(lowered)
        return lowered

    def with_spellings(self, more: dict[str, str]) -> Vocabulary:
        """This vocabulary with more word → other spelling pairs (one way), the listed ones kept."""
        added = {word: (other,) for word, other in more.items() if word not in self.spellings}
        return replace(self, spellings={**self.spellings, **added})

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
        plain = " ".join(_ASIDE.sub(" ", lowered).split())
        forms = {
            form
            for said in {lowered, plain}
            for form in (said, said.replace("-", " "), said.replace("-", ""))
        }
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
    return Vocabulary(
        concepts=concepts,
        spellings=spellings,
        ambiguous_aliases=ambiguous,
        ambiguous_words=tuple(_ambiguous_word(spec) for spec in raw.get("ambiguous_words") or ()),
        abbreviations={str(k): str(v) for k, v in (raw.get("abbreviations") or {}).items()},
        patterns=tuple(
            (str(name), any_of(patterns))
            for name, patterns in (raw.get("concept_patterns") or {}).items()
        ),
    )


def _ambiguous_word(spec: dict[str, Any]) -> AmbiguousWord:
    """An ``ambiguous_words`` item of the vocabulary file: its forms and its senses (none: the
    forms are always read as ``otherwise``)."""
    forms = "|".join(re.escape(str(f).lower()) for f in spec["forms"])
    return AmbiguousWord(
        forms=re.compile(rf"\b({forms})\b"),
        senses=tuple(
            Sense(cues=frozenset(str(c).lower() for c in sense["cues"]), says=str(sense["says"]))
            for sense in (spec.get("senses") or {}).values()
        ),
        otherwise=str(spec["otherwise"]) if "otherwise" in spec else None,
    )
