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


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_stopping_the_server_during_a_long_query_stops_its_workers_and_frees_the_port(graph_file, how):
    """Ctrl-C and `kill` end the server at once, a running query included; even after SIGKILL
    no worker is left computing."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import threading
    import time
    import urllib.parse
    import urllib.request

    from servers import free_port, wait_until_up

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "orgkg", "serve", str(graph_file), "--port", str(port),
                               "--timeout", "120"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_up(f"http://127.0.0.1:{port}/", server)
    children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()
    cartesian = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})

    def ask():
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?{cartesian}", timeout=30).read()
        except OSError:
            pass

    threading.Thread(target=ask, daemon=True).start()
    time.sleep(1.0)  # a worker is busy with the query
    server.send_signal(getattr(signal, how))
    try:
        code = server.wait(timeout=10)
    finally:
        server.kill()
    assert code in ((0, 130) if how != "SIGKILL" else (-9,)), server.stderr.read().decode()[-1500:]
    time.sleep(0.5)
    alive = [pid for pid in children if os.path.exists(f"/proc/{pid}") and
             open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"]
    assert len(children) >= 4 and alive == []  # no worker is left computing
    with pytest.raises(ConnectionRefusedError):  # nobody listens on the port any more
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_a_store_keeps_the_catalogue_the_app_starts_with_and_a_bad_one_is_rebuilt(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from orgkg.graph.store import open_store
    from orgkg.web.catalogue import FILE, Catalogue

    sample = Path(__file__).resolve().parents[2] / "data" / "sample"
    store = tmp_path / "store"
    subprocess.run([sys.executable, "-m", "orgkg", "build", str(sample), "-o", str(tmp_path / "g.ttl"), "-q",
                    "--store", str(store)], check=True)
    kept = Catalogue.from_json((store / FILE).read_bytes())
    built = Catalogue.build(open_store(store))
    assert kept.types == built.types and kept.parents == built.parents and dict(kept.labels) == dict(built.labels)
    assert sorted(kept.network.edges(keys=True)) == sorted(built.network.edges(keys=True))

    kept.labels["https://w3id.org/orgkg/id/region/430200"]["zh"] = "目录里的名字"
    (store / FILE).write_bytes(kept.to_json())
    page = create_app({"GRAPH": str(store)}).test_client().get("/id/region/430200")
    assert "目录里的名字" in page.get_data(as_text=True)  # the kept catalogue, not one built anew

    for bad in ("{not json", '{"version": 2}\n', kept.to_json().decode().replace('["labels"', '["nothing"', 1)):
        (store / FILE).write_text(bad, encoding="utf-8")  # unreadable, of an older layout, of unknown sections
        page = create_app({"GRAPH": str(store)}).test_client().get("/id/region/430200")
        assert page.status_code == 200 and "株洲市" in page.get_data(as_text=True), bad[:20]


def test_a_catalogue_file_is_read_back_whole_from_lines_of_a_few_entries(monkeypatch):
    """Each line holds at most CHUNK entries, so a server reading a big catalogue keeps answering meanwhile."""
    import json

    from orgkg.web import catalogue

    monkeypatch.setattr(catalogue, "CHUNK", 2)
    cat = catalogue.Catalogue(types={f"http://x/{i}": "Region" for i in range(5)}, parents={"http://x/1": "http://x/0"})
    for i in range(5):
        cat.labels[f"http://x/{i}"].update({"zh": f"地区{i}", "en": f"Region {i}"})
        cat.network.add_edge(f"http://x/{i}", "http://x/0", key="partOf")
    cat.alt_labels["http://x/3"].append("别名")
    lines = cat.to_json().split(b"\n")
    assert all(len(json.loads(line)[1]) <= 2 for line in lines[1:]) and len(lines) > 8
    back = catalogue.Catalogue.from_json(b"\n".join(lines))
    assert (back.types, dict(back.labels), dict(back.alt_labels), back.parents) == (
        cat.types, dict(cat.labels), dict(cat.alt_labels), cat.parents)
    assert sorted(back.network.edges(keys=True)) == sorted(cat.network.edges(keys=True))
