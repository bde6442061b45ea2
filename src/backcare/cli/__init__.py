"""The ``backcare`` command line: one Typer app, one module per command group.

Each command module is imported only when its command runs (``backcare.cli.lazy``), and heavy
libraries (FastAPI, SQLAlchemy, matplotlib) only inside the commands that need them, so
``backcare --help`` and ``backcare log 3`` start fast.
"""

from __future__ import annotations

import os
import sys
import types

import typer

from backcare.cli.lazy import Lazy, LazyGroup
from backcare.cli.process import hold_collection

# backcare uses no pydantic plugin, and looking for them reads the metadata of every installed
# package (about a tenth of a command's start); set before a command first imports pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _without_plugin_loader() -> None:
    """With plugins disabled, pydantic's plugin loader only ever answers "no plugins"; but the
    module imports ``importlib.metadata`` and the e-mail parser behind it first (another
    twentieth of ``check`` and ``plan``). A module giving the same answer stands in for it. The
    pinned pydantic calls nothing else there (``tests/cli/test_start.py`` keeps to that)."""
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("__all__", "1", "true"):
        return
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules.setdefault(loader.__name__, loader)


def _no_plugins() -> tuple[()]:
    return ()


_without_plugin_loader()

COMMANDS = {
    "log": Lazy(
        "backcare.cli.log:log_pain",
        "Log a pain score; prints the entry and any alert the diary now calls for.",
        {"ignore_unknown_options": True},
    ),
    "diary": Lazy(
        "backcare.cli.diary:diary",
        "Show your pain diary: scores, 7-day average, sessions, breaks, habits and alerts.",
    ),
    "export": Lazy(
        "backcare.cli.export:export",
        "Export your data: json (everything), fhir (FHIR R4) or ics (your plan's calendar).",
    ),
    "import": Lazy(
        "backcare.cli.data:import_data",
        "Load a JSON export into the diary (all or nothing; at most 16 MiB and 50,000 records;"
        "\nnothing dated in the future).",
    ),
    "delete": Lazy(
        "backcare.cli.data:delete",
        "Delete every diary entry, session, habit, break and profile you have stored.",
    ),
    "backup": Lazy(
        "backcare.cli.data:backup",
        "Copy the database safely while it is in use (SQLite online backup).",
    ),
    "ask": Lazy(
        "backcare.cli.ask:ask",
        "Answer a question with the knowledge-base entries that hold the answer, and their "
        "sources.",
    ),
    "check": Lazy(
        "backcare.cli.check:check",
        "Check for warning signs: whether your back pain needs a doctor, and how soon.",
    ),
    "plan": Lazy(
        "backcare.cli.plan:plan",
        "A seven-day plan of exercises, habits, heat/ice, posture and breaks, chosen for you.",
    ),
    "session": Lazy(
        "backcare.cli.session:session",
        "A guided session of today's exercises: countdowns, reps, sets, a breathing pacer.",
    ),
    "programme": Lazy(
        "backcare.cli.programme:programme",
        "This week's adapted plan: phase, flare-up card, doses and why, the weekly summary.",
    ),
    "breaks": Lazy(
        "backcare.cli.breaks:breaks",
        "Remind you to get up and move, with one short stretch each time.",
    ),
    "questionnaire": Lazy(
        "backcare.cli.questionnaire:questionnaire",
        "Answer a questionnaire (interactively, or all at once with --answers); it is saved.",
    ),
    "report": Lazy(
        "backcare.cli.report:report",
        "Write the one-page report for a clinician: safety check, questionnaires over time with"
        "\nthe smallest-change verdict, the pain chart, sessions and sources.",
    ),
    "serve": Lazy(
        "backcare.cli.serve:serve",
        "Start the web app: open http://HOST:PORT/ in a browser; the API is under /api/.",
    ),
    "kb": Lazy("backcare.cli.kb:app", "Browse, export and measure the knowledge base."),
    "data": Lazy(
        "backcare.cli.data_check:app",
        "Check the database; restore the latest backup if it is damaged.",
    ),
}
"""Every command, in the order ``backcare --help`` lists them, with the summary it shows (the
first paragraph of the command's own help; a test keeps the two the same)."""


class BackcareGroup(LazyGroup):
    lazy = COMMANDS


app = typer.Typer(
    name="backcare",
    help="A back-pain self-care coach. Self-care guidance, not a diagnosis.",
    cls=BackcareGroup,
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _no_shared_options() -> None:
    # Typer needs a callback or a command to build a group; every command here is lazy.
    pass


def run() -> None:
    """The ``backcare`` console script (and ``python -m backcare``): ``main`` in a process that
    ends with the command, so garbage collection waits until the command has started."""
    hold_collection()
    main()


def main() -> None:
    """The command line: usage errors become one line on stderr and exit status 2."""
    # Typer 0.29 vendors Click; its exception classes live here (the version is pinned).
    from typer._click import exceptions as click_errors

    try:
        status = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as error:
        print(error.ctx.get_help() if error.ctx else error.format_message())
        raise SystemExit(0) from None
    except click_errors.ClickException as error:
        from backcare.cli.common import fail

        fail(error.format_message())
    except typer.Abort:
        print("aborted", file=sys.stderr)
        raise SystemExit(130) from None
    raise SystemExit(status if isinstance(status, int) else 0)
