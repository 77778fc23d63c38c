"""Dates in news text: partial dates, explicit date mentions, and the parser for one date string.

This package is the temporal grammar. It reads what a text states outright
(:func:`find_explicit_dates`, :func:`parse_date`) into :class:`PartialDate` values at the precision
stated. :func:`newsgraph.dates.expressions.find_time_expressions` builds on it: it also reads relative
expressions (:mod:`~newsgraph.dates.relative`) and resolves every expression against the publication
date (:mod:`~newsgraph.dates.resolve`, :mod:`~newsgraph.dates.period`, :mod:`~newsgraph.dates.tense`).
"""

from __future__ import annotations

from newsgraph.dates.explicit import DateMention, find_explicit_dates
from newsgraph.dates.parse import parse_date
from newsgraph.dates.partial import PartialDate

__all__ = ["PartialDate", "DateMention", "find_explicit_dates", "parse_date"]
