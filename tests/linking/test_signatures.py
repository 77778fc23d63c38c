from __future__ import annotations

from newsgraph.linking.features import shingles, words
from newsgraph.linking.signatures import BANDS, band_buckets, signature, similarity

TEXT = (
    "The central bank raised its main interest rate by a quarter point on Wednesday, its third increase "
    "this year, and said further rises were likely if inflation stayed above its target through the summer. "
    "Markets had expected the move, and the currency barely changed after the announcement."
)


def test_the_same_text_gets_the_same_signature_and_buckets() -> None:
    first = signature(shingles(words(TEXT)))
    again = signature(shingles(words(TEXT)))
    assert first is not None and again is not None
    assert similarity(first, again) == 1.0
    assert band_buckets(first) == band_buckets(again)
    assert len(band_buckets(first)) == BANDS


def test_a_lightly_edited_copy_shares_buckets_and_an_unrelated_text_does_not() -> None:
    original = signature(shingles(words(TEXT)))
    edited = signature(shingles(words(TEXT + " Share this article.")))
    other = signature(
        shingles(
            words(
                "Heavy rain flooded several villages in the north, and rescue teams evacuated hundreds of families overnight."
            )
        )
    )
    assert original is not None and edited is not None and other is not None
    assert similarity(original, edited) > 0.7
    assert set(band_buckets(original)) & set(band_buckets(edited))
    assert similarity(original, other) < 0.1
    assert not set(band_buckets(original)) & set(band_buckets(other))


def test_an_empty_text_has_no_signature() -> None:
    assert signature(set()) is None
