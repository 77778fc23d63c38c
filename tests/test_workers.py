"""Several worker processes give exactly what one process gives, and end when the main process does."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

from factories import REPO

from newsgraph.export import iter_records
from newsgraph.export.writers import write_jsonl
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

TEMPLATE = """Ministers meet on {topic}

Foreign ministers from Chile and Peru met in Lima on Monday to discuss {topic}, officials said.

"We agreed to keep talking about {topic}," said Ana Ruiz, a spokeswoman for the Chilean foreign ministry.
"""

TOPICS = ["fishing", "water", "trade", "mining", "roads", "ports", "customs", "tourism", "energy", "rail", "dams", "wine"]


def export_text(db: Path) -> str:
    out = io.StringIO()
    with Store(db, read_only=True) as store:
        write_jsonl(iter_records(store), out)
    return out.getvalue()


def test_two_workers_store_exactly_what_one_stores(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for topic in TOPICS:
        (folder / f"{topic}.txt").write_text(TEMPLATE.format(topic=topic))
    one = ingest([folder], Settings(db=tmp_path / "one.duckdb", workers=1))
    two = ingest([folder], Settings(db=tmp_path / "two.duckdb", workers=2))
    assert (one.new, one.failed) == (two.new, two.failed) == (len(TOPICS), [])
    assert export_text(tmp_path / "one.duckdb") == export_text(tmp_path / "two.duckdb")


def _workers_of(main: psutil.Process) -> list[psutil.Process]:
    return [child for child in main.children(recursive=True) if "spawn_main" in " ".join(child.cmdline())]


def test_the_workers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"  # one file of many articles: its batches go to the workers
    with articles.open("w") as out:
        for number in range(400):
            text = TEMPLATE.format(topic=f"{TOPICS[number % len(TOPICS)]} ({number})")
            out.write(json.dumps({"text": text, "url": f"https://example.org/{number}"}) + "\n")
    main = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "ingest", str(articles), "--db", str(tmp_path / "db.duckdb"), "--workers", "2"],
        env=dict(os.environ, PYTHONPATH=str(REPO / "src")), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2:
            assert main.poll() is None and time.monotonic() < deadline, "ingest never started its two workers"
            time.sleep(0.2)
            workers = _workers_of(psutil.Process(main.pid))
        time.sleep(3)  # let them load the model and start working
        assert all(worker.is_running() for worker in workers)
        main.kill()
        main.wait()
        gone, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive, f"workers {[worker.pid for worker in alive]} outlived the killed ingest"
    finally:
        main.kill()
        for worker in workers:  # orphans are no longer children of this process: end them by id
            if worker.is_running():
                worker.kill()
