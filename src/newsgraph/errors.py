"""The errors newsgraph raises on purpose.

Every error a user can cause derives from :class:`NewsgraphError`; the command line prints its
message (which says what to do next) and exits non-zero, with a traceback only under ``--debug``.
"""

from __future__ import annotations

__all__ = ["NewsgraphError", "InputError", "FetchError", "StoreError", "ConfigError", "PipelineError"]


class NewsgraphError(Exception):
    """Base of every error newsgraph raises for the user to act on."""


class InputError(NewsgraphError):
    """An input file (or one record inside it) cannot be read as an article.

    ``path`` names the file (with ``#line`` or ``#id`` for a record inside a file), ``problem`` says
    what is wrong and ``hint`` what to do about it.
    """

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        message = f"{path}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class FetchError(InputError):
    """A URL that was refused or could not be fetched; ``path`` is the URL as given."""


class StoreError(NewsgraphError):
    """The database cannot be opened, migrated or written."""


class ConfigError(NewsgraphError):
    """A setting has a value newsgraph cannot use."""


class PipelineError(NewsgraphError):
    """A pipeline stage failed or broke its contract; the message names the stage."""
