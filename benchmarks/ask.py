"""Ask quality and speed, measured side by side in one run.

- Recall@5 and MRR on the evaluation set (tests/search/eval_questions.yaml) for backcare's ranking
  and for a plain BM25 baseline (rank_bm25 over the same entry texts, no vocabulary, no boosts).
- Latency of a full ``ask`` against the raw FTS5 query alone on the same index (our layers' cost).
- Latency with the knowledge base grown 100× by synthetic copies of every entry.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from rank_bm25 import BM25Okapi

from backcare.knowledge import KnowledgeBase, load_knowledge_base
from backcare.search import AskIndex, ask
from backcare.search.evaluation import RECALL_AT as K
from backcare.search.evaluation import recall_and_mrr
from backcare.search.index import _entry_texts, tokens

EVAL_FILE = Path(__file__).resolve().parents[1] / "tests" / "search" / "eval_questions.yaml"


def load_eval() -> list[tuple[str, set[str]]]:
    raw = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))
    return [(item["q"], set(item["answers"])) for item in raw["questions"]]


def bm25_baseline(kb: KnowledgeBase) -> Callable[[str], list[str]]:
    ids = [entry.id for entry in kb]
    corpus = [tokens(" ".join(_entry_texts(entry).values())) for entry in kb]
    model = BM25Okapi(corpus)

    def rank(question: str) -> list[str]:
        scores = model.get_scores(tokens(question))
        order = sorted(range(len(ids)), key=lambda i: -scores[i])
        return [ids[i] for i in order[:20] if scores[i] > 0]

    return rank


def per_call_ms(function: Callable[[], object], repeat: int) -> float:
    """Median milliseconds per call over ``repeat`` calls (after one warm-up call)."""
    function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def grown(kb: KnowledgeBase, factor: int) -> KnowledgeBase:
    copies = [
        entry.model_copy(update={"id": f"{entry.id}-copy-{n}", "related": []})
        for n in range(1, factor)
        for entry in kb
    ]
    return KnowledgeBase(entries=(*kb.entries, *copies))


def run() -> None:
    kb = load_knowledge_base()
    questions = load_eval()
    index = AskIndex(kb)
    ours = recall_and_mrr(lambda q: [h.entry.id for h in index.search(q, top=20)], questions)
    base = recall_and_mrr(bm25_baseline(kb), questions)
    print(f"evaluation set: {len(questions)} questions, {len(kb)} entries")
    print(f"  backcare ask   recall@{K} {ours[0]:.3f}   MRR {ours[1]:.3f}")
    print(f"  plain BM25     recall@{K} {base[0]:.3f}   MRR {base[1]:.3f}")
    print(f"  ratio          recall@{K} {ours[0] / base[0]:.2f}x  MRR {ours[1] / base[1]:.2f}x")

    sample = [q for q, _ in questions]
    full = per_call_ms(lambda: [ask(index, q) for q in sample], 15) / len(sample)
    matches = [index.fts_query(q) for q in sample]
    raw = per_call_ms(lambda: [index.raw_bm25(m) for m in matches], 15) / len(sample)
    print(
        f"latency per question: ask {full:.3f} ms, raw FTS5 query {raw:.3f} ms, "
        f"overhead ratio {full / raw:.1f}x"
    )

    big_index = AskIndex(grown(kb, 100))
    big = per_call_ms(lambda: [ask(big_index, q) for q in sample], 5) / len(sample)
    print(
        f"knowledge base grown 100x ({len(big_index.kb)} entries): ask {big:.3f} ms per question, "
        f"{big / full:.1f}x the normal knowledge base"
    )
    build = per_call_ms(lambda: AskIndex(kb), 10)
    print(f"index build: {build:.1f} ms for {len(kb)} entries")
