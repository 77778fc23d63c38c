"""Actor matching and quote pairing, the two judgements the scorer rests on."""

from __future__ import annotations

import pytest
from evaluation.ruiz_case import make_gold

from newsgraph.evaluation import ActorMatcher, Predictions, normalise_name
from newsgraph.evaluation.matching import pair_spans


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("U.S.", "US"),
        ("The United States", "United States"),
        ("Radosław Sikorski", "Radoslaw Sikorski"),
        ("Péter Szijjártó", "Peter Szijjarto"),
        ("People’s Daily", "People's Daily"),
    ],
)
def test_spelling_variants_fold_to_one_name(one: str, other: str) -> None:
    assert normalise_name(one) == normalise_name(other)


@pytest.mark.parametrize(
    ("one", "other"), [("Kim Jong Un", "Kim Jong Il"), ("Lee", "Lee Jae-myung"), ("Alexander Novak", "Katalin Novák")]
)
def test_different_names_stay_different(one: str, other: str) -> None:
    assert normalise_name(one) != normalise_name(other)


@pytest.mark.parametrize(
    ("actor", "resolved"),
    [
        ({"id": "person:ana-ruiz", "name": "A. Ruiz"}, "ana"),
        ({"id": "x", "name": "Tomas Ruiz"}, "tomas"),
        ({"id": "x", "name": "Portuguese Republic"}, "prt"),
        ({"id": "x", "name": "Lisbon institute"}, "institute"),
        ({"id": "x", "name": "Ruiz"}, None),
        ({"id": "x", "name": "Ana Ruiz", "kb_id": "person:someone-else"}, None),
        ({"id": "person:ana-ruiz", "name": "Tomas Ruiz"}, "ana"),
        ({"id": "x", "name": "Spain"}, None),
        ({"id": "sector:PRTMIL", "name": "Portuguese military", "type": "military", "country": "PRT"}, "prt"),
        ({"id": "sector:ESPMIL", "name": "Spanish military", "type": "military", "country": "ESP"}, None),
        ({"id": "org:x", "name": "Lisbon Bank", "type": "organization", "country": "PRT"}, None),
    ],
    ids=[
        "kb-id",
        "name",
        "alias",
        "case",
        "shared-surname",
        "conflicting-kb-id",
        "kb-id-beats-name",
        "unknown",
        "sector-of-the-country",
        "sector-of-another-country",
        "an-organisation-is-not-a-sector",
    ],
)
def test_resolve_finds_the_one_gold_actor_a_prediction_is(actor: dict[str, str], resolved: str | None) -> None:
    matcher = ActorMatcher(make_gold(), Predictions.from_records(actors=[actor]))
    assert matcher.resolve(actor["id"]) == resolved


def test_an_id_missing_from_the_actor_table_still_matches_by_kb_id() -> None:
    matcher = ActorMatcher(make_gold(), Predictions())
    assert (matcher.resolve("country:PRT"), matcher.resolve("local:7"), matcher.resolve(None)) == ("prt", None, None)


def test_align_pairs_one_to_one_and_prefers_the_strongest_match() -> None:
    predictions = Predictions.from_records(
        actors=[
            {"id": "a2", "name": "Ana Ruiz"},
            {"id": "person:ana-ruiz", "name": "Ana Ruiz"},
            {"id": "t", "name": "Tomas Ruiz"},
        ]
    )
    assert ActorMatcher(make_gold(), predictions).align() == {"ana": "person:ana-ruiz", "tomas": "t"}


TEXT = 'He said: "We will talk," and later "we may not."'


@pytest.mark.parametrize(
    ("gold", "predicted", "pairs"),
    [
        ([(10, 14)], [(10, 22)], [(0, 0)]),
        ([(10, 14)], [(9, 22)], [(0, 0)]),
        ([(10, 14)], [(3, 22)], [(0, 0)]),
        ([(10, 14)], [(0, 22)], []),
        ([(10, 14), (36, 38)], [(10, 46)], [(0, 0)]),
        ([(10, 14), (36, 38)], [(36, 46), (10, 22)], [(0, 1), (1, 0)]),
        ([(10, 14)], [(10, 22), (10, 20)], [(0, 0)]),
    ],
    ids=[
        "exact",
        "mark-included",
        "one-word-early",
        "two-words-early",
        "merged-quotes-find-one",
        "order-free",
        "one-to-one",
    ],
)
def test_pair_spans_matches_starts_within_a_word(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]], pairs: list[tuple[int, int]]
) -> None:
    assert pair_spans(TEXT, gold, predicted) == pairs
