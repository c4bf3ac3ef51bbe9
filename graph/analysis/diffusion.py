"""How far each programme, initiative or shared item spread: how many regions report it, at which level, where.

A region counts only for what its own article reports (ok:implements, asserted
from the region the article is about), and a province's own count is kept apart
from its cities' and counties': a province whose cities report an item but whose
own report does not is not an adopter, and the by-province table says so in two columns.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from ..errors import NotInGraph
from .projection import CONCEPT, ITEMS, adopters, label, of_kind, province, reporters
from .table import Table

#: The levels counted apart, and the column each count goes in.
LEVELS = {"province": "provinces", "prefecture": "prefectures", "county": "counties"}
#: What the ``origin`` column calls each scope: a national campaign, or something regions invented.
ORIGIN = {"national": "national", "shared": "local", "regional": "local"}


def origin(graph: nx.MultiDiGraph, item: str) -> str:
    """``national`` for a national campaign, ``local`` for a region's own invention (shared items included)."""
    return "local" if graph.nodes[item]["kind"] == CONCEPT else ORIGIN.get(graph.nodes[item].get("scope", ""), "local")


def diffusion(graph: nx.MultiDiGraph, min_regions: int = 2) -> Table:
    """Every item reported by at least ``min_regions`` regions, most widespread first.

    Columns: the item, its kind and origin, the regions reporting it, how many of
    them are provinces, prefectures, counties or other, and how many provinces it
    reached (the province itself or any region in it).
    """
    rows = []
    for item, regions in adopters(graph).items():
        if len(regions) < min_regions:
            continue
        levels = Counter(graph.nodes[r].get("level", "") for r in regions)
        rows.append({
            "item": label(graph, item), "item_iri": item, "kind": graph.nodes[item]["kind"],
            "origin": origin(graph, item), "regions": len(regions),
            **{column: levels[level] for level, column in LEVELS.items()},
            "other_levels": len(regions) - sum(levels[level] for level in LEVELS),
            "provinces_reached": len({province(graph, r) for r in regions}),
        })
    rows.sort(key=lambda r: (-r["regions"], r["item"], r["item_iri"]))
    return Table(("item", "item_iri", "kind", "origin", "regions", *LEVELS.values(), "other_levels", "provinces_reached"),
                 rows)


def by_province(graph: nx.MultiDiGraph, item: str) -> Table:
    """Where one item spread: per province, whether its own report has it, and which regions under it do.

    :raises NotInGraph: when ``item`` is not a programme, initiative or shared item.
    """
    if graph.nodes.get(item, {}).get("kind") not in ITEMS:
        raise NotInGraph(f"{item}: not a programme, initiative or shared item of this graph")
    under: dict[str, list[str]] = {}
    for region in reporters(graph, item):
        under.setdefault(province(graph, region), []).append(region)
    rows = []
    for top, regions in under.items():
        below = sorted((r for r in regions if r != top), key=lambda r: label(graph, r))
        rows.append({"province": label(graph, top), "province_iri": top, "province_reports": top in regions,
                     "below": len(below), "below_regions": [label(graph, r) for r in below]})
    rows.sort(key=lambda r: (-(r["province_reports"] + r["below"]), r["province"]))
    return Table(("province", "province_iri", "province_reports", "below", "below_regions"), rows)


def find_item(graph: nx.MultiDiGraph, name: str) -> str:
    """The programme, initiative or shared item called ``name`` (its label or IRI), the most widespread if several.

    :raises NotInGraph: when no item has that name.
    """
    found = [n for n in of_kind(graph, *ITEMS) if name in (n, graph.nodes[n].get("label"))]
    if not found:
        raise NotInGraph(f"no programme, initiative or shared item named {name!r}")
    return max(found, key=lambda n: (len(reporters(graph, n)), n))
