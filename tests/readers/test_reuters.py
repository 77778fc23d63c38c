"""Reuters-21578 SGML: every <REUTERS> element becomes one article, with its stated metadata."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import read_file
from newsgraph.records import RawArticle

Write = Callable[[str, str | bytes], Path]
MB = 1024 * 1024
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "reuters21578"

STORY = b"""<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9001" NEWID="7">
<DATE> 3-MAR-1987 09:15:05.40</DATE>
<TOPICS><D>ship</D></TOPICS>
<PLACES><D>uk</D></PLACES>
<UNKNOWN>&#5;&#5;&#5;F
&#22;&#22;&#1;f0001&#31;reute
r f BC-FERRY-CREWS   03-03 0042</UNKNOWN>
<TEXT>&#2;
<TITLE>FERRY CREWS &lt;FRY.L> END STRIKE</TITLE>
<AUTHOR>    By MARA QUINT and Tomas O'Brien, Reuters</AUTHOR>
<DATELINE>    PORT ELLEN, March 3 - </DATELINE><BODY>Ferry crews ended a three-day strike over
rosters on Tuesday, the union &amp; the operator said.
    Sailings resume at dawn, a spokesman told Reuters.
 REUTER
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""
BRIEF = b"""<REUTERS TOPICS="NO" NEWID="8">
<DATE> 3-MAR-1987 09:20:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>HARBOUR BOARD SETS NEW TIMETABLE
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
"""
UNPROC = b"""<REUTERS TOPICS="NO" NEWID="9">
<DATE> 3-MAR-1987 09:30:00.00&#5;&#5;RM</DATE>
<TEXT TYPE="UNPROC">&#2;
PORT TRAFFIC REPORT - MAR 3
    Sailings.............12 vs.....9
    Passengers........1,204 vs...877
 Reuter
&#3;

</TEXT>
</REUTERS>
"""
HEADER = b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'


def read(path: Path, max_article_bytes: int = MB) -> list[RawArticle | InputError]:
    return list(read_file(path, max_article_bytes=max_article_bytes))


def articles(path: Path) -> dict[str, RawArticle]:
    found = read(path)
    assert all(isinstance(item, RawArticle) for item in found), found
    return {item.source.split("#")[1]: item for item in found if isinstance(item, RawArticle)}


def test_each_element_is_an_article_named_by_its_newid(write: Write) -> None:
    path = write("reut2-x.sgm", HEADER + STORY + BRIEF + UNPROC)
    assert list(articles(path)) == ["NEWID=7", "NEWID=8", "NEWID=9"]
    assert {article.format for article in articles(path).values()} == {"reuters"}


def test_a_story_gives_its_headline_and_body_without_the_wire_codes_and_sign_off(write: Write) -> None:
    story = articles(write("reut2-x.sgm", HEADER + STORY))["NEWID=7"]
    assert story.raw_text == story.given["title"] + "\n\n" + (
        "Ferry crews ended a three-day strike over\nrosters on Tuesday, the union & the operator said.\n"
        "    Sailings resume at dawn, a spokesman told Reuters."
    )


def test_a_story_states_title_dateline_date_authors_and_outlet(write: Write) -> None:
    story = articles(write("reut2-x.sgm", HEADER + STORY))["NEWID=7"]
    assert story.given == {
        "outlet": "Reuters",
        "encoding": "utf-8",
        "title": "FERRY CREWS <FRY.L> END STRIKE",
        "dateline": "Port Ellen",
        "published": "1987-03-03",
        "authors": ["Mara Quint", "Tomas O'Brien"],
    }


def test_a_brief_is_its_title(write: Write) -> None:
    brief = articles(write("reut2-x.sgm", HEADER + BRIEF))["NEWID=8"]
    assert brief.raw_text == "HARBOUR BOARD SETS NEW TIMETABLE"
    assert brief.given["title"] == "HARBOUR BOARD SETS NEW TIMETABLE"


def test_unprocessed_text_is_the_text_inside_the_text_element(write: Write) -> None:
    table = articles(write("reut2-x.sgm", HEADER + UNPROC))["NEWID=9"]
    assert table.raw_text == "PORT TRAFFIC REPORT - MAR 3\n    Sailings.............12 vs.....9\n    Passengers........1,204 vs...877"
    assert table.given["published"] == "1987-03-03"


def test_raw_sha_is_the_hash_of_the_element_bytes(write: Write) -> None:
    path = write("reut2-x.sgm", HEADER + STORY + BRIEF)
    found = articles(path)
    assert found["NEWID=7"].raw_sha == hashlib.sha256(STORY.rstrip(b"\n")).hexdigest()
    assert found["NEWID=8"].raw_sha == hashlib.sha256(BRIEF.rstrip(b"\n")).hexdigest()


def test_a_file_with_latin1_bytes_decodes_them(write: Write) -> None:
    latin = STORY.replace(b"the union", b"the union's M\xfcller")
    story = articles(write("reut2-x.sgm", HEADER + latin))["NEWID=7"]
    assert "M\u00fcller" in story.raw_text
    assert story.given["encoding"] == "latin-1"
    assert story.raw_sha == hashlib.sha256(latin.rstrip(b"\n")).hexdigest()


def test_articles_stream_before_a_broken_end_is_reached(write: Write) -> None:
    path = write("reut2-x.sgm", HEADER + STORY + BRIEF + b'<REUTERS NEWID="10">\n<TEXT><BODY>Cut short')
    items = read_file(path, max_article_bytes=MB)
    assert isinstance(next(items), RawArticle)
    rest = list(items)
    assert isinstance(rest[-1], InputError)
    assert (rest[-1].path, rest[-1].problem) == (f"{path}#NEWID=10", "the article has no closing </REUTERS>")


LONG_STORY = STORY.replace(b'NEWID="7"', b'NEWID="12"').replace(b"Ferry crews ended", b"Ferry crews ended " * 200)


@pytest.mark.parametrize(
    ("element", "where", "problem"),
    [
        (b'<REUTERS NEWID="11"><TEXT TYPE="UNPROC">&#2;\n&#3;\n</TEXT></REUTERS>\n', "NEWID=11", "the article is empty (no text and no title)"),
        (LONG_STORY, "NEWID=12", "record is 4.1 KB, over the 2.0 KB limit for one article"),
    ],
)
def test_a_bad_element_is_reported_and_the_others_read(write: Write, element: bytes, where: str, problem: str) -> None:
    path = write("reut2-x.sgm", HEADER + BRIEF + element + UNPROC)
    first, bad, last = read(path, max_article_bytes=2048)
    assert isinstance(first, RawArticle) and isinstance(last, RawArticle)
    assert isinstance(bad, InputError)
    assert (bad.path, bad.problem) == (f"{path}#{where}", problem)


@pytest.mark.parametrize(("content", "problem"), [(HEADER, "no <REUTERS> articles found"), (b"", "empty file")])
def test_a_file_without_articles_is_one_error(write: Write, content: bytes, problem: str) -> None:
    path = write("reut2-x.sgm", content)
    (error,) = read(path)
    assert isinstance(error, InputError) and (error.path, error.problem) == (str(path), problem)


def test_every_element_of_the_corpus_is_read() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/reuters21578 not found; the corpus count needs the shared folder beside the repo")
    found = [item for path in sorted(CORPUS.glob("*.sgm")) for item in read_file(path, max_article_bytes=10 * MB)]
    errors = [item for item in found if isinstance(item, InputError)]
    stories = [item for item in found if isinstance(item, RawArticle)]
    # One element (NEWID 12793) holds nothing but the wire's start and end codes.
    assert len(found) == 21_578
    assert [error.path.rsplit("#", 1)[1] for error in errors] == ["NEWID=12793"]
    assert len({story.source for story in stories}) == len(stories) == 21_577
    assert all(story.raw_text.strip() and story.given["published"].startswith("1987-") for story in stories)
    assert sum("authors" in story.given for story in stories) > 800
    assert sum(story.given.get("dateline") == "New York" for story in stories) > 2000


def test_an_element_left_open_is_reported_and_the_next_one_read(write: Write) -> None:
    unclosed = BRIEF.replace(b"</REUTERS>\n", b"")
    path = write("reut2-x.sgm", HEADER + unclosed + UNPROC)
    error, table = read(path)
    assert isinstance(error, InputError) and error.path == f"{path}#NEWID=8"
    assert isinstance(table, RawArticle) and table.source == f"{path}#NEWID=9"


@pytest.mark.parametrize(
    ("field", "value"),
    [("DATELINE", " " * 40_000 + "x"), ("AUTHOR", ", " * 20_000 + "x")],
    ids=["dateline of spaces", "author of commas"],
)
def test_a_long_field_costs_time_in_proportion(write: Write, field: str, value: str) -> None:
    element = f"<REUTERS NEWID=\"1\"><TEXT><TITLE>T</TITLE><{field}>{value}</{field}><BODY>The body.</BODY></TEXT></REUTERS>"
    started = time.process_time()
    found = read(write("long.sgm", element))
    assert time.process_time() - started < 1.0, f"a {field} pattern backtracks over the field"
    assert isinstance(found[0], RawArticle)
