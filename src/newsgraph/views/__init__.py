"""Read-only views of what the database holds, shaped for a person to check."""

from newsgraph.views.document import ActorLine, DocumentView, EventLine, QuoteLine, document_view
from newsgraph.views.timeline import TimelineEntry, timeline

__all__ = ["DocumentView", "ActorLine", "QuoteLine", "EventLine", "document_view", "TimelineEntry", "timeline"]
