"""Graph files in every format the app loads, and what it refuses to start with."""
from __future__ import annotations

import pytest

from orgkg.graph.store import GraphFileError
from orgkg.web import create_app

ASK = "PREFIX ok: <https://w3id.org/orgkg/ontology#> ASK { <https://w3id.org/orgkg/id/region/430200> a ok:Region }"


@pytest.mark.parametrize("ext,rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_graph_files_load_by_extension(graph, tmp_path, ext, rdflib_format):
    path = tmp_path / f"graph.{ext}"
    graph.serialize(path, format=rdflib_format, encoding="utf-8")
    client = create_app({"GRAPH": str(path)}).test_client()
    assert client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "application/json"}).get_json()["boolean"]


def test_trig_data_in_a_named_graph_is_queried_by_default(trig_app):
    """Data loaded from TriG often sits in a named graph; the default graph is the union, so queries find it."""
    client = trig_app.test_client()
    assert client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "application/json"}).get_json()["boolean"]
    assert client.get("/id/region/430200").status_code == 200


@pytest.mark.parametrize("name,content,message", [
    ("graph.xyz", "", "unknown RDF file extension"),
    ("missing.ttl", None, "no such graph file"),
    ("broken.ttl", "<a> <b> .", "cannot load the graph"),
])
def test_bad_graph_files_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(GraphFileError, match=message) as caught:
        create_app({"GRAPH": str(path)})
    assert "\n" not in str(caught.value)


def test_no_graph_is_refused():
    with pytest.raises(GraphFileError, match="GRAPH"):
        create_app({})


def test_settings_from_the_environment(graph_file, monkeypatch):
    monkeypatch.setenv("ORGKG_GRAPH", str(graph_file))
    monkeypatch.setenv("ORGKG_NETWORK_MAX_NODES", "7")
    app = create_app()
    assert app.config["NETWORK_MAX_NODES"] == 7
    assert app.test_client().get("/id/region/430200").status_code == 200
