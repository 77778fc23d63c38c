"""Tests for newsgraph.clean.line_features: what the furniture classifier sees of a line."""

from __future__ import annotations

import pytest

from newsgraph.clean.line_features import FEATURE_NAMES, page_features

PAGE = [
    "Wed, Jul 16, 2025 | Muharram 21, 1447 | Fajr 04:10 | DXB 40.6\u00b0C",
    "Sanctions hit oil smuggling network",
    "",
    "The US imposed sanctions on Thursday against a network that smuggles oil, the Treasury said.",
    "Sign up to our newsletter and get alerts sent straight to your inbox",
    "Details",
    "Missile strikes targeted several places",
    "The strikes hit three towns, the army said.",
    "\u2014 NATO Spokesperson (@NATOpress) September 19, 2025",
    "Read also:",
    "UN council demands end to siege",
    "Record number of people displaced",
]


@pytest.fixture(scope="module")
def features() -> list[dict[str, float] | None]:
    rules: list[str | None] = [None] * len(PAGE)
    rules[9] = "related"
    return page_features(PAGE, rules)


def test_every_content_line_has_every_feature_in_0_1(features: list[dict[str, float] | None]) -> None:
    assert features[2] is None
    for values in features:
        if values is not None:
            assert set(values) == set(FEATURE_NAMES) and all(0.0 <= value <= 1.0 for value in values.values())


@pytest.mark.parametrize(
    ("line", "feature", "value"),
    [
        (0, "widget", 1.0),
        (0, "separators", 1.0),
        (0, "edge", 1.0),
        (3, "no_stop", 0.0),
        (3, "no_verb", 0.0),
        (4, "second_person", 1.0),
        (4, "call_to_action", 1.0),
        (5, "label_over_heading", 1.0),
        (5, "few_words", 1.0),
        (7, "label_over_heading", 0.0),
        (8, "post_signature", 1.0),
        (10, "after_furniture", 1.0),
        (10, "headline_run_at_end", 1.0),
        (1, "headline_run_at_end", 0.0),
    ],
)
def test_features_read_the_shape_of_the_line(
    features: list[dict[str, float] | None], line: int, feature: str, value: float
) -> None:
    values = features[line]
    assert values is not None and values[feature] == value
