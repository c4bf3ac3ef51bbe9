"""What a hostile or careless client may send: refused before running, never a 500, nothing fetched."""
from __future__ import annotations

import socket
import threading

import pytest
from rdflib import Graph

SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"


@pytest.fixture()
def listener():
    """A TCP listener on 127.0.0.1 that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    hits = []

    def accept():
        try:
            connection, _ = server.accept()
            hits.append(connection.recv(100))
            connection.close()
        except OSError:
            pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    thread.join(timeout=2)
    server.close()


@pytest.mark.parametrize("spelling", [
    "SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * {{ #x\rSERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * {{ service\t<http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SeRvIcE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
], ids=["plain", "comment-ended-by-cr", "lower-case-tab", "mixed-case-silent"])
def test_federation_is_refused_and_nothing_is_fetched(client, listener, spelling):
    port, hits = listener
    response = client.get("/sparql", query_string={"query": spelling.format(port=port)},
                          headers={"Accept": "application/json"})
    assert response.status_code == 403 and "SERVICE" in response.get_json()["message"]
    assert hits == []


@pytest.mark.parametrize("update", [
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "PREFIX ex: <http://x/> #c\rINSERT DATA { ex:a ex:b 1 }",
    "clear all",
    "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
], ids=["load", "after-prologue-and-comment", "lower-case", "with-modify"])
def test_updates_in_the_query_parameter_are_refused_before_parsing(client, update):
    response = client.get("/sparql", query_string={"query": update}, headers={"Accept": "application/json"})
    assert response.status_code == 403 and "read-only" in response.get_json()["message"]


def test_a_query_naming_update_words_is_still_a_query(client):
    query = 'SELECT ?load WHERE { ?s <http://x/clear> ?load } # INSERT DATA'
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 200


def test_an_oversized_body_is_413(client):
    body = "SELECT * { ?s ?p ?o } #" + "x" * (2 << 20)
    response = client.post("/sparql", data=body.encode(), content_type="application/sparql-query",
                           headers={"Accept": "application/json"})
    assert response.status_code == 413 and response.get_json()["error"] == 413


@pytest.mark.parametrize("path", ["/", "/id/region/430200", "/network/", "/search", "/downloads"])
@pytest.mark.parametrize("args", [{"endpoint": "x"}, {"_anchor": "x"}, {"kind": "x"}, {"_external": "1"},
                                  {"lang": "<script>"}])
def test_url_for_keywords_in_the_query_string_are_harmless(client, path, args):
    response = client.get(path, query_string=args)
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/id/region/a b", "/id/region/%7Bx%7D", "/id/region/<x>"])
def test_paths_no_iri_may_hold_are_404(client, path):
    assert client.get(path).status_code == 404


def test_pages_refuse_framing_and_keep_the_referrer_home(client):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_relative_iris_resolve_against_the_endpoint(client):
    response = client.get("/sparql", query_string={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                          headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    [(s, p, _)] = list(Graph().parse(data=response.data, format="turtle"))
    assert str(s) == "http://localhost/s" and str(p) == "http://localhost/p"


@pytest.mark.parametrize("kind", ["Sentence", "Mention", "Section", "Figure"])
def test_show_as_graph_draws_evidence_resources_too(client, kind):
    query = f"PREFIX ok: <https://w3id.org/orgkg/ontology#> SELECT ?s WHERE {{ ?s a ok:{kind} }} LIMIT 5"
    assert client.get("/network/results", query_string={"query": query}).status_code == 200


def test_a_triple_term_asked_for_as_json_ld_is_422_and_fine_as_turtle(client):
    query = "CONSTRUCT { <http://x/a> <http://x/b> <<( <http://x/c> <http://x/d> <http://x/e> )>> } WHERE {}"
    response = client.get("/sparql", query_string={"query": query, "format": "jsonld"})
    assert response.status_code == 422 and "Turtle" in response.get_json()["message"]
    assert client.get("/sparql", query_string={"query": query, "format": "ttl"}).status_code == 200


def test_control_characters_never_make_ill_formed_xml(client):
    from xml.dom.minidom import parseString

    query = 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }'
    response = client.get("/sparql", query_string={"query": query, "format": "xml"})
    assert response.status_code == 422 and "JSON" in response.get_json()["message"]
    ok = client.get("/sparql", query_string={"query": 'SELECT ?x WHERE { BIND("a\\tb" AS ?x) }', "format": "xml"})
    assert ok.status_code == 200 and parseString(ok.data)
    assert client.get("/sparql", query_string={"query": query, "format": "json"}).get_json()["results"]["bindings"][0]["x"]["value"] == "a\x01b"


def test_a_host_nobody_chose_is_refused_not_echoed(graph_file):
    from orgkg.web import create_app

    client = create_app({"GRAPH": graph_file, "TRUSTED_HOSTS": ["127.0.0.1", "localhost"]}).test_client()
    response = client.get("/sparql", headers={"Host": "evil.example", "Accept": "text/html"})
    assert response.status_code == 400 and b"evil.example" not in response.data
    assert client.get("/sparql", headers={"Host": "localhost:5000", "Accept": "text/html"}).status_code == 200


def test_other_origins_may_only_read(client):
    response = client.options("/sparql", headers={"Origin": "http://elsewhere.example"})
    assert response.headers["Access-Control-Allow-Methods"] == "GET, OPTIONS"


@pytest.mark.parametrize("name", ["named-graph", "missing-graph"])
def test_from_is_honoured_never_ignored(trig_app, name):
    from conftest import SAMPLE_GRAPH

    client = trig_app.test_client()
    source = SAMPLE_GRAPH if name == "named-graph" else "https://w3id.org/orgkg/graph/none"
    query = f"SELECT (COUNT(*) AS ?n) FROM <{source}> WHERE {{ ?s ?p ?o }}"
    n = int(client.get("/sparql", query_string={"query": query, "format": "json"}).get_json()
            ["results"]["bindings"][0]["n"]["value"])
    assert (n > 0) if name == "named-graph" else (n == 0)


def test_a_crowd_of_half_open_connections_does_not_lock_others_out(live_server):
    import urllib.request
    from urllib.parse import urlparse

    address = urlparse(live_server)
    crowd = []
    try:
        for _ in range(150):
            s = socket.create_connection((address.hostname, address.port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            crowd.append(s)
        with urllib.request.urlopen(live_server + "/sparql?query=ASK%7B%7D&format=json", timeout=10) as answer:
            assert answer.status == 200
    finally:
        for s in crowd:
            s.close()
