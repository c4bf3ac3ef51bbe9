"""The app on the full corpus (only with ``ORGKG_CORPUS`` set): every view stays usable at full size."""
from __future__ import annotations

import re

import pytest

from orgkg.web import create_app
from orgkg.web.examples import load_examples

EXAMPLES = load_examples()


@pytest.fixture(scope="module")
def full_app(corpus_graph_file):
    return create_app({"GRAPH": corpus_graph_file})


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_examples_answer(full_app, example):
    answer = full_app.extensions["orgkg"].store.query(example.query)
    assert answer.rows or answer.triples or answer.boolean


def test_overview_is_capped_with_a_notice(full_app):
    html = full_app.test_client().get("/network/").get_data(as_text=True)
    assert html.count('"id":') <= full_app.config["NETWORK_MAX_NODES"] * 2
    assert re.search(r"显示 300 / \d+ 个节点，另有 \d+ 个未显示", html)


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
