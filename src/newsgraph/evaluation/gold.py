"""Gold annotations: the actors, mentions and quotes a person found in one article.

A gold file is one JSON object per article (the format is documented in ``eval/README.md``). It
anchors everything by words, never by offsets, so it stays valid when cleaning changes: a mention
is the n-th occurrence of its exact text in the clean body, a quote the n-th occurrence of its first
words. :func:`load_gold` reads and validates one file; every problem is an
:class:`~newsgraph.errors.InputError` naming the file and the field at fault.

The real-news gold (``eval/gold/news/README.md``) adds two optional fields, ``page`` and
``events`` (read by :mod:`newsgraph.evaluation.gold_news`), and may leave ``mentions`` empty: a gold
file without mentions does not score them, and its actors need none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation._reader import Reader
from newsgraph.evaluation.gold_news import GoldEvent, GoldPage, parse_events, parse_page

__all__ = [
    "ACTOR_TYPES",
    "GOLD_QUOTE_KINDS",
    "QUOTE_PLACES",
    "GoldActor",
    "GoldDocument",
    "GoldMention",
    "GoldQuote",
    "load_gold",
    "load_gold_folder",
    "load_gold_set",
    "parse_gold",
]

ACTOR_TYPES = ("person", "country", "territory", "region", "igo", "ngo", "organization", "media")
# The same kinds as newsgraph.quotes.QUOTE_KINDS (a test pins them equal); importing the quote
# finder here would load spaCy just to score.
GOLD_QUOTE_KINDS = ("direct", "partial", "indirect")
QUOTE_PLACES = ("body", "title")
MAX_ANCHOR_WORDS = 6

_WORD = re.compile(r"\w")
_PARTIAL_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_HINT = "see eval/README.md for the gold format"


@dataclass(frozen=True)
class GoldActor:
    """One actor of the article: a person, country, organisation or outlet.

    ``key`` is local to the gold file; ``kb_id`` is the knowledge-base id of a well-known actor
    (``person:antony-blinken``), else None. ``aliases`` are the other name forms the article uses
    (``Blinken``, ``Kim Jong-un``, ``KCNA``), not descriptions or pronouns.
    """

    key: str
    name: str
    type: str
    country: str | None
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldMention:
    """The ``n``-th occurrence (from 1) of ``text`` in the clean body refers to ``actor``.

    Occurrences are counted case-sensitively and whole-word, including those inside longer names.
    An ``optional`` mention (a demonym or country name inside another actor's title, a place that
    may or may not stand for its government) is neither required nor wrong to find; only an
    optional mention may overlap another, by lying inside it or around it.
    """

    actor: str
    text: str
    n: int = 1
    optional: bool = False


@dataclass(frozen=True)
class GoldQuote:
    """A quotation: its kind, its first words (the ``n``-th occurrence of them) and its speaker.

    ``speakers`` is empty when the text does not say who spoke, and holds several keys when a
    quote has several speakers (finding any one of them is right). ``where`` is ``body`` or
    ``title`` (a headline quote). ``continues`` marks a stretch that carries on an earlier
    quotation: the second half of a quote split around its attribution, or a paragraph added
    without a new attribution.
    """

    kind: str
    starts: str
    speakers: tuple[str, ...]
    n: int = 1
    where: str = "body"
    continues: bool = False
    note: str = ""


@dataclass(frozen=True)
class GoldDocument:
    """The gold for one article. ``path`` is the gold file, ``article`` the article's file name."""

    path: str
    article: str
    published: str | None
    actors: tuple[GoldActor, ...]
    mentions: tuple[GoldMention, ...]
    quotes: tuple[GoldQuote, ...]
    notes: str = ""
    page: GoldPage | None = None
    events: tuple[GoldEvent, ...] | None = None

    @property
    def scores_mentions(self) -> bool:
        """False when the gold annotates no mentions (the real-news set): they are not scored."""
        return bool(self.mentions)

    def actor(self, key: str) -> GoldActor:
        """The actor with ``key``; raises KeyError when there is none."""
        for actor in self.actors:
            if actor.key == key:
                return actor
        raise KeyError(key)

    def optional_actors(self) -> frozenset[str]:
        """Keys of actors every mention of which is optional: finding them is not required.

        None is optional when the gold annotates no mentions at all.
        """
        if not self.scores_mentions:
            return frozenset()
        required = {mention.actor for mention in self.mentions if not mention.optional}
        return frozenset(actor.key for actor in self.actors if actor.key not in required)


def parse_gold(data: Any, path: str) -> GoldDocument:
    """Validate the decoded JSON ``data`` of the gold file ``path`` and build its record."""
    if not isinstance(data, dict):
        raise InputError(path, "a gold file must hold one JSON object", _HINT)
    top = Reader(path, data, "gold", _HINT)
    top.check_fields(("article", "actors", "mentions", "quotes"), ("published", "notes", "page", "events"))
    published = top.text("published", nullable=True)
    if published is not None and not _PARTIAL_ISO.fullmatch(published):
        raise top.fail(f"'published' must be an ISO date (2024-06-18, 2024-06 or 2024), not {published!r}")
    actors = tuple(_actor(top.child(item, f"actors[{index}]")) for index, item in enumerate(top.list_of("actors")))
    keys = [actor.key for actor in actors]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise top.fail(f"actor key {duplicates[0]!r} is used twice")
    mentions = tuple(
        _mention(top.child(item, f"mentions[{index}]"), set(keys)) for index, item in enumerate(top.list_of("mentions"))
    )
    quotes = tuple(
        _quote(top.child(item, f"quotes[{index}]"), set(keys)) for index, item in enumerate(top.list_of("quotes"))
    )
    mentioned = {mention.actor for mention in mentions}
    unmentioned = [key for key in keys if key not in mentioned]
    if mentions and unmentioned:
        raise top.fail(f"actor {unmentioned[0]!r} has no mention; give at least one or drop the actor")
    return GoldDocument(
        path=path,
        article=top.required_text("article"),
        published=published,
        actors=actors,
        mentions=mentions,
        quotes=quotes,
        notes=top.text("notes") or "",
        page=parse_page(data["page"], top) if "page" in data else None,
        events=parse_events(data["events"], top, set(keys)) if "events" in data else None,
    )


def _actor(reader: Reader) -> GoldActor:
    reader.check_fields(("key", "name", "type", "country"), ("kb_id", "aliases"))
    kind = reader.required_text("type")
    if kind not in ACTOR_TYPES:
        raise reader.fail(f"'type' must be one of {', '.join(ACTOR_TYPES)}, not {kind!r}")
    country = reader.text("country", nullable=True)
    if country is not None and not _ALPHA3.fullmatch(country):
        raise reader.fail(f"'country' must be an ISO 3166 alpha-3 code such as 'USA' or null, not {country!r}")
    aliases = reader.list_of("aliases")
    if not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        raise reader.fail("'aliases' must be a list of non-empty strings")
    return GoldActor(
        key=reader.required_text("key"),
        name=reader.required_text("name"),
        type=kind,
        country=country,
        kb_id=reader.text("kb_id", nullable=True),
        aliases=tuple(aliases),
    )


def _mention(reader: Reader, keys: set[str]) -> GoldMention:
    reader.check_fields(("actor", "text"), ("n", "optional"))
    actor = reader.required_text("actor")
    if actor not in keys:
        raise reader.fail(f"actor {actor!r} is not among the gold actors")
    return GoldMention(
        actor=actor, text=reader.required_text("text"), n=reader.count("n"), optional=reader.flag("optional")
    )


def _quote(reader: Reader, keys: set[str]) -> GoldQuote:
    reader.check_fields(("kind", "starts", "speaker"), ("n", "where", "continues", "note"))
    kind = reader.required_text("kind")
    if kind not in GOLD_QUOTE_KINDS:
        raise reader.fail(f"'kind' must be one of {', '.join(GOLD_QUOTE_KINDS)}, not {kind!r}")
    starts = reader.required_text("starts")
    words = anchor_words(starts)
    if not 1 <= words <= MAX_ANCHOR_WORDS:
        raise reader.fail(f"'starts' must give the first 1 to {MAX_ANCHOR_WORDS} words of the quote, not {words}")
    where = reader.text("where") or "body"
    if where not in QUOTE_PLACES:
        raise reader.fail(f"'where' must be one of {', '.join(QUOTE_PLACES)}, not {where!r}")
    speaker = reader.data["speaker"]
    speakers: tuple[str, ...]
    if speaker is None:
        speakers = ()
    elif isinstance(speaker, str):
        speakers = (speaker,)
    elif isinstance(speaker, list) and speaker and all(isinstance(key, str) for key in speaker):
        speakers = tuple(speaker)
    else:
        raise reader.fail(f"'speaker' must be an actor key, a list of keys or null, not {speaker!r}")
    unknown = [key for key in speakers if key not in keys]
    if unknown:
        raise reader.fail(f"speaker {unknown[0]!r} is not among the gold actors")
    return GoldQuote(
        kind=kind,
        starts=starts,
        speakers=speakers,
        n=reader.count("n"),
        where=where,
        continues=reader.flag("continues"),
        note=reader.text("note") or "",
    )


def anchor_words(text: str) -> int:
    """How many words ``text`` holds: space-separated tokens with a letter or digit ("We'll" is one)."""
    return sum(1 for token in text.split() if _WORD.search(token))


def load_gold(path: Path) -> GoldDocument:
    """Read and validate one gold file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(path), f"cannot read the gold file: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            str(path), f"not valid JSON: {error}", "fix the file; every gold file is one JSON object"
        ) from error
    return parse_gold(data, str(path))


def load_gold_folder(folder: Path) -> list[GoldDocument]:
    """Every ``*.json`` gold file directly in ``folder``, in file-name order."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such gold folder", "give the folder holding the gold *.json files")
    return [load_gold(path) for path in sorted(folder.glob("*.json"))]


def load_gold_set(gold_folder: Path, articles_folder: Path) -> list[tuple[GoldDocument, Path]]:
    """Every gold file of ``gold_folder`` with the path of its article in ``articles_folder``.

    Raises :class:`~newsgraph.errors.InputError` naming the gold file when its article is missing.
    """
    pairs = []
    for gold in load_gold_folder(gold_folder):
        article = articles_folder / gold.article
        if not article.is_file():
            raise InputError(
                gold.path, f"its article {gold.article!r} is not in {articles_folder}", "check the 'article' field"
            )
        pairs.append((gold, article))
    return pairs
