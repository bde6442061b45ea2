"""``backcare kb picture ID``: the SVG picture of an exercise, written to standard output."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from backcare.cli.common import guarded, knowledge


@guarded
def picture(
    entry_id: Annotated[str, typer.Argument(help="The exercise id.")],
    still: Annotated[
        bool, typer.Option("--still", help="The held pose as a still picture, not animated.")
    ] = False,
) -> None:
    """The picture of an exercise as SVG (redirect it to a file: ``> bridge.svg``)."""
    from backcare.pictures import picture_for

    sys.stdout.write(picture_for(entry_id, knowledge(), animate=not still))
