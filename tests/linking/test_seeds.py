"""The seed articles (read from ../shared/corpus/seeds): four report Putin's June 2024 visit to
North Korea, one Kim's September 2023 visit to Russia."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store


@pytest.fixture(scope="module")
def linked_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factories import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    assert ingest([SEEDS], Settings(db=db, workers=1, progress=False)).ok
    return db


def story_by_file(store: Store) -> dict[str, str]:
    rows = store.db.execute(
        "SELECT d.source, sd.story_id FROM story_documents sd JOIN documents d ON d.id = sd.doc_id"
    ).fetchall()
    return {Path(source).name[:3]: story for source, story in rows}


def files_of_cluster(store: Store, where: str) -> list[set[str]]:
    clusters = store.query(f"SELECT id FROM event_clusters WHERE {where} ORDER BY n_articles DESC")
    out = []
    for cluster in clusters:
        sources = store.db.execute(
            "SELECT DISTINCT d.source FROM event_cluster_members m JOIN documents d ON d.id = m.doc_id WHERE m.cluster_id = ?",
            [cluster["id"]],
        ).fetchall()
        out.append({Path(source).name[:3] for (source,) in sources})
    return out


def test_the_june_2024_visit_is_one_story_and_the_september_2023_visit_another(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        stories = story_by_file(store)
    assert stories["000"] == stories["002"] == stories["003"] == stories["004"]
    assert stories["001"] != stories["002"]


def test_the_pyongyang_summit_is_one_event_cluster_across_the_june_articles(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        summits = files_of_cluster(store, "match_key LIKE 'MEET|%PRK+RUS%' AND match_key LIKE '%|PRK'")
    assert summits and summits[0] >= {"000", "003", "004"}
    assert "001" not in summits[0]


def test_the_visit_to_vietnam_is_one_event_cluster(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        visits = files_of_cluster(store, "match_key LIKE 'MEET|%' AND match_key LIKE '%VNM%'")
    assert visits[0] == {"002", "003"}


def test_the_alleged_arms_supply_and_the_denials_are_linked(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        sides = store.query(
            "SELECT s.side, s.actor_ids, d.source FROM claim_sides s JOIN contested_claims c ON c.id = s.claim_id "
            "JOIN event_clusters e ON e.id = c.event_cluster_id JOIN documents d ON d.id = s.doc_id "
            "WHERE e.type = 'AID' AND e.match_key LIKE 'AID|%PRK%|RUS|%'"
        )
    files = {side: {Path(r["source"]).name[:3] for r in sides if r["side"] == side} for side in ("alleges", "denies")}
    assert len(files["alleges"]) >= 2 and len(files["denies"]) >= 2
    accusers = {a for r in sides if r["side"] in ("alleges", "accuses") for a in r["actor_ids"]}
    assert accusers & {"country:USA", "sector:USAGOV"}


def test_the_state_department_sentence_quoted_by_two_outlets_is_one_quote_cluster(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        clusters = store.query("SELECT * FROM quote_clusters WHERE speaker_actor_id = 'sector:USAGOV'")
        files = {
            Path(source).name[:3]
            for (source,) in store.db.execute(
                "SELECT d.source FROM quote_cluster_members m JOIN documents d ON d.id = m.doc_id WHERE m.cluster_id = ?",
                [clusters[0]["id"]],
            ).fetchall()
        }
    assert files == {"003", "004"}


def test_russia_s_veto_of_the_un_panel_is_one_event_cluster(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        vetoes = files_of_cluster(store, "match_key LIKE 'REJECT|RUS|IGOUNO|%'")
    assert vetoes[0] == {"002", "003"}


def test_the_undated_june_articles_are_dated_from_their_story(linked_seeds: Path) -> None:
    import json

    with Store(linked_seeds, read_only=True) as store:
        rows = store.db.execute("SELECT source, published, published_confidence, metadata_evidence FROM documents").fetchall()
    dated = {Path(source).name[:3]: (published, confidence, json.loads(evidence).get("published")) for source, published, confidence, evidence in rows}
    assert dated["002"][:2] == ("2024-06-18", 1.0)
    for seed in ("000", "003", "004"):
        published, confidence, evidence = dated[seed]
        assert published.startswith("2024-06") and confidence == 0.5
        assert evidence["rule"] == "story" and "report the same events" in evidence["text"]
    assert dated["003"][0] == "2024-06-19"  # it reports the summit as held


def test_the_summit_of_the_story_dated_articles_is_dated_june_19(linked_seeds: Path) -> None:
    with Store(linked_seeds, read_only=True) as store:
        rows = store.db.execute(
            "SELECT d.source, e.date, e.date_precision FROM events e JOIN documents d ON d.id = e.doc_id "
            "WHERE e.trigger_text ILIKE '%summit%' OR e.evidence_text ILIKE 'Kim and Putin then left for summit talks%'"
        ).fetchall()
    dates = {(Path(source).name[:3], date, precision) for source, date, precision in rows}
    assert ("000", "2024-06-19", "day") in dates
    assert ("003", "2024-06-19", "day") in dates
