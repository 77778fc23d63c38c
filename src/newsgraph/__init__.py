"""newsgraph: news articles in, a sourced record of who did and said what to whom out."""

from __future__ import annotations

__version__ = "0.1.0"
