"""The ``backcare`` command line: one Typer app, one module per command group.

Heavy libraries (FastAPI, SQLAlchemy, matplotlib) are imported inside the commands that need
them, so ``backcare kb …`` and ``backcare check`` start fast.
"""

from __future__ import annotations

import sys

import typer

from backcare.cli import (
    ask,
    check,
    data,
    data_check,
    diary,
    export,
    kb,
    log,
    picture,
    plan,
    programme,
    serve,
)
from backcare.cli import breaks as breaks_cli
from backcare.cli import session as session_cli
from backcare.cli.common import fail

app = typer.Typer(
    name="backcare",
    help="A back-pain self-care coach. Self-care guidance, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(kb.app, name="kb")
app.add_typer(data_check.app, name="data")
kb.app.command("picture")(picture.picture)
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
app.command("programme")(programme.programme)
app.command("breaks")(breaks_cli.breaks)
app.command("serve")(serve.serve)


def main() -> None:
    """Console-script entry point: usage errors become one line on stderr and exit status 2."""
    # Typer 0.29 vendors Click; its exception classes live here (the version is pinned).
    from typer._click import exceptions as click_errors

    try:
        status = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as error:
        print(error.ctx.get_help() if error.ctx else error.format_message())
        raise SystemExit(0) from None
    except click_errors.ClickException as error:
        fail(error.format_message())
    except typer.Abort:
        print("aborted", file=sys.stderr)
        raise SystemExit(130) from None
    raise SystemExit(status if isinstance(status, int) else 0)
