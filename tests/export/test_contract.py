"""The export keeps to ../shared/contract/EXPORT.md: every required field of every kind we emit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factories import SHARED, make_document
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


def test_document_records_carry_every_contract_field(db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        store.write_documents([make_document(title="T", outlet="O", authors=["A"], published="2024-06-18")], [], "v1")
    out = tmp_path / "export.jsonl"
    export(db_path, "jsonl", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    fields = contract_fields()
    assert {"id", "source", "title", "outlet", "authors", "published", "dateline", "language", "text"} <= fields["document"]
    assert records, "nothing exported"
    for record in records:
        missing = fields[record["kind"]] - set(record)
        assert not missing, f"{record['kind']} lacks {missing}"
    assert records[0]["authors"] == ["A"] and records[0]["published"] == "2024-06-18"
