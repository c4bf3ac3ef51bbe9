"""Counts of a graph: how many resources per class, how many triples per property."""
from __future__ import annotations

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


#: The counts ``orgkg stats`` prints, as SPARQL, so they read a graph file, a store or an endpoint alike.
TRIPLES_Q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CLASSES_Q = "SELECT ?term (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?term } GROUP BY ?term"
PROPERTIES_Q = "SELECT ?term (COUNT(*) AS ?n) WHERE { ?s ?term ?o } GROUP BY ?term"


def counts(store) -> list[tuple[str, str, int]]:
    """``(kind, name, count)`` rows: the triples, then resources per class and triples per property,
    each by name.

    :param store: a :class:`~orgkg.graph.store.GraphStore`.
    """
    rows = [("triples", "all", int(store.query(TRIPLES_Q).rows[0][0].value))]
    for kind, query in (("class", CLASSES_Q), ("property", PROPERTIES_Q)):
        found = sorted((qname(r["term"].value), int(r["n"].value)) for r in store.query(query).records())
        rows += [(kind, name, n) for name, n in found]
    return rows
