from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from typing import Any

import pytest
from spacy.language import Language

from events.events_helpers import code
from newsgraph.errors import NewsgraphError
from newsgraph.events.confidence import (
    FEATURE_NAMES,
    EventFeatures,
    FeatureReader,
    event_confidence,
    feature_values,
    load_confidence_model,
    read_model,
)
from newsgraph.events.records import ActorRef

RUSSIA = ActorRef("country:RUS", "RUS", "RUS")
KOREA = ActorRef("country:PRK", "PRK", "PRK")
POLICE = ActorRef(None, None, "COP")

# A verb with both parties known, asserted, in an ordinary sentence near the top of the article.
PLAIN = EventFeatures(
    rule="verb:meet", trigger_pos="VERB", nominal=False, known_source=True, known_target=True,
    sector_source=False, sector_target=False, status="asserted", negated=False, in_quotation=False,
    sentence_index=0, sentence_tokens=12, caption_like=False, events_in_sentence=1,
)


def shipped() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((files("newsgraph") / "data" / "events" / "confidence.json").read_text("utf-8"))
    return loaded


def test_the_shipped_model_weighs_every_feature_and_says_what_it_was_fitted_on() -> None:
    model = load_confidence_model()
    assert set(model.weights) == set(FEATURE_NAMES) == set(feature_values(PLAIN))
    assert 0 <= model.threshold <= 1
    assert model.fitted_on


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["weights"].pop("nominal"), "missing \\['nominal'\\]"),
        (lambda raw: raw["weights"].update(typo=1.0), "unknown \\['typo'\\]"),
        (lambda raw: raw.update(threshold=1.5), "threshold must be between 0 and 1"),
        (lambda raw: raw.update(intercept="high"), "intercept must be a finite number"),
        (lambda raw: raw["weights"].update(negated=float("inf")), "negated must be a finite number"),
        (lambda raw: raw.pop("weights"), "`weights` object"),
    ],
)
def test_a_model_file_that_does_not_fit_the_features_is_refused(change: Any, problem: str) -> None:
    raw = shipped()
    change(raw)
    with pytest.raises(NewsgraphError, match=problem):
        read_model(raw)


def test_the_score_is_the_logistic_of_the_weighted_features() -> None:
    raw = shipped()
    raw.update(intercept=0.0, weights={name: 0.0 for name in FEATURE_NAMES})
    assert read_model(raw).score(PLAIN) == 0.5
    raw["weights"]["nominal"] = 2.0
    assert read_model(raw).score(replace(PLAIN, nominal=True)) == pytest.approx(0.8808, abs=1e-4)


@pytest.mark.parametrize(
    "weaker",
    [
        replace(PLAIN, nominal=True),
        replace(PLAIN, known_target=False),
        replace(PLAIN, known_source=False, sector_source=True),
        replace(PLAIN, status="hypothetical"),
        replace(PLAIN, status="denied", negated=True),
        replace(PLAIN, in_quotation=True),
        replace(PLAIN, sentence_index=25),
        replace(PLAIN, sentence_tokens=80),
        replace(PLAIN, caption_like=True),
        replace(PLAIN, events_in_sentence=4),
        replace(PLAIN, rule="verb:vow+verb:meet"),
    ],
)
def test_each_weakness_lowers_the_placeholder_score(weaker: EventFeatures) -> None:
    assert 0 <= event_confidence(weaker) < event_confidence(PLAIN) <= 1


def test_placeholder_scores_a_plain_verb_high_and_an_event_noun_missing_a_party_low() -> None:
    threshold = load_confidence_model().threshold
    assert event_confidence(PLAIN) > threshold
    assert event_confidence(replace(PLAIN, nominal=True, trigger_pos="NOUN", known_target=False)) < threshold


def test_the_reader_finds_sentence_facts_and_quoted_words(nlp: Language) -> None:
    doc = nlp('Russia said on Monday that it would "meet North Korea soon".\n\n'
              "Kim Jong Un is pictured in Pyongyang, June 19, 2024. REUTERS/Kim Hong-Ji")
    reader = FeatureReader(doc)
    first, *rest = list(doc.sents)
    facts = reader.sentence(first, 0, 2)
    assert (facts.index, facts.events, facts.caption_like) == (0, 2, False)
    assert facts.tokens == 11
    assert reader.sentence(rest[-1], len(rest), 1).caption_like
    meet = next(token for token in doc if token.text == "meet")
    said = next(token for token in doc if token.text == "said")
    assert reader.quoted(meet.idx) and not reader.quoted(said.idx)


@pytest.mark.parametrize(
    ("sources", "targets", "expected"),
    [
        ((RUSSIA,), (KOREA,), (True, True, False, False)),
        ((POLICE,), (), (False, False, True, False)),
        ((RUSSIA, KOREA), (), (True, True, False, False)),
        ((RUSSIA,), (POLICE,), (True, False, False, True)),
        ((ActorRef(None, None, None),), (KOREA,), (False, True, False, False)),
    ],
)
def test_parties_are_known_by_id_else_by_sector_and_a_second_known_source_is_the_other_party(
    nlp: Language, sources: tuple[ActorRef, ...], targets: tuple[ActorRef, ...], expected: tuple[bool, bool, bool, bool],
) -> None:
    doc = nlp("They met.")
    reader = FeatureReader(doc)
    features = reader.features(reader.sentence(next(iter(doc.sents)), 0, 1), rule="verb:meet", trigger=doc[1],
                               nominal=False, sources=sources, targets=targets, status="asserted", negated=False)
    assert (features.known_source, features.known_target, features.sector_source, features.sector_target) == expected
    assert features.trigger_pos == "VERB"


def test_every_coded_event_carries_its_confidence(nlp: Language) -> None:
    events = code(nlp, "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday. "
                       "The summit between the two leaders was the first in 24 years.")
    assert events
    assert all(0 <= event.confidence <= 1 for event in events)
    met = next(event for event in events if event.trigger_text == "met")
    assert met.confidence > load_confidence_model().threshold
