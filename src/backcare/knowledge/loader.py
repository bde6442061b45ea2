"""Load, validate and merge the YAML content into a frozen ``KnowledgeBase``.

Parsing and validating every YAML file costs far more than a CLI start can afford, so the
validated result is pickled into a cache keyed by a hash of the content files and the schema;
any edit to either invalidates it. The YAML stays the source of truth. The shipped content is
also compiled beside the package (``make`` and the first use do it where the install is
writable), so a new user's first start is as quick as any; a read-only install without it
falls back to the user's cache directory, and failing that to parsing.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from backcare.content import DATA_DIR, schema
from backcare.content.schema import ContentFile, Entry, NotCarried
from backcare.errors import ContentError
from backcare.files import write_atomically
from backcare.knowledge.base import KnowledgeBase
from backcare.knowledge.digest import SHIPPED_CACHE
from backcare.knowledge.digest import content_files as content_files
from backcare.knowledge.digest import fingerprint as fingerprint
from backcare.knowledge.promises import all_rules

T = TypeVar("T")
_CACHE_NAME = "knowledge-{digest}.pickle"
_CHECK_NAME = "check-{digest}.pickle"
_PLAN_NAME = "plan-{digest}.pickle"


def parse_file(path: Path) -> ContentFile:
    """Parse and validate one content file; errors name the file.

    YAML and pydantic's errors are imported here: a start that finds the compiled knowledge base
    current needs neither."""
    import yaml
    from pydantic import ValidationError

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return ContentFile.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as error:
        raise ContentError(f"{path.name}: {error}") from error


def build(files: Iterable[Path]) -> KnowledgeBase:
    """Validate every file, merge extra sources into their entries, check cross-references."""
    entries: dict[str, Entry] = {}
    owner: dict[str, str] = {}
    extras: list[tuple[str, schema.ExtraSources]] = []
    not_carried: list[NotCarried] = []
    levels: list[schema.LevelWording] = []
    content_rules: list[schema.Rule] = []
    for path in files:
        parsed = parse_file(path)
        for entry in parsed.entries:
            if entry.id in entries:
                raise ContentError(
                    f"{path.name}: id {entry.id!r} already defined in {owner[entry.id]}"
                )
            entries[entry.id] = entry
            owner[entry.id] = path.name
        extras.extend((path.name, extra) for extra in parsed.extra_sources)
        not_carried.extend(parsed.not_carried)
        levels.extend(parsed.levels)
        content_rules.extend(parsed.rules)
    for file_name, extra in extras:
        if extra.id not in entries:
            raise ContentError(f"{file_name}: extra_sources for unknown id {extra.id!r}")
        entry = entries[extra.id]
        entries[extra.id] = entry.model_copy(
            update={
                "sources": [*entry.sources, *extra.sources],
                "aliases": [*entry.aliases, *(a for a in extra.aliases if a not in entry.aliases)],
            }
        )
    _check_references(entries)
    rules = all_rules(entries.values(), content_rules)
    _check_rules(rules, entries)
    _check_levels(levels)
    return KnowledgeBase(
        entries=tuple(entries.values()),
        not_carried=tuple(not_carried),
        rules=rules,
        levels=tuple(levels),
    )


def _check_levels(levels: list[schema.LevelWording]) -> None:
    """Each level is worded exactly once, or not at all (a partial knowledge base in tests)."""
    named = [wording.level for wording in levels]
    if named and sorted(named) != sorted(schema.LEVELS):
        raise ContentError(f"levels must word each of {schema.LEVELS} once, not {named}")


def _check_references(entries: dict[str, Entry]) -> None:
    for entry in entries.values():
        referenced = list(entry.related)
        if entry.kind == "population":
            referenced += [*entry.recommends, *entry.avoid]
        for ref in referenced:
            if ref not in entries:
                raise ContentError(f"entry {entry.id!r} refers to unknown id {ref!r}")


def _check_rules(rules: tuple[schema.Rule, ...], entries: dict[str, Entry]) -> None:
    """Rule ids are unique; rules and conflicts name only entries, rules and dose variants
    (``<exercise>#<variant>``) that exist."""
    ids = [rule.id for rule in rules]
    twice = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if twice:
        raise ContentError(f"rule ids defined twice: {twice}")
    for rule in rules:
        named = [*rule.exclude, *(cap.entry for cap in rule.caps)]
        for ref in named:
            if ref not in entries:
                raise ContentError(f"rule {rule.id!r} refers to unknown id {ref!r}")
    known = set(ids) | {
        f"{entry.id}#{variant.id}"
        for entry in entries.values()
        for variant in getattr(entry, "dose_variants", [])
    }
    for entry in entries.values():
        for rule_id in getattr(entry, "enforces", []):
            if rule_id not in known:
                raise ContentError(f"entry {entry.id!r} enforces unknown rule {rule_id!r}")


def load_knowledge_base(
    *, cache_dir: Path | None = None, data_dir: Path = DATA_DIR
) -> KnowledgeBase:
    """The knowledge base, from a compiled cache when one is current, else built and cached."""
    files = content_files(data_dir)
    if cache_dir is None:
        return build(files)
    return _compiled(_CACHE_NAME, fingerprint(files), cache_dir, data_dir, lambda: build(files))


def load_check_view(*, cache_dir: Path, data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """What the safety check reads of the knowledge base (``check_view``), compiled apart:
    ``backcare check`` unpickles its 20 entries, not all 247. Keyed by the content digest and by
    this file, so a new ``check_view`` never reads an old view."""

    def make() -> KnowledgeBase:
        return check_view(load_knowledge_base(cache_dir=cache_dir, data_dir=data_dir))

    return _compiled(_CHECK_NAME, _view_digest(data_dir), cache_dir, data_dir, make)


def check_view(kb: KnowledgeBase) -> KnowledgeBase:
    """The red-flag entries and the levels' wording: all that ``triage.evaluate`` and the check's
    page look up (a test runs the check both ways on random profiles)."""
    return KnowledgeBase(entries=tuple(kb.of_type(schema.RedFlag)), levels=kb.levels)


PLAN_KINDS = frozenset({"exercise", "habit", "thermotherapy", "posture", "population", "red_flag"})
"""What a plan reads: the kinds it hands out, the population advice sets and the warning signs
(the safety check it starts with, and the acute phase's sources)."""


def load_plan_view(*, cache_dir: Path, data_dir: Path = DATA_DIR) -> KnowledgeBase:
    """What ``build_plan`` and its safety check read of the knowledge base (``plan_view``),
    compiled apart like the check's: ``backcare plan`` leaves the causes, methods, conflicts,
    acupressure points and seed notes unread (about a third of the unpickling)."""

    def make() -> KnowledgeBase:
        return plan_view(load_knowledge_base(cache_dir=cache_dir, data_dir=data_dir))

    return _compiled(_PLAN_NAME, _view_digest(data_dir), cache_dir, data_dir, make)


def plan_view(kb: KnowledgeBase) -> KnowledgeBase:
    """The entries of ``PLAN_KINDS`` in content order, every rule and the levels' wording (a test
    makes plans both ways on random profiles)."""
    entries = tuple(entry for entry in kb if entry.kind in PLAN_KINDS)
    return KnowledgeBase(entries=entries, levels=kb.levels, rules=kb.rules)


def _view_digest(data_dir: Path) -> str:
    """A view's key: the content digest and this file, so a changed view never reads an old
    one."""
    digest = hashlib.sha256(fingerprint(content_files(data_dir)).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:24]


def _compiled(
    pattern: str, digest: str, cache_dir: Path, data_dir: Path, make: Callable[[], KnowledgeBase]
) -> KnowledgeBase:
    """The pickle named ``pattern`` for this digest, from the user's cache or the one shipped
    beside the package (shipped content only); else made and written to both."""
    name = pattern.format(digest=digest)
    folders = [cache_dir, *([SHIPPED_CACHE] if data_dir == DATA_DIR else [])]
    for folder in folders:
        cached = read_pickled(folder / name, KnowledgeBase)
        if cached is not None:
            return cached
    kb = make()
    for folder in folders:
        write_pickled(folder / name, kb, stale=pattern.format(digest="*"))
    return kb


def read_pickled(cache_file: Path, kind: type[T]) -> T | None:
    """The pickled object, or None when it is missing, unreadable or not a ``kind``."""
    try:
        with cache_file.open("rb") as handle:
            cached = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return cached if isinstance(cached, kind) else None


def write_pickled(cache_file: Path, value: object, *, stale: str) -> None:
    """Write atomically and drop the files ``stale`` matches (older versions' caches) first; a
    read-only cache directory is not an error."""
    cache_dir = cache_file.parent
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(stale):
            old.unlink(missing_ok=True)
        for partial in cache_dir.glob("*.partial"):  # left by versions before 0.x
            partial.unlink(missing_ok=True)
        write_atomically(
            cache_file,
            lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL),
            mode=0o644,
        )
    except OSError:
        pass
