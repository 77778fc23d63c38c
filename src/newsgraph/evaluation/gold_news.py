"""The fields the real-news gold adds to a gold file: ``page`` (what a reader keeps of the page) and
``events`` (every PLOVER event the body reports).

The format is documented in ``eval/gold/news/README.md``; :func:`parse_page` and
:func:`parse_events` validate the two fields of one gold file and raise an
:class:`~newsgraph.errors.InputError` naming the file and the field at fault
(``events[3]: 'type' must be one of AGREE, ..., not 'MEET'``). The 16 PLOVER types and their modes
are read from the event ontology's data file, without loading the event coder (and spaCy).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation._reader import Reader

__all__ = [
    "EVENT_STATUSES",
    "LINE_KINDS",
    "MAX_SENTENCE_WORDS",
    "NEWS_HINT",
    "GoldEvent",
    "GoldLine",
    "GoldPage",
    "parse_events",
    "parse_page",
    "plover_modes",
    "valid_iso_date",
]

NEWS_HINT = "see eval/gold/news/README.md for the page and events format"
LINE_KINDS = ("title", "byline", "stamp", "dateline", "caption", "junk")
# The same statuses as newsgraph.events.STATUSES (a test pins them equal); importing the event
# coder here would load spaCy just to read a gold file.
EVENT_STATUSES = ("asserted", "planned", "alleged", "denied", "hypothetical")
# Statuses that are someone's claim, and so may name who makes it.
_CLAIMED = ("alleged", "denied")
MAX_SENTENCE_WORDS = 8

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class GoldLine:
    """A line of the page that is not article body, by its first words (the ``n``-th line starting
    with them) and its ``kind``: ``title``, ``byline``, ``stamp``, ``dateline``, ``caption`` or
    ``junk``."""

    starts: str
    kind: str
    n: int = 1


@dataclass(frozen=True)
class GoldPage:
    """What a reader takes from the page: its headline, outlet and publication date (ISO at the
    precision shown; each None when the page shows none), and every line that is not body."""

    title: str | None
    outlet: str | None
    published: str | None
    lines: tuple[GoldLine, ...] = ()


@dataclass(frozen=True)
class GoldEvent:
    """One PLOVER event reported in one sentence of the body.

    ``sentence`` is the sentence's first words (its ``n``-th occurrence in the clean body);
    ``source`` and ``target`` are actor keys (a ``mutual`` event lists both parties in ``source``
    and none in ``target``). ``date`` is ISO at the precision the text fixes; ``date_fixed`` says the
    page text fixes it. A ``background`` event (history told as background) is neither required
    nor wrong to find; ``key`` marks the article's main news. Events sharing a ``cluster`` label
    report the same happening, within an article and across the two articles of a pair.
    """

    sentence: str
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    status: str
    trigger: str | None = None
    mode: str | None = None
    mutual: bool = False
    reported_by: str | None = None
    date: str | None = None
    date_fixed: bool = False
    background: bool = False
    key: bool = False
    cluster: str | None = None
    n: int = 1
    note: str = ""


@cache
def plover_modes() -> MappingProxyType[str, tuple[str, ...]]:
    """The 16 PLOVER types, in the ontology's order, each with the names of its modes."""
    resource = files("newsgraph") / "data" / "events" / "ontology.json"
    raw = json.loads(resource.read_text(encoding="utf-8"))
    return MappingProxyType(
        {entry["name"]: tuple(mode["name"] for mode in entry["modes"]) for entry in raw["types"]}
    )


def valid_iso_date(value: str) -> bool:
    """True for a real date written ISO at some precision: ``2025``, ``2025-05`` or ``2025-05-12``."""
    match = _ISO.fullmatch(value)
    if match is None:
        return False
    year, month, day = match.groups()
    if month is None:
        return True
    if day is None:
        return 1 <= int(month) <= 12
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def parse_page(value: Any, top: Reader) -> GoldPage:
    """The ``page`` field of the gold file ``top`` reads."""
    reader = top.child(value, "page", NEWS_HINT)
    reader.check_fields(("title", "outlet", "published", "lines"), ())
    published = _date(reader, "published")
    lines = tuple(
        _line(reader.child(item, f"page.lines[{index}]")) for index, item in enumerate(reader.list_of("lines"))
    )
    return GoldPage(
        title=reader.text("title", nullable=True),
        outlet=reader.text("outlet", nullable=True),
        published=published,
        lines=lines,
    )


def _line(reader: Reader) -> GoldLine:
    reader.check_fields(("starts", "kind"), ("n",))
    kind = reader.required_text("kind")
    if kind not in LINE_KINDS:
        raise reader.fail(f"'kind' must be one of {', '.join(LINE_KINDS)}, not {kind!r}")
    starts = reader.required_text("starts")
    if not _WORD.search(starts):
        raise reader.fail(f"'starts' must hold at least one word, not {starts!r}")
    return GoldLine(starts=starts, kind=kind, n=reader.count("n"))


def parse_events(value: Any, top: Reader, keys: set[str]) -> tuple[GoldEvent, ...]:
    """The ``events`` field of the gold file ``top`` reads; ``keys`` are its actor keys."""
    if not isinstance(value, list):
        raise InputError(top.path, f"{top.where}: 'events' must be a list", NEWS_HINT)
    return tuple(_event(top.child(item, f"events[{index}]", NEWS_HINT), keys) for index, item in enumerate(value))


def _event(reader: Reader, keys: set[str]) -> GoldEvent:
    reader.check_fields(
        ("sentence", "type", "source", "target", "status"),
        ("n", "trigger", "mode", "mutual", "reported_by", "date", "date_fixed", "background", "key", "cluster", "note"),
    )
    sentence = reader.required_text("sentence")
    words = sum(1 for token in sentence.split() if _WORD.search(token))
    if not 1 <= words <= MAX_SENTENCE_WORDS:
        raise reader.fail(
            f"'sentence' must give the first 4 to {MAX_SENTENCE_WORDS} words of the sentence (fewer only when it "
            f"is shorter), not {words}"
        )
    kind = reader.required_text("type")
    modes = plover_modes()
    if kind not in modes:
        raise reader.fail(f"'type' must be one of {', '.join(modes)}, not {kind!r}")
    mode = reader.text("mode", nullable=True)
    if mode is not None and not modes[kind]:
        raise reader.fail(f"{kind} has no modes: 'mode' must be null, not {mode!r}")
    if mode is not None and mode not in modes[kind]:
        raise reader.fail(f"'mode' of {kind} must be one of {', '.join(modes[kind])} or null, not {mode!r}")
    status = reader.required_text("status")
    if status not in EVENT_STATUSES:
        raise reader.fail(f"'status' must be one of {', '.join(EVENT_STATUSES)}, not {status!r}")
    source, target = _keys(reader, "source", keys), _keys(reader, "target", keys)
    mutual = reader.flag("mutual")
    if mutual and target:
        raise reader.fail("a mutual event lists both parties in 'source' and leaves 'target' empty")
    reported_by = reader.text("reported_by", nullable=True)
    if reported_by is not None and reported_by not in keys:
        raise reader.fail(f"reported_by {reported_by!r} is not among the gold actors")
    if reported_by is not None and status not in _CLAIMED:
        raise reader.fail(f"'reported_by' is only for {' and '.join(_CLAIMED)} events, not {status}")
    event_date = _date(reader, "date")
    date_fixed = reader.flag("date_fixed")
    if date_fixed and event_date is None:
        raise reader.fail("'date_fixed' is true but 'date' is null")
    return GoldEvent(
        sentence=sentence,
        type=kind,
        source=source,
        target=target,
        status=status,
        trigger=reader.text("trigger", nullable=True),
        mode=mode,
        mutual=mutual,
        reported_by=reported_by,
        date=event_date,
        date_fixed=date_fixed,
        background=reader.flag("background"),
        key=reader.flag("key"),
        cluster=reader.text("cluster", nullable=True),
        n=reader.count("n"),
        note=reader.text("note") or "",
    )


def _keys(reader: Reader, name: str, keys: set[str]) -> tuple[str, ...]:
    value = reader.data[name]
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise reader.fail(f"{name!r} must be a list of actor keys, not {value!r}")
    unknown = [key for key in value if key not in keys]
    if unknown:
        raise reader.fail(f"{name} {unknown[0]!r} is not among the gold actors")
    if len(set(value)) != len(value):
        raise reader.fail(f"{name!r} lists an actor twice")
    return tuple(value)


def _date(reader: Reader, name: str) -> str | None:
    value = reader.text(name, nullable=True)
    if value is not None and not valid_iso_date(value):
        raise reader.fail(f"{name!r} must be an ISO date (2025-05-12, 2025-05 or 2025) or null, not {value!r}")
    return value
