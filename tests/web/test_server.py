"""``web.server``: what a source becomes, and graph files in every format the app loads."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from web import create_app
from web.server import app_config

ASK = "PREFIX ok: <https://w3id.org/orgkg/ontology#> ASK { <https://w3id.org/orgkg/id/region/430200> a ok:Region }"


def test_a_corpus_is_built_first(graph):
    config = app_config(str(Path(__file__).resolve().parents[2] / "data" / "sample"))
    assert isinstance(config["GRAPH"], Graph) and len(config["GRAPH"]) > 100


def test_an_endpoint_wins_over_the_source():
    assert app_config("whatever.ttl", endpoint="http://127.0.0.1:7878/query") == {"SPARQL_ENDPOINT": "http://127.0.0.1:7878/query"}


@pytest.mark.parametrize("ext,rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_graph_files_load_by_extension(graph, tmp_path, ext, rdflib_format):
    path = tmp_path / f"graph.{ext}"
    graph.serialize(path, format=rdflib_format, encoding="utf-8")
    assert app_config(str(path)) == {"GRAPH": str(path)}
    client = create_app({"GRAPH": str(path)}).test_client()
    assert client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "application/json"}).get_json()["boolean"]


def test_trig_data_in_a_named_graph_is_queried_by_default(graph, tmp_path):
    """Data loaded from TriG often sits in a named graph; the default graph is the union, so queries find it."""
    dataset = Dataset()
    named = dataset.graph(URIRef("https://w3id.org/orgkg/graph/sample"))
    for triple in graph:
        named.add(triple)
    path = tmp_path / "graph.trig"
    dataset.serialize(path, format="trig", encoding="utf-8")
    client = create_app({"GRAPH": str(path)}).test_client()
    assert client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "application/json"}).get_json()["boolean"]
    assert client.get("/id/region/430200").status_code == 200


def test_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "graph.xyz"
    path.write_text("")
    with pytest.raises(ValueError, match="unknown RDF file extension"):
        create_app({"GRAPH": str(path)})


def test_no_graph_is_refused():
    with pytest.raises(ValueError, match="GRAPH"):
        create_app({})


def test_settings_from_the_environment(graph_file, monkeypatch):
    monkeypatch.setenv("ORGKG_GRAPH", str(graph_file))
    monkeypatch.setenv("ORGKG_NETWORK_MAX_NODES", "7")
    app = create_app()
    assert app.config["NETWORK_MAX_NODES"] == 7
    assert app.test_client().get("/id/region/430200").status_code == 200
