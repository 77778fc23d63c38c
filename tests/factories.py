"""Small real objects for tests, and the paths of the shared data beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

from newsgraph.records import Caption, Document, Event, Metadata
from newsgraph.textmap import OffsetMap

REPO = Path(__file__).resolve().parents[1]
# $NEWSGRAPH_SHARED points elsewhere, for a checkout (a git worktree) whose parent has no shared folder.
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO / ".." / "shared")).resolve()
SEEDS = SHARED / "corpus" / "seeds"
REUTERS = SHARED / "corpus" / "reuters21578"


def make_document(text: str = "Body text.", *, doc_id: str = "doc_1", source: str = "a.txt", **metadata: object) -> Document:
    return Document(
        id=doc_id,
        source=source,
        format="text",
        raw_sha="sha-" + doc_id,
        raw_text=text,
        text=text,
        offset_map=OffsetMap(((0, 0, len(text)),)),
        metadata=Metadata(**metadata),  # type: ignore[arg-type]
        captions=[Caption("A caption.", "Photo: Agency", 0, 10)],
    )


def make_event(event_id: str = "event_1", *, confidence: float = 0.9, text: str = "Putin met Kim.") -> Event:
    """A stored event: Putin met Kim, in the first sentence of ``text``."""
    return Event(
        id=event_id, type="CONSULT", mode=None, cameo="040", goldstein=1.0,
        source_actor_ids=["person:vladimir-putin"], source_actor_codes=["RUSGOV"],
        target_actor_ids=["person:kim-jong-un"], target_actor_codes=["PRKGOV"], status="asserted",
        reported_by_actor_id=None, negated=False, trigger_text="met", trigger_start=6, trigger_end=9,
        evidence_start=0, evidence_end=len(text), evidence_text=text, date=None, date_text=None, date_basis=None,
        location_name=None, location_country=None, lat=None, lon=None, intended=None, mutual=False,
        confidence=confidence,
    )
