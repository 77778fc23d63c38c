"""Small real objects for tests, and the paths of the shared data beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

from newsgraph.records import Caption, Document, Metadata
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
