"""The arguments of an event: which actors the words around a trigger name.

:class:`Arguments` reads the source and target of a trigger from the parse and asks an
:class:`~newsgraph.actors.reading.ActorLookup` which actor each phrase names. It follows
coordination ("Moscow and Pyongyang", "Hungarian and Romanian officials"), pronouns and relative
pronouns back to their antecedents, and, for a phrase that names no actor, whose thing it is
("an Indian proposal", "calls by Belarus's rulers", "US drone attacks").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.phrases import load_actor_nouns
from newsgraph.actors.reading import ActorLookup
from newsgraph.actors.records import ActorRef
from newsgraph.events.syntax import (
    RELATIVES,
    clauses,
    content_head,
    coordinated,
    dative,
    direct_object,
    is_nounish,
    is_pronoun,
    lemma,
    owners,
    phrase_span,
    prep_objects,
    subject,
)
from newsgraph.events.triggers import Predicate

__all__ = ["OBJECT_CONTROL", "PATIENT_NOUNS", "Arguments"]

OBJECT_CONTROL = frozenset({
    "urge", "ask", "order", "tell", "allow", "permit", "force", "persuade", "invite", "encourage", "call",
    "help", "enable", "press", "require", "instruct", "authorize", "authorise", "compel", "push", "lead",
    "want", "expect", "warn", "implore", "beg", "let", "get", "appeal", "command", "direct", "advise",
})
"""Verbs whose object, not subject, does what their infinitive says ("urged Iran to stop")."""


_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
# How far up the parse an event noun looks for the subject of its clause ("Ukraine and Russia
# started a new exchange, following the agreement reached at the second round of talks").
_CLAUSE_REACH = 8
PATIENT_NOUNS = frozenset({
    "arrest", "detention", "release", "killing", "murder", "assassination", "execution", "abduction",
    "kidnapping", "expulsion", "deportation", "capture", "imprisonment", "extradition", "dismissal", "ouster",
    "removal", "conviction", "sentencing", "indictment", "prosecution", "trial", "return", "rescue",
})
"""Event nouns whose possessor is who it is done to, not who does it: "Vagifgizi's arrest",
"Navalny's release", "the general's killing"."""

# Material events, done where they happen: the place of their object may say whom they hit.
_ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT"})
# Conflictual types whose target may be the party they answer ("fired after X crossed").
_RESPONSES = frozenset({"MOBILIZE", "ASSAULT", "COERCE"})
_RESPONSE_MARKS = frozenset({"after", "when", "as", "because"})
_MEANS_PREPOSITIONS = frozenset({"with", "through", "via"})
_SCENE_PREPOSITIONS = ("in", "near", "inside", "outside")
_RECEIVING = frozenset({"draw", "attract", "receive", "face", "earn", "incur", "suffer"})


class Arguments:
    """The actors around the triggers of one parsed document, cached per phrase head."""

    def __init__(self, doc: Doc, lookup: ActorLookup, voices: Sequence[tuple[int, int, ActorRef]] = ()) -> None:
        self._doc = doc
        # spaCy rebuilds Doc.ents each time it is read: read it once, by first token.
        self._entity_starting = {entity.start: entity for entity in doc.ents}
        self._lookup = lookup
        self._voices = sorted(voices, key=lambda voice: voice[0])
        self._datelines: dict[int, int] = {}
        self._heads: dict[int, list[ActorRef]] = {}
        self._actor_nouns = load_actor_nouns()
        self._sentence_countries: dict[int, str | None] = {}

    def actors(self, token: Token | None, resolve: bool = True) -> list[ActorRef]:
        """The actors named by the phrase ``token`` heads, with those coordinated with it."""
        if token is None:
            return []
        token = content_head(token)
        if self._in_dateline(token):
            return []  # "Tel Aviv, Israel — Iran launched ...": where it was written, not who acted
        if token.lower_ in _FIRST_PERSON:
            # "We condemn the arrests," said the envoy: inside a quotation, the speaker's side.
            voice = self._voice_at(token.idx)
            if voice is not None:
                return [voice]
        if is_pronoun(token) or (token.lower_ in RELATIVES and token.tag_ in ("WP", "WDT")):
            if not resolve:
                return []
            antecedent = self._antecedent(token)
            return self.actors(antecedent, resolve=False) if antecedent is not None else []
        found: list[ActorRef] = []
        for head in coordinated(token):
            for ref in self._head_actors(head, resolve):
                if ref not in found:
                    found.append(ref)
        return found

    def _in_dateline(self, token: Token) -> bool:
        """Whether ``token`` is part of a dateline opening its sentence: place names up to a dash,
        colon or bar ("MOGADISHU, Somalia:", "Vienna, Austria | Reuters |")."""
        sentence = token.sent
        if sentence.start not in self._datelines:
            self._datelines[sentence.start] = _dateline_end(sentence)
        return token.i < self._datelines[sentence.start]

    def _voice_at(self, offset: int) -> ActorRef | None:
        """The speaker of the quotation holding the character at ``offset``, if any."""
        for start, end, speaker in self._voices:
            if start > offset:
                break
            if offset < end:
                return speaker
        return None

    def _head_actors(self, head: Token, resolve: bool) -> list[ActorRef]:
        if head.i in self._heads:
            return self._heads[head.i]
        found = self._split_modifiers(head)
        if not found:
            start, end = phrase_span(head)
            ref = self._lookup.actor_for(start, end)
            found = [ref] if ref is not None else []
        if not found or found[0].id is None:
            for apposition in (child for child in head.children if child.dep_ == "appos"):
                start, end = phrase_span(apposition)
                ref = self._lookup.actor_for(start, end)
                if ref is not None and ref.id is not None:
                    found = [self._with_sector(ref, found[0].code if found else None)]
                    break
        if (not found or found[0].id is None) and resolve and (found or lemma(head) in self._actor_nouns):
            # "its troops", "their countries": the possessor's actors, with the head's sector.
            possessor = next((c for c in head.children if c.dep_ == "poss" and is_pronoun(c)), None)
            if possessor is not None:
                sector = found[0].code if found else None
                found = [self._with_sector(ref, sector) for ref in self.actors(possessor)] or found
        self._heads[head.i] = found
        return found

    def _with_sector(self, ref: ActorRef, sector: str | None) -> ActorRef:
        """A country's actor with the sector of the phrase that names it ("its troops")."""
        if sector and len(sector) == 3 and ref.country and ref.code == ref.country:
            return self._lookup.sector_actor(ref.country, sector)
        return ref

    def _split_modifiers(self, head: Token) -> list[ActorRef]:
        """"Hungarian and Romanian officials": one actor per coordinated modifier, each with the
        sector of the head noun."""
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod"):
                continue
            group = [child, *(other for other in child.conjuncts)]
            if len(group) < 2:
                continue
            sector_ref = self._lookup.actor_for(head.idx, head.idx + len(head.text))
            sector = sector_ref.code if sector_ref is not None and sector_ref.id is None else None
            found = []
            for modifier in group:
                ref = self._lookup.actor_for(*phrase_span(modifier))
                if ref is not None and ref.id is not None:
                    found.append(self._with_sector(ref, sector))
            if len(found) >= 2:
                return found
        return []

    def clause_subjects(self, noun: Token) -> list[ActorRef]:
        """The actors the subject of the clause holding ``noun`` names: "Ukraine and Russia have
        started [a new exchange]", "[the agreement] reached by Kyiv and Moscow" (its agent)."""
        node = noun
        for _ in range(_CLAUSE_REACH):
            head = node.head
            if head.i == node.i:
                return []
            if head.pos_ in ("VERB", "AUX"):
                agent = next((c for c in head.children if c.dep_ == "agent"), None)
                if agent is not None:
                    return [ref for pobj in agent.children if pobj.dep_ == "pobj" for ref in self.actors(pobj)]
                doer = subject(head, OBJECT_CONTROL)
                if doer is not None:
                    return self.actors(doer)
            node = head
        return []

    def _antecedent(self, pronoun: Token) -> Token | None:
        """The noun a pronoun stands for: the subject of a governing clause ("Hungary said it will"),
        else the nearest actor named before it in the sentence."""
        for ancestor in pronoun.ancestors:
            for child in ancestor.children:
                if (
                    child.dep_ in ("nsubj", "nsubjpass")
                    and child.i != pronoun.i
                    and child.i < pronoun.i
                    and not is_pronoun(child)
                    and child.lower_ not in RELATIVES
                ):
                    return child
        sentence = pronoun.sent
        for index in range(pronoun.i - 1, sentence.start - 1, -1):
            token = self._doc[index]
            if is_nounish(token) and not is_pronoun(token) and self.actors(token, resolve=False):
                return token
        return _fronted_owner(pronoun)

    def is_actor(self, token: Token) -> bool:
        """Whether ``token`` itself names an actor, with its name-like modifiers ("the Cambodian
        defence minister") but not what follows it ("the deal signed in Colombia" is no actor)."""
        token = content_head(token)
        if is_pronoun(token):
            return True
        left = [child for child in token.children if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < token.i]
        first = min([token, *(node for child in left for node in child.subtree)], key=lambda node: node.i)
        return self._lookup.actor_for(first.idx, token.idx + len(token.text)) is not None

    def owner_actors(
        self, token: Token, depth: int = 2, exclude: Sequence[ActorRef] = (), places: bool = True
    ) -> list[ActorRef]:
        """The actors a non-actor noun belongs to: "an Indian proposal", "calls by Belarus's
        rulers", "an extension of the mandate of the force in Lebanon" (two levels down). Owners
        in ``exclude`` (the event's own sources: "his commitment to the people") are passed over;
        with ``places`` false, where the thing is ("a bomb in Lebanon") is not taken for whose."""
        head = content_head(token)
        for owner in owners(head, places):
            found = [ref for ref in self.actors(owner) if ref not in exclude]
            if found:
                return found
        if depth > 1:
            for owner in owners(head, places):
                if owner.dep_ == "pobj":
                    found = self.owner_actors(owner, depth - 1, exclude, places)
                    if found:
                        return found
        return []

    def slot(self, predicate: Predicate, slot: str, exclude: Sequence[ActorRef] = ()) -> list[ActorRef]:
        trigger = predicate.trigger
        bases = [trigger, predicate.head] if predicate.kind == "light" else [trigger]
        if trigger.dep_ == "compound" and trigger.head.i != trigger.i:
            bases.append(trigger.head)
        if slot in ("obj", "obj_actor"):
            if predicate.kind in ("noun", "light"):
                return []
            obj = direct_object(trigger)
            if obj is None:
                return []
            return self.actors(obj) or (self.owner_actors(obj, exclude=exclude) if slot == "obj" else [])
        if slot == "dative":
            return self.actors(dative(trigger))
        if slot.startswith("prep:"):
            # Where a thing is says whose it is only for what is done on the ground ("strikes on
            # targets in Kharkiv"), not for what is said ("support for the war in Ukraine").
            places = predicate.pattern.type in _ON_THE_GROUND
            obj = direct_object(trigger) if predicate.kind in ("verb", "adj") else None
            if obj is not None:
                # "supplied missiles and containers of munitions to Russia": the recipient may hang
                # anywhere in the object phrase.
                bases = bases + [node for node in obj.subtree if node.pos_ in ("NOUN", "PROPN", "NUM") and node.dep_ != "relcl"]
            for base in bases:
                for node in prep_objects(base, slot[5:]):
                    found = self.actors(node) or self.owner_actors(node, exclude=exclude, places=places)
                    if found:
                        return found
            return []
        if slot == "clause_subject":
            for clause in clauses(trigger):
                said = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                found = self.actors(said)
                if found:
                    return found
            return []
        if slot == "purpose":
            for base in bases:
                purposes = clauses(base) + [c for c in base.children if c.dep_ == "advcl"]
                for clause in purposes:
                    obj = direct_object(clause)
                    found = (self.actors(obj) or self.owner_actors(obj, exclude=exclude)) if obj is not None else []
                    if found:
                        return found
        return []

    def sources(self, predicate: Predicate) -> list[ActorRef]:
        if predicate.kind != "noun":
            doer = subject(predicate.head, OBJECT_CONTROL)
            if doer is None:
                return []
            # "US drone attacks killed ...": a thing's owner does what the thing does.
            return self.actors(doer) or self.owner_actors(doer, depth=1, places=False)
        noun = predicate.trigger
        found: list[ActorRef] = []
        for child in noun.children:
            if child.dep_ == "poss" and lemma(noun) not in PATIENT_NOUNS:
                found.extend(self.actors(child))
        if not found:
            found.extend(self._modifier_actors(noun))
        if not found and predicate.pattern.between == "source":
            for node in prep_objects(noun, "between"):
                found.extend(self.actors(node))
        for preposition in ("by", "from"):
            if not found:
                for node in prep_objects(noun, preposition):
                    found.extend(self.actors(node))
        if not found:
            verb = _means_verb(noun)
            if verb is not None:
                found.extend(self.actors(subject(verb, OBJECT_CONTROL)))
        if not found:
            verb = _receiving_verb(noun)
            if verb is not None:
                for node in prep_objects(verb, "from"):
                    found.extend(self.actors(node))
        return _unique(found)

    def _modifier_actors(self, noun: Token) -> list[ActorRef]:
        """Actors named in the modifiers of an event noun: "U.N. sanctions", "Kim-Putin summit"."""
        found: list[ActorRef] = []
        for child in noun.children:
            if child.dep_ not in ("compound", "amod", "nmod"):
                continue
            tokens = sorted(child.subtree, key=lambda token: token.i)
            entities = {
                i: entity for i in range(tokens[0].i, tokens[-1].i + 1) if (entity := self._entity_starting.get(i)) is not None
            }
            index = 0
            while index < len(tokens):
                token = tokens[index]
                entity = entities.get(token.i)
                if entity is not None:
                    ref = self._lookup.actor_for(entity.start_char, entity.end_char)
                    index += len(entity)
                else:
                    ref = self._lookup.actor_for(token.idx, token.idx + len(token.text)) if token.text[:1].isupper() else None
                    index += 1
                if ref is not None and ref.id is not None and ref not in found:
                    found.append(ref)
        return found

    def subject_thing(self, predicate: Predicate) -> Token | None:
        """The subject of a verb trigger when it names no actor: a weapon, an attack, a document
        ("missiles hit a mosque", "the strikes targeted", "the resolution calls on")."""
        if predicate.kind == "noun":
            return None
        doer = subject(predicate.head, OBJECT_CONTROL)
        if doer is not None and doer.pos_ == "NUM":
            # "One of the missiles hit ...": the thing is what the number counts.
            doer = next((node for node in prep_objects(doer, "of")), doer)
        if doer is None or is_pronoun(doer) or not is_nounish(doer) or self.actors(doer):
            return None
        return content_head(doer)

    def targets(self, predicate: Predicate, sources: list[ActorRef]) -> list[ActorRef]:
        if predicate.kind in ("noun", "light") and predicate.pattern.between == "target":
            nodes = prep_objects(predicate.trigger, "between") + prep_objects(predicate.head, "between")
            for node in nodes:
                found = [ref for ref in self.actors(node) if ref not in sources]
                if found:
                    return found
        if predicate.kind == "noun" and lemma(predicate.trigger) in PATIENT_NOUNS:
            # "Vagifgizi's arrest": the possessor is who was arrested.
            for child in predicate.trigger.children:
                if child.dep_ == "poss":
                    found = [ref for ref in self.actors(child) if ref not in sources]
                    if found:
                        return found
        for slot in predicate.pattern.targets:
            found = [ref for ref in self.slot(predicate, slot, sources) if ref not in sources]
            if found:
                return found
        if predicate.kind == "noun":
            verb = _means_verb(predicate.trigger)
            obj = direct_object(verb) if verb is not None else None
            if obj is not None:
                found = [ref for ref in self.actors(obj) or self.owner_actors(obj, exclude=sources) if ref not in sources]
                if found:
                    return found
        if predicate.kind == "noun":
            verb = _receiving_verb(predicate.trigger)
            doer = subject(verb) if verb is not None else None
            if doer is not None:
                found = [ref for ref in self.actors(doer) or self.owner_actors(doer, exclude=sources) if ref not in sources]
                if found:
                    return found
        if predicate.pattern.type in _RESPONSES and predicate.kind != "noun":
            return self._provoker(predicate.head, sources)
        return []

    def _provoker(self, verb: Token, sources: list[ActorRef]) -> list[ActorRef]:
        """"Troops fired warning shots after soldiers from the North crossed the border": a show
        or use of force in answer to what another party did is aimed at that party, the subject
        of the clause introduced by "after", "when" or "as", when it is of another country."""
        roots = {ref.root for ref in sources if ref.root}
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in _RESPONSE_MARKS for m in clause.children):
                continue
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            found = [ref for ref in self.actors(doer) if ref not in sources]
            if found and roots and all(ref.root and ref.root not in roots for ref in found):
                return found
        return []

    def scene_country(self, predicate: Predicate) -> str | None:
        """The country where the trigger says its event happened: the place after "in", "near",
        "inside" or "outside" on the trigger (or its light verb) or on its object ("blew up a
        pipeline in Colombia"), when it names one country."""
        countries = {ref.country for ref in self.scene(predicate) if ref.country}
        return countries.pop() if len(countries) == 1 else None

    def scene(self, predicate: Predicate, into: bool = False) -> list[ActorRef]:
        """The places the trigger says its event happened at (as the actors they stand for); with
        ``into``, also where it was aimed ("fired missiles into Pakistan")."""
        heads = [predicate.trigger, predicate.head]
        obj = direct_object(predicate.head) if predicate.kind in ("verb", "adj") else None
        if obj is not None:
            heads.append(content_head(obj))
        main = predicate.head.head
        if predicate.head.dep_ == "advcl" and predicate.head.tag_ == "VBG" and main.pos_ == "VERB":
            # "hit a mosque in Bahawalpur, killing three civilians": the killing was there too.
            heads.append(main)
            main_object = direct_object(main)
            if main_object is not None:
                heads.append(content_head(main_object))
        if obj is not None:
            if into:
                # "fired a series of missiles into Pakistan": the aim may hang deep in the object.
                heads.extend(node for node in obj.subtree if node.pos_ in ("NOUN", "PROPN") and node not in heads)
        prepositions = _SCENE_PREPOSITIONS + (("into", "across") if into else ())
        found: list[ActorRef] = []
        for head in heads:
            for preposition in prepositions:
                for node in prep_objects(head, preposition):
                    for place in (node, *prep_objects(node, "of")):
                        if place.ent_type_ in ("GPE", "LOC"):
                            named = self.actors(place)
                        else:
                            named = self._controller(place)
                        found.extend(ref for ref in named if ref.country and ref not in found)
        return found

    def _controller(self, place: Token) -> list[ActorRef]:
        """The country a place is said to be held by: "Pakistani-controlled territory",
        "Russian-occupied Crimea", "Pakistan-administered Kashmir"."""
        for child in place.children:
            if child.dep_ == "amod" and lemma(child) in _CONTROLLED:
                for word in child.children:
                    if word.dep_ in ("npadvmod", "compound", "amod") and word.ent_type_ in ("GPE", "NORP"):
                        return self.actors(word)
        return []

    def sole_country(self, sentence: Span) -> str | None:
        """The one country the sentence names, or None when it names none or several."""
        if sentence.start in self._sentence_countries:
            return self._sentence_countries[sentence.start]
        countries = set()
        # The sentence's entities through the index by first token: Span.ents reads the whole doc.
        for i in range(sentence.start, sentence.end):
            entity = self._entity_starting.get(i)
            if entity is not None and entity.end <= sentence.end and entity.label_ in ("GPE", "NORP", "LOC", "ORG"):
                ref = self._lookup.actor_for(entity.start_char, entity.end_char)
                if ref is not None and ref.country:
                    countries.add(ref.country)
        found = countries.pop() if len(countries) == 1 else None
        self._sentence_countries[sentence.start] = found
        return found


# Participles that say who holds a place ("Pakistani-controlled territory").
_CONTROLLED = frozenset({"control", "administer", "hold", "occupy", "run", "govern"})
def _fronted_owner(pronoun: Token) -> Token | None:
    """"After its invasion of Ukraine, Russia sought ...": a possessive in a phrase put before
    the clause names the clause's subject, which comes after it."""
    if pronoun.lower_ not in ("its", "their", "his", "her"):
        return None
    for ancestor in pronoun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            subject = next((child for child in ancestor.children if child.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and pronoun.i < subject.i < ancestor.i and not is_pronoun(subject):
                return subject
            return None
    return None


_DATELINE_MARKS = frozenset({"—", "–", ":", "|", "-", "--"})
_DATELINE_REACH = 8


def _dateline_end(sentence: Span) -> int:
    """The index of the first token after a dateline opening ``sentence`` (its start when there is
    none): up to eight proper nouns and commas naming a place, then a dash, colon or bar."""
    seen_place = False
    for token in sentence[:_DATELINE_REACH]:
        if token.text in _DATELINE_MARKS:
            return token.i + 1 if seen_place and token.i > sentence.start else sentence.start
        if token.ent_type_ in ("GPE", "LOC"):
            seen_place = True
        if not (token.pos_ == "PROPN" or token.text == "," or token.is_space or token.ent_type_ in ("GPE", "LOC", "ORG")):
            return sentence.start
    return sentence.start


def _means_verb(noun: Token) -> Token | None:
    """The verb an event noun is the means of: "ended the monitoring with a veto", "responded
    with air strikes". Its subject did the noun's event."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in _MEANS_PREPOSITIONS or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if verb.dep_ == "dobj" and verb.head.pos_ in ("VERB", "AUX"):
        # The parser often hangs the means on the object: "ended [the inquiry with a veto]".
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != preposition.i else None


def _receiving_verb(noun: Token) -> Token | None:
    """The verb whose subject an event noun is aimed at: "the plan drew condemnation from Egypt",
    "Israel faces sanctions". Who does the event is after "from"."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in _RECEIVING:
        return None
    return verb


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    found: list[ActorRef] = []
    for ref in refs:
        if ref not in found:
            found.append(ref)
    return found
