"""The pages and API over what the linker itself found: the bundled examples' cocoa story, told
by three outlets, with a re-post, a shared quotation and a contested threat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.ingestion import ingest
from newsgraph.settings import Settings
from newsgraph.web import create_app

EXAMPLES = Path(__file__).parents[2] / "src" / "newsgraph" / "examples" / "articles"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("linked") / "demo.duckdb"
    assert ingest([EXAMPLES], Settings(db=db, workers=1, progress=False)).ok
    with TestClient(create_app(db)) as client:
        yield client


def test_the_widest_story_is_the_cocoa_summit_across_three_outlets(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    top = stories[0]
    assert top["n_articles"] == 5 and top["n_outlets"] == 3
    assert "cocoa" in top["title"].lower()


def test_the_story_page_shows_the_outlets_and_marks_the_contested_claim(client: TestClient) -> None:
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    for outlet in ("Example Daily", "West Africa Monitor", "Cocoa Growers Blog"):
        assert outlet in page.text
    assert "A farmer who cannot live from cocoa will stop growing it" in page.text
    claims = client.get("/api/claims").json()["items"]
    assert len(claims) == 1 and claims[0]["summary"].startswith("THREATEN Ghana -> Ivory Coast")
    assert "contested" in page.text.lower()


def test_the_summit_is_one_event_cluster_planned_then_held(client: TestClient) -> None:
    clusters = client.get("/api/event-clusters").json()["items"]
    summit = max(clusters, key=lambda cluster: cluster["n_articles"])
    assert summit["n_articles"] == 3
    statuses = [entry["status"] for entry in summit["statuses"]]
    assert statuses[0] == "planned" and statuses[-1] == "asserted"
