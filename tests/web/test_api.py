"""The HTTP API in process, over a real database: every endpoint, paging, filters, errors, token."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from newsgraph.errors import StoreError
from newsgraph.store import MIGRATIONS, Store
from newsgraph.web import api, create_app, pages

LISTINGS = ["/api/documents", "/api/actors", "/api/quotes", "/api/events", "/api/stories", "/api/event-clusters",
            "/api/quote-clusters", "/api/claims", "/api/search?q=minister"]


@pytest.mark.parametrize("url", LISTINGS)
def test_every_listing_is_a_page_with_its_total(client: TestClient, url: str) -> None:
    body = client.get(url).json()
    # A listing of events also says how many events its confidence filter left out.
    extra = {"hidden_events"} if url.startswith("/api/events") else set()
    if url.startswith("/api/search"):  # a search of every kind also counts each kind
        extra = {"hidden_events", "counts"}
    assert set(body) == {"total", "limit", "offset", "next_offset", "items"} | extra
    assert body["total"] >= len(body["items"]) >= 1


@pytest.mark.parametrize("url", ["/api/events", "/api/documents", "/api/quotes", "/api/actors"])
def test_pages_follow_on_without_overlap(client: TestClient, url: str) -> None:
    first = client.get(url, params={"limit": 3}).json()
    second = client.get(url, params={"limit": 3, "offset": first["next_offset"]}).json()
    assert first["next_offset"] == 3 and second["offset"] == 3
    assert first["total"] == second["total"] > 3
    assert not {item["id"] for item in first["items"]} & {item["id"] for item in second["items"]}
    everything = client.get(url, params={"limit": 500}).json()
    assert [item["id"] for item in everything["items"][:6]] == [item["id"] for item in first["items"] + second["items"]]
    assert everything["next_offset"] is None


def _involves(item: dict[str, Any], actor: str) -> bool:
    return actor in item["source_actor_ids"] + item["target_actor_ids"]


FILTERS = [
    ("/api/events?type=ASSAULT", lambda item: item["type"] == "ASSAULT"),
    ("/api/events?status=denied", lambda item: item["status"] == "denied"),
    ("/api/events?actor=Kenya", lambda item: _involves(item, "country:KEN")),
    ("/api/events?actor=country:KEN", lambda item: _involves(item, "country:KEN")),
    ("/api/events?dyad=sector:TZAGOV,country:KEN",
     lambda item: "sector:TZAGOV" in item["source_actor_ids"] and "country:KEN" in item["target_actor_ids"]),
    ("/api/events?date_from=2026-03-11&date_to=2026-03-11", lambda item: item["when"].startswith("2026-03-11")),
    ("/api/events?date_from=2026", lambda item: item["when"] >= "2026"),
    ("/api/events?outlet=Example Wire", lambda item: item["outlet"] == "Example Wire"),
    ("/api/events?q=shelled", lambda item: "shell" in item["evidence_text"].lower()),
    ("/api/events?story=story_velka", lambda item: item["doc_title"] in {"Norland accuses Sudmark of shelling border town",
                                                                         "Sudmark denies shelling Velka"}),
    ("/api/documents?outlet=Example Daily", lambda item: item["outlet"] == "Example Daily"),
    ("/api/documents?q=shelling", lambda item: "shelling" in item["title"]),
    ("/api/documents?actor=person:piotr-lund", lambda item: item["title"].startswith("Norland accuses")),
    ("/api/documents?date_from=2026-03-11", lambda item: item["published"] >= "2026-03-11"),
    ("/api/quotes?actor=Piotr Lund", lambda item: item["speaker_actor_id"] == "person:piotr-lund"),
    ("/api/quotes?q=fire", lambda item: "fire" in item["text"].lower()),
    ("/api/quotes?kind=direct", lambda item: item["kind"] == "direct"),
    ("/api/actors?q=tanz", lambda item: "tanz" in item["name"].lower() or any("tanz" in a.lower() for a in item["aliases"])),
    ("/api/actors?type=person", lambda item: item["type"] == "person"),
    ("/api/stories?q=velka", lambda item: item["id"] == "story_velka"),
    ("/api/event-clusters?story=story_velka", lambda item: item["id"] == "cluster_shelling"),
    ("/api/event-clusters?type=ASSAULT", lambda item: item["type"] == "ASSAULT"),
    ("/api/quote-clusters?actor=person:piotr-lund", lambda item: item["id"] == "qcluster_fired"),
    ("/api/claims?story=story_velka", lambda item: {side["side"] for side in item["sides"]} == {"asserts", "denies"}),
    ("/api/search?q=fire&kind=quotes", lambda item: "fire" in item["text"].lower() and item["score"] > 0),
    ("/api/search?q=shelled&kind=events", lambda item: "shell" in item["evidence_text"].lower()),
]


@pytest.mark.parametrize(("url", "keep"), FILTERS, ids=[url for url, _ in FILTERS])
def test_filters_keep_only_matching_records(client: TestClient, url: str, keep: Any) -> None:
    body = client.get(url).json()
    assert body["items"], f"{url} found nothing"
    assert all(keep(item) for item in body["items"])
    unfiltered = client.get(url.split("?")[0] + ("?q=minister" if "search" in url else "")).json()
    if "search" not in url and "stories" not in url and "clusters" not in url and "claims" not in url:
        assert body["total"] < unfiltered["total"], "the filter should leave some records out"


def test_a_document_comes_with_what_was_found_in_it(client: TestClient, ids: dict[str, str]) -> None:
    document = client.get(f"/api/documents/{ids['doc_a']}").json()
    assert document["title"] == "Norland accuses Sudmark of shelling border town"
    assert "raw_text" not in document
    for event in document["events"]:
        assert document["text"][event["evidence_start"]:event["evidence_end"]] == event["evidence_text"]
    for mention in document["mentions"]:
        assert document["text"][mention["start"]:mention["end"]] == mention["text"]
    assert document["story"]["id"] == "story_velka"
    assert "Piotr Lund" in client.get(f"/api/documents/{ids['doc_a']}?raw=true").json()["raw_text"]


def test_an_event_lists_the_same_event_in_other_articles(client: TestClient, ids: dict[str, str]) -> None:
    event = client.get(f"/api/events/{ids['denied']}").json()
    assert event["status"] == "denied"
    assert {member["id"] for member in event["cluster"]["members"]} == {ids["asserted"], ids["denied"]}


def test_an_actor_lists_who_it_met_accused_supported_or_threatened(client: TestClient) -> None:
    actor = client.get("/api/actors/country:KEN").json()
    assert actor["name"] == "Kenya" and actor["mentions"] > 0
    verbs = {(relation["verb"], relation["other_id"]) for relation in actor["relations"]}
    assert ("accused by", "sector:TZAGOV") in verbs


def test_a_story_holds_its_articles_clusters_and_contested_claims(client: TestClient, ids: dict[str, str]) -> None:
    story = client.get("/api/stories/story_velka").json()
    assert {doc["outlet"] for doc in story["documents"]} == {"Example Daily", "Example Wire"}
    assert story["event_clusters"][0]["statuses"][1]["status"] == "denied"
    [claim] = story["claims"]
    assert {(side["side"], side["event_id"]) for side in claim["sides"]} == {("asserts", ids["asserted"]),
                                                                            ("denies", ids["denied"])}


@pytest.mark.parametrize(("url", "member_key"), [("/api/event-clusters/cluster_shelling", "evidence_text"),
                                                 ("/api/quote-clusters/qcluster_fired", "text")])
def test_a_cluster_lists_its_members_with_their_articles(client: TestClient, url: str, member_key: str) -> None:
    cluster = client.get(url).json()
    assert cluster["members"] and all(member[member_key] and member["doc_id"] for member in cluster["members"])


ERRORS = [
    ("GET", "/api/documents/doc_missing", 404, "not_found"),
    ("GET", "/api/actors/person:nobody", 404, "not_found"),
    ("GET", "/api/events/event_missing", 404, "not_found"),
    ("GET", "/api/stories/story_missing", 404, "not_found"),
    ("GET", "/api/event-clusters/missing", 404, "not_found"),
    ("GET", "/api/quote-clusters/missing", 404, "not_found"),
    ("GET", "/api/no-such-thing", 404, "not_found"),
    ("GET", "/api/events?limit=0", 400, "bad_request"),
    ("GET", "/api/events?limit=501", 400, "bad_request"),
    ("GET", "/api/events?offset=-1", 400, "bad_request"),
    ("GET", "/api/events?date_from=March", 400, "bad_request"),
    ("GET", "/api/events?dyad=onlyone", 400, "bad_request"),
    ("GET", "/api/events?actor=Nobody%20At%20All", 400, "bad_request"),
    ("GET", "/api/search", 400, "bad_request"),
    ("GET", "/api/search?q=fire&kind=places", 400, "bad_request"),
    ("GET", "/api/events?min_confidence=1.5", 400, "bad_request"),
    ("GET", "/api/events?min_confidence=-0.1", 400, "bad_request"),
    ("GET", "/api/events?min_confidence=high", 400, "bad_request"),
    ("GET", "/api/events?min_confidence=nan", 400, "bad_request"),
    ("GET", "/api/documents/doc_any?min_confidence=2", 400, "bad_request"),
    ("GET", "/api/actors/country:KEN?min_confidence=2", 400, "bad_request"),
    ("GET", "/api/stories/story_velka?min_confidence=2", 400, "bad_request"),
    ("GET", "/api/search?q=met&kind=events&min_confidence=2", 400, "bad_request"),
    ("DELETE", "/api/documents", 405, "method_not_allowed"),
    ("POST", "/api/documents", 403, "read_only"),
]


@pytest.mark.parametrize(("method", "url", "status", "code"), ERRORS, ids=[f"{m} {u}" for m, u, _, _ in ERRORS])
def test_every_error_has_one_shape(client: TestClient, method: str, url: str, status: int, code: str) -> None:
    response = client.request(method, url, json={"articles": [{"text": "A."}]} if method == "POST" else None)
    assert response.status_code == status
    body = response.json()
    assert list(body) == ["error"]
    assert set(body["error"]) == {"status", "code", "message"}
    assert (body["error"]["status"], body["error"]["code"]) == (status, code)
    assert body["error"]["message"]


def test_the_openapi_description_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/actors/{actor_id}", "/api/events",
                 "/api/events/{event_id}", "/api/quotes", "/api/stories/{story_id}", "/api/event-clusters/{cluster_id}",
                 "/api/quote-clusters/{cluster_id}", "/api/claims", "/api/search"):
        assert path in paths
    assert "post" in paths["/api/documents"]
    assert not any(not path.startswith("/api") for path in paths), "pages are not part of the API description"


ARTICLE = {"title": "Islanders vote on new harbour", "url": "https://news.example.org/harbour-vote", "date": "2026-03-15",
           "outlet": "Example Gazette", "text": "Residents of the island voted on Sunday to build a new harbour, the "
           "mayor said.\n\n\"The harbour will bring the ferry back,\" the mayor, Ines Mora, told reporters."}


@pytest.mark.parametrize(("header", "status"), [(None, 401), ("Bearer wrong-token", 401), ("test-token-4f9a1c", 401)])
def test_ingest_needs_the_token(writable_client: TestClient, header: str | None, status: int) -> None:
    headers = {"Authorization": header} if header else {}
    response = writable_client.post("/api/documents", json={"articles": [ARTICLE]}, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == "unauthorized"
    assert writable_client.get("/api/documents?outlet=Example Gazette").json()["total"] == 0


def test_ingest_with_the_token_stores_and_indexes_once(writable_client: TestClient, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    assert "Example Gazette" not in writable_client.get("/api").json()["outlets"]
    posted = writable_client.post("/api/documents", json={"articles": [ARTICLE]}, headers=headers).json()
    assert "Example Gazette" in writable_client.get("/api").json()["outlets"], "the filter menus know the new outlet"
    assert posted["new"] == 1 and not posted["failed"]
    doc_id = posted["documents"][0]["doc_id"]
    assert writable_client.get(f"/api/documents/{doc_id}").json()["outlet"] == "Example Gazette"
    assert [item["id"] for item in writable_client.get("/api/documents?q=harbour").json()["items"]] == [doc_id]
    again = writable_client.post("/api/documents", json={"articles": [ARTICLE]}, headers=headers).json()
    assert (again["new"], again["unchanged"]) == (0, 1)


@pytest.mark.parametrize("payload", [{}, {"articles": []}, {"articles": [{"title": "no text"}]},
                                     {"articles": [ARTICLE, {"text": 5}]}, [ARTICLE],
                                     {"articles": [dict(ARTICLE, date="someday")]}])
def test_bad_posts_store_nothing(writable_client: TestClient, token: str, payload: Any) -> None:
    response = writable_client.post("/api/documents", json=payload, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert writable_client.get("/api/documents?outlet=Example Gazette").json()["total"] == 0


def test_a_database_from_an_older_newsgraph_is_refused_with_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    with duckdb.connect(str(old)) as con:
        con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
        for name, migration in MIGRATIONS[:-1]:
            migration(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
    with pytest.raises(StoreError, match=r"older newsgraph .* run `newsgraph index --db"):
        create_app(old)
    Store(old).close()  # what `newsgraph index` does first: migrate
    with TestClient(create_app(old)) as upgraded:
        assert upgraded.get("/api/documents").json()["total"] == 0


@pytest.fixture(scope="module")
def unindexed_client(web_db: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server over a copy whose index is out of date (as after an interrupted ingest)."""
    copy = tmp_path_factory.mktemp("stale") / "stale.duckdb"
    shutil.copy(web_db[0], copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM search_index_state WHERE table_name = 'events'")
    with TestClient(create_app(copy)) as opened:
        yield opened


@pytest.mark.parametrize("url", ["/api/events?actor=Kenya", "/api/events?dyad=sector:TZAGOV,country:KEN",
                                 "/api/actors?limit=500", "/api/actors/country:KEN", "/api/quotes?q=enemies",
                                 "/api/search?q=enemies", "/api/documents?q=Velka"])
def test_without_a_current_index_the_answers_are_the_same(client: TestClient, unindexed_client: TestClient,
                                                          url: str) -> None:
    assert unindexed_client.get("/api").json()["search_index_current"] is False
    indexed, scanned = client.get(url).json(), unindexed_client.get(url).json()
    if "relations" in indexed:
        assert indexed["relations"] and indexed["relations"] == scanned["relations"]
        assert indexed["mentions"] == scanned["mentions"]
    else:
        assert indexed["items"]
        assert {item["id"] for item in indexed["items"]} == {item["id"] for item in scanned["items"]}


def test_filters_combine(client: TestClient) -> None:
    body = client.get("/api/events", params={"dyad": "sector:TZAGOV,country:KEN", "actor": "Kenya", "q": "nets",
                                             "type": "ACCUSE", "status": "asserted"}).json()
    alone = client.get("/api/events", params={"dyad": "sector:TZAGOV,country:KEN"}).json()
    assert body["total"] >= 1 and body["items"][0]["type"] == "ACCUSE"
    assert {item["id"] for item in body["items"]} <= {item["id"] for item in alone["items"]}


@pytest.mark.parametrize("params", [{"limit": 500}, {"limit": 4, "offset": 3}, {"outlet": "Example Wire", "date_from": "2026-03"},
                                    {"actor": "Kenya", "type": "ACCUSE"}, {"q": "Velka", "type": "ASSAULT"}])
def test_the_timeline_summary_gives_the_events_themselves_in_the_same_order(
        client: TestClient, unindexed_client: TestClient, params: dict[str, Any]) -> None:
    summarised, scanned = client.get("/api/events", params=params).json(), unindexed_client.get("/api/events", params=params).json()
    assert summarised["items"] and summarised == scanned


def test_the_story_reads_the_same_from_the_summary(client: TestClient, unindexed_client: TestClient) -> None:
    summarised, scanned = client.get("/api/stories/story_velka").json(), unindexed_client.get("/api/stories/story_velka").json()
    assert summarised["events"] and summarised == scanned


@pytest.mark.parametrize("kind", ["events", "quotes"])
def test_a_documents_records_match_the_listings(client: TestClient, ids: dict[str, str], kind: str) -> None:
    document = client.get(f"/api/documents/{ids['doc_a']}").json()
    listed = client.get(f"/api/{kind}", params={"doc": ids["doc_a"], "limit": 500}).json()["items"]
    assert document[kind] and {row["id"]: row for row in document[kind]} == {row["id"]: row for row in listed}


def test_an_event_listing_leaves_out_events_under_the_threshold_unless_asked(client: TestClient, ids: dict[str, str]) -> None:
    default = client.get("/api/events", params={"limit": 500}).json()
    every = client.get("/api/events", params={"limit": 500, "min_confidence": 0}).json()
    shown = {item["id"] for item in default["items"]}
    assert ids["low"] not in shown and ids["low_pledge"] not in shown
    assert ids["unknown"] in shown, "an event of unknown confidence counts as over the threshold"
    assert {ids["low"], ids["low_pledge"]} <= {item["id"] for item in every["items"]}
    assert default["hidden_events"] == 2 and every["hidden_events"] == 0
    assert every["total"] == default["total"] + 2
    confidences = {item["id"]: item["confidence"] for item in every["items"]}
    assert confidences[ids["low"]] == 0.05 and confidences[ids["unknown"]] is None


@pytest.mark.parametrize(("min_confidence", "hidden"), [(None, 1), (0.04, 0), (0, 0), (0.95, "all")])
def test_a_document_serves_its_events_over_the_threshold_and_counts_the_rest(
        client: TestClient, ids: dict[str, str], min_confidence: float | None, hidden: int | str) -> None:
    params = {} if min_confidence is None else {"min_confidence": min_confidence}
    document = client.get(f"/api/documents/{ids['doc_a']}", params=params).json()
    every = client.get(f"/api/documents/{ids['doc_a']}", params={"min_confidence": 0}).json()["events"]
    assert document["hidden_events"] == (len(every) if hidden == "all" else hidden)
    assert len(document["events"]) + document["hidden_events"] == len(every)
    assert (ids["low"] in {event["id"] for event in document["events"]}) == (min_confidence is not None and min_confidence <= 0.05)
    assert all("confidence" in event for event in document["events"])


def test_the_actor_network_story_and_search_leave_low_confidence_events_out(client: TestClient, ids: dict[str, str]) -> None:
    def relation_events(params: dict[str, Any]) -> set[str]:
        return {relation["example_event"] for relation in client.get("/api/actors/country:KEN", params=params).json()["relations"]}

    assert ids["low_pledge"] not in relation_events({}) and ids["low_pledge"] in relation_events({"min_confidence": 0})
    assert client.get("/api/actors/country:KEN").json()["hidden_events"] == 1
    story = client.get("/api/stories/story_velka").json()
    assert ids["low"] not in {event["id"] for event in story["events"]} and story["hidden_events"] == 1
    assert ids["low"] in {event["id"] for event in client.get("/api/stories/story_velka?min_confidence=0").json()["events"]}
    found = client.get("/api/search", params={"q": "met envoy", "kind": "events"}).json()
    everything = client.get("/api/search", params={"q": "met envoy", "kind": "events", "min_confidence": 0}).json()
    assert ids["low"] not in {i for item in found["items"] for i in item["event_ids"]} and found["hidden_events"] >= 1
    assert ids["low"] in {i for item in everything["items"] for i in item["event_ids"]}


def test_the_server_s_event_threshold_is_the_default(web_db: tuple[Path, dict[str, str]], ids: dict[str, str]) -> None:
    with TestClient(create_app(web_db[0], event_threshold=0.04)) as lenient:
        body = lenient.get("/api/events", params={"limit": 500}).json()
    assert ids["low"] in {item["id"] for item in body["items"]} and body["hidden_events"] == 0


@pytest.mark.parametrize("url", ["/api/events?min_confidence=0.5", "/api/events?min_confidence=0",
                                 "/api/search?q=Velka&kind=events", "/api/actors/country:KEN",
                                 "/api/events?q=met&min_confidence=0.95"])
def test_the_confidence_filter_reads_the_same_without_a_current_index(
        client: TestClient, unindexed_client: TestClient, url: str) -> None:
    indexed, scanned = client.get(url).json(), unindexed_client.get(url).json()
    assert indexed["hidden_events"] == scanned["hidden_events"]
    assert indexed.get("relations") == scanned.get("relations")
    assert {item["id"] for item in indexed.get("items", [])} == {item["id"] for item in scanned.get("items", [])}


def test_quotes_are_served_with_their_speakers_confidence_or_why_it_is_unresolved(client: TestClient) -> None:
    quotes = client.get("/api/quotes?limit=200").json()["items"]
    assert quotes and any(quote["speaker_actor_id"] is None for quote in quotes)
    for quote in quotes:
        assert 0 <= quote["confidence"] <= 1
        assert (quote["speaker_actor_id"] is None) == (quote["speaker_unresolved_reason"] is not None)


def _paged_routes() -> list[str]:
    """Every GET address (API and pages) that takes ``offset`` and ``limit``, with the words search needs."""
    found = []
    for router in (api.router, pages.router):
        for route in router.routes:
            assert isinstance(route, APIRoute)
            if "GET" in route.methods and {"offset", "limit"} <= {query.name for query in route.dependant.query_params}:
                found.append(route.path + ("?q=minister" if route.path.endswith("/search") else ""))
    return found


@pytest.mark.parametrize("paging", ["offset=9223372036854775808", "offset=18446744073709551616", "offset=-1",
                                    "limit=9223372036854775808", "limit=0"])
def test_out_of_range_paging_is_a_bad_request_everywhere(client: TestClient, paging: str) -> None:
    routes = _paged_routes()
    assert {"/api/search?q=minister", "/search?q=minister", "/api/events", "/documents"} <= set(routes)
    for route in routes:
        response = client.get(route + ("&" if "?" in route else "?") + paging)
        assert response.status_code == 400, (route, response.text[:300])
        if route.startswith("/api"):
            assert response.json()["error"]["code"] == "bad_request"


def test_the_largest_offset_taken_answers_an_empty_page(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "minister", "offset": 2**53 - 1}).json()
    assert (body["items"], body["next_offset"]) == ([], None)
