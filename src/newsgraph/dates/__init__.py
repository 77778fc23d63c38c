"""Dates in news text: partial dates, explicit date mentions, and the parser for one date string.

This package is the start of the temporal grammar. It reads what a text states outright
(:func:`find_explicit_dates`, :func:`parse_date`) into :class:`PartialDate` values at the precision
stated; resolving relative expressions against the publication date builds on it.
"""

from __future__ import annotations

from newsgraph.dates.explicit import DateMention, find_explicit_dates
from newsgraph.dates.parse import parse_date
from newsgraph.dates.partial import PartialDate

__all__ = ["PartialDate", "DateMention", "find_explicit_dates", "parse_date"]
