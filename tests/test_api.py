"""The library's entry points: analyze one text, ingest files and pages, and their documented examples."""

from __future__ import annotations

import doctest
from datetime import date
from pathlib import Path

import duckdb
import pytest

import newsgraph
from livesite import Site, loopback_only, site  # noqa: F401 - fixtures
from newsgraph import _api, database
from newsgraph.errors import InputError

ARTICLE = """Putin and Kim sign defence pact

PYONGYANG, June 19 (Test Wire) - Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a
mutual defence agreement in Pyongyang on Wednesday.

"This is a breakthrough document," Putin told reporters after the talks.
"""


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no newsgraph.toml but a test's own
    monkeypatch.delenv("NEWSGRAPH_CONFIG", raising=False)


def test_analyze_gives_the_document_ingest_stores(tmp_path: Path) -> None:
    path = tmp_path / "pact.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    summary = newsgraph.ingest(path, db=tmp_path / "news.duckdb", workers=1)
    assert summary.new == 1 and not summary.failed
    document = newsgraph.analyze(ARTICLE)
    with duckdb.connect(str(tmp_path / "news.duckdb"), read_only=True) as con:
        assert con.execute("SELECT id, published FROM documents").fetchall() == [(document.id, document.metadata.published)]
        stored_events = con.execute("SELECT id, type FROM events ORDER BY trigger_start").fetchall()
        stored_quotes = con.execute("SELECT id, speaker_actor_id FROM quotes ORDER BY start").fetchall()
    assert [(event.id, event.type) for event in document.events] == stored_events
    assert [(quote.id, quote.speaker_actor_id) for quote in document.quotes] == stored_quotes
    assert ("person:vladimir-putin",) in {(quote.speaker_actor_id,) for quote in document.quotes}


def test_analyze_takes_what_is_known_over_what_the_text_says() -> None:
    document = newsgraph.analyze(ARTICLE, title="Defence pact signed", published=date(2024, 6, 19), outlet="Test Wire",
                                 url="https://example.org/pact")
    metadata = document.metadata
    assert (metadata.title, metadata.published, metadata.outlet, metadata.url) == (
        "Defence pact signed", "2024-06-19", "Test Wire", "https://example.org/pact")
    assert document.source == "https://example.org/pact"
    assert any(event.date == "2024-06-19" for event in document.events)


@pytest.mark.parametrize(
    ("text", "published", "message"),
    [
        ("  \n", None, "text: the text is empty"),
        (ARTICLE, "June 2024", "published 'June 2024' is not a date (give it as 2024-06-18, 2024-06 or 2024)"),
        (ARTICLE, "2024-13", "is not a date"),
    ],
)
def test_analyze_refuses_what_it_cannot_read(text: str, published: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        newsgraph.analyze(text, published=published)


def test_ingest_reads_files_and_pages_into_one_linked_database(site: Site, tmp_path: Path) -> None:
    site.page("/drones.html", "North Korea accuses South of drone flights")
    path = tmp_path / "pact.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "news.duckdb"
    first = newsgraph.ingest([str(path), site.url("/drones.html")], db=db, workers=1, allow_private=True)
    assert (first.files, first.new, first.failed) == (2, 2, [])
    assert first.linked is not None and first.linked.documents == 2
    again = newsgraph.ingest([path, site.url("/drones.html")], db=db, workers=1, allow_private=True)
    assert (again.new, again.unchanged, again.failed) == (0, 2, [])
    with newsgraph.open(db) as news:
        assert news.counts()["documents"] == 2
        assert sum(story["n_articles"] for story in news.stories()) == 2


@pytest.mark.parametrize("module", [_api, database], ids=lambda module: module.__name__)
def test_the_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted and not result.failed
