import io
import json
import os
import resource
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from click.testing import Result
from typer.testing import CliRunner

from factories import REPO, make_document, make_event
from newsgraph.cli import app
from newsgraph.errors import StoreError
from newsgraph.export import iter_records
from newsgraph.export.writers import write_jsonl
from newsgraph.store import MIGRATIONS, SourceSeen, Store


def test_a_new_database_gets_every_named_migration_once(db_path: Path) -> None:
    Store(db_path).close()
    Store(db_path).close()
    with duckdb.connect(str(db_path)) as db:
        names = [row[0] for row in db.execute("SELECT name FROM schema_migrations").fetchall()]
    assert names == [name for name, _ in MIGRATIONS]


def test_writing_the_same_documents_twice_stores_them_once(db_path: Path) -> None:
    document = make_document(title="T")
    with Store(db_path) as store:
        for _ in range(2):
            store.write_documents([document], [SourceSeen("a.txt", "sha-doc_1", "doc_1")], "test.v1")
        assert store.count("documents") == 1
        assert store.count("captions") == 1
        assert store.count("sources") == 1
        assert store.known_sources([("a.txt", "sha-doc_1"), ("b.txt", "x")]) == {("a.txt", "sha-doc_1"): "doc_1"}


def test_a_failed_batch_leaves_nothing_half_written(db_path: Path) -> None:
    documents = [make_document(doc_id="doc_1"), make_document(doc_id="doc_2")]
    # The documents and captions go in first; the NULL doc_id breaks the last insert of the batch.
    broken_source = SourceSeen("a.txt", "s", None)  # type: ignore[arg-type]
    with Store(db_path) as store:
        with pytest.raises(duckdb.Error):
            store.write_documents(documents, [broken_source], "test.v1")
        assert store.count("documents") == 0
        assert store.count("captions") == 0
        assert store.count("sources") == 0


def test_latest_document_of_a_source_follows_its_versions(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_documents([make_document(doc_id="doc_old")], [SourceSeen("a.txt", "s1", "doc_old")], "v1")
        store.write_documents([make_document(doc_id="doc_new")], [SourceSeen("a.txt", "s2", "doc_new")], "v1")
        assert store.latest_documents_of(["a.txt", "missing.txt"]) == {"a.txt": "doc_new"}


def test_documents_read_back_with_their_captions(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_documents([make_document(title="Hello", authors=["A B"])], [], "v1")
        row = store.document_row("doc_1")
    assert row is not None
    assert row["title"] == "Hello"
    assert row["authors"] == ["A B"]
    assert row["captions"][0]["credit"] == "Photo: Agency"


@pytest.mark.parametrize(
    ("make_path", "read_only", "message"),
    [
        (lambda tmp: tmp, False, "is a folder"),
        (lambda tmp: tmp / "absent.duckdb", True, "no database here yet"),
        (lambda tmp: _text_file(tmp), False, "cannot open the database"),
    ],
)
def test_bad_database_paths_get_a_clear_error(tmp_path: Path, make_path, read_only: bool, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match=message):
        Store(make_path(tmp_path), read_only=read_only)


def _text_file(folder: Path) -> Path:
    path = folder / "not-a-db.duckdb"
    path.write_text("this is not a database\n" * 100)
    return path


def test_an_actor_named_in_two_documents_is_one_row_with_every_form(db_path: Path) -> None:
    from dataclasses import replace

    from newsgraph.actors.records import ActorRecord, MentionRecord

    actor = ActorRecord("person:ana-ruiz", "Ana Ruiz", "person", "ESP", None, ("Ana Ruiz",))
    first = replace(make_document("Ana Ruiz spoke.", doc_id="doc_a"), actors=[actor],
                    mentions=[MentionRecord("person:ana-ruiz", 0, 8, "Ana Ruiz", "name")])
    second = replace(make_document("Ruiz spoke.", doc_id="doc_b"), actors=[replace(actor, aliases=("Ruiz",))],
                     mentions=[MentionRecord("person:ana-ruiz", 0, 4, "Ruiz", "surname")])
    with Store(db_path) as store:
        store.write_documents([first], [], "v1")
        store.write_documents([second], [], "v1")
        store.write_documents([second], [], "v1")
        actors = list(store.iter_rows("actors", "id"))
        assert [(row["id"], row["aliases"]) for row in actors] == [("person:ana-ruiz", ["Ana Ruiz", "Ruiz"])]
        assert store.count("mentions") == 2


def test_what_is_known_of_an_actor_does_not_depend_on_the_batch_size(tmp_path: Path) -> None:
    """The first document that knows an actor's role, affiliation or country sets it, whether the
    documents are written in one batch or one by one."""
    from dataclasses import replace

    from newsgraph.actors.records import ActorRecord

    bare = ActorRecord("person:ana-ruiz", "Ana Ruiz", "person", None, None, ("Ruiz",))
    known = replace(bare, country="ESP", role="minister", affiliation="Cortes")
    later = replace(bare, country="FRA", role="envoy", affiliation="Senate")
    documents = [
        replace(make_document(f"Ruiz spoke {n}.", doc_id=f"doc_{n}"), actors=[actor])
        for n, actor in enumerate([bare, known, later])
    ]
    stored = []
    for batches in ([documents], [[document] for document in documents]):
        with Store(tmp_path / f"{len(batches)}.duckdb") as store:
            for batch in batches:
                store.write_documents(batch, [], "v1")
            stored.append([(row["country"], row["role"], row["affiliation"]) for row in store.iter_rows("actors", "id")])
    assert stored[0] == stored[1] == [("ESP", "minister", "Cortes")]


def test_an_event_is_stored_with_its_confidence_and_a_rerun_keeps_it(db_path: Path) -> None:
    document = replace(make_document("Putin met Kim.", title="T"), events=[make_event(confidence=0.73)])
    with Store(db_path) as store:
        for _ in range(2):
            store.write_documents([document], [SourceSeen("a.txt", "sha-doc_1", "doc_1")], "test.v1")
        assert store.query("SELECT id, confidence FROM events") == [{"id": "event_1", "confidence": 0.73}]


ARTICLES = 150
TEXT = ('Foreign ministers from Chile and Peru met in Lima on Monday to discuss trade number {n}, officials said. '
        '"We agreed to keep talking," said Ana Ruiz, a spokeswoman for the Chilean foreign ministry. {words}')


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A JSON Lines file of articles, a config writing 25 per transaction, and the export of one
    uninterrupted ingest of them."""
    folder = tmp_path_factory.mktemp("full-disk")
    source = folder / "articles.jsonl"
    with source.open("w") as out:
        for n in range(ARTICLES):
            words = " ".join(f"w{n}x{k}" for k in range(30))
            out.write(json.dumps({"text": TEXT.format(n=n, words=words), "url": f"https://example.org/{n}",
                                  "date": "2026-03-10"}) + "\n")
    config = folder / "newsgraph.toml"
    config.write_text("[newsgraph]\nbatch_size = 25\n")
    whole = folder / "whole.duckdb"
    assert _ingest_here(source, whole, config).exit_code == 0
    return source, config, _export(whole)


def _ingest_here(source: Path, db: Path, config: Path) -> Result:
    """Ingest in this process (the language model is loaded once for the tests)."""
    return CliRunner().invoke(app, ["ingest", str(source), "--db", str(db), "--workers", "1", "--config", str(config)])


def _ingest_on_a_small_disk(source: Path, db: Path, config: Path, limit: int) -> subprocess.CompletedProcess[str]:
    """Ingest in a process that cannot write any file past ``limit`` bytes."""
    def limit_file_size() -> None:
        # Writing past the limit fails with EFBIG, as a write to a full disk fails with ENOSPC.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", str(source), "--db", str(db), "--workers", "1", "--config", str(config)],
        capture_output=True, text=True, timeout=600, preexec_fn=limit_file_size,
        env=dict(os.environ, PYTHONPATH=str(REPO / "src"), COLUMNS="300"),
    )


def _export(db: Path) -> str:
    out = io.StringIO()
    with Store(db, read_only=True) as store:
        write_jsonl(iter_records(store), out)
    return out.getvalue()


# The write-ahead log holds the documents by about 500 KB and their links by about 650 KB (the
# search index comes after): limits that fall while storing documents and while linking them.
@pytest.mark.parametrize("limit", [450_000, 580_000], ids=["while storing documents", "while linking"])
def test_a_full_disk_is_one_line_and_the_rerun_finishes_the_job(articles: tuple[Path, Path, str], tmp_path: Path,
                                                                 limit: int) -> None:
    source, config, whole = articles
    db = tmp_path / "db.duckdb"
    failed = _ingest_on_a_small_disk(source, db, config, limit)
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {db}: cannot write to the database"), failed.stderr
    assert "File too large" in lines[0] and "Traceback" not in failed.stderr
    with Store(db, read_only=True) as store:  # it opens, and holds whole batches
        stored, linked = store.count("documents"), store.db.execute("SELECT count(*) FROM link_state").fetchone()
        assert stored % 25 == 0 and linked is not None and linked[0] % 25 == 0 and (stored, linked[0]) != (ARTICLES,) * 2
    again = _ingest_here(source, db, config)
    assert again.exit_code == 0, again.output
    assert _export(db) == whole
