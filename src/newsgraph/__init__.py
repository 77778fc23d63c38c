"""newsgraph: news articles in, a sourced record of who did and said what to whom out.

The library in three calls: :func:`analyze` one article's text into a :class:`Document` (no
database), :func:`ingest` files, folders and web pages into a database, and :func:`open` a
database to read its documents, actors, quotations, events and stories as rows, Arrow tables or
pandas DataFrames. Importing newsgraph loads nothing heavy: the language model loads on the first
:func:`analyze` or :func:`ingest`.
"""

from __future__ import annotations

from newsgraph._api import analyze, ingest, open
from newsgraph.database import Database, Results
from newsgraph.errors import NewsgraphError
from newsgraph.records import Document, Event, Quote

__version__ = "0.1.0"

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
