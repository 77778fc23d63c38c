"""Turn a finished analysis into a :class:`Document` with a stable id."""

from __future__ import annotations

import hashlib
import re

from newsgraph.pipeline.analysis import Analysis
from newsgraph.records import Document

__all__ = ["document_id", "build_document"]

_SPACE = re.compile(r"\s+")


def document_id(title: str | None, text: str) -> str:
    """An id from the normalised content: the same article cleaned twice gets the same id,
    whatever file it came from; any edit to its title or body gives a new one."""
    normalised = _SPACE.sub(" ", f"{title or ''}\n{text}").strip().casefold()
    return "doc_" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def build_document(analysis: Analysis, version_of: str | None = None) -> Document:
    cleaned, metadata, raw = analysis.cleaned, analysis.metadata, analysis.raw
    if cleaned is None or metadata is None:
        raise ValueError(f"{raw.source}: the analysis is not finished")
    return Document(
        id=document_id(metadata.title, cleaned.text),
        source=raw.source,
        format=raw.format,
        raw_sha=raw.raw_sha,
        raw_text=raw.raw_text,
        text=cleaned.text,
        offset_map=cleaned.offset_map,
        metadata=metadata,
        captions=cleaned.captions,
        removed=cleaned.removed,
        quote_marks=cleaned.quote_marks,
        version_of=version_of,
    )
