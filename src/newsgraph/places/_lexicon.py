"""The words the place finder's rules look for: what makes a name a facility or a region, which
prepositions and verbs put a place where something happens, and which nouns name people or
organisations (a place attached to them says where they are from, not where anything happened).

All lists are lowercase lemmas unless their name says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "FACILITY_HEADS",
    "FACILITY_HEAD_PAIRS",
    "REGION_NOUNS",
    "REGION_FIRST_WORDS",
    "ADMINISTRATIVE_NOUNS",
    "COMPASS",
    "REGION_MODIFIERS",
    "LOCATIVE_PREPOSITIONS",
    "SURFACE_PREPOSITIONS",
    "DIRECTIONAL_PREPOSITIONS",
    "SEQUENCE_PREPOSITIONS",
    "MOTION_WORDS",
    "PLACE_OBJECT_VERBS",
    "BASED_WORDS",
    "PERSON_NOUNS",
    "ORGANISATION_NOUNS",
    "GATHERING_NOUNS",
    "DATELINE_AFTER",
    "US_STATE_ABBREVIATIONS",
]

# The last word of a facility's name (lowercased): "Pyongyang International Airport", "the Kumsusan
# Palace", "Vostochny Cosmodrome". "House" counts only in the pairs below, as "the House" alone is a
# legislature.
FACILITY_HEADS = frozenset(
    "airport airbase base cosmodrome spaceport port harbor harbour seaport palace castle fortress "
    "kremlin pentagon mausoleum stadium arena square plaza station terminal bridge dam reactor plant "
    "refinery prison jail camp hotel hospital cathedral mosque temple shrine church monastery tower "
    "memorial monument museum theatre theater hall complex compound facility site shipyard dockyard "
    "checkpoint crossing wall gate pier wharf villa residence street road avenue highway field range "
    "canal pipeline mine".split()
)
FACILITY_HEAD_PAIRS = frozenset(
    {("guest", "house"), ("white", "house"), ("blue", "house"), ("state", "house"), ("opera", "house")}
)

# A noun after a name that makes the whole a region: "Amur region", "Kursk oblast", "Gyeonggi Province".
REGION_NOUNS = frozenset(
    "region province oblast krai kray prefecture county district governorate territory republic "
    "peninsula island islands archipelago strait straits gulf bay sea coast valley basin desert "
    "mountains plateau border frontier zone corridor state "
    "ocean river lake lakes mountain mountains hills".split()
)
# Region words for a division of a country: after any name, even one the recogniser took for a
# person ("Amur region", "Kursk oblast").
ADMINISTRATIVE_NOUNS = frozenset("region province oblast krai kray prefecture county district governorate".split())
# The first word of a geographic name: "Lake Michigan", "Mount Paektu", "Cape Cod".
REGION_FIRST_WORDS = frozenset("lake mount cape gulf sea bay isle isles strait straits".split())
# A direction that, with a country before it, names part of that country: "Russia's far east";
# capitalised, a region on its own ("the Northeast", "the Middle East").
COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest south-east south-west north-east north-west".split()
)
# Words before a known name that make a region of it: "Western Europe", "Latin America", "Southern Michigan".
REGION_MODIFIERS = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern latin greater upper lower middle far inner outer sub-saharan".split()
)

# Prepositions that put their object where something happens.
LOCATIVE_PREPOSITIONS = frozenset(
    "in at near inside outside within across throughout around beside beyond along off "
    "outside_of aboard amid amidst".split()
)
# "on" puts a region or facility where something happens ("on the Korean Peninsula"), but makes a
# city or country a target ("pressure on Pyongyang", "sanctions on North Korea").
SURFACE_PREPOSITIONS = frozenset({"on", "onto", "upon"})
# "to", "into", "from": a destination or starting point after a word of motion, a recipient or
# source otherwise ("supplied missiles to Russia", "seeks ammunition from the North").
DIRECTIONAL_PREPOSITIONS = frozenset({"to", "into", "toward", "towards", "from", "via", "through"})
# "After North Korea, Putin will visit Vietnam": a stop on a journey.
SEQUENCE_PREPOSITIONS = frozenset({"after", "before"})

# Verbs and nouns of going somewhere: after them "to X" or "from X" is a place, not an actor.
MOTION_WORDS = frozenset(
    "visit trip travel journey tour go come head fly sail drive return arrive arrival depart departure "
    "leave move relocate flee escape invite invitation welcome deploy deployment dispatch march "
    "advance retreat withdraw withdrawal evacuate evacuation push stray cross crossing enter entry "
    "expedition voyage flight mission pilgrimage homecoming launch fire accompany escort bring transport".split()
)
# Verbs whose direct object is a place where the event happens: "will visit Vietnam", "left North Korea".
PLACE_OBJECT_VERBS = frozenset(
    "visit tour leave enter reach depart flee cross exit evacuate".split()
)
# "Washington-based", "Seoul-headquartered": the place is where an organisation or person is.
BASED_WORDS = frozenset("based headquartered born bred registered listed".split())

# Nouns for people: a place attached to one ("a professor in Honolulu", "U.S. officials") is
# where that person is from or works.
PERSON_NOUNS = frozenset(
    "professor lecturer researcher scholar fellow analyst expert economist strategist official "
    "officer diplomat ambassador envoy consul spokesperson spokesman spokeswoman correspondent "
    "reporter journalist editor commentator resident citizen native people student worker lawyer "
    "activist lawmaker legislator politician senator governor mayor minister president leader "
    "chief head director executive employee staff source sources observer negotiator delegate "
    "representative man woman soldier troops trader investor banker ally partner secretary chancellor "
    "king queen premier commander general prosecutor judge".split()
)
# Nouns for organisations: a place attached to one ("the embassy in Seoul", "a think tank in
# Washington") is where it is based.
ORGANISATION_NOUNS = frozenset(
    "embassy consulate ministry department agency office bureau government administration company "
    "firm group bank university institute institution center centre council committee commission "
    "newspaper paper daily broadcaster network media outlet tank school college academy "
    "party court command mission delegation association foundation organisation organization "
    "union club team authority service branch unit subsidiary headquarters exchange".split()
)

# Organisations' names that are gatherings, which happen somewhere: "the General Assembly in New
# York" is a meeting held there, not an organisation based there.
GATHERING_NOUNS = frozenset(
    "assembly forum conference summit meeting session talks festival games olympics expo fair show "
    "exhibition convention congress ceremony parade rally".split()
)

# What follows a dateline's place ("SEOUL, June 18", "MOSCOW (Reuters)", "PARIS -").
DATELINE_AFTER = frozenset({",", "(", "-", "\u2013", "\u2014", "/"})

# The abbreviations of US states news style uses after a city ("Cambridge, Mass."), with the
# states' postal codes.
US_STATE_ABBREVIATIONS: Mapping[str, str] = MappingProxyType({
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO",
    "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA",
    "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
})
