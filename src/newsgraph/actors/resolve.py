"""Resolving the actors of one document: :func:`resolve_actors`.

The steps, each in its own module:

1. names the knowledge base knows, longest first (:mod:`newsgraph.actors.mentions`);
2. people the base does not know, from the entity recogniser's PERSON names, and what their
   appositions and titles say (:mod:`newsgraph.actors.context`);
3. a country's sectors: "a U.S. State Department spokesperson", "Russian state media"
   (:mod:`newsgraph.actors.sectors`); organisations named as someone's affiliation or with an
   organisation's head word ("Center", "Institute", "Agency");
4. the definite descriptions ("the secretary", "its top diplomat", "the agency") and the pronouns
   ("he", "she", "they" as a speaker) that coreference must resolve;
5. one pass over all of these in text order (:mod:`newsgraph.actors.coreference`), which
   resolves each and gives every actor its mentions.

Everything is linear in the length of the text: each step reads the tokens once, and pronouns
look back a few sentences only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.context import (
    ROLE_SECTORS,
    Description,
    describe,
    organisation_name,
    person_name,
    titled_as_person,
)
from newsgraph.actors.coreference import (
    DESCRIPTION_HEADS,
    OFFICE_HEADS,
    ActorState,
    DescriptionRef,
    Discourse,
    PronounRef,
    Salience,
    SurnameRef,
    resolve_description,
    resolve_pronoun,
    resolve_surname,
)
from newsgraph.actors._names import same_given_names
from newsgraph.actors.kb_records import Candidate
from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.actors.mentions import NameMatch, find_names
from newsgraph.actors.records import NON_STATE_ROOTS, ActorRecord, DocumentActors, MentionHow, MentionRecord, slug_id
from newsgraph.actors.sectors import (
    SECTOR_TYPES,
    CountryWord,
    SectorPhrase,
    country_words_of,
    find_sector_phrases,
    head_sector,
    phrase_start,
    sector_id,
    sector_name,
)
from newsgraph.nlp import doc_text, doc_tokens
from newsgraph.quotes.cues import cue_lemma
from newsgraph.quotes.marks import find_quoted_regions
from newsgraph.registry import stage_spec

__all__ = ["ACTORS_VERSION", "resolve_actors"]

ACTORS_VERSION = stage_spec("actors").name
"""The name and version of this actor resolver, stored with what it finds (declared in
:data:`newsgraph.registry.STAGES`)."""

_STATE_BODIES = {"agency", "ministry", "department", "directorate", "command", "service", "administration", "bureau"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NP_DEPS = {"appos", "compound", "conj", "flat"}
_NOT_ROLE_WORDS = {"current", "new", "incumbent", "sitting", "then", "now"}
_POSSESSIVES = {"'s", "\u2019s", "'", "\u2019"}
_SENTENCE_FALLBACK = 1
_MODIFIER_REACH = 6
_LONGEST_NAME = 3
# Lower-case words inside people's names: "Ursula von der Leyen", "Ahmed bin Ali".
_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "dos", "das", "la", "le", "al", "el", "bin", "ibn", "ben"}
# Roles that only a state gives, so a person holding one without a stated country belongs to the
# country of the text around them ("Tass quoted Deputy Foreign Minister Andrey Rudenko").
# Roles whose "to" names where someone is posted, not whom they serve.
_POSTED_ROLES = frozenset({"ambassador", "envoy", "representative", "delegate", "emissary", "observer", "mission"})
_STATE_ROLES = {
    "minister", "secretary", "ambassador", "diplomat", "envoy", "spokesperson", "spokesman", "spokeswoman",
    "official", "aide", "adviser", "advisor", "undersecretary", "premier",
}
# A titled person without a stated country belongs to the one country their sentence names
# ("President X reneged on his commitment to the Zambian people", "candidate X"), unless the title
# is one of dealing with other countries, whose holders are as often named beside a foreign one.
_ABROAD_WORDS = {"foreign", "ambassador", "envoy", "undersecretary", "diplomat", "affairs", "consul", "attache", "emissary"}
# Kinship words describe a person but are no role: "Kim's father, Kim Jong Il".
_KIN = {
    "father", "mother", "sister", "brother", "son", "daughter", "wife", "husband", "uncle", "aunt", "grandfather",
    "grandmother", "niece", "nephew", "cousin", "widow", "widower",
}
_AFFILIATION_WORDS = {"at", "with", "of", "for", "from", ",", "(", "by"}


@dataclass(frozen=True)
class _Ref:
    """A referring expression: tokens ``first..last`` and what is known of it before the pass.

    ``actor`` is set for a name that needs no coreference (the state to meet); ``lookup`` holds
    what coreference needs for the others.
    """

    first: int
    last: int
    how: MentionHow
    actor: ActorState | None = None
    lookup: SurnameRef | DescriptionRef | PronounRef | None = None
    description: Description | None = None
    end_token: int | None = None


def resolve_actors(doc: Doc, kb: KnowledgeBase, published: date | None) -> DocumentActors:
    """The actors ``doc`` mentions and every mention of them.

    ``doc`` is a clean article body parsed by :func:`newsgraph.nlp.load_nlp`; ``published`` the
    article's date (for who held an office and for codes), or None when unknown: then no office
    holder is guessed from the date, and codes are the knowledge base's usual ones.
    """
    return _Resolver(doc, kb, published).run()


class _Resolver:
    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None) -> None:
        self.doc = doc
        self.tokens = doc_tokens(doc)
        self.text = doc_text(doc)
        self.kb = kb
        self.published = published
        self.discourse = Discourse(kb, published)
        self.sentence_of = [0] * len(doc)
        for number, sentence in enumerate(doc.sents):
            for index in range(sentence.start, sentence.end):
                self.sentence_of[index] = number
        self.quoted = self._quoted_tokens()
        self.token_actor: dict[int, str] = {}
        self.mentions: list[MentionRecord] = []
        self.country_words: dict[int, CountryWord] = {}
        self.country_names: set[int] = set()
        self.organisations: dict[int, str] = {}
        self.everyone: list[str] = []
        # People named in full somewhere in the document, by id, for references met before the name.
        self.named_later: dict[str, ActorState] = {}

    # -- the steps ------------------------------------------------------------------------

    def run(self) -> DocumentActors:
        names = find_names(self.doc, self.kb)
        people, lone = self._people(names)
        in_people = {i for first, last in people for i in range(first, last + 1)}
        names = [m for m in names if not (m.actor_id is None and m.first in in_people)]
        country_words = self.country_words = country_words_of(names, self.kb)
        self.organisations = {
            i: m.actor_id
            for m in names
            if m.actor_id is not None and self.kb.actor(m.actor_id).type in {"igo", "ngo", "organization"}
            for i in range(m.first, m.last + 1)
        }
        self.country_names = {
            i
            for m in names
            if m.actor_id is not None and m.how in {"name", "alias", "demonym"} and self.kb.actor(m.actor_id).type == "country"
            for i in range(m.first, m.last + 1)
        }
        self.discourse.document_countries = {
            str(self.kb.actor(m.actor_id).country)
            for m in names
            if m.actor_id is not None and self.kb.actor(m.actor_id).type == "country"
        }
        lone += self._known_surnames(names, people, lone)
        person_tokens = {
            i for m in names if m.actor_id is None or self.kb.actor(m.actor_id).type == "person"
            for i in range(m.first, m.last + 1)
        }
        person_tokens.update(i for a, b in people for i in range(a, b + 1))
        person_tokens.update(lone)
        taken = {i for m in names for i in range(m.first, m.last + 1)}
        sectors = find_sector_phrases(self.doc, country_words, taken, person_tokens)
        refs = self._name_refs(names, sectors, country_words, person_tokens)
        refs += self._people_refs(people, lone, names, country_words, person_tokens)
        refs += [self._sector_ref(phrase) for phrase in sectors]
        covered = {i for ref in refs for i in range(ref.first, ref.last + 1)}
        refs += self._affiliation_refs(refs, covered, country_words)
        refs += self._organisation_refs(covered, country_words)
        covered = {i for ref in refs for i in range(ref.first, ref.last + 1)}
        refs += self._description_refs(covered | person_tokens, country_words, names)
        refs += self._pronoun_refs()
        refs.sort(key=lambda ref: (ref.first, -ref.last))
        self._plan_cataphora(refs)
        for ref in refs:
            self._resolve(ref)
        return self._records()

    def _quoted_tokens(self) -> list[bool]:
        """Which tokens stand inside double quotation marks."""
        regions = [region for region in find_quoted_regions(self.text) if region.double]
        starts = [region.outer_start for region in regions]
        flags = []
        for token in self.tokens:
            at = bisect_right(starts, token.idx) - 1
            flags.append(at >= 0 and regions[at].outer_start < token.idx < regions[at].outer_end)
        return flags

    def _people(self, names: list[NameMatch]) -> tuple[list[tuple[int, int]], list[int]]:
        """PERSON entities the knowledge base does not name: full names (two words or more) of
        new people, and single words (surnames) not found as a knowledge-base surname."""
        known = {i for m in names if m.actor_id is not None for i in range(m.first, m.last + 1)}
        surnames = {i for m in names if m.actor_id is None for i in range(m.first, m.last + 1)}
        people: list[tuple[int, int]] = []
        lone: list[int] = []
        for entity in self.doc.ents:
            if entity.label_ not in {"PERSON", "ORG"}:
                continue
            tokens = person_name(entity)
            if tokens is None or any(i in known for i in range(tokens[0], tokens[1] + 1)):
                continue
            if entity.label_ == "ORG" and not self._person_under_org_label(entity, tokens):
                continue
            words = self.doc[tokens[0] : tokens[1] + 1]
            if any(
                token.lower_ in {"and", "&"}
                or not (token.is_punct or token.text[:1].isupper() or token.lower_ in _PARTICLES or _hyphened(token))
                for token in words
            ):
                continue
            if tokens[1] > tokens[0]:
                people.append(tokens)
            elif tokens[0] not in surnames:
                lone.append(tokens[0])
        return people, lone

    def _person_under_org_label(self, entity: Span, tokens: tuple[int, int]) -> bool:
        """Whether an ORG entity is really a person's name: two or three proper nouns, no word of
        an organisation's name, and described as a person."""
        first, last = tokens
        size = last - first + 1
        if not 2 <= size <= _LONGEST_NAME or organisation_name(self.doc, entity) is not None:
            return False
        if any(self.tokens[i].pos_ != "PROPN" for i in range(first, last + 1)):
            return False
        return titled_as_person(self.doc, first, last)

    def _known_surnames(self, names: list[NameMatch], people: list[tuple[int, int]], lone: list[int]) -> list[int]:
        """Proper nouns the recogniser missed or mislabelled that are the surname of someone the
        document names in full ("David Maxwell ... Maxwell also said")."""
        surnames = {self.doc[last].text for _, last in people}
        for match in names:
            if match.actor_id is not None and self.kb.actor(match.actor_id).type == "person":
                surnames.update(self.kb.actor(match.actor_id).every_surname)
        taken = {i for m in names for i in range(m.first, m.last + 1)}
        taken.update(i for first, last in people for i in range(first, last + 1))
        taken.update(lone)
        return [
            token.i
            for token in self.tokens
            if token.pos_ == "PROPN" and token.text in surnames and token.i not in taken
            and token.ent_type_ not in {"PERSON", "GPE", "NORP", "LOC", "FAC"}
        ]

    # -- referring expressions ------------------------------------------------------------

    def _name_refs(
        self,
        names: list[NameMatch],
        sectors: list[SectorPhrase],
        country_words: dict[int, CountryWord],
        person_tokens: set[int],
    ) -> list[_Ref]:
        refs = []
        phrase_at = {i: phrase for phrase in sectors for i in range(phrase.first, phrase.last + 1)}
        for match in names:
            phrase = phrase_at.get(match.first)
            if phrase is not None and match.last > phrase.last:
                phrase = None
            if match.actor_id is None:
                if phrase is not None and self.doc[match.last].head.i == phrase.last:
                    continue  # "the Biden administration" names the government, not Biden
                refs.append(self._surname_ref(match.first, match.last, match.surname_of, country_words, person_tokens))
                continue
            actor = self.kb.actor(match.actor_id)
            state = self._kb_state(match.actor_id)
            if match.sector is not None and not match.place:
                state = self._sector_state(str(actor.country), match.sector)
            if phrase is not None and state.id == phrase.actor_id:
                continue
            how = _kb_how(match)
            description = None
            if actor.type == "person":
                description = describe(self.doc, match.first, match.last, country_words, person_tokens.__contains__)
            refs.append(_Ref(match.first, match.last, how, actor=state, description=description))
        return refs

    def _surname_ref(
        self,
        first: int,
        last: int,
        people: tuple[str, ...],
        country_words: dict[int, CountryWord],
        person_tokens: set[int],
    ) -> _Ref:
        description = describe(self.doc, first, last, country_words, person_tokens.__contains__)
        surname = _strip_possessive(self.doc[first : last + 1].text)
        words = description.words if description is not None else frozenset()
        lookup = SurnameRef(surname, first, people, words)
        return _Ref(first, last, "surname", lookup=lookup, description=description)

    def _people_refs(
        self,
        people: list[tuple[int, int]],
        lone: list[int],
        names: list[NameMatch],
        country_words: dict[int, CountryWord],
        person_tokens: set[int],
    ) -> list[_Ref]:
        refs = []
        for first, last in people:
            name = " ".join(_strip_possessive(self.doc[first : last + 1].text).split())
            known = self._spelt_otherwise(name)
            if known is not None:
                state = self._kb_state(known)
            else:
                state = ActorState(slug_id("person", name), name, "person", None, from_kb=False)
                state.surnames.add(name.split()[-1])
            description = describe(self.doc, first, last, country_words, person_tokens.__contains__)
            refs.append(_Ref(first, last, "name", actor=state, description=description))
        for index in lone:
            refs.append(self._surname_ref(index, index, (), country_words, person_tokens))
        return refs

    def _spelt_otherwise(self, name: str) -> str | None:
        """The knowledge-base person a full name the base does not hold spells another way: same
        surname, a given name nearly the same ("Moammar Gaddafi" for Muammar Gaddafi); None when
        no one, or more than one, fits."""
        words = name.split()
        if len(words) < 2:
            return None
        given = [word.lower() for word in words[:-1] if word.isalpha()]
        fits = {
            candidate.actor.id
            for candidate in self.kb.lookup(words[-1])
            if candidate.actor.type == "person" and candidate.how == "surname"
            and same_given_names(given, candidate.actor.name, candidate.actor.aliases)
        }
        return fits.pop() if len(fits) == 1 else None

    def _sector_ref(self, phrase: SectorPhrase) -> _Ref:
        state = self._sector_state(phrase.country, phrase.sector)
        return _Ref(phrase.first, phrase.last, "description", actor=state)

    def _organisation_refs(self, covered: set[int], country_words: dict[int, CountryWord]) -> list[_Ref]:
        refs = []
        for entity in self.doc.ents:
            if entity.label_ != "ORG":
                continue
            tokens = organisation_name(self.doc, entity)
            if tokens is None:
                continue
            first, last = tokens
            while tokens[0] > 0 and tokens[0] - 1 in self.country_names:
                tokens = (tokens[0] - 1, last)  # "Chinese Foreign Ministry" with only the ministry labelled
            while first < last and first in country_words:
                first += 1
            owned = entity.start > 0 and self.doc[entity.start - 1].lower_ in _POSSESSIVES
            if not owned and not any(i in covered for i in range(first, last + 1)):
                refs.append(self._organisation_ref(tokens[0], last, country_words))
        return refs

    def _affiliation_refs(
        self, refs: list[_Ref], covered: set[int], country_words: dict[int, CountryWord]
    ) -> list[_Ref]:
        found = []
        for ref in refs:
            span = ref.description.affiliation if ref.description is not None else None
            if span is None or any(i in covered for i in range(span[0], span[1] + 1)):
                continue
            covered.update(range(span[0], span[1] + 1))
            found.append(self._organisation_ref(span[0], span[1], country_words))
        return found

    def _organisation_ref(self, first: int, last: int, country_words: dict[int, CountryWord]) -> _Ref:
        """An organisation named at tokens ``first..last``: a knowledge-base actor, a country's
        sector ("Chinese Foreign Ministry"), or a new organisation with its country when a country's
        name, demonym or "X-based" stands before it."""
        country = None
        whole = first
        while first < last and first in self.country_names:
            country = country_words[first].country
            first += 1
        sector = head_sector(self.tokens[last])
        if country is not None and sector is not None:
            return _Ref(whole, last, "description", actor=self._sector_state(country, sector))
        if country is None:
            country = self._based_in(first, country_words)
        name = " ".join(_strip_possessive(self.doc[first : last + 1].text).split())
        known = [c for c in self.kb.lookup(name) if not c.ambiguous and c.how in {"name", "alias"}]
        known = known or self._acronym_after(last)
        if known:
            return _Ref(first, last, "name", actor=self._kb_state(known[0].actor.id))
        state = ActorState(slug_id("organization", name), name, "organization", country, from_kb=False)
        state.code = _organisation_code(name, country)
        return _Ref(first, last, "name", actor=state)

    def _acronym_after(self, last: int) -> list[Candidate]:
        """The knowledge-base organisation of an acronym in brackets right after a name the base
        does not know in that spelling: "the International Labor Office (ILO)"."""
        if last + 3 >= len(self.tokens) or self.tokens[last + 1].text != "(" or self.tokens[last + 3].text != ")":
            return []
        acronym = self.tokens[last + 2].text
        if not acronym.isupper() or len(acronym) < 2:
            return []
        return [c for c in self.kb.lookup(acronym) if not c.ambiguous and self.kb.actor(c.actor.id).type != "person"]

    def _based_in(self, first: int, country_words: dict[int, CountryWord]) -> str | None:
        """The country of a "Washington-based" or "U.S." between an organisation's name and the
        preposition introducing it ("a fellow at Washington-based think tank X")."""
        index = first - 1
        while index >= max(0, first - _MODIFIER_REACH):
            token = self.doc[index]
            if token.lower_ in _AFFILIATION_WORDS or token.is_sent_start:
                break
            if index in country_words:
                return country_words[index].country
            index -= 1
        return None

    def _description_refs(
        self, covered: set[int], country_words: dict[int, CountryWord], names: list[NameMatch]
    ) -> list[_Ref]:
        refs = []
        for head in self.tokens:
            if head.lemma_.lower() not in DESCRIPTION_HEADS:
                continue
            ref = self._definite_description(head, covered, country_words, names)
            if ref is not None:
                refs.append(ref)
        return refs

    def _definite_description(
        self, head: Token, covered: set[int], country_words: dict[int, CountryWord], names: list[NameMatch]
    ) -> _Ref | None:
        lemma = head.lemma_.lower()
        if (
            lemma not in DESCRIPTION_HEADS
            or head.pos_ not in {"NOUN", "PROPN"}
            or (head.pos_ == "PROPN" and head.ent_type_ != "")
            or head.tag_ in {"NNS", "NNPS"}
            or head.i in covered
            or self.quoted[head.i]
            or head.dep_ in {"appos", "attr", "compound"}
            or any(child.dep_ == "appos" for child in head.children)
        ):
            return None
        determiners = [child for child in head.children if child.dep_ in {"det", "poss"}]
        start = phrase_start(head)
        words = list(self.doc[start : head.i])
        bodies = {self.organisations[t.i] for t in words if t.i in self.organisations}
        if any(t.i in covered and t.i not in country_words and t.i not in self.organisations for t in words):
            return None
        if any(token.lower_ in {"former", "ex", "late"} for token in words) or len(bodies) > 1:
            return None
        country = next((country_words[t.i].country for t in reversed(words) if t.i in country_words), None)
        if bodies:
            country = bodies.pop()  # "the NATO chief", "the European Commission president"
        if any(child.lower_ == "its" for child in determiners):
            country = self._its_country(head, names)
        elif not any(child.lower_ == "the" for child in determiners) and country is None:
            return None
        role_words = [
            token.lower_
            for token in words
            if token.i not in country_words
            and token.i not in self.organisations
            and token.dep_ not in {"det", "poss", "case", "punct"}
            and token.lower_ not in _NOT_ROLE_WORDS
        ]
        end = head.i
        for child in head.rights:
            target = next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "of", "from"} and target is not None:
                if target.pos_ == "PROPN":
                    end = child.right_edge.i
                    if child.lower_ == "of":
                        role_words.extend(token.lower_ for token in self.doc[child.i : end + 1])
            break
        content = frozenset(
            token.lemma_.lower()
            for token in self.doc[start : end + 1]
            if token.pos_ in {"NOUN", "PROPN", "ADJ"}
            and token.i not in country_words
            and token.i not in self.organisations
            and token.i != head.i
            and token.lower_ not in _NOT_ROLE_WORDS
        )
        role = " ".join([*role_words, head.lower_])
        lookup = DescriptionRef(lemma, role, head.i, country, content)
        how: MentionHow = "title" if lemma in OFFICE_HEADS else "description"
        return _Ref(start, head.i, how, lookup=lookup, end_token=end)

    def _its_country(self, head: Token, names: list[NameMatch]) -> str | None:
        """The country "its" refers to: the nearest country before it in its sentence that is a
        subject, else the nearest country."""
        sentence = head.sent
        countries = [
            m
            for m in names
            if m.actor_id is not None
            and sentence.start <= m.first < head.i
            and self.kb.actor(m.actor_id).type == "country"
            and not m.place
        ]
        subjects = [m for m in countries if self._clause_role(self.doc[m.last])[0]]
        chosen = (subjects or countries)[-1:] if (subjects or countries) else []
        return self.kb.actor(str(chosen[0].actor_id)).country if chosen else None

    def _pronoun_refs(self) -> list[_Ref]:
        refs = []
        for token in self.tokens:
            if self.quoted[token.i] or token.pos_ != "PRON":
                continue
            pronoun = token.lower_
            if pronoun in {"he", "she"} or (
                pronoun == "they" and token.dep_ == "nsubj" and cue_lemma(token.head) is not None
            ):
                lookup = PronounRef(pronoun, token.i, self.sentence_of[token.i])
                refs.append(_Ref(token.i, token.i, "pronoun", lookup=lookup))
        return refs

    # -- the pass -------------------------------------------------------------------------

    def _plan_cataphora(self, refs: list[_Ref]) -> None:
        """Who the document names in full anywhere, for a surname or title met before the name."""
        for ref in refs:
            if ref.actor is not None and ref.actor.type == "person" and ref.how in {"name", "alias"}:
                if ref.actor.id in self.named_later:
                    continue  # each person once, where first named: a long article names many again
                self.everyone.append(ref.actor.id)
                self.named_later[ref.actor.id] = ref.actor
                for surname in ref.actor.surnames:
                    self.discourse.later_people.setdefault(surname, []).append(ref.actor.id)

    def _resolve(self, ref: _Ref) -> None:
        actor_id: str | None
        if ref.actor is not None:
            actor_id = self.discourse.meet(ref.actor).id
        elif isinstance(ref.lookup, SurnameRef):
            actor_id = resolve_surname(self.discourse, ref.lookup)
        elif isinstance(ref.lookup, DescriptionRef):
            actor_id = resolve_description(self.discourse, ref.lookup, self.everyone)
        elif isinstance(ref.lookup, PronounRef):
            actor_id = resolve_pronoun(self.discourse, ref.lookup)
        else:
            actor_id = None
        if actor_id is None:
            return
        state = self.discourse.state(actor_id)
        if state is None:
            later = self.named_later.get(actor_id)
            state = self.discourse.meet(later) if later is not None else self.discourse.meet(self._kb_state(actor_id))
        if isinstance(ref.lookup, SurnameRef):
            state.surname_uses += 1
        if isinstance(ref.lookup, PronounRef) and ref.lookup.pronoun in {"he", "she"} and state.gender is None:
            state.gender = "female" if ref.lookup.pronoun == "she" else "male"
        if ref.description is not None:
            self._learn(state, ref.description)
        end_token = ref.end_token if ref.end_token is not None else ref.last
        start = self.tokens[ref.first].idx
        last = self.tokens[end_token]
        end = last.idx + len(last)
        text = self.text[start:end]
        if ref.how == "surname":
            text = _strip_possessive(text)
            end = start + len(text)
        if "spokes" in text.lower():
            state.spokes = True
        self.discourse.mentioned(actor_id, ref.first)
        for index in range(ref.first, ref.last + 1):
            self.token_actor.setdefault(index, actor_id)
        self.mentions.append(MentionRecord(actor_id, start, end, text, ref.how))
        if not self.quoted[ref.first]:
            subject, speaker, possessor = self._clause_role(self.tokens[ref.last])
            sentence = self.sentence_of[ref.first]
            self.discourse.weigh(Salience(actor_id, ref.first, sentence, subject, speaker, possessor))

    def _learn(self, state: ActorState, description: Description) -> None:
        """What a description tells about a person: role, affiliation, country, gender, words."""
        if state.role is None and description.role and description.head not in _KIN:
            state.role = description.role
        if description.head:
            state.role_heads.add(description.head)
        state.words.update(description.words)
        if state.gender is None and description.gender:
            state.gender = description.gender
        if state.affiliation is None and description.affiliation is not None:
            first, last = description.affiliation
            state.affiliation = " ".join(self.doc[first : last + 1].text.split())
        if state.country is None:
            state.country = description.country or self._possessor_country(description)
        office = self._international_office(description)
        if state.country is None and office is None and description.head in _STATE_ROLES and description.affiliation is None:
            state.country = self._country_in_context(description.first)
        if state.country is None and office is None and description.head and description.head not in _KIN:
            if not _ABROAD_WORDS & set((description.role or "").split()):
                state.country = self._sole_country(description.first)
        if not state.from_kb and state.type == "person":
            state.code = office or _person_code(state.country, description)

    def _international_office(self, description: Description) -> str | None:
        """The code of the international organisation a person's title or apposition names
        ("Arab League Secretary-General", "a UN envoy"): the person acts for it, not a country."""
        if description.affiliation is not None:
            first, last = description.affiliation
        else:
            first, last = description.first, description.last
        for index in range(first, last + 1):
            body = self.organisations.get(index)
            if body is None or (description.country is not None and _posted_to(self.tokens[index])):
                continue  # "the U.S. ambassador to the UN" is posted there and acts for the U.S.
            code = self.kb.actor(body).code
            if code and code[:3] in NON_STATE_ROOTS:
                return code
        return None

    def _sole_country(self, token: int) -> str | None:
        """The one country the sentence of ``token`` names as a state ("President X reneged on his
        commitment to the Zambian people"), or None when it names none or several."""
        sentence = self.tokens[token].sent
        countries = {
            self.country_words[index].country
            for index in range(sentence.start, sentence.end)
            if index in self.country_words and index in self.country_names
        }
        return countries.pop() if len(countries) == 1 else None

    def _possessor_country(self, description: Description) -> str | None:
        """The country of the possessor of a title ("Putin's aide"), met already or not."""
        if description.possessor is None:
            return None
        owner = self.token_actor.get(description.possessor)
        owner_state = self.discourse.state(owner) if owner else None
        if owner_state is not None:
            return owner_state.country
        word = self.country_words.get(description.possessor)
        return word.country if word is not None else None

    def _country_in_context(self, token: int) -> str | None:
        """The country of the latest actor with one, in this sentence or the one before."""
        sentence = self.sentence_of[token]
        for salience in reversed(self.discourse.saliences):
            if sentence - salience.sentence > _SENTENCE_FALLBACK:
                break
            country = self.discourse.actors[salience.actor_id].country
            if country:
                return country
        return None

    def _clause_role(self, token: Token) -> tuple[bool, bool, bool]:
        """Whether the phrase of ``token`` is a subject, a speaker (the subject of a speech verb,
        the source of "according to", the one "quoted as saying") and a possessor."""
        possessor = token.dep_ == "poss"
        while token.dep_ in _NP_DEPS and token.head.i != token.i and token.head.pos_ in {"NOUN", "PROPN"}:
            token = token.head
        head = token.head
        if token.dep_ in _SUBJECT_DEPS:
            return True, cue_lemma(head) is not None, possessor
        if token.dep_ == "pobj" and head.dep_ == "agent":
            return True, cue_lemma(head.head) is not None, possessor
        if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return False, True, possessor
        if token.dep_ == "dobj" and cue_lemma(head) == "quote":
            return False, True, possessor
        return False, False, possessor

    # -- states and records ---------------------------------------------------------------

    def _kb_state(self, actor_id: str) -> ActorState:
        existing = self.discourse.state(actor_id)
        if existing is not None:
            return existing
        actor = self.kb.actor(actor_id)
        code = self.kb.code_on(actor_id, self.published) if self.published else actor.code
        state = ActorState(actor.id, actor.name, actor.type, actor.country, from_kb=True, code=code)
        state.surnames.update(actor.every_surname)
        return state

    def _sector_state(self, country: str, sector: str) -> ActorState:
        actor_id = sector_id(country, sector)
        existing = self.discourse.state(actor_id)
        if existing is not None:
            return existing
        country_actor = self.kb.actor(f"country:{country}") if f"country:{country}" in self.kb else None
        name = sector_name(country_actor, sector) if country_actor else f"{country} {sector.lower()}"
        return ActorState(actor_id, name, SECTOR_TYPES.get(sector, "government"), country, True, code=country + sector)

    def _records(self) -> DocumentActors:
        mentions = _without_nested_repeats(self.mentions)
        used = {mention.actor_id for mention in mentions}
        order = {mention.actor_id: index for index, mention in reversed(list(enumerate(mentions)))}
        records = []
        for actor_id in sorted(used, key=order.__getitem__):
            state = self.discourse.actors[actor_id]
            aliases = _aliases(state, mentions)
            records.append(
                ActorRecord(
                    id=state.id,
                    name=state.name,
                    type=state.type,
                    country=state.country,
                    code=state.code,
                    aliases=aliases,
                    role=state.role,
                    affiliation=state.affiliation,
                    from_kb=state.from_kb,
                )
            )
        return DocumentActors(records, mentions)


def _kb_how(match: NameMatch) -> MentionHow:
    if match.how == "metonym" or (match.how == "ambiguous" and match.sector is not None):
        return "metonym"
    if match.how == "demonym":
        return "demonym"
    if match.how in {"alias", "ambiguous"}:
        return "acronym" if match.acronym else "alias"
    return "acronym" if match.acronym and match.how == "name" and len(match.text) <= 6 else "name"


def _hyphened(token: Token) -> bool:
    """Whether ``token`` is the second half of a hyphenated given name ("Min-jae", "Soo-yeon")."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_


def _strip_possessive(text: str) -> str:
    for ending in sorted(_POSSESSIVES, key=len, reverse=True):
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)].rstrip()
    return text


def _posted_to(token: Token) -> bool:
    """Whether ``token`` names where an envoy is posted: "ambassador to the United Nations"."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "to":
            return ancestor.head.lemma_.lower() in _POSTED_ROLES
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _person_code(country: str | None, description: Description) -> str | None:
    """A person's CAMEO-style code from their role: a former official is an elite (``ELI``)."""
    if country is None:
        return None
    sector = ROLE_SECTORS.get(description.head or "")
    if description.former and sector in {"GOV", "MIL", "LEG"}:
        return country + "ELI"
    return country + sector if sector else country


def _organisation_code(name: str, country: str | None) -> str | None:
    """A state body's code from its name ("Defense Intelligence Agency": ``SPY``); any other
    organisation has its country's code only."""
    if country is None:
        return None
    words = set(name.lower().split())
    if not words & _STATE_BODIES:
        return country
    if "intelligence" in words:
        return country + "SPY"
    if words & {"defense", "defence", "military", "army"}:
        return country + "MIL"
    return country + "GOV"


def _without_nested_repeats(mentions: list[MentionRecord]) -> list[MentionRecord]:
    """The mentions in text order, without one inside a longer mention of the same actor."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[MentionRecord] = []
    for mention in ordered:
        if any(k.actor_id == mention.actor_id and k.start <= mention.start and mention.end <= k.end for k in kept[-4:]):
            continue
        kept.append(mention)
    return kept


def _aliases(state: ActorState, mentions: list[MentionRecord]) -> tuple[str, ...]:
    group = state.type in SECTOR_TYPES.values() and state.id.startswith("sector:")
    wanted: set[str] = {"name", "alias", "acronym", "surname", "metonym", "demonym"}
    if group:
        wanted.add("description")
    seen: list[str] = []
    for mention in _of(state.id, mentions):
        if mention.how in wanted:
            form = " ".join(mention.text.split())
            if form not in seen:
                seen.append(form)
    return tuple(seen)


def _of(actor_id: str, mentions: list[MentionRecord]) -> Iterator[MentionRecord]:
    return (mention for mention in mentions if mention.actor_id == actor_id)
