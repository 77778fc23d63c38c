"""score_events: predicted events against the real-news gold, one rule at a time."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation import Predictions, parse_gold
from newsgraph.evaluation.event_scorer import EventResult, date_right, score_events
from newsgraph.evaluation.predictions import PredictedEvent, PredictedParty

SENTENCES = (
    "Polish Foreign Minister Radoslaw Sikorski met his German counterpart in Warsaw on Monday.",
    "Poland and Germany agreed to patrol the border.",
    "NATO condemned the Russian drone strikes on Ukraine.",
    "Poland joined NATO in 1999.",
    "Drones struck Kharkiv overnight.",
    "Russian forces shelled Ukrainian and Polish border posts, officials said.",
    "The weather was mild.",
    "UN chief Antonio Guterres urged restraint.",
)
BODY = " ".join(SENTENCES)


def _actor(key: str, name: str, kind: str, country: str | None, kb_id: str | None) -> dict[str, Any]:
    return {"key": key, "name": name, "type": kind, "country": country, "kb_id": kb_id, "aliases": []}


def _event(sentence: str, kind: str, source: list[str], target: list[str], **fields: Any) -> dict[str, Any]:
    return {"sentence": sentence, "type": kind, "source": source, "target": target, "status": "asserted", **fields}


GOLD: dict[str, Any] = {
    "article": "invented.txt",
    "published": "2025-05-13",
    "page": {"title": None, "outlet": None, "published": None, "lines": []},
    "actors": [
        _actor("sikorski", "Radoslaw Sikorski", "person", "POL", "person:radoslaw-sikorski"),
        _actor("wadephul", "Johann Wadephul", "person", "DEU", None),
        _actor("pol", "Poland", "country", "POL", "country:POL"),
        _actor("deu", "Germany", "country", "DEU", "country:DEU"),
        _actor("rus-army", "Russian army", "organization", "RUS", None),
        _actor("ukr", "Ukraine", "country", "UKR", "country:UKR"),
        _actor("nato", "NATO", "igo", None, "igo:nato"),
        _actor("guterres", "Antonio Guterres", "person", None, "person:antonio-guterres"),
    ],
    "mentions": [],
    "quotes": [],
    "events": [
        _event("Polish Foreign Minister Radoslaw Sikorski met", "CONSULT", ["sikorski"], ["wadephul"],
               date="2025-05-12", date_fixed=True, key=True),
        _event("Poland and Germany agreed to", "AGREE", ["pol", "deu"], [], mutual=True, date="2025-05",
               date_fixed=True, key=True),
        _event("NATO condemned the Russian drone", "ACCUSE", ["nato"], ["rus-army"]),
        _event("Poland joined NATO in 1999", "COOPERATE", ["pol"], ["nato"], background=True, date="1999"),
        _event("Drones struck Kharkiv overnight", "ASSAULT", [], ["ukr"]),
        _event("Russian forces shelled Ukrainian and", "ASSAULT", ["rus-army"], ["ukr", "pol"]),
        _event("Russian forces shelled Ukrainian and", "ASSAULT", ["rus-army"], ["ukr"]),
    ],
}  # fmt: skip
CONSULT, AGREE, ACCUSE, JOINED, DRONES, SHELLED_BOTH, SHELLED_UKR = range(7)

PARTIES = {
    "POL": PredictedParty("country:POL", "POL", "POL"),
    "DEU": PredictedParty("country:DEU", "DEU", "DEU"),
    "RUS": PredictedParty("country:RUS", "RUS", "RUSMIL"),
    "UKR": PredictedParty("country:UKR", "UKR", "UKR"),
    "sikorski": PredictedParty("person:radoslaw-sikorski", "POL", "POLGOV"),
    "POLGOV": PredictedParty(None, "POL", "POLGOV"),
    "GOV": PredictedParty(None, None, "GOV"),
    "nato": PredictedParty("igo:nato", None, "IGOWSTNAT", international=True),
    "nato-by-name": PredictedParty("local:the-alliance", None, "IGO", international=True),
    "eu": PredictedParty("igo:eu", None, "IGOEEC", international=True),
    # A UN Secretary-General acts for the UN, not for the country of his passport.
    "guterres": PredictedParty("person:antonio-guterres", "PRT", "IGOUNO", international=True),
    "PRT": PredictedParty("country:PRT", "PRT", "PRT"),
}
ACTORS = [{"id": "local:the-alliance", "name": "NATO", "type": "igo"}]


def predicted(
    sentence: int, kind: str, sources: list[str], targets: list[str], *, mutual: bool = False, **fields: Any
) -> PredictedEvent:
    start = BODY.index(SENTENCES[sentence])
    return PredictedEvent(
        id=f"event_{sentence}_{kind}_{'+'.join(sources)}_{'+'.join(targets)}",
        type=kind,
        sources=tuple(PARTIES[name] for name in sources),
        targets=tuple(PARTIES[name] for name in targets),
        status=fields.pop("status", "asserted"),
        evidence_start=start,
        evidence_end=start + len(SENTENCES[sentence]),
        mutual=mutual,
        **fields,
    )


def score(*events: PredictedEvent, gold: dict[str, Any] | None = None) -> EventResult:
    document = parse_gold(copy.deepcopy(gold or GOLD), "invented.json")
    return score_events(document, BODY, events, Predictions.from_records(actors=ACTORS))


def kinds(result: EventResult) -> list[str]:
    return [problem.problem for problem in result.problems]


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        (predicted(0, "CONSULT", ["sikorski"], ["DEU"]), None),
        (predicted(0, "CONSULT", ["POLGOV"], ["DEU"]), None),
        (predicted(0, "CONSULT", ["POL", "GOV"], ["DEU"]), None),
        (predicted(0, "CONSULT", ["RUS"], ["DEU"]), "wrong source"),
        (predicted(0, "CONSULT", ["POL"], ["UKR"]), "wrong target"),
        (predicted(0, "CONSULT", ["DEU"], ["POL"]), "direction"),
        (predicted(0, "CONSULT", ["GOV"], ["DEU"]), "source missing"),
        (predicted(0, "CONSULT", ["POL"], []), "target missing"),
        (predicted(0, "CONSULT", ["POL", "DEU"], [], mutual=True), None),
        (predicted(0, "CONSULT", ["POL", "DEU", "UKR"], [], mutual=True), "wrong source"),
        (predicted(0, "CONSULT", ["POL"], [], mutual=True), "target missing"),
        (predicted(0, "SANCTION", ["POL"], ["DEU"]), "wrong type"),
        (predicted(6, "CONSULT", ["POL"], ["DEU"]), "no event here"),
    ],
    ids=["person-is-country", "sector-is-country", "unknown-ignored", "wrong-country", "wrong-target", "swapped",
         "only-unknown-source", "no-target", "mutual-of-exactly-both", "mutual-with-outsider", "mutual-of-one",
         "wrong-type", "no-gold-in-sentence"],
)  # fmt: skip
def test_a_directed_gold_event_is_judged_at_country_level(event: PredictedEvent, kind: str | None) -> None:
    result = score(event)
    assert result.score.right == (kind is None)
    assert result.score.errors == ({} if kind is None else {kind: 1})
    if kind is None:
        assert result.matched == ((CONSULT, event.id),)


@pytest.mark.parametrize(
    ("event", "kind"),
    [
        (predicted(1, "AGREE", ["POL", "DEU"], [], mutual=True), None),
        (predicted(1, "AGREE", ["POL"], ["DEU"]), None),
        (predicted(1, "AGREE", ["DEU"], ["POL"]), None),
        (predicted(1, "AGREE", ["POL"], []), "target missing"),
        (predicted(1, "AGREE", ["POL", "DEU"], []), "target missing"),
        (predicted(1, "AGREE", ["POL", "RUS"], [], mutual=True), "wrong source"),
        (predicted(1, "AGREE", ["POL"], ["UKR"]), "wrong target"),
    ],
    ids=["mutual", "one-way", "other-way", "alone", "both-as-sources", "mutual-with-outsider", "to-outsider"],
)
def test_a_mutual_gold_event_is_matched_in_either_direction_or_mutual(event: PredictedEvent, kind: str | None) -> None:
    result = score(event)
    assert result.score.errors == ({} if kind is None else {kind: 1})
    assert result.score.found == (kind is None)


@pytest.mark.parametrize(
    ("source", "right"),
    [("nato", True), ("nato-by-name", True), ("eu", False), ("RUS", False)],
)
def test_an_international_body_is_itself_by_id_or_name(source: str, right: bool) -> None:
    result = score(predicted(2, "ACCUSE", [source], ["RUS"]))
    assert result.score.right == right
    assert result.score.errors == ({} if right else {"wrong source": 1})
    assert result.score.misses.get("found with wrong dyad/type", 0) == (not right)


@pytest.mark.parametrize(("source", "right"), [("guterres", True), ("PRT", False)])
def test_a_person_of_an_international_body_is_that_person_not_their_country(source: str, right: bool) -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"].append(_event("UN chief Antonio Guterres urged", "REQUEST", ["guterres"], []))
    assert score(predicted(7, "REQUEST", [source], []), gold=gold).score.right == right


def test_a_gold_event_with_no_source_wants_none() -> None:
    assert score(predicted(4, "ASSAULT", [], ["UKR"])).score.right == 1
    assert score(predicted(4, "ASSAULT", ["GOV"], ["UKR"])).score.right == 1
    assert score(predicted(4, "ASSAULT", ["RUS"], ["UKR"])).score.errors == {"wrong source": 1}


def test_a_background_event_found_is_neutral_and_missing_it_is_no_miss() -> None:
    found = score(predicted(3, "COOPERATE", ["POL"], ["nato"]))
    assert (found.score.neutral, found.score.predicted, found.score.right) == (1, 0, 0)
    assert found.matched == ((JOINED, "event_3_COOPERATE_POL_nato"),)
    nothing = score()
    assert nothing.score.gold == len(GOLD["events"]) - 1
    assert "found with wrong dyad/type" not in nothing.score.misses
    assert all("joined" not in problem.expected for problem in nothing.problems)
    wrong = score(predicted(3, "COOPERATE", ["POL"], ["DEU"]))
    assert (wrong.score.neutral, wrong.score.predicted, wrong.score.errors) == (0, 1, {"wrong target": 1})


def test_matching_is_one_to_one_and_finds_as_many_events_as_it_can() -> None:
    # The first shelling prediction fits both gold events; taking it for the first would leave the
    # second prediction (Poland only) nothing to match.
    both = predicted(5, "ASSAULT", ["RUS"], ["UKR"])
    poland = predicted(5, "ASSAULT", ["RUS"], ["POL"])
    result = score(both, poland)
    assert (result.score.right, result.score.found) == (2, 2)
    assert dict(result.matched) == {SHELLED_BOTH: poland.id, SHELLED_UKR: both.id}
    again = score(both, poland, predicted(5, "ASSAULT", ["RUS"], ["UKR"], trigger="shelled"))
    assert again.score.errors == {"duplicate": 1}


def test_every_miss_is_counted_by_kind_and_listed() -> None:
    result = score(predicted(0, "CONSULT", ["DEU"], ["POL"]), predicted(1, "SANCTION", ["POL"], ["DEU"]))
    assert result.score.misses == {"found with wrong dyad/type": 2, "missed": 4}
    assert result.score.errors == {"direction": 1, "wrong type": 1}
    missed = [problem for problem in result.problems if problem.problem == "missed"]
    assert "ACCUSE nato -> rus-army (RUS)" in missed[0].expected and missed[0].found == "nothing in this sentence"
    assert (result.score.key, result.score.key_found) == (2, 0)


def test_precision_of_type_counts_predictions_in_a_sentence_with_their_type() -> None:
    result = score(
        predicted(0, "CONSULT", ["DEU"], ["POL"]), predicted(2, "ACCUSE", ["nato"], ["RUS"]),
        predicted(2, "AGREE", ["nato"], ["RUS"]), predicted(6, "AGREE", ["POL"], ["DEU"]),
    )  # fmt: skip
    assert (result.score.predicted, result.score.right, result.score.type_right) == (4, 1, 2)
    assert result.score.precision.value == 0.25 and result.score.type_precision.value == 0.5


def test_status_and_date_are_judged_on_matched_events() -> None:
    result = score(
        predicted(0, "CONSULT", ["POL"], ["DEU"], status="planned", date="2025-05-12"),
        predicted(1, "AGREE", ["POL", "DEU"], [], mutual=True, date="2025-W20"),
        predicted(2, "ACCUSE", ["nato"], ["RUS"], date="2025-05-12"),
    )
    assert (result.score.status.right, result.score.status.total) == (2, 3)
    # The accusation's gold date is not fixed by the page: it is not judged.
    assert (result.score.date.right, result.score.date.total) == (1, 2)
    assert sorted(kinds(result)) == sorted(["wrong date", "wrong status"] + ["missed"] * 3)


@pytest.mark.parametrize(
    ("found", "gold", "right"),
    [("2025-05-12", "2025-05-12", True), ("2025-05-12", "2025-05", True), ("2025-05-12", "2025", True),
     ("2025-05", "2025-05", True), ("2025-05", "2025-05-12", False), ("2025-05-13", "2025-05-12", False),
     ("2025-W20", "2025-05", False), ("2025-W20", "2025", True), (None, "2025", False)],
)  # fmt: skip
def test_a_date_is_right_at_the_golds_precision(found: str | None, gold: str, right: bool) -> None:
    assert date_right(found, gold) is right


def test_a_sentence_split_after_an_inline_dateline_is_still_the_sentence() -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"][CONSULT]["sentence"] = "on Monday. Poland and Germany"
    event = predicted(1, "CONSULT", ["POL"], ["DEU"])
    assert score(event, gold=gold).score.right == 1


def test_a_gold_sentence_cleaning_lost_counts_as_missed() -> None:
    # The gold is checked against the raw page: a sentence the clean text lacks was lost by
    # cleaning, and no prediction can meet it.
    gold = copy.deepcopy(GOLD)
    gold["events"][ACCUSE]["sentence"] = "NATO praised the Russian drone"
    result = score(predicted(2, "ACCUSE", ["nato"], ["RUS"]), gold=gold)
    assert result.score.found < result.score.gold
    assert result.score.right == 0


def test_the_coders_confidence_is_kept_with_whether_the_event_was_right() -> None:
    result = score(
        predicted(0, "CONSULT", ["POL"], ["DEU"], confidence=0.9),
        predicted(6, "CONSULT", ["POL"], ["DEU"], confidence=0.4),
        predicted(3, "COOPERATE", ["POL"], ["nato"], confidence=0.7),
        predicted(2, "ACCUSE", ["nato"], ["RUS"]),
    )
    assert result.score.confidences == ((0.9, True), (0.4, False))


@pytest.mark.parametrize(
    ("gold_status", "intended", "right"),
    [
        pytest.param("planned", "CONSULT", True, id="a-planned-meeting-coded-as-intent-to-meet"),
        pytest.param("asserted", "CONSULT", False, id="a-meeting-held-is-no-intent"),
        pytest.param("planned", "AID/military", False, id="an-intent-of-another-action"),
        pytest.param("planned", None, False, id="an-agreement-with-no-intended-action"),
    ],
)
def test_an_intent_to_cooperate_is_the_planned_action(gold_status: str, intended: str | None, right: bool) -> None:
    # PLOVER codes "will meet" as AGREE with the meeting intended: the same report as a planned CONSULT.
    gold = copy.deepcopy(GOLD)
    gold["events"][CONSULT]["status"] = gold_status
    result = score(predicted(0, "AGREE", ["sikorski"], ["DEU"], status=gold_status, intended=intended), gold=gold)
    assert (result.score.right == 1) is right
