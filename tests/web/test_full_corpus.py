"""The app on the full corpus (only with ``ORGKG_CORPUS`` set): every view stays usable at full size."""
from __future__ import annotations

import re
import time

import pytest
from test_network_http import network_data

from orgkg.web import create_app
from orgkg.web.examples import load_examples

EXAMPLES = [e for e in load_examples() if not e.reads_analysis]  # those run on a store: test_analysis_graph_http.py


@pytest.fixture(scope="module")
def full_app(corpus_graph_file):
    return create_app({"GRAPH": corpus_graph_file})


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_examples_answer(full_app, example):
    answer = full_app.extensions["orgkg"].store.query(example.query)
    assert answer.rows or answer.triples or answer.boolean


def test_overview_shows_provinces_and_the_items_that_bind_them(full_app):
    client = full_app.test_client()
    client.get("/network/")  # the first request lays the view out; the next ones reuse the layout
    started = time.perf_counter()
    html = client.get("/network/").get_data(as_text=True)
    assert time.perf_counter() - started < 0.5
    nodes, edges = network_data(html)
    provinces = {n["id"] for n in nodes if n["kind"] == "Region"}
    items = [n for n in nodes if n["kind"] != "Region"]
    assert len(provinces) >= 10 and items and len(nodes) <= full_app.config["NETWORK_MAX_NODES"]
    cat = full_app.extensions["orgkg"].catalogue
    assert all(cat.province(p) == p for p in provinces)
    assert all(sum(e["to"] == n["id"] for e in edges) >= 2 for n in items)  # each binds two provinces or more
    note = html.split('id="network-count">', 1)[1].split("</p>", 1)[0]
    assert 'id="network-province"' in html  # the province filter, once there are two or more
    assert re.search(rf"显示 {len(provinces)} 个省和 {len(items)} 个把它们连在一起的事项.*共 \d+ 个.*全图有 \d+ 个地区", note)


def test_province_pages_and_search(full_app):
    client = full_app.test_client()
    hits = client.get("/search.json", query_string={"q": "省"}).get_json()
    assert hits
    for hit in hits:
        assert client.get(hit["path"]).status_code == 200
        assert client.get(hit["path"] + ".ttl").status_code == 200


def test_the_editor_offers_a_city_for_its_name_and_the_vocabulary_after_ok(full_app):
    client = full_app.test_client()
    [first, *_] = client.get("/search.json", query_string={"q": "成都"}).get_json()
    assert first["label"] == "成都市" and first["iri"].endswith("/region/510100")
    page = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert '"text": "ok:implements"' in page or '"text":"ok:implements"' in page


def test_regions_are_found_by_their_english_names(full_app):
    client = full_app.test_client()
    hits = client.get("/search.json", query_string={"q": "Chengdu", "lang": "en"}).get_json()
    assert hits[0]["iri"].endswith("/region/510100") and hits[0]["label"] == "Chengdu"
    assert client.get("/search", query_string={"q": "chengdu"}).headers["Location"] == "/id/region/510100"
    assert "<h1>Shaanxi " in client.get("/id/region/610000?lang=en").get_data(as_text=True)
