"""Migrations bring a database made by an older newsgraph up to date without losing anything."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.store import MIGRATIONS, Store
from newsgraph.store.search import rebuild_search_index


def database_before(path: Path, migration: str) -> None:
    """A database as newsgraph left it before ``migration``: the earlier migrations applied, and
    one document with one event."""
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
        for name, apply in MIGRATIONS:
            if name == migration:
                break
            apply(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
        columns = [row[1] for row in db.execute("PRAGMA table_info('documents')").fetchall()]
        values = {name: None for name in columns} | {
            "id": "doc_1", "source": "a.txt", "format": "text", "raw_sha": "s", "agencies": [], "authors": [],
            "contributors": [], "published": "2024-06-18", "text": "Putin met Kim.", "raw_text": "Putin met Kim.",
            "offset_map": "[]", "metadata_evidence": "{}", "removed": "[]", "quote_marks": "{}", "pipeline": "old",
            "ingested_at": "2024-06-18 00:00:00",
        }
        db.execute(f"INSERT INTO documents VALUES ({', '.join('?' for _ in columns)})", [values[n] for n in columns])
        columns = [row[1] for row in db.execute("PRAGMA table_info('events')").fetchall()]
        values = {name: None for name in columns} | {
            "id": "event_old", "doc_id": "doc_1", "type": "CONSULT", "cameo": "040", "goldstein": 1.0,
            "source_actor_ids": ["person:vladimir-putin"], "source_actor_codes": ["RUSGOV"],
            "target_actor_ids": ["person:kim-jong-un"], "target_actor_codes": ["PRKGOV"], "status": "asserted",
            "negated": False, "trigger_text": "met", "trigger_start": 6, "trigger_end": 9, "evidence_start": 0,
            "evidence_end": 14, "evidence_text": "Putin met Kim.", "mutual": False, "stage": "newsgraph.events.v2",
        }
        db.execute(f"INSERT INTO events VALUES ({', '.join('?' for _ in columns)})", [values[n] for n in columns])


def test_events_stored_before_0009_keep_an_unknown_confidence(db_path: Path) -> None:
    database_before(db_path, "0009_event_confidence")
    with Store(db_path) as store:
        rows = store.query("SELECT id, confidence FROM events")
        rebuild_search_index(store.db)
        timeline = store.query("SELECT id, confidence FROM event_timeline")
        indexes = {row["index_name"] for row in store.query("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'")}
        applied = [row["name"] for row in store.query("SELECT name FROM schema_migrations ORDER BY name")]
    assert rows == timeline == [{"id": "event_old", "confidence": None}]
    assert indexes == {"events_doc_index"}  # 0009's index, made again under another name by 0011
    assert "0009_event_confidence" in applied


def test_events_stored_before_0011_get_the_precision_of_their_date(db_path: Path) -> None:
    database_before(db_path, "0011_date_precision")
    with duckdb.connect(str(db_path)) as db:
        db.execute("UPDATE events SET date = '2024-06'")
    with Store(db_path) as store:
        rows = store.query("SELECT id, date, date_precision FROM events")
        indexes = {row["index_name"] for row in store.query("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'")}
    assert rows == [{"id": "event_old", "date": "2024-06", "date_precision": "month"}]
    assert indexes == {"events_doc_index"}


def test_places_stored_before_0012_get_the_precision_of_their_point(db_path: Path) -> None:
    from newsgraph.places import load_gazetteer

    usa = load_gazetteer().country("USA")
    assert usa is not None and usa.lat is not None
    database_before(db_path, "0012_place_precision")
    places = [  # (text, name, country, lat, lon, kind)
        ("the White House", "the White House", "USA", usa.lat, usa.lon, "facility"),
        ("the Kremlin", "the Kremlin", "RUS", 55.75, 37.62, "facility"),
        ("Moscow", "Moscow", "RUS", 55.75, 37.62, "city"),
        ("Texas", "Texas", "USA", usa.lat, usa.lon, "region"),
        ("Asia", "Asia", None, 29.84, 89.3, "region"),
        ("the United States", "United States", "USA", usa.lat, usa.lon, "country"),
        ("the Korean Peninsula", "the Korean Peninsula", None, None, None, "region"),
    ]
    with duckdb.connect(str(db_path)) as db:
        for start, (text, name, country, lat, lon, kind) in enumerate(places):
            db.execute("INSERT INTO places VALUES ('doc_1', ?, ?, ?, ?, ?, ?, ?, ?, 'location')",
                       [start, start + 1, text, name, country, lat, lon, kind])
    with Store(db_path) as store:
        found = {row["text"]: row["precision"] for row in store.query("SELECT text, precision FROM places")}
        indexes = {row["index_name"] for row in store.query("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'places'")}
    assert found == {"the White House": "country", "the Kremlin": "city", "Moscow": "city", "Texas": "country",
                     "Asia": "region", "the United States": "country", "the Korean Peninsula": None}
    assert indexes == {"places_by_doc"}


def test_quotations_stored_before_0013_keep_an_unknown_confidence_and_reason(db_path: Path) -> None:
    database_before(db_path, "0013_quote_confidence")
    with duckdb.connect(str(db_path)) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info('quotes')").fetchall()]
        values = {name: None for name in columns} | {
            "id": "quote_old", "doc_id": "doc_1", "field": "text", "start": 0, "end": 5, "text": "Putin",
            "kind": "direct", "evidence_start": 0, "evidence_end": 14, "evidence_text": "Putin met Kim.",
            "stage": "newsgraph.quotes.v1",
        }
        db.execute(f"INSERT INTO quotes VALUES ({', '.join('?' for _ in columns)})", [values[n] for n in columns])
    with Store(db_path) as store:
        rows = store.query("SELECT id, confidence, speaker_unresolved_reason FROM quotes")
        indexes = {row["index_name"] for row in store.query("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'quotes'")}
        applied = [row["name"] for row in store.query("SELECT name FROM schema_migrations ORDER BY name")]
    assert rows == [{"id": "quote_old", "confidence": None, "speaker_unresolved_reason": None}]
    assert indexes == {"quotes_by_doc", "quotes_by_speaker"}
    assert "0013_quote_confidence" in applied
