"""The analyses' results as RDF, in a named graph of their own: queryable with SPARQL, never taken for facts.

Extracted facts are the default graph; everything here sits in
:data:`~orgkg.graph.namespaces.ANALYSIS_GRAPH`, which the store leaves out of a
query's default graph (only ``GRAPH <…analysis> { … }`` reaches it). Each result
is a resource of its own — an ``ok:Similarity`` of two regions with its score and
shared items, an ``ok:Centrality`` and an ``ok:Diffusion`` of an item, an
``ok:Community`` and its members — generated (``prov:wasGeneratedBy``) by an
``ok:Analysis`` naming its method and parameters. The values are those of the
analyses' tables, and no wall-clock time is written, so one graph always gives
byte-identical output.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Iterator

import networkx as nx
import pyoxigraph as ox

from ..namespaces import ANALYSIS_GRAPH, PREFIXES, RESOURCE_BASE
from ..store import GraphStore
from ..vocab import OK
from .centrality import SOURCES, central, communities, region_item_graph
from .diffusion import diffusion
from .projection import label, project, reporting_regions
from .similarity import PLACES, most_alike, weights

#: The serialisations of the analysis graph, by the names ``orgkg analyse rdf`` takes.
FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
GRAPH = ox.NamedNode(ANALYSIS_GRAPH)
MIN_REGIONS = 2  # an item links regions on the network, and counts as spread, once two of them report it
#: Pairs kept per region: its most alike others (as ``analyse similar`` ranks them), so the graph grows
#: with the regions, not with their square (3,000 counties would make 4.5 million pairs).
TOP = 10

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
GENERATED_BY = ox.NamedNode(PREFIXES["prov"] + "wasGeneratedBy")
DECIMAL = ox.NamedNode(PREFIXES["xsd"] + "decimal")
#: Each analysis: its method and parameters (``{regions}``: how many regions were compared), zh and en labels.
ANALYSES = {
    "similarity": ("weighted-jaccard", ("weight=log(N/n)", "N={regions}", f"top={TOP}", f"places={PLACES}"),
                   "地区相似度（加权 Jaccard）", "Region similarity (weighted Jaccard)"),
    "centrality": ("betweenness", ("network=region-item", f"min-regions={MIN_REGIONS}", "weight=none",
                                   f"sources={SOURCES} past {SOURCES} nodes, seed 0", f"places={PLACES}"),
                   "事项中介中心度", "Item betweenness"),
    "community": ("greedy-modularity", ("network=region-item", f"min-regions={MIN_REGIONS}", "weight=log(N/n)"),
                  "地区—事项群组（贪心模块度）", "Region–item communities (greedy modularity)"),
    "diffusion": ("own-report-count", (f"min-regions={MIN_REGIONS}",), "事项扩散", "Item diffusion"),
}


def node(*path: str) -> ox.NamedNode:
    """A result's IRI under ``id/analysis/``, from the graph IRIs (or plain keys) it is about.

    >>> node("similarity", "https://w3id.org/orgkg/id/region/430200", "https://w3id.org/orgkg/id/region/430203").value
    'https://w3id.org/orgkg/id/analysis/similarity/region/430200/region/430203'
    >>> node("community", "0").value
    'https://w3id.org/orgkg/id/analysis/community/0'
    """
    def part(text: str) -> str:
        if text.startswith(RESOURCE_BASE):
            return text.removeprefix(RESOURCE_BASE)
        return text if text.isalnum() and text.isascii() else hashlib.sha1(text.encode()).hexdigest()[:12]

    return ox.NamedNode(RESOURCE_BASE + "analysis/" + "/".join(map(part, path)))


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.{PLACES}f}", datatype=DECIMAL)


def _activity(name: str, regions: int) -> Iterator[tuple]:
    method, parameters, zh, en = ANALYSES[name]
    activity = node(name)
    yield activity, RDF_TYPE, ox.NamedNode(OK.Analysis)
    yield activity, LABEL, ox.Literal(zh, language="zh")
    yield activity, LABEL, ox.Literal(en, language="en")
    yield activity, ox.NamedNode(OK.method), ox.Literal(method)
    for parameter in parameters:
        yield activity, ox.NamedNode(OK.parameter), ox.Literal(parameter.format(regions=regions))


def _result(name: str, kind, *about: str) -> tuple[ox.NamedNode, list[tuple]]:
    result = node(name, *about)
    return result, [(result, RDF_TYPE, ox.NamedNode(kind)), (result, GENERATED_BY, node(name))]


def similarity_triples(graph: nx.MultiDiGraph) -> Iterator[tuple]:
    """Each reporting region's :data:`TOP` most alike others (a pair kept when either is among the other's):
    the pair's score (as :func:`.similarity.similar` gives it) and the items both report."""
    items, weight = weights(graph)
    yield from _activity("similarity", len(items))
    scores: dict[tuple[str, str], float] = {}
    for a, candidates in most_alike(items, weight, TOP).items():
        for value, b in sorted(candidates, key=lambda found: (-found[0], label(graph, found[1])))[:TOP]:
            if value > 0:  # nothing shared that weighs: not similar at all, as in similar()'s ranking
                scores[min(a, b), max(a, b)] = value
    for (a, b), value in sorted(scores.items()):
        result, triples = _result("similarity", OK.Similarity, a, b)
        yield from triples
        yield result, ox.NamedNode(OK.between), ox.NamedNode(a)
        yield result, ox.NamedNode(OK.between), ox.NamedNode(b)
        yield result, ox.NamedNode(OK.score), _decimal(round(value, PLACES))
        yield from ((result, ox.NamedNode(OK.shares), ox.NamedNode(item)) for item in sorted(items[a] & items[b]))


def centrality_triples(graph: nx.MultiDiGraph) -> Iterator[tuple]:
    """Each networked item's betweenness, degree and communities spanned (:func:`.centrality.central`'s
    rows), and each community with its regions and items."""
    regions = len(reporting_regions(graph))
    group = communities(region_item_graph(graph))
    yield from _activity("centrality", regions)
    for row in central(graph, top=len(graph), group=group).rows:
        result, triples = _result("centrality", OK.Centrality, row["item_iri"])
        yield from triples
        yield result, ox.NamedNode(OK.item), ox.NamedNode(row["item_iri"])
        yield result, ox.NamedNode(OK.betweenness), _decimal(row["betweenness"])
        yield result, ox.NamedNode(OK.degree), ox.Literal(row["regions"])
        yield result, ox.NamedNode(OK.communitiesSpanned), ox.Literal(row["communities_spanned"])
    yield from _activity("community", regions)
    for member, number in group.items():
        community, triples = _result("community", OK.Community, str(number))
        yield from triples
        yield community, LABEL, ox.Literal(f"群组 {number}", language="zh")
        yield community, LABEL, ox.Literal(f"Community {number}", language="en")
        yield community, ox.NamedNode(OK.member), ox.NamedNode(member)


def diffusion_triples(graph: nx.MultiDiGraph) -> Iterator[tuple]:
    """Each item two or more regions report: how many, and how many provinces (:func:`.diffusion.diffusion`'s rows)."""
    yield from _activity("diffusion", len(reporting_regions(graph)))
    for row in diffusion(graph, MIN_REGIONS).rows:
        result, triples = _result("diffusion", OK.Diffusion, row["item_iri"])
        yield from triples
        yield result, ox.NamedNode(OK.item), ox.NamedNode(row["item_iri"])
        yield result, ox.NamedNode(OK.regionCount), ox.Literal(row["regions"])
        yield result, ox.NamedNode(OK.provincesReached), ox.Literal(row["provinces_reached"])


def analysis_quads(store: GraphStore) -> list[ox.Quad]:
    """Every analysis of the graph in ``store``, as quads of the analysis graph, sorted and without repeats."""
    graph = project(store)
    triples = {t for part in (similarity_triples, centrality_triples, diffusion_triples) for t in part(graph)}
    return [ox.Quad(*t, GRAPH) for t in sorted(triples, key=lambda t: tuple(map(str, t)))]


def write_quads(quads: Iterable[ox.Quad], fmt: str = "trig") -> bytes:
    """The quads as ``trig`` (with the ontology's prefixes) or ``nq``.

    :raises KeyError: for any other format name.
    """
    rdf_format = FORMATS[fmt]
    prefixes = PREFIXES if rdf_format == ox.RdfFormat.TRIG else None
    return ox.serialize(quads, format=rdf_format, prefixes=prefixes)
