"""Real SPARQL clients against `orgkg serve` (waitress) on 127.0.0.1."""
from __future__ import annotations

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, N3, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

PREFIX = "PREFIX ok: <https://w3id.org/orgkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
REGIONS = PREFIX + "SELECT ?r ?label WHERE { ?r a ok:Region ; rdfs:label ?label }"


def wrapper(live_server, query, fmt=JSON, method=None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(live_server + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method:
        sparql.setMethod(method)
    return sparql


@pytest.mark.parametrize("method", [None, POST], ids=["get", "post"])
def test_sparqlwrapper_select_json(live_server, method):
    result = wrapper(live_server, REGIONS, method=method).queryAndConvert()
    assert "株洲市" in {b["label"]["value"] for b in result["results"]["bindings"]}


def test_sparqlwrapper_select_xml_and_csv(live_server):
    xml = wrapper(live_server, REGIONS, XML).queryAndConvert()
    assert "株洲市" in {n.firstChild.data for n in xml.getElementsByTagName("literal")}
    csv_bytes = wrapper(live_server, REGIONS, CSV).queryAndConvert()
    assert "株洲市" in csv_bytes.decode()


def test_sparqlwrapper_ask_and_construct(live_server):
    assert wrapper(live_server, PREFIX + "ASK { ?r a ok:Region }").queryAndConvert()["boolean"] is True
    construct = PREFIX + "CONSTRUCT { ?r rdfs:label ?l } WHERE { ?r a ok:Region ; rdfs:label ?l }"
    for fmt in (TURTLE, N3):
        result = wrapper(live_server, construct, fmt).queryAndConvert()
        graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
        assert "株洲市" in {str(o) for o in graph.objects()}


def test_sparqlwrapper_sees_a_bad_query(live_server):
    with pytest.raises(QueryBadFormed):
        wrapper(live_server, "SELECT * WHERE {").query()


def test_rdflib_sparqlstore(live_server):
    store = SPARQLStore(live_server + "/sparql")
    graph = Graph(store=store)
    rows = graph.query(REGIONS)
    assert "株洲市" in {str(r.label) for r in rows}
    assert (URIRef("https://w3id.org/orgkg/id/region/430200"), None, None) in graph


def test_concurrent_queries_all_answer_in_full(live_server):
    """Waitress serves on several threads; every answer must be complete and the same."""
    url = live_server + "/sparql?query=" + urllib.request.quote(PREFIX + "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o")

    def fetch(_):
        request = urllib.request.Request(url, headers={"Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        bodies = list(pool.map(fetch, range(24)))
    assert len(set(bodies)) == 1 and bodies[0].count(b"\r\n") > 100


def test_live_pages(live_server):
    with urllib.request.urlopen(live_server + "/id/region/430200", timeout=30) as response:
        assert "株洲市" in response.read().decode()
