"""The flat events tables analysts load as they are: one row per event or per dyad, names beside
codes, date with its precision, the article, the place with the precision of its point; lists as
lists in Parquet and JSON, ``;``-joined in CSV; GDELT 2.0's columns as an option."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.export import export, export_table
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings

ARTICLE = (
    "Leaders meet in Hanoi\n[June 18, 2024]\n\n"
    "Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi on Wednesday.\n\n"
    "Putin and Kim Jong Un signed a defence pact in Pyongyang last week.\n"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("flat")
    (folder / "hanoi.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "hanoi.duckdb"
    assert ingest([folder / "hanoi.txt"], Settings(db=path, workers=1, progress=False)).ok
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_an_event_row_has_names_codes_date_precision_article_and_place(db: Path, tmp_path: Path) -> None:
    export_table(db, "events", "csv", tmp_path / "events.csv")
    rows = read_csv(tmp_path / "events.csv")
    met = next(row for row in rows if row["trigger_text"] == "met")
    assert met["source_actor_names"] == "Vladimir Putin" and met["source_actor_codes"] == "RUSGOV"
    assert met["target_actor_names"] and met["target_actor_codes"].startswith("VNM")
    assert (met["date"], met["date_precision"]) == ("2024-06-12", "day")
    assert (met["article_title"], met["published"]) == ("Leaders meet in Hanoi", "2024-06-18")
    assert (met["location_name"], met["location_country"], met["location_precision"]) == ("Hanoi", "VNM", "city")
    assert met["location_text"] == "Hanoi" and float(met["location_lat"]) == pytest.approx(21.0, abs=0.2)
    assert 0 <= float(met["confidence"]) <= 1
    pact = next(row for row in rows if row["trigger_text"] == "signed")
    assert pact["date_precision"] == "week"
    assert not any(cell.startswith(("[", "{")) for row in rows for cell in row.values())


def test_a_multi_actor_event_gives_one_dyad_row_per_pair(db: Path, tmp_path: Path) -> None:
    export_table(db, "dyads", "csv", tmp_path / "dyads.csv")
    events = read_csv(Path(export_table(db, "events", "csv", tmp_path / "e.csv") and tmp_path / "e.csv"))
    dyads = read_csv(tmp_path / "dyads.csv")
    expected = sum(max(1, len(e["source_actor_ids"].split(";"))) * max(1, len(e["target_actor_ids"].split(";")))
                   for e in events)
    assert len(dyads) == expected
    assert {"source_actor_id", "source_actor_name", "target_actor_code"} <= set(dyads[0])
    assert all(";" not in row["source_actor_id"] for row in dyads)


def test_parquet_has_proper_types_and_list_columns(db: Path, tmp_path: Path) -> None:
    export_table(db, "events", "parquet", tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.schema.field("source_actor_names").type == pa.list_(pa.string())
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("negated").type == pa.bool_()
    assert table.schema.field("quad_class").type == pa.int64()
    assert ["Vladimir Putin"] in table.column("source_actor_names").to_pylist()


def test_the_gdelt_layout_has_gdelts_61_columns(db: Path, tmp_path: Path) -> None:
    export_table(db, "gdelt", "csv", tmp_path / "gdelt.csv")
    rows = read_csv(tmp_path / "gdelt.csv")
    assert len(rows[0]) == 61 and list(rows[0])[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"]
    assert list(rows[0])[-2:] == ["DATEADDED", "SOURCEURL"]
    met = next(row for row in rows if row["Actor1Name"] == "VLADIMIR PUTIN" and row["EventCode"] == "040")
    assert (met["SQLDATE"], met["EventRootCode"], met["QuadClass"]) == ("20240612", "04", "1")
    assert (met["ActionGeo_Type"], met["ActionGeo_CountryCode"], met["Actor1CountryCode"]) == ("4", "VNM", "RUS")
    assert met["DATEADDED"] == "20240618000000"


def test_the_cli_writes_a_table_to_standard_output(db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "--table", "events", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {"event_id", "date_precision", "location_precision"} <= set(json.loads(result.stdout)[0])
    wrong = runner.invoke(app, ["export", "--db", str(db), "--table", "pairs"])
    assert wrong.exit_code == 1 and "--table must be one of events, dyads, gdelt" in wrong.output


def test_record_tables_hold_no_json_in_list_location_or_evidence_cells(db: Path, tmp_path: Path) -> None:
    export(db, "csv", tmp_path / "csv")
    event = read_csv(tmp_path / "csv" / "event.csv")[0]
    assert "location" not in event and {"location_name", "location_lat", "evidence_text"} <= set(event)
    assert not event["source_actor_ids"].startswith("[")
    export(db, "parquet", tmp_path / "parquet")
    schema = pq.read_table(tmp_path / "parquet" / "event.parquet").schema
    assert schema.field("source_actor_ids").type == pa.list_(pa.string())
