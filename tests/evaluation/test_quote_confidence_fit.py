"""The quote speakers' confidence table: a logistic model of the attribution's evidence for
resolved speakers, smoothed rates by reason for unresolved ones."""

from __future__ import annotations

import math

import pytest

from newsgraph.actors.speakers import SpeakerEvidence, evidence_features
from newsgraph.evaluation.quote_confidence_fit import LabelledSpeaker, logistic_weights, rates


def rows(evidence: SpeakerEvidence, right: int, wrong: int) -> list[LabelledSpeaker]:
    return [LabelledSpeaker(evidence, True)] * right + [LabelledSpeaker(evidence, False)] * wrong


def probability(weights: dict[str, float], evidence: SpeakerEvidence) -> float:
    score = sum(weights.get(name, 0.0) * value for name, value in evidence_features(evidence).items())
    return 1.0 / (1.0 + math.exp(-score))


def test_unresolved_rates_are_shares_of_right_speakers_smoothed_towards_the_overall_rate() -> None:
    unresolved = SpeakerEvidence(None, "no attribution")
    table = rates(rows(SpeakerEvidence("mention", None), 8, 2) + rows(unresolved, 1, 3), 2.0)
    assert table["unresolved"] == {"no attribution": pytest.approx((1 + 2 * 0.25) / 6, abs=1e-3)}
    assert table["unresolved_default"] == pytest.approx(0.25, abs=1e-3)


def test_the_model_learns_that_rivals_and_distance_make_a_speaker_less_sure() -> None:
    near = SpeakerEvidence("mention", None, rivals=0)
    crowded = SpeakerEvidence("mention", None, rivals=3)
    far = SpeakerEvidence("pronoun", None, seen_apart=3)
    close = SpeakerEvidence("pronoun", None, seen_apart=0)
    weights = logistic_weights(rows(near, 30, 1) + rows(crowded, 5, 5) + rows(far, 4, 4) + rows(close, 20, 1), 0.5)
    assert probability(weights, near) > probability(weights, crowded)
    assert probability(weights, close) > probability(weights, far)


def test_a_penalty_keeps_weights_small_when_every_speaker_is_right() -> None:
    weights = logistic_weights(rows(SpeakerEvidence("mention", None), 50, 0), 2.0)
    assert all(abs(weight) < 10 for weight in weights.values())
    assert probability(weights, SpeakerEvidence("mention", None)) > 0.9
