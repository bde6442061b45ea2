"""Make ``src/backcare/search/objects.txt``: everyday English words for made objects.

The words are the one-word nouns of WordNet 3.0 whose commonest sense (the first in WordNet's
index, which orders senses by how often they were tagged) lies in the lexicographer file
``noun.artifact``, kept to the words pyspellchecker's English list calls common
(``backcare.search.english.COMMON_PER_MILLION``): rarer unknown words already name a thing.
Run by hand when either source changes, with Debian's ``wordnet-base`` installed
(``apt-get install wordnet-base``); the ask index reads only the file this writes.

    python scripts/make_objects.py [WORDNET_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from backcare.search.english import OBJECTS_FILE, common_english_words, english_frequencies

WORDNET = Path("/usr/share/wordnet")
ARTIFACT = "06"
"""WordNet's lexicographer file number of ``noun.artifact``."""
LICENCE = Path("/usr/share/doc/wordnet-base/copyright")


def first_senses(index_noun: Path) -> dict[str, str]:
    """Each noun lemma's commonest sense (its first synset offset)."""
    senses = {}
    for line in index_noun.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        senses[fields[0]] = fields[4 + pointers + 2]
    return senses


def lexicographer_files(data_noun: Path) -> dict[str, str]:
    """Each synset offset's lexicographer file number."""
    return {
        line.split()[0]: line.split()[1]
        for line in data_noun.read_text(encoding="utf-8").splitlines()
        if not line.startswith(" ")
    }


def header() -> str:
    """The WordNet 3.0 licence, which asks for its notice on every copy."""
    lines = ["Everyday English words for made objects, from WordNet 3.0 (scripts/make_objects.py)."]
    lines += ["WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.", ""]
    text = LICENCE.read_text(encoding="utf-8")
    start = text.index(" This software and database")
    licence = text[start : text.index("\n\n", start)]
    lines += ["" if line.strip() == "." else line.strip() for line in licence.splitlines()]
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else WORDNET
    common = common_english_words(english_frequencies())
    files = lexicographer_files(folder / "data.noun")
    words = sorted(
        lemma
        for lemma, offset in first_senses(folder / "index.noun").items()
        if files[offset] == ARTIFACT and lemma.isalpha() and lemma in common
    )
    OBJECTS_FILE.write_text(header() + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {OBJECTS_FILE}")


if __name__ == "__main__":
    main()
