from __future__ import annotations

import newsgraph.places


def test_public_api_is_pinned() -> None:
    assert sorted(newsgraph.places.__all__) == sorted(
        [
            "PLACES_VERSION",
            "PLACE_KINDS",
            "PLACE_ROLES",
            "Gazetteer",
            "PlaceMention",
            "event_location",
            "find_places",
            "load_gazetteer",
        ]
    )
    assert all(hasattr(newsgraph.places, name) for name in newsgraph.places.__all__)
    assert newsgraph.places.PLACES_VERSION == "newsgraph.places.v1"
    assert newsgraph.places.PLACE_ROLES == ("location", "participant", "origin/affiliation")
