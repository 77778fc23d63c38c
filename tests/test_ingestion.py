"""Ingest end to end: idempotency, versions, bad input among good, and an interrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsgraph.ingestion import ingest
from newsgraph.settings import Settings

ARTICLE = """Ministers agree on river treaty

By Jane Roe

The two ministers agreed on Monday to share data on river levels, officials said.

"This is a good day for both countries," one of them told reporters.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    write(folder, "one.txt", ARTICLE)
    write(folder, "nested/two.txt", ARTICLE.replace("river", "lake").replace("Monday", "Friday"))
    write(folder, "feed.jsonl", '{"title": "Feed item", "text": "A third article about a border agreement, signed on Tuesday."}\n')
    return folder


def test_ingesting_the_same_input_twice_changes_nothing(corpus: Path, db_path: Path) -> None:
    settings = Settings(db=db_path)
    first = ingest([corpus], settings)
    snapshot = rows(db_path, "SELECT id, text, title FROM documents ORDER BY id")
    second = ingest([corpus], settings)
    assert (first.new, first.unchanged, first.failed) == (3, 0, [])
    assert (second.new, second.unchanged, second.failed) == (0, 3, [])
    assert rows(db_path, "SELECT id, text, title FROM documents ORDER BY id") == snapshot


def test_an_edited_file_becomes_a_new_version_linked_to_the_old(corpus: Path, db_path: Path) -> None:
    settings = Settings(db=db_path)
    ingest([corpus], settings)
    (old_id,) = rows(db_path, "SELECT id FROM documents WHERE source LIKE '%one.txt'")[0]
    write(corpus, "one.txt", ARTICLE.replace("share data", "publish data"))
    summary = ingest([corpus], settings)
    assert (summary.new, summary.versions) == (1, 1)
    assert rows(db_path, f"SELECT count(*) FROM documents WHERE version_of = '{old_id}'") == [(1,)]


def test_the_same_article_under_two_names_is_one_document(corpus: Path, db_path: Path) -> None:
    write(corpus, "copy-of-one.txt", ARTICLE)
    summary = ingest([corpus], Settings(db=db_path))
    assert summary.new == 3
    assert rows(db_path, "SELECT count(*) FROM sources") == [(4,)]


def test_bad_files_are_reported_by_name_and_the_rest_is_stored(corpus: Path, db_path: Path) -> None:
    write(corpus, "empty.txt", "")
    write(corpus, "picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(corpus, "notes.pdf", b"%PDF-1.4")
    summary = ingest([corpus], Settings(db=db_path))
    assert summary.new == 3
    failed = {Path(failure.source).name: failure.problem for failure in summary.failed}
    assert set(failed) == {"empty.txt", "picture.txt", "notes.pdf"}
    assert all(name in problem for name, problem in failed.items())
    assert not summary.ok


def test_a_failing_run_never_loses_what_is_stored(corpus: Path, db_path: Path) -> None:
    settings = Settings(db=db_path)
    ingest([corpus], settings)
    before = rows(db_path, "SELECT id FROM documents ORDER BY id")
    broken = corpus.parent / "broken"
    write(broken, "empty.txt", "   \n")
    ingest([broken, corpus], settings)
    assert rows(db_path, "SELECT id FROM documents ORDER BY id") == before


def test_killing_a_run_leaves_only_whole_documents_and_a_rerun_finishes(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "many"
    count = 120
    for n in range(count):
        write(folder, f"{n:04}.txt", ARTICLE.replace("river", f"river number {n}"))
    config = write(tmp_path, "newsgraph.toml", "[newsgraph]\nbatch_size = 5\n")
    command = [sys.executable, "-m", "newsgraph", "--debug", "ingest", str(folder), "--db", str(db_path), "--config", str(config), "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # The writer holds the database lock, so watch its write-ahead log grow instead of querying it.
    wal = db_path.with_name(db_path.name + ".wal")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 20_000:
            break
        time.sleep(0.01)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = _stored(db_path)
    assert stored < count, "the run finished before it could be killed; raise the article count"
    orphans = rows(
        db_path,
        "SELECT count(*) FROM sources s LEFT JOIN documents d ON d.id = s.doc_id WHERE d.id IS NULL",
    )
    assert orphans == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM documents WHERE text = '' OR title IS NULL") == [(0,)]
    summary = ingest([folder], Settings(db=db_path))
    assert summary.failed == []
    assert _stored(db_path) == count
    assert summary.unchanged == stored


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return int(rows(db, "SELECT count(*) FROM documents")[0][0])  # type: ignore[call-overload]
    except duckdb.Error:
        return 0


def _built_at(store: object) -> list[tuple[object, ...]]:
    return store.db.execute("SELECT table_name, built_at FROM search_index_state ORDER BY 1").fetchall()  # type: ignore[attr-defined]


@pytest.mark.parametrize("link_documents", [True, False])
def test_settle_links_what_was_stored_and_leaves_the_index_current(db_path: Path, link_documents: bool) -> None:
    from factories import make_document
    from newsgraph.ingestion import settle
    from newsgraph.store import Store
    from newsgraph.store.search import search_index_current

    with Store(db_path) as store:
        store.write_documents([make_document("Ministers signed a river treaty.", doc_id="doc_a", published="2024-06-18"),
                               make_document("Ministers signed a lake treaty.", doc_id="doc_b", published="2024-06-19")],
                              [], "test")
        settled = settle(store, stored=2, link_documents=link_documents, event_threshold=None)
        assert search_index_current(store.db)
        linked = store.db.execute("SELECT count(*) FROM story_documents").fetchone()
        if link_documents:
            assert settled.linked is not None and settled.linked.documents == 2 and linked == (2,)
        else:
            assert settled.linked is None and linked == (0,)
        assert settled.dated_from_stories == 0
        built = _built_at(store)
        settle(store, stored=0, link_documents=link_documents, event_threshold=None)
        assert _built_at(store) == built  # nothing stored, the index current: nothing rebuilt


def test_a_line_an_outlet_repeats_across_the_documents_of_a_run_is_removed(tmp_path: Path, db_path: Path) -> None:
    slogan = "Valdora Daily: the river valley's own voice"
    lines = [
        {"title": f"Talks round {number}", "text": f"The ministers met for round {number}, officials said.\n\n{slogan}"}
        for number in range(1, 4)
    ]
    import json

    write(tmp_path / "feed", "valdora.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    summary = ingest([tmp_path / "feed"], Settings(db=db_path))
    texts = [text for (text,) in rows(db_path, "SELECT text FROM documents")]
    assert summary.new == 3 and len(texts) == 3
    assert all("officials said" in text and "own voice" not in text for text in texts)
