"""Ask: answer a question in the person's own words with knowledge-base entries and their sources.

Extractive only: results are entries and seed quotes, never generated medical text.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from backcare.content.schema import Entry, RedFlag, Source
from backcare.search.answer import Answer
from backcare.search.index import COVERED_THRESHOLD, AskIndex, Hit
from backcare.search.patterns import plain_apostrophes
from backcare.search.scope import OutOfScope, load_scope
from backcare.trusted import filled, trusted

__all__ = [
    "AskAnswer",
    "AskHit",
    "AskIndex",
    "AskResult",
    "AskWarning",
    "Hit",
    "NotCovered",
    "ask",
    "coverage",
]

DEFAULT_TOP = 5


class AskAnswer(BaseModel):
    """The entry's sentence(s) that answer the question, and the seed quotes they rest on."""

    model_config = ConfigDict(frozen=True)

    text: str
    quotes: list[str]


class AskHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    name: str
    answer: AskAnswer
    snippet: str
    score: float
    warning_sign: bool
    sources: list[Source]


class NotCovered(BaseModel):
    """Why the sources don't answer the question, and who can."""

    model_config = ConfigDict(frozen=True)

    topic: str | None
    ask: str
    message: str


class AskWarning(BaseModel):
    """The warning sign a question describes: the SPEC §3 flag with what to do and its sources."""

    model_config = ConfigDict(frozen=True)

    id: str
    level: str
    message: str
    action: str
    entry: str
    sources: list[Source]


class AskResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    covered: bool
    not_covered: NotCovered | None
    results: list[AskHit]
    warning: AskWarning | None


NOT_COVERED_MESSAGE = (
    "backcare's sources don't cover this; ask {ask}. The entries below are only related."
)
DEFAULT_ASK = "your doctor, a physiotherapist or a pharmacist"


def ask(index: AskIndex, question: str, *, top: int = DEFAULT_TOP) -> AskResult:
    """Rank entries for the question; a described warning sign comes back as ``warning``.

    ``covered`` is false when the question is about a topic the seeds leave out (drug doses,
    surgery, scans, other body parts) or the best entry holds too little of what it asks; the
    results are then only related entries. The question is analysed once, for the ranking and
    the warning alike. The result is built without validation (``trusted``): every value comes
    from the knowledge base, validated when it was loaded, or from this package.
    """
    spelled = index.spelled(question)
    topic = _out_of_scope(question, spelled)
    query = index.analyse(spelled, already_spelled=True)
    found, best_coverage = index.answers(
        query, top=top, prefer=topic.related if topic else frozenset()
    )
    covered = bool(found) and topic is None and best_coverage() >= COVERED_THRESHOLD
    return trusted(
        AskResult,
        covered=covered,
        not_covered=None if covered else _not_covered(topic),
        results=[_result(*hit) for hit in found],
        warning=_warning(index, index.most_urgent_warning(query)),
    )


def coverage(index: AskIndex, question: str) -> float:
    """The value ``covered`` thresholds: how much of the question the best entry holds, or minus
    infinity for a topic the seeds leave out (for choosing and checking the threshold)."""
    spelled = index.spelled(question)
    topic = _out_of_scope(question, spelled)
    return _coverage(topic, index.rank(index.analyse(spelled, already_spelled=True), top=1))


def _out_of_scope(question: str, spelled: str) -> OutOfScope | None:
    """The uncovered topic the question is about, as typed ("HRT") or with its slips read as
    the words meant ("surgry", ``AskIndex.spelled``)."""
    scope = load_scope()
    topic = scope.topic_of(question)
    if topic is None and spelled != plain_apostrophes(" ".join(question.lower().split())):
        return scope.topic_of(spelled)
    return topic


def _coverage(topic: OutOfScope | None, hits: list[Hit]) -> float:
    return hits[0].coverage if hits and topic is None else float("-inf")


def _not_covered(topic: OutOfScope | None) -> NotCovered:
    who = topic.ask if topic else DEFAULT_ASK
    return trusted(
        NotCovered,
        topic=topic.topic if topic else None,
        ask=who,
        message=NOT_COVERED_MESSAGE.format(ask=who),
    )


def _warning(index: AskIndex, flag: RedFlag | None) -> AskWarning | None:
    if flag is None:
        return None
    return trusted(
        AskWarning,
        id=flag.flag,
        level=flag.level,
        message=flag.summary,
        action=index.kb.flag_action(flag),
        entry=flag.id,
        sources=list(flag.sources),
    )


def _result(entry: Entry, score: float, answer: Answer) -> AskHit:
    """A ranked entry as the API shows it. Built without validation (``filled``, ``trusted``
    given its fields as one dict in declaration order): every field comes from an entry the
    knowledge base validated when it was loaded, and validating five results again cost a sixth
    of a question's time."""
    text = answer.text
    return filled(
        AskHit,
        {
            "id": entry.id,
            "kind": entry.kind,
            "name": entry.name,
            "answer": filled(AskAnswer, {"text": text, "quotes": list(answer.quotes)}),
            "snippet": text,
            "score": score,
            "warning_sign": entry.kind == "red_flag",
            "sources": list(entry.sources),
        },
    )
