"""Which items bridge groups of regions: centrality and modularity communities on the region–item graph.

The graph is bipartite: regions with an article, and the items at least two of
them report, each edge weighted by the item's rarity (:func:`.similarity.weights`)
so communities form around what few regions share, not around the national
campaigns everyone runs. An item bridges when its regions fall in several
communities; betweenness says how many shortest region-to-region paths pass through it.
"""
from __future__ import annotations

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from .diffusion import origin
from .projection import REGION, label, province
from .similarity import PLACES, counts, weights
from .table import Table

#: the most nodes whose betweenness is computed exactly (see :func:`betweenness`)
SOURCES = 500


def region_item_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Regions and the items two or more of them report, linked with the item's weight."""
    items, weight = weights(graph)
    reported = counts(items)
    bipartite = nx.Graph()
    for region, found in items.items():
        bipartite.add_node(region)
        bipartite.add_edges_from((region, item, {"weight": weight[item]}) for item in sorted(found) if reported[item] >= 2)
    return bipartite


def communities(bipartite: nx.Graph) -> dict[str, int]:
    """Each node's community number (0 the largest), by networkx's greedy modularity maximisation."""
    found = greedy_modularity_communities(bipartite, weight="weight") if bipartite.number_of_edges() else []
    return {node: number for number, members in enumerate(found) for node in members}


def betweenness(bipartite: nx.Graph) -> dict[str, float]:
    """Each node's betweenness; past :data:`SOURCES` nodes, estimated from that many sources drawn
    with a fixed seed (the same graph gives the same values). Exact on the full corpus (327 nodes):
    exact betweenness grows with nodes times edges, 14 s for ten times the corpus, minutes beyond."""
    if len(bipartite) <= 2:
        return {}
    return nx.betweenness_centrality(bipartite, k=SOURCES if len(bipartite) > SOURCES else None, seed=0)


def central(graph: nx.MultiDiGraph, top: int = 50, group: dict[str, int] | None = None) -> Table:
    """The ``top`` items by betweenness, with their degree and the region communities they span.

    :param group: the :func:`communities` of the graph's :func:`region_item_graph`, if already found.
    """
    bipartite = region_item_graph(graph)
    group = communities(bipartite) if group is None else group
    between = betweenness(bipartite)
    rows = []
    for node in bipartite:
        if graph.nodes[node]["kind"] == REGION:
            continue
        regions = list(bipartite[node])
        rows.append({"item": label(graph, node), "item_iri": node, "kind": graph.nodes[node]["kind"],
                     "origin": origin(graph, node), "regions": len(regions),
                     "betweenness": round(between.get(node, 0.0), PLACES), "community": group.get(node),
                     "communities_spanned": len({group.get(r) for r in regions})})
    rows.sort(key=lambda r: (-r["betweenness"], -r["regions"], r["item"]))
    return Table(("item", "item_iri", "kind", "origin", "regions", "betweenness", "community", "communities_spanned"),
                 rows[:top])


def groups(graph: nx.MultiDiGraph, items_shown: int = 8) -> Table:
    """The communities: their regions (with provinces) and the items of each, rarest first."""
    bipartite = region_item_graph(graph)
    _, weight = weights(graph)
    members: dict[int, list[str]] = {}
    for node, number in communities(bipartite).items():
        members.setdefault(number, []).append(node)
    rows = []
    for number in sorted(members):
        regions = sorted((n for n in members[number] if graph.nodes[n]["kind"] == REGION), key=lambda n: label(graph, n))
        items = sorted((n for n in members[number] if graph.nodes[n]["kind"] != REGION),
                       key=lambda n: (-bipartite.degree(n), -weight[n], label(graph, n)))
        rows.append({"community": number, "size": len(regions), "regions": [label(graph, r) for r in regions],
                     "in_provinces": sorted({label(graph, province(graph, r)) for r in regions}),
                     "items": [label(graph, i) for i in items[:items_shown]]})
    return Table(("community", "size", "regions", "in_provinces", "items"), rows)
