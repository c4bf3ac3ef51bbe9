"""Fixtures for the web app: the sample graph, Flask clients, a live waitress server, an oxigraph server.

The graph is built from ``data/sample`` by the real builder, plus
``data/hostile.ttl`` whose labels try to inject script.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from servers import free_port, stop, wait_until_up

from orgkg.graph.build import build_corpus
from orgkg.web import create_app

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
SAMPLE = ROOT / "data" / "sample"
BASE = "https://w3id.org/orgkg/id/"
OXIGRAPH = Path(sys.executable).with_name("oxigraph")


@pytest.fixture(scope="session")
def graph() -> Graph:
    """The sample corpus's graph plus the hostile labels."""
    g = build_corpus(SAMPLE)
    g.parse(DATA / "hostile.ttl")
    return g


@pytest.fixture(scope="session")
def hostile_paths() -> list[str]:
    """Entity pages of ``data/hostile.ttl``, whose labels carry markup."""
    return ["/id/programme/hostile-script", "/id/initiative/hostile-img"]


@pytest.fixture(scope="session")
def graph_file(graph, tmp_path_factory) -> Path:
    """The graph as a Turtle file, for servers that load files."""
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    graph.serialize(path, format="turtle", encoding="utf-8")
    return path


#: The named graph :func:`trig_app` keeps the sample in.
SAMPLE_GRAPH = "https://w3id.org/orgkg/graph/sample"


@pytest.fixture(scope="session")
def trig_app(graph, tmp_path_factory):
    """The app serving the sample from TriG, where it sits in the named graph :data:`SAMPLE_GRAPH`."""
    from rdflib import Dataset, URIRef

    dataset = Dataset()
    named = dataset.graph(URIRef(SAMPLE_GRAPH))
    for triple in graph:
        named.add(triple)
    path = tmp_path_factory.mktemp("trig") / "graph.trig"
    dataset.serialize(path, format="trig", encoding="utf-8")
    return create_app({"GRAPH": str(path)})


@pytest.fixture(scope="session")
def app(graph_file):
    return create_app({"GRAPH": graph_file, "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def serve(source: Path, output: Path):
    """Run ``orgkg serve SOURCE`` (waitress) in a child process; yield its base URL, then stop it.

    :param output: where a corpus source's graph is written.
    """
    port = free_port()
    command = [sys.executable, "-m", "orgkg", "serve", str(source), "--port", str(port), "-o", str(output)]
    process = subprocess.Popen(command, cwd=output.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", process)
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="session")
def live_server(graph_file):
    """The app serving the sample graph with the hostile labels."""
    yield from serve(graph_file, graph_file.with_name("unused.ttl"))


@pytest.fixture(scope="session")
def clean_server(tmp_path_factory):
    """The app serving the sample corpus alone (built by the server itself), for the README's screenshots."""
    yield from serve(SAMPLE, tmp_path_factory.mktemp("clean") / "graph.ttl")


@pytest.fixture(scope="session")
def oxigraph_server(graph_file, tmp_path_factory):
    """A real ``oxigraph serve`` on a fresh data folder, filled by ``orgkg load``; yields its query URL."""
    if not OXIGRAPH.exists() and not shutil.which("oxigraph"):
        pytest.fail("the oxigraph CLI is missing: pip install oxigraph")
    binary = str(OXIGRAPH if OXIGRAPH.exists() else shutil.which("oxigraph"))
    location = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
        subprocess.run([sys.executable, "-m", "orgkg", "load", str(graph_file), "--endpoint",
                        f"http://127.0.0.1:{port}/store"], check=True, capture_output=True)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        stop(process)


@pytest.fixture(scope="session")
def full_corpus() -> Path:
    """The full corpus, only when ``ORGKG_CORPUS`` points at it."""
    path = os.environ.get("ORGKG_CORPUS")
    if not path:
        pytest.skip("set ORGKG_CORPUS to the full corpus to run this test")
    return Path(path)
