from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from factories import SHARED
from newsgraph.errors import InputError
from newsgraph.evaluation.plover import (
    PloverGold,
    PloverReport,
    evaluate_halves,
    gold_sha256,
    load_plover_gold,
    main_event,
    score,
    split_halves,
)
from newsgraph.events.coder import extract_events
from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.actors.reading import read_actors
from newsgraph.events.records import ActorRef, EventRecord

FLOORS = Path(__file__).resolve().parent / "plover_floors.json"


def record(event_type: str, sources: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> EventRecord:
    def refs(codes: tuple[str, ...]) -> tuple[ActorRef, ...]:
        return tuple(ActorRef(f"country:{code}", code, code) for code in codes)

    return EventRecord(event_type, None, "010", 0.0, refs(sources), refs(targets), "asserted", None, False, "x", 0, 1, 0, 1,
                       confidence=0.9)


def gold(event_type: str, sources: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> PloverGold:
    return PloverGold("id", "text", event_type, None, sources, targets)


def test_scores_type_and_countries() -> None:
    records = [gold("CONSULT", ("RUS",), ("PRK",)), gold("ASSAULT", ("ISR",), ("PSE",)), gold("AID", ("USA",), ("UKR",))]
    predictions = [record("CONSULT", ("RUS",), ("PRK",)), record("PROTEST", ("ISR",)), None]
    report = score(records, predictions)
    assert report.accuracy == pytest.approx(1 / 3)
    assert report.country_precision == 1.0
    assert report.country_recall == pytest.approx(3 / 6)
    assert [miss.gold_type for miss in report.misses] == ["ASSAULT", "AID"]
    per_type = {entry.type: entry for entry in report.per_type}
    assert per_type["CONSULT"].f1 == 1.0 and per_type["PROTEST"].precision == 0.0
    assert report.macro_f1 == pytest.approx(1 / 4)
    assert "type accuracy 0.333" in report.to_text()


def test_score_needs_one_prediction_per_record() -> None:
    with pytest.raises(ValueError, match="1 gold records but 0 predictions"):
        score([gold("AID")], [])


def test_split_halves_alternates() -> None:
    records = [gold(name) for name in ("AID", "ASSAULT", "CONSULT", "REJECT", "AGREE")]
    first, second = split_halves(records)
    assert [r.event for r in first] == ["AID", "CONSULT", "AGREE"]
    assert [r.event for r in second] == ["ASSAULT", "REJECT"]


def test_load_reads_codes_and_tolerates_missing_targets(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([
        {"id": "a", "text": "X met Y.", "event": "CONSULT", "source": [{"code": "RUS"}], "target": [{"code": "prk"}]},
        {"id": "b", "text": "X agreed.", "event": "AGREE", "source": [{"code": "USA"}, {"code": "JOR"}], "target": ""},
    ]))
    records = load_plover_gold(path)
    assert [(r.sources, r.targets) for r in records] == [(("RUS",), ("PRK",)), (("USA", "JOR"), ())]


@pytest.mark.parametrize(
    ("content", "problem"),
    [("not json", "not valid JSON"), ("{}", "not a JSON list"), ('[{"text": "x", "event": "DANCE"}]', "record without")],
)
def test_bad_gold_files_are_input_errors(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(content)
    with pytest.raises(InputError, match=problem):
        load_plover_gold(path)


def test_main_event_is_the_main_clause(nlp: Language) -> None:
    doc = nlp("Kenya accused Uganda of shelling the border town.")
    events = extract_events(doc, read_actors(doc, load_knowledge_base(), None))
    found = main_event(doc, events)
    assert found is not None and found.type == "ACCUSE"


GOLD = SHARED / "eval" / "plover_gsr_dev.json"


@pytest.fixture(scope="module")
def dev_reports(nlp: Language) -> dict[str, PloverReport]:
    if not GOLD.is_file():
        pytest.skip("../shared/eval/plover_gsr_dev.json not found; the score floors need the shared folder beside the repo")
    return evaluate_halves(GOLD, nlp)


def test_floors_belong_to_this_gold_file() -> None:
    if not GOLD.is_file():
        pytest.skip("../shared/eval/plover_gsr_dev.json not found")
    floors = json.loads(FLOORS.read_text())
    assert gold_sha256(GOLD) == floors["gold_sha256"], "the gold file changed: re-measure and record new floors"


@pytest.mark.parametrize("subset", ["all", "even", "odd"])
@pytest.mark.parametrize("measure", ["accuracy", "macro_f1", "country_f1"])
def test_scores_stay_above_their_floors(dev_reports: dict[str, PloverReport], subset: str, measure: str) -> None:
    floor = json.loads(FLOORS.read_text())["floors"][subset][measure]
    assert getattr(dev_reports[subset], measure) >= floor
