"""Currency symbols and codes read as ISO 4217 units."""

from __future__ import annotations

import pytest

from newsgraph.amounts.units import currency_of_symbol


@pytest.mark.parametrize(
    ("symbol", "code"),
    [
        ("$", "USD"), ("US$", "USD"), ("A$", "AUD"), ("HK$", "HKD"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW"),
        ("EUR", "EUR"), ("S", None), ("dollars", None),
    ],  # fmt: skip
)
def test_currency_of_symbol(symbol: str, code: str | None) -> None:
    assert currency_of_symbol(symbol) == code

