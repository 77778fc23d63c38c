"""A real database for the web tests: the bundled examples and this folder's articles run through
the real pipeline once per session, with cross-document links (stories, clusters, a contested
claim) added by SQL the way the linker writes them, and the events' confidences set by hand (see
:func:`set_confidences`) so the tests do not depend on the confidence model's weights."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from newsgraph.examples import example_folder
from newsgraph.ingest import ingest
from newsgraph.pipeline import default_pipeline
from newsgraph.settings import Settings
from newsgraph.web import create_app

ARTICLES = Path(__file__).resolve().parent / "articles"
TOKEN = "test-token-4f9a1c"


def _event(con: duckdb.DuckDBPyConnection, title_words: str, type_: str, status: str | None = None) -> tuple[str, str]:
    """(event id, doc id) of the first event of that type in the article whose title has these words."""
    row = con.execute(
        "SELECT e.id, e.doc_id FROM events e JOIN documents d ON d.id = e.doc_id WHERE contains(d.title, ?) "
        "AND e.type = ? AND (? IS NULL OR e.status = ?) ORDER BY e.trigger_start, e.id LIMIT 1",
        [title_words, type_, status, status],
    ).fetchone()
    assert row is not None, f"the pipeline found no {type_} event in the article titled ...{title_words}..."
    return row[0], row[1]


def add_links(db: Path) -> dict[str, str]:
    """A story of the two Velka articles, the shelling as one event cluster that one outlet asserts
    and the other denies (a contested claim), and a quote cluster; returns the ids used."""
    with duckdb.connect(str(db)) as con:
        asserted, doc_a = _event(con, "Norland accuses", "ASSAULT", "asserted")
        denied, doc_b = _event(con, "Sudmark denies", "ASSAULT", "denied")
        quote_id = con.execute("SELECT id FROM quotes WHERE doc_id = ? AND kind = 'direct' LIMIT 1", [doc_a]).fetchone()
        assert quote_id is not None
        statuses = json.dumps([{"status": "asserted", "doc_id": doc_a, "published": "2026-03-10"},
                               {"status": "denied", "doc_id": doc_b, "published": "2026-03-11"}])
        con.execute("INSERT INTO stories VALUES ('story_velka', 'Shelling of Velka', '2026-03-10', '2026-03-11', 2, 2, "
                    "'{}', 'test.links.v1')")
        con.execute("INSERT INTO story_documents VALUES (?, 'story_velka', 0.9), (?, 'story_velka', 0.8)", [doc_a, doc_b])
        con.execute("INSERT INTO event_clusters VALUES ('cluster_shelling', 'story_velka', 'ASSAULT', '194', [], [], "
                    "'2026-03-09', 'Velka', ?, '2026-03-10', 2, 2, 2, ?, 'ASSAULT|NOR|SUD|', 'test.links.v1')", [doc_a, statuses])
        con.execute("INSERT INTO event_cluster_members VALUES (?, 'cluster_shelling', ?), (?, 'cluster_shelling', ?)",
                    [asserted, doc_a, denied, doc_b])
        con.execute("INSERT INTO quote_clusters VALUES ('qcluster_fired', 'person:piotr-lund', "
                    "'Sudmark fired on our people without warning', ?, '2026-03-10', 1, 1, 'test.links.v1')", [doc_a])
        con.execute("INSERT INTO quote_cluster_members VALUES (?, 'qcluster_fired', ?)", [quote_id[0], doc_a])
        con.execute("INSERT INTO contested_claims VALUES ('claim_velka', 'cluster_shelling', 'Sudmark shelled Velka')")
        con.execute("INSERT INTO claim_sides VALUES ('claim_velka', ?, 'asserts', [], ?), ('claim_velka', ?, 'denies', [], ?)",
                    [asserted, doc_a, denied, doc_b])
    return {"asserted": asserted, "denied": denied, "doc_a": doc_a, "doc_b": doc_b, "quote": quote_id[0]}


def set_confidences(db: Path) -> dict[str, str]:
    """Every event sure (0.9), except two under the threshold (0.05): the meeting in the Norland
    article (``low``, in the Velka story) and Kenya's pledge with Tanzania (``low_pledge``, on
    Kenya's network); and the denied shelling, whose confidence is unknown (``unknown``: NULL, as
    for an event stored before events had one). Returns their ids."""
    with duckdb.connect(str(db)) as con:
        low, _ = _event(con, "Norland accuses", "CONSULT")
        low_pledge, _ = _event(con, "Kenya, Tanzania pledge", "AGREE")
        unknown, _ = _event(con, "Sudmark denies", "ASSAULT", "denied")
        for table in ("events", "event_timeline"):
            con.execute(f"UPDATE {table} SET confidence = CASE WHEN id IN (?, ?) THEN 0.05 WHEN id = ? THEN NULL "
                        "ELSE 0.9 END", [low, low_pledge, unknown])
    return {"low": low, "low_pledge": low_pledge, "unknown": unknown}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    # Linked by hand (add_links) so the pages are tested on known links; test_linked_pages.py
    # serves what the linker itself found.
    settings = Settings(db=db, workers=1, progress=False, link=False)
    # Every event the coder drafts, however unsure: the tests set confidences by hand.
    pipeline = default_pipeline(date(2026, 3, 20), confidence_floor=0.0)
    summary = ingest([example_folder(), ARTICLES], settings, pipeline=pipeline, today=date(2026, 3, 20))
    assert summary.ok, summary.failed
    return db, add_links(db) | set_confidences(db)


@pytest.fixture(scope="session")
def ids(web_db: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return web_db[1]


@pytest.fixture(scope="session")
def client(web_db: tuple[Path, dict[str, str]]) -> Iterator[TestClient]:
    """A read-only server over the shared database."""
    with TestClient(create_app(web_db[0])) as opened:
        yield opened


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture
def writable_client(web_db: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[TestClient]:
    """A server started with a token, over a copy of the database (posts change the copy only)."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db[0], copy)
    with TestClient(create_app(copy, token=TOKEN, today=date(2026, 3, 20))) as opened:
        yield opened
