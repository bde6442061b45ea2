"""Ask's result is built without validation (``backcare.trusted``); what it builds is exactly
what validating the same values gives, so nothing reaches the API or the CLI that the models
would have refused."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.search import AskAnswer, AskHit, AskIndex, AskResult, ask
from backcare.trusted import trusted

WORDS = sorted(
    {
        word
        for entry in load_knowledge_base()
        for word in re.findall(r"[a-z]+", f"{entry.name} {entry.summary}".lower())
    }
)
EXTRA = ["numb", "groin", "fever", "ibuprofen", "pregnant", "fell", "chest", "should", "rest"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, *EXTRA]), min_size=1, max_size=10))
def test_a_trusted_result_is_what_validation_gives(index: AskIndex, words: list[str]) -> None:
    result = ask(index, " ".join(words), top=5)
    again = AskResult.model_validate(result.model_dump())
    assert again == result
    assert again.model_fields_set == result.model_fields_set


def test_trusted_fills_a_model_as_model_construct_does(kb: KnowledgeBase) -> None:
    entry = next(iter(kb))
    fields = {
        "id": entry.id,
        "kind": entry.kind,
        "name": entry.name,
        "answer": {"text": entry.summary, "quotes": []},
        "snippet": entry.summary,
        "score": 1.5,
        "warning_sign": False,
        "sources": list(entry.sources),
    }
    made = trusted(AskHit, **fields)
    assert made == AskHit.model_construct(**fields)
    assert made.model_fields_set == set(fields)
    assert trusted(AskHit, id="x") == AskHit.model_construct(id="x")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, *EXTRA]), min_size=1, max_size=10))
def test_each_hit_is_filled_in_declaration_order(index: AskIndex, words: list[str]) -> None:
    """``filled`` takes the hit's dict as it is written: in the models' own field order, as
    validation would fill it (so ``model_dump`` and the JSON keep their order)."""
    for hit in ask(index, " ".join(words), top=5).results:
        assert list(hit.__dict__) == list(AskHit.model_fields)
        assert list(hit.answer.__dict__) == list(AskAnswer.model_fields)
        assert hit == trusted(AskHit, **dict(hit.__dict__))
