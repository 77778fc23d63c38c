from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()
ARTICLES = Path(__file__).parents[1] / "linking" / "articles.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.duckdb"
    result = runner.invoke(app, ["ingest", str(ARTICLES), "--db", str(path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "linked 5 document(s)" in " ".join(result.output.split())
    return path


def flat(output: str) -> str:
    return " ".join(output.split())


def test_story_without_an_id_lists_the_largest_stories_first(db: Path) -> None:
    result = runner.invoke(app, ["story", "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert text.index("Japan and India to hold summit") < text.index("Japanese leader meets Modi in Tokyo")


def test_story_shows_the_outlets_side_by_side_with_what_each_reported_first(db: Path) -> None:
    result = runner.invoke(app, ["story", "summit-plan", "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    for outlet in ("Daily Wire Service", "Asia Times Herald", "Pacific Post", "Global Times Review"):
        assert outlet in text
    assert "planned (first)" in text
    assert "We have opened a new chapter" in text
    assert "contested AID Japan -> India" in text
    assert "is a near-duplicate of" in text


def test_story_of_an_unknown_document_says_what_to_do(db: Path) -> None:
    result = runner.invoke(app, ["story", "no-such-article", "--db", str(db)])
    assert result.exit_code != 0
    assert "names 0 documents" in result.output


def test_link_rebuild_relinks_everything_and_a_plain_rerun_has_nothing_to_do(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    again = runner.invoke(app, ["link", "--db", str(copy)])
    assert again.exit_code == 0 and "nothing to link" in again.output
    rebuilt = runner.invoke(app, ["link", "--rebuild", "--db", str(copy)])
    assert rebuilt.exit_code == 0 and "linked 5 document(s)" in flat(rebuilt.output)


def test_ingest_without_linking_leaves_the_links_to_the_link_command(tmp_path: Path) -> None:
    path = tmp_path / "nolink.duckdb"
    result = runner.invoke(app, ["ingest", str(ARTICLES), "--db", str(path), "--workers", "1", "--no-link"])
    assert result.exit_code == 0 and "linked" not in result.output
    assert "linked 5 document(s)" in flat(runner.invoke(app, ["link", "--db", str(path)]).output)


def test_bench_times_linking_on_a_copy_of_an_ingested_database(db: Path) -> None:
    before = db.stat().st_mtime
    result = runner.invoke(app, ["bench", "--linking-only", "--linking", "2,5", "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("linking")]
    assert len(lines) == 2 and "ms/article" in lines[1] and "5 articles" in " ".join(lines[1].split())
    assert db.stat().st_mtime == before


def test_bench_rejects_linking_sizes_that_are_not_numbers(db: Path) -> None:
    result = runner.invoke(app, ["bench", "--linking-only", "--linking", "many", "--db", str(db)])
    assert result.exit_code != 0 and "whole numbers" in result.output


def test_the_story_command_shows_the_story_the_api_serves(db: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.store import Store
    from newsgraph.views import list_stories, story_view
    from newsgraph.web import create_app

    with Store(db, read_only=True) as store:
        listed = list_stories(store)
        view = story_view(store, listed[0].id)
    with TestClient(create_app(db)) as client:
        assert [story.id for story in listed] == [item["id"] for item in client.get("/api/stories").json()["items"]]
        served = client.get(f"/api/stories/{view.id}").json()
    assert {row.cluster_id for row in view.events} == {cluster["id"] for cluster in served["event_clusters"]}
    assert {row.cluster_id for row in view.quotes} == {cluster["id"] for cluster in served["quote_clusters"]}
    assert [claim.id for claim in view.claims] == [claim["id"] for claim in served["claims"]]
    assert {article.doc_id for article in view.articles} == {doc["id"] for doc in served["documents"]}
    assert view.near_duplicates == [(row["doc_id"], row["duplicate_of"], row["similarity"]) for row in served["near_duplicates"]]
