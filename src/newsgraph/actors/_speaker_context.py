"""The document as speaker coreference reads it: who appears where, how prominently, and as what.

:class:`SpeakerContext` is built once per document from the actors stage's reading. It lists every
*appearance* of an actor outside quotation marks (a resolved mention, and each quotation's
speaker once resolved), with its sentence and its part in its clause (a subject, the speaker of a
speech verb, a possessor), and answers the questions :mod:`newsgraph.actors.speakers` asks:

- :meth:`~SpeakerContext.salient`: the actors fitting a test that appeared in the last few
  sentences, most prominent first: each appearance weighs more as a subject and more again as a
  speaker, and half as much for every sentence back (the salience of Lappin and Leass, 1994, as
  :mod:`newsgraph.actors.coreference` uses it within the actors stage);
- :meth:`~SpeakerContext.next_after`: the first actor fitting a test named after a point (a
  description met before the name: "The organization said ... Meydan TV");
- :meth:`~SpeakerContext.gender`: a person's gender, known only from the text: a "he" or "she"
  resolved to them, or a gendered title or word around their name ("Mr.", "spokeswoman");
- :meth:`~SpeakerContext.described_as`: the words describing a person anywhere in the document
  (the title before the name and the apposition after it), for "the former president";
- :meth:`~SpeakerContext.main_country`: the country the document is most about, for a state body
  with no country in sight ("the federal police said").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.actors._names import fold, name_key
from newsgraph.actors.context import FEMALE_WORDS, MALE_WORDS, ORGANISATION_HEADS
from newsgraph.actors.reading import ActorReading
from newsgraph.actors.records import ActorRecord, slug_id
from newsgraph.nlp import doc_text
from newsgraph.quotes.cues import PERSON_NOUNS, cue_lemma, is_according_to
from newsgraph.quotes.marks import find_quoted_regions, paragraph_spans

__all__ = ["MEDIA_WORDS", "Appearance", "SpeakerContext"]

MEDIA_WORDS = frozenset(
    "tv radio news television broadcasting channel times post herald journal gazette tribune daily".split()
)
"""Words in an organisation's name that make it a news outlet ("Meydan TV", "The Daily Star")."""

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NP_DEPS = {"appos", "compound", "conj", "flat", "amod", "nmod"}
_BASE, _SUBJECT, _SPEAKER, _POSSESSOR = 1.0, 1.0, 2.0, -0.5
_DECAY = 0.5
_LATER_CONJUNCT = 0.9
_NAME_HOWS = {"name", "alias", "surname", "acronym"}
_ADDRESS = frozenset({"mr", "mrs", "ms", "dr", "prof", "professor", "madam", "sir"})


@dataclass(frozen=True)
class Appearance:
    """One appearance of an actor outside quotation marks: characters ``start..end``, sentence
    ``sentence``, and whether it is a subject, a speaker or a possessor there."""

    actor_id: str
    start: int
    end: int
    sentence: int
    subject: bool
    speaker: bool
    possessor: bool

    later_conjunct: bool = False

    @property
    def weight(self) -> float:
        weight = _BASE + _SUBJECT * self.subject + _SPEAKER * self.speaker + _POSSESSOR * self.possessor
        # Of "South Korea and Japan said", the first named leads.
        return weight * _LATER_CONJUNCT if self.later_conjunct else weight


class SpeakerContext:
    """What speaker coreference knows of one document (see the module docstring)."""

    def __init__(self, reading: ActorReading) -> None:
        self.reading = reading
        self.doc = reading.doc
        self.text = doc_text(self.doc)
        self._sentence_starts = [sentence.start_char for sentence in self.doc.sents]
        self._paragraph_starts = [start for start, _ in paragraph_spans(self.text)]
        regions = [region for region in find_quoted_regions(self.text) if region.double]
        self._quoted = sorted((region.outer_start, region.outer_end) for region in regions)
        self._quoted_starts = [start for start, _ in self._quoted]
        self._genders: dict[str, str] = {}
        self.personal: set[str] = set()
        """Actors other than people met as one person ("Serbia's president", "a ministry
        spokesperson": the country's government), whom "he" or "she" may refer to."""
        self._appearances: list[Appearance] = []
        self._descriptions: dict[str, set[str]] = {}
        for mention in reading.resolved.mentions:
            if mention.how == "pronoun":
                self._note_gender(mention.actor_id, mention.text)
            if mention.how == "demonym" or self.quoted(mention.start):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self._appear(mention.actor_id, span)
            if mention.how in _NAME_HOWS:
                words = _describing_words(span)
                self._descriptions.setdefault(mention.actor_id, set()).update(words)
                for word in words:
                    self._note_gender(mention.actor_id, word)
        self._latent: dict[str, ActorRecord] = {}
        self._latent_names: dict[str, str] = {}
        people = self._add_latent_people()
        self._add_latent_organisations(people)
        self._appearances.sort(key=lambda appearance: appearance.start)
        # The appearances' starts, in the same order: the questions below read only the
        # appearances of the sentences they look at, found by bisection, not every one before them
        # (which made a long article's speakers cost the square of its length).
        self._starts = [appearance.start for appearance in self._appearances]

    def _add_latent_people(self) -> _Stretches:
        """People the recogniser missed or took for an organisation ("Lindiwe Dlamini runs a
        clinic", "Dr Okonkwo treated the wounded"): the subject of a clause (or the name in
        apposition to it) that is a person's name no mention covers. They are antecedents for "he" and "she"; one a speaker turns out to be
        becomes one of the document's actors (see :meth:`latent_named`). Returns where they stand."""
        mentioned = _Stretches((mention.start, mention.end) for mention in self.reading.resolved.mentions)
        found: list[tuple[int, int]] = []
        for token in self.doc:
            # A subject, or the name in apposition to one ("The minister, Ana Ruiz, posted ...").
            subject = token.dep_ in _SUBJECT_DEPS or (token.dep_ == "appos" and token.head.dep_ in _SUBJECT_DEPS)
            if not subject or token.pos_ != "PROPN" or self.quoted(token.idx):
                continue
            words = _persons_name(token)
            if words is None or mentioned.overlap(words.start_char, words.end_char):
                continue
            name = words.text
            actor_id = slug_id("person", name)
            if self.reading.actor(actor_id) is None:
                self._latent.setdefault(actor_id, ActorRecord(id=actor_id, name=name, type="person", country=None, code=None))
            self._latent_names.setdefault(fold(name_key(name)), actor_id)
            self._appear(actor_id, words)
            found.append((words.start_char, words.end_char))
        return _Stretches(found)

    def _add_latent_organisations(self, people: _Stretches) -> None:
        """Organisations the recogniser names that the actors stage left without an actor (it
        keeps only those with an organisation's head word or a knowledge-base name): "Meydan TV",
        "KFOR". They are antecedents for "it" and "the organization"; one a speaker turns out to be
        becomes one of the document's actors (:meth:`latent_named`)."""
        mentioned = _Stretches((mention.start, mention.end) for mention in self.reading.resolved.mentions)
        for entity in self.doc.ents:
            if entity.label_ != "ORG" or self.quoted(entity.start_char):
                continue
            if mentioned.overlap(entity.start_char, entity.end_char) or people.overlap(entity.start_char, entity.end_char):
                continue
            words = [token for token in entity if not token.is_punct and token.lower_ not in {"the", "'s", "\u2019s"}]
            if not words or not any(token.text[:1].isupper() for token in words):
                continue
            name = " ".join(token.text for token in words)
            kind = "media" if {token.lower_ for token in words} & MEDIA_WORDS else "organization"
            actor_id = slug_id(kind, name)
            if self.reading.actor(actor_id) is None:
                self._latent.setdefault(actor_id, ActorRecord(id=actor_id, name=name, type=kind, country=None, code=None))
            self._latent_names.setdefault(fold(name_key(name)), actor_id)
            self._appear(actor_id, entity)
        self._appear_again(mentioned)

    def _appear(self, actor_id: str, span: Span) -> None:
        if span.root.lemma_.lower() in PERSON_NOUNS and span.root.tag_ in {"NN", "NNP"}:
            self.personal.add(actor_id)
        subject, speaker, possessor = _clause_role(span.root)
        self._appearances.append(
            Appearance(actor_id, span.start_char, span.end_char, self.sentence(span.start_char), subject, speaker,
                       possessor, span.root.dep_ == "conj")
        )

    def _appear_again(self, mentioned: _Stretches) -> None:
        """Every other place a latent organisation's name stands, which the recogniser may not
        have labelled each time ("Meydan TV, which is headquartered in Berlin, ...")."""
        seen = {(appearance.start, appearance.actor_id) for appearance in self._appearances}
        for key, actor_id in self._latent_names.items():
            name = self._latent[actor_id].name if actor_id in self._latent else None
            if not name:
                continue
            at = self.text.find(name)
            while at >= 0:
                end = at + len(name)
                boundary = (at == 0 or not self.text[at - 1].isalnum()) and (end == len(self.text) or not self.text[end].isalnum())
                overlaps = mentioned.overlap(at, end)
                span = self.span(at, end)
                if boundary and not overlaps and (at, actor_id) not in seen and span is not None and not self.quoted(at):
                    self._appear(actor_id, span)
                    seen.add((at, actor_id))
                at = self.text.find(name, end)

    def latent_named(self, key: str) -> str | None:
        """The id of the organisation named ``key`` (a folded name key) that only this context
        knew, or None."""
        return self._latent_names.get(key)

    # -- where things are ------------------------------------------------------------------

    def sentence(self, char: int) -> int:
        """The index of the sentence holding character ``char``."""
        return max(bisect_right(self._sentence_starts, char) - 1, 0)

    def paragraph(self, char: int) -> int:
        return max(bisect_right(self._paragraph_starts, char) - 1, 0)

    def quoted(self, char: int) -> bool:
        """Whether character ``char`` stands inside double quotation marks."""
        at = bisect_right(self._quoted_starts, char) - 1
        return at >= 0 and self._quoted[at][0] < char < self._quoted[at][1]

    def span(self, start: int, end: int) -> Span | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    # -- what is known of actors -----------------------------------------------------------

    def actor(self, actor_id: str) -> ActorRecord | None:
        return self.reading.actor(actor_id) or self._latent.get(actor_id)

    def gender(self, actor_id: str) -> str | None:
        """``female``, ``male`` or None (unknown: no evidence either way)."""
        return self._genders.get(actor_id)

    def described_as(self, actor_id: str) -> set[str]:
        """The lower-case words describing a person around their name anywhere in the document,
        with the role the actors stage gave them."""
        words = set(self._descriptions.get(actor_id, set()))
        record = self.actor(actor_id)
        if record is not None and record.role:
            words.update(record.role.lower().split())
        return words

    def noted_speaker(self, actor_id: str, start: int, end: int, pronoun: str | None) -> None:
        """Remember that ``actor_id`` spoke at ``start..end`` (a quotation's speaker), referred to by
        ``pronoun`` when a pronoun named them."""
        if pronoun in {"he", "she"}:
            self._note_gender(actor_id, pronoun)
        span = self.span(start, end)
        if span is not None and span.root.lemma_.lower() in PERSON_NOUNS and span.root.tag_ in {"NN", "NNP"}:
            self.personal.add(actor_id)
        if self.quoted(start):
            return
        appearance = Appearance(actor_id, start, end, self.sentence(start), True, True, False)
        at = bisect_right(self._starts, start)
        self._appearances.insert(at, appearance)
        self._starts.insert(at, start)

    def _note_gender(self, actor_id: str, word: str) -> None:
        word = word.lower().rstrip(".")
        if actor_id in self._genders:
            return
        if word in {"she", "her", "hers", "herself"} or word in FEMALE_WORDS:
            self._genders[actor_id] = "female"
        elif word in {"he", "him", "his", "himself"} or word in MALE_WORDS:
            self._genders[actor_id] = "male"

    # -- looking for an antecedent ---------------------------------------------------------

    def _from_sentence(self, sentence: int) -> int:
        """The index of the first appearance in sentence ``sentence`` or after (appearances are in
        text order, so in sentence order too)."""
        if sentence <= 0:
            return 0
        if sentence >= len(self._sentence_starts):
            return len(self._appearances)
        return bisect_left(self._starts, self._sentence_starts[sentence])

    def _before(self, char: int) -> int:
        """The index of the first appearance starting at character ``char`` or after."""
        return bisect_left(self._starts, char)

    def salient(
        self, before: int, window: int, fits: Callable[[ActorRecord], float], earlier_sentences: bool = False
    ) -> list[tuple[float, str]]:
        """The actors appearing before character ``before`` within ``window`` sentences (in earlier
        sentences only, if ``earlier_sentences``), each scored by salience times ``fits`` (0: ruled
        out), best first."""
        here = self.sentence(before)
        scores: dict[str, float] = {}
        latest: dict[str, int] = {}
        for appearance in self._appearances[self._from_sentence(here - window) : self._before(before)]:
            distance = here - appearance.sentence
            if distance > window or (earlier_sentences and distance == 0):
                continue
            record = self.actor(appearance.actor_id)
            factor = fits(record) if record is not None else 0.0
            if factor <= 0:
                continue
            score = appearance.weight * factor * _DECAY**distance
            scores[appearance.actor_id] = scores.get(appearance.actor_id, 0.0) + score
            latest[appearance.actor_id] = appearance.start
        ranked = sorted(scores, key=lambda actor_id: (scores[actor_id], latest[actor_id]), reverse=True)
        return [(scores[actor_id], actor_id) for actor_id in ranked]

    def latest(self, before: int, window: int, fits: Callable[[ActorRecord], float]) -> str | None:
        """The actor fitting ``fits`` that appeared last before ``before``, within ``window``
        sentences."""
        here = self.sentence(before)
        for index in range(self._before(before) - 1, self._from_sentence(here - window) - 1, -1):
            appearance = self._appearances[index]
            record = self.actor(appearance.actor_id)
            if here - appearance.sentence <= window and record is not None and fits(record) > 0:
                return appearance.actor_id
        return None

    def last_named(self, before: int, window: int, fits: Callable[[ActorRecord], float], count: int) -> list[str]:
        """The last ``count`` different actors fitting ``fits`` named before ``before`` within
        ``window`` sentences, in the order they were first named: the members of "both sides"."""
        here = self.sentence(before)
        order: list[str] = []
        for appearance in self._appearances[self._from_sentence(here - window) : self._before(before)]:
            record = self.actor(appearance.actor_id)
            if here - appearance.sentence > window or record is None or fits(record) <= 0:
                continue
            if appearance.actor_id in order:
                order.remove(appearance.actor_id)
            order.append(appearance.actor_id)
        members = set(order[-count:])
        first_named = [appearance.actor_id for appearance in self._appearances if appearance.actor_id in members]
        return list(dict.fromkeys(first_named))

    def next_after(self, after: int, window: int, fits: Callable[[ActorRecord], float]) -> str | None:
        """The first actor fitting ``fits`` that appears after character ``after``, within
        ``window`` sentences."""
        here = self.sentence(after)
        for appearance in self._appearances[bisect_right(self._starts, after) :]:
            if appearance.sentence - here > window:
                return None
            record = self.actor(appearance.actor_id)
            if record is not None and fits(record) > 0:
                return appearance.actor_id
        return None

    def sentences_since(self, actor_id: str, start: int, end: int, never: int = 5) -> int:
        """How many sentences back from the words at ``start..end`` ``actor_id`` last appeared (0
        when an appearance starts within them), or ``never`` when it did not appear before."""
        here = self.sentence(start)
        for index in range(self._before(end) - 1, self._from_sentence(here - never) - 1, -1):
            appearance = self._appearances[index]
            if appearance.actor_id == actor_id:
                return min(max(here - appearance.sentence, 0), never) if appearance.start < start else 0
        return never

    def rivals(self, actor_id: str, at: int) -> int:
        """How many actors other than ``actor_id``, of its sort (people for a person, bodies and
        states for the rest), appear in the sentence at ``at`` and the one before: the other
        speakers a reader could take the quotation for."""
        record = self.actor(actor_id)
        person = record is not None and record.type == "person"
        here = self.sentence(at)
        others = set()
        for appearance in self._appearances[self._from_sentence(here - 1) : self._from_sentence(here + 1)]:
            other = self.actor(appearance.actor_id)
            if appearance.actor_id != actor_id and other is not None and (other.type == "person") == person:
                others.add(appearance.actor_id)
        return len(others)

    def subject_before(self, at: int) -> str | None:
        """The subject of the sentence before the one at ``at``, in the same paragraph: the actor
        a quotation standing alone after it is most likely from."""
        here, paragraph = self.sentence(at), self.paragraph(at)
        for appearance in self._appearances[self._from_sentence(here - 1) : self._before(at)]:
            if (
                appearance.sentence == here - 1 and appearance.subject and not appearance.possessor
                and self.paragraph(appearance.start) == paragraph
            ):
                return appearance.actor_id
        return None

    def country_in_sight(self, at: int) -> str | None:
        """The country of the actor named nearest before ``at`` in its sentence or the one before,
        whatever its kind ("Kim Jong Un oversaw the test, state media said": North Korea)."""
        here = self.sentence(at)
        found = None
        for appearance in self._appearances[self._from_sentence(here - 1) : self._before(at)]:
            record = self.actor(appearance.actor_id)
            if here - appearance.sentence <= 1 and record is not None and record.country:
                found = record.country
        return found

    def main_country(self) -> str | None:
        """The country of the most appearances of countries and their state bodies, if one leads."""
        counts: Counter[str] = Counter()
        for appearance in self._appearances:
            record = self.actor(appearance.actor_id)
            if record is not None and record.country and (record.type == "country" or record.id.startswith("sector:")):
                counts[record.country] += 1
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


class _Stretches:
    """Stretches of characters (the mentions), asked which overlap a span without reading them all."""

    def __init__(self, stretches: Iterable[tuple[int, int]]) -> None:
        self._stretches = sorted(stretches)
        self._starts = [start for start, _ in self._stretches]
        self._longest = max((end - start for start, end in self._stretches), default=0)

    def overlap(self, start: int, end: int) -> bool:
        """Whether a stretch overlaps ``start..end`` (shares a character with it)."""
        first = bisect_right(self._starts, start - self._longest)
        return any(stop > start for _, stop in self._stretches[first : bisect_left(self._starts, end)])


def _clause_role(token: Token) -> tuple[bool, bool, bool]:
    """Whether the phrase of ``token`` is a subject, a speaker (the subject of a speech verb, the
    source of "according to") and a possessor."""
    possessor = token.dep_ == "poss"
    while token.dep_ in _NP_DEPS and token.head.i != token.i and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
    head = token.head
    if token.dep_ in _SUBJECT_DEPS:
        return True, cue_lemma(head) is not None, possessor
    if token.dep_ == "pobj" and head.dep_ == "agent":
        return True, cue_lemma(head.head) is not None, possessor
    if token.dep_ == "pobj" and head.lower_ == "to" and is_according_to(head.head):
        return False, True, possessor
    return False, False, possessor


def _persons_name(head: Token) -> Span | None:
    """The person's name a subject ``head`` ends, when its words can only be one: a title of
    address and a name ("Dr Okonkwo", "Mrs. Diallo"), or two or three capitalised words with no
    organisation's word, acronym or place in them ("Lindiwe Dlamini")."""
    doc = head.doc
    first = head.i
    while first - 1 >= head.left_edge.i and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
        first -= 1
    titled = doc[first].lower_.rstrip(".") in _ADDRESS and first < head.i
    start = first + 1 if titled else first
    words = doc[start : head.i + 1]
    if any(not token.text[:1].isupper() or token.text.isupper() for token in words):
        return None
    if any(token.ent_type_ in {"GPE", "NORP", "LOC", "FAC"} for token in words):
        return None
    if {token.lower_ for token in words} & (ORGANISATION_HEADS | MEDIA_WORDS | PERSON_NOUNS):
        return None
    if titled:
        return words
    return words if 2 <= len(words) <= 3 else None


def _describing_words(name: Span) -> set[str]:
    """The words of the title before a name and of its apposition: "former President Jair
    Bolsonaro", "Dmytro Lubinets, Ukraine's human rights commissioner"."""
    doc = name.doc
    root = name.root
    words: set[str] = set()
    for token in doc[root.left_edge.i : name.start]:
        if token.pos_ in {"NOUN", "PROPN", "ADJ"}:
            words.add(token.lemma_.lower())
    for child in root.children:
        if child.dep_ == "appos":
            words.update(token.lemma_.lower() for token in child.subtree if token.pos_ in {"NOUN", "ADJ", "PROPN"})
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        owner = root.head
        words.update(token.lemma_.lower() for token in doc[owner.left_edge.i : owner.i + 1] if token.pos_ in {"NOUN", "ADJ"})
    return words
