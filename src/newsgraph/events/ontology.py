"""The PLOVER event ontology as data: the 16 types, their modes, and the CAMEO codes they cover.

:func:`load_ontology` reads ``newsgraph/data/events/ontology.json`` (see the README beside it for
where each table comes from) and checks it: every CAMEO code has a Goldstein score between -10 and
+10 and belongs to exactly the PLOVER type whose CAMEO roots are its longest prefix, every mode a
code names is one its type defines, and every code the embedding tables give exists.

The embedding tables say which CAMEO code a speech act takes from the action it is about: a promise
to provide military aid is ``0332`` (express intent to provide military aid), a threat to impose
sanctions ``1312``, a demand for a release ``1053``. They are keyed by the PLOVER type of the
action, by ``TYPE/mode`` where the mode makes a difference, or by the action's CAMEO code where
even that is too coarse.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from newsgraph.errors import NewsgraphError

__all__ = ["PLOVER_TYPES", "FRAMES", "Mode", "EventType", "CameoCode", "Ontology", "load_ontology"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
"""The 16 PLOVER event types, from the most cooperative quad to the most conflictual."""

FRAMES: tuple[str, ...] = ("intent", "threat", "demand", "appeal", "refusal", "accusation")
"""The speech acts whose CAMEO code depends on the action they are about."""

COOPERATIVE: frozenset[str] = frozenset(PLOVER_TYPES[:7])
"""The types of the two cooperative quads (AGREE to RETREAT)."""

_DATA = "ontology.json"


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode: how an event of a type was carried out ("visit", "firearms")."""

    name: str
    definition: str


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type, its quad ("verbal cooperation"...), modes and CAMEO roots."""

    name: str
    quad: str
    definition: str
    modes: tuple[Mode, ...]
    cameo_roots: tuple[str, ...]

    def has_mode(self, mode: str) -> bool:
        return any(known.name == mode for known in self.modes)


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its name, Goldstein score, PLOVER type and PLOVER mode."""

    code: str
    name: str
    goldstein: float
    plover: str
    mode: str | None


class Ontology:
    """The checked ontology tables; build one with :func:`load_ontology`."""

    def __init__(self, types: tuple[EventType, ...], codes: tuple[CameoCode, ...], embedded: Mapping[str, Mapping[str, str]]) -> None:
        self.types: Mapping[str, EventType] = MappingProxyType({t.name: t for t in types})
        self.codes: Mapping[str, CameoCode] = MappingProxyType({c.code: c for c in codes})
        self._embedded = MappingProxyType({frame: MappingProxyType(dict(table)) for frame, table in embedded.items()})
        problems = self._problems()
        if problems:
            raise NewsgraphError("the event ontology is inconsistent: " + "; ".join(problems))

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code``; KeyError when the ontology does not have it."""
        return self.codes[code]

    def event_type(self, name: str) -> EventType:
        return self.types[name]

    def embedded(
        self, frame: str, action_type: str | None, action_mode: str | None = None, action_code: str | None = None
    ) -> CameoCode:
        """The CAMEO code of the speech act ``frame`` about an action of ``action_type`` (and mode,
        and CAMEO code).

        ``embedded("intent", "AID", "military")`` is ``0332``; ``embedded("threat", "SANCTION",
        "sever", "163")`` is ``1312`` (a threat of sanctions), keyed by the action's own code. An
        action the table does not list (or no action at all) gives the frame's default code.
        """
        table = self._embedded[frame]
        keys = [action_code] if action_code else []
        keys += [f"{action_type}/{action_mode}", str(action_type)] if action_mode else [str(action_type)]
        for key in keys:
            if key in table:
                return self.codes[table[key]]
        return self.codes[table["default"]]

    def type_of_code(self, code: str) -> str | None:
        """The PLOVER type whose CAMEO roots are the longest prefix of ``code``."""
        best: tuple[int, str] | None = None
        for event_type in self.types.values():
            for root in event_type.cameo_roots:
                if code.startswith(root) and (best is None or len(root) > best[0]):
                    best = (len(root), event_type.name)
        return best[1] if best else None

    def _problems(self) -> list[str]:
        problems = []
        if tuple(self.types) != PLOVER_TYPES:
            problems.append(f"the types are {list(self.types)}, expected the 16 PLOVER types in order")
        for code in self.codes.values():
            if not -10.0 <= code.goldstein <= 10.0:
                problems.append(f"{code.code} has Goldstein score {code.goldstein} outside [-10, 10]")
            owner = self.type_of_code(code.code)
            if owner != code.plover:
                problems.append(f"{code.code} is listed as {code.plover} but its roots make it {owner}")
            if code.plover in self.types and code.mode and not self.types[code.plover].has_mode(code.mode):
                problems.append(f"{code.code} names mode {code.mode!r}, which {code.plover} does not define")
        if set(self._embedded) != set(FRAMES):
            problems.append(f"the embedding tables are {sorted(self._embedded)}, expected {sorted(FRAMES)}")
        for frame, table in self._embedded.items():
            if "default" not in table:
                problems.append(f"the {frame} table has no default")
            for key, code_name in table.items():
                if code_name not in self.codes:
                    problems.append(f"the {frame} table maps {key} to unknown code {code_name}")
                action = key.split("/")[0]
                if key != "default" and action not in self.types and key not in self.codes:
                    problems.append(f"the {frame} table has unknown type {action}")
        return problems


def _read(raw: Mapping[str, Any]) -> Ontology:
    types = tuple(
        EventType(
            name=entry["name"],
            quad=entry["quad"],
            definition=entry["definition"],
            modes=tuple(Mode(mode["name"], mode["definition"]) for mode in entry["modes"]),
            cameo_roots=tuple(entry["cameo_roots"]),
        )
        for entry in raw["types"]
    )
    codes = tuple(
        CameoCode(row["code"], row["name"], float(row["goldstein"]), row["plover"], row["mode"]) for row in raw["cameo"]
    )
    return Ontology(types, codes, raw["embedded"])


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The ontology shipped in ``newsgraph/data/events`` (read once, then cached).

    Raises :class:`NewsgraphError` when the file is missing or its tables contradict each other.
    """
    resource = files("newsgraph") / "data" / "events" / _DATA
    try:
        raw = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsgraphError(f"cannot read the event ontology {_DATA} ({error}); reinstall newsgraph") from error
    try:
        return _read(raw)
    except (KeyError, TypeError) as error:
        raise NewsgraphError(f"the event ontology {_DATA} is malformed: missing or wrong field {error}") from error
