"""A local Dask cluster of two workers gives exactly what one process gives, records the failures,
and a rerun or a second import adds nothing. One cluster serves the whole module."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from distributed import Client

from factories import REUTERS, SEEDS
from newsgraph.cluster import dask_client, import_parquet, ingest_dask
from newsgraph.cluster.dataset import iter_parts
from newsgraph.cluster.engine import ClusterSummary
from newsgraph.export import KINDS, iter_records
from newsgraph.export.writers import write_jsonl
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

REUTERS_FILE = REUTERS / "reut2-000.sgm"
SAMPLE = 35  # the five seeds, then the first 30 Reuters articles


@dataclass(frozen=True)
class Runs:
    folder: Path
    out: str
    first: ClusterSummary
    single_db: Path
    cluster_db: Path


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with dask_client(None, workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def runs(client: Client, tmp_path_factory: pytest.TempPathFactory) -> Runs:
    if not (SEEDS.is_dir() and REUTERS_FILE.is_file()):
        pytest.skip("../shared/corpus (seeds and Reuters) not found; the cluster check needs the shared folder")
    folder = tmp_path_factory.mktemp("cluster")
    inputs = [str(SEEDS), str(REUTERS_FILE)]
    out = str(folder / "dataset")
    first = ingest_dask(inputs, out, Settings(workers=2, batch_size=8), client=client, limit=SAMPLE)
    import_parquet(out, Settings(db=folder / "cluster.duckdb"))
    ingest([Path(path) for path in inputs], Settings(db=folder / "single.duckdb", workers=1), limit=SAMPLE)
    return Runs(folder, out, first, folder / "single.duckdb", folder / "cluster.duckdb")


def records(db: Path) -> list[dict[str, object]]:
    """The ``export --format jsonl`` lines of a database, parsed."""
    text = io.StringIO()
    with Store(db, read_only=True) as store:
        write_jsonl(iter_records(store), text)
    return [json.loads(line) for line in text.getvalue().splitlines()]


def test_both_workers_did_the_work(runs: Runs) -> None:
    assert (runs.first.articles, runs.first.written, runs.first.failed) == (SAMPLE, SAMPLE, [])
    assert len(runs.first.worker_rss_mb) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_the_cluster_stores_exactly_what_one_process_stores(runs: Runs, kind: str) -> None:
    single = [record for record in records(runs.single_db) if record["record"] == kind]
    cluster = [record for record in records(runs.cluster_db) if record["record"] == kind]
    assert single, f"the sample has no {kind} records to compare"
    assert len(cluster) == len(single)
    for expected, found in zip(single, cluster):
        assert found == expected


def test_the_dataset_is_partitioned_by_month_and_readable_by_duckdb(runs: Runs) -> None:
    with duckdb.connect() as db:
        months = db.execute(
            f"SELECT month, count(*) FROM read_parquet('{runs.out}/documents/*/*.parquet', hive_partitioning = true) "
            "GROUP BY month ORDER BY month"
        ).fetchall()
        published = db.execute(
            f"SELECT DISTINCT substr(published, 1, 7) FROM read_parquet('{runs.out}/documents/*/*.parquet')"
        ).fetchall()
    assert sum(count for _, count in months) == SAMPLE
    assert dict(months)["1987-02"] == 30  # the first Reuters articles, all from February 1987
    assert {month for month, _ in months} - {"unknown"} == {value for (value,) in published if value and len(value) == 7}


def test_a_rerun_writes_nothing_new(runs: Runs, client: Client) -> None:
    before = sorted(part for table in ("documents", "sources", "failures") for part in iter_parts(runs.out, table))
    again = ingest_dask([str(SEEDS), str(REUTERS_FILE)], runs.out, Settings(workers=2), client=client, limit=SAMPLE)
    after = sorted(part for table in ("documents", "sources", "failures") for part in iter_parts(runs.out, table))
    assert (again.articles, again.written, again.skipped) == (0, 0, SAMPLE)
    assert after == before


def test_importing_again_changes_nothing(runs: Runs) -> None:
    before = records(runs.cluster_db)
    again = import_parquet(runs.out, Settings(db=runs.cluster_db))
    assert (again.documents, again.sources) == (0, 0)
    assert records(runs.cluster_db) == before


def test_a_failed_document_is_recorded_and_the_run_goes_on(client: Client, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("Ministers meet\n\nThe two ministers met in Lima on Monday, officials said.\n")
    (folder / "empty.txt").write_text("")
    (folder / "furniture.txt").write_text("Share this article\n")
    out = str(tmp_path / "dataset")
    summary = ingest_dask([str(folder)], out, Settings(workers=2), client=client)
    with duckdb.connect() as db:
        failures = db.execute(
            f"SELECT source, problem, month FROM read_parquet('{out}/failures/*/*.parquet', hive_partitioning = true) ORDER BY source"
        ).fetchall()
    assert summary.written == 1
    assert [(Path(source).name, month) for source, _, month in failures] == [("empty.txt", "unknown"), ("furniture.txt", "unknown")]
    assert "empty file" in failures[0][1]
    assert {failure.source for failure in summary.failed} == {source for source, _, _ in failures}
    rerun = ingest_dask([str(folder)], out, Settings(workers=2), client=client)
    assert (rerun.written, rerun.skipped, rerun.failed) == (0, 3, [])
