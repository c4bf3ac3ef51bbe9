"""The app serving from an external SPARQL endpoint: a real ``oxigraph serve`` on 127.0.0.1."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from orgkg.web import create_app

PREFIX = "PREFIX ok: <https://w3id.org/orgkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.fixture(scope="module")
def remote(oxigraph_server):
    return create_app({"SPARQL_ENDPOINT": oxigraph_server}).test_client()


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                    "text/tab-separated-values"])
def test_select_is_forwarded(remote, accept):
    query = PREFIX + "SELECT ?label WHERE { ?r a ok:Region ; rdfs:label ?label }"
    response = remote.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    assert "株洲市" in response.get_data(as_text=True)


def test_construct_and_ask_are_forwarded(remote):
    construct = PREFIX + "CONSTRUCT { ?r rdfs:label ?l } WHERE { ?r a ok:Region ; rdfs:label ?l }"
    response = remote.get("/sparql", query_string={"query": construct}, headers={"Accept": "text/turtle"})
    assert "株洲市" in {str(o) for o in Graph().parse(data=response.data, format="turtle").objects()}
    ask = remote.get("/sparql", query_string={"query": PREFIX + "ASK { ?r a ok:Region }"}, headers={"Accept": "application/json"})
    assert ask.get_json()["boolean"] is True


def test_bad_query_keeps_the_upstream_message(remote):
    response = remote.get("/sparql", query_string={"query": "SELECT * WHERE {"}, headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.get_json()["message"]


def test_entity_pages_search_and_networks_work_remotely(remote, client):
    local = client.get("/id/region/430200").get_data(as_text=True)
    html = remote.get("/id/region/430200").get_data(as_text=True)
    assert "<h1>株洲市" in html and "湖南省" in html
    assert html.count("<dt") == local.count("<dt") and html.count("<td") == local.count("<td")
    assert remote.get("/search.json", query_string={"q": "株洲"}).get_json()[0]["label"] == "株洲市"
    assert remote.get("/network/entity/region/430200").status_code == 200


def test_download_of_a_remote_graph(remote, graph):
    response = remote.get("/download/orgkg.nt")
    assert isomorphic(Graph().parse(data=response.data, format="nt"), graph)


def test_unreachable_endpoint_fails_at_start():
    from orgkg.graph.store import UpstreamError

    with pytest.raises(UpstreamError, match="unreachable"):
        create_app({"SPARQL_ENDPOINT": "http://127.0.0.1:9/query"})
