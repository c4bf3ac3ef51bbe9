"""The app serving from an external SPARQL endpoint: a real ``oxigraph serve`` on 127.0.0.1, filled by ``orgkg load``."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from orgkg.graph.store import open_store
from orgkg.web import create_app
from orgkg.web.examples import load_examples

EXAMPLES = load_examples()

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


def _rows(answer):
    if answer.form == "graph":
        return sorted(str(t) for t in answer.triples)
    return answer.boolean if answer.form == "ask" else sorted(tuple(map(str, row)) for row in answer.rows)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_every_example_answers_alike_on_the_server_and_embedded(oxigraph_server, graph_file, example):
    embedded = open_store(graph_file).query(example.query)
    served = open_store(endpoint=oxigraph_server).query(example.query)
    assert _rows(served) == _rows(embedded)


def _count(endpoint: str, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(open_store(endpoint=endpoint).query(f"SELECT (COUNT(*) AS ?n) {{ {where} }}").rows[0][0].value)


def _load(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orgkg", "load", *map(str, args)], capture_output=True, text=True)


def test_load_replaces_appends_and_fills_named_graphs(tmp_path, graph_file):
    """A second server, since these change what it holds."""
    from conftest import OXIGRAPH
    from servers import free_port, stop, wait_until_up

    port = free_port()
    server = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "db"), "--bind",
                               f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    query, store = f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/store"
    try:
        wait_until_up(query + "?query=ASK%7B%7D", server)
        triples = len(Graph().parse(graph_file))
        assert _load(graph_file, "--endpoint", store).returncode == 0
        assert _load(graph_file, "--endpoint", store).returncode == 0  # PUT: replaced, not doubled
        assert _count(query) == triples
        extra = tmp_path / "extra.nt"
        extra.write_text('<https://w3id.org/orgkg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n')
        assert _load(extra, "--endpoint", store, "--append").returncode == 0
        assert _count(query) == triples + 1
        assert _load(extra, "--endpoint", store, "--graph-iri", "https://w3id.org/orgkg/graph/extra").returncode == 0
        assert _count(query, "https://w3id.org/orgkg/graph/extra") == 1
    finally:
        stop(server)


@pytest.mark.parametrize("args, message", [
    pytest.param(["{graph}", "--endpoint", "http://127.0.0.1:9/store"], "unreachable", id="server-down"),
    pytest.param(["{trig}", "--endpoint", "http://127.0.0.1:9/store"], "takes one graph", id="dataset-format"),
    pytest.param(["none.ttl", "--endpoint", "http://127.0.0.1:9/store"], "no such graph file", id="missing-file"),
])
def test_load_errors_are_one_line(args, message, graph_file, tmp_path):
    (tmp_path / "g.trig").write_text("")
    names = {"{graph}": graph_file, "{trig}": tmp_path / "g.trig"}
    done = _load(*[names.get(a, a) for a in args])
    assert done.returncode == 1 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_server_that_refuses_the_data_is_one_line(oxigraph_server, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    done = _load(bad, "--endpoint", oxigraph_server.replace("/query", "/store"), "--append")
    assert done.returncode == 1 and "refused the graph (400" in done.stderr


def test_a_stopped_endpoint_is_a_quick_502_and_its_restart_is_picked_up(graph_file, tmp_path):
    import time

    from conftest import OXIGRAPH
    from servers import free_port, stop, wait_until_up

    port, location = free_port(), tmp_path / "data"

    def start():
        process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
        return process

    server = start()
    subprocess.run([sys.executable, "-m", "orgkg", "load", str(graph_file), "--endpoint",
                    f"http://127.0.0.1:{port}/store"], check=True, capture_output=True)
    client = create_app({"SPARQL_ENDPOINT": f"http://127.0.0.1:{port}/query"}).test_client()
    ask = {"query": "ASK { ?s ?p ?o }"}
    try:
        assert client.get("/sparql", query_string=ask, headers={"Accept": "application/json"}).get_json()["boolean"]
        stop(server)
        started = time.monotonic()
        down = client.get("/sparql", query_string=ask, headers={"Accept": "application/json"})
        assert down.status_code == 502 and "unreachable" in down.get_json()["message"]
        assert time.monotonic() - started < 2
        assert client.get("/id/region/430200").status_code == 502  # pages say so too, in one line
        server = start()  # same data folder: the graph is still there
        assert client.get("/sparql", query_string=ask, headers={"Accept": "application/json"}).get_json()["boolean"]
    finally:
        stop(server)
