"""The event pattern dictionary as data: which words signal which events, and how to read them.

:func:`load_patterns` reads ``newsgraph/data/events/patterns.json`` (its format is described in the
README beside it) and checks it against the ontology: every pattern's type is one of the 16 PLOVER
types, its CAMEO code exists and belongs to that type, its mode is one the type defines, and every
class, frame and argument slot it names is known.

A pattern matches a word by lemma and part of speech, then by its constraints (``when``), all of
which must hold: ``obj:`` the head of the object, ``theme:`` the object or the noun after "with",
``prt:`` a particle ("blow up"), ``mod:`` a modifier of a noun trigger ("hunger strike"),
``objmod:`` a modifier of the object ("warning shots"), ``prep:`` a preposition the trigger
governs, ``prep_<p>:`` the noun after the preposition ``p``, ``any:`` any dependent, ``xcomp`` an
infinitive and ``ccomp`` a that-clause the trigger governs, ``head:`` the word the trigger hangs on (the
preposition of "on strike", the verb of "staged a strike"), ``form:`` the word as written
("strikes", the plural); ``!`` negates a constraint, ``@name`` stands for a word class and
``*`` for any word. When several patterns fit a word, the most specific wins (each constraint
counts, one naming its words more than one naming a class), then the one listed first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Literal

from newsgraph.errors import NewsgraphError
from newsgraph.events.ontology import PLOVER_TYPES, Ontology, load_ontology

__all__ = [
    "PATTERN_FRAMES",
    "SLOTS",
    "Constraint",
    "Instrument",
    "Pattern",
    "PatternBook",
    "load_patterns",
]

PatternPos = Literal["verb", "noun", "adj"]

PATTERN_FRAMES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "intent": ("intent",),
    "commit": ("intent", "threat"),
    "threat": ("threat",),
    "demand": ("demand",),
    "appeal": ("appeal",),
    "refusal": ("refusal",),
    "accusation": ("accusation",),
    "prepare": (),
    "means": (),
})
"""The frames a pattern may have, with the ontology embedding tables each one uses: a frame word
("promise", "threaten", "demand") is a speech act about another action, whose type decides the
CAMEO code; ``commit`` ("vow", "pledge") is an intent for a cooperative action and a threat for a
conflictual one; ``prepare`` is a mobilisation when the prepared action is violent; ``means``
("sent investigators to investigate") gives way to the event of its purpose clause."""

SLOTS: frozenset[str] = frozenset({"obj", "theme", "prt", "mod", "objmod", "prep", "any", "xcomp", "ccomp", "head", "form"})
"""The constraint slots; ``prep_<preposition>`` is allowed besides these."""

TARGET_SLOTS: frozenset[str] = frozenset({"obj", "obj_actor", "dative", "clause_subject", "purpose"})
"""The target slots; ``prep:<preposition>`` is allowed besides these."""

_SPECIAL_CLASSES = frozenset({"actor", "person"})
_DATA = "patterns.json"


@dataclass(frozen=True)
class Constraint:
    """One condition on a trigger: ``slot`` must (or, when ``negated``, must not) hold a word among
    ``words`` or in one of ``classes``; with neither, the slot must merely be filled."""

    slot: str
    words: frozenset[str]
    classes: tuple[str, ...]
    negated: bool

    @property
    def any_word(self) -> bool:
        return not self.words and not self.classes


@dataclass(frozen=True)
class Pattern:
    """One dictionary entry: the words it matches and the event they signal.

    ``targets`` lists where to look for the target, in order; the first slot holding an actor wins.
    ``symmetric`` events between coordinated sources ("A and B met") are mutual. ``between`` says
    whether "between A and B" after a noun names the sources or the targets ("mediation between").
    ``joint`` is the (type, CAMEO code) the event takes when several sources do it together (joint
    exercises are COOPERATE, one army's exercises MOBILIZE). ``leader`` is the CAMEO code when the
    target is a leader (a killing becomes an assassination). ``material`` nouns ("support") become
    AID when a modifier names material help ("military support").
    """

    index: int
    words: tuple[str, ...]
    pos: PatternPos
    type: str
    cameo: str
    mode: str | None
    when: tuple[Constraint, ...]
    frame: str | None
    targets: tuple[str, ...]
    symmetric: bool
    between: Literal["source", "target"]
    joint: tuple[str, str] | None
    leader: str | None
    material: bool


@dataclass(frozen=True)
class Instrument:
    """A weapon word and the ASSAULT mode (and CAMEO code) it implies."""

    mode: str
    cameo: str
    words: frozenset[str]


class PatternBook:
    """The checked pattern dictionary and the word lists the coder reads events with."""

    def __init__(self, raw: Mapping[str, Any], ontology: Ontology) -> None:
        self.classes: Mapping[str, frozenset[str]] = MappingProxyType(
            {name: frozenset(words) for name, words in raw["classes"].items()}
        )
        self.patterns: tuple[Pattern, ...] = tuple(_pattern(i, entry) for i, entry in enumerate(raw["patterns"]))
        index: dict[tuple[str, str], list[Pattern]] = {}
        for pattern in self.patterns:
            for word in pattern.words:
                index.setdefault((word, pattern.pos), []).append(pattern)
        self._index = {key: tuple(sorted(found, key=lambda p: (-_specificity(p), p.index))) for key, found in index.items()}
        self.light_verbs: frozenset[str] = frozenset(raw["light_verbs"])
        self.control: Mapping[str, str] = MappingProxyType(
            {word: effect for effect, words in raw["control"].items() for word in words}
        )
        self.modals: Mapping[str, str] = MappingProxyType(
            {word: effect for effect, words in raw["modals"].items() for word in words}
        )
        self.obligation: frozenset[str] = frozenset(raw["obligation"])
        self.reporting: frozenset[str] = frozenset(raw["reporting"])
        self.denial_verbs: frozenset[str] = frozenset(raw["denial"]["verbs"])
        self.denial_objects: frozenset[str] = frozenset(raw["denial"]["objects"])
        self.status_words: Mapping[str, frozenset[str]] = MappingProxyType(
            {name: frozenset(words) for name, words in raw["status_words"].items()}
        )
        self.aid_modes: Mapping[str, str] = MappingProxyType(
            {word: mode for mode, words in raw["aid_modes"].items() for word in words}
        )
        self.instruments: tuple[Instrument, ...] = tuple(
            Instrument(mode, entry["cameo"], frozenset(entry["words"])) for mode, entry in raw["instruments"].items()
        )
        self.leader_words: frozenset[str] = frozenset(raw["leader_words"])
        problems = self._problems(ontology)
        if problems:
            raise NewsgraphError("the event pattern dictionary is inconsistent: " + "; ".join(problems[:20]))

    def patterns_for(self, lemma: str, pos: PatternPos) -> tuple[Pattern, ...]:
        """The patterns for ``lemma`` as a ``pos``, most specific first."""
        return self._index.get((lemma, pos), ())

    def in_class(self, word: str, name: str) -> bool:
        return word in self.classes.get(name, frozenset())

    def _problems(self, ontology: Ontology) -> list[str]:
        problems = []
        for pattern in self.patterns:
            where = f"pattern {pattern.index} ({pattern.words[0]})"
            if pattern.type not in PLOVER_TYPES:
                problems.append(f"{where}: unknown type {pattern.type}")
                continue
            if pattern.cameo not in ontology.codes:
                problems.append(f"{where}: unknown CAMEO code {pattern.cameo}")
            elif ontology.cameo(pattern.cameo).plover != pattern.type:
                problems.append(f"{where}: CAMEO {pattern.cameo} is {ontology.cameo(pattern.cameo).plover}, not {pattern.type}")
            if pattern.mode and not ontology.event_type(pattern.type).has_mode(pattern.mode):
                problems.append(f"{where}: {pattern.type} has no mode {pattern.mode!r}")
            if pattern.frame is not None and pattern.frame not in PATTERN_FRAMES:
                problems.append(f"{where}: unknown frame {pattern.frame}")
            for constraint in pattern.when:
                if constraint.slot not in SLOTS and not constraint.slot.startswith("prep_"):
                    problems.append(f"{where}: unknown slot {constraint.slot}")
                for name in constraint.classes:
                    if name not in self.classes and name not in _SPECIAL_CLASSES:
                        problems.append(f"{where}: unknown class @{name}")
            for slot in pattern.targets:
                if slot not in TARGET_SLOTS and not slot.startswith("prep:"):
                    problems.append(f"{where}: unknown target slot {slot}")
            if pattern.joint is not None:
                joint_type, joint_code = pattern.joint
                if joint_code not in ontology.codes or ontology.cameo(joint_code).plover != joint_type:
                    problems.append(f"{where}: joint code {joint_code} is not a {joint_type} code")
            if pattern.leader is not None and (
                pattern.leader not in ontology.codes or ontology.cameo(pattern.leader).plover != pattern.type
            ):
                problems.append(f"{where}: leader code {pattern.leader} is not a {pattern.type} code")
        for mode, _ in ((i.mode, i) for i in self.instruments):
            if not ontology.event_type("ASSAULT").has_mode(mode):
                problems.append(f"instrument mode {mode} is not an ASSAULT mode")
        for instrument in self.instruments:
            if instrument.cameo not in ontology.codes:
                problems.append(f"instrument {instrument.mode} has unknown CAMEO code {instrument.cameo}")
        for mode in set(self.aid_modes.values()) - {"diplomatic"}:
            if not ontology.event_type("AID").has_mode(mode):
                problems.append(f"aid mode {mode} is not an AID mode")
        return problems


def _specificity(pattern: Pattern) -> int:
    """How narrowly a pattern's constraints select: a list of words counts more than a class."""
    return sum(2 if constraint.words and not constraint.classes else 1 for constraint in pattern.when)


def _constraint(text: str) -> Constraint:
    negated = text.startswith("!")
    body = text[1:] if negated else text
    slot, _, values = body.partition(":")
    words: set[str] = set()
    classes: list[str] = []
    for value in filter(None, values.split("|")):
        if value == "*":
            continue
        if value.startswith("@"):
            classes.append(value[1:])
        else:
            words.add(value)
    return Constraint(slot, frozenset(words), tuple(classes), negated)


def _pattern(index: int, entry: Mapping[str, Any]) -> Pattern:
    pos = entry["pos"]
    if pos not in ("verb", "noun", "adj"):
        raise NewsgraphError(f"pattern {index}: part of speech must be verb, noun or adj, not {pos!r}")
    joint = entry.get("joint")
    default_targets = ("obj",) if pos == "verb" else ()
    return Pattern(
        index=index,
        words=tuple(entry["words"]),
        pos=pos,
        type=entry["type"],
        cameo=entry["cameo"],
        mode=entry.get("mode"),
        when=tuple(_constraint(text) for text in entry.get("when", ())),
        frame=entry.get("frame"),
        targets=tuple(entry.get("targets", default_targets)),
        symmetric=bool(entry.get("symmetric", False)),
        between="target" if entry.get("between") == "target" else "source",
        joint=(joint["type"], joint["cameo"]) if joint else None,
        leader=entry.get("leader"),
        material=bool(entry.get("material", False)),
    )


@lru_cache(maxsize=1)
def load_patterns() -> PatternBook:
    """The pattern dictionary shipped in ``newsgraph/data/events`` (read once, then cached).

    Raises :class:`NewsgraphError` when the file is missing, malformed, or contradicts the ontology.
    """
    resource = files("newsgraph") / "data" / "events" / _DATA
    try:
        raw = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsgraphError(f"cannot read the event patterns {_DATA} ({error}); reinstall newsgraph") from error
    try:
        return PatternBook(raw, load_ontology())
    except (KeyError, TypeError) as error:
        raise NewsgraphError(f"the event patterns {_DATA} are malformed: missing or wrong field {error}") from error
