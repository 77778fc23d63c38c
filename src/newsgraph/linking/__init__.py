"""Cross-document linking: near-duplicate articles, stories, the same event or quotation reported
by several outlets, and claims one side asserts and another denies.

Runs after ingest over the documents not linked yet (``link``), so adding articles never
re-clusters what is already placed; ``unlink_all`` forgets every link so the next run rebuilds.
"""

from newsgraph.linking.runner import LINKER_VERSION, LinkSummary, link, unlink_all

__all__ = ["LINKER_VERSION", "LinkSummary", "link", "unlink_all"]
