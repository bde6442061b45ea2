"""How much of the seed articles the knowledge base cites, and which passages it does not."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from backcare.knowledge.base import KnowledgeBase

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold runs of white space, so a quote may span a line break in its seed."""
    return _SPACE.sub(" ", text).strip()


def paragraphs(text: str) -> list[str]:
    """A seed's paragraphs: blocks between blank lines, without the seeds' stray leading commas."""
    blocks = (normalize(block).lstrip(", ").strip() for block in re.split(r"\n\s*\n", text))
    return [block for block in blocks if block]


def quote_in_seed(quote: str, seed_text: str) -> bool:
    """True when the quote stands verbatim in the seed (white space folded)."""
    return normalize(quote) in normalize(seed_text)


@dataclass(frozen=True)
class Uncited:
    seed: str
    paragraph: str


@dataclass(frozen=True)
class CoverageReport:
    """Distinct non-noise seed paragraphs, how many are cited, and the ones that are not."""

    total: int
    cited: int
    noise: int
    uncited: tuple[Uncited, ...]

    @property
    def share(self) -> float:
        return self.cited / self.total if self.total else 1.0


def coverage(kb: KnowledgeBase, seeds: Mapping[str, str]) -> CoverageReport:
    """A paragraph counts as cited when a quote lies inside it or it lies inside a quote.

    Paragraphs repeated across seeds (two of the articles share much text) count once.
    """
    quotes = [normalize(source.quote or "") for _, source in kb.seed_sources()]
    noise_quotes = [normalize(item.quote) for item in kb.not_carried]
    seen: set[str] = set()
    cited = noise = 0
    uncited: list[Uncited] = []
    for seed_name in sorted(seeds):
        for paragraph in paragraphs(seeds[seed_name]):
            if paragraph in seen:
                continue
            seen.add(paragraph)
            if any(paragraph in q for q in noise_quotes):
                noise += 1
            elif any(_overlaps(q, paragraph) for q in quotes):
                cited += 1
            else:
                uncited.append(Uncited(seed=seed_name, paragraph=paragraph))
    return CoverageReport(
        total=cited + len(uncited), cited=cited, noise=noise, uncited=tuple(uncited)
    )


def _overlaps(quote: str, paragraph: str) -> bool:
    return bool(quote) and (quote in paragraph or paragraph in quote)


def read_seeds(directory: Path) -> dict[str, str]:
    """The seed articles in a folder, by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.txt"))}
