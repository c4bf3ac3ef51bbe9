"""Counts of a graph: how many resources per class, how many triples per property."""
from __future__ import annotations

from collections import Counter

from rdflib import RDF, Graph

from .namespaces import PREFIXES


def qname(iri) -> str:
    """A short name using the project's prefixes.

    >>> from rdflib import URIRef
    >>> qname(URIRef("https://w3id.org/orgkg/ontology#Region"))
    'ok:Region'
    """
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def class_counts(graph: Graph) -> dict[str, int]:
    counts = Counter(qname(cls) for cls in graph.objects(None, RDF.type))
    return dict(sorted(counts.items()))


def property_counts(graph: Graph) -> dict[str, int]:
    counts = Counter(qname(p) for p in graph.predicates(None, None))
    return dict(sorted(counts.items()))
