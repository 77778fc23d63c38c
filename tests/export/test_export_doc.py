"""docs/export.md is the export: the exporter produces every record type and field it names, and
nothing it does not name; what it marks "contract" is what ../shared/contract/EXPORT.md requires."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from factories import REPO, SHARED
from newsgraph.examples import example_folder
from newsgraph.export import KINDS, export
from newsgraph.export.writers import OBJECT_COLUMNS
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings

DOC = REPO / "docs" / "export.md"
CONTRACT = SHARED / "contract" / "EXPORT.md"


def documented() -> dict[str, dict[str, bool]]:
    """Each record type the page has a section for: its fields, each with whether the contract requires it."""
    kinds: dict[str, dict[str, bool]] = {}
    current: dict[str, bool] | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.fullmatch(r"## `(\w+)`", line)
        if heading:
            current = kinds.setdefault(heading.group(1), {})
            continue
        row = re.match(r"\| `(\w+)` \| (contract)? *\|", line)
        if row and current is not None:
            current[row.group(1)] = row.group(2) is not None
    return kinds


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    """The bundled examples ingested and linked (every record type), exported as JSON Lines and Parquet."""
    folder = tmp_path_factory.mktemp("export")
    db = folder / "news.duckdb"
    assert ingest([example_folder()], Settings(db=db, workers=1, progress=False), today=date(2026, 3, 20)).ok
    export(db, "jsonl", folder / "all.jsonl")
    export(db, "parquet", folder / "tables")
    records = [json.loads(line) for line in (folder / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    return records, folder / "tables"


def test_the_page_documents_every_record_type_in_export_order(exported: tuple[list[dict[str, Any]], Path]) -> None:
    records, _ = exported
    assert list(documented()) == list(KINDS)
    assert list(dict.fromkeys(record["record"] for record in records)) == list(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_record_has_exactly_the_fields_the_page_names(exported: tuple[list[dict[str, Any]], Path], kind: str) -> None:
    records, tables = exported
    named = set(documented()[kind])
    of_kind = [record for record in records if record["record"] == kind]
    assert of_kind, f"the examples gave no {kind} record to check"
    for record in of_kind:
        assert set(record) == named, f"{kind}: not produced {sorted(named - set(record))}, not named {sorted(set(record) - named)}"
    columns = {f"{name}_{field}" for name in named & set(OBJECT_COLUMNS) for field in OBJECT_COLUMNS[name]}
    assert set(pq.read_schema(tables / f"{kind}.parquet").names) == (named - set(OBJECT_COLUMNS)) | columns


def test_what_the_page_marks_contract_is_what_the_contract_requires() -> None:
    if not CONTRACT.exists():
        pytest.skip("../shared/contract/EXPORT.md not found; the contract check needs the shared folder")
    required: dict[str, set[str]] = {}
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*`(\w+)`\s*\|(.*)\|\s*$", line)
        if match:
            outside = re.sub(r"\([^)]*\)", "", match.group(2))
            required[match.group(1)] = set(re.findall(r"`(\w+)`", outside))
    for kind, fields in documented().items():
        marked = {name for name, contract in fields.items() if contract}
        # `record` names every record (and `kind` a quotation's kind): the contract's own rules.
        expected = required.get(kind, set()) | ({"record"} if kind in required else set())
        expected |= {"kind"} if kind == "quote" else set()
        assert marked == expected, kind
