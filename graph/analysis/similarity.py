"""Regions alike in what they report: a weighted Jaccard score over their items, rare items counting most.

Each item weighs its inverse document frequency, ``log(N / regions reporting it)``
over the N regions with an article, so on the full corpus (2026-12-01) a national
campaign that 63 of 76 regions run weighs 0.19 and an item two regions share 3.6. The
score of two regions is the weight of the items they share over the weight of all the
items either reports (0 to 1). Unweighted Jaccard put 洛阳市 first for 南京市, sharing
four national campaigns and one item eleven regions report; weighted, 江苏省 comes
first, sharing two items that three regions or fewer report.
"""
from __future__ import annotations

import math
from collections import Counter

import networkx as nx

from ..errors import NotInGraph
from .projection import REGION, features, label, of_kind, province, reporting_regions
from .table import Table

#: Decimal places of a score, in the tables and in the analysis graph alike.
PLACES = 4


def counts(items: dict[str, set[str]]) -> Counter:
    """How many regions report each item, from each region's items.

    >>> counts({"a": {"x", "y"}, "b": {"y"}})["y"]
    2
    """
    return Counter(item for found in items.values() for item in found)


def weights(graph: nx.MultiDiGraph) -> tuple[dict[str, set[str]], dict[str, float]]:
    """Each reporting region's items, and each item's weight ``log(N / regions reporting it)``."""
    items = {r: features(graph, r) for r in reporting_regions(graph)}
    return items, {item: math.log(len(items) / n) for item, n in counts(items).items()}


def score(a: set[str], b: set[str], weight: dict[str, float]) -> float:
    """Weighted Jaccard: the weight of what both hold over the weight of what either holds.

    >>> score({"x", "y"}, {"y", "z"}, {"x": 1.0, "y": 2.0, "z": 1.0})
    0.5
    """
    union = sum(weight[i] for i in a | b)
    return sum(weight[i] for i in a & b) / union if union else 0.0


def most_alike(items: dict[str, set[str]], weight: dict[str, float], top: int) -> dict[str, list[tuple[float, str]]]:
    """Each region's candidates for its ``top`` most alike others, with their :func:`score`: at least
    the ``top`` best that share anything, and every other tied with the last of them (the caller
    ranks ties, by label).

    Scores of all pairs at once with numpy, from the weight each pair shares, added item by
    item over the regions reporting it (a dense regions × regions matrix: China has some
    3,400 divisions of county level and above, 90 MB); each candidate's score is then
    recomputed by :func:`score`, so it is exactly the one :func:`similar` gives.
    """
    import numpy as np

    regions = list(items)
    index = {region: i for i, region in enumerate(regions)}
    reporters: dict[str, list[int]] = {}
    for region, found in items.items():
        for item in found:
            reporters.setdefault(item, []).append(index[region])
    shared = np.zeros((len(regions), len(regions)))
    for item, rows in reporters.items():
        if len(rows) > 1:
            shared[np.ix_(rows, rows)] += weight[item]
    total = np.array([sum(weight[i] for i in items[r]) for r in regions])
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = np.nan_to_num(shared / (total[:, None] + total[None, :] - shared))
    np.fill_diagonal(scores, 0.0)
    found: dict[str, list[tuple[float, str]]] = {}
    for a, row in zip(regions, scores):
        last = np.partition(row, len(row) - top)[len(row) - top] if len(row) > top else 0.0
        # the top and all tied with the last (rounding aside); a pair sharing nothing that weighs is no candidate
        picked = np.flatnonzero((row >= last - 1e-9) & (row > 0))
        found[a] = [(score(items[a], items[regions[j]], weight), regions[j]) for j in picked if regions[j] != a]
    return found


def similar(graph: nx.MultiDiGraph, region: str, top: int = 10) -> Table:
    """The ``top`` regions most like ``region``, with the items they share, rarest first.

    :raises NotInGraph: when ``region`` is not a region some article is about.
    """
    items, weight = weights(graph)
    if region not in items:
        raise NotInGraph(f"{region}: no article is about this region, so it reports nothing to compare")
    ranked = sorted(((score(items[region], items[other], weight), other) for other in items if other != region),
                    key=lambda pair: (-pair[0], label(graph, pair[1])))
    rows = []
    for value, other in ranked[:top]:
        if value <= 0:
            break
        shared = sorted(items[region] & items[other], key=lambda i: (-weight[i], label(graph, i)))
        rows.append({"region": label(graph, other), "region_iri": other, "level": graph.nodes[other].get("level"),
                     "province": label(graph, province(graph, other)), "score": round(value, PLACES),
                     "shared": [label(graph, i) for i in shared], "shared_count": len(shared)})
    return Table(("region", "region_iri", "level", "province", "score", "shared_count", "shared"), rows)


def find_region(graph: nx.MultiDiGraph, name: str) -> str:
    """The region called ``name`` (its label or IRI); of several, one some article is about.

    :raises NotInGraph: when no region has that name.
    """
    found = [n for n in of_kind(graph, REGION) if name in (n, graph.nodes[n].get("label"))]
    if not found:
        raise NotInGraph(f"no region named {name!r}")
    reporting = set(reporting_regions(graph))
    return max(found, key=lambda n: (n in reporting, n))
