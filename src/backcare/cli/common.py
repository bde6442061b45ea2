"""What every command shares: settings, the knowledge base, JSON output, one-line errors."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError

from backcare import DISCLAIMER as DISCLAIMER
from backcare.cli.process import resume_collection
from backcare.config import Settings, load_settings
from backcare.errors import BackcareError

if TYPE_CHECKING:  # imported by the functions that use them: not every command needs them
    from rich.console import Console
    from rich.text import Text

    from backcare.knowledge import KnowledgeBase
    from backcare.profile import Profile

T = TypeVar("T")


@cache
def settings() -> Settings:
    """Settings for this process, read once."""
    return load_settings()


@cache
def knowledge() -> KnowledgeBase:
    """The knowledge base, from the compiled cache in the user cache directory."""
    from backcare.knowledge import load_knowledge_base

    return load_knowledge_base(cache_dir=settings().cache_dir)


@cache
def plan_knowledge() -> KnowledgeBase:
    """The part of the knowledge base a plan reads (its kinds of entry, the warning signs, every
    rule), compiled apart: a third of ``backcare plan``'s unpickling was entries it never reads."""
    from backcare.knowledge.loader import load_plan_view

    return load_plan_view(cache_dir=settings().cache_dir)


@cache
def check_knowledge() -> KnowledgeBase:
    """The part of the knowledge base the safety check reads (red flags, the levels' wording),
    compiled apart: a fifth of ``backcare check``'s start was unpickling the rest."""
    from backcare.knowledge.loader import load_check_view

    return load_check_view(cache_dir=settings().cache_dir)


@cache
def console() -> Console:
    """The terminal, opened when a page is drawn (``--json`` draws none, and Rich costs more
    to import than a whole check)."""
    from rich.console import Console

    return Console()


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters but tab and newline: ESC starts colour codes and hyperlinks."""


def user_text(value: str, style: str = "") -> Text:
    """Text a person or a file wrote, for Rich output, shown exactly as written and inert:
    ``[red]``, ``[/]`` and ``[link=…]`` are not markup, ``:smile:`` is not an emoji, and control
    characters (terminal escape sequences) show as � instead of acting on the terminal."""
    from rich.text import Text

    return Text(CONTROL_CHARACTERS.sub("\ufffd", value), style=style)


LINE_BREAKS = re.compile(r"\s*(?:\r\n|[\n\r\u2028\u2029])\s*")
"""What ends a line: in an error message it becomes one space."""


def fail(message: str) -> NoReturn:
    """Print one line to stderr and exit with status 2 (bad input), never a traceback. A
    message that quotes what a file held (a parser's error on a binary file) stays one line:
    its line breaks become spaces and other control characters �."""
    one_line = CONTROL_CHARACTERS.sub("\ufffd", LINE_BREAKS.sub(" ", message))
    print(f"error: {one_line}", file=sys.stderr)
    raise SystemExit(2)


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a pydantic error as one line that names the field."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {message}" if where else message


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn our own errors and validation errors into one-line messages with exit status 2."""
    try:
        yield
    except ValidationError as error:
        fail(describe_validation_error(error))
    except BackcareError as error:
        fail(str(error))
    except OSError as error:
        fail(describe_os_error(error))


def describe_os_error(error: OSError) -> str:
    """A file the person named that the system refused (too long a name, no permission …), as
    one line; a very long name is shortened so the line stays readable."""
    name = str(error.filename) if error.filename is not None else "file"
    shown = name if len(name) <= 60 else f"{name[:28]}…{name[-28:]}"
    return f"{shown}: {error.strerror or error}"


def guarded(function: Callable[..., T]) -> Callable[..., T]:
    """Decorator for command functions: ``user_errors`` around the command, which runs with the
    garbage collector the console script held off during start-up (``cli.process``)."""
    import functools

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        resume_collection()
        with user_errors():
            return function(*args, **kwargs)
        raise AssertionError("unreachable")  # pragma: no cover

    return wrapper


def print_json(data: Any, *, exclude_none: bool = False) -> None:
    """Write data as JSON to stdout (pydantic models dumped in JSON mode).

    ``None`` stays in by default: the contracts (SPEC) spell out ``"warning": null`` and the like.
    """
    if isinstance(data, BaseModel):  # one pass in pydantic-core: a plan is 120 KB of JSON
        sys.stdout.write(data.model_dump_json(indent=2, exclude_none=exclude_none) + "\n")
        return
    if isinstance(data, list):
        data = [
            item.model_dump(mode="json", exclude_none=exclude_none)
            if isinstance(item, BaseModel)
            else item
            for item in data
        ]
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


MAX_PROFILE_BYTES = 64 * 1024
"""A profile is a few hundred bytes; a bigger file is a mistake (or ``/dev/zero``)."""


def read_profile(path: str) -> Profile:
    """Read a profile file (JSON or YAML, at most ``MAX_PROFILE_BYTES``); ``-`` reads stdin."""
    from pathlib import Path

    from backcare.errors import InputError
    from backcare.profile import parse_profile

    name = "stdin" if path == "-" else Path(path).name
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_PROFILE_BYTES + 1)
        else:
            with open(path, "rb") as file:
                data = file.read(MAX_PROFILE_BYTES + 1)
        if len(data) > MAX_PROFILE_BYTES:
            raise InputError(
                f"--profile: {name} is larger than {MAX_PROFILE_BYTES // 1024} KiB; "
                "is it a profile?"
            )
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"--profile: cannot read {path}: {getattr(error, 'strerror', None) or error}"
        ) from None
    return parse_profile(text, source=name)
