"""What an analyst looks at: charts, maps with the precision of each place, facets beside every
list, downloads of every filtered list, search over article text, the API's schemas and /docs,
one date vocabulary."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app


def facet_counts(html: str, name: str) -> dict[str, int]:
    section = re.search(rf'<section class="facet" data-facet="{name}">(.*?)</section>', html, re.S)
    assert section, f"no {name} facet"
    return {re.sub(r"<[^>]+>", "", label).strip(): int(count) for label, count in
            re.findall(r'<li[^>]*>(.*?)<span class="facet-count">(\d+)</span>', section.group(1), re.S)}


def total_of(html: str) -> int:
    found = re.search(r"–\d+ of (\d+)", html)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize(("url", "facet"), [("/timeline", "type"), ("/timeline", "status"), ("/timeline", "month"),
                                            ("/documents", "outlet"), ("/actors", "type"), ("/stories", "month")])
def test_facets_beside_a_list_add_up_to_its_total(client: TestClient, url: str, facet: str) -> None:
    html = client.get(url).text
    counts = facet_counts(html, facet)
    assert counts and sum(counts.values()) == total_of(html)


def test_a_facet_value_narrows_the_list_to_its_count(client: TestClient) -> None:
    html = client.get("/timeline").text
    link, count = re.search(r'<section class="facet" data-facet="type">.*?<a href="([^"]+)">[^<]+</a>\s*'
                            r'<span class="facet-count">(\d+)</span>', html, re.S).groups()  # type: ignore[union-attr]
    narrowed = client.get(link.replace("&amp;", "&")).text
    assert total_of(narrowed) == int(count) and 'class="active"' in narrowed


@pytest.mark.parametrize("url", ["/timeline", "/stories/story_velka", "/timeline?date_from=2026-03"])
def test_pages_chart_events_over_time_by_type(client: TestClient, url: str) -> None:
    html = client.get(url).text
    chart = re.search(r'<svg class="chart".*?</svg>', html, re.S)
    assert chart, "no chart"
    assert re.search(r"<rect [^>]*fill=\"#[0-9a-f]{6}\"><title>\d{4}(-W\d\d|-\d\d(-\d\d)?)? · [A-Z]+: \d+</title>",
                     chart.group(0))
    assert 'href="/timeline?' in chart.group(0) and re.search(r"Events per (day|week|month|year) by type", html)


def test_the_actor_page_has_its_chart_or_says_it_has_no_dated_event(client: TestClient) -> None:
    html = client.get("/actors/country:KEN").text
    assert '<figure class="chart-box">' in html and ('<svg class="chart"' in html or "No dated events to chart." in html)


def test_a_chart_bar_opens_the_timeline_of_its_period(client: TestClient) -> None:
    html = client.get("/timeline").text
    bars = re.findall(r'<a href="([^"]+)" class="bar">(.*?)</a>', html, re.S)
    assert bars
    for link, rects in bars:
        drawn = sum(int(n) for n in re.findall(r": (\d+)</title>", rects))
        opened = client.get(link.replace("&amp;", "&")).text
        assert total_of(opened) == drawn


@pytest.fixture(scope="module")
def placed(placed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(placed_db)) as opened:
        yield opened


def test_a_country_level_place_is_drawn_as_its_country_not_a_pin(placed: TestClient) -> None:
    html = placed.get("/map", params={"min_confidence": 0}).text
    country = re.search(r'<a [^>]*class="mark country-mark" data-precision="country"><path d="M[^"]+"[^>]*>'
                        r"<title>([^<]+)</title>", html)
    assert country and "the White House (USA): country level, 1 event" in country.group(1)
    assert "“the White House”" in country.group(1).replace("&#34;", '"')
    city = re.search(r'data-precision="city" data-place="Hanoi"><circle [^>]*class="precision-city"><title>([^<]+)</title>', html)
    assert city and city.group(1).startswith("Hanoi (VNM): city level, 1 event")
    assert not re.search(r'data-precision="country"><circle', html)
    table = re.findall(r'<td>([^<]+)</td><td>[A-Z]{3}</td><td class="precision">(\w+)</td>', html)
    assert ("the White House", "country") in table and ("Hanoi", "city") in table


def test_a_map_mark_opens_the_timeline_of_its_place(placed: TestClient) -> None:
    html = placed.get("/map", params={"min_confidence": 0}).text
    link = re.search(r'<a href="([^"]+)" class="mark point-mark"', html)
    assert link
    opened = placed.get(link.group(1).replace("&amp;", "&")).text
    assert "At Hanoi" in opened and total_of(opened) == 1


def test_actor_and_story_pages_carry_a_map(client: TestClient) -> None:
    for url in ("/actors/country:KEN", "/stories/story_velka"):
        html = client.get(url).text
        assert '<svg class="map"' in html or "No event has a place." in html


def test_the_world_outline_ships_with_the_package(client: TestClient) -> None:
    response = client.get("/map/world.svg")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    assert response.text.startswith("<svg") and response.text.count("M") > 200 and "http" not in response.text[200:]


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("filters", [{}, {"type": "ASSAULT"}, {"actor": "country:KEN", "min_confidence": 0}])
def test_the_events_download_holds_every_filtered_event_as_an_analyst_row(client: TestClient, filters: dict[str, object]) -> None:
    listed = client.get("/api/events", params={**filters, "limit": 500}).json()
    response = client.get("/api/events", params={**filters, "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="events.csv"' == response.headers["content-disposition"]
    rows = read_csv(response.text)
    assert [row["event_id"] for row in rows] == [item["id"] for item in listed["items"]]
    assert {"date", "date_precision", "source_actor_names", "article_title", "outlet", "url", "published",
            "location_precision", "confidence"} <= set(rows[0])
    assert not any(cell.startswith(("[", "{")) for row in rows for cell in row.values())


def test_downloads_come_per_dyad_in_gdelt_columns_and_as_json(client: TestClient) -> None:
    gdelt = read_csv(client.get("/api/events", params={"format": "csv", "layout": "gdelt"}).text)
    assert len(gdelt[0]) == 61 and "SOURCEURL" in gdelt[0]
    dyads = client.get("/api/events", params={"format": "json", "layout": "dyads"}).json()
    assert dyads and {"source_actor_id", "target_actor_name"} <= set(dyads[0])
    assert client.get("/api/events", params={"format": "xml"}).status_code == 400
    assert client.get("/api/events", params={"format": "csv", "layout": "acled"}).status_code == 400


@pytest.mark.parametrize("listing", ["/api/documents", "/api/actors", "/api/quotes", "/api/stories", "/api/claims",
                                     "/api/event-clusters", "/api/search"])
def test_every_listing_downloads_whole(client: TestClient, listing: str) -> None:
    words = {"q": "Velka"} if listing.endswith("search") else {}
    page = client.get(listing, params={**words, "limit": 1}).json()
    rows = client.get(listing, params={**words, "format": "json"}).json()
    table = read_csv(client.get(listing, params={**words, "format": "csv"}).text)
    assert len(rows) == len(table) == page["total"] >= 1


@pytest.mark.parametrize(("url", "api"), [("/timeline?type=ASSAULT", "/api/events?type=ASSAULT&amp;format=csv"),
                                          ("/documents?outlet=Example+Wire", "/api/documents?outlet=Example+Wire&amp;format=csv"),
                                          ("/actors", "/api/actors?format=csv"), ("/stories", "/api/stories?format=csv")])
def test_each_list_page_offers_its_download(client: TestClient, url: str, api: str) -> None:
    assert f'href="{api}" download>CSV</a>' in client.get(url).text


@pytest.mark.parametrize("url", ["/api/events?date_from=2024-13-45", "/api/documents?date_to=2026-02-30",
                                 "/api/stories?date_from=2026-03-12&date_to=2026-03-10", "/timeline?date_from=March"])
def test_a_date_that_is_not_one_is_refused(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert "must be a date like 2024-06-19, 2024-06 or 2024" in response.text or "swap them" in response.text


def test_search_covers_every_kind_by_default(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Velka"}).json()
    assert set(body["counts"]) == {"events", "quotes", "documents"} and body["counts"]["documents"] >= 2
    assert body["total"] == sum(body["counts"].values())
    articles = [item for item in body["items"] if item["record"] == "document"]
    assert articles and all("Velka" in item["snippet"] for item in articles)


def test_search_gives_each_sentence_once(client: TestClient) -> None:
    items = client.get("/api/search", params={"q": "shelled shelling", "kind": "events", "min_confidence": 0}).json()["items"]
    sentences = [(item["doc_id"], item["evidence_start"]) for item in items]
    assert len(sentences) == len(set(sentences))
    assert sum(len(item["event_ids"]) for item in items) >= len(items)


def test_the_search_page_finds_article_text_and_marks_the_words(client: TestClient) -> None:
    html = client.get("/search", params={"q": "farmers"}).text
    assert re.search(r"Articles <span class=\"facet-count\">[1-9]", html)
    assert "<mark>farmers</mark>" in html and "nothing found" not in html


def test_the_openapi_description_carries_response_schemas(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert {"EventRow", "DocumentRow", "ActorRow", "SearchResult", "StoryDetail", "ErrorBody"} <= set(schemas)
    events = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert events["$ref"].endswith("ListPage_EventRow_")
    assert {"confidence", "evidence_text", "when"} <= set(schemas["EventRow"]["properties"])


def test_docs_are_served_from_the_package(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in html and "/docs/openapi-3.0.json" in html
    described = client.get("/docs/openapi-3.0.json").json()
    assert described["openapi"] == "3.0.3" and described["paths"].keys() == client.get("/openapi.json").json()["paths"].keys()
    assert '"type": "null"' not in str(described).replace("'", '"')
    assert not re.search(r"https?://", html.replace("http://www.w3.org", ""))
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_the_story_page_counts_the_outlets_it_shows(client: TestClient) -> None:
    html = client.get("/stories/story_velka").text
    summary = re.search(r'<p class="meta" id="story-summary">(.*?)</p>', html, re.S)
    columns = re.findall(r'<div class="outlet">\s*<h3>([^<]+)</h3>', html)
    assert summary and f"from {len([c for c in columns if c != 'outlet unknown'])} outlet" in summary.group(1)


def test_timeline_rows_name_each_reporting_article_once(client: TestClient) -> None:
    html = client.get("/timeline", params={"limit": 500}).text
    assert "outlet unknown ·" not in html
    for reports in re.findall(r'<ul class="reports">(.*?)</ul>', html, re.S):
        links = re.findall(r'href="/documents/([^"#]+)#', reports)
        assert links and len(links) == len(set(links))


def test_events_carry_their_date_precision(client: TestClient, web_db: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    import shutil

    from newsgraph.dates.bounds import date_precision

    copy = tmp_path / "own-precision.duckdb"
    shutil.copy(web_db[0], copy)
    items = client.get("/api/events", params={"limit": 500, "min_confidence": 0}).json()["items"]
    assert items and all(item["date_precision"] == date_precision(item["date"]) for item in items)
    with duckdb.connect(str(copy)) as con:  # the events' own precision wins over their date's shape
        con.execute("UPDATE events SET date_precision = 'range' WHERE date IS NOT NULL")
    with TestClient(create_app(copy)) as own:
        dated = [item for item in own.get("/api/events", params={"limit": 500, "min_confidence": 0}).json()["items"]
                 if item["date"]]
        table = read_csv(own.get("/api/events", params={"format": "csv", "min_confidence": 0}).text)
        html = own.get("/timeline", params={"limit": 500, "min_confidence": 0}).text
    assert dated and {item["date_precision"] for item in dated} == {"range"}
    assert {row["date_precision"] for row in table if row["date"]} == {"range"}
    assert '<span class="meta date-precision" title="the event is dated to a range, not a day">(range)</span>' in html
