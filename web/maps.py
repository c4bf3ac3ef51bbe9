"""What a map colours: each region's value or report on its division's shape, and every region it cannot draw.

A region is placed by its GB/T 2260 code (its administrative code). The national map's
shapes are the provinces, each coloured by the province's *own* value or report,
never its cities': a province some of whose regions have one is hatched and
links to its own map, where the prefectures (a municipality's districts) are the
shapes and the counties with data are drawn over them. A region with no code, or
whose code has no boundary, is listed under the map; the table lists them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import mapdraw
from .charts import amount, number

#: Colours from light to dark for classes of values; one colour for "reports it".
SCALE = ("#dbe8f4", "#a9c8e4", "#6d9fcf", "#3c70ae", "#1a3f78")
REPORTS = SCALE[3]
NONE = "#f2f0ec"
HATCH = "url(#hatch)"  # the pattern the template defines: nothing of its own, something below


@dataclass(frozen=True)
class Entry:
    """A region with data: its IRI, name in the page's language, code, level, and value (``None`` on an
    adoption map, where having an entry means its own article reports the item)."""

    iri: str
    label: str
    code: str | None
    level: str | None
    value: float | None = None
    unit: str | None = None

    @property
    def province(self) -> str | None:
        return mapdraw.province_of(self.code) if self.code else None


@dataclass(frozen=True)
class Shape:
    """One drawn division: its path, fill, hover text and link."""

    code: str
    d: str
    fill: str
    title: str
    href: str | None
    value: float | None = None
    overlay: bool = False


@dataclass
class Drawn:
    """A map ready for the template: the view, its shapes, legend, and each entry's place (see :func:`place`)."""

    view: mapdraw.MapView
    shapes: list[Shape]
    legend: list[tuple[str, str]]
    shown: dict[str, str] = field(default_factory=dict)
    below: dict[str, int] = field(default_factory=dict)  # national map: a province's regions on its own map
    own: Entry | None = None  # a province map's province itself, drawn on the national map


def classes(values: list[float], count: int = len(SCALE)) -> list[tuple[float, float]]:
    """Up to ``count`` ranges holding about as many of ``values`` each (quantiles), low to high.

    >>> classes([1, 2, 3, 4, 100], 3)
    [(1, 1), (2, 3), (4, 100)]
    >>> classes([5, 5, 5]), classes([])
    ([(5, 5)], [])
    """
    ordered = sorted(set(values))
    count = min(count, len(ordered))
    bounds = [ordered[len(ordered) * i // count: len(ordered) * (i + 1) // count] for i in range(count)]
    return [(group[0], group[-1]) for group in bounds if group]


def colour(value: float, ranges: list[tuple[float, float]]) -> str:
    """The colour of the range ``value`` falls in, darker for higher ranges (spread over :data:`SCALE`;
    a single range takes the middle colour).

    >>> colour(3, [(1, 2), (3, 4)]) == SCALE[-1], colour(1, [(1, 2), (3, 4)]) == SCALE[0], colour(7, [(7, 7)]) == REPORTS
    (True, True, True)
    """
    index = next((i for i, (_, high) in enumerate(ranges) if value <= high), len(ranges) - 1)
    return REPORTS if len(ranges) < 2 else SCALE[round(index * (len(SCALE) - 1) / (len(ranges) - 1))]


def place(entry: Entry, province: str | None) -> str:
    """Where a region shows, seen from the national map (``province`` ``None``) or a province's: on this ``map``,
    on its ``province_map``, on the ``national_map`` (a province's own entry), or nowhere (``no_code``,
    ``no_boundary``)."""
    if not entry.code:
        return "no_code"
    if entry.code not in mapdraw.codes():
        return "no_boundary"
    if province is None:
        return "map" if entry.code == entry.province else "province_map"
    return "national_map" if entry.code == province else "map"


def draw(entries: list[Entry], province: str | None, labels: dict[str, tuple[str, str | None]], drill, words) -> Drawn:
    """Colour a view by ``entries`` (values, or reports when their values are ``None``).

    :param entries: the regions with data, each once; a province map is given only its own province's.
    :param province: the province code of a province map, ``None`` for the national one.
    :param labels: a code's (name, entity page) for codes the graph holds; others are named by code.
    :param drill: ``drill(code)`` is the address of a province's own map.
    :param words: ``words(key, **values)`` says a map string in the page's language (the i18n ``t``).
    :raises mapdraw.NoBoundary: for a province code with no boundary.
    """
    view = mapdraw.view(province or mapdraw.NATION)
    shown = {e.iri: place(e, province) for e in entries}
    by_code = {e.code: e for e in entries if shown[e.iri] in ("map", "national_map")}
    valued = any(e.value is not None for e in entries)
    ranges = classes([e.value for e in by_code.values() if e.value is not None and shown[e.iri] == "map"])
    below: dict[str, int] = {}
    for e in entries:
        if province is None and shown[e.iri] == "province_map":
            below[e.province] = below.get(e.province, 0) + 1

    def shape(code: str, d: str, overlay: bool) -> Shape | None:
        name, href = labels.get(code, (words("an_map_code", code=code), None))
        entry, under = by_code.get(code), below.get(code)
        if entry is None and overlay:
            return None
        if entry is None:
            fill, said, value = HATCH if under else NONE, words("an_map_nothing"), None
        else:
            said = amount(entry.value, entry.unit) if valued else words("an_map_reports")
            fill, value = colour(entry.value, ranges) if valued else REPORTS, entry.value
        if under:  # a click goes down to the province's own map
            said, href = f"{said} · {words('an_map_below', n=under)}", drill(code)
        return Shape(code, d, fill, f"{name}: {said}", href, value, overlay)

    shapes = [s for code, d in view.units.items() if (s := shape(code, d, False))]
    shapes += [s for code, d in view.overlays.items() if code in by_code and (s := shape(code, d, True))]
    legend = ([(colour(high, ranges), number(low) if low == high else f"{number(low)}–{number(high)}")
               for low, high in ranges] if valued else [(REPORTS, words("an_map_reports"))])
    if any(s.fill == HATCH for s in shapes):
        legend.append((HATCH, words("an_map_hatch")))
    legend.append((NONE, words("an_map_nothing")))
    own = next((e for e in entries if shown[e.iri] == "national_map"), None)
    return Drawn(view, shapes, legend, shown, below, own)
