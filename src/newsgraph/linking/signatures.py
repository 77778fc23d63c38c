"""MinHash signatures of a document's word shingles, cut into LSH bands.

Two documents whose shingle sets overlap with Jaccard similarity s agree on each signature value
with probability s. Banding (32 bands of 4 values) makes documents with s >= 0.5 share at least
one band bucket with probability > 0.87, and those with s >= 0.8 with probability > 0.9999, so a
new document is compared only with the few documents in its buckets, never with the whole corpus.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

__all__ = ["NUM_PERM", "BANDS", "signature", "band_buckets", "similarity"]

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
_SEED = 1987


def signature(shingle_set: set[str]) -> np.ndarray | None:
    """The MinHash signature (``NUM_PERM`` unsigned 64-bit values), or None for an empty text."""
    if not shingle_set:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def band_buckets(values: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs: the bucket is a 64-bit hash of the band's ``ROWS`` values."""
    buckets = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little") * 8).digest()
        buckets.append((band, int.from_bytes(digest, "little")))
    return buckets


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)
