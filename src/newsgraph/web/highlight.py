"""An article's clean text as HTML, with each actor mention, quotation and event marked at its
offsets. The text is escaped piece by piece: nothing from the article reaches the page as markup.

Marks may overlap (a mention inside a quotation inside an event's sentence), so the text is cut at
every mark boundary and each piece carries the classes of every mark covering it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

__all__ = ["Mark", "marks_of", "highlight"]


@dataclass(frozen=True)
class Mark:
    """A span of the text to mark: ``kind`` is actor, quote, event or trigger."""

    start: int
    end: int
    kind: str
    ref: str
    label: str


def marks_of(document: dict[str, Any]) -> list[Mark]:
    """The marks of a document as :func:`newsgraph.web.queries.get_document` returns it."""
    marks = [Mark(m["start"], m["end"], "actor", m["actor_id"], m["actor_name"] or m["actor_id"])
             for m in document["mentions"]]
    marks += [Mark(q["start"], q["end"], "quote", q["id"], f"{q['kind']} quote: {q['speaker_text'] or 'speaker unknown'}")
              for q in document["quotes"] if q["field"] == "text"]
    text = document["text"]
    for event in document["events"]:
        # The stored sentence keeps the blank line after it; the mark stops at its last word.
        end = event["evidence_start"] + len(text[event["evidence_start"]:event["evidence_end"]].rstrip())
        marks.append(Mark(event["evidence_start"], end, "event", event["id"], f"{event['type']} ({event['status']})"))
        marks.append(Mark(event["trigger_start"], event["trigger_end"], "trigger", event["id"], event["type"]))
    return marks


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` as spans; an anchor ``event-ID`` opens each event's sentence."""
    usable = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    cuts = sorted({0, len(text), *(mark.start for mark in usable), *(mark.end for mark in usable)})
    starts: dict[int, list[Mark]] = {}
    for mark in usable:
        if mark.kind == "event":
            starts.setdefault(mark.start, []).append(mark)
    parts: list[str] = []
    for start, end in zip(cuts, cuts[1:]):
        for mark in starts.get(start, []):
            parts.append(f'<a class="anchor" id="event-{escape(mark.ref)}"></a>')
        covering = [mark for mark in usable if mark.start <= start and end <= mark.end]
        piece = escape(text[start:end])
        if not covering:
            parts.append(str(piece))
            continue
        kinds = sorted({mark.kind for mark in covering})
        events = " ".join(sorted({mark.ref for mark in covering if mark.kind == "event"}))
        titles = "; ".join(dict.fromkeys(mark.label for mark in covering))
        attributes = f' class="{" ".join(kinds)}" title="{escape(titles)}"'
        if events:
            attributes += f' data-events="{escape(events)}"'
        actor = next((mark for mark in covering if mark.kind == "actor"), None)
        if actor is not None:
            href = escape("/actors/" + quote(actor.ref, safe=":"))
            parts.append(f'<a href="{href}"{attributes}>{piece}</a>')
        else:
            parts.append(f"<span{attributes}>{piece}</span>")
    return Markup("".join(parts))
