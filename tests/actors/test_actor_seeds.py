"""Actors and speakers on the five real seed articles: who speaks, who stays apart, how fast.

The expected speakers were read off the articles by hand (see the report of the actors stage);
they are the ids of every actor that speaks a direct or partial quotation in each seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from factories import SEEDS
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors import DocumentActors, resolve_speakers
from newsgraph.actors.reading import read_actors
from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.clean import clean_text
from newsgraph.quotes import QuoteSpan, find_quotes

PUBLISHED = {
    "000": date(2024, 6, 18),
    "001": date(2023, 9, 20),
    "002": date(2024, 6, 18),
    "003": date(2024, 6, 19),
    "004": date(2024, 6, 12),
}
BLINKEN, PUTIN, USHAKOV = "person:antony-blinken", "person:vladimir-putin", "person:yuri-ushakov"
SPEAKERS = {
    "000": {BLINKEN, "person:jens-stoltenberg", USHAKOV},
    "001": {BLINKEN},
    "002": {PUTIN, "sector:PRKMED", "country:USA", "sector:USAGOV", USHAKOV, "person:victor-cha"},
    "003": {PUTIN, "person:kim-jong-un", "media:kcna", USHAKOV, "person:lami-kim", BLINKEN, "sector:KORGOV", "sector:USAGOV"},
    "004": {"sector:USAGOV", "person:andrey-rudenko", "person:daniel-depetris", PUTIN, "person:david-maxwell", "sector:PRKGOV"},
}
APART = {
    "003": {"person:kim-jong-un", "person:kim-jong-il", "person:lami-kim"},
    "004": {"person:kim-jong-un", "person:kim-yo-jong"},
    "002": {"person:kim-jong-un", "person:kim-il-sung"},
}


@dataclass(frozen=True)
class Seed:
    doc: Doc
    actors: DocumentActors
    quotes: list[QuoteSpan]
    speakers: list[str | None]


@pytest.fixture(scope="module")
def seed_runs(nlp: Language) -> dict[str, Seed]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    kb = load_knowledge_base()
    runs = {}
    for path in paths:
        key = path.name[:3]
        doc = nlp(clean_text(path.read_text(encoding="utf-8")).text)
        reading = read_actors(doc, kb, PUBLISHED[key])
        quotes = find_quotes(doc)
        speakers = [speaker.actor_id for speaker in resolve_speakers(reading, quotes, kb)]
        runs[key] = Seed(doc, reading.resolved, quotes, speakers)
    return runs


@pytest.mark.parametrize("key", sorted(SPEAKERS))
def test_every_quotation_in_quote_marks_has_its_speaker(seed_runs: dict[str, Seed], key: str) -> None:
    run = seed_runs[key]
    marked = [speaker for quote, speaker in zip(run.quotes, run.speakers) if quote.kind != "indirect"]
    assert None not in marked
    assert set(marked) == SPEAKERS[key]


@pytest.mark.parametrize("key", sorted(APART))
def test_namesakes_in_the_seeds_are_separate_actors(seed_runs: dict[str, Seed], key: str) -> None:
    ids = [actor.id for actor in seed_runs[key].actors.actors]
    assert APART[key] <= set(ids) and len(ids) == len(set(ids))


def test_without_a_date_the_speakers_are_the_same(seed_runs: dict[str, Seed]) -> None:
    kb = load_knowledge_base()
    for key, run in seed_runs.items():
        reading = read_actors(run.doc, kb, None)
        assert [speaker.actor_id for speaker in resolve_speakers(reading, run.quotes, kb)] == run.speakers, key
