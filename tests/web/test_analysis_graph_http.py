"""The analysis graph through the real server: a store from ``orgkg build --store`` served by ``orgkg serve``.

``GRAPH <…/graph/analysis>`` answers the results over ``/sparql``; default-graph queries,
the gallery and the downloads see only the extracted facts, as from a graph file.
"""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from conftest import SAMPLE, serve

from orgkg.graph.build import build_corpus
from orgkg.graph.namespaces import ANALYSIS_GRAPH
from orgkg.graph.store import PROLOGUE
from orgkg.web.examples import load_examples

ZHUZHOU, LUSONG = "https://w3id.org/orgkg/id/region/430200", "https://w3id.org/orgkg/id/region/430203"


@pytest.fixture(scope="module")
def store_server(tmp_path_factory):
    """The app serving a store written by ``orgkg build data/sample --store``: the facts and the analysis graph."""
    folder = tmp_path_factory.mktemp("store")
    subprocess.run([sys.executable, "-m", "orgkg", "build", str(SAMPLE), "-o", str(folder / "graph.ttl"),
                    "--store", str(folder / "store"), "--quiet"], check=True, capture_output=True)
    yield from serve(folder / "store", folder / "unused.ttl")


def sparql(server: str, query: str) -> dict:
    request = urllib.request.Request(server + "/sparql", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers.get_content_type() == "application/sparql-results+json"
        return json.load(response)


def test_a_graph_query_answers_the_similarity_of_two_regions(store_server):
    answer = sparql(store_server, PROLOGUE + f"""SELECT ?other ?score WHERE {{
        GRAPH <{ANALYSIS_GRAPH}> {{ ?s a ok:Similarity ; ok:between <{ZHUZHOU}>, ?other ; ok:score ?score ;
                                     prov:wasGeneratedBy/ok:method "weighted-jaccard" }}
        FILTER(?other != <{ZHUZHOU}>) }}""")
    assert [(b["other"]["value"], b["score"]["value"]) for b in answer["results"]["bindings"]] == [(LUSONG, "0.0441")]


def test_the_default_graph_holds_no_analysis_result(store_server):
    ask = PROLOGUE + "ASK { { ?s a ok:Similarity } UNION { ?s ok:score ?o } UNION { ?s prov:wasGeneratedBy ?a } }"
    assert sparql(store_server, ask)["boolean"] is False
    count = sparql(store_server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")["results"]["bindings"][0]["n"]["value"]
    assert int(count) == len(build_corpus(SAMPLE))  # the extracted facts, and nothing else
    with urllib.request.urlopen(store_server + "/download/orgkg.nt", timeout=30) as response:
        data = response.read()
    assert data.count(b"\n") == len(build_corpus(SAMPLE)) and b"/id/analysis/" not in data


def test_the_gallery_example_on_the_analysis_graph_answers(store_server):
    for example in (e for e in load_examples() if e.reads_analysis):
        rows = sparql(store_server, example.query)["results"]["bindings"]
        assert [(r["aLabel"]["value"], r["bLabel"]["value"], r["score"]["value"]) for r in rows] == [
            ("株洲市", "芦淞区", "0.0441")], example.name


def _gallery(server: str) -> set[str]:
    """The examples the query page lists, by name."""
    request = urllib.request.Request(server + "/sparql?lang=zh", headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=30) as response:
        html = response.read().decode()
    return {e.name for e in load_examples() if f">{e.title_zh}</button>" in html}


def test_the_gallery_offers_analysis_examples_only_where_the_graph_holds_them(store_server, live_server):
    on_analysis = {e.name for e in load_examples() if e.reads_analysis}
    assert on_analysis and on_analysis <= _gallery(store_server)  # the store built with --store has the results
    assert not on_analysis & _gallery(live_server)  # a served graph file has none: no example that answers nothing
    assert _gallery(live_server)  # the others are there
