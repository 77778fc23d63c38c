"""Reading the dependency parse: subjects, objects, prepositional phrases, clauses and phrases.

These helpers know spaCy's English dependency labels (ClearNLP style: ``nsubj``, ``nsubjpass``,
``dobj``, ``dative``, ``agent``, ``xcomp``, ``ccomp``...) and nothing about events. Each returns
tokens; :func:`phrase_span` turns a head token into the character span of its noun phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

__all__ = [
    "PRONOUNS",
    "RELATIVES",
    "content_head",
    "phrase_span",
    "coordinated",
    "is_passive",
    "subject",
    "direct_object",
    "dative",
    "prep_objects",
    "prep_lemmas",
    "particles",
    "clauses",
    "modifiers",
    "owners",
    "clause_chain",
    "is_nounish",
    "is_pronoun",
    "lemma",
]

PRONOUNS = frozenset({
    "it", "they", "he", "she", "we", "its", "their", "his", "her", "them", "him", "itself",
    "themselves", "our", "us", "i", "you", "one",
})
RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
# Nouns that only count or group what follows "of": the head of "a group of diplomats" is diplomats.
_PARTITIVES = frozenset({
    "group", "number", "part", "series", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
    "ten", "tens", "million", "millions", "some", "many", "most", "all", "few", "several", "majority",
    "minority", "bunch", "wave", "round", "kind", "type", "lot", "lots", "host", "batch", "set", "state",
    "delegation", "team", "band", "contingent", "member", "day", "week", "month", "year", "hour", "one",
    "two", "three", "four", "five", "score", "scores", "handful", "couple", "string", "spate", "volley", "salvo",
    "barrage", "flurry", "amount", "quantity", "range", "variety", "array", "unit", "element", "section",
    "faction", "wing", "branch", "remnant", "rest", "each", "both", "either", "none", "any", "dozens",
    "package", "program", "programme", "shipment", "batch", "consignment", "container", "supply", "supplies",
    "ton", "tonne", "kilogram", "kilo", "barrel", "litre", "liter", "gallon", "truckload", "shipload", "planeload",
    "crate", "box", "bag", "sack", "load", "cargo", "convoy", "dose", "unit", "piece", "pair", "stock", "stockpile",
})
# Dependents that leave a noun phrase: clauses, appositions, coordination and punctuation.
_OUTSIDE_PHRASE = frozenset({
    "relcl", "appos", "conj", "cc", "punct", "advcl", "ccomp", "xcomp", "parataxis", "dep", "preconj", "mark",
})
_CLAUSES = ("xcomp", "ccomp")
_COUNTERED = frozenset({"attack", "offensive", "strike", "measure", "sanction"})
_NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})


def lemma(token: Token) -> str:
    """The lower-case lemma, with a hyphenated "re-" or "counter-" dropped ("re-open" is "open",
    "counter-offensive" an offensive), and "counter" before "attack" or "offensive" written as
    one word ("counterattack")."""
    word = token.lemma_.lower()
    for prefix in ("re-", "counter-"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    if word.startswith("counter") and word[7:] in _COUNTERED:
        return word[7:]
    return word


def is_pronoun(token: Token) -> bool:
    """A personal or possessive pronoun ("it", "their"), not a name that looks like one ("US")."""
    return token.lower_ in PRONOUNS and token.pos_ == "PRON" and not token.text.isupper()


def is_nounish(token: Token) -> bool:
    return token.pos_ in _NOUNISH or token.tag_ in ("NNS", "NN", "NNP", "NNPS")


def content_head(token: Token) -> Token:
    """The noun a partitive or number stands for: "dozens of ballistic missiles" gives missiles."""
    seen = 0
    while seen < 4 and (token.lemma_.lower() in _PARTITIVES or token.pos_ == "NUM"):
        objects = [grand for child in token.children if child.dep_ == "prep" and child.lemma_ == "of" for grand in child.children if grand.dep_ == "pobj"]
        if not objects:
            break
        token = objects[0]
        seen += 1
    return token


def phrase_span(head: Token) -> tuple[int, int]:
    """The characters of the noun phrase headed by ``head``, without its relative clauses,
    appositions, coordinated nouns and clausal modifiers."""
    kept = [head]
    stack = [child for child in head.children if _inside(child)]
    while stack:
        token = stack.pop()
        kept.append(token)
        stack.extend(child for child in token.children if _inside(child))
    first = min(kept, key=lambda token: token.i)
    last = max(kept, key=lambda token: token.i)
    return first.idx, last.idx + len(last.text)


def _inside(token: Token) -> bool:
    """Whether a dependent stays in its head's noun phrase; a participle does ("a paper based in
    Beirut"), a clause with its own subject does not."""
    if token.dep_ == "acl":
        return token.tag_ in ("VBN", "VBG") and not any(child.dep_.startswith("nsubj") for child in token.children)
    return token.dep_ not in _OUTSIDE_PHRASE


def coordinated(token: Token) -> list[Token]:
    """``token`` and the nouns coordinated with it ("Moscow and Pyongyang"), in text order."""
    found = [token]
    for other in token.conjuncts:
        if is_nounish(other) or other.pos_ == "ADJ":
            found.append(other)
    return sorted(found, key=lambda item: item.i)


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _child(token: Token, *deps: str) -> Token | None:
    return next((child for child in token.children if child.dep_ in deps), None)


def subject(verb: Token, object_control: Iterable[str] = ()) -> Token | None:
    """Who does what ``verb`` (or a predicative adjective) says: its subject, the agent of a passive,
    the controller of an infinitive, the noun a relative clause hangs on, or the subject shared with
    a coordinated verb. None when the sentence does not say."""
    current = verb
    for _ in range(6):
        if is_passive(current):
            agent = _child(current, "agent")
            objects = [child for child in agent.children if child.dep_ == "pobj"] if agent is not None else []
            if objects:
                return objects[0]
            if current.i != verb.i:
                # "X is expected to visit", "X is set to hold": the passive raises its subject.
                return _child(current, "nsubjpass")
            return None
        found = _child(current, "nsubj", "csubj", "expl")
        if found is not None and found.dep_ != "expl":
            if found.lemma_.lower() in RELATIVES and current.dep_ == "relcl":
                return current.head
            return found
        if current.pos_ == "ADJ" and current.dep_ in ("acomp", "amod") and current.head.pos_ in ("AUX", "VERB"):
            current = current.head
            continue
        head = current.head
        if current.dep_ == "relcl" and head.i != current.i:
            return head
        if current.dep_ in ("xcomp", "advcl", "conj", "acomp", "pcomp", "ccomp") and head.i != current.i:
            if current.dep_ == "xcomp" and lemma(head) in object_control:
                controller = _child(head, "dobj") or _object_of_prep(head, ("on", "upon"))
                if controller is not None:
                    return controller
            if current.dep_ == "ccomp" and _child(current, "mark") is not None:
                return None
            current = head
            continue
        if current.dep_ == "acl" and head.i != current.i and current.tag_ == "VBG":
            return head
        return None
    return None


def _object_of_prep(token: Token, preps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lemma_.lower() in preps:
            pobj = _child(child, "pobj")
            if pobj is not None:
                return pobj
    return None


def direct_object(verb: Token) -> Token | None:
    """The direct object of an active verb, the subject of a passive one ("shots were fired")."""
    if is_passive(verb):
        return _child(verb, "nsubjpass")
    return _child(verb, "dobj", "obj", "attr", "oprd") or _counted_object(verb)


def _counted_object(verb: Token) -> Token | None:
    """"Kidnapped up to 16 advisers": the parser reads "up to" as a particle and a preposition;
    the counted noun after them is the object."""
    for particle in verb.children:
        if particle.dep_ in ("prt", "prep", "advmod") and particle.lower_ == "up":
            for preposition in particle.children:
                if preposition.dep_ == "prep" and preposition.lower_ == "to":
                    counted = _child(preposition, "pobj")
                    if counted is not None and (counted.pos_ == "NUM" or _child(counted, "nummod") is not None):
                        return counted
    return None


def dative(verb: Token) -> Token | None:
    return _child(verb, "dative", "iobj")


def prep_objects(token: Token, preposition: str) -> list[Token]:
    """The nouns (or clauses) after ``preposition`` when it depends on ``token``."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lemma_.lower() == preposition:
            found.extend(grand for grand in child.children if grand.dep_ in ("pobj", "pcomp"))
        elif child.dep_ == "prep" and _is_particle(child):
            # "pulled out of Kosovo": the parser hangs "of" on the particle "out".
            found.extend(prep_objects(child, preposition))
        elif child.dep_ == "prep" and preposition == "along" and child.lemma_.lower() == "along":
            found.extend(grand for grand in child.children if grand.dep_ in ("pobj", "pcomp"))
    return found


def prep_lemmas(token: Token) -> set[str]:
    return {child.lemma_.lower() for child in token.children if child.dep_ in ("prep", "agent")}


_PARTICLES = frozenset({"out", "up", "down", "off", "back", "over", "away", "in", "on", "aside"})


def _is_particle(token: Token) -> bool:
    """A preposition with no noun of its own, used as a particle ("pulled out of")."""
    return token.lower_ in _PARTICLES and not any(child.dep_ in ("pobj", "pcomp") for child in token.children)


def particles(token: Token) -> set[str]:
    """The particles of a phrasal verb ("blew up", "pulled out", "handed over")."""
    return {child.lemma_.lower() for child in token.children if child.dep_ == "prt" or (child.dep_ == "prep" and _is_particle(child))}


def clauses(token: Token) -> list[Token]:
    """The clauses ``token`` governs (infinitives and that-clauses) with the verbs coordinated
    with them, and the clauses after a preposition ("accused X of supplying")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in _CLAUSES or (child.dep_ == "acl" and token.pos_ in ("NOUN", "ADJ")):
            found.append(child)
            found.extend(other for other in child.conjuncts if other.pos_ in ("VERB", "AUX"))
        elif child.dep_ == "prep":
            found.extend(grand for grand in child.children if grand.dep_ == "pcomp")
    return found


def modifiers(token: Token) -> Iterator[Token]:
    """The adjectives and nouns that modify ``token`` ("hunger" in "hunger strike"), with the
    words coordinated with them."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod"):
            yield child
            yield from (other for other in child.conjuncts)


def owners(token: Token, places: bool = True) -> list[Token]:
    """The nouns that say whose thing ``token`` is: its possessor, noun and adjective modifiers,
    then the nouns after of, by, from, against, in, to, for, on and with. With ``places`` false,
    "in" is left out: where a thing is does not say whose it is ("a bomb in Lebanon")."""
    found = [child for child in token.children if child.dep_ == "poss"]
    found.extend(child for child in token.children if child.dep_ in ("compound", "amod", "nmod"))
    for preposition in ("of", "by", "from", "against", "in", "to", "for", "on", "with", "over"):
        if preposition == "in" and not places:
            continue
        found.extend(node for node in prep_objects(token, preposition) if node.dep_ == "pobj")
    return found


def clause_chain(token: Token) -> Iterator[Token]:
    """The verbs (and predicative adjectives) governing ``token``'s clause, nearest first: each
    step goes up through an infinitive, a that-clause, a coordination or a clause after a
    preposition. The chain stops at a relative or adverbial clause, whose status is its own."""
    current = token
    for _ in range(12):
        head = current.head
        if head.i == current.i or current.dep_ not in _CHAIN:
            return
        if current.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        if current.dep_ != "conj":
            # A coordinated verb is the head's sibling, not in its scope: "denied X but vowed Y".
            yield head
        current = head


_CHAIN = frozenset({"xcomp", "ccomp", "conj", "pcomp", "acomp", "csubj"})
