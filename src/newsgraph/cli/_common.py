"""What the commands share: the debug flag, settings from options, and error handling."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click
import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.settings import Settings

__all__ = ["State", "handle_errors", "settings_from", "err_console", "plain", "DB_OPTION", "CONFIG_OPTION"]

err_console = Console(stderr=True)

P = ParamSpec("P")
R = TypeVar("R")

DB_OPTION = typer.Option(None, "--db", help="Database file (default: newsgraph.duckdb in the working folder).")
CONFIG_OPTION = typer.Option(None, "--config", help="A newsgraph.toml with settings (default: ./newsgraph.toml if present).")


# Control characters but newline and tab: C0, DEL and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(value: object) -> str:
    """``value`` (a file name, a title, a quotation, a date: any data) as text rich prints as it is.

    Its markup is escaped, so ``[/bold]`` neither fails the print nor styles it and ``[link=...]``
    makes no terminal link; its control characters are shown as ``\\x1b``, so none reaches the
    terminal. Every piece of data a command prints goes through this.
    """
    text = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", str(value))
    return escape(text)


@dataclass
class State:
    debug: bool = False


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a :class:`NewsgraphError` as one line and exit 1; re-raise it under ``--debug``."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except NewsgraphError as error:
            context = click.get_current_context(silent=True)
            if context is not None and isinstance(context.obj, State) and context.obj.debug:
                raise
            err_console.print(f"[red]error:[/red] {plain(error)}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def settings_from(config: Path | None, **flags: Any) -> Settings:
    from newsgraph.settings import load_settings

    return load_settings(config, **flags)
