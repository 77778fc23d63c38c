"""newsgraph: news articles in, a sourced record of who did and said what to whom out.

The library in three calls: :func:`analyze` one article's text into a :class:`Document` (no
database), :func:`ingest` files, folders and web pages into a database, and :func:`open` a
database to read its documents, actors, quotations, events and stories as rows, Arrow tables or
pandas DataFrames.

Importing newsgraph loads nothing: each public name is imported the first time it is used, so
the command line starts without the library it does not need, and the language model loads on
the first :func:`analyze` or :func:`ingest`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsgraph._version import __version__

if TYPE_CHECKING:
    from newsgraph._api import analyze as analyze
    from newsgraph._api import ingest as ingest
    from newsgraph._api import open as open
    from newsgraph.database import Database as Database
    from newsgraph.database import Results as Results
    from newsgraph.errors import NewsgraphError as NewsgraphError
    from newsgraph.records import Document as Document
    from newsgraph.records import Event as Event
    from newsgraph.records import Quote as Quote

__all__ = [
    "Database",
    "Document",
    "Event",
    "NewsgraphError",
    "Quote",
    "Results",
    "__version__",
    "analyze",
    "ingest",
    "open",
]

# Where each public name is defined.
_HOMES = {
    "analyze": "newsgraph._api",
    "ingest": "newsgraph._api",
    "open": "newsgraph._api",
    "Database": "newsgraph.database",
    "Results": "newsgraph.database",
    "NewsgraphError": "newsgraph.errors",
    "Document": "newsgraph.records",
    "Event": "newsgraph.records",
    "Quote": "newsgraph.records",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
