"""Reuters-21578 SGML files: many ``<REUTERS>`` articles per file, yielded one at a time.

The files are SGML, not XML (character references such as ``&#3;`` stand for wire control
codes, and there is no root element), so they are read with the standard library's event-driven
:class:`html.parser.HTMLParser`, fed in chunks; each article is handed on as soon as its
``</REUTERS>`` closes. An element looks like::

    <REUTERS NEWID="1" ...><DATE>26-FEB-1987 15:01:01.79</DATE> <TOPICS>...</TOPICS> ...
    <TEXT><TITLE>...</TITLE><DATELINE>    CITY, Feb 26 - </DATELINE><AUTHOR>    By A Name,
    Reuters</AUTHOR><BODY>... Reuter &#3;</BODY></TEXT></REUTERS>

``<TEXT TYPE="BRIEF">`` holds a title only and ``<TEXT TYPE="UNPROC">`` unformatted text
straight inside ``<TEXT>``.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.readers._dates import published_date
from newsgraph.readers._files import check_regular_file, os_problem, over_limit, sha256_hex
from newsgraph.readers._names import soften_capitals, split_authors
from newsgraph.readers.decode import BINARY_SAMPLE_BYTES, looks_binary
from newsgraph.records import RawArticle

__all__ = ["read_reuters", "REUTERS_SUFFIXES", "OUTLET"]

REUTERS_SUFFIXES = frozenset({".sgm", ".sgml"})
OUTLET = "Reuters"

_FEED_CHARS = 64 * 1024
_KNOWN_TAGS = frozenset(
    {"reuters", "date", "mknote", "topics", "places", "people", "orgs", "exchanges", "companies", "unknown", "d", "text", "title", "dateline", "author", "body"}
)
_FIELDS = ("date", "title", "dateline", "author", "body")
# Wire control codes: \x02 opens a story and \x03 ends it.
_MARKERS = str.maketrans("", "", "\x02\x03")
# The sign-off: "Reuter" / "REUTER" on its own last line, or ending the last line after
# anything but a lower-case word or a comma ("... said. Reuter", "... 16.0 REUTER"; not
# "... told Reuter" or "..., Reuters said."), with no words after it (but "REUTER...",
# "REUTER^M", "REUTER11:43/VB" happen). Some stories carry two.
_SIGN_OFF = re.compile(r"(?:\n[ \t]*|(?<=[^a-z\s,])[ \t]+)(?i:reuters?)(?![a-z])[^a-z\n]*\Z")
_TITLE_SIGN_OFF = re.compile(r"\n[ \t]*(?i:reuters?)(?![a-z])[^a-z\n]*\Z")
# The day of a <DATE> stamp ("26-FEB-1987 15:01:01.79"); a few stamps trail wire codes.
_DATE = re.compile(r"\d{1,2}-[A-Za-z]{3}-\d{4}")
# A dateline ends with " - " (sometimes "26-"), after the date ("NEW YORK, Feb 26") and, now
# and then, the agency ("ROME, March 13, Reuter").
_DATELINE_END = re.compile(r"\s-|(?<=\d)-")
_DATELINE_SIGN_OFF = re.compile(r",?\s*reuters?\s*$", re.IGNORECASE)
_DATELINE_DATE = re.compile(r",?\s*[A-Za-z]{3,9}\.?\s*\d{1,3}\w?\s*$")
_AGENCY = re.compile(r"(?<![,\s])[,\s]*\breuter\w*\.?\s*$", re.IGNORECASE)
# A dateline is a place and a date; anything longer is not one (and is not scanned).
_MAX_DATELINE = 200


def read_reuters(path: Path, *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """One :class:`RawArticle` per ``<REUTERS>`` element of ``path``, in file order.

    ``source`` is ``path#NEWID=<n>`` and ``raw_sha`` the sha256 of the element's bytes.
    ``raw_text`` is the ``<BODY>``, else (``TYPE="UNPROC"``) the text inside ``<TEXT>``, else
    (``TYPE="BRIEF"``) the ``<TITLE>``, without the wire's end-of-story code and "Reuter"
    sign-off. ``given`` holds ``title``, ``dateline`` (the place only, all-capital words
    softened: "NEW YORK, Feb 26 - " gives "New York"), ``published`` (the ``<DATE>``'s day),
    ``authors`` (from "By A Name and B Name, Reuters"), ``outlet`` "Reuters" and the file's
    ``encoding`` (UTF-8, or Latin-1 for the files that are not valid UTF-8). A whole-file
    problem raises :class:`InputError`; a bad element is yielded as one.
    """
    check_regular_file(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise os_problem(path, error) from error
    if not data.strip():
        raise InputError(source, "empty file", "remove it, or give a Reuters-21578 .sgm file")
    if looks_binary(data[:BINARY_SAMPLE_BYTES]):
        raise InputError(source, "binary file, not text", "give a Reuters-21578 .sgm file")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # A few of the 1987 files carry stray Latin-1 bytes; Latin-1 decodes any byte, and the
        # element's bytes come back exactly when its text is encoded again for the hash.
        text, encoding = data.decode("latin-1"), "latin-1"
    found = 0
    for element in _ReutersParser(text).elements():
        found += 1
        yield _article(source, text, encoding, element, max_article_bytes)
    if found == 0:
        raise InputError(source, "no <REUTERS> articles found", "give a Reuters-21578 .sgm file")


@dataclass
class _Element:
    """What the parser gathered from one ``<REUTERS>`` element."""

    new_id: str | None
    line: int
    start: int
    end: int | None = None
    """Just past ``</REUTERS>``; ``None`` for an element that was never closed."""
    text_type: str = ""
    fields: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in _FIELDS})
    text_own: list[str] = field(default_factory=list)

    def joined(self, name: str) -> str:
        return "".join(self.fields[name])


class _ReutersParser(HTMLParser):
    """Reads ``text`` and hands on its ``<REUTERS>`` elements one by one, as each ends.

    An element ends at its ``</REUTERS>``, or unclosed at the next ``<REUTERS>`` or at the end of
    the input.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._text = text
        # HTMLParser counts lines by "\n" alone, so line starts must too (not str.splitlines).
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self._stack: list[str] = []
        self.open: _Element | None = None
        self.done: deque[_Element] = deque()

    def elements(self) -> Iterator[_Element]:
        """The elements of the text, in order; the text is fed in chunks, so each is handed on
        soon after it ends rather than after the whole file is parsed."""
        for start in range(0, len(self._text), _FEED_CHARS):
            self.feed(self._text[start : start + _FEED_CHARS])
            while self.done:
                yield self.done.popleft()
        self.close()
        while self.done:
            yield self.done.popleft()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "reuters":
            self._end_unclosed()
            line, column = self.getpos()
            self.open = _Element(new_id=dict(attrs).get("newid"), line=line, start=self._offset(line, column))
            self._stack = []
        elif self.open is None:
            return
        elif tag not in _KNOWN_TAGS:
            # A "<" in the story that is not markup; keep it as the text it is.
            self.handle_data(self.get_starttag_text() or "")
        else:
            if tag == "text":
                self.open.text_type = (dict(attrs).get("type") or "").upper()
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open is None:
            return
        if tag == "reuters":
            line, column = self.getpos()
            start = self._offset(line, column)
            self.open.end = self._text.index(">", start) + 1
            self.done.append(self.open)
            self.open = None
        elif tag in self._stack:
            while self._stack.pop() != tag:
                pass
        elif tag not in _KNOWN_TAGS:
            self.handle_data(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.open is None:
            return
        for tag in reversed(self._stack):
            if tag in _FIELDS:
                self.open.fields[tag].append(data)
                return
            if tag == "text":
                self.open.text_own.append(data)
                return

    def close(self) -> None:
        super().close()
        self._end_unclosed()

    def _end_unclosed(self) -> None:
        if self.open is not None:
            self.done.append(self.open)
            self.open = None

    def _offset(self, line: int, column: int) -> int:
        return self._line_starts[line - 1] + column


def _where(source: str, element: _Element) -> str:
    return f"{source}#NEWID={element.new_id}" if element.new_id else f"{source}#L{element.line}"


def _article(source: str, text: str, encoding: str, element: _Element, max_article_bytes: int) -> RawArticle | InputError:
    where = _where(source, element)
    if element.end is None:
        return InputError(where, "the article has no closing </REUTERS>", "the file may be cut short or damaged; get a complete copy")
    raw = text[element.start : element.end].encode(encoding)
    if len(raw) > max_article_bytes:
        return over_limit(where, len(raw), max_article_bytes, "record")
    # A brief's title sometimes carries the sign-off on a line of its own.
    title = " ".join(_TITLE_SIGN_OFF.sub("", element.joined("title").rstrip()).split())
    body = _story(element, title)
    if not body:
        return InputError(where, "the article is empty (no text and no title)", "nothing to read here; the other articles are read")
    given: dict[str, Any] = {"outlet": OUTLET, "encoding": encoding}
    if title:
        given["title"] = title
    dateline = _dateline(element.joined("dateline"))
    if dateline:
        given["dateline"] = dateline
    stamp = _DATE.search(element.joined("date"))
    published = published_date(stamp.group(0)) if stamp else None
    if published:
        given["published"] = published
    authors = _authors(element.joined("author"))
    if authors:
        given["authors"] = authors
    # The headline leads the raw text, as printed: cleaning then takes it out as the title
    # instead of mistaking the body's first line for one.
    article = f"{title}\n\n{body}" if title and body != title else body
    return RawArticle(source=where, format="reuters", raw_text=article, raw_sha=sha256_hex(raw), given=given)


def _story(element: _Element, title: str) -> str:
    """The article's text: the body, else the unprocessed text, else the title."""
    candidates = [element.joined("body")]
    if element.text_type != "BRIEF":
        # A brief's own text is filler ("Blah blah blah."), never the story.
        candidates.append("".join(element.text_own))
    for candidate in candidates:
        story = _without_sign_off(candidate.translate(_MARKERS))
        if story.strip():
            return story.lstrip("\n")
    return title


def _without_sign_off(text: str) -> str:
    story = text.rstrip()
    while (signed := _SIGN_OFF.search(story)) is not None:
        story = story[: signed.start()].rstrip()
    return story


def _dateline(value: str) -> str | None:
    """The place of a dateline ("  NEW YORK, Feb 26 - " -> "New York"); ``None`` when what is
    left is not a place (a table heading or figures in the dateline slot)."""
    if len(value) > _MAX_DATELINE:
        return None
    place = _DATELINE_END.split(value, maxsplit=1)[0]
    place = _DATELINE_SIGN_OFF.sub("", place)
    place = _DATELINE_DATE.sub("", place)
    place = " ".join(place.strip(" ,*").split())
    if not place or not place[0].isalpha() or any(char.isdigit() for char in place):
        return None
    return soften_capitals(place)


def _authors(value: str) -> list[str]:
    byline = _AGENCY.sub("", " ".join(value.split()))
    return [soften_capitals(name) for name in split_authors(byline)]
