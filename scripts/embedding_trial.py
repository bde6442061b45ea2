"""Would a small local embedding model help ``backcare ask``? (issue 20: "measure, don't assume")

The model tried is WordLlama 0.4.0.post1: a 16 MB table (``l2_supercat_256.safetensors``) of
256-dimension token embeddings with its tokenizer, shipped inside the PyPI wheel, so nothing is
downloaded at run time (its ``WordLlama.load()`` looks for the bundled tokenizer under the wrong
folder name and then tries Hugging Face, so this script loads the two files itself). A question
or an entry is the normalised mean of its token embeddings; one question takes about 0.04 ms.

Licence: WordLlama's code is MIT, but the ``l2_supercat`` table is not simply MIT. It is trained
from token-embedding codebooks taken out of other models, Llama 2 70B among them (the wheel's own
``config/train/l2_supercat.toml`` names ``meta-llama/Llama-2-70b-hf``; its README says the codebooks
of "LLaMA 2 70B and phi 3 medium" were concatenated), and the tokenizer is Llama 2's. The Llama 2
Community License covers "any portion" of Llama 2's trained weights and "any derivative works
thereof" (copy of the agreement and a Notice file with every copy, Meta's Acceptable Use Policy,
no improving other large language models, the 700-million-user clause), and the wheel carries
none of it. So the table must not be shipped inside backcare, in this or any reduced form, without
the lead's decision on those terms (issue 20, 2026-12 session).

It is not a dependency of backcare. Run it from a checkout, with WordLlama in a side venv:

    python3 -m venv /tmp/wlenv && /tmp/wlenv/bin/pip install wordllama==0.4.0.post1
    PYTHONPATH=.:src .venv/bin/python scripts/embedding_trial.py /tmp/wlenv PART…

It prints, per part of ``tests/search/real_questions.yaml``, recall@1 / recall@5 of ask, of the
embeddings alone, and of ask's list fused with the embeddings' (reciprocal-rank fusion at a few
weights); and how well the best cosine separates questions the sources don't cover.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.ask import load_real

from backcare.knowledge import load_knowledge_base
from backcare.search import AskIndex, ask
from backcare.search.evaluation import LabelledQuestion, figures
from backcare.search.index import _entry_texts

Ranker = Callable[[str], tuple[Sequence[str], bool]]
FUSION_WEIGHTS = (0.3, 0.5, 1.0)
RRF_K = 60


def load_model(venv: Path) -> Any:
    """WordLlama's bundled tokenizer and weights, read from the files in its wheel."""
    sys.path.extend(str(p) for p in venv.glob("lib/python3*/site-packages"))
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    weights = root / "weights" / "l2_supercat_256.safetensors"
    with safe_open(str(weights), framework="np", device="cpu") as tensors:
        embedding = tensors.get_tensor("embedding.weight")
    return WordLlamaInference(embedding, tokenizer, binary=False)


def main(venv: Path, parts: list[str]) -> None:
    import numpy as np

    model = load_model(venv)

    def unit(text: str) -> Any:
        vector = model.embed(text)[0]
        return vector / (np.linalg.norm(vector) + 1e-9)

    kb = load_knowledge_base()
    index = AskIndex(kb)
    ids = [entry.id for entry in kb]
    named = np.stack([unit(_heading(entry)) for entry in kb])
    questions = [q for q in load_real() if q.part in parts]

    def by_embedding(question: str) -> tuple[list[str], float]:
        scores = named @ unit(question)
        order = np.argsort(-scores)[:20]
        return [ids[i] for i in order], float(scores[order[0]])

    def by_ask(question: str) -> tuple[list[str], bool]:
        result = ask(index, question, top=20)
        return [hit.id for hit in result.results], result.covered

    def fused(weight: float) -> Ranker:
        def rank(question: str) -> tuple[list[str], bool]:
            ours, covered = by_ask(question)
            score: dict[str, float] = {}
            for weighting, ranked in ((1.0, ours), (weight, by_embedding(question)[0])):
                for place, entry_id in enumerate(ranked):
                    score[entry_id] = score.get(entry_id, 0.0) + weighting / (RRF_K + place)
            return sorted(score, key=lambda e: -score[e])[:20], covered

        return rank

    print("ranker           " + "  ".join(f"{p:>11}" for p in parts))
    report("ask", by_ask, questions, parts)
    report("embeddings", lambda q: (by_embedding(q)[0], True), questions, parts)
    for weight in FUSION_WEIGHTS:
        report(f"ask + emb x{weight}", fused(weight), questions, parts)
    best = [(by_embedding(q.q)[1], q.covered) for q in questions]
    print(
        f"best cosine: covered questions {statistics.mean(c for c, ok in best if ok):.2f}, "
        f"not covered {statistics.mean(c for c, ok in best if not ok):.2f}"
    )


def _heading(entry: Any) -> str:
    texts = _entry_texts(entry)
    return " ".join(texts[field] for field in ("name", "aliases", "summary"))


def report(label: str, rank: Ranker, questions: list[LabelledQuestion], parts: list[str]) -> None:
    cells = []
    for part in parts:
        result = figures(rank, [q for q in questions if q.part == part])
        cells.append(f"{result.recall_at_1:.2f} / {result.recall_at_5:.2f}")
    print(f"{label:<16} " + "  ".join(cells))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
