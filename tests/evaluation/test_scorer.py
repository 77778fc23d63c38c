"""score_document: each way a prediction can go wrong costs exactly what it should."""

from __future__ import annotations

from typing import Any

import pytest
from evaluation.ruiz_case import BODY, TITLE, gold_data, make_gold

from newsgraph.errors import InputError
from newsgraph.evaluation import Predictions, Score, find_phrase, score_document

Records = dict[str, list[dict[str, Any]]]


def score(records: Records, gold_changes: dict[str, Any] | None = None, title: str | None = TITLE) -> Any:
    data = gold_data()
    data.update(gold_changes or {})
    return score_document(make_gold(data), BODY, Predictions.from_records(**records), title)


def quote(records: Records, starts: str) -> dict[str, Any]:
    return next(item for item in records["quotes"] if item["text"] == starts and item["where"] == "body")


def test_a_perfect_prediction_scores_one_everywhere(records: Records) -> None:
    result = score(records)
    for name in ("quotes", "direct", "partial", "indirect", "attributed", "indirect_attributed", "actors", "mentions"):
        assert getattr(result, name).f1 == 1.0, name
    assert result.speakers.value == 1.0
    assert result.problems == ()


def test_a_missing_quote_costs_recall_and_is_listed(records: Records) -> None:
    records["quotes"].remove(quote(records, "Nobody expected more"))
    result = score(records)
    assert result.quotes == Score(tp=4, fp=0, fn=1)
    assert result.direct == Score(tp=2, fp=0, fn=1)
    assert [(problem.category, problem.problem) for problem in result.problems] == [("quote", "missed")]
    assert "Nobody expected more" in result.problems[0].expected


def test_a_wrong_speaker_is_found_but_not_attributed(records: Records) -> None:
    quote(records, "Nobody expected more")["speaker_actor_id"] = "person:ana-ruiz"
    result = score(records)
    assert result.quotes.f1 == 1.0
    assert (result.speakers.right, result.speakers.total) == (4, 5)
    assert result.attributed == Score(tp=4, fp=1, fn=1)
    assert [problem.problem for problem in result.problems] == ["wrong speaker"]


def test_a_quote_found_with_the_wrong_kind_counts_as_found_but_not_for_its_kind(records: Records) -> None:
    quote(records, "a small step")["kind"] = "direct"
    result = score(records)
    assert result.quotes.f1 == 1.0
    assert result.partial == Score(tp=1, fp=0, fn=1)
    assert result.direct == Score(tp=3, fp=1, fn=0)
    assert [problem.problem for problem in result.problems] == ["wrong kind"]


@pytest.mark.parametrize(
    ("start_at", "found"),
    [
        ('"We are ready', True),
        ("resume.", True),
        ("are ready", True),
        ("would resume", False),
        ("ready to listen", False),
    ],
    ids=["at-the-quote-mark", "one-word-early", "one-word-late", "two-words-early", "two-words-late"],
)
def test_a_quote_may_start_one_word_off_its_anchor(records: Records, start_at: str, found: bool) -> None:
    item = quote(records, "We are ready to listen")
    item["start"] = BODY.index(start_at)
    item["end"] = item["start"] + 25
    assert score(records).quotes.tp == (5 if found else 4)


def test_a_quote_without_offsets_is_placed_by_its_words(records: Records) -> None:
    for item in records["quotes"]:
        del item["start"], item["end"]
    assert score(records).quotes.f1 == 1.0


def test_a_quote_whose_words_are_not_in_the_text_is_spurious(records: Records) -> None:
    records["quotes"].append({"text": "words nobody wrote", "kind": "direct", "speaker_actor_id": None})
    result = score(records)
    assert result.quotes == Score(tp=5, fp=1, fn=0)
    assert [problem.problem for problem in result.problems] == ["spurious"]


def test_a_headline_quote_needs_a_prediction_in_the_title(records: Records) -> None:
    records["quotes"] = [item for item in records["quotes"] if item["where"] == "body"]
    result = score(records)
    assert result.partial == Score(tp=1, fp=0, fn=1)


def test_a_headline_quote_without_a_title_is_a_gold_error(records: Records) -> None:
    with pytest.raises(InputError, match="ruiz.json.*title"):
        score(records, title=None)


@pytest.mark.parametrize(
    ("speaker", "right"),
    [(None, True), ("local:tomas-ruiz", False)],
    ids=["no-speaker-is-right", "a-guess-is-wrong"],
)
def test_a_quote_the_text_attributes_to_nobody_is_right_only_without_speaker(
    records: Records, speaker: str | None, right: bool
) -> None:
    data = gold_data()
    data["quotes"][5]["speaker"] = None
    quote(records, "Nobody expected more")["speaker_actor_id"] = speaker
    result = score_document(make_gold(data), BODY, Predictions.from_records(**records), TITLE)
    assert result.speakers.right == (5 if right else 4)


def test_any_of_several_gold_speakers_is_right(records: Records) -> None:
    data = gold_data()
    data["quotes"][5]["speaker"] = ["ana", "prt"]
    quote(records, "Nobody expected more")["speaker_actor_id"] = "country:PRT"
    result = score_document(make_gold(data), BODY, Predictions.from_records(**records), TITLE)
    assert result.speakers.value == 1.0


@pytest.mark.parametrize(
    ("predicted", "right"),
    [
        ({"id": "p1", "name": "Tomás Ruiz"}, True),
        ({"id": "p2", "name": "Ruiz"}, False),
        ({"id": "p3", "name": "Tomas Ruiz", "kb_id": "person:ana-ruiz"}, False),
        ({"id": "person:ana-ruiz", "name": "Ana Ruiz"}, False),
    ],
    ids=["accent-folded-name", "shared-surname-alone", "same-name-other-kb-id", "the-namesake"],
)
def test_a_speaker_is_the_gold_speaker_by_name_but_not_by_a_shared_surname(
    records: Records, predicted: dict[str, str], right: bool
) -> None:
    records["actors"].append(predicted)
    quote(records, "Nobody expected more")["speaker_actor_id"] = predicted["id"]
    assert (score(records).speakers.value == 1.0) is right


def test_an_actor_is_matched_by_an_alias(records: Records) -> None:
    portugal = next(actor for actor in records["actors"] if actor["id"] == "country:PRT")
    portugal.update(id="local:prt", name="Portuguese Republic")
    for mention in records["mentions"]:
        if mention["actor_id"] == "country:PRT":
            mention["actor_id"] = "local:prt"
    result = score(records)
    assert (result.actors.f1, result.mentions.f1) == (1.0, 1.0)


def test_a_person_split_in_two_predicted_actors_counts_once_right_once_wrong(records: Records) -> None:
    records["actors"].append({"id": "local:ana-2", "name": "Ana Ruiz"})
    result = score(records)
    assert result.actors == Score(tp=4, fp=1, fn=0)
    assert [problem.problem for problem in result.problems] == ["spurious"]


def test_a_missing_actor_costs_recall_but_an_optional_one_does_not(records: Records) -> None:
    records["actors"] = [actor for actor in records["actors"] if actor["id"] != "local:lisbon-institute"]
    assert score(records).actors == Score(tp=3, fp=0, fn=1)
    data = gold_data()
    data["mentions"] = [mention for mention in data["mentions"] if mention["text"] != "Portugal"]
    records["actors"] = [actor for actor in records["actors"] if actor["id"] != "country:PRT"]
    result = score_document(make_gold(data), BODY, Predictions.from_records(**records), TITLE)
    assert result.actors == Score(tp=2, fp=0, fn=1)


def test_a_mention_counts_only_on_its_own_occurrence(records: Records) -> None:
    # The gold says the second "Ruiz" is Ana; linking it to Tomas is wrong, and so is missing it.
    ruiz = next(mention for mention in records["mentions"] if mention["text"] == "Ruiz")
    ruiz["actor_id"] = "local:tomas-ruiz"
    result = score(records)
    assert result.mentions == Score(tp=5, fp=1, fn=1)
    assert sorted(problem.problem for problem in result.problems) == ["missed", "wrong actor"]


def test_the_same_text_at_another_occurrence_is_not_the_gold_mention(records: Records) -> None:
    # Ana is the second "Ruiz"; a prediction on the third (inside "Tomas Ruiz") misses her.
    records["mentions"] = [mention for mention in records["mentions"] if mention["text"] != "Ruiz"]
    start, end = find_phrase(BODY, "Ruiz", 3) or (0, 0)
    records["mentions"].append({"actor_id": "person:ana-ruiz", "start": start, "end": end})
    result = score(records)
    assert result.mentions == Score(tp=5, fp=1, fn=1)


@pytest.mark.parametrize(
    ("mention", "effect"),
    [
        ({"actor_id": "country:PRT", "text": "its"}, Score(tp=6, fp=0, fn=0)),
        ({"actor_id": "country:PRT", "text": "Portuguese"}, Score(tp=6, fp=0, fn=0)),
        ({"actor_id": "person:ana-ruiz", "text": "Portuguese"}, Score(tp=6, fp=1, fn=0)),
        ({"actor_id": "person:ana-ruiz", "text": "Foreign Minister Ana Ruiz"}, Score(tp=6, fp=0, fn=0)),
        ({"actor_id": "local:lisbon-institute", "text": "government"}, Score(tp=6, fp=1, fn=0)),
    ],
    ids=[
        "unannotated-pronoun-ignored",
        "optional-mention-ignored",
        "optional-span-wrong-actor",
        "title-and-name-once",
        "unannotated-noun-wrong",
    ],
)
def test_extra_mentions_cost_precision_only_when_wrong(
    records: Records, mention: dict[str, Any], effect: Score
) -> None:
    start = BODY.index(mention["text"])
    records["mentions"].append({"actor_id": mention["actor_id"], "start": start, "end": start + len(mention["text"])})
    assert score(records).mentions == effect


def test_an_anchor_missing_from_the_clean_text_names_the_gold_file(records: Records) -> None:
    data = gold_data()
    data["mentions"].append({"actor": "ana", "text": "Ruiz", "n": 9})
    with pytest.raises(InputError, match=r"ruiz\.json.*'Ruiz' \(n=9\)"):
        score_document(make_gold(data), BODY, Predictions.from_records(**records), TITLE)


def test_a_government_body_as_its_countrys_sector_is_the_country(records: Records) -> None:
    records["actors"].append(
        {"id": "sector:PRTGOV", "name": "Portugal (government)", "type": "government", "country": "PRT"}
    )
    records["quotes"].append(
        {"text": "Portugal welcomed the move", "kind": "direct", "speaker_actor_id": "sector:PRTGOV"}
    )
    data = gold_data()
    data["quotes"].append({"kind": "direct", "starts": "Portugal welcomed the move", "speaker": "prt"})
    result = score_document(make_gold(data), BODY, Predictions.from_records(**records), TITLE)
    assert result.speakers.value == 1.0
    assert result.actors == Score(tp=4, fp=0, fn=0)


def test_a_country_inside_a_description_may_be_linked_to_either(records: Records) -> None:
    # Gold: "Portuguese Foreign Minister" is Ana, with "Portuguese" an optional Portugal inside it.
    data = gold_data()
    data["mentions"].insert(1, {"actor": "ana", "text": "Portuguese Foreign Minister", "n": 1})
    start = BODY.index("Portuguese")
    records["mentions"].append({"actor_id": "person:ana-ruiz", "start": start, "end": start + 27})
    result = score_document(make_gold(data), BODY, Predictions.from_records(**records), TITLE)
    assert result.mentions == Score(tp=7, fp=0, fn=0)


def test_without_gold_mentions_mentions_are_not_scored_and_actors_still_are(records: Records) -> None:
    records["actors"].append({"id": "local:someone", "name": "Someone Else"})
    result = score(records, {"mentions": []})
    assert result.mentions is None
    assert result.actors == Score(tp=4, fp=1, fn=0)
    assert not [problem for problem in result.problems if problem.category == "mention"]


def test_unresolved_speakers_are_counted_out_of_every_predicted_quotation(records: Records) -> None:
    assert (score(records).unresolved.right, score(records).indirect_unresolved.right) == (0, 0)
    quote(records, "Nobody expected more")["speaker_actor_id"] = None
    result = score(records)
    quoted = sum(1 for item in records["quotes"] if item["kind"] != "indirect")
    assert (result.unresolved.right, result.unresolved.total) == (1, quoted)
    assert result.indirect_unresolved.right == 0


def test_an_unresolved_speaker_is_counted_under_its_reason(records: Records) -> None:
    quote(records, "Nobody expected more")["speaker_actor_id"] = None
    quote(records, "Nobody expected more")["speaker_unresolved_reason"] = "no attribution"
    assert score(records).unresolved_reasons == ("no attribution",)
