"""Where each node of a network view sits and which community colours it, computed once on the server.

The browser gets fixed positions and runs no physics, so a view opens still
and the same graph always looks the same: the force layout and the Louvain
communities are seeded, run on nodes and edges in sorted order, and cached by
the graph's edges (views are rebuilt on every request; their layouts need not be).
"""
from __future__ import annotations

from functools import lru_cache

import networkx as nx

SEED = 7
#: Community colours, most populous community first (Tableau 10, without grey).
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
OTHER = "#bab0ac"


@lru_cache(maxsize=256)
def _layout(nodes: tuple[str, ...], edges: tuple[tuple[str, str], ...]) -> tuple[dict, dict]:
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(edges)
    spread = 45 * len(nodes) ** 0.5 + 100  # canvas units: room for labels however many nodes there are
    raw = nx.spring_layout(simple, seed=SEED, iterations=35) if nodes else {}
    positions = {n: (round(float(x) * spread), round(float(y) * spread)) for n, (x, y) in raw.items()}
    found = nx.community.louvain_communities(simple, seed=SEED) if simple.number_of_edges() else []
    ranked = sorted((sorted(c) for c in found if len(c) > 1), key=lambda c: (-len(c), c[0]))
    community = {n: i for i, members in enumerate(ranked) for n in members}
    return positions, community


def layout(graph: nx.MultiDiGraph) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """Each node's (x, y) and its community number (0 the largest; singletons have none).

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> layout(g) == layout(nx.MultiDiGraph([("x", "y"), ("b", "c"), ("a", "b")]))
    True
    >>> sorted(layout(g)[1].items())
    [('a', 0), ('b', 0), ('c', 0), ('x', 1), ('y', 1)]
    """
    edges = tuple(sorted({tuple(sorted((s, o))) for s, o in graph.edges() if s != o}))
    return _layout(tuple(sorted(graph)), edges)


def community_colour(number: int | None) -> str:
    """The colour of a community number, grey past the palette or for none."""
    return PALETTE[number] if number is not None and number < len(PALETTE) else OTHER
