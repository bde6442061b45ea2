"""Reading YAML strictly, as JSON would read it: the profile files people write.

PyYAML follows YAML 1.1, where ``yes``, ``on`` and ``no`` are booleans, ``0x22`` is 34 and
``12:30`` is 750; a key given twice keeps the last value, and aliases can expand a small file
into billions of items. ``load`` reads only what JSON has (``true``/``false``, decimal numbers,
``null``; everything else stays text, which a number field then refuses), and refuses a key
given twice, anchors and aliases, and nesting past ``MAX_DEPTH``, naming the line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from backcare.errors import InputError

MAX_DEPTH = 8
"""Deepest nesting accepted (a profile needs three)."""

JSON_LIKE = {
    "tag:yaml.org,2002:bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "tag:yaml.org,2002:int": (r"^-?(?:0|[1-9][0-9]*)$", "-0123456789"),
    "tag:yaml.org,2002:float": (
        r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$",
        "-0123456789",
    ),
    "tag:yaml.org,2002:null": (r"^(?:~|null|Null|NULL|)$", "~nN"),
}


class Refused(yaml.MarkedYAMLError):
    """Valid YAML that backcare does not accept."""


class StrictLoader(yaml.SafeLoader):
    """``SafeLoader`` with JSON's scalars only, no duplicate keys, no aliases, bounded depth."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise self._refuse("anchors and aliases are not allowed")
        if self.depth >= MAX_DEPTH:
            raise self._refuse(f"nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys: set[object] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise Refused(
                    problem=f"the key {key!r} appears twice", problem_mark=key_node.start_mark
                )
            keys.add(key)
        return super().construct_mapping(node, deep=deep)

    def _refuse(self, problem: str) -> Refused:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        return Refused(problem=problem, problem_mark=event.start_mark)


StrictLoader.yaml_implicit_resolvers = {}
for _tag, (_pattern, _first) in JSON_LIKE.items():
    StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(JSON_LIKE["tag:yaml.org,2002:null"][0]), [""]
)


def load(text: str, *, source: str) -> Any:
    """The document in ``text``; ``InputError`` naming ``source`` (and the line) otherwise."""
    try:
        return yaml.load(text, Loader=StrictLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        why = f": {error.problem}" if isinstance(error, Refused) else ""
        raise InputError(f"{source}: not valid JSON or YAML{where}{why}") from None
