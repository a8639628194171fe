"""Country outlines from the `countryinfo` package's offline data (simplified GeoJSON
polygons keyed by ISO 3166 alpha-2 code), for `validate --strict` and the locator map.

`countryinfo` is imported inside the functions, never at start-up: most commands draw no
outline. Polygons are GeoJSON's: rings of [longitude, latitude] pairs, outer ring first.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

from ..core.doc import Locator, Spot
from ..core.record import Record

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
    try:
        from countryinfo import CountryInfo
    except ImportError:  # a dependency of vrmc: only an installation made before it lacks it
        from ..core.errors import UsageError

        raise UsageError(
            "country outlines need the countryinfo package, a dependency of vrmc: reinstall "
            "vrmc (pip install -e . in a checkout)"
        ) from None

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


# --------------------------------------------------------------------------- locator maps
# The layout the HTML (render/svg.py) and Word (render/raster.py) maps share: a Mercator
# frame around the spots, each country outline in it as rings of points, and one circle per
# spot with its label where it does not overlap another.

LAT_LIMIT = 80.0  # Mercator's y grows without bound toward the poles


def _mercator(lat: float) -> float:
    lat = max(-LAT_LIMIT, min(LAT_LIMIT, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


class Shape(Record, frozen=True):
    code: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (x, y) in layout units
    holes: tuple[bool, ...]  # per ring: a hole of the polygon before it
    marked: bool  # a spot lies in this country


class Placed(Record, frozen=True):
    spot: Spot
    x: float
    y: float
    r: float
    label: tuple[float, float, str] | None  # (x, baseline y, anchor "start"/"end")


class Layout(Record, frozen=True):
    width: float
    height: float
    shapes: tuple[Shape, ...]
    marks: tuple[Placed, ...]  # largest first, so smaller circles are drawn over them


CHAR_WIDTH = 6.2  # an estimate of the 11-unit sans-serif's average advance, for labels
MIN_R, MAX_R = 3.0, 11.0


def locator_layout(spots: Sequence[Spot], width: float = 640) -> Layout:
    """Where everything goes on a `width`-wide map of the spots (at least 8 degrees across,
    a sixth of the spots' extent as margin, between 9:20 and 4:5 high)."""
    lats = [s.latitude for s in spots]
    lons = [s.longitude for s in spots]
    west, east = min(lons), max(lons)
    south, north = min(lats), max(lats)
    pad_x = max((east - west) / 6, 4.0)
    x0, x1 = west - pad_x, east + pad_x
    y_lo, y_hi = _mercator(south), _mercator(north)
    pad_y = max((y_hi - y_lo) / 6, 4.0)
    y0, y1 = y_lo - pad_y, y_hi + pad_y
    # Keep the frame between 9:20 and 4:5 by widening the short side about its centre.
    if (y1 - y0) / (x1 - x0) < 0.45:
        grow = (0.45 * (x1 - x0) - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    elif (y1 - y0) / (x1 - x0) > 0.8:
        grow = ((y1 - y0) / 0.8 - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    scale = width / (x1 - x0)
    height = round((y1 - y0) * scale)

    def at(lat: float, lon: float) -> tuple[float, float]:
        return round((lon - x0) * scale, 1), round((y1 - _mercator(lat)) * scale, 1)

    frame_s = _unmercator(y0)
    frame_n = _unmercator(y1)
    marked = {s.country for s in spots}
    shapes = []
    for code, polygons in all_outlines().items():
        rings = []
        holes: list[bool] = []
        for polygon in polygons:
            outer = polygon[0] if polygon else ()
            if not outer:
                continue
            lo_lon = min(p[0] for p in outer)
            hi_lon = max(p[0] for p in outer)
            lo_lat = min(p[1] for p in outer)
            hi_lat = max(p[1] for p in outer)
            if hi_lon < x0 or lo_lon > x1 or hi_lat < frame_s or lo_lat > frame_n:
                continue
            for n, ring in enumerate(polygon):
                points: list[tuple[float, float]] = []
                shift = 0.0
                last = None
                for p in ring:
                    # A ring crossing the antimeridian (Russia's Chukotka) stays in one
                    # piece: each longitude within 180 degrees of the one before it.
                    if last is not None and abs(p[0] + shift - last) > 180:
                        shift += 360.0 if last > p[0] + shift else -360.0
                    last = p[0] + shift
                    xy = at(p[1], last)
                    if not points or abs(xy[0] - points[-1][0]) + abs(xy[1] - points[-1][1]) >= 1:
                        points.append(xy)
                if len(points) >= 3:
                    rings.append(tuple(points))
                    holes.append(n > 0)
        if rings:
            shapes.append(Shape(code, tuple(rings), tuple(holes), code in marked))
    most = max((s.count for s in spots), default=1) or 1
    order = sorted(spots, key=lambda s: (-s.count, s.label, s.latitude, s.longitude))
    placed: list[Placed] = []
    boxes: list[tuple[float, float, float, float]] = []
    circles = [(*at(s.latitude, s.longitude), _radius(s.count, most)) for s in order]
    for spot, (x, y, r) in zip(order, circles, strict=True):
        label = None
        length = len(spot.label) * CHAR_WIDTH
        for side in ("start", "end"):
            left = x + r + 3 if side == "start" else x - r - 3 - length
            box = (left, y - 8, left + length, y + 4)
            if box[0] < 2 or box[2] > width - 2 or box[1] < 2 or box[3] > height - 2:
                continue
            if any(_overlap(box, b) for b in boxes) or any(
                _hits_circle(box, cx, cy, cr) for cx, cy, cr in circles
            ):
                continue
            boxes.append(box)
            label = (round(x + r + 3 if side == "start" else x - r - 3, 1), y + 4, side)
            break
        placed.append(Placed(spot, x, y, r, label))
    return Layout(width, height, tuple(shapes), tuple(placed))


def _unmercator(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def _radius(count: int, most: int) -> float:
    """A circle whose area grows with the count: the largest MAX_R, none below MIN_R."""
    return round(MIN_R + (MAX_R - MIN_R) * math.sqrt(max(count, 0) / most), 1)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _hits_circle(box: tuple[float, float, float, float], cx: float, cy: float, r: float) -> bool:
    nx = min(max(cx, box[0]), box[2])
    ny = min(max(cy, box[1]), box[3])
    return (nx - cx) ** 2 + (ny - cy) ** 2 < r * r


def locator_note(m: Locator, linked: bool) -> str:
    """What the map's caption says under it (the Word caption says the same)."""
    return (
        f"One circle per place, its area proportional to its {m.unit}"
        + ("; each links to the place" if linked else "")
        + ". Shaded: the countries of the places. Outlines simplified (countryinfo); "
        "Mercator projection. Names left out where they would overlap: the table lists "
        "every place."
    )
