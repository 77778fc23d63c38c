"""Within-document coreference: who "Blinken", "the secretary", "the agency" and "she" are.

No coreference model installs offline, so this is built on the parse and the knowledge base, for
the cases news needs. The document is read once, left to right; a :class:`Discourse` remembers
each actor met so far (its names, surnames, titles, description words, gender) and a *salience*
for each mention, and each referring expression is resolved against what came before it:

**Surnames** ("Blinken", "Kim"). The people met so far who go by that surname (or whose name,
new to the knowledge base, starts with it, as Chinese and Korean names do: "Mao Ning"), told apart first by
an apposition ("Kim, the professor in Honolulu" is the Kim whose description shares its words),
then by how often each was already called by the surname alone (the Kim of a Kim Jong Un story is
Kim Jong Un, even after "Kim's father, Kim Jong Il"), with a small weight for a knowledge-base
person who leads a country on the day, then by recency. With nobody met yet, the knowledge base
decides when only one person has the surname, or when exactly one of them leads a country the
document mentions ("Kim" in a story about North Korea); failing that, a person named in full
later in the document.

**Titles and descriptions** ("the secretary", "the Russian leader", "its top diplomat", "the
agency", "the spokesperson", "the professor in Honolulu"). A title of office with a country (from a
demonym, a possessive country, or "its" read as the nearest country that is a subject) or an
organisation ("the NATO chief") is the person in the document whose office in the knowledge base
fits, met before or, failing that, later; else the holder of that office on the article's date
(never guessed without a date). A title without a country is the most recent person introduced
with that title ("U.S. Secretary of State Antony Blinken" ... "the secretary"), or whose
knowledge-base office has that head noun. Other descriptions go to the most recent actor whose
description has the same head noun and holds all its words; "the agency" to the most recent news
agency; "the spokesperson" to the actor of the most recent spokesperson.

**Pronouns** ("he said", "she added", and "they" as the subject of a speech verb). Candidates
are the actors mentioned in the last few sentences outside quotation marks (words inside a
quotation belong to the quoted speaker's discourse), people for "he" and "she", groups
(a country's sector, an organisation) for "they". Each mention adds to its actor's salience:
more for a subject, more again for the speaker of a speech verb, less for a possessor, halved
for every sentence back. Gender rules candidates out only on evidence: a gendered word in the
person's description ("sister", "spokeswoman") or an earlier pronoun resolved to them (the "she"
after Lami Kim's quotation makes her female for every later pronoun).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.actors._names import fold, name_key
from newsgraph.actors.kb_records import Office
from newsgraph.actors.knowledge import ROLE_NAMES, KnowledgeBase

__all__ = [
    "ActorState",
    "Salience",
    "Discourse",
    "SurnameRef",
    "DescriptionRef",
    "PronounRef",
    "resolve_surname",
    "resolve_description",
    "resolve_pronoun",
    "office_fits",
    "OFFICE_HEADS",
    "DESCRIPTION_HEADS",
]

OFFICE_HEADS = frozenset(
    "secretary minister president leader diplomat premier chancellor ambassador envoy king queen "
    "general commander chief ruler dictator".split()
)
DESCRIPTION_HEADS = OFFICE_HEADS | frozenset(
    "agency spokesperson spokesman spokeswoman professor analyst expert researcher fellow ministry "
    "administration broadcaster newspaper".split()
)
_LEADING_ROLES = {"leader": 0, "head_of_state": 1, "head_of_government": 2}
_SPOKES = ("spokesperson", "spokesman", "spokeswoman")
_GROUP_TYPES = {"government", "military", "media", "intelligence", "legislature", "police", "judiciary", "organization", "igo", "ngo"}
# Modifiers that any actor of the kind fits: "the state news agency", "the official broadcaster".
_GENERIC_WORDS = frozenset("news state state-run run official national top".split())
_PRONOUN_WINDOW = 4
_THEY_WINDOW = 2
_BASE, _SUBJECT, _SPEAKER, _POSSESSOR = 30.0, 40.0, 30.0, -10.0
_MIN_SCORE = 5.0


@dataclass
class ActorState:
    """What the document has said so far about one actor (mutable while the document is read)."""

    id: str
    name: str
    type: str
    country: str | None
    from_kb: bool
    code: str | None = None
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    surnames: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    surname_uses: int = 0
    last_token: int = -1
    spokes: bool = False


@dataclass(frozen=True)
class Salience:
    """One mention's weight for later pronouns: where it is and what it did in its clause."""

    actor_id: str
    token: int
    sentence: int
    subject: bool
    speaker: bool
    possessor: bool


@dataclass(frozen=True)
class SurnameRef:
    """A surname alone at ``token``: the text's surname, the knowledge base's people with it, and
    the words of an apposition describing it."""

    surname: str
    token: int
    kb_people: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DescriptionRef:
    """A definite description at ``token``: its head noun, its role words without the country
    ("top diplomat", "leader"), whose office it names (``country``: an alpha-3 code, or the id of
    an organisation: "the NATO chief") and its content words."""

    head: str
    role: str
    token: int
    country: str | None = None
    words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class PronounRef:
    """A personal pronoun at ``token`` in sentence ``sentence``: ``he``, ``she`` or ``they``."""

    pronoun: str
    token: int
    sentence: int


class Discourse:
    """The actors of a document met so far and the salience of their mentions."""

    def __init__(self, kb: KnowledgeBase, published: date | None) -> None:
        self.kb = kb
        self.published = published
        self.actors: dict[str, ActorState] = {}
        self.saliences: list[Salience] = []
        self.later_people: dict[str, list[str]] = {}
        self.document_countries: set[str] = set()

    def state(self, actor_id: str) -> ActorState | None:
        return self.actors.get(actor_id)

    def meet(self, state: ActorState) -> ActorState:
        """The state of ``state.id``, added if new."""
        return self.actors.setdefault(state.id, state)

    def mentioned(self, actor_id: str, token: int) -> None:
        """Note that ``actor_id`` was just mentioned at ``token``."""
        state = self.actors[actor_id]
        state.last_token = max(state.last_token, token)

    def weigh(self, salience: Salience) -> None:
        self.saliences.append(salience)

    def countries(self) -> set[str]:
        """The countries of the actors met so far and of every country the document names."""
        return {state.country for state in self.actors.values() if state.country} | self.document_countries

    def leads_a_country(self, actor_id: str) -> int | None:
        """The rank of the leading office (leader, head of state, of government) the person holds on
        the article's date (or, without a date, holds with no end), or None."""
        ranks = [
            rank
            for office in self.kb.offices_of(actor_id)
            for role in office.roles
            if (rank := _LEADING_ROLES.get(role)) is not None and self._current(office)
        ]
        return min(ranks) if ranks else None

    def _current(self, office: Office) -> bool:
        if self.published is None:
            return office.end is None
        return office.tenure_on(self.published) != "not"


def resolve_surname(discourse: Discourse, ref: SurnameRef) -> str | None:
    """The person a surname alone refers to (see the module docstring for the order)."""
    met = [state for state in discourse.actors.values() if state.type == "person" and ref.surname in state.surnames]
    if ref.words and met:
        overlap = {state.id: len(ref.words & state.words) for state in met}
        best = max(overlap.values())
        if best > 0:
            met = [state for state in met if overlap[state.id] == best]
    if met:
        return max(met, key=lambda state: _surname_score(discourse, state)).id
    # Chinese and Korean names put the family name first: "Mao said" after "Mao Ning".
    first_named = [
        state for state in discourse.actors.values()
        if state.type == "person" and not state.from_kb and state.name.split()[:1] == [ref.surname]
        and len(state.name.split()) > 1
    ]
    if first_named:
        return max(first_named, key=lambda state: state.last_token).id
    if len(ref.kb_people) == 1:
        return ref.kb_people[0]
    leaders = _leaders_in_context(discourse, ref.kb_people)
    if leaders is not None:
        return leaders
    later = discourse.later_people.get(ref.surname, [])
    return later[0] if len(set(later)) == 1 else None


def _surname_score(discourse: Discourse, state: ActorState) -> tuple[float, int]:
    leading = 0.5 if state.from_kb and discourse.leads_a_country(state.id) is not None else 0.0
    return state.surname_uses + leading, state.last_token


def _leaders_in_context(discourse: Discourse, people: tuple[str, ...]) -> str | None:
    countries = discourse.countries()
    ranked: list[tuple[int, str]] = []
    for person in people:
        rank = discourse.leads_a_country(person)
        if rank is not None and discourse.kb.actor(person).country in countries:
            ranked.append((rank, person))
    if not ranked:
        return None
    ranked.sort()
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


def office_fits(office: Office, wanted: str, head: str, published: date | None) -> bool:
    """Whether ``office`` is what the title ``wanted`` ("top diplomat", "leader", "secretary";
    ``head`` is its head noun) names, on the date when there is one.

    The office's own titles count ("secretary of state"), then the role names that hold for any
    country ("top diplomat" is a foreign minister), then, for a title of one word, the head of
    the office's title ("secretary" fits "Secretary of State" but not "Secretary General").
    """
    if published is not None and office.tenure_on(published) == "not":
        return False
    key = fold(name_key(wanted))
    titles = [fold(name_key(title)) for title in (office.title, *office.title_aliases)]
    if key in titles:
        return True
    roles = {role for role, names in ROLE_NAMES.items() if key in names or key == role.replace("_", " ")}
    if roles.intersection(office.roles):
        return True
    if " " not in key:
        return any(_title_head(title) == head for title in titles)
    return False


def _title_head(title: str) -> str:
    before_of = title.split(" of ")[0].split()
    return before_of[-1] if before_of else ""


def resolve_description(discourse: Discourse, ref: DescriptionRef, everyone: list[str]) -> str | None:
    """The actor a definite description refers to; ``everyone`` lists, in text order, the people
    the document names anywhere (for a title met before the name: "its top diplomat said ...
    Secretary of State Antony Blinken")."""
    if ref.head in OFFICE_HEADS:
        found = _office_holder(discourse, ref, everyone)
        if found is not None:
            return found
    met = [
        state
        for state in sorted(discourse.actors.values(), key=lambda state: state.last_token, reverse=True)
        if _belongs(state, ref.country) and ref.words <= state.words | _GENERIC_WORDS
    ]
    if ref.head == "agency" or ref.head in {"broadcaster", "newspaper"}:
        return next((state.id for state in met if state.type == "media" or "agency" in state.name.lower()), None)
    if ref.head in _SPOKES:
        return next((state.id for state in met if state.spokes), None)
    fitting = [state for state in met if ref.head in state.role_heads]
    if not fitting:
        return None
    return max(fitting, key=lambda state: (len(ref.words & state.words), state.last_token)).id


def _office_holder(discourse: Discourse, ref: DescriptionRef, everyone: list[str]) -> str | None:
    kb, published = discourse.kb, discourse.published
    met = sorted(
        (state for state in discourse.actors.values() if state.type == "person"),
        key=lambda state: state.last_token,
        reverse=True,
    )
    for state in met:
        if ref.head in state.role_heads and _belongs(state, ref.country):
            return state.id
        if state.from_kb and _holds(kb, state.id, ref, published):
            return state.id
    for person in everyone:
        if person in kb and _holds(kb, person, ref, published):
            return person
    if ref.country is not None and published is not None:
        holder = kb.holder(ref.country, ref.role, published)
        if holder is not None:
            return holder.id
    return None


def _belongs(state: ActorState, place: str | None) -> bool:
    """Whether an actor belongs to ``place`` (a country's code or an organisation's id), if given."""
    return place is None or state.country == place or state.id == place


def _holds(kb: KnowledgeBase, person: str, ref: DescriptionRef, published: date | None) -> bool:
    return any(
        (ref.country is None or office.jurisdiction == ref.country) and office_fits(office, ref.role, ref.head, published)
        for office in kb.offices_of(person)
    )


def resolve_pronoun(discourse: Discourse, ref: PronounRef) -> str | None:
    """The actor a pronoun refers to: the most salient compatible one (see the module docstring)."""
    window = _THEY_WINDOW if ref.pronoun == "they" else _PRONOUN_WINDOW
    scores: dict[str, float] = {}
    for salience in reversed(discourse.saliences):
        if salience.token >= ref.token:
            continue
        distance = ref.sentence - salience.sentence
        if distance > window:
            break
        state = discourse.actors[salience.actor_id]
        if not _compatible(state, ref.pronoun):
            continue
        weight = _BASE + (_SUBJECT if salience.subject else 0.0) + (_SPEAKER if salience.speaker else 0.0)
        weight += _POSSESSOR if salience.possessor else 0.0
        scores[state.id] = scores.get(state.id, 0.0) + weight * 0.5**distance
    if not scores:
        return None
    best = max(scores, key=lambda actor_id: (scores[actor_id], discourse.actors[actor_id].last_token))
    return best if scores[best] >= _MIN_SCORE else None


def _compatible(state: ActorState, pronoun: str) -> bool:
    if pronoun == "they":
        return state.type in _GROUP_TYPES
    if state.type != "person":
        return False
    wanted = "female" if pronoun == "she" else "male"
    return state.gender in (None, wanted)
