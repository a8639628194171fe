"""Country outlines from the `countryinfo` package's offline data (simplified GeoJSON
polygons keyed by ISO 3166 alpha-2 code), for `validate --strict` and the locator map.

`countryinfo` is imported inside the functions, never at start-up: most commands draw no
outline. Polygons are GeoJSON's: rings of [longitude, latitude] pairs, outer ring first.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

Polygon = Sequence[Sequence[Sequence[float]]]


def _polygons(geometry: dict[str, Any]) -> list[Polygon]:
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


@functools.cache
def all_outlines() -> dict[str, tuple[Polygon, ...]]:
    """Every country's polygons the dataset has, by alpha-2 code, in code order."""
    from countryinfo import CountryInfo

    found: dict[str, list[Polygon]] = {}
    for data in CountryInfo.all().values():
        info: dict[str, Any] = dict(data)
        code = (info.get("ISO") or {}).get("alpha2")
        if not isinstance(code, str) or len(code) != 2 or code in found:
            continue
        geo = info.get("geoJSON") or {}
        polygons = [
            p for f in geo.get("features") or () for p in _polygons(f.get("geometry") or {})
        ]
        if polygons:
            found[code.upper()] = polygons
    return {code: tuple(found[code]) for code in sorted(found)}


def outline(code: str) -> tuple[Polygon, ...] | None:
    """The polygons of the country with this alpha-2 code, or None when the dataset has
    no outline for it (a code such as XK, or a territory without a shape)."""
    return all_outlines().get(code.upper())
