"""A document as the linker sees it: what it is about (words, actors, event keys) and the events
and quotations it reports, read from the store in one pass per batch."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsgraph.linking.features import normalise_quote, shingles, term_vector, words
from newsgraph.store import Store, id_list

__all__ = ["EventItem", "QuoteItem", "DocumentProfile", "ActorDirectory", "load_profiles", "family_of"]

# Quotations shorter than this are too common to say that two articles carry the same words.
MIN_QUOTE_WORDS = 4


def family_of(event_type: str, cameo: str) -> str:
    """Events that can be the same happening: a summit announced ("intend to meet", CAMEO 036)
    and the summit held (CONSULT) are one family, so planned and held reports can merge."""
    if event_type == "CONSULT" or cameo.startswith("036"):
        return "MEET"
    return event_type


class ActorDirectory:
    """Actor id -> the party it stands for in a dyad: its country, or its own code when it has
    none (the UN is a party of its own); and its name."""

    def __init__(self, store: Store) -> None:
        self._party: dict[str, str] = {}
        self._name: dict[str, str] = {}
        for actor_id, name, country, code in store.db.execute("SELECT id, name, country, code FROM actors").fetchall():
            self._party[actor_id] = country or code or actor_id
            self._name[actor_id] = name

    def party(self, actor_id: str) -> str:
        return self._party.get(actor_id, actor_id)

    def name(self, actor_id: str) -> str:
        return self._name.get(actor_id, actor_id)

    def parties(self, actor_ids: list[str] | tuple[str, ...]) -> frozenset[str]:
        return frozenset(self.party(a) for a in actor_ids)


@dataclass(frozen=True)
class EventItem:
    id: str
    doc_id: str
    family: str
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    date: str | None
    location_country: str | None
    status: str
    reported_by: str | None
    published: str | None
    cameo: str = ""
    confidence: float | None = None

    def counts_at(self, threshold: float) -> bool:
        """Whether the event is sure enough to be clustered and counted: its confidence is at or
        over ``threshold``, or unknown (an event stored before events had one)."""
        return self.confidence is None or self.confidence >= threshold

    @property
    def place(self) -> str | None:
        """The country where the event happened: the place the sentence names, else, for a visit,
        the country visited (CAMEO 042) or the host's (043)."""
        if self.location_country:
            return self.location_country
        if self.cameo.startswith("042") and len(self.targets) == 1:
            return next(iter(self.targets))
        if self.cameo.startswith("043") and len(self.sources) == 1:
            return next(iter(self.sources))
        return None

    @property
    def parties(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def key(self) -> str:
        return self.family + "|" + "+".join(sorted(self.parties))


@dataclass(frozen=True)
class QuoteItem:
    id: str
    doc_id: str
    speaker: str | None
    words: tuple[str, ...]
    published: str | None

    @property
    def shingles(self) -> set[str]:
        return shingles(list(self.words), MIN_QUOTE_WORDS)


@dataclass
class DocumentProfile:
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    terms: dict[str, float]
    actors: dict[str, float]
    events: list[EventItem] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    shingles: set[str] = field(default_factory=set)

    @property
    def event_keys(self) -> set[str]:
        return {event.key for event in self.events if len(event.parties) >= 2}

    @property
    def meeting_places(self) -> set[str]:
        """Meetings of two parties or more with where they happened ("MEET|PRK+RUS@PRK")."""
        return {
            f"{event.key}@{event.place}"
            for event in self.events
            if event.family == "MEET" and len(event.parties) >= 2 and event.place
        }


def load_profiles(store: Store, doc_ids: list[str], directory: ActorDirectory) -> list[DocumentProfile]:
    """Profiles of these documents, in the order given."""
    if not doc_ids:
        return []
    db = store.db
    db.execute(
        "CREATE OR REPLACE TEMP TABLE _link_batch AS SELECT unnest(?::JSON::VARCHAR[]) AS doc_id", [id_list(doc_ids)]
    )
    profiles: dict[str, DocumentProfile] = {}
    for doc_id, title, outlet, published, text in db.execute(
        "SELECT d.id, d.title, d.outlet, d.published, d.text FROM documents d JOIN _link_batch b ON b.doc_id = d.id"
    ).fetchall():
        profiles[doc_id] = DocumentProfile(
            doc_id=doc_id,
            title=title,
            outlet=outlet,
            published=published,
            terms=term_vector(title, text),
            actors={},
            shingles=shingles(words(text)),
        )
    mention_counts: dict[str, Counter[str]] = {}
    for doc_id, actor_id, count in db.execute(
        "SELECT m.doc_id, m.actor_id, count(*) FROM mentions m JOIN _link_batch b ON b.doc_id = m.doc_id GROUP BY ALL"
    ).fetchall():
        mention_counts.setdefault(doc_id, Counter())[actor_id] = count
    for doc_id, counts in mention_counts.items():
        if doc_id in profiles:
            profiles[doc_id].actors = _actor_vector(counts)
    for row in store.query(
        "SELECT e.id, e.doc_id, e.type, e.cameo, e.source_actor_ids, e.target_actor_ids, e.date, "
        "e.location_country, e.status, e.reported_by_actor_id, e.confidence FROM events e "
        "JOIN _link_batch b ON b.doc_id = e.doc_id ORDER BY e.doc_id, e.evidence_start, e.trigger_start, e.id",
    ):
        profile = profiles.get(row["doc_id"])
        if profile is None:
            continue
        profile.events.append(
            EventItem(
                id=row["id"],
                doc_id=row["doc_id"],
                family=family_of(row["type"], row["cameo"]),
                type=row["type"],
                sources=directory.parties(row["source_actor_ids"]),
                targets=directory.parties(row["target_actor_ids"]),
                date=row["date"],
                location_country=row["location_country"],
                status=row["status"],
                reported_by=row["reported_by_actor_id"],
                published=profile.published,
                cameo=row["cameo"],
                confidence=row["confidence"],
            )
        )
    for quote_id, doc_id, speaker, text in db.execute(
        "SELECT q.id, q.doc_id, q.speaker_actor_id, q.text FROM quotes q JOIN _link_batch b ON b.doc_id = q.doc_id "
        "WHERE q.kind IN ('direct', 'partial') ORDER BY q.doc_id, q.start, q.id"
    ).fetchall():
        profile = profiles.get(doc_id)
        tokens = tuple(normalise_quote(text))
        if profile is not None and len(tokens) >= MIN_QUOTE_WORDS:
            profile.quotes.append(QuoteItem(quote_id, doc_id, speaker, tokens, profile.published))
    db.execute("DROP TABLE IF EXISTS _link_batch")
    return [profiles[doc_id] for doc_id in doc_ids if doc_id in profiles]


def _actor_vector(counts: Counter[str]) -> dict[str, float]:
    # Countries are named in nearly every international story; people and organisations tell
    # stories apart, so they weigh more.
    weights = {
        actor: (1.0 + (count - 1) ** 0.5) * (0.5 if actor.startswith(("country:", "sector:")) else 1.0)
        for actor, count in counts.items()
    }
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:30]
    return dict(top)
