"""The ``backcare`` command line: one Typer app, one module per command group.

Heavy libraries (FastAPI, SQLAlchemy, matplotlib) are imported inside the commands that need
them, so ``backcare kb …`` and ``backcare check`` start fast.
"""

from __future__ import annotations

import typer

from backcare.cli import ask, check, data, diary, export, kb, log, plan, serve
from backcare.cli import breaks as breaks_cli
from backcare.cli import session as session_cli

app = typer.Typer(
    name="backcare",
    help="A back-pain self-care coach. Self-care guidance, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(kb.app, name="kb")
app.command("log", context_settings={"ignore_unknown_options": True})(log.log_pain)
app.command("diary")(diary.diary)
app.command("export")(export.export)
app.command("import")(data.import_data)
app.command("delete")(data.delete)
app.command("backup")(data.backup)
app.command("ask")(ask.ask)
app.command("check")(check.check)
app.command("plan")(plan.plan)
app.command("session")(session_cli.session)
app.command("breaks")(breaks_cli.breaks)
app.command("serve")(serve.serve)


def main() -> None:
    """Console-script entry point."""
    app()
