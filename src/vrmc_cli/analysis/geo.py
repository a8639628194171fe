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
    """Whether the point is in a polygon or within `km` of one of its edges (outlines
    are simplified: a port or an island may fall just outside)."""
    return polygons_km(lat, lon, polygons) <= km


def polygons_km(lat: float, lon: float, polygons: Sequence[Sequence[Ring]]) -> float:
    """How far the point is from the polygons: 0 inside one, else the distance to the
    nearest edge (infinite when there is no edge)."""
    if in_polygons(lat, lon, polygons):
        return 0.0
    return min(
        (
            _edge_km(lat, lon, ring[i - 1], ring[i])
            for rings in polygons
            for ring in rings
            for i in range(1, len(ring))
        ),
        default=math.inf,
    )


def _edge_km(lat: float, lon: float, a: Sequence[float], b: Sequence[float]) -> float:
    """The distance from the point to the edge a-b, found on a plane tangent at the point
    (exact enough over the few hundred kilometres of one edge of a simplified outline)."""
    scale = math.cos(math.radians(lat))
    ax, ay = (a[0] - lon) * scale, a[1] - lat
    bx, by = (b[0] - lon) * scale, b[1] - lat
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    return distance_km(lat, lon, lat + ay + t * dy, lon + (ax + t * dx) / max(scale, 1e-9))


def bounds(polygons: Sequence[Sequence[Ring]]) -> tuple[float, float, float, float]:
    """The outer rings' extent: south, west, north, east (degrees)."""
    points = [p for rings in polygons if rings for p in rings[0]]
    lats = [p[1] for p in points]
    lons = [p[0] for p in points]
    return min(lats), min(lons), max(lats), max(lons)
