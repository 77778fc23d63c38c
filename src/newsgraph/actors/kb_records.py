"""The typed records of the actor knowledge base: actors, offices, lookup candidates, readings.

Dates in the knowledge base are ISO 8601 strings at the precision known (``2024-06-18``,
``2024-06``, ``2024``). A term of office holds from its start up to, not including, its end: the
end is the day the office passed to someone else (or the day the holder died or left).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from newsgraph.dates.partial import PartialDate

__all__ = [
    "ActorType",
    "MatchKind",
    "ReadingKind",
    "Role",
    "Tenure",
    "Actor",
    "Office",
    "Candidate",
    "Resolution",
    "earliest_day",
    "day_after_latest",
]

ActorType = Literal["country", "territory", "region", "person", "igo", "ngo", "organization", "media"]
MatchKind = Literal["name", "alias", "demonym", "metonym", "surname", "ambiguous"]
ReadingKind = Literal["actor", "person", "other", "unknown"]
Role = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "leader",
    "deputy_head_of_state",
    "igo_head",
    "org_head",
    "military_chief",
    "other",
]
Tenure = Literal["held", "possibly", "not"]


def earliest_day(value: str) -> date:
    """The first day a partial ISO date can mean: ``2024-06`` is 2024-06-01."""
    return PartialDate.from_iso(value).first_day()


def day_after_latest(value: str) -> date:
    """The day after the last day a partial ISO date can mean: ``2024-06`` gives 2024-07-01."""
    return PartialDate.from_iso(value).day_after()


@dataclass(frozen=True)
class Actor:
    """Someone or something that acts in the news: a country, a person, an organisation, an outlet.

    ``id`` is stable (``country:PRK``, ``person:antony-blinken``, ``igo:nato``, ``media:kcna``).
    ``country`` is the ISO 3166 alpha-3 code the actor belongs to, if any; ``code`` is its
    CAMEO-style actor code (``PRK``, ``USAGOV``, ``IGOWSTNAT``, ``PRKMED``). For a person the code
    is that of their latest office; :meth:`KnowledgeBase.code_on` gives the code for a date.
    ``surnames`` are the names news uses alone for a person (a family name, or the given name
    where that is the custom); a surname alone never identifies someone with certainty.
    ``later_surnames`` are surnames that name the person only once a document has named them in
    full: common or shared ones ("Singh", "Kim"), which the knowledge base never matches alone.
    """

    id: str
    name: str
    type: ActorType
    country: str | None
    code: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    parent: str | None = None
    description: str = ""
    later_surnames: tuple[str, ...] = ()

    @property
    def every_surname(self) -> tuple[str, ...]:
        """The surnames a document may use for the person once it has named them in full."""
        return self.surnames + self.later_surnames

    def to_json(self) -> dict[str, Any]:
        """The fields of the export contract's ``actor`` record."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "code": self.code,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True)
class Office:
    """One term of one person in one office.

    ``jurisdiction`` is the alpha-3 code of a country or the id of an organisation
    (``igo:nato``). ``title`` is the English title news uses (``Secretary of State``), with other
    titles of the same office in ``title_aliases``; ``roles`` say what the office is for any
    country (``foreign_minister``). ``code`` is the CAMEO-style code of the office holder while in
    it (``USAGOV``; ``RUSGOVMIL`` for a defence minister, following the CAMEO codebook).
    """

    holder: str
    jurisdiction: str
    title: str
    roles: tuple[Role, ...]
    start: str
    end: str | None = None
    title_aliases: tuple[str, ...] = ()
    sector: str | None = None
    code: str | None = None
    acting: bool = False
    note: str = ""

    def ended_by(self) -> date:
        """The first day the term is certainly over: the end day itself when known to the day
        (the successor's first day), else the day after the end's month or year."""
        if self.end is None:
            return date.max
        return earliest_day(self.end) if len(self.end) == 10 else day_after_latest(self.end)

    def tenure_on(self, day: date) -> Tenure:
        """``held`` when the term certainly covers ``day``, ``possibly`` when an imprecise start
        or end leaves it open, ``not`` otherwise."""
        if day < earliest_day(self.start) or (self.end is not None and day >= self.ended_by()):
            return "not"
        start_certain = earliest_day(self.start) if len(self.start) == 10 else day_after_latest(self.start)
        end_certain = None if self.end is None else earliest_day(self.end)
        if day >= start_certain and (end_certain is None or day < end_certain):
            return "held"
        return "possibly"


@dataclass(frozen=True)
class Candidate:
    """One actor a piece of text may refer to, and how the text matched it.

    ``how`` is ``name`` (the canonical name), ``alias``, ``demonym`` (``North Korean``),
    ``metonym`` (``Pyongyang``, ``the Pentagon``; ``sector`` says which part of the state it
    stands for), ``surname`` (a person's surname alone) or ``ambiguous`` (a reading that only
    context can confirm, such as ``the North`` for North Korea). ``code`` is the CAMEO-style code
    for this reading (``USAMIL`` for the Pentagon). When ``ambiguous`` is true the caller must
    decide from context, for instance with :meth:`KnowledgeBase.disambiguate`.
    """

    actor: Actor
    how: MatchKind
    matched: str
    ambiguous: bool
    sector: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What context says an ambiguous name means.

    ``reading`` is ``actor`` (then ``actor_id`` and, for a metonym, ``sector`` are set), ``person``
    (a person's name that the knowledge base does not hold, as in "Denzel Washington"), ``other``
    (something that is not an actor, as the bird for "turkey") or ``unknown``. ``reason`` says
    which cue decided.
    """

    reading: ReadingKind
    actor_id: str | None
    reason: str
    label: str = ""
    sector: str | None = None
