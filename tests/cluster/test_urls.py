"""Inputs and output at fsspec URLs (``memory://`` here), on a Dask cluster inside this process
(a ``memory://`` file system lives in one process), then imported into the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from distributed import Client, LocalCluster

from newsgraph.cluster import import_parquet, ingest_dask
from newsgraph.cluster.inputs import list_inputs, read_input
from newsgraph.errors import InputError
from newsgraph.records import RawArticle
from newsgraph.settings import Settings
from newsgraph.store import Store

ARTICLE = """Ministers agree on river treaty

By Jane Roe

LIMA, June 3, 2024 - The two ministers agreed on Monday to share data on river levels, officials said.
"""


@pytest.fixture
def memory() -> Iterator[fsspec.AbstractFileSystem]:
    fs = fsspec.filesystem("memory")
    if fs.exists("/newsgraph-test"):
        fs.rm("/newsgraph-test", recursive=True)
    yield fs
    if fs.exists("/newsgraph-test"):
        fs.rm("/newsgraph-test", recursive=True)


def put(fs: fsspec.AbstractFileSystem, path: str, text: str) -> None:
    with fs.open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))


def test_a_url_folder_is_listed_in_order_without_hidden_files(memory: fsspec.AbstractFileSystem) -> None:
    put(memory, "/newsgraph-test/in/b.txt", ARTICLE)
    put(memory, "/newsgraph-test/in/a/c.txt", ARTICLE)
    put(memory, "/newsgraph-test/in/.hidden.txt", ARTICLE)
    files, problems = list_inputs(["memory:///newsgraph-test/in", "memory:///newsgraph-test/missing"])
    assert [file.name for file in files] == ["memory:///newsgraph-test/in/a/c.txt", "memory:///newsgraph-test/in/b.txt"]
    assert [problem.path for problem in problems] == ["memory:///newsgraph-test/missing"]


def test_an_article_read_from_a_url_is_named_by_its_url(memory: fsspec.AbstractFileSystem) -> None:
    put(memory, "/newsgraph-test/in/a.txt", ARTICLE)
    put(memory, "/newsgraph-test/in/empty.txt", "")
    article, = read_input("memory:///newsgraph-test/in/a.txt", max_article_bytes=1_000_000)
    problem, = read_input("memory:///newsgraph-test/in/empty.txt", max_article_bytes=1_000_000)
    assert isinstance(article, RawArticle) and article.source == "memory:///newsgraph-test/in/a.txt"
    assert isinstance(problem, InputError) and str(problem).startswith("memory:///newsgraph-test/in/empty.txt: empty file")


def test_a_run_from_and_to_urls_imports_and_versions_an_edited_article(memory: fsspec.AbstractFileSystem, tmp_path: Path) -> None:
    put(memory, "/newsgraph-test/in/a.txt", ARTICLE)
    out = "memory:///newsgraph-test/dataset"
    settings = Settings(db=tmp_path / "db.duckdb", workers=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, Client(cluster) as client:
        first = ingest_dask(["memory:///newsgraph-test/in"], out, settings, client=client)
        put(memory, "/newsgraph-test/in/a.txt", ARTICLE.replace("river", "lake"))
        second = ingest_dask(["memory:///newsgraph-test/in"], out, settings, client=client)
    assert (first.written, second.written) == (1, 1)
    assert memory.exists("/newsgraph-test/dataset/documents/month=2024-06")
    imported = import_parquet(out, settings)
    with Store(settings.db, read_only=True) as store:
        documents = list(store.iter_rows("documents", "version_of NULLS FIRST"))
    assert (imported.documents, imported.versions) == (2, 1)
    assert documents[1]["version_of"] == documents[0]["id"]
    assert documents[0]["source"] == "memory:///newsgraph-test/in/a.txt"


def test_importing_a_folder_that_is_no_dataset_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a newsgraph Parquet dataset"):
        import_parquet(str(tmp_path), Settings(db=tmp_path / "db.duckdb"))


def test_a_file_url_is_read_like_any_other(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE)
    url = f"file://{tmp_path}/in"
    files, problems = list_inputs([url])
    article, = read_input(files[0].name, max_article_bytes=1_000_000)
    assert problems == []
    assert isinstance(article, RawArticle)
    assert article.source == f"file://{tmp_path}/in/a.txt"
    assert article.raw_text.startswith("Ministers agree on river treaty")
