"""HTML pages: main text only, one block per paragraph, and the metadata the page states."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import read_file
from newsgraph.records import RawArticle

Write = Callable[[str, str | bytes], Path]
MB = 1024 * 1024

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour ferries run again | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:title" content="Harbour ferries run again">
<meta name="author" content="Mara Quint">
<meta property="article:published_time" content="2024-06-18T09:30:00+01:00">
<link rel="canonical" href="https://ledger.example/news/ferries-run-again">
<script>var secret = "SCRIPT-IN-HEAD";</script>
<style>body { font-family: STYLE-RULE; }</style>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">NAVIGATION-LINK</a></nav>
<article>
<h1>Harbour ferries run again</h1>
<p>Ferry crews in the harbour town returned to work on Tuesday after a three-day strike over
rosters ended with a deal brokered by the port authority.</p>
<script>document.write("SCRIPT-IN-BODY");</script>
<p>\u201cWe got most of what we asked for,\u201d said a union steward, who spoke outside the
terminal as the first boats left the quay<br>at dawn.</p>
<ul><li>Timetables return to normal by the weekend.</li><li>Refunds can be claimed online.</li></ul>
<p>The port authority said passengers with cancelled tickets would be contacted by email within a week.</p>
</article>
<section class="comments"><h3>Comments</h3><p>COMMENT-TEXT: about time too!</p></section>
<footer>FOOTER-TEXT Copyright</footer>
</body>
</html>
"""


def read_one(path: Path) -> RawArticle:
    (article,) = read_file(path, max_article_bytes=MB)
    assert isinstance(article, RawArticle), article
    return article


def test_the_page_states_its_metadata(write: Write) -> None:
    article = read_one(write("ferries.html", PAGE))
    assert article.format == "html"
    assert article.given == {
        "encoding": "utf-8",
        "title": "Harbour ferries run again",
        "authors": ["Mara Quint"],
        "published": "2024-06-18",
        "outlet": "The Coastal Ledger",
        "url": "https://ledger.example/news/ferries-run-again",
        "language": "en",
    }


@pytest.mark.parametrize("marker", ["SCRIPT-IN-HEAD", "SCRIPT-IN-BODY", "STYLE-RULE", "NAVIGATION-LINK", "COMMENT-TEXT", "FOOTER-TEXT"])
def test_scripts_styles_navigation_and_comments_never_reach_the_text(write: Write, marker: str) -> None:
    assert marker not in read_one(write("ferries.html", PAGE)).raw_text


def test_blocks_are_separated_by_blank_lines_and_line_breaks_kept(write: Write) -> None:
    blocks = read_one(write("ferries.html", PAGE)).raw_text.split("\n\n")
    assert blocks[0] == "Harbour ferries run again"
    assert blocks[1].startswith("Ferry crews") and "\n" not in blocks[1]
    assert blocks[2].endswith("left the quay\nat dawn.")
    assert blocks[3:] == [
        "Timetables return to normal by the weekend.",
        "Refunds can be claimed online.",
        "The port authority said passengers with cancelled tickets would be contacted by email within a week.",
    ]


def test_a_cp1252_page_reads_its_curly_quotes(write: Write) -> None:
    article = read_one(write("legacy.htm", PAGE.replace('<meta charset="utf-8">', "").encode("cp1252")))
    assert "\u201cWe got most of what we asked for,\u201d" in article.raw_text


def test_an_xhtml_page_with_an_xml_declaration_reads(write: Write) -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.replace("<!DOCTYPE html>\n", "").replace(
        '<html lang="en-GB">', '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr">'
    )
    article = read_one(write("ferries.xhtml", page))
    assert article.raw_text.startswith("Harbour ferries run again")
    assert article.given["language"] == "fr"


def test_a_date_only_in_the_words_of_the_page_is_not_stated(write: Write) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-06-18T09:30:00+01:00">', "").replace(
        "<h1>", "<p>Posted on March 3, 2021</p><h1>"
    )
    assert "published" not in read_one(write("undated.html", page)).given


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("<html><head><script>var only = 'code';</script></head><body><nav>Home</nav></body></html>", id="nav and script only"),
        pytest.param("<html><body></body></html>", id="empty body"),
    ],
)
def test_a_page_without_article_text_is_an_error(write: Write, page: str) -> None:
    (error,) = read_file(write("index.html", page), max_article_bytes=MB)
    assert isinstance(error, InputError)
    assert error.problem == "no article text found in the HTML"


def test_a_bare_fragment_is_read_as_the_page_body(write: Write) -> None:
    fragment = "<p>Ferry crews returned to work on Tuesday after a three-day strike.</p>"
    assert read_one(write("fragment.html", fragment)).raw_text == "Ferry crews returned to work on Tuesday after a three-day strike."
