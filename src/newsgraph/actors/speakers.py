"""Who said it: each quotation's speaker resolved to an actor of the document.

The quote finder (:func:`newsgraph.quotes.find_quotes`) gives each quotation its speaker as
written: a name ("Antony Blinken"), a surname ("Kim"), a title ("the secretary"), a description
("a State Department spokesperson", "North Korean state media") or a pronoun ("she").
:func:`resolve_actors` has already made a mention of each of those (it finds the subjects of
speech verbs in the parse itself, and resolves pronouns and titles with the speakers' salience),
so a speaker is the actor of the mention at its span (:meth:`DocumentActors.actor_at`):

- a person is that person; a government body or its spokesperson is the country's government
  (``sector:USAGOV``); state media are the media actor (``sector:PRKMED``, ``media:kcna``);
- a quotation with no attribution of its own that carries on an earlier one (``carried_from``)
  has that one's speaker;
- a speaker naming several actors ("Seoul and Washington", "Russia and China") has no single
  actor, so None; so has a speaker the document's actors do not cover ("experts", "a report").

:func:`resolve_speakers` therefore adds no mentions: every speaker it returns is an actor of the
:class:`DocumentActors` it was given, and every speaker span that names one is already a mention.

Quotations in the title are found on the title's own parse; :func:`resolve_title_speaker` maps
their speakers to the body's actors (a title says "Blinken" where the body says "Antony Blinken").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from newsgraph.actors._names import fold, name_key
from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.actors.records import DocumentActors
from newsgraph.actors.resolve import resolve_actors
from newsgraph.quotes.span import QuoteSpan

__all__ = ["resolve_speakers", "resolve_title_speaker"]

_SEVERAL = re.compile(r"\s(?:and|or|&)\s|,\s", re.IGNORECASE)


def resolve_speakers(
    doc: Doc,
    actors: DocumentActors,
    quotes: Sequence[QuoteSpan],
    kb: KnowledgeBase,
    published: date | None,
) -> list[str | None]:
    """The speaker's actor id for each of ``quotes`` (in the same order), or None when unknown.

    ``doc`` is the parsed body the quotes were found in and ``actors`` what
    :func:`~newsgraph.actors.resolve.resolve_actors` returned for it; ``kb`` and ``published`` are
    those it was given (kept in the signature so a later version may resolve more from them).
    """
    speakers: list[str | None] = []
    for quote in quotes:
        if quote.carried_from is not None and 0 <= quote.carried_from < len(speakers):
            speakers.append(speakers[quote.carried_from])
            continue
        speakers.append(_speaker(actors, quote))
    return speakers


def _speaker(actors: DocumentActors, quote: QuoteSpan) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    start, end = quote.speaker_start, quote.speaker_end
    inside = {m.actor_id for m in actors.mentions_inside(start, end) if m.how != "demonym"}
    if len(inside) > 1 and _SEVERAL.search(quote.speaker_text or ""):
        return None
    return actors.actor_at(start, end)


def resolve_title_speaker(
    title_doc: Doc,
    quotes: Sequence[QuoteSpan],
    actors: DocumentActors,
    kb: KnowledgeBase,
    published: date | None,
) -> list[str | None]:
    """The body actor who speaks each quotation found in the title, or None.

    ``title_doc`` is the parsed title and ``quotes`` the quotations found in it; ``actors`` are the
    body's. The title's own names are resolved first (a full name, a knowledge-base name, a
    sector); an actor the body does not mention is no answer, since the title only repeats the
    body. A surname alone the title cannot resolve is matched against the body's people by their
    last name.
    """
    title_actors = resolve_actors(title_doc, kb, published)
    known = {actor.id for actor in actors.actors}
    speakers: list[str | None] = []
    for quote in quotes:
        found = _speaker(title_actors, quote) if quote.carried_from is None else None
        if quote.carried_from is not None and 0 <= quote.carried_from < len(speakers):
            found = speakers[quote.carried_from]
        elif found is not None and found not in known:
            record = title_actors.actor(found)
            found = _by_name(actors, record.name) if record is not None else None
        elif found is None and quote.speaker_text:
            found = _by_name(actors, quote.speaker_text)
        speakers.append(found if found in known else None)
    return speakers


def _by_name(actors: DocumentActors, text: str) -> str | None:
    """The body actor called ``text`` (a name, alias or surname), the most mentioned if several."""
    key = fold(name_key(text))
    if not key:
        return None
    fitting = [
        actor.id
        for actor in actors.actors
        if key in {fold(name_key(form)) for form in (actor.name, *actor.aliases)}
        or (actor.type == "person" and fold(name_key(actor.name)).split()[-1:] == key.split())
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda actor_id: len(actors.mentions_of(actor_id)))
