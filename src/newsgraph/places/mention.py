"""The record of one place named in an article: where it is and what part it plays in the sentence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

__all__ = ["PlaceKind", "PlaceRole", "Precision", "PLACE_KINDS", "PLACE_ROLES", "PRECISIONS", "PlaceMention"]

PlaceKind = Literal["city", "country", "region", "facility"]
PlaceRole = Literal["location", "participant", "origin/affiliation"]
Precision = Literal["facility", "city", "region", "country"]

PLACE_KINDS: tuple[PlaceKind, ...] = ("city", "country", "region", "facility")
PLACE_ROLES: tuple[PlaceRole, ...] = ("location", "participant", "origin/affiliation")
PRECISIONS: tuple[Precision, ...] = ("facility", "city", "region", "country")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text; ``start``/``end`` are character offsets into the parsed text and
    ``text`` the words there ("Pyongyang", "the Korean Peninsula", "the North Korean capital").

    ``name`` is the canonical name (the gazetteer's "Saint Petersburg" for "St. Petersburg", the
    capital's name for "the North Korean capital"); ``country`` the ISO 3166 alpha-3 code of the
    country it is in or is, when known; ``kind`` is ``city`` (a populated place of the gazetteer),
    ``country``, ``region`` (a continent, a US state, a province, a peninsula, a part of a country
    such as Russia's far east, a bloc such as the West) or ``facility`` (an airport, a palace, a
    cosmodrome, a government seat such as the Kremlin).

    ``lat``/``lon`` locate it at ``precision``: ``city`` for a city, or for a facility whose city
    the text gives (``within`` names it); ``country`` for a country (the centre of its population),
    and for a facility or region of which only the country is known; ``region`` for a continent's
    GeoNames point. They are None when not even the country is known ("the Korean Peninsula").
    ``geonameid`` is the GeoNames id of the city, country or continent, when there is one.

    ``role`` says what the place does in its sentence:

    - ``location``: where something happens or is ("met in Pyongyang", "at the airport", "the
      war in Ukraine", "will visit Vietnam", "a trip to Pyongyang", "debris found in Kharkiv");
    - ``participant``: the place stands for an actor ("Pyongyang has denied", "Washington
      warned", "accused Seoul", "support for Russia", "sanctions against North Korea",
      "Russia's war");
    - ``origin/affiliation``: the place says where a person or an organisation is from, is based
      or works, not where the reported event happens ("a Washington-based think tank", "a
      professor in Honolulu", "U.S. officials", "the embassy in Seoul", a dateline).

    ``reading_reason`` and ``role_reason`` say which rule chose the reading and the role.
    """

    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: PlaceKind
    role: PlaceRole
    precision: Precision | None = None
    geonameid: int | None = None
    within: str | None = None
    reading_reason: str = ""
    role_reason: str = ""

    def __post_init__(self) -> None:
        if self.kind not in PLACE_KINDS:
            raise ValueError(f"place kind must be one of {PLACE_KINDS}, not {self.kind!r}")
        if self.role not in PLACE_ROLES:
            raise ValueError(f"place role must be one of {PLACE_ROLES}, not {self.role!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad place span {self.start}..{self.end}")
        if (self.lat is None) != (self.lon is None) or (self.lat is None) != (self.precision is None):
            raise ValueError("lat, lon and precision are given together or not at all")

    def with_role(self, role: PlaceRole, reason: str) -> PlaceMention:
        """The same place with another role."""
        return replace(self, role=role, role_reason=reason)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
