"""Read-only views of what the database holds, shaped for a person to check."""

from newsgraph.views.document import ActorLine, DocumentView, QuoteLine, document_view

__all__ = ["DocumentView", "ActorLine", "QuoteLine", "document_view"]
