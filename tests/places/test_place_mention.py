"""The place mention record: its checks and its JSON form."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.places import PlaceMention

FIELDS: dict[str, Any] = dict(
    start=10, end=19, text="Pyongyang", name="Pyongyang", country="PRK", lat=39.0, lon=125.8,
    kind="city", role="location", precision="city",
)


def test_round_trips_to_json() -> None:
    place = PlaceMention(**FIELDS)
    assert PlaceMention(**place.to_json()) == place


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "village"},
        {"role": "bystander"},
        {"start": 20},
        {"lat": None},  # a latitude without a longitude
        {"precision": None},  # coordinates without saying what they locate
    ],
)
def test_rejects_an_inconsistent_record(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        PlaceMention(**{**FIELDS, **change})


def test_with_role_keeps_the_place_and_says_why() -> None:
    place = PlaceMention(**FIELDS).with_role("participant", "subject of 'denied'")
    assert (place.role, place.role_reason, place.name) == ("participant", "subject of 'denied'", "Pyongyang")
