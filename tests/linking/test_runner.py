"""Linking on a small set of invented articles: two outlets report a summit (one a re-posted copy
with junk around it), a third contests an arms supply, and an earlier summit of the same leaders
is another story; and a thousand Reuters articles, linked in one run or killed halfway and resumed."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factories import REPO, REUTERS
from newsgraph.ingestion import ingest
from newsgraph.linking import link, unlink_all
from newsgraph.linking import runner as link_runner
from newsgraph.settings import Settings
from newsgraph.store import Store

ARTICLES = Path(__file__).parent / "articles.jsonl"
OUTLETS = ["Daily Wire Service", "Asia Times Herald", "Pacific Post", "Daily Wire Service", "Global Times Review"]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("linking") / "linked.duckdb"
    summary = ingest([ARTICLES], Settings(db=db, workers=1, progress=False))
    assert summary.ok and summary.linked is not None and summary.linked.documents == 5
    return db


@pytest.fixture
def copy(linked: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.duckdb"
    shutil.copy(linked, target)
    return target


def doc_by_title(store: Store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for doc_id, title, outlet in store.db.execute(
        "SELECT id, title, outlet FROM documents ORDER BY published, id"
    ).fetchall():
        out.setdefault(outlet, []).append(doc_id)
    return out


def story_of(store: Store) -> dict[str, str]:
    rows = store.db.execute(
        "SELECT d.outlet, d.published, sd.story_id FROM story_documents sd JOIN documents d ON d.id = sd.doc_id"
    ).fetchall()
    return {f"{outlet} {published}": story for outlet, published, story in rows}


def test_the_same_summit_is_one_story_and_an_earlier_summit_another(linked: Path) -> None:
    with Store(linked, read_only=True) as store:
        stories = story_of(store)
    summit = stories["Daily Wire Service 2025-03-10"]
    assert stories["Asia Times Herald 2025-03-13"] == summit
    assert stories["Pacific Post 2025-03-13"] == summit
    assert stories["Global Times Review 2025-03-14"] == summit
    assert stories["Daily Wire Service 2024-08-20"] != summit


def test_a_reposted_copy_is_a_near_duplicate_of_the_original(linked: Path) -> None:
    with Store(linked, read_only=True) as store:
        rows = store.db.execute(
            "SELECT a.outlet, b.outlet, n.similarity FROM near_duplicates n JOIN documents a ON a.id = n.doc_id "
            "JOIN documents b ON b.id = n.duplicate_of"
        ).fetchall()
    assert [(a, b) for a, b, _ in rows] == [("Pacific Post", "Asia Times Herald")]
    assert 0.7 <= rows[0][2] < 1.0


def test_the_summit_is_one_event_cluster_planned_then_held(linked: Path) -> None:
    with Store(linked, read_only=True) as store:
        clusters = store.query(
            "SELECT * FROM event_clusters WHERE match_key LIKE 'MEET|%' AND n_articles >= 3 ORDER BY n_articles DESC"
        )
        outlets = {
            row[0]
            for row in store.db.execute(
                "SELECT DISTINCT d.outlet FROM event_cluster_members m JOIN documents d ON d.id = m.doc_id "
                "WHERE m.cluster_id = ?",
                [clusters[0]["id"]],
            ).fetchall()
        }
    summit = clusters[0]
    assert {"Daily Wire Service", "Asia Times Herald", "Pacific Post"} <= outlets
    statuses = [s["status"] for s in json.loads(summit["statuses"])]
    assert statuses[0] == "planned" and "asserted" in statuses[1:]
    # The earlier meeting's "visit India next year", reported in August, is another story's.
    assert summit["first_reported"] == "2025-03-10"
    assert summit["n_outlets"] == len(outlets)


def test_the_earlier_meeting_in_tokyo_is_its_own_event(linked: Path) -> None:
    with Store(linked, read_only=True) as store:
        rows = store.query(
            "SELECT c.n_articles FROM event_clusters c JOIN event_cluster_members m ON m.cluster_id = c.id "
            "JOIN events e ON e.id = m.event_id WHERE e.location_name = 'Tokyo' AND e.type = 'CONSULT'"
        )
    assert rows and all(row["n_articles"] == 1 for row in rows)


def test_the_quote_carried_by_three_outlets_is_one_cluster(linked: Path) -> None:
    with Store(linked, read_only=True) as store:
        clusters = store.query("SELECT * FROM quote_clusters")
    assert len(clusters) == 1
    assert clusters[0]["speaker_actor_id"] == "person:narendra-modi"
    assert clusters[0]["n_articles"] == 3 and clusters[0]["n_outlets"] == 3
    assert clusters[0]["first_reported"] == "2025-03-13"


def test_the_alleged_supply_and_its_denial_are_a_contested_claim(linked: Path) -> None:
    with Store(linked, read_only=True) as store:
        sides = store.query(
            "SELECT s.side, s.actor_ids FROM claim_sides s JOIN contested_claims c ON c.id = s.claim_id ORDER BY s.side"
        )
        summary = store.db.execute("SELECT summary FROM contested_claims").fetchall()
    by_side = {row["side"]: row["actor_ids"] for row in sides}
    assert by_side["alleges"] == ["country:PAK"]
    assert "denies" in by_side and "accuses" in by_side
    assert len(summary) == 1 and summary[0][0].startswith("AID Japan -> India")


def snapshot(db: Path) -> dict[str, list[Any]]:
    with Store(db, read_only=True) as store:
        return {
            table: store.db.execute(f"SELECT * EXCLUDE ({skip}) FROM {table} ORDER BY ALL").fetchall()
            for table, skip in (
                ("stories", "profile"),
                ("story_documents", "score"),
                ("event_clusters", "statuses"),
                ("event_cluster_members", "doc_id"),
                ("quote_clusters", "linker"),
                ("quote_cluster_members", "doc_id"),
                ("near_duplicates", "similarity"),
                ("contested_claims", "summary"),
                ("claim_sides", "actor_ids"),
            )
        }


def test_rerunning_changes_nothing(copy: Path) -> None:
    before = snapshot(copy)
    summary = ingest([ARTICLES], Settings(db=copy, workers=1, progress=False))
    assert summary.new == 0 and summary.linked is not None and summary.linked.documents == 0
    assert snapshot(copy) == before


def test_relinking_one_article_at_a_time_gives_the_same_links(linked: Path, copy: Path) -> None:
    with Store(copy) as store:
        unlink_all(store)
        order = link_runner.pending_documents(store)
        for doc_id in order:
            assert link(store, only=[doc_id]).documents == 1
    assert snapshot(copy) == snapshot(linked)


def test_an_interrupted_run_keeps_whole_batches_and_the_next_run_finishes(
    linked: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(copy) as store:
        unlink_all(store)
    calls = {"n": 0}
    real_write = link_runner.write_batch

    def write_then_fail(*args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        real_write(*args, **kwargs)
        if calls["n"] == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(link_runner, "write_batch", write_then_fail)
    with Store(copy) as store, pytest.raises(KeyboardInterrupt):
        link(store, batch_size=2)
    with Store(copy, read_only=True) as store:
        assert store.db.execute("SELECT count(*) FROM link_state").fetchone() == (2,)
        assert store.db.execute("SELECT count(*) FROM story_documents").fetchone() == (2,)
    monkeypatch.setattr(link_runner, "write_batch", real_write)
    with Store(copy) as store:
        assert link(store, batch_size=2).documents == 3
    assert snapshot(copy) == snapshot(linked)


def test_unlinking_that_fails_half_way_forgets_nothing(linked: Path, copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tables are emptied in order: a failure on the last one must bring back the first ones.
    monkeypatch.setattr(link_runner, "LINK_TABLES", (*link_runner.LINK_TABLES, "no_such_table"))
    with Store(copy) as store:
        with pytest.raises(Exception, match="no_such_table"):
            unlink_all(store)
        # Rolled back, so the same connection goes on: every document is still linked.
        assert link(store).documents == 0
    assert snapshot(copy) == snapshot(linked)


def set_confidence(store: Store, value: float | None, where: str, parameters: list[Any]) -> None:
    store.db.execute(f"UPDATE events SET confidence = ? WHERE {where}", [value, *parameters])


def test_events_under_the_threshold_are_not_clustered_and_unknown_ones_are(copy: Path) -> None:
    with Store(copy) as store:
        summit = store.query(
            "SELECT c.id, c.n_articles, c.n_outlets, list(m.event_id ORDER BY m.doc_id) AS events, "
            "list(m.doc_id ORDER BY m.doc_id) AS docs FROM event_clusters c JOIN event_cluster_members m "
            "ON m.cluster_id = c.id WHERE c.match_key LIKE 'MEET|%' GROUP BY ALL ORDER BY c.n_articles DESC LIMIT 1"
        )[0]
        low_doc = summit["docs"][-1]
        low = [event for event, doc in zip(summit["events"], summit["docs"]) if doc == low_doc]
        kept = [event for event in summit["events"] if event not in low]
        stories_before = story_of(store)
        set_confidence(store, 0.9, "true", [])
        set_confidence(store, 0.1, "id IN (SELECT unnest(?::VARCHAR[]))", [low])
        set_confidence(store, None, "id = ?", [kept[0]])  # stored before events had a confidence
        unlink_all(store)
        link(store, event_threshold=0.5)
        members = dict(store.db.execute("SELECT event_id, cluster_id FROM event_cluster_members").fetchall())
        assert not set(low) & set(members)
        after = store.query("SELECT n_articles, n_outlets FROM event_clusters WHERE id = ?", [members[kept[0]]])[0]
        # Stories still read every event: the article whose reports were dropped stays in its story.
        assert story_of(store) == stories_before
    assert set(kept) <= set(members)
    assert after["n_articles"] == summit["n_articles"] - 1


@pytest.mark.parametrize(("threshold", "contested"), [(0.5, False), (0.05, True)])
def test_a_denial_under_the_threshold_contests_nothing(copy: Path, threshold: float, contested: bool) -> None:
    with Store(copy) as store:
        set_confidence(store, 0.9, "true", [])
        set_confidence(store, 0.1, "status = 'denied'", [])
        unlink_all(store)
        link(store, event_threshold=threshold)
        claims = store.count("contested_claims")
    assert (claims > 0) == contested


@pytest.fixture(scope="module")
def reuters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A thousand real Reuters articles, ingested but not linked: enough stories for their words
    to shift as articles join them."""
    source = REUTERS / "reut2-000.sgm"
    if not source.is_file():
        pytest.skip("../shared/corpus/reuters21578 not found; the interrupted-linking check needs it")
    db = tmp_path_factory.mktemp("reuters") / "unlinked.duckdb"
    summary = ingest([source], Settings(db=db, workers=2, progress=False, link=False), today=date(2026, 1, 1))
    assert summary.ok and summary.new > 900
    return db


def _kill_when_half_linked(db: Path, config: Path) -> int:
    """Run ``newsgraph link`` on a terminal (so it draws its progress), kill -9 it once half the
    documents are linked, and return how many its committed batches linked."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "link", "--db", str(db), "--config", str(config)],
        stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
        env=dict(os.environ, PYTHONPATH=str(REPO / "src"), COLUMNS="120", TERM="xterm"),
    )
    os.close(follower)
    output = b""
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1.0)
            if ready:
                try:
                    output += os.read(leader, 65536)
                except OSError:  # the process closed the terminal: it finished
                    break
                done = [int(done) for done, total in re.findall(rb"(\d+)/(\d+)", output) if int(done) * 2 >= int(total) > 0]
                if done:
                    process.kill()
                    break
            assert process.poll() is None, f"link ended before half was linked: {output[-500:]!r}"
    finally:
        process.kill()
        process.wait()
        os.close(leader)
    with Store(db, read_only=True) as store:
        row = store.db.execute("SELECT count(*) FROM link_state").fetchone()
    return int(row[0]) if row else 0


def test_linking_killed_halfway_resumes_to_what_one_run_gives(reuters: Path, tmp_path: Path) -> None:
    config = tmp_path / "newsgraph.toml"
    config.write_text("[newsgraph]\nbatch_size = 50\n")
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    shutil.copy(reuters, whole)
    shutil.copy(reuters, killed)
    with Store(whole) as store:
        total = link(store, batch_size=50).documents
    linked = _kill_when_half_linked(killed, config)
    assert 0 < linked < total and linked % 50 == 0, "the kill must land between two committed batches"
    with Store(killed) as store:
        assert link(store, batch_size=50).documents == total - linked
    assert snapshot(killed) == snapshot(whole)
