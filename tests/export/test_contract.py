"""The export keeps to ../shared/contract/EXPORT.md: every required field of every kind we emit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dataclasses import replace

from factories import SHARED, make_document
from newsgraph.actors.records import ActorRecord, MentionRecord
from newsgraph.records import Document, Quote
from newsgraph.export import export
from newsgraph.store import Store

CONTRACT = SHARED / "contract" / "EXPORT.md"


def contract_fields() -> dict[str, set[str]]:
    if not CONTRACT.exists():
        pytest.skip("../shared/contract/EXPORT.md not found; the contract check needs the shared folder")
    fields: dict[str, set[str]] = {}
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*`(\w+)`\s*\|(.*)\|\s*$", line)
        if match:
            # Field names are the backticked words outside parentheses (those hold allowed values).
            outside = re.sub(r"\([^)]*\)", "", match.group(2))
            fields[match.group(1)] = set(re.findall(r"`(\w+)`", outside))
    return fields


def a_document_with_actors_and_a_quote() -> Document:
    text = '"We agree," Ana Ruiz said.'
    document = make_document(text, title="T", outlet="O", authors=["A"], published="2024-06-18")
    actor = ActorRecord("person:ana-ruiz", "Ana Ruiz", "person", "ESP", None, ("Ana Ruiz",))
    quote = Quote(
        id="quote_1", field="text", start=1, end=9, text="We agree", kind="direct",
        speaker_actor_id=actor.id, speaker_text="Ana Ruiz", speaker_start=12, speaker_end=20, cue="say",
        reporter_text=None, evidence_start=0, evidence_end=len(text), evidence_text=text,
    )
    return replace(document, actors=[actor], mentions=[MentionRecord(actor.id, 12, 20, "Ana Ruiz", "name")], quotes=[quote])


def test_every_record_carries_every_contract_field_of_its_kind(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        store.write_documents([a_document_with_actors_and_a_quote()], [], "v1")
    out = tmp_path / "export.jsonl"
    export(db_path, "jsonl", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    fields = contract_fields()
    assert {"id", "source", "title", "outlet", "authors", "published", "dateline", "language", "text"} <= fields["document"]
    assert {record["record"] for record in records} == {"document", "actor", "mention", "quote"}
    for record in records:
        missing = fields[record["record"]] - set(record)
        assert not missing, f"{record['kind']} lacks {missing}"
    assert records[0]["authors"] == ["A"] and records[0]["published"] == "2024-06-18"


def test_a_real_ingest_exports_every_kind_with_its_contract_fields(db_path: Path, tmp_path: Path) -> None:
    from newsgraph.ingestion import ingest
    from newsgraph.settings import Settings

    article = tmp_path / "hanoi.txt"
    article.write_text(
        "Leaders meet in Hanoi\n[June 18, 2024]\n\n"
        "Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi on Wednesday, "
        "after more than 200 officials prepared the talks.\n\n"
        '"We will work together," Putin said.\n'
    )
    ingest([article], Settings(db=db_path, workers=1))
    out = tmp_path / "export.jsonl"
    export(db_path, "jsonl", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    fields = contract_fields()
    assert {"document", "actor", "mention", "quote", "event", "time", "amount"} <= {r["record"] for r in records}
    for record in records:
        if record["record"] in fields:
            missing = fields[record["record"]] - set(record)
            assert not missing, f"{record['record']} lacks {missing}"


def test_link_records_carry_every_contract_field(tmp_path: Path) -> None:
    from newsgraph.ingestion import ingest
    from newsgraph.settings import Settings

    db = tmp_path / "linked.duckdb"
    articles = Path(__file__).parents[1] / "linking" / "articles.jsonl"
    assert ingest([articles], Settings(db=db, workers=1, progress=False)).ok
    out = tmp_path / "export.jsonl"
    export(db, "jsonl", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    fields = contract_fields()
    kinds = {record["record"] for record in records}
    assert {"story", "event_cluster", "quote_cluster", "near_duplicate", "contested_claim"} <= kinds
    documents = {record["id"] for record in records if record["record"] == "document"}
    for record in records:
        if record["record"] in ("story", "event_cluster", "quote_cluster"):
            assert record["kind"] == record["record"]
            missing = fields[record["record"]] - set(record)
            assert not missing, f"{record['kind']} lacks {missing}"
            assert set(record["doc_ids"]) <= documents
    stories = [record for record in records if record["record"] == "story"]
    assert sorted(len(story["doc_ids"]) for story in stories) == [1, 4]
