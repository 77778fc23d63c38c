"""Who said it: each quotation's speaker, an actor of the document or unresolved with a reason.

The quote finder (:func:`newsgraph.quotes.find_quotes`) gives each quotation its speaker as
written: a name ("Antony Blinken"), a surname ("Kim"), a title ("the secretary"), a body ("the
ministry", "the bloc"), a document ("the statement"), a description ("a State Department
spokesperson") or a pronoun ("she", "it"). :func:`resolve_speakers` reads it with the actors
stage's one reading of the text (:class:`~newsgraph.actors.reading.ActorReading`), then, where
that names no actor, with document-level coreference (:class:`~newsgraph.actors._speaker_context.
SpeakerContext`), in text order so that each resolved speaker is an antecedent for the next:

1. a quotation carrying on an earlier one (``carried_from``) has that one's speaker;
2. speakers joined by "and" ("Seoul and Washington") are the first of them, as news names the
   first party first, and so is a group the phrase counts ("both sides", "the two countries",
   "both journalists"): the first named of the last so many states or people of that kind
   (``several``);
3. the reading: a mention with the speaker's extent, or the actor the phrase names
   ("a State Department spokesperson": ``sector:USAGOV``) (``mention``);
4. a pronoun: the most salient actor in the sentences before it that agrees with it: a person of
   no contrary gender for "he" and "she" (across paragraphs), a body, organisation or state for
   "it", "they" and "we" (``pronoun``);
5. a name or surname no mention covers: a person of the document of that last name, most recently
   named first ("Malmström" for Cecilia Malmström; namesakes apart by recency), else an
   organisation of that name, else an actor built from the name, with the country and role its
   title or apposition gives ("Ukraine's ombudsman Dmytro Lubinets") (``name``, ``new name``);
6. a body ("the ministry", "the bloc", "the military", "the commission"): the most salient actor of
   that kind, one whose name holds the word weighing more ("the commission": the ECOWAS
   Commission); a country found for a state body stands for that body (the ministry of Russia is
   ``sector:RUSGOV``); else the first named just after; else, for a state body, the document's
   main country (``body``);
7. a person's title ("the official", "the former president"): the most salient person the
   document describes with that word (``person``);
8. a document ("the statement", "a statement", "the resolution"): its author, named in the phrase
   ("a statement from the bloc") or where the document was first given ("the ministry said in a
   statement"), else the latest speaker before it (``document``); an agreement ("the deal calls
   for ...") speaks for its first party: who signed, reached or agreed to it, or the first it is
   "between" (``agreement``);
9. a direct quotation with no attribution and no earlier one to carry on is the words of the
   subject of the sentence before it in its paragraph ('Zelensky thanked the allies. "This will
   save lives."') (``context``).

What stays unresolved says why, in :data:`UNRESOLVED_REASONS`. Every resolved speaker is an actor
of the reading: one it did not have (a built name, a country's body) is added to it, so the
document's actors hold every speaker.

Each speaker has a ``confidence``: how often a speaker found that way was right on the tuning half
of the real-news gold (``data/quotes/confidence.json``, written by
``python -m newsgraph.evaluation.quote_confidence_fit``).

Quotations in the title are found on the title's own parse; :func:`resolve_title_speakers` maps
their speakers to the body's actors (a title says "Blinken" where the body says "Antony Blinken").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from newsgraph.actors._speaker_confidence import SpeakerEvidence, evidence_features, speaker_confidence
from newsgraph.actors._speaker_context import MEDIA_WORDS, SpeakerContext
from newsgraph.actors._speaker_names import (
    forms,
    full_name,
    folded,
    looks_like_a_persons_name,
    name_tokens,
    naming_words,
    strip_possessive,
    surname_fits,
    titled_name,
    untitled,
)
from newsgraph.actors._speaker_words import AGREEMENT_HEADS, DOCUMENT_HEADS, SpeakerPhrase, speaker_phrase
from newsgraph.actors.context import ROLE_SECTORS
from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.actors.reading import ActorReading
from newsgraph.actors.records import ActorRecord, ActorRef, DocumentActors, slug_id
from newsgraph.actors.resolve import resolve_actors
from newsgraph.quotes.cues import CUE_NOUNS, CUE_VERBS, PARTICLE_CUES, PERSON_NOUNS
from newsgraph.quotes.mentions import speaker_mentions
from newsgraph.quotes.span import QuoteSpan

__all__ = [
    "SPEAKER_HOWS",
    "UNRESOLVED_REASONS",
    "Speaker",
    "SpeakerEvidence",
    "resolve_speakers",
    "resolve_title_speakers",
    "cued",
    "evidence_features",
    "speaker_confidence",
]

SPEAKER_HOWS = (
    "carried", "several", "mention", "pronoun", "name", "new name", "body", "person", "document", "agreement",
    "context", "title",
)
"""How a speaker was found (see the module docstring), or tried for when unresolved."""

UNRESOLVED_REASONS: Mapping[str, str] = MappingProxyType({
    "no attribution": "the text says nothing of who spoke",
    "unnamed source": "unnamed people of no stated country or body (\"officials said\", \"analysts say\")",
    "not an actor": "the words before the speech verb name no person, organisation or state (\"the deal\", \"experts\")",
    "pronoun without antecedent": "a pronoun with no person, body or state before it that agrees with it",
    "title without antecedent": "a person's title (\"the official\") fitting nobody the document names",
    "body without antecedent": "a body (\"the ministry\") with no organisation or state of its kind in sight",
    "document without author": "a document (\"the statement\") whose author the text does not give",
    "not in the body": "a headline quotation whose speaker the article's body does not name",
})
"""Why a quotation's speaker is unresolved, each with what it means."""

_CUES = CUE_VERBS | CUE_NOUNS | {" ".join(pair) for pair in PARTICLE_CUES} | {"according to", ":"}
_GROUP_TYPES = frozenset(
    "organization igo ngo media government military police intelligence legislature judiciary group".split()
)
_STATE_SECTORS = {"GOV", "MIL", "COP", "MED", "OPP"}
_SECTOR_TYPE = {"GOV": "government", "MIL": "military", "COP": "police", "MED": "media", "OPP": "group"}
# A person of a state, unnamed: "a defence official said" is one of its government or military.
_STATE_PEOPLE = frozenset("official spokesperson spokesman spokeswoman diplomat officer source aide adviser advisor".split())
_MILITARY_WORDS = frozenset("defence defense military army navy pentagon security".split())
_STATE_TYPES = frozenset({"government", "military", "police", "intelligence", "legislature", "judiciary"})
_HE_SHE_WINDOW, _IT_WINDOW, _THEY_WINDOW, _I_WINDOW = 12, 6, 4, 3
_BODY_WINDOW, _AFTER_WINDOW, _TITLE_WINDOW, _DOCUMENT_WINDOW = 10, 3, 40, 10
_WORD_BONUS = 3.0
_COUNTED = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
# Nouns for a group of states: "both countries", "the two sides", "the three Sahel nations".
_STATE_GROUP_NOUNS = frozenset("country nation state side government capital neighbour neighbor".split())
_MAKING_AGREEMENTS = frozenset("sign reach agree strike conclude ink seal accept approve".split())
# People and offices who speak for someone else: "Ruto's spokesman" and "Ruto's office" speak for
# Ruto's government.
_VOICES = frozenset("spokesperson spokesman spokeswoman aide adviser advisor office team campaign".split())
# Titles any official may be called by, whatever their office.
_ANY_TITLE = frozenset({"official", "source", "officer"})


@dataclass(frozen=True)
class Speaker:
    """A quotation's speaker: ``actor_id``, or None with ``reason`` (a key of
    :data:`UNRESOLVED_REASONS`); ``how`` it was found or tried for (one of :data:`SPEAKER_HOWS`,
    or None when the text names no speaker); ``confidence`` in [0, 1] that it is right, from the
    ``evidence`` of its attribution."""

    actor_id: str | None
    how: str | None
    reason: str | None = None
    confidence: float = 0.0
    evidence: SpeakerEvidence | None = None


@dataclass(frozen=True)
class _Found:
    actor_id: str | None
    how: str
    reason: str | None = None
    # Where the attribution stands (see SpeakerEvidence): set once the speaker is found.
    words_apart: int = 0
    seen_apart: int = 0
    rivals: int = 0


def resolve_speakers(reading: ActorReading, quotes: Sequence[QuoteSpan], kb: KnowledgeBase) -> list[Speaker]:
    """The speaker of each of ``quotes`` (in the same order), found in the text ``reading`` reads.

    ``quotes`` are those :func:`~newsgraph.quotes.find_quotes` found in ``reading.doc``; ``kb`` is
    the knowledge base the reading was built with. Actors built for a speaker are added to
    ``reading`` (see :meth:`~newsgraph.actors.reading.ActorReading.adopt`).
    """
    resolver = _Resolver(reading, kb)
    own = {index: resolver.speaker(quote) for index, quote in enumerate(quotes) if _origin(quotes, index) is None}
    return [_speaker(_carried(quotes, index, own), quote) for index, quote in enumerate(quotes)]


def _origin(quotes: Sequence[QuoteSpan], index: int) -> int | None:
    """The quotation whose attribution quotation ``index`` carries (following a chain), or None
    when it has its own."""
    seen = {index}
    origin = quotes[index].carried_from
    while origin is not None and 0 <= origin < len(quotes) and origin not in seen:
        seen.add(origin)
        if quotes[origin].carried_from is None:
            return origin
        origin = quotes[origin].carried_from
    return None


def _carried(quotes: Sequence[QuoteSpan], index: int, own: Mapping[int, _Found]) -> _Found:
    """Quotation ``index``'s own speaker, or that of the quotation it carries on."""
    if index in own:
        return own[index]
    origin = _origin(quotes, index)
    found = own.get(origin) if origin is not None else None
    if found is None or origin is None:
        return _Found(None, "none", "no attribution")
    paragraphs = quotes[index].paragraph - quotes[origin].paragraph
    return replace(found, how="carried", words_apart=found.words_apart + max(paragraphs, 1))


def _speaker(found: _Found, quote: QuoteSpan) -> Speaker:
    evidence = SpeakerEvidence(
        how=found.how if found.reason is None else None,
        reason=found.reason,
        cued=cued(quote.cue),
        kind=quote.kind,
        words_apart=found.words_apart,
        seen_apart=found.seen_apart,
        rivals=found.rivals,
    )
    return Speaker(found.actor_id, found.how, found.reason, speaker_confidence(evidence), evidence)


def cued(cue: str | None) -> bool:
    """Whether a quotation's ``cue`` is a speech cue (or there is none), not another verb whose
    subject was taken for the speaker ("pointed the blame at ...")."""
    return cue is None or cue in _CUES


class _Resolver:
    def __init__(self, reading: ActorReading, kb: KnowledgeBase) -> None:
        self.reading = reading
        self.kb = kb
        self.context = SpeakerContext(reading)
        self.spoken: list[tuple[int, str]] = []

    def speaker(self, quote: QuoteSpan) -> _Found:
        if quote.speaker_start is None or quote.speaker_end is None:
            if quote.kind == "direct" and quote.cue is None:
                # 'Zelensky thanked the allies. "This will save lives."': the one the sentence before is about.
                subject = self.context.subject_before(quote.start)
                if subject is not None:
                    return self._placed_evidence(_Found(self._adopted(subject), "context"), quote, quote.start, quote.start)
            return _Found(None, "none", "no attribution")
        found = self.phrase(quote.speaker_start, quote.speaker_end, quote)
        actor_id = found.actor_id
        if actor_id is not None:
            self._adopted(actor_id)
            found = self._placed_evidence(found, quote, quote.speaker_start, quote.speaker_end)
            pronoun = self._pronoun_at(quote.speaker_start, quote.speaker_end)
            self.context.noted_speaker(actor_id, quote.speaker_start, quote.speaker_end, pronoun)
            self.spoken.append((quote.speaker_start, actor_id))
        return found

    def _placed_evidence(self, found: _Found, quote: QuoteSpan, start: int, end: int) -> _Found:
        """``found`` with where its attribution stands: the quotation, the speaker's words at
        ``start..end``, the actor's last appearance before them and its rivals around the quotation."""
        assert found.actor_id is not None
        here = self.context.sentence(quote.start)
        return replace(
            found,
            words_apart=abs(here - self.context.sentence(start)),
            # A pronoun's own mention is no earlier sight of the actor: its antecedent is.
            seen_apart=self.context.sentences_since(found.actor_id, start, start if found.how == "pronoun" else end),
            rivals=self.context.rivals(found.actor_id, quote.start),
        )

    def phrase(self, start: int, end: int, quote: QuoteSpan | None = None, depth: int = 0) -> _Found:
        """The actor the words ``start..end`` name as a speaker (see the module docstring)."""
        span = self.context.span(start, end)
        if span is None:
            return _Found(None, "mention", "not an actor")
        phrase = speaker_phrase(span)
        if phrase.kind == "pronoun":
            exact = self._exact(start, end)
            found = self._pronoun(phrase.word, start)
            if exact is not None and (found is None or self.reading.actor(found) is not None):
                # The actors stage's own reading, unless it could not see the person the pronoun
                # most likely means: one the recogniser missed ("Ana Ruiz met Tomas Varga ... she said").
                return _Found(exact, "pronoun")
            return self._found(found, "pronoun", "pronoun without antecedent")
        several = self._several(span) or self._counted(span)
        if several is not None:
            return _Found(several, "several")
        if phrase.kind == "document":
            return self._found(self._document(phrase, span, depth), "document", "document without author")
        if phrase.kind == "agreement":
            return self._found(self._party(span, depth), "agreement", "document without author")
        named = titled_name(span, phrase)
        if named is not None:
            return self._name(phrase, span, quote, named, person=True)
        if phrase.kind == "surname":
            namesakes = self._namesakes(span, phrase)
            described = _apposition_words(quote, self.context)
            if described:
                # "Kim, the professor in Honolulu": the namesake so described, as the reading has it.
                namesakes = [actor_id for actor_id in namesakes if described & self.context.described_as(actor_id)]
            if len(namesakes) > 1:
                wanted = set(namesakes)
                latest = self.context.latest(span.start_char, 10_000, lambda record: float(record.id in wanted))
                return _Found(latest or self._nearest(span.start_char, namesakes), "name")
        read = self._at_head(span) or (None if self._names_itself(span, phrase) else self._read(start, end, phrase))
        if read is not None:
            return _Found(read, "mention")
        if phrase.kind in {"name", "surname"}:
            first, last = name_tokens(span, phrase.head)
            given = untitled(span.doc, first, last)
            # "Foreign Minister Ana Ruiz" run together: the title says it is a person, not part of the name.
            return self._name(phrase, span, quote, (given, last), person=given > first)
        if phrase.kind == "body":
            voiced = self._principal(phrase, span, depth)
            if voiced is not None:
                return _Found(voiced, "body")
            return self._found(self._body(phrase, span), "body", "body without antecedent")
        if phrase.kind == "person":
            voiced = self._principal(phrase, span, depth)
            if voiced is not None:
                return _Found(voiced, "person")
            return self._found(self._title(phrase, span), "person", "title without antecedent")
        if phrase.kind == "generic":
            return _Found(None, "mention", "unnamed source")
        named = naming_words(span) if phrase.kind == "other" and phrase.head.pos_ == "NOUN" else None
        if named is not None:
            # "Israel's Magen David Adom rescue service": the body the name names.
            return self._name(phrase, span, quote, named, organisation=True)
        return _Found(None, "mention", "not an actor")

    @staticmethod
    def _found(actor_id: str | None, how: str, reason: str) -> _Found:
        return _Found(actor_id, how, None if actor_id is not None else reason)

    # -- the reading -----------------------------------------------------------------------

    def _exact(self, start: int, end: int) -> str | None:
        for mention in self.reading.resolved.mentions_inside(start, end):
            if mention.start == start and mention.end == end and mention.how != "demonym":
                return mention.actor_id
        return None

    def _at_head(self, span: Span) -> str | None:
        """The actor of the one mention holding the phrase's head word ("UK's Permanent
        Representative to the UN Barbara Woodward" is Woodward, not the UK)."""
        root = span.root
        ids = {
            mention.actor_id
            for mention in self.reading.resolved.mentions_holding(root.idx, root.idx + 1)
            if mention.how != "demonym"
        }
        found = ids.pop() if len(ids) == 1 else None
        record = self.reading.actor(found) if found is not None else None
        return found if record is not None and record.type == "person" else None

    def _names_itself(self, span: Span, phrase: SpeakerPhrase) -> bool:
        """Whether a proper name no mention covers is an organisation of its own, not the country a
        word of it names ("the Syrian Observatory for Human Rights" is not Syria)."""
        if phrase.kind != "name" or phrase.head.ent_type_ in {"GPE", "NORP", "LOC"}:
            return False
        root = span.root
        return not any(
            mention.how != "demonym" for mention in self.reading.resolved.mentions_holding(root.idx, root.idx + 1)
        )

    def _read(self, start: int, end: int, phrase: SpeakerPhrase) -> str | None:
        """The actor the reading gives the phrase, or None; a country read for a state body is
        that body ("the country's Interior Ministry")."""
        span = self.context.span(start, end)
        if phrase.family == "ORG" and span is not None and any(token.lower_ == "based" for token in span):
            return None  # "the Britain-based monitor" is where it is, not whose
        ref = self.reading.actor_for(start, end)
        if ref is None:
            return None
        if ref.id is None:
            return self._placed(ref, phrase)
        record = self.reading.actor(ref.id)
        if record is not None and record.country and phrase.family in _STATE_SECTORS:
            wanted = phrase.family or "GOV"
            is_sector = record.id.startswith("sector:")
            if record.type == "country" or (is_sector and not (record.code or "").endswith(wanted)):
                # "Lebanon's state news agency" is its state media, whatever sector the words lean to.
                return self.reading.sector_actor(record.country, wanted).id
        return ref.id

    def _placed(self, ref: ActorRef, phrase: SpeakerPhrase) -> str | None:
        """An actor for a reading with a country but no id: the country's sector."""
        if ref.country is None:
            return None
        sector = ref.code[3:] if ref.code and len(ref.code) == 6 and ref.code.startswith(ref.country) else None
        sector = sector or (phrase.family if phrase.family in _STATE_SECTORS else None)
        if sector is not None:
            return self.reading.sector_actor(ref.country, sector).id
        return self._country(ref.country)

    def _country(self, country: str) -> str | None:
        actor_id = f"country:{country}"
        if self.reading.actor(actor_id) is None:
            if actor_id not in self.kb:
                return None
            known = self.kb.actor(actor_id)
            self.reading.adopt(
                ActorRecord(id=known.id, name=known.name, type=known.type, country=known.country, code=known.code,
                            from_kb=True)
            )
        return actor_id

    def _several(self, span: Span) -> str | None:
        """The first of several actors joined by "and" or "or" ("Seoul and Washington")."""
        root = span.root
        conjuncts = [child for child in root.children if child.dep_ == "conj" and child.i < span.end]
        if not conjuncts or root.pos_ == "PRON":
            return None
        ids: list[str] = []
        for token in [root, *conjuncts]:
            first = token.left_edge if token is not root else span[0]
            last = token if token.i >= first.i else first
            found = self._read(first.idx, last.idx + len(last), SpeakerPhrase("other", token, token.lower_))
            if found is not None and found not in ids:
                ids.append(found)
        return ids[0] if len(ids) > 1 else None

    def _counted(self, span: Span) -> str | None:
        """The first named of a group the phrase counts ("both sides", "the two countries", "the
        leaders of the three Sahel nations", "both journalists"): the last so many actors of that
        kind named before it."""
        count = next((_COUNTED[token.lower_] for token in span if token.lower_ in _COUNTED), None)
        if count is None or span.root.tag_ not in {"NNS", "NNPS"}:
            return None
        nouns = {token.lemma_.lower() for token in span if token.pos_ == "NOUN"}

        def fits(record: ActorRecord) -> float:
            if nouns & _STATE_GROUP_NOUNS:
                return float(record.type == "country" or record.type == "government")
            return float(record.type == "person" and bool(nouns & self.context.described_as(record.id)))

        members = self.context.last_named(span.start_char, _BODY_WINDOW, fits, count)
        if len(members) != count and not nouns & _STATE_GROUP_NOUNS:
            # "Both journalists": the last two people named, when the text describes them otherwise.
            members = self.context.last_named(
                span.start_char, _I_WINDOW, lambda record: float(record.type == "person"), count
            )
        return members[0] if len(members) == count else None

    # -- pronouns --------------------------------------------------------------------------

    def _pronoun_at(self, start: int, end: int) -> str | None:
        span = self.context.span(start, end)
        if span is None or len(span) != 1:
            return None
        phrase = speaker_phrase(span)
        return phrase.word if phrase.kind == "pronoun" else None

    def _pronoun(self, pronoun: str, at: int) -> str | None:
        fits: Callable[[ActorRecord], float]
        if pronoun in {"he", "she", "i"}:
            wanted = {"he": "male", "she": "female"}.get(pronoun)

            def fits(record: ActorRecord) -> float:
                if record.type != "person":
                    return 0.5 if record.id in self.context.personal else 0.0
                return float(self.context.gender(record.id) in (None, wanted))

            window = _I_WINDOW if pronoun == "i" else _HE_SHE_WINDOW
        else:

            def fits(record: ActorRecord) -> float:
                if record.type in _GROUP_TYPES:
                    return 1.0
                return 0.5 if record.type == "country" else 0.0

            window = _IT_WINDOW if pronoun == "it" else _THEY_WINDOW
        ranked = self.context.salient(at, window, fits, earlier_sentences=True)
        return ranked[0][1] if ranked else None

    # -- names -----------------------------------------------------------------------------

    def _name(
        self,
        phrase: SpeakerPhrase,
        span: Span,
        quote: QuoteSpan | None,
        tokens: tuple[int, int],
        person: bool = False,
        organisation: bool = False,
    ) -> _Found:
        first, last = tokens
        name = strip_possessive(span.doc[first : last + 1].text)
        key = folded(name)
        surname = folded(strip_possessive(span.doc[last].text))
        people = [
            record.id for record in self._records()
            if record.type == "person" and not organisation and surname_fits(record, surname)
        ]
        if not people and first == last and not organisation:
            # Thai, Burmese, Icelandic and some other names go by the given name: "Srettha said".
            people = [
                record.id for record in self._records()
                if record.type == "person" and any(surname in folded(form).split() for form in (record.name, *record.aliases))
            ]
        if len(people) > 1 and last > first:
            given = folded(span.doc[first].text)
            people = [actor_id for actor_id in people if given in folded(self._name_of(actor_id)).split()] or people
        if people:
            return _Found(self._nearest(span.start_char, people), "name")
        named = [record.id for record in self._records() if record.type != "person" and key in forms(record)]
        if named:
            return _Found(self._nearest(span.start_char, named), "name")
        latent = self.context.latent_named(key)
        if latent is not None:
            return _Found(self._adopted(latent), "new name")
        return _Found(self._build(span, first, last, quote, person, organisation), "new name")

    def _namesakes(self, span: Span, phrase: SpeakerPhrase) -> list[str]:
        """The document's people a surname alone may be: two Parks, two Kims. The one named last
        before it is meant (a speaker just quoted included)."""
        word = folded(strip_possessive(span.doc[name_tokens(span, phrase.head)[1]].text))
        return [
            record.id
            for record in self._records()
            if record.type == "person"
            and (surname_fits(record, word) or (not record.from_kb and folded(record.name).split()[:1] == [word]))
        ]

    def _name_of(self, actor_id: str) -> str:
        record = self.reading.actor(actor_id)
        return record.name if record is not None else ""

    def _adopted(self, actor_id: str) -> str:
        """``actor_id``, made one of the reading's actors if only the context knew it."""
        if self.reading.actor(actor_id) is None:
            record = self.context.actor(actor_id)
            if record is not None:
                self.reading.adopt(record)
        return actor_id

    def _records(self) -> list[ActorRecord]:
        return list(self.reading.document_actors().actors)

    def _nearest(self, at: int, ids: list[str]) -> str:
        """Of ``ids``, the most salient before ``at``, else the first named after it, else the first."""
        wanted = set(ids)
        ranked = self.context.salient(at, 10_000, lambda record: float(record.id in wanted))
        if ranked:
            return ranked[0][1]
        return self.context.next_after(at, 10_000, lambda record: float(record.id in wanted)) or ids[0]

    def _build(
        self, span: Span, first: int, last: int, quote: QuoteSpan | None, person: bool = False, organisation: bool = False
    ) -> str:
        """An actor for a speaker's name the document's actors do not hold (an organisation's when
        ``organisation``)."""
        doc = span.doc
        full = full_name(doc, self.context, doc[last]) if first == last and not organisation else None
        name = full or strip_possessive(doc[first : last + 1].text)
        words = {token.lower_ for token in doc[first : last + 1]}
        label = doc[last].ent_type_
        described = _apposition_root(quote, self.context)
        is_person = not organisation and (
            person
            or full is not None
            or (described is not None and described.lemma_.lower() in PERSON_NOUNS)
            or looks_like_a_persons_name(doc[first : last + 1], label)
        )
        kind = "person" if is_person else ("media" if words & MEDIA_WORDS else "organization")
        country = self._country_near(span, quote)
        role = described.lemma_.lower() if is_person and described is not None else None
        code = None
        if country is not None:
            sector = ROLE_SECTORS.get(role or "") if is_person else None
            code = country + sector if sector else country
        actor_id = slug_id(kind, name)
        if self.reading.actor(actor_id) is None:
            self.reading.adopt(ActorRecord(id=actor_id, name=name, type=kind, country=country, code=code, role=role))
        return actor_id

    def _country_near(self, span: Span, quote: QuoteSpan | None) -> str | None:
        """The country a country mention in the speaker's words or apposition gives."""
        places = [(span.start_char, span.end_char)]
        if quote is not None and quote.apposition_start is not None and quote.apposition_end is not None:
            places.append((quote.apposition_start, quote.apposition_end))
        for start, end in places:
            for mention in self.reading.resolved.mentions_inside(start, end):
                record = self.reading.actor(mention.actor_id)
                if record is not None and record.type in {"country", *_SECTOR_TYPE.values()} and record.country:
                    return record.country
        return None

    # -- bodies, titles and documents ------------------------------------------------------

    def _body(self, phrase: SpeakerPhrase, span: Span) -> str | None:
        family, word = phrase.family or "ORG", phrase.word
        fits = _body_fit(family, word)
        ranked = self.context.salient(span.start_char, _BODY_WINDOW, fits)
        found = ranked[0][1] if ranked else self.context.next_after(span.end_char, _AFTER_WINDOW, fits)
        if found is not None:
            record = self.reading.actor(found)
            if record is not None and record.type == "country" and family in _STATE_SECTORS:
                return self.reading.sector_actor(record.country or "", family).id
            return found
        if family in _STATE_SECTORS:
            country = self.context.country_in_sight(span.start_char) or self.context.main_country()
            if country is not None:
                return self.reading.sector_actor(country, family).id
        return None

    def _title(self, phrase: SpeakerPhrase, span: Span) -> str | None:
        if phrase.head.tag_ in {"NNS", "NNPS"}:
            return None  # "the two foreign ministers" are not one of them
        word = phrase.word
        former = any(token.lower_ in {"former", "ex"} for token in span)

        def fits(record: ActorRecord) -> float:
            if record.type != "person":
                return 0.0
            described = self.context.described_as(record.id)
            if word not in described:
                return 0.0
            return 2.0 if former and "former" in described else 1.0

        indefinite = not any(token.lower_ in {"the", "his", "her", "its", "their"} for token in span)
        if indefinite and word in _STATE_PEOPLE:
            return self._state_person(phrase, span)
        ranked = self.context.salient(span.start_char, _TITLE_WINDOW, fits)
        if ranked:
            return ranked[0][1]
        after = self.context.next_after(span.end_char, _TITLE_WINDOW, fits)
        if after is not None:
            return after
        if word in _STATE_PEOPLE and word not in _ANY_TITLE:
            return self._state_person(phrase, span)
        if word not in _ANY_TITLE:
            return None
        # "the official" said: the person quoted just before, whatever their title.
        here = self.context.sentence(span.start_char)
        for at, actor_id in reversed(self.spoken):
            record = self.reading.actor(actor_id)
            if at < span.start_char and here - self.context.sentence(at) <= _I_WINDOW:
                return actor_id if record is not None and record.type == "person" else None
        return None

    def _principal(self, phrase: SpeakerPhrase, span: Span, depth: int) -> str | None:
        """Whom an unnamed spokesperson or aide speaks for, named in the phrase ("Ruto's
        spokesman", "a spokeswoman for the president"): a body or state itself, a person as their
        country's government (an unnamed spokesperson speaks as the country), or the person when
        their country is unknown."""
        if phrase.word not in _VOICES or depth > 1:
            return None
        head = phrase.head
        owner = next((child for child in head.children if child.dep_ == "poss"), None)
        if owner is None:
            preposition = next(
                (child for child in head.children if child.dep_ == "prep" and child.lower_ in {"for", "of", "to"}), None
            )
            owner = next((child for child in preposition.children if child.dep_ == "pobj"), None) if preposition else None
        if owner is None or not span.start <= owner.i < span.end:
            return None
        found = self._phrase_of(owner, depth, owner.left_edge.i, owner.i)
        record = self.reading.actor(found) if found is not None else None
        if record is not None and record.type == "person" and record.country:
            return self.reading.sector_actor(record.country, "GOV").id
        return found

    def _state_person(self, phrase: SpeakerPhrase, span: Span) -> str | None:
        """An unnamed official ("a defence official", "a spokesperson"): the government, or the
        military, of the state in sight."""
        words = {token.lower_ for token in span}
        family = "MIL" if words & _MILITARY_WORDS else "GOV"
        return self._body(SpeakerPhrase("body", phrase.head, phrase.word, family), span)

    def _document(self, phrase: SpeakerPhrase, span: Span, depth: int) -> str | None:
        """The author of a document that speaks: named in the phrase, or where the document was
        given before, else the latest speaker."""
        if depth > 1:
            return None
        owner = self._author(phrase.head, depth)
        if owner is not None:
            return owner
        doc = span.doc
        here = self.context.sentence(span.start_char)
        for token in reversed(doc[: span.start]):
            if here - self.context.sentence(token.idx) > _DOCUMENT_WINDOW:
                break
            if _is_document(token) and not self.context.quoted(token.idx):
                author = self._author(token, depth) or self._given_by(token, depth)
                if author is not None:
                    return author
        if phrase.head.tag_ in {"NNS", "NNPS"}:
            return None  # "the initial reports" are nobody's in particular
        for at, actor_id in reversed(self.spoken):
            if at < span.start_char and here - self.context.sentence(at) <= _DOCUMENT_WINDOW:
                return actor_id
        return None

    def _party(self, span: Span, depth: int) -> str | None:
        """The first party to an agreement that speaks ("the deal calls for ..."): whoever signed,
        reached or agreed to it, where it was last so told, or those it is "between"."""
        if depth > 1:
            return None
        doc = span.doc
        here = self.context.sentence(span.start_char)
        for token in reversed(doc[: span.end]):
            if here - self.context.sentence(token.idx) > _DOCUMENT_WINDOW:
                break
            if token.lemma_.lower() not in AGREEMENT_HEADS or self.context.quoted(token.idx):
                continue
            between = next(
                (child for child in token.children if child.dep_ == "prep" and child.lower_ == "between"), None
            )
            target = next((child for child in between.children if child.dep_ == "pobj"), None) if between else None
            verb = token.head if token.dep_ in {"dobj", "pobj"} else None
            if verb is not None and verb.dep_ == "prep":
                verb = verb.head
            if target is not None:
                found = self._phrase_of(target, depth, target.left_edge.i, target.i)
            elif verb is not None and verb.lemma_.lower() in _MAKING_AGREEMENTS:
                subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
                found = self._phrase_of(subject, depth, subject.left_edge.i, subject.i) if subject is not None else None
            else:
                continue
            if found is not None:
                return found
        return None

    def _author(self, document: Token, depth: int) -> str | None:
        """The author a document's own phrase names: "the ministry's statement", "a statement from
        the bloc", "The Security Council resolution"."""
        for child in document.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                found = self._phrase_of(child, depth, child.left_edge.i, child.i)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                target = next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
                if target is not None:
                    found = self._phrase_of(target, depth)
                    if found is not None:
                        return found
        return None

    def _given_by(self, document: Token, depth: int) -> str | None:
        """Who gave a document: the subject of "X said in a statement", "X issued a statement"."""
        verb = document.head
        if document.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"in", "through", "via"}:
            verb = verb.head
        elif document.dep_ != "dobj":
            return None
        subject = next((child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lemma_.lower() in DOCUMENT_HEADS:
            return None
        return self._phrase_of(subject, depth)

    def _phrase_of(self, head: Token, depth: int, first: int | None = None, last: int | None = None) -> str | None:
        if first is not None and last is not None:
            words = head.doc[first : last + 1]
            start, end = words.start_char, words.end_char
        else:
            mention = speaker_mentions(head)[0]
            if mention is None:
                return None
            start, end = mention.start, mention.end
        return self.phrase(start, end, None, depth + 1).actor_id


def _is_document(token: Token) -> bool:
    """Whether ``token`` names a document: "statement", "report", a press release (not "the
    release of the hostages")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in DOCUMENT_HEADS:
        return False
    if lemma == "release":
        return any(child.lower_ in {"press", "news"} for child in token.lefts)
    return True


def _body_fit(family: str, word: str) -> Callable[[ActorRecord], float]:
    """How well an actor fits a body of ``family`` called ``word``: the right kind, and more so
    with the word in its name ("the commission": the ECOWAS Commission)."""

    def fit(record: ActorRecord) -> float:
        named = _WORD_BONUS if word in " ".join(forms(record)).split() else 1.0
        if family in _STATE_SECTORS:
            if record.type == _SECTOR_TYPE[family] and (family != "OPP" or (record.code or "").endswith("OPP")):
                return named
            if record.type in _STATE_TYPES and named > 1:
                return named * 0.5  # "the ministry" may be a defence ministry, a military actor
            if record.type == "organization" and record.country and named > 1:
                return named
            return 0.5 if record.type == "country" else 0.0
        if record.type in _GROUP_TYPES - {"government", "military", "police"}:
            if word == "bloc":
                return 2.0 if record.type == "igo" else 0.5
            return named
        if record.type in {"government", "military", "police"}:
            return 0.5 if named > 1 else 0.0
        return 0.0

    return fit


def _apposition_words(quote: QuoteSpan | None, context: SpeakerContext) -> set[str]:
    """The content words of a speaker's apposition ("the professor in Honolulu")."""
    if quote is None or quote.apposition_start is None or quote.apposition_end is None:
        return set()
    span = context.span(quote.apposition_start, quote.apposition_end)
    return {token.lemma_.lower() for token in span or () if token.pos_ in {"NOUN", "ADJ", "PROPN"}}


def _apposition_root(quote: QuoteSpan | None, context: SpeakerContext) -> Token | None:
    if quote is None or quote.apposition_start is None or quote.apposition_end is None:
        return None
    span = context.span(quote.apposition_start, quote.apposition_end)
    return span.root if span is not None else None


def resolve_title_speakers(
    title_doc: Doc,
    quotes: Sequence[QuoteSpan],
    actors: DocumentActors,
    kb: KnowledgeBase,
    published: date | None,
) -> list[Speaker]:
    """The body actor who speaks each quotation found in the title.

    ``title_doc`` is the parsed title and ``quotes`` the quotations found in it; ``actors`` are the
    body's. The title's own names are resolved first (a full name, a knowledge-base name, a
    sector); an actor the body does not mention is no answer, since the title only repeats the
    body. A surname alone the title cannot resolve is matched against the body's people by their
    last name.
    """
    title_actors = resolve_actors(title_doc, kb, published)
    known = {actor.id for actor in actors.actors}
    own: dict[int, _Found] = {}
    for index, quote in enumerate(quotes):
        if _origin(quotes, index) is not None:
            continue
        if quote.speaker_start is None or quote.speaker_end is None:
            own[index] = _Found(None, "none", "no attribution")
            continue
        found = title_actors.actor_at(quote.speaker_start, quote.speaker_end)
        if found is not None and found not in known:
            record = title_actors.actor(found)
            found = _by_name(actors, record.name) if record is not None else None
        elif found is None and quote.speaker_text:
            found = _by_name(actors, quote.speaker_text)
        found = found if found in known else None
        own[index] = _Found(found, "title", None if found is not None else "not in the body")
    return [_speaker(_carried(quotes, index, own), quote) for index, quote in enumerate(quotes)]


def _by_name(actors: DocumentActors, text: str) -> str | None:
    """The body actor called ``text`` (a name, alias or surname), the most mentioned if several."""
    key = folded(text)
    if not key:
        return None
    fitting = [
        actor.id
        for actor in actors.actors
        if key in forms(actor) or (actor.type == "person" and folded(actor.name).split()[-1:] == key.split())
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda actor_id: len(actors.mentions_of(actor_id)))
