"""Topics the seeds do not cover (drug doses, surgery, scans, other body parts), and who to ask."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from backcare.search.patterns import PatternSet, plain_apostrophes

SCOPE_FILE = Path(__file__).with_name("scope.yaml")


@dataclass(frozen=True)
class OutOfScope:
    """A class of question the sources don't answer, and who can."""

    topic: str
    ask: str
    related: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Topic:
    ask: str
    patterns: tuple[re.Pattern[str], ...]
    related: frozenset[str]
    setting_in_stories: bool
    """In a story about the back (``_story_about_back``), a mention of this topic is part of the
    story ("my knee hurts too"), not what the person asks."""
    told_as_history: re.Pattern[str] | None = None
    """Words just before a mention that tell it as what was taken or given ("been taking",
    "prescribed"): in a story about the back whose questions neither name the topic nor ask
    ``asked_about`` (whether to take it), mentions all told so are the story's history."""
    asked_about: re.Pattern[str] | None = None


_ASKED = re.compile(r"[^.?!]*\?")
"""A sentence that asks (it ends with a question mark)."""
LONG_POST = 30
"""A text of more than this many words is a story, not a one-line question."""
_BEFORE = 40
"""How many characters before a mention ``told_as_history`` is looked for in."""
_ABOUT_BACK = re.compile(r"\b(back|backs|lumbar|spine|spinal|sciatica)\b")


@dataclass(frozen=True)
class ScopePatterns:
    by_topic: dict[str, _Topic]
    _set: PatternSet[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = ((name, p) for name, topic in self.by_topic.items() for p in topic.patterns)
        object.__setattr__(self, "_set", PatternSet.build(pairs))

    def topic_of(self, question: str) -> OutOfScope | None:
        """The first uncovered topic the question is about, if any."""
        lowered = " ".join(plain_apostrophes(question.lower()).split())
        for name in self._set.matching(lowered):
            topic = self.by_topic[name]
            if topic.setting_in_stories and _story_about_back(lowered):
                continue
            if topic.told_as_history is not None and self._history_only(topic, lowered):
                continue
            if self._aside(name, lowered):
                continue
            return OutOfScope(topic=name, ask=topic.ask, related=topic.related)
        return None

    def _history_only(self, topic: _Topic, lowered: str) -> bool:
        """In a story about the back, the topic is only what was taken or given ("I have rested
        and been taking Advil but no change. Any suggestions?"): no sentence that asks names it
        or asks whether to take it, and every mention follows ``told_as_history`` words."""
        told, about = topic.told_as_history, topic.asked_about
        if told is None or not _story_about_back(lowered):
            return False
        for asked in _ASKED.findall(lowered):
            if any(p.search(asked) for p in topic.patterns):
                return False
            if about is not None and about.search(asked):
                return False
        mentions = [m.start() for p in topic.patterns for m in p.finditer(lowered)]
        return all(told.search(lowered[max(0, at - _BEFORE) : at]) for at in mentions)

    def _aside(self, name: str, lowered: str) -> bool:
        """The topic is asked about only after the question's main ask, its first question ("Just
        what is sciatica? … How long will it last? Will I need surgery?"): an aside, which does
        not make the whole question one the sources can't answer. Asked first ("Lumbar fusion?
        How long before going back to work?"), it is what the person wants to know."""
        asked = _ASKED.findall(lowered)
        if len(asked) < 2 or name in self._set.matching(asked[0]):
            return False
        return any(name in self._set.matching(later) for later in asked[1:])


def _story_about_back(lowered: str) -> bool:
    """A long post that talks about the back: other things it mentions are its setting."""
    return len(lowered.split()) > LONG_POST and _ABOUT_BACK.search(lowered) is not None


@cache
def load_scope(path: Path = SCOPE_FILE) -> ScopePatterns:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ScopePatterns(
        by_topic={
            topic: _Topic(
                ask=str(spec["ask"]),
                patterns=tuple(map(re.compile, spec["patterns"])),
                related=frozenset(spec.get("related", ())),
                setting_in_stories=bool(spec.get("setting_in_stories", False)),
                told_as_history=_compiled(spec.get("told_as_history")),
                asked_about=_compiled(spec.get("asked_about")),
            )
            for topic, spec in raw["topics"].items()
        }
    )


def _compiled(pattern: str | None) -> re.Pattern[str] | None:
    return None if pattern is None else re.compile(pattern)
