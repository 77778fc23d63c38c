"""Read-only views of what the database holds, shaped for a person to check."""

from newsgraph.views.document import (
    ActorLine,
    DocumentView,
    EventLine,
    QuoteLine,
    document_view,
)
from newsgraph.views.story import (
    StoryArticle,
    StoryClaim,
    StoryRow,
    StorySummary,
    StoryView,
    list_stories,
    story_view,
)
from newsgraph.views.timeline import Timeline, TimelineEntry, timeline

__all__ = [
    "DocumentView", "ActorLine", "QuoteLine", "EventLine", "document_view", "Timeline", "TimelineEntry",
    "timeline",
    "StoryView",
    "StoryArticle",
    "StoryRow",
    "StoryClaim",
    "StorySummary",
    "story_view",
    "list_stories",
]
