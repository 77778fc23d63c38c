"""Near-duplicate articles (syndicated wire copy, the same article re-posted with other junk around
it): MinHash signatures of the cleaned text, looked up through LSH band buckets kept in the
database, then confirmed on the exact five-word shingles of the few candidates: two articles are
near-duplicates when their shingle sets overlap with Jaccard similarity of at least 0.7, or when
nine tenths of the shorter one lie inside the longer (the same copy with a paragraph added)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from newsgraph.linking.features import shingles, words
from newsgraph.linking.profiles import DocumentProfile
from newsgraph.linking.signatures import band_buckets, signature
from newsgraph.store import Store, id_list

__all__ = ["NEAR_DUPLICATE", "NearDuplicate", "find_near_duplicates"]

NEAR_DUPLICATE = 0.7
CONTAINED = 0.9


@dataclass(frozen=True)
class NearDuplicate:
    doc_id: str
    duplicate_of: str
    similarity: float


def find_near_duplicates(store: Store, profiles: list[DocumentProfile]) -> list[NearDuplicate]:
    """Store the batch's signatures and band buckets, and return each new document's near-duplicates
    among the documents stored before it (earlier batches, or earlier in this batch)."""
    db = store.db
    signatures: dict[str, np.ndarray] = {}
    band_rows: list[tuple[int, int, str]] = []
    for profile in profiles:
        values = signature(profile.shingles)
        if values is None:
            continue
        signatures[profile.doc_id] = values
        band_rows.extend((band, bucket, profile.doc_id) for band, bucket in band_buckets(values))
    if not signatures:
        return []
    order = {profile.doc_id: n for n, profile in enumerate(profiles)}
    bands = pa.table(
        {
            "band": pa.array([r[0] for r in band_rows], pa.int16()),
            "bucket": pa.array([r[1] for r in band_rows], pa.uint64()),
            "doc_id": pa.array([r[2] for r in band_rows], pa.string()),
        }
    )
    db.register("_batch_bands", bands)
    try:
        pairs = db.execute(
            "SELECT DISTINCT n.doc_id, o.doc_id FROM _batch_bands n "
            "JOIN signature_bands o ON o.band = n.band AND o.bucket = n.bucket"
        ).fetchall()
        db.execute("INSERT INTO signature_bands SELECT band, bucket, doc_id FROM _batch_bands")
    finally:
        db.unregister("_batch_bands")
    # Pairs within the batch: the later document is the duplicate of the earlier one.
    by_bucket: dict[tuple[int, int], list[str]] = {}
    for band, bucket, doc_id in band_rows:
        by_bucket.setdefault((band, bucket), []).append(doc_id)
    within = {(b, a) for ids in by_bucket.values() for a in ids for b in ids if order[a] < order[b]}
    candidates = sorted({(new, old) for new, old in pairs if new != old} | within)
    shingle_sets = {profile.doc_id: profile.shingles for profile in profiles}
    old_ids = sorted({old for _, old in candidates if old not in shingle_sets})
    if old_ids:
        for doc_id, text in db.execute(
            "SELECT id, text FROM documents WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(old_ids)]
        ).fetchall():
            shingle_sets[doc_id] = shingles(words(text))
    found = []
    for new, old in candidates:
        if old in signatures and order[old] >= order[new]:
            continue
        a, b = shingle_sets[new], shingle_sets[old]
        shared = len(a & b)
        jaccard = shared / len(a | b) if a or b else 0.0
        contained = shared / min(len(a), len(b)) if a and b else 0.0
        if jaccard >= NEAR_DUPLICATE or contained >= CONTAINED:
            found.append(NearDuplicate(new, old, round(jaccard, 4)))
    return found
