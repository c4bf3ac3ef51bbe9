"""Whole-graph downloads with ETags, and the ontology files."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

ONTOLOGY = "https://w3id.org/orgkg/ontology"


@pytest.mark.parametrize("ext,media_type,rdflib_format", [
    ("ttl", "text/turtle", "turtle"), ("nt", "application/n-triples", "nt"), ("jsonld", "application/ld+json", "json-ld"),
])
def test_whole_graph_downloads(client, graph, ext, media_type, rdflib_format):
    response = client.get(f"/download/orgkg.{ext}")
    assert response.status_code == 200 and response.mimetype == media_type
    assert isomorphic(Graph().parse(data=response.data, format=rdflib_format), graph)
    etag = response.headers["ETag"]
    again = client.get(f"/download/orgkg.{ext}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_formats_have_different_etags(client):
    assert client.get("/download/orgkg.ttl").headers["ETag"] != client.get("/download/orgkg.nt").headers["ETag"]


def test_unknown_download_is_404(client):
    assert client.get("/download/orgkg.xml").status_code == 404


def test_ontology_download(client):
    response = client.get("/ontology.ttl")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert (None, None, None) in Graph().parse(data=response.data, format="turtle")
    assert ONTOLOGY.encode() in response.data


@pytest.mark.parametrize("name", ["ontology", "shapes"])
def test_ontology_files_are_the_packaged_ones(client, name):
    from orgkg.resources import ontology_file

    response = client.get(f"/{name}.ttl")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert response.data == ontology_file("orgkg.ttl" if name == "ontology" else "shapes.ttl").read_bytes()
    assert len(Graph().parse(data=response.data, format="turtle")) > 0
    assert client.get(f"/{name}.ttl", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_downloads_page_links_everything(client):
    html = client.get("/downloads").get_data(as_text=True)
    for href in ("/download/orgkg.ttl", "/download/orgkg.nt", "/download/orgkg.jsonld", "/ontology.ttl", "/shapes.ttl"):
        assert f'href="{href}"' in html


@pytest.mark.parametrize("path", ["/download/orgkg.ttl", "/download/orgkg.jsonld", "/download/orgkg-network.graphml"])
def test_a_download_is_an_attachment_gzipped_when_accepted_with_an_etag_per_form(client, path):
    import gzip

    plain = client.get(path)
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    assert plain.headers["Content-Disposition"] == f'attachment; filename="{path.rsplit("/", 1)[1]}"'
    packed = client.get(path, headers={"Accept-Encoding": "gzip, deflate"})
    assert packed.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain.data and len(packed.data) < len(plain.data)
    assert packed.headers["ETag"] != plain.headers["ETag"]
    again = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]})
    assert again.status_code == 304


def test_the_downloads_page_shows_each_files_size(client):
    page = client.get("/downloads").get_data(as_text=True)
    size = len(client.get("/download/orgkg.ttl").data)
    assert f"{size / 1024:.1f} KB" in page


def test_json_ld_carries_the_ontologys_prefixes_as_its_context(client, graph):
    import json

    data = client.get("/download/orgkg.jsonld").data
    document = json.loads(data)
    assert document["@context"]["ok"] == "https://w3id.org/orgkg/ontology#"
    assert any("ok:about" in node for node in document["@graph"])
    assert isomorphic(Graph().parse(data=data, format="json-ld"), graph)
