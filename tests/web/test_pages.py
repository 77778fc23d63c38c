"""The pages in process: each renders what the database holds, and nothing from an article
reaches a page as markup."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

PAGES = [
    ("/", "What the database holds"),
    ("/documents", "Norland accuses Sudmark of shelling border town"),
    ("/documents?outlet=Example Wire", "Sudmark denies shelling Velka"),
    ("/actors", "Kenya"),
    ("/actors/country:KEN", "accused by"),
    ("/timeline", "Timeline"),
    ("/timeline?type=ASSAULT&status=denied", "Our forces did not fire a single shell"),
    ("/stories", "Shelling of Velka"),
    ("/stories/story_velka", "Sudmark shelled Velka"),
    ("/search?q=fire", "Sudmark <mark>fired</mark> on our people without warning"),
    ("/search?q=shelled&kind=events", "<mark>shelled</mark> the Norland town of Velka"),
    ("/map", "Where the events happened"),
]


@pytest.mark.parametrize(("url", "shown"), PAGES, ids=[url for url, _ in PAGES])
def test_each_page_shows_what_the_database_holds(client: TestClient, url: str, shown: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert shown in response.text


def test_the_article_page_marks_each_event_sentence(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/documents/{ids['doc_a']}").text
    assert f'id="event-{ids["asserted"]}"' in html
    assert "Sudmark fired on our people without warning" in html
    for kind in ("actor", "quote", "event", "trigger"):
        assert re.search(rf'class="[^"]*\b{kind}\b[^"]*"', html), f"no {kind} marked"


SCRIPTED = ["/documents", "/timeline?q=code", "/search?q=run", "/search?q=pwned&kind=events", "/timeline?outlet=Example Blog <i>Tech</i>"]


@pytest.mark.parametrize("url", SCRIPTED + ["article"])
def test_markup_from_an_article_shows_as_text(client: TestClient, url: str) -> None:
    if url == "article":
        doc_id = client.get("/api/documents?outlet=Example Blog <i>Tech</i>").json()["items"][0]["id"]
        url = f"/documents/{doc_id}"
        assert "javascript:alert(" in client.get(url).text, "the article's address is shown, as text"
    html = client.get(url).text
    for markup in ("<script>alert", "<img src=x", "<b>warns", "<i>Tech", 'href="javascript:'):
        assert markup not in html
    assert "&lt;script&gt;alert(" in html or "&lt;img src=x" in html or "&lt;i&gt;Tech" in html


def test_an_event_address_leads_to_its_sentence(client: TestClient, ids: dict[str, str]) -> None:
    response = client.get(f"/events/{ids['denied']}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{ids['doc_b']}#event-{ids['denied']}"


@pytest.mark.parametrize("url", ["/documents/doc_missing", "/actors/person:nobody", "/stories/none", "/nowhere"])
def test_a_missing_page_says_so_in_html(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "Not found" in response.text and response.headers["content-type"].startswith("text/html")


SWITCH = re.compile(r'<a id="confidence-switch" role="switch" aria-checked="false" href="([^"]+)">'
                    r"show low-confidence events \((\d+) hidden\)</a>")


def page_and_switch(client: TestClient, url: str) -> tuple[str, str, int]:
    """The page, the address its switch leads to, and how many events it says are hidden."""
    html = client.get(url).text
    found = SWITCH.search(html)
    assert found, f"{url} offers no switch"
    return html, found.group(1).replace("&amp;", "&"), int(found.group(2))


@pytest.mark.parametrize(
    ("url", "low", "marker"),
    [
        ("/timeline?limit=500", "low", 'id="timeline-{}"'),
        ("/timeline?actor=Kenya", "low_pledge", 'id="timeline-{}"'),
        ("/documents/{doc_a}", "low", 'id="item-{}"'),
        ("/stories/story_velka", "low", 'id="story-{}"'),
        ("/actors/country:KEN", "low_pledge", "#event-{}"),
        ("/search?q=met+envoy&kind=events", "low", "#event-{}"),
    ],
)
def test_a_low_confidence_event_is_hidden_until_the_switch_shows_it(
        client: TestClient, ids: dict[str, str], url: str, low: str, marker: str) -> None:
    html, shown_url, hidden = page_and_switch(client, url.format(doc_a=ids["doc_a"]))
    assert marker.format(ids[low]) not in html and hidden >= 1
    assert "min_confidence=0" in shown_url
    everything = client.get(shown_url).text
    assert marker.format(ids[low]) in everything
    assert 'aria-checked="true"' in everything and "hide low-confidence events" in everything


def test_a_low_confidence_event_shown_is_marked_as_such(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get("/timeline", params={"limit": 500, "min_confidence": 0}).text
    assert f'<li class="event-row low-confidence" data-type="CONSULT" id="timeline-{ids["low"]}">' in html
    assert "confidence 0.05" in html


def test_the_switch_keeps_the_timeline_s_filters(client: TestClient) -> None:
    _, shown_url, _ = page_and_switch(client, "/timeline?actor=Kenya&type=AGREE")
    assert "actor=Kenya" in shown_url and "type=AGREE" in shown_url


def test_a_page_with_nothing_hidden_offers_no_switch(client: TestClient, ids: dict[str, str]) -> None:
    html = client.get(f"/documents/{ids['doc_b']}").text
    assert "confidence-switch" not in html
    assert "confidence unknown" in html, "an event stored before events had a confidence says so"


def test_an_event_under_the_threshold_leads_to_its_article_with_every_event_shown(
        client: TestClient, ids: dict[str, str]) -> None:
    location = client.get(f"/events/{ids['low']}", follow_redirects=False).headers["location"]
    assert location == f"/documents/{ids['doc_a']}?min_confidence=0#event-{ids['low']}"


def test_a_bad_confidence_on_a_page_is_a_400_page(client: TestClient) -> None:
    response = client.get("/timeline?min_confidence=3")
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")


def test_an_unresolved_speaker_is_shown_as_unresolved_with_the_reason(client: TestClient) -> None:
    quotes = client.get("/api/quotes?limit=200").json()["items"]
    unresolved = next(quote for quote in quotes if quote["speaker_actor_id"] is None and quote["field"] == "text")
    html = client.get(f"/documents/{unresolved['doc_id']}").text
    assert f"speaker unresolved ({unresolved['speaker_unresolved_reason']})" in html
    assert "speaker confidence" in html
