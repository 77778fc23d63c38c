"""Example articles shipped with newsgraph for the demo and the docs.

They are invented for this project (the events, people and quotes are fictional) and imitate
what scraped news looks like: hard-wrapped wire copy, share links, captions in the middle of the
text, cookie notices, bylines and copyright notices, an HTML page with scripts, a JSON Lines feed.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["example_folder"]


def example_folder() -> Path:
    """The folder holding the example articles."""
    return Path(__file__).resolve().parent / "articles"
