"""The words around a number that say what it counts and how exactly: currencies, percent, qualifiers.

Money is written with a symbol before the number ("$250 million", "€5bn", "US$3"), a code before
or after it ("USD 5 million") or a currency word after it ("50 mln dlrs", "3 billion won"); all
of them give the ISO 4217 code as the unit. A word that names a currency only with a country
("pounds", "dollars" after "Australian") keeps its words. Qualifiers are the words before a number
that bound or soften it ("more than", "nearly", "up to").
"""

from __future__ import annotations

import re
from types import MappingProxyType

__all__ = [
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "CURRENCY_CODES",
    "PERCENT_WORDS",
    "QUALIFIERS",
    "currency_of_symbol",
]

CURRENCY_SYMBOLS = MappingProxyType(
    {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB", "₹": "INR",
     "₴": "UAH"}  # fmt: skip
)
"""The currency a symbol written before a number stands for ("$" is taken as US dollars)."""

CURRENCY_WORDS = MappingProxyType(
    {
        "dollar": "USD",
        "dollars": "USD",
        "dlr": "USD",
        "dlrs": "USD",
        "euro": "EUR",
        "euros": "EUR",
        "yen": "JPY",
        "yuan": "CNY",
        "renminbi": "CNY",
        "won": "KRW",
        "rouble": "RUB",
        "roubles": "RUB",
        "ruble": "RUB",
        "rubles": "RUB",
        "sterling": "GBP",
        "stg": "GBP",
        "hryvnia": "UAH",
        "hryvnias": "UAH",
    }
)
"""The currency a word written after a number names."""

CURRENCY_CODES = frozenset(
    {"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "KPW", "RUB", "INR", "UAH", "CHF", "CAD", "AUD", "HKD", "SGD"}
)
"""ISO 4217 codes read as the unit when written beside a number."""

# A symbol with a country prefix: "US$", "A$", "HK$", "C$".
_PREFIXED_DOLLAR = re.compile(r"(?P<country>US|A|AU|HK|C|CA|NZ|S)\$")
_DOLLAR_COUNTRIES = {
    "US": "USD", "A": "AUD", "AU": "AUD", "HK": "HKD", "C": "CAD", "CA": "CAD", "NZ": "NZD", "S": "SGD"
}  # fmt: skip

PERCENT_WORDS = MappingProxyType({"%": "percent", "percent": "percent", "pct": "percent", "per cent": "percent"})
"""Words after a number that make it a percentage."""

QUALIFIERS = (
    "no more than",
    "no fewer than",
    "no less than",
    "more than",
    "fewer than",
    "less than",
    "as many as",
    "as much as",
    "as few as",
    "at least",
    "at most",
    "up to",
    "close to",
    "just over",
    "just under",
    "well over",
    "upwards of",
    "in excess of",
    "an estimated",
    "approximately",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "below",
    "above",
    "some",
    "only",
    "exactly",
)
"""Words before a number that bound or soften it (the longest that fits is taken)."""


def currency_of_symbol(text: str) -> str | None:
    """The ISO code for a currency symbol written before a number ("$", "US$", "€"), or ``None``."""
    if text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[text]
    prefixed = _PREFIXED_DOLLAR.fullmatch(text)
    if prefixed is not None:
        return _DOLLAR_COUNTRIES[prefixed["country"]]
    return text if text in CURRENCY_CODES else None
