"""What actor resolution produces for one document: its actors and every mention of them.

An :class:`ActorRecord` is one actor the document mentions, with an id that is the same in every
document: the knowledge base's id (``person:antony-blinken``, ``country:PRK``, ``media:kcna``), a
country's sector (``sector:USAGOV``), or for an actor the base does not know a slug of its type
and name (``person:lami-kim``). A :class:`MentionRecord` is one stretch of the clean text that
refers to an actor, with how it refers (by name, by surname, by a title, by a pronoun ...).
:class:`DocumentActors` holds both and answers which actor a span refers to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from newsgraph._span_index import SpanIndex

__all__ = [
    "MENTION_KINDS",
    "NON_STATE_ROOTS",
    "ActorRef",
    "MentionHow",
    "ActorRecord",
    "MentionRecord",
    "DocumentActors",
    "slug_id",
]

MentionHow = Literal[
    "name", "surname", "title", "description", "pronoun", "demonym", "metonym", "alias", "acronym"
]
MENTION_KINDS: tuple[MentionHow, ...] = (
    "name", "surname", "title", "description", "pronoun", "demonym", "metonym", "alias", "acronym"
)
# Which mention speaks for a span that holds several: a demonym or a country inside a longer
# phrase ("North Korean leader Kim Jong-un") is a modifier, not the phrase's referent.
_WEAK_HOW = {"demonym"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


NON_STATE_ROOTS = frozenset({"IGO", "IMG", "NGO", "NGM", "MNC"})
"""CAMEO roots of actors that act for no one country: intergovernmental and non-governmental
organisations, international militant groups, multinational companies."""


@dataclass(frozen=True)
class ActorRef:
    """An actor as the actors stage reads a stretch of text: one actor taking part in an event.

    ``id`` is the knowledge-base id (``country:PRK``, ``igo:un``) or None for an actor known only by
    its sector ("police", "rebels" with no country in sight). ``country`` is the ISO 3166 alpha-3
    code the actor belongs to, None for an international organisation or an unplaced actor.
    ``code`` is the CAMEO-style actor code: country plus sector (``ISRMIL``), an organisation's own
    code (``IGOUNO``), or a bare sector (``REB``).
    """

    id: str | None
    country: str | None
    code: str | None

    @property
    def root(self) -> str | None:
        """The first element of a CAMEO actor code: the country, or ``IGO``, ``IMG``, ``NGO``... for
        an actor outside any one country; None for a bare sector.

        A person holding an international office acts for the organisation, not for the country
        of their passport: a UN Secretary-General (``IGOUNO``, country ``GHA``) has root ``IGO``."""
        if self.code and self.id is not None and self.code[:3] in NON_STATE_ROOTS:
            return self.code[:3]
        if self.country:
            return self.country
        if self.code and len(self.code) >= 3 and self.id is not None:
            return self.code[:3]
        return None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "country": self.country, "code": self.code}


def slug_id(kind: str, name: str) -> str:
    """A stable id for an actor the knowledge base does not know: ``person:lami-kim``.

    The slug is the name folded to lower-case ASCII letters and digits joined by hyphens, so
    spellings that differ only in case, accents, hyphens or punctuation share an id.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = ascii_name.replace("'", "").replace("\u2019", "")
    return f"{kind}:{_NOT_SLUG.sub('-', ascii_name.lower()).strip('-')}"


@dataclass(frozen=True)
class ActorRecord:
    """One actor a document mentions.

    ``type`` is the knowledge base's type (``person``, ``country``, ``organization``, ``igo``,
    ``media``, ...) or, for a country's sector, ``government``, ``military``, ``media``,
    ``intelligence``, ``legislature``, ``police`` or ``judiciary``. ``country`` is an ISO alpha-3
    code when the base knows it or the text supports it; ``code`` the CAMEO-style code on the
    article's date. ``aliases`` are the forms this document used for it, in order of first use.
    ``role`` and ``affiliation`` come from appositions and titles ("a professor at X": role
    ``professor``, affiliation ``X``). ``from_kb`` says whether the knowledge base holds the actor
    (a sector actor is built from a knowledge-base country, so it counts as known).
    """

    id: str
    name: str
    type: str
    country: str | None
    code: str | None
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    from_kb: bool = False

    def to_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["aliases"] = list(self.aliases)
        return record


@dataclass(frozen=True)
class MentionRecord:
    """A stretch ``start``..``end`` of the clean text (``text`` is its characters) naming an actor.

    ``how`` is one of :data:`MENTION_KINDS`: ``name`` (a full or canonical name), ``alias`` (another
    name the base knows), ``acronym``, ``surname`` (a person's surname alone), ``title`` (an office:
    "the secretary", "the Russian leader"), ``description`` ("a State Department spokesperson",
    "the agency"), ``pronoun`` ("he", "she"), ``demonym`` ("North Korean") or ``metonym`` (a
    place standing for a state: "Pyongyang", "the Kremlin").
    """

    actor_id: str
    start: int
    end: int
    text: str
    how: MentionHow

    def __post_init__(self) -> None:
        if self.how not in MENTION_KINDS:
            raise ValueError(f"mention kind must be one of {MENTION_KINDS}, not {self.how!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad mention span {self.start}..{self.end}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocumentActors:
    """The actors of one document and their mentions (in text order)."""

    actors: list[ActorRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    # The mentions by start, made on first use: finding a span's mentions then costs the span's
    # neighbourhood, not a pass over the whole article (which made long articles quadratic).
    _by_start: SpanIndex[MentionRecord] | None = field(default=None, init=False, repr=False, compare=False)

    def actor(self, actor_id: str) -> ActorRecord | None:
        """The record with this id, or None."""
        return next((actor for actor in self.actors if actor.id == actor_id), None)

    def mentions_of(self, actor_id: str) -> list[MentionRecord]:
        return [mention for mention in self.mentions if mention.actor_id == actor_id]

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor the span ``start``..``end`` refers to, or None.

        A mention with exactly this span wins. Otherwise, among the mentions inside the span, the
        one that ends last (the head of an English noun phrase comes last: "Putin's aide Yuri
        Ushakov", "the U.S. State Department"), a demonym only when nothing else is there; then
        the shortest mention holding the span. A span naming several actors ("Seoul and
        Washington") is the caller's to split; see :func:`newsgraph.actors.speakers.resolve_speakers`.
        """
        index = self._index()
        inside = index.inside(start, end)
        exact = [m for m in inside if m.start == start and m.end == end]
        if exact:
            return min(exact, key=lambda m: m.how in _WEAK_HOW).actor_id
        if inside:
            best = max(inside, key=lambda m: (m.how not in _WEAK_HOW, m.end, m.end - m.start))
            return best.actor_id
        holding = index.holding(start, end)
        if holding:
            return min(holding, key=lambda m: m.end - m.start).actor_id
        return None

    def mentions_inside(self, start: int, end: int) -> list[MentionRecord]:
        """The mentions within ``start``..``end``, in the order of :attr:`mentions`."""
        return self._index().inside(start, end)

    def mentions_holding(self, start: int, end: int) -> list[MentionRecord]:
        """The mentions holding ``start``..``end``, in the order of :attr:`mentions`."""
        return self._index().holding(start, end)

    def _index(self) -> SpanIndex[MentionRecord]:
        if self._by_start is None or self._by_start.size != len(self.mentions):
            object.__setattr__(self, "_by_start", SpanIndex(self.mentions))
        assert self._by_start is not None
        return self._by_start

    def to_json(self) -> dict[str, Any]:
        return {
            "actors": [actor.to_json() for actor in self.actors],
            "mentions": [mention.to_json() for mention in self.mentions],
        }

