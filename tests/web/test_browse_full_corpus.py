"""Browse pages and the reader on the full corpus (only with ``ORGKG_CORPUS`` set): totals match the graph,
every page of a table adds up, and every mark sits inside its sentence."""
from __future__ import annotations

import pytest
from orgkg.web import create_app
from rdflib import RDF, Namespace

OK = Namespace("https://w3id.org/orgkg/ontology#")
KINDS = {"articles": OK.Article, "regions": OK.Region, "programmes": OK.Programme, "initiatives": OK.Initiative,
         "concepts": OK.Concept, "figures": OK.Figure, "indicators": OK.Indicator, "mentions": OK.Mention}


@pytest.fixture(scope="module")
def full_client(corpus_graph_file):
    return create_app({"GRAPH": corpus_graph_file}).test_client()


@pytest.mark.parametrize("table", KINDS)
def test_totals_are_the_graphs_counts(full_client, corpus_graph, table):
    answer = full_client.get(f"/browse/{table}.json").get_json()
    assert answer["total"] == len(set(corpus_graph.subjects(RDF.type, KINDS[table])))
    assert answer["pages"] == -(-answer["total"] // answer["size"])


def test_regions_page_through_to_every_region(full_client, corpus_graph):
    seen, url = set(), "/browse/regions.json?_size=1000&_sort=label"
    while url:
        answer = full_client.get(url).get_json()
        seen |= {r["iri"] for r in answer["rows"]}
        url = answer["links"]["next"]
    assert seen == {str(r) for r in corpus_graph.subjects(RDF.type, OK.Region)}


def test_province_facet_counts_add_up_to_the_regions(full_client):
    answer = full_client.get("/browse/regions.json").get_json()
    assert sum(v["count"] for v in answer["facets"]["province"]) == answer["total"]
    for value in answer["facets"]["province"][:5]:
        assert full_client.get(f"/browse/regions.json?province={value['value']}").get_json()["total"] == value["count"]


def test_every_mark_of_every_article_sits_inside_its_sentence(full_client, corpus_graph):
    for article in corpus_graph.subjects(RDF.type, OK.Article):
        key = str(article).rsplit("/", 1)[1]
        data = full_client.get(f"/reader/{key}.json").get_json()
        assert not data["truncated"]
        for section in data["sections"]:
            for sentence in section["sentences"]:
                end = sentence["start"] + len(sentence["text"])
                inside = all(sentence["start"] <= m["start"] < m["end"] <= end for m in sentence["marks"])
                assert inside, sentence["iri"]
        html = full_client.get(f"/reader/{key}").get_data(as_text=True)
        assert 'class="misplaced"' not in html
        marks = [m for s in data["sections"] for sentence in s["sentences"] for m in sentence["marks"]]
        assert all(html.count(f'id="{m["iri"].split("/id/", 1)[1].replace("/", "-", 1)}"') == 1 for m in marks)
