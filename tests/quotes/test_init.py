from __future__ import annotations

import newsgraph.quotes


def test_public_api_is_pinned() -> None:
    assert sorted(newsgraph.quotes.__all__) == sorted(
        ["CUE_VERBS", "QUOTES_VERSION", "QUOTE_KINDS", "QuoteSpan", "find_quotes", "find_quotes_in_text"]
    )
    assert all(hasattr(newsgraph.quotes, name) for name in newsgraph.quotes.__all__)
    assert newsgraph.quotes.QUOTES_VERSION == "newsgraph.quotes.v2"
