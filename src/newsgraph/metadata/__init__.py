"""Article metadata: the line steps that read it off the text, and the resolver that chooses it.

The line steps (:data:`newsgraph.metadata.lines.METADATA_LINE_STEPS`) run inside cleaning and
report what they find; :func:`resolve_metadata` then chooses each field, with its evidence, from
those findings and what the input format stated.
"""

from __future__ import annotations

from newsgraph.metadata.resolve import resolve_metadata

__all__ = ["resolve_metadata"]
