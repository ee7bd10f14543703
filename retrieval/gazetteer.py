"""Place names from ISO 3166 (pycountry): which capitalised words are countries and regions.

Ingestion needs to know that "Afghanistan –" opens a dateline, not an outlet's
byline; answers need to know that "Kazakhstan" answers "where". One list
serves both.
"""

from __future__ import annotations

from functools import cache

import pycountry

# Short forms that news uses and ISO 3166 does not list as names.
_COMMON_FORMS = frozenset(
    {
        "russia",
        "syria",
        "uae",
        "us",
        "usa",
        "uk",
        "eu",
        "europe",
        "asia",
        "africa",
        "central asia",
        "south asia",
        "middle east",
        "the west",
    }
)


def is_country(name: str) -> bool:
    """A country's name, official name or common name ("Afghanistan", "Russian Federation")."""
    return name.casefold() in _country_names()


def is_place_name(name: str) -> bool:
    """A country, a region of one (a province, a state), or a common short form of one."""
    folded = name.casefold()
    return folded in _country_names() or folded in _place_names()


@cache
def _country_names() -> frozenset[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if isinstance(value, str):
                names.add(value.casefold())
                names.add(value.split(",")[0].casefold())  # "Iran, Islamic Republic of"
    return frozenset(names)


@cache
def _place_names() -> frozenset[str]:
    subdivisions = {subdivision.name.casefold() for subdivision in pycountry.subdivisions}
    return frozenset(subdivisions | _COMMON_FORMS)
