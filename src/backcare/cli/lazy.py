"""A Typer group whose commands are imported only when one of them runs.

Importing every command module costs several times Python's own start-up (the knowledge base,
pydantic, SQLAlchemy, Rich's Markdown …), and ``backcare log 3`` needs none of the others. The
group lists each command from a one-line summary kept here, so ``backcare --help`` imports no
command module at all; running a command (or asking for its own help) imports just that one.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, NamedTuple

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup


class Lazy(NamedTuple):
    """Where a command lives: ``module:attribute`` (a function, or a Typer app for a group),
    the summary ``backcare --help`` lists, and any Click context settings.

    A named tuple, not a dataclass: every start makes this class, and a frozen dataclass's
    generated methods cost about a millisecond to compile."""

    target: str
    summary: str
    context_settings: dict[str, Any] | None = None

    def load(self, name: str) -> _click.Command:
        """Import the module and build the Click command (or group) Typer would have built."""
        module_name, attribute = self.target.split(":")
        found = getattr(importlib.import_module(module_name), attribute)
        command: _click.Command
        if isinstance(found, typer.Typer):
            command = typer.main.get_group(found)
        else:
            single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
            single.command(name, context_settings=self.context_settings)(found)
            command = typer.main.get_command(single)
        command.name = name
        return command

    def stand_in(self, name: str) -> _click.Command:
        """What help listings show instead of importing the command: its name and summary."""
        return TyperCommand(name, help=self.summary, short_help=self.summary)


class LazyCommands(MutableMapping[str, _click.Command]):
    """The group's commands: built ones, plus lazy ones built on first access by name."""

    def __init__(self, built: Mapping[str, _click.Command], lazy: Mapping[str, Lazy]) -> None:
        self._built = dict(built)
        self._lazy = dict(lazy)

    def __getitem__(self, name: str) -> _click.Command:
        if name not in self._built:
            self._built[name] = self._lazy[name].load(name)
        return self._built[name]

    def __setitem__(self, name: str, command: _click.Command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._built.pop(name, None)
        self._lazy.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._lazy
        yield from (name for name in self._built if name not in self._lazy)

    def __len__(self) -> int:
        return len(self._lazy.keys() | self._built.keys())

    def peek(self, name: str) -> _click.Command | None:
        """The command if built, its stand-in if lazy, else None; never imports anything."""
        if name in self._built:
            return self._built[name]
        return self._lazy[name].stand_in(name) if name in self._lazy else None


class LazyGroup(TyperGroup):
    """A ``TyperGroup`` over ``lazy``: listing and help use stand-ins, running loads."""

    lazy: Mapping[str, Lazy] = {}
    """The commands to load on demand, in the order help lists them (set by a subclass)."""
    commands: LazyCommands

    def __init__(self, **attrs: Any) -> None:
        built = attrs.pop("commands", None) or {}
        super().__init__(**attrs)
        self.commands = LazyCommands(built, self.lazy)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return list(self.commands)

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        return self.commands.peek(cmd_name)

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None and command is not None:
            command = self.commands[name]
        return name, command, rest
