"""Places: where the news happens, geocoded, and what part each place plays in its sentence.

:func:`find_places` takes an article body parsed by :func:`newsgraph.nlp.load_nlp` and returns one
:class:`PlaceMention` per place it names: the canonical name, country, latitude and longitude from
the GeoNames gazetteer (:mod:`newsgraph.places.gazetteer`), the kind of place, and its role:
where something happened, a place standing for an actor, or where someone is from.
:func:`event_location` says where the event of one sentence happened.
"""

from __future__ import annotations

from newsgraph.places.finder import PLACES_VERSION, find_places
from newsgraph.places.gazetteer import Gazetteer, load_gazetteer
from newsgraph.places.location import event_location
from newsgraph.places.mention import PLACE_KINDS, PLACE_ROLES, PlaceMention

__all__ = [
    "PLACES_VERSION",
    "PLACE_KINDS",
    "PLACE_ROLES",
    "Gazetteer",
    "PlaceMention",
    "event_location",
    "find_places",
    "load_gazetteer",
]
