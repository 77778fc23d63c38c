"""Event dates through the whole pipeline, with how each was found: sentence, context, article, none."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsgraph.documents import build_document
from newsgraph.export import export
from newsgraph.ingestion import ingest
from newsgraph.pipeline import default_pipeline
from newsgraph.records import Document, Event, RawArticle
from newsgraph.settings import Settings
from newsgraph.store import Store

# Published Thursday 4 March 2021. The first line is a headline, so the lead is the next paragraph.
ARTICLE = """Border closed
[March 4, 2021]

Benin closed its border with Nigeria, officials said.

Peru expelled two Bolivian diplomats on Monday. Peru also recalled its ambassador from Bolivia.

Chile sanctioned Argentina on Friday. Chile will also expel Argentine diplomats.

Bolivia condemned Peru.

Ecuador threatened Colombia last week.
"Ecuador attacked Colombia," the minister said.
"""


@pytest.fixture(scope="module")
def document() -> Document:
    raw = RawArticle(source="own.txt", format="text", raw_text=ARTICLE, raw_sha="sha")
    return build_document(default_pipeline(today=date(2026, 11, 23))(raw))


def by_trigger(document: Document, trigger: str) -> Event:
    found = [event for event in document.events if event.trigger_text == trigger]
    assert len(found) == 1, [(event.trigger_text, event.type) for event in document.events]
    return found[0]


@pytest.mark.parametrize(
    ("trigger", "when", "words", "basis"),
    [
        pytest.param("expelled", "2021-03-01", "Monday", "sentence", id="own-sentence"),
        pytest.param("threatened", "2021-W08", "last week", "sentence", id="own-sentence-week"),
        pytest.param("recalled", "2021-03-01", "Monday", "context", id="same-actors-in-the-sentence-before"),
        pytest.param("closed", "2021-03-04", None, "article", id="past-tense-in-the-lead"),
        pytest.param("condemned", None, None, None, id="past-tense-outside-the-lead"),
        pytest.param("expel", None, None, None, id="planned-never-inherits-a-past-date"),
        pytest.param("attacked", None, None, None, id="quoted-keeps-the-speakers-time"),
    ],
)
def test_each_event_says_how_it_was_dated(document: Document, trigger: str, when: str | None, words: str | None, basis: str | None) -> None:
    event = by_trigger(document, trigger)
    assert (event.date, event.date_text, event.date_basis) == (when, words, basis)


def test_an_undated_article_gives_no_article_date() -> None:
    raw = RawArticle(source="own.txt", format="text", raw_text="Benin closed its border with Nigeria.\n", raw_sha="sha2")
    found = build_document(default_pipeline(today=date(2026, 11, 23))(raw))
    assert [(event.trigger_text, event.date, event.date_basis) for event in found.events] == [("closed", None, None)]


def test_a_planned_event_in_the_lead_takes_no_article_date() -> None:
    text = "[March 4, 2021]\n\nBenin will close its border with Nigeria, officials said.\n"
    raw = RawArticle(source="own.txt", format="text", raw_text=text, raw_sha="sha3")
    found = build_document(default_pipeline(today=date(2026, 11, 23))(raw))
    assert [(event.status, event.date_basis) for event in found.events] == [("planned", None)]


def test_the_basis_is_stored_and_exported(db_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "border.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ingest([article], Settings(db=db_path, workers=1))
    out = tmp_path / "export.jsonl"
    export(db_path, "jsonl", out)
    events = [record for record in map(json.loads, out.read_text().splitlines()) if record["record"] == "event"]
    bases = {record["trigger_text"]: record["date_basis"] for record in events}
    assert bases["closed"] == "article" and bases["recalled"] == "context" and bases["condemned"] is None
    precisions = {record["trigger_text"]: record["date_precision"] for record in events}
    assert precisions["closed"] == precisions["recalled"] == "day" and precisions["condemned"] is None


def test_the_migration_marks_dates_stored_before_it_as_from_their_sentence(db_path: Path) -> None:
    Store(db_path).close()
    with duckdb.connect(str(db_path)) as db:
        # A database as migration 0005 left it: no date_basis column (nor the later read indexes,
        # which DuckDB requires gone before a column changes, nor confidence), one dated and one
        # undated event.
        db.execute("DROP INDEX events_doc_index")
        db.execute("ALTER TABLE events DROP COLUMN date_basis")
        db.execute("ALTER TABLE events DROP COLUMN confidence")
        db.execute("ALTER TABLE events DROP COLUMN date_precision")
        db.execute("DELETE FROM schema_migrations WHERE name IN ('0006_event_date_basis', '0008_read_indexes', "
                   "'0009_event_confidence', '0011_date_precision', '0012_place_precision', '0013_quote_confidence')")
        for table in ("search_index_state", "actor_stats", "event_timeline"):
            db.execute(f"DROP TABLE {table}")
        for index in ("mentions_doc_id", "quotes_by_doc", "quotes_by_speaker", "times_doc_id"):
            db.execute(f"DROP INDEX {index}")
        db.execute("DROP INDEX places_by_doc")  # places' index, renamed by 0012_place_precision
        db.execute("ALTER TABLE places DROP COLUMN precision")
        db.execute("ALTER TABLE quotes DROP COLUMN speaker_unresolved_reason")
        db.execute("ALTER TABLE quotes DROP COLUMN confidence")
        columns = [row[1] for row in db.execute("PRAGMA table_info('events')").fetchall()]
        for number, when in enumerate(("2024-06-18", None)):
            values = {name: None for name in columns}
            values.update(
                id=f"event_{number}", doc_id="doc_1", type="CONSULT", cameo="040", goldstein=1.0,
                source_actor_ids=[], source_actor_codes=[], target_actor_ids=[], target_actor_codes=[],
                status="asserted", negated=False, trigger_text="met", trigger_start=0, trigger_end=3,
                evidence_start=0, evidence_end=10, evidence_text="A met B.", mutual=False, stage="v1", date=when,
            )
            db.execute(f"INSERT INTO events VALUES ({', '.join('?' for _ in columns)})", [values[name] for name in columns])
    Store(db_path).close()
    with duckdb.connect(str(db_path)) as db:
        rows = db.execute("SELECT id, date_basis FROM events ORDER BY id").fetchall()
    assert rows == [("event_0", "sentence"), ("event_1", None)]


def test_an_event_noun_under_a_verb_in_the_past_takes_the_article_date(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "summit.txt"
    article.write_text(
        "Leaders head into summit\n[March 4, 2025]\n\nNorth Korean leader Kim Jong Un and Russian President Vladimir Putin then left for summit talks in Pyongyang.\n\n"
        "The talks are expected to last for hours, officials said.\n",
        encoding="utf-8",
    )
    ingest([article], Settings(db=db_path, workers=1))
    with Store(db_path, read_only=True) as store:
        rows = store.query("SELECT trigger_text, date, date_basis, date_precision FROM events ORDER BY evidence_start")
    assert rows and rows[0]["date"] == "2025-03-04" and rows[0]["date_basis"] == "article"
    assert rows[0]["date_precision"] == "day"


def test_a_later_report_of_the_same_happening_takes_its_date() -> None:
    text = (
        "Jets cross into Estonia\n[September 19, 2025]\n\n"
        "Three Russian fighter jets violated Estonian airspace on Friday, the government in Tallinn said.\n\n"
        "Officials described the jets' route over the Gulf of Finland in detail.\n\n"
        "Russian jets violated Estonian airspace for the fifth time, officials said.\n"
    )
    raw = RawArticle(source="jets.txt", format="text", raw_text=text, raw_sha="sha-jets")
    found = build_document(default_pipeline(today=date(2026, 11, 23))(raw))
    violations = [event for event in found.events if event.trigger_text == "violated"]
    assert [event.date for event in violations] == ["2025-09-19", "2025-09-19"]
    assert violations[1].date_basis == "context"


@pytest.mark.parametrize(
    "lead",
    [
        pytest.param("Azerbaijani police have detained six journalists, an independent outlet said Saturday.", id="dated-by-the-telling"),
        pytest.param("Azerbaijani police have detained six journalists.", id="dated-by-the-article"),
    ],
)
def test_a_lead_takes_the_day_a_later_sentence_gives_the_same_happening(lead: str) -> None:
    # Published Saturday 7 December 2024; the detentions happened the evening before.
    text = (
        "Journalists held in Baku\n[December 7, 2024]\n\n"
        f"{lead}\n\n"
        "The outlet has long complained of pressure from the authorities.\n\n"
        "The journalists were detained by Azerbaijani police on Friday evening, local media reported.\n"
    )
    raw = RawArticle(source="held.txt", format="text", raw_text=text, raw_sha="sha-held")
    found = build_document(default_pipeline(today=date(2026, 11, 23))(raw))
    detentions = [event for event in found.events if event.trigger_text == "detained"]
    assert [event.date for event in detentions] == ["2024-12-06", "2024-12-06"]
    assert detentions[0].date_basis == "context" and detentions[1].date_basis == "sentence"
