"""What a hostile or careless client may send: refused before running, never a 500, nothing fetched."""
from __future__ import annotations

import re
import socket
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


#: Ways to write the gap between two tokens: blanks of every kind and comments ended by either line end.
GAPS = st.lists(st.sampled_from([" ", "\t", "\n", "\r", "\r\n", "\f", "#c\r", "#SERVICE\n", "# x\r\n"]),
                min_size=1, max_size=3).map("".join)


@st.composite
def federated_queries(draw, port):
    """A query that asks the engine to call the listener, in any spelling the grammar allows."""
    upper = draw(st.lists(st.booleans(), min_size=7, max_size=7))
    keyword = "".join(c.upper() if up else c for c, up in zip("service", upper))
    silent = draw(st.sampled_from(["", "SILENT", "silent"]))
    gap = lambda: draw(GAPS)  # noqa: E731 - one fresh gap per use
    prologue = draw(st.sampled_from(["", "PREFIX ex: <http://x/>", "BASE <http://127.0.0.1/>"]))
    target = draw(st.sampled_from([f"<http://127.0.0.1:{port}/sparql>", "?where"]))
    values = f"VALUES ?where {{ <http://127.0.0.1:{port}/sparql> }}" if target == "?where" else ""
    inner = f"{gap()}{keyword}{gap()}{silent}{gap()}{target}{gap()}{{{gap()}?s ?p ?o{gap()}}}"
    outer = draw(st.sampled_from(["SELECT * {{ {values}{inner} }}", "ASK {{ {values}{inner} }}",
                                  "SELECT * {{ {{ {values}{inner} }} UNION {{ ?a ?b ?c }} }}",
                                  "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ OPTIONAL {{ {values}{inner} }} }}"]))
    return prologue + gap() + outer.format(values=values, inner=inner)


def test_the_listener_sees_a_federated_query_the_guard_lets_through(listener):
    """The fuzz test below can fail: the engine itself does call out when nothing stops it."""
    import pyoxigraph as ox

    port, hits = listener
    with pytest.raises(OSError):  # the listener hangs up without an HTTP answer
        list(ox.Store().query(f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"))
    assert hits and hits[0].startswith(b"POST")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_spelling_of_service_reaches_the_network(client, listener, data):
    port, hits = listener
    query = data.draw(federated_queries(port))
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 403, query
    assert hits == []


def huge_rows(rows: int) -> str:
    """A query of ``rows`` rows of 128 K characters each, made by doubling a string 17 times."""
    doublings = "".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1}) " for i in range(17))
    return f'SELECT ?x17 WHERE {{ VALUES ?n {{ {" ".join(map(str, range(rows)))} }} BIND(STR(?n) AS ?x0) {doublings}}}'


def test_a_few_huge_computed_strings_are_cut_at_the_byte_cap_and_flagged(graph_file):
    from orgkg.web import create_app

    client = create_app({"GRAPH": graph_file, "SPARQL_MAX_BYTES": 1 << 20}).test_client()
    response = client.get("/sparql", query_string={"query": huge_rows(20)}, headers={"Accept": "application/json"})
    assert response.status_code == 200 and len(response.data) < (1 << 20) + 10_000
    assert response.headers["Orgkg-Truncated"] == "true" and response.headers["Orgkg-Truncated-By"] == "bytes"
    assert response.headers["Orgkg-Byte-Limit"] == str(1 << 20)
    assert len(response.get_json()["results"]["bindings"]) == 8  # eight rows fill 1 MB exactly; the ninth passes it
    small = client.get("/sparql", query_string={"query": huge_rows(4)}, headers={"Accept": "application/json"})
    assert "Orgkg-Truncated" not in small.headers and len(small.get_json()["results"]["bindings"]) == 4


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


#: Path values and query-string values a hostile or careless client sends.
HOSTILE_VALUES = ["", "x", "-1", "0", "1e309", "nan", "99999999999999999999", "<script>alert(1)</script>", "'\"",
                  "%", "\\", "a b", "{}", "../../etc/passwd", "成都", "\u202e", "\ufffd", "x" * 5000]
#: Every parameter any route reads, and a few Flask and werkzeug treat as their own.
PARAMETERS = ["q", "query", "lang", "format", "hops", "type", "timeout", "download", "endpoint", "kind", "_anchor",
              "_external", "_method", "default-graph-uri", "named-graph-uri", "page", "ext"]


def _paths(app):
    """Each GET route with every variable part filled by each hostile value, and by real ones."""
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        if not rule.arguments:
            yield rule.rule
            continue
        for value in HOSTILE_VALUES + ["region", "programme", "ttl", "ontology", "style.css"]:
            yield re.sub(r"<[^>]+>", lambda _: value, rule.rule)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_route_answers_500_whatever_the_path_or_the_query_string(app, data):
    from urllib.parse import quote

    path = data.draw(st.sampled_from(sorted(set(_paths(app)))))
    params = data.draw(st.dictionaries(st.sampled_from(PARAMETERS), st.sampled_from(HOSTILE_VALUES), max_size=4))
    accept = data.draw(st.sampled_from(["text/html", "application/json", "text/turtle", "*/*", "x/y"]))
    response = app.test_client().get(quote(path, safe="/<>:"), query_string=params, headers={"Accept": accept})
    assert response.status_code < 500 or response.status_code in (502, 503), (path, params, response.data[:300])
