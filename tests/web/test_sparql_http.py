"""The SPARQL 1.1 Protocol endpoint through Flask's test client: request forms, formats, errors, limits."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, URIRef

from orgkg.web import create_app

PREFIX = "PREFIX ok: <https://w3id.org/orgkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
SELECT = PREFIX + 'SELECT ?r ?label WHERE { ?r a ok:Region ; rdfs:label ?label } ORDER BY ?label'
ASK = PREFIX + "ASK { ?r a ok:Region }"
CONSTRUCT = PREFIX + "CONSTRUCT { ?r rdfs:label ?l } WHERE { ?r a ok:Region ; rdfs:label ?l }"
DESCRIBE = "DESCRIBE <https://w3id.org/orgkg/id/region/430200>"
# About a second of work on the sample graph: far over the tiny limits below, yet bounded.
SLOW = PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ok:partOf ?h . ?i ok:partOf ?j }"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def region_count(graph) -> int:
    return len(set(graph.subjects(RDF.type, URIRef("https://w3id.org/orgkg/ontology#Region"))))


def parse_select(body: bytes, media_type: str) -> list[dict[str, str]]:
    """Rows of a SELECT answer as {variable: plain value}, whatever the format."""
    if media_type == "text/csv":
        return list(csv.DictReader(io.StringIO(body.decode())))
    fmt = ox.QueryResultsFormat.from_media_type(media_type)
    solutions = ox.parse_query_results(body, format=fmt)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


@pytest.mark.parametrize("accept,expected", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0.1, text/tab-separated-values", "text/tab-separated-values"),
    ("text/turtle, text/csv;q=0.2", "text/csv"),
], ids=["json", "xml", "csv", "tsv", "json-alias", "any", "q-xml", "q-tsv", "turtle-falls-back"])
def test_select_formats_by_accept(client, graph, accept, expected):
    response = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == expected
    rows = parse_select(response.data, expected)
    labels = sorted(r["label"] for r in rows)
    assert "株洲市" in labels and "湖南省" in labels
    assert len(rows) == region_count(graph)


@pytest.mark.parametrize("name,media_type", [
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
])
def test_select_format_parameter_beats_accept(client, name, media_type):
    response = client.get("/sparql", query_string={"query": SELECT, "format": name}, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert any(r["label"] == "株洲市" for r in parse_select(response.data, media_type))


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
@pytest.mark.parametrize("accept,rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("*/*", "turtle"), ("application/sparql-results+json, application/n-triples;q=0.5", "nt"),
])
def test_graph_answers_by_accept(client, query, accept, rdflib_format):
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    parsed = Graph().parse(data=response.data, format=rdflib_format)
    labels = {str(o) for o in parsed.objects()}
    assert "株洲市" in labels


def test_construct_format_parameter(client):
    response = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "jsonld"})
    assert response.mimetype == "application/ld+json"
    assert len(Graph().parse(data=response.data, format="json-ld")) > 0


@pytest.mark.parametrize("accept,body", [
    ("application/sparql-results+json", b'"boolean": true'),
    ("application/sparql-results+xml", b"<boolean>true</boolean>"),
    ("text/csv", b"true"),
])
def test_ask(client, accept, body):
    response = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": accept})
    assert response.status_code == 200
    assert body in response.data.replace(b'":true', b'": true')


def test_post_form(client):
    response = client.post("/sparql", data={"query": SELECT}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert any(b["label"]["value"] == "株洲市" for b in response.get_json()["results"]["bindings"])


def test_post_direct(client):
    response = client.post("/sparql", data=SELECT.encode(), content_type="application/sparql-query",
                           headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert "株洲市" in response.get_data(as_text=True)


def test_post_unknown_body_type_is_415(client):
    response = client.post("/sparql", data=SELECT.encode(), content_type="text/plain")
    assert response.status_code == 415
    assert response.is_json


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p }", "SELEC ?x", "PREFIX : <x> SELECT"])
def test_malformed_query_is_400_with_parser_message(client, query):
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == 400 and body["message"]


@pytest.mark.parametrize("request_kwargs", [
    {"method": "POST", "data": {"update": "INSERT DATA { <http://x/a> <http://x/b> 1 }"}},
    {"method": "POST", "data": b"DROP ALL", "content_type": "application/sparql-update"},
    {"method": "GET", "query_string": {"query": "INSERT DATA { <http://x/a> <http://x/b> 1 }"}},
    {"method": "POST", "data": {"query": "LOAD <http://example.org/x>"}},
    {"method": "GET", "query_string": {"update": "CLEAR DEFAULT"}},
], ids=["form-update", "direct-update", "update-as-query", "load-as-query", "get-update"])
def test_updates_are_refused(client, request_kwargs):
    method = request_kwargs.pop("method")
    response = client.open("/sparql", method=method, headers={"Accept": "application/json"}, **request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.get_json()["message"]
    check = client.get("/sparql", query_string={"query": "ASK { <http://x/a> ?p ?o }"}, headers={"Accept": "application/json"})
    assert check.get_json()["boolean"] is False


def test_repeated_query_parameter_is_400(client):
    response = client.get("/sparql?query=ASK{}&query=ASK{}", headers={"Accept": "application/json"})
    assert response.status_code == 400


def test_unacceptable_format_is_406(client):
    assert client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "image/png"}).status_code == 406
    response = client.get("/sparql", query_string={"query": SELECT, "format": "ttl"})
    assert response.status_code == 406 and "json" in response.get_json()["message"]


@pytest.mark.parametrize("accept,rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
])
def test_service_description_for_rdf_clients(client, graph, accept, rdflib_format):
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.status_code == 200
    sd = Graph().parse(data=response.data, format=rdflib_format)
    result = sd.query("""PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
        SELECT ?endpoint WHERE { ?s a sd:Service ; sd:endpoint ?endpoint ; sd:supportedLanguage sd:SPARQL11Query }""")
    assert [str(r.endpoint) for r in result] == ["http://localhost/sparql"]
    dumps = sd.query("""PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?n ?dump WHERE { ?s sd:defaultDataset/sd:defaultGraph ?g . ?g void:triples ?n ; void:dataDump ?dump }""")
    assert {int(r.n) for r in dumps} == {len(graph)}
    assert "http://localhost/download/orgkg.ttl" in {str(r.dump) for r in dumps}


def test_query_page_for_browsers(client):
    response = client.get("/sparql", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert 'id="yasgui"' in html and "vendor/yasgui/yasgui.min.js" in html
    config = json.loads(html.split('id="query-config">', 1)[1].split("</script>", 1)[0])
    assert config["prefixes"]["ok"] == "https://w3id.org/orgkg/ontology#"
    assert len(config["examples"]) >= 12 and config["query"] is None


def test_shared_link_opens_page_with_query(client):
    response = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": BROWSER_ACCEPT})
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    config = json.loads(html.split('id="query-config">', 1)[1].split("</script>", 1)[0])
    assert config["query"] == SELECT


def test_query_page_escapes_a_hostile_shared_query(client):
    query = "SELECT * WHERE { ?s ?p \"</script><script>alert(1)</script>\" }"
    html = client.get("/sparql", query_string={"query": query}, headers={"Accept": BROWSER_ACCEPT}).get_data(as_text=True)
    assert "<script>alert(1)" not in html


def test_cors_headers_and_preflight(client):
    response = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "application/json", "Origin": "http://other.test"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/sparql", headers={"Origin": "http://other.test", "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, OPTIONS"  # other origins read, never post


def test_cors_can_be_turned_off(graph_file):
    client = create_app({"GRAPH": graph_file, "CORS_ORIGIN": None}).test_client()
    response = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "application/json"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_row_cap_truncates_visibly(graph_file):
    client = create_app({"GRAPH": graph_file, "SPARQL_MAX_ROWS": 3}).test_client()
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.headers["Orgkg-Truncated"] == "true" and response.headers["Orgkg-Row-Limit"] == "3"
    assert len(response.get_json()["results"]["bindings"]) == 3
    small = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2"}, headers={"Accept": "application/json"})
    assert "Orgkg-Truncated" not in small.headers and len(small.get_json()["results"]["bindings"]) == 2


def test_slow_query_times_out_with_503_and_no_partial_body(graph_file):
    client = create_app({"GRAPH": graph_file, "SPARQL_TIMEOUT": 0.05}).test_client()
    response = client.get("/sparql", query_string={"query": SLOW}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 503
    assert response.is_json and "time limit" in response.get_json()["message"]


def test_client_may_lower_but_not_raise_the_timeout(client):
    response = client.get("/sparql", query_string={"query": SLOW, "timeout": "0.01"}, headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert "0.01 s" in response.get_json()["message"]


def test_default_graph_uri_selects_the_dataset(client):
    """The data is in the default graph; naming another graph as the default gives an empty dataset."""
    params = {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "http://example.org/empty"}
    response = client.get("/sparql", query_string=params, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.get_json()["results"]["bindings"] == []
    bad = client.get("/sparql", query_string={**params, "default-graph-uri": "not an iri"}, headers={"Accept": "application/json"})
    assert bad.status_code == 400


def test_named_graph_uri_is_accepted(client):
    params = {"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": "http://example.org/g"}
    response = client.post("/sparql", data=params, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.get_json()["results"]["bindings"] == []


def test_download_parameter_sets_attachment(client):
    response = client.get("/sparql", query_string={"query": SELECT, "format": "csv", "download": "1"})
    assert response.headers["Content-Disposition"] == 'attachment; filename="results.csv"'


def test_federation_is_refused(client):
    """pyoxigraph would fetch a SERVICE from any host; the endpoint refuses instead."""
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 403 and "SERVICE" in response.get_json()["message"]
    harmless = 'SELECT ?service WHERE { ?service ?p "service" }'
    assert client.get("/sparql", query_string={"query": harmless}, headers={"Accept": "application/json"}).status_code == 200


def test_the_endpoint_takes_the_ontologys_prefixes_undeclared_and_explains_errors(client):
    ok = client.get("/sparql", query_string={"query": "SELECT ?l WHERE { ?r a ok:Region ; rdfs:label ?l }"},
                    headers={"Accept": "application/json"})
    assert ok.status_code == 200 and len(ok.get_json()["results"]["bindings"]) == 7
    bad = client.get("/sparql", query_string={"query": "SELECT * WHERE {\n ?r a ok:Region .\n FILTER(?r = ) }"},
                     headers={"Accept": "application/json"})
    assert bad.status_code == 400 and "line 3" in bad.get_json()["message"]
