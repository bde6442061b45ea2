"""Pydantic models filled from values that were validated already, without validating again.

Plans and ask results are built from dozens of knowledge-base values, each validated when the
knowledge base was loaded. ``model_construct`` skips validation, but its general per-field walk
(aliases, defaults) cost more than the rest of a plan item or of an ask hit. When every field is
given, the instance is filled in directly, as ``model_construct`` would fill it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)

_fill = object.__setattr__
"""Sets an attribute of a (possibly frozen) model while it is being built, as pydantic does."""
_NAMES: dict[type[BaseModel], tuple[str, ...]] = {}
"""Each model's field names in declaration order, read once per model class: fields given in
that order (as every caller writes them) are taken as they are, not copied name by name."""


def trusted(model: type[Model], **fields: Any) -> Model:
    """``model.model_construct(**fields)``, filled in directly when ``fields`` names every field
    of the model (in declaration order, all of them set); through ``model_construct`` otherwise.
    For models without private attributes, a post-init hook or extra fields allowed (this runs
    no hook and, like ``model_construct`` for such models, keeps no unknown field)."""
    names = _NAMES.get(model)
    if names is None:
        names = _NAMES[model] = tuple(model.__pydantic_fields__)
    if tuple(fields) == names:
        values = fields  # every field, in declaration order: the keywords' own (new) dict
    else:
        try:
            values = {name: fields[name] for name in names}
        except KeyError:
            return model.model_construct(**fields)
    return filled(model, values)


def filled(model: type[Model], values: dict[str, Any]) -> Model:
    """``trusted(model, **values)`` for a dict that names every field of the model in
    declaration order (the caller writes it so; not checked): the dict becomes the instance's
    own, with no keywords unpacked and no names compared. For the hits of every question."""
    item = model.__new__(model)
    _fill(item, "__dict__", values)
    _fill(item, "__pydantic_fields_set__", set(values))
    _fill(item, "__pydantic_extra__", None)
    _fill(item, "__pydantic_private__", None)
    return item
