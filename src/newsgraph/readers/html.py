"""HTML pages: the main text and the stated metadata, taken out by trafilatura.

trafilatura drops navigation, scripts, styles, comments and boilerplate and returns the article
as a small XML tree (``p``, ``head``, ``list``/``item``, ``quote``, ``table``/``row``/``cell``,
``lb`` for a line break). That tree, not trafilatura's own text output, is turned into text
here, because its text output separates paragraphs by a single newline and cleaning needs the
blank line between blocks to tell a paragraph break from a hard-wrapped line.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import trafilatura

from newsgraph.errors import InputError
from newsgraph.readers._dates import published_date
from newsgraph.readers._files import article_bytes, sha256_hex
from newsgraph.readers._names import split_authors
from newsgraph.readers.decode import Decoded, decode_bytes
from newsgraph.records import RawArticle

__all__ = ["read_html", "html_article", "html_article_text", "HTML_SUFFIXES"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

# Elements of trafilatura's output that start a new block of text; anything else is inline.
_BLOCKS = frozenset({"body", "p", "head", "list", "item", "quote", "table", "row", "code", "div", "section", "fw", "note"})
# ``given`` keys taken as trafilatura states them, and the attribute of its result holding each.
_STATED_AS_IS = (("title", "title"), ("outlet", "sitename"), ("url", "url"))
# When a page has no article, trafilatura falls back to whatever text is left (a menu entry,
# a button label); fewer words than this is not an article.
_MIN_WORDS = 5
# A date only counts when the page states it in its markup (meta tags, <time>, structured data),
# not when htmldate guesses one from the words of the page.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(path: Path, *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """The one article in the HTML page ``path``; raises :class:`InputError` when it has none.

    ``raw_text`` is the main text, one block (paragraph, heading, list item, table row) per
    paragraph, blocks separated by a blank line and line breaks inside a block kept. ``given``
    holds what the page states: ``title``, ``authors``, ``published``, ``outlet`` (the site
    name), ``url``, ``language`` (the ``<html lang>``, primary subtag) and the ``encoding``.
    """
    data = article_bytes(path, max_article_bytes)
    yield html_article(data, str(path))


def html_article(data: bytes, source: str, *, charset: str | None = None, url: str | None = None) -> RawArticle:
    """The one article in the HTML page ``data`` read from ``source`` (a path, or a URL with the
    ``charset`` its server declared); raises :class:`InputError` when it has none. ``url``, when
    given, is the page's address, stated in place of what the page says about itself, and the
    article's ``raw_sha`` is then the hash of its text and metadata rather than of the page's
    bytes, so a page refetched with other ads or timestamps around the same article is unchanged.
    """
    decoded = _decoded(data, source, charset)
    tree = trafilatura.load_html(decoded.text)
    if tree is None:
        # trafilatura refuses a lone fragment ("<p>...</p>") as not quite HTML; wrapped in a
        # page, the fragment is the page's body.
        tree = trafilatura.load_html(f"<html><body>{decoded.text}</body></html>")
    if tree is None:
        raise InputError(source, "no article text found in the HTML", "check that the file is an HTML page")
    language = _language(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    body = getattr(document, "body", None)
    text = html_article_text(body) if body is not None else ""
    if len(text.split()) < _MIN_WORDS:
        raise InputError(
            source,
            "no article text found in the HTML",
            "the page may be an index, a login wall or rendered by JavaScript; save the article's own page",
        )
    given: dict[str, Any] = {"encoding": decoded.encoding}
    given.update(_metadata(document))
    if language:
        given["language"] = language
    if url is None:
        return RawArticle(source=source, format="html", raw_text=text, raw_sha=sha256_hex(data), given=given)
    given["url"] = url
    identity = json.dumps([text, given], sort_keys=True, ensure_ascii=False).encode("utf-8")
    return RawArticle(source=source, format="html", raw_text=text, raw_sha=sha256_hex(identity), given=given)


def _decoded(data: bytes, source: str, charset: str | None) -> Decoded:
    """The page's text: in the charset its server declared, when that decodes it."""
    if charset and data:
        try:
            return Decoded(data.decode(charset), codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, source)


class _Node(Protocol):
    """The part of an lxml element read here (lxml ships no type information of its own)."""

    tag: object
    text: str | None
    tail: str | None

    def __iter__(self) -> Iterator[_Node]: ...

    def get(self, key: str) -> str | None: ...


def html_article_text(body: _Node) -> str:
    """The text of trafilatura's output tree ``body``: blocks joined by blank lines."""
    blocks: list[list[str]] = [[]]
    _collect(body, blocks)
    paragraphs = ("".join(parts) for parts in blocks)
    lines_per_block = ("\n".join(line.strip() for line in block.splitlines() if line.strip()) for block in paragraphs)
    return "\n\n".join(block for block in lines_per_block if block)


def _collect(element: _Node, blocks: list[list[str]]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    is_block = tag in _BLOCKS
    if is_block:
        blocks.append([])
    if tag == "lb":
        blocks[-1].append("\n")
    elif tag == "cell" and blocks[-1]:
        blocks[-1].append(" | ")
    if element.text and tag:
        blocks[-1].append(element.text)
    for child in element:
        _collect(child, blocks)
        if child.tail:
            blocks[-1].append(child.tail)
    if is_block:
        blocks.append([])


def _metadata(document: Any) -> dict[str, Any]:
    """The metadata in trafilatura's result, under ``given``'s keys."""
    given: dict[str, Any] = {}
    for key, attribute in _STATED_AS_IS:
        value = _clean(getattr(document, attribute, None))
        if value:
            given[key] = value
    author = _clean(getattr(document, "author", None))
    authors = split_authors(author) if author else []
    if authors:
        given["authors"] = authors
    date = _clean(getattr(document, "date", None))
    published = published_date(date) if date else None
    if published:
        given["published"] = published
    return given


def _language(root: _Node) -> str | None:
    """The primary subtag of the page's declared language (``en-GB`` -> ``en``), if any."""
    # The HTML parser keeps XHTML's "xml:lang" as a plain attribute name.
    declared = root.get("lang") or root.get("xml:lang")
    if not declared:
        return None
    primary = declared.strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _clean(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
