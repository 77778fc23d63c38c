"""Amounts: counted things in news text, with the words that qualify them and what they count.

:func:`find_amounts` reads a spaCy parse of an article and returns each counted thing as an
:class:`Amount`: "more than 11,000 containers of munitions", "dozens of ballistic missiles",
"$250 million", "two thirds". :func:`parse_number` reads a number phrase on its own.
"""

from __future__ import annotations

from newsgraph.amounts.finder import Amount, find_amounts
from newsgraph.numerals import parse_fraction, parse_number

__all__ = ["Amount", "find_amounts", "parse_number", "parse_fraction"]
