"""Reading a database from Python: the HTTP API's queries and filters, every row, Arrow and pandas."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import newsgraph
from newsgraph.database import Database
from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.examples import example_folder
from newsgraph.web import create_app
from newsgraph.web.filters import BadRequest, NotFound


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples, ingested and linked by the library itself."""
    db = tmp_path_factory.mktemp("library") / "news.duckdb"
    summary = newsgraph.ingest(example_folder(), db=db, workers=1)
    assert summary.new > 5 and not summary.failed
    return db


@pytest.fixture(scope="module")
def news(db_file: Path) -> Iterator[Database]:
    with newsgraph.open(db_file) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(db_file: Path, news: Database) -> Iterator[TestClient]:
    with TestClient(create_app(db_file)) as opened:
        yield opened


LISTINGS: list[tuple[str, str, dict[str, Any]]] = [
    ("documents", "/api/documents", {}),
    ("documents", "/api/documents", {"actor": "Ghana", "date_from": "2025-05"}),
    ("actors", "/api/actors", {"type": "country"}),
    ("quotes", "/api/quotes", {"kind": "direct"}),
    ("quotes", "/api/quotes", {"actor": "person:kofi-adjei"}),
    ("events", "/api/events", {}),
    ("events", "/api/events", {"actor": "Ghana", "min_confidence": 0}),
    ("events", "/api/events", {"type": "AGREE", "date_to": "2025-04"}),
    ("events", "/api/events", {"q": "border"}),
    ("stories", "/api/stories", {}),
    ("stories", "/api/stories", {"actor": "country:CIV"}),
]


@pytest.mark.parametrize(("method", "url", "filters"), LISTINGS, ids=lambda value: str(value))
def test_a_listing_finds_what_the_http_api_finds(news: Database, client: TestClient, method: str, url: str,
                                                 filters: dict[str, Any]) -> None:
    served = client.get(url, params={**filters, "limit": 500}).json()
    found = getattr(news, method)(**filters)
    assert [row["id"] for row in found] == [item["id"] for item in served["items"]]
    assert found.total == served["total"] == len(found)
    assert found.hidden_events == served.get("hidden_events")


def test_events_take_the_dyad_as_a_pair_or_as_the_api_writes_it(news: Database) -> None:
    assert [row["id"] for row in news.events(dyad=("Ghana", "Ivory Coast"))] == [
        row["id"] for row in news.events(dyad="Ghana,Ivory Coast")]


def test_a_listing_reads_every_row_a_page_at_a_time(news: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = news.events(min_confidence=0)
    monkeypatch.setattr("newsgraph.web.filters.MAX_LIMIT", 2)
    paged = news.events(min_confidence=0)
    assert len(everything) > 4
    assert [row["id"] for row in paged] == [row["id"] for row in everything]
    assert [row["id"] for row in news.events(min_confidence=0, limit=3, offset=1)] == [
        row["id"] for row in everything[1:4]]


def test_limit_and_offset_give_part_of_the_rows_and_the_total_of_all(news: Database) -> None:
    everything = news.documents()
    part = news.documents(limit=2, offset=3)
    assert [row["id"] for row in part] == [row["id"] for row in everything[3:5]]
    assert part.total == everything.total == len(everything)


def test_events_under_the_threshold_are_left_out_and_counted(news: Database) -> None:
    kept = news.events(min_confidence=0.5)
    every = news.events(min_confidence=0)
    assert kept.hidden_events == len(every) - len(kept) > 0
    assert all(row["confidence"] >= 0.5 for row in kept)


def test_results_become_arrow_tables_and_data_frames(news: Database) -> None:
    events = news.events()
    table = events.to_arrow()
    assert table.num_rows == len(events) and table.column_names == list(events[0])
    frame = events.to_pandas()
    assert list(frame["id"]) == [row["id"] for row in events]
    assert list(frame["source_actor_ids"].iloc[0]) == events[0]["source_actor_ids"]


def test_one_record_is_the_api_s_record(news: Database, client: TestClient) -> None:
    story = news.stories(limit=1)[0]
    found = news.story(story["id"])
    served = client.get(f"/api/stories/{story['id']}").json()
    assert [doc["id"] for doc in found["documents"]] == [doc["id"] for doc in served["documents"]]
    assert [event["id"] for event in found["events"]] == [event["id"] for event in served["events"]]
    document = news.document(found["documents"][0]["id"], raw=True)
    assert document["raw_text"] and document["text"] and document["story"]["id"] == story["id"]
    event = news.event(found["events"][0]["id"])
    assert event["doc_id"] in {doc["id"] for doc in found["documents"]}
    actor = news.actor("country:GHA")
    assert actor["name"] == "Ghana" and actor["relations"] == client.get("/api/actors/country:GHA").json()["relations"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda news: news.events(date_from="May 2025"), BadRequest, "date_from must be a date like 2024-06-19, 2024-06 or 2024; 'May 2025' is not one"),
        (lambda news: news.events(actor="Atlantis"), BadRequest, "no actor called 'Atlantis'"),
        (lambda news: news.documents(limit=0), BadRequest, "limit must be 1 or more"),
        (lambda news: news.document("doc_nothing"), NotFound, "no document with id 'doc_nothing'"),
        (lambda news: news.search("cocoa", kind="stories"), BadRequest, "kind must be one of all, events, quotes, documents, got 'stories'"),
    ],
)
def test_what_cannot_be_read_says_why(news: Database, call: Any, error: type[NewsgraphError], message: str) -> None:
    with pytest.raises(error, match=message):
        call(news)


def test_opening_a_missing_database_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database here yet; run `newsgraph ingest` first"):
        newsgraph.open(tmp_path / "none.duckdb")
