"""`orgkg query --endpoint` against a real Oxigraph server gives what the local file gives."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from orgkg.graph.graphfile import serialize
from orgkg.graph.query import run_query

OXIGRAPH = shutil.which("oxigraph") or str(Path(__import__("sys").executable).parent / "oxigraph")

QUERY = """PREFIX ok: <https://w3id.org/orgkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?title ?region WHERE { ?a a ok:Article ; <http://purl.org/dc/terms/title> ?title ; ok:about/rdfs:label ?region }
ORDER BY ?title"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(sample_graph, tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server is not installed (pip install oxigraph; it is in the test extras)")
    folder = tmp_path_factory.mktemp("oxigraph")
    data = folder / "sample.nt"
    data.write_bytes(serialize(sample_graph, "nt"))
    subprocess.run([OXIGRAPH, "load", "--location", str(folder / "db"), "--file", str(data)], check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("oxigraph server did not start")
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_endpoint_and_file_answer_the_same(oxigraph_server, sample_graph, tmp_path):
    path = tmp_path / "g.ttl"
    path.write_bytes(serialize(sample_graph, "ttl"))
    local = run_query(QUERY, graph=str(path), fmt="csv")
    remote = run_query(QUERY, endpoint=oxigraph_server + "/query", fmt="csv")
    assert remote == local
    assert "新时代湖南组织工作综述,湖南省" in local.splitlines()


def test_endpoint_error_is_reported(oxigraph_server):
    from orgkg.graph.errors import OrgkgError

    with pytest.raises(OrgkgError, match="bad SPARQL query"):
        run_query("SELEKT nothing", endpoint=oxigraph_server + "/query")
