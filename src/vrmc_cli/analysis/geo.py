"""Distances and shapes on the globe: great-circle distance, and whether a point lies in a
country's outline (for `validate --strict`).

Coordinates are WGS 84 decimal degrees, latitude then longitude, as topic files write them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)

Ring = Sequence[Sequence[float]]  # GeoJSON: [longitude, latitude] pairs


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, by the haversine formula."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def in_ring(lat: float, lon: float, ring: Ring) -> bool:
    """Whether the point is inside a closed ring of [lon, lat] pairs (even-odd rule)."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_polygons(lat: float, lon: float, polygons: Sequence[Sequence[Ring]]) -> bool:
    """Whether the point is in any polygon (outer ring, minus its holes)."""
    return any(
        in_ring(lat, lon, rings[0]) and not any(in_ring(lat, lon, h) for h in rings[1:])
        for rings in polygons
        if rings
    )


def near_polygons(lat: float, lon: float, polygons: Sequence[Sequence[Ring]], km: float) -> bool:
    """Whether the point is in a polygon or within `km` of one of its vertices (outlines
    are simplified: a port or an island may fall just outside)."""
    if in_polygons(lat, lon, polygons):
        return True
    return any(
        distance_km(lat, lon, p[1], p[0]) <= km
        for rings in polygons
        for ring in rings
        for p in ring
    )
