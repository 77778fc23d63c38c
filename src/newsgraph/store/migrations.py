"""Named schema migrations, applied in order, each once, each in its own transaction.

A migration is never edited after it has shipped: change the schema by adding a new one.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from newsgraph.store._atomic import atomic, database_path
__all__ = ["MIGRATIONS", "migrate", "applied_migrations"]

Migration = tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]


def _m001_documents(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(
        """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,
            source VARCHAR NOT NULL,
            format VARCHAR NOT NULL,
            raw_sha VARCHAR NOT NULL,
            title VARCHAR,
            outlet VARCHAR,
            agencies VARCHAR[] NOT NULL,
            authors VARCHAR[] NOT NULL,
            contributors VARCHAR[] NOT NULL,
            dateline VARCHAR,
            published VARCHAR,
            published_confidence DOUBLE,
            url VARCHAR,
            language VARCHAR,
            text VARCHAR NOT NULL,
            raw_text VARCHAR NOT NULL,
            offset_map JSON NOT NULL,
            metadata_evidence JSON NOT NULL,
            removed JSON NOT NULL,
            quote_marks JSON NOT NULL,
            version_of VARCHAR,
            pipeline VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE captions (
            doc_id VARCHAR NOT NULL,
            seq INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            credit VARCHAR,
            raw_start INTEGER NOT NULL,
            raw_end INTEGER NOT NULL,
            PRIMARY KEY (doc_id, seq)
        )
        """
    )
    # Every (source, raw bytes) pair seen, and the document it became: the rerun check and the
    # version history of an edited file.
    db.execute(
        """
        CREATE TABLE sources (
            source VARCHAR NOT NULL,
            raw_sha VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            seen_at TIMESTAMP NOT NULL,
            PRIMARY KEY (source, raw_sha)
        )
        """
    )


def _m002_actors_and_quotes(db: duckdb.DuckDBPyConnection) -> None:
    # Actors are global: one row per identity, whatever document named it; aliases accumulate.
    db.execute(
        """
        CREATE TABLE actors (
            id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            country VARCHAR,
            code VARCHAR,
            aliases VARCHAR[] NOT NULL,
            role VARCHAR,
            affiliation VARCHAR,
            from_kb BOOLEAN NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            actor_id VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            how VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, start, "end", actor_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quotes (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            field VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            speaker_actor_id VARCHAR,
            speaker_text VARCHAR,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue VARCHAR,
            reporter_text VARCHAR,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence_text VARCHAR NOT NULL,
            carried_from VARCHAR,
            stage VARCHAR NOT NULL
        )
        """
    )


def _m003_times_places_amounts(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(
        """
        CREATE TABLE times (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            value VARCHAR,
            precision VARCHAR,
            range_end VARCHAR,
            anchor VARCHAR
        )
        """
    )
    db.execute(
        """
        CREATE TABLE places (
            doc_id VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            kind VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, start, "end")
        )
        """
    )
    db.execute(
        """
        CREATE TABLE amounts (
            doc_id VARCHAR NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            value DOUBLE,
            qualifier VARCHAR,
            unit VARCHAR NOT NULL,
            PRIMARY KEY (doc_id, start, "end")
        )
        """
    )


def _m004_events(db: duckdb.DuckDBPyConnection) -> None:
    db.execute(
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR NOT NULL,
            goldstein DOUBLE NOT NULL,
            source_actor_ids VARCHAR[] NOT NULL,
            source_actor_codes VARCHAR[] NOT NULL,
            target_actor_ids VARCHAR[] NOT NULL,
            target_actor_codes VARCHAR[] NOT NULL,
            status VARCHAR NOT NULL,
            reported_by_actor_id VARCHAR,
            negated BOOLEAN NOT NULL,
            trigger_text VARCHAR NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            evidence_start INTEGER NOT NULL,
            evidence_end INTEGER NOT NULL,
            evidence_text VARCHAR NOT NULL,
            date VARCHAR,
            date_text VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            intended VARCHAR,
            mutual BOOLEAN NOT NULL,
            stage VARCHAR NOT NULL
        )
        """
    )


def _m005_links(db: duckdb.DuckDBPyConnection) -> None:
    # Cross-document links. Every table here is derived from the per-document tables and can be
    # rebuilt from them; `link_state` records which documents the linker has already placed, so a
    # new run only places the new ones.
    db.execute(
        """
        CREATE TABLE near_duplicates (
            doc_id VARCHAR NOT NULL,
            duplicate_of VARCHAR NOT NULL,
            similarity DOUBLE NOT NULL,
            PRIMARY KEY (doc_id, duplicate_of)
        )
        """
    )
    # Locality-sensitive hashing: each signature cut into bands; documents sharing a band bucket
    # are candidate near-duplicates, so a new document is compared with a handful, never with all.
    db.execute(
        """
        CREATE TABLE signature_bands (
            band SMALLINT NOT NULL,
            bucket UBIGINT NOT NULL,
            doc_id VARCHAR NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE stories (
            id VARCHAR PRIMARY KEY,
            title VARCHAR,
            first_published VARCHAR,
            last_published VARCHAR,
            n_articles INTEGER NOT NULL,
            n_outlets INTEGER NOT NULL,
            profile JSON NOT NULL,
            linker VARCHAR NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE story_documents (
            doc_id VARCHAR PRIMARY KEY,
            story_id VARCHAR NOT NULL,
            score DOUBLE NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE event_clusters (
            id VARCHAR PRIMARY KEY,
            story_id VARCHAR,
            type VARCHAR NOT NULL,
            cameo VARCHAR NOT NULL,
            source_actor_ids VARCHAR[] NOT NULL,
            target_actor_ids VARCHAR[] NOT NULL,
            date VARCHAR,
            location_name VARCHAR,
            first_doc_id VARCHAR NOT NULL,
            first_reported VARCHAR,
            n_events INTEGER NOT NULL,
            n_articles INTEGER NOT NULL,
            n_outlets INTEGER NOT NULL,
            statuses JSON NOT NULL,
            match_key VARCHAR NOT NULL,
            linker VARCHAR NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE event_cluster_members (
            event_id VARCHAR PRIMARY KEY,
            cluster_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quote_clusters (
            id VARCHAR PRIMARY KEY,
            speaker_actor_id VARCHAR,
            text VARCHAR NOT NULL,
            first_doc_id VARCHAR NOT NULL,
            first_reported VARCHAR,
            n_articles INTEGER NOT NULL,
            n_outlets INTEGER NOT NULL,
            linker VARCHAR NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE quote_cluster_members (
            quote_id VARCHAR PRIMARY KEY,
            cluster_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL
        )
        """
    )
    # A contested claim: one event cluster that some actors assert or allege and others deny.
    db.execute(
        """
        CREATE TABLE contested_claims (
            id VARCHAR PRIMARY KEY,
            event_cluster_id VARCHAR NOT NULL,
            summary VARCHAR NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE claim_sides (
            claim_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            side VARCHAR NOT NULL,
            actor_ids VARCHAR[] NOT NULL,
            doc_id VARCHAR NOT NULL,
            PRIMARY KEY (claim_id, event_id)
        )
        """
    )
    # In how many linked articles each word was among the most telling: words that a large share
    # of the corpus shares (an earnings template's "shr", "revs", "qtr") stop telling stories apart.
    db.execute(
        """
        CREATE TABLE term_counts (
            term VARCHAR PRIMARY KEY,
            docs INTEGER NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE link_state (
            doc_id VARCHAR PRIMARY KEY,
            linked_at TIMESTAMP NOT NULL
        )
        """
    )


def _m006_event_date_basis(db: duckdb.DuckDBPyConnection) -> None:
    # How an event's date was found: "sentence", "context", "article", or NULL when undated.
    # Events stored before this migration were dated from their sentence only.
    db.execute("ALTER TABLE events ADD COLUMN date_basis VARCHAR")
    db.execute("UPDATE events SET date_basis = 'sentence' WHERE date IS NOT NULL")


def _m008_read_indexes(db: duckdb.DuckDBPyConnection) -> None:
    # DuckDB refuses to ALTER a table that has an index: a later migration that changes mentions,
    # quotes, events, places or times must drop these indexes first and create them again.
    # What the web pages read: indexes for "everything about this document / actor", summary
    # tables (store/summaries.py) and what the full-text index (store/search.py) covered when it
    # was last built, so a reader can tell a current index from a stale one.
    db.execute(
        """
        CREATE TABLE search_index_state (
            table_name VARCHAR PRIMARY KEY,
            rows BIGINT NOT NULL,
            built_at TIMESTAMP NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE actor_stats (
            actor_id VARCHAR PRIMARY KEY,
            mentions BIGINT NOT NULL,
            events BIGINT NOT NULL,
            quotes BIGINT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE event_timeline (
            id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            source_actor_ids VARCHAR[] NOT NULL,
            target_actor_ids VARCHAR[] NOT NULL,
            trigger_start INTEGER NOT NULL,
            mutual BOOLEAN NOT NULL,
            "when" VARCHAR,
            outlet VARCHAR,
            doc_title VARCHAR,
            published VARCHAR
        )
        """
    )
    for table, column in (("mentions", "doc_id"), ("quotes", "doc_id"), ("quotes", "speaker_actor_id"),
                          ("events", "doc_id"), ("places", "doc_id"), ("times", "doc_id")):
        db.execute(f"CREATE INDEX {table}_{column} ON {table} ({column})")


MIGRATIONS: tuple[Migration, ...] = (
    ("0001_documents", _m001_documents),
    ("0002_actors_and_quotes", _m002_actors_and_quotes),
    ("0003_times_places_amounts", _m003_times_places_amounts),
    ("0004_events", _m004_events),
    ("0005_links", _m005_links),
    ("0006_event_date_basis", _m006_event_date_basis),
    ("0008_read_indexes", _m008_read_indexes),
)


def applied_migrations(db: duckdb.DuckDBPyConnection) -> list[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    return [row[0] for row in db.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def migrate(db: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this database lacks; return their names."""
    done = set(applied_migrations(db))
    applied = []
    for name, migration in MIGRATIONS:
        if name in done:
            continue
        with atomic(db, database_path(db)):
            migration(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
        applied.append(name)
    return applied
