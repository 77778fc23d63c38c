"""Read one string that is meant to be a date, such as a feed's or a page's ``date`` field.

Unlike :func:`~newsgraph.dates.explicit.find_explicit_dates`, which looks for dates inside
running text, :func:`parse_date` is given a value that should be a date and reads it whole: ISO
8601 (with or without a time, or at year or month precision), RFC 2822 ("Tue, 18 Jun 2024
09:30:00 +0000") and the written forms of the date grammar ("June 18, 2024", "18 June 2024",
"26-FEB-1987 15:01:01.79"). The date is kept as printed, never moved to another time zone: the
day on the article is the day it was published where it was written.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from newsgraph.dates.explicit import find_explicit_dates
from newsgraph.dates.partial import PartialDate

__all__ = ["parse_date"]

_ISO_PARTIAL = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?")
_TIME = re.compile(
    r"(?i:\bat\s+)?\b\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[AaPp]\.?[Mm]\b\.?)?"
    r"|\b\d{1,2}\s*[AaPp]\.?[Mm]\b\.?"
    # A weekday shortened, as stamps print it ("Thu March 4, 2021", "Fri, October 07 2022").
    r"|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)\b\.?"
    r"|\b(?:[A-Z]{2,4}T|GMT|UTC|Z)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
    r"|[+-]\d{4}\b"
)
_FILLER = re.compile(r"[\W_]+")


def parse_date(value: str) -> PartialDate | None:
    """The date ``value`` states, at its precision, or ``None`` if it is not a date.

    The string must be a date and little else: after the date, a weekday, a time of day, a time
    zone and punctuation, nothing may be left ("June 18, 2024 at 3:00 p.m. EDT" is a date,
    "may produce a treaty" is not).
    """
    text = " ".join(value.split())
    if not text:
        return None
    for reader in (_iso, _rfc2822, _written):
        found = reader(text)
        if found is not None:
            return found
    return None


def _iso(text: str) -> PartialDate | None:
    if _ISO_PARTIAL.fullmatch(text):
        try:
            return PartialDate.from_iso(text)
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        return None
    return PartialDate.from_date(moment.date())


def _rfc2822(text: str) -> PartialDate | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return PartialDate.from_date(moment.date())


def _written(text: str) -> PartialDate | None:
    mentions = find_explicit_dates(text)
    dated = [mention for mention in mentions if mention.date is not None]
    if len(dated) != 1:
        return None
    pieces: list[str] = []
    cursor = 0
    for mention in mentions:
        pieces.append(text[cursor : mention.start])
        cursor = mention.end
    pieces.append(text[cursor:])
    if _FILLER.sub("", _TIME.sub(" ", " ".join(pieces))):
        return None
    return dated[0].date
