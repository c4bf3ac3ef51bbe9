"""The graph as a typed networkx multigraph of regions, items and articles, read over SPARQL.

Nodes are IRIs with ``kind`` (Region, Programme, Initiative, Concept, Article),
``label`` and, where the graph has them, ``level``, ``scope`` and ``code``; edges
are keyed by the property they come from (implements, mentions, partOf, about,
concept) and carry it again as ``relation``, so the exports keep it. Evidence
(sentences, mentions, figures) stays in the RDF: this is the shape to count and
rank on, not to quote from.
"""
from __future__ import annotations

import networkx as nx

from ..namespaces import PREFIXES
from ..store import PROLOGUE, GraphStore
from ..vocab import OK

TIMEOUT = 300.0  # seconds per query: the projection is read once and kept

KINDS = tuple(str(t) for t in (OK.Region, OK.Programme, OK.Initiative, OK.Concept, OK.Article))
RELATIONS = tuple(str(p) for p in (OK.implements, OK.mentions, OK.partOf, OK.about, OK.concept))
ATTRIBUTES = {"level": (OK.level, OK.articleLevel), "scope": (OK.scope,), "code": (OK.adminCode,)}

NODES_Q = PROLOGUE + f"""SELECT ?s ?kind (SAMPLE(?name) AS ?label) {"".join(
    f"(SAMPLE(?{a}_) AS ?{a}) " for a in ATTRIBUTES)}WHERE {{
  VALUES ?kind {{ {" ".join(f"<{k}>" for k in KINDS)} }}
  ?s a ?kind .
  OPTIONAL {{ {{ ?s rdfs:label ?name }} UNION {{ ?s dcterms:title ?name }} FILTER(LANG(?name) IN ("zh", "")) }}
  {" ".join(f"OPTIONAL {{ ?s {'|'.join(f'<{p}>' for p in props)} ?{a}_ }}" for a, props in ATTRIBUTES.items())}
}} GROUP BY ?s ?kind"""
EDGES_Q = PROLOGUE + f"""SELECT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join(f"<{p}>" for p in RELATIONS)} }} ?s ?p ?o }}"""


def local(iri: str) -> str:
    """The local name of an ``ok:`` term.

    >>> local("https://w3id.org/orgkg/ontology#partOf")
    'partOf'
    """
    return iri.removeprefix(PREFIXES["ok"])


REGION, PROGRAMME, INITIATIVE, CONCEPT, ARTICLE = map(local, KINDS)
IMPLEMENTS, MENTIONS, PART_OF, ABOUT, HAS_CONCEPT = map(local, RELATIONS)
ITEMS = (PROGRAMME, INITIATIVE, CONCEPT)


def project(store: GraphStore) -> nx.MultiDiGraph:
    """Read the projection from ``store`` (two queries, whatever the backend).

    Nodes and edges are added in IRI order, so one graph always gives the same
    projection and byte-identical exports, whichever store or endpoint holds it.
    """
    graph = nx.MultiDiGraph()
    for row in sorted(store.query(NODES_Q, timeout=TIMEOUT).records(), key=lambda r: r["s"].value):
        attrs = {name: row[name].value for name in ("label", *ATTRIBUTES) if name in row}
        graph.add_node(row["s"].value, kind=local(row["kind"].value), **attrs)
    edges = sorted((r["s"].value, r["o"].value, local(r["p"].value)) for r in store.query(EDGES_Q, timeout=TIMEOUT).records())
    for source, target, relation in edges:
        if source in graph and target in graph:
            graph.add_edge(source, target, key=relation, relation=relation)
    return graph


def of_kind(graph: nx.MultiDiGraph, *kinds: str) -> list[str]:
    """The nodes of the given kinds, in IRI order."""
    return sorted(n for n, k in graph.nodes(data="kind") if k in kinds)


def targets(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """The nodes ``node`` links to by ``relation``."""
    return [t for t, keys in graph.succ[node].items() if relation in keys]


def sources(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """The nodes that link to ``node`` by ``relation``."""
    return [s for s, keys in graph.pred[node].items() if relation in keys]


def label(graph: nx.MultiDiGraph, node: str) -> str:
    """A node's label, else the last segment of its IRI."""
    return graph.nodes[node].get("label") or node.rstrip("/").rsplit("/", 1)[-1]


def province(graph: nx.MultiDiGraph, region: str) -> str:
    """The outermost region containing ``region`` by partOf (``region`` itself at the top; cycles are cut)."""
    seen, node = {region}, region
    while parents := [p for p in targets(graph, node, PART_OF) if p not in seen]:
        node = parents[0]
        seen.add(node)
    return node


def reporting_regions(graph: nx.MultiDiGraph) -> list[str]:
    """The regions some article is about: the ones whose own reports the analyses compare."""
    return sorted({t for a in of_kind(graph, ARTICLE) for t in targets(graph, a, ABOUT)})


def features(graph: nx.MultiDiGraph, region: str) -> set[str]:
    """What a region reports, as comparable items: each item it implements, or the
    shared item (Concept) that item is one of, so two cities' 人才强市战略 are one."""
    found = set()
    for item in targets(graph, region, IMPLEMENTS):
        found.update(targets(graph, item, HAS_CONCEPT) or [item])
    return found


def reporters(graph: nx.MultiDiGraph, item: str) -> set[str]:
    """The regions whose own article reports ``item``; for a shared item, those reporting any item it groups."""
    members = sources(graph, item, HAS_CONCEPT) or [item]
    return {s for m in members for s in sources(graph, m, IMPLEMENTS)}


def adopters(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each comparable item and the regions whose own article reports it (ok:implements)."""
    found: dict[str, set[str]] = {}
    for region in of_kind(graph, REGION):
        for item in features(graph, region):
            found.setdefault(item, set()).add(region)
    return found
