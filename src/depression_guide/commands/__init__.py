"""The commands, one module a group; `register` adds them to the app in help order."""

import typer


def register(app: typer.Typer) -> None:
    from depression_guide.commands import (
        browse,
        config,
        crisis,
        decide,
        explore,
        references,
        selfcheck,
        validate,
    )

    for module in (explore, decide, browse, references, crisis, selfcheck, validate, config):
        module.register(app)
