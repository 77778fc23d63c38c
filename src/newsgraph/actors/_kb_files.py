"""Reading the knowledge base's data files (JSON Lines written by ``kb/build_knowledge_base.py``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, cast

from newsgraph.actors.kb_records import Actor, ActorType, Office, Role
from newsgraph.errors import InputError

__all__ = ["Metonym", "Reading", "Ambiguity", "CodePeriod", "KbData", "read_kb_files", "packaged_data"]

_REBUILD = "rebuild it with: python kb/build_knowledge_base.py"


@dataclass(frozen=True)
class Metonym:
    """A place or building that stands for an actor: ``Pyongyang`` for North Korea's government."""

    text: str
    actor: str
    sector: str | None
    code: str | None
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Reading:
    """One thing an ambiguous name can mean, with the cues that point to it."""

    reading: str
    target: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    context: tuple[str, ...]
    default: bool
    note: str = ""


@dataclass(frozen=True)
class Ambiguity:
    text: str
    readings: tuple[Reading, ...]


@dataclass(frozen=True)
class CodePeriod:
    """The code an organisation had over a period, when its role changed (the Taliban in 2021)."""

    actor: str
    code: str
    start: str
    end: str | None
    note: str = ""


@dataclass(frozen=True)
class KbData:
    actors: tuple[Actor, ...]
    metonyms: tuple[Metonym, ...]
    offices: tuple[Office, ...]
    ambiguities: tuple[Ambiguity, ...]
    code_periods: tuple[CodePeriod, ...]


def packaged_data() -> Traversable:
    """The folder of data files shipped inside the package."""
    return resources.files("newsgraph") / "data"


def _records(folder: Traversable | Path, name: str) -> Iterator[dict[str, Any]]:
    source = folder / name
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(source), "knowledge base file is missing", _REBUILD) from None
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            yield cast(dict[str, Any], json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(f"{source}#L{number}", f"not JSON: {error.msg}", _REBUILD) from None


def _actor(record: dict[str, Any]) -> Actor:
    return Actor(
        id=record["id"],
        name=record["name"],
        type=cast(ActorType, record["type"]),
        country=record["country"],
        code=record["code"],
        aliases=tuple(record["aliases"]),
        demonyms=tuple(record["demonyms"]),
        surnames=tuple(record["surnames"]),
        parent=record["parent"],
        description=record["description"],
        later_surnames=tuple(record["later_surnames"]),
    )


def _office(record: dict[str, Any]) -> Office:
    return Office(
        holder=record["holder"],
        jurisdiction=record["jurisdiction"],
        title=record["title"],
        roles=tuple(cast(Role, role) for role in record["roles"]),
        start=record["start"],
        end=record["end"],
        title_aliases=tuple(record["title_aliases"]),
        sector=record["sector"],
        code=record["code"],
        acting=record["acting"],
        note=record["note"],
    )


def _ambiguity(record: dict[str, Any]) -> Ambiguity:
    readings = tuple(
        Reading(
            reading=item["reading"],
            target=item["target"],
            before=tuple(item["before"]),
            after=tuple(item["after"]),
            context=tuple(item["context"]),
            default=item["default"],
            note=item["note"],
        )
        for item in record["readings"]
    )
    return Ambiguity(text=record["text"], readings=readings)


def read_kb_files(folder: Traversable | Path | None = None) -> KbData:
    """Read the five data files from ``folder`` (the packaged data when None)."""
    folder = packaged_data() if folder is None else folder
    try:
        return KbData(
            actors=tuple(_actor(record) for record in _records(folder, "kb_actors.jsonl")),
            metonyms=tuple(
                Metonym(r["text"], r["actor"], r["sector"], r["code"], r["kind"], r["note"])
                for r in _records(folder, "kb_metonyms.jsonl")
            ),
            offices=tuple(_office(record) for record in _records(folder, "kb_offices.jsonl")),
            ambiguities=tuple(_ambiguity(record) for record in _records(folder, "kb_ambiguities.jsonl")),
            code_periods=tuple(
                CodePeriod(r["actor"], r["code"], r["start"], r["end"], r["note"])
                for r in _records(folder, "kb_code_periods.jsonl")
            ),
        )
    except KeyError as error:
        raise InputError(str(folder), f"knowledge base record lacks the field {error}", _REBUILD) from None
