"""The full-text index: built over what is stored, known to be stale when rows are added, and
kept current by ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import make_document
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.store.search import fts_schema, load_fts, rebuild_search_index, search_index_current


def _matches(store: Store, words: str) -> list[str]:
    load_fts(store.db)
    rows = store.db.execute(
        f"SELECT id FROM documents WHERE {fts_schema('documents')}.match_bm25(id, ?) IS NOT NULL ORDER BY id", [words]
    ).fetchall()
    return [row[0] for row in rows]


def test_the_index_finds_stored_text_and_knows_when_it_is_stale(db_path: Path) -> None:
    with Store(db_path) as store:
        assert not search_index_current(store.db)
        store.write_documents([make_document("Ministers signed a river treaty.", doc_id="doc_a")], [], "test")
        assert rebuild_search_index(store.db)["documents"] == 1
        assert search_index_current(store.db)
        assert _matches(store, "treaty") == ["doc_a"]
        store.write_documents([make_document("Another treaty on fishing.", doc_id="doc_b")], [], "test")
        assert not search_index_current(store.db)
        rebuild_search_index(store.db)
        assert search_index_current(store.db)
        assert _matches(store, "treaty") == ["doc_a", "doc_b"]


@pytest.mark.parametrize("words", ["treaty", "TREATIES", "fishing treaty"])
def test_search_words_are_stemmed_and_case_blind(db_path: Path, words: str) -> None:
    with Store(db_path) as store:
        store.write_documents([make_document("Another treaty on fishing.", doc_id="doc_b")], [], "test")
        rebuild_search_index(store.db)
        assert _matches(store, words) == ["doc_b"]


def test_ingest_leaves_the_index_current(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.jsonl").write_text('{"title": "Lake deal", "text": "The two ministers agreed on a lake treaty."}\n')
    ingest([folder], Settings(db=db_path, workers=1, progress=False))
    (folder / "two.jsonl").write_text('{"title": "River deal", "text": "The ministers agreed on a river accord."}\n')
    ingest([folder], Settings(db=db_path, workers=1, progress=False))
    with Store(db_path) as store:
        assert search_index_current(store.db)
        assert len(_matches(store, "accord")) == 1
