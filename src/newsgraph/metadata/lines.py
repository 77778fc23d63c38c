"""The metadata line steps, in the order the cleaning runner applies them.

They run after character normalisation and furniture removal, and before captions are taken out
and wrapped lines joined, so each works on whole lines as the page printed them:

1. ``stamp`` and 2. ``byline`` first: a site may print the date or the byline above the
   headline, and once they are gone the headline is the first content line.
3. ``title`` then reads the first content line, and deletes a repeat of it that followed the
   byline.
4. ``dateline`` next: with the headline, stamp and byline gone, the first paragraph is the first
   content line, and its dateline prefix can be cut.
5. ``outlet`` last: the credit trailer went with the byline step, so the source line, the
   credit tag and the notices are what is left at the end.
"""

from __future__ import annotations

from newsgraph.metadata.byline import find_byline
from newsgraph.metadata.dateline import find_dateline
from newsgraph.metadata.outlet import find_outlet_lines
from newsgraph.metadata.stamps import find_stamp
from newsgraph.metadata.title import find_title
from newsgraph.steps import CleaningStep

__all__ = ["METADATA_LINE_STEPS"]

METADATA_LINE_STEPS: tuple[tuple[str, CleaningStep], ...] = (
    ("stamp", find_stamp),
    ("byline", find_byline),
    ("title", find_title),
    ("dateline", find_dateline),
    ("outlet", find_outlet_lines),
)
