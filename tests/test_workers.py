"""Several worker processes give exactly what one process gives."""

from __future__ import annotations

import io
from pathlib import Path

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
