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
    ("/search?q=fire", "Sudmark fired on our people without warning"),
    ("/search?q=shelled&kind=events", "shelled the Norland town of Velka"),
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
