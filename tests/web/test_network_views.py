"""Network views people can read: fixed positions, labelled hubs, tools, notes, and reasons instead of a blank canvas."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from conftest import BASE
from test_network_http import HUNAN, network_data

from orgkg.web import layout, netdraw

PREFIX = "PREFIX ok: <https://w3id.org/orgkg/ontology#> "


def results(client, query: str) -> str:
    return client.get("/network/results?" + urlencode({"query": PREFIX + query})).get_data(as_text=True)


def explanation(html: str) -> str:
    return html.split('id="network-empty">', 1)[1].split("</p>", 1)[0]


def test_same_graph_same_positions_even_when_computed_afresh(client):
    path = f"/network/entity/{HUNAN}?hops=2"
    first, _ = network_data(client.get(path).get_data(as_text=True))
    layout._layout.cache_clear()
    again, _ = network_data(client.get(path).get_data(as_text=True))
    assert [(n["id"], n["x"], n["y"]) for n in first] == [(n["id"], n["x"], n["y"]) for n in again]
    assert len({(n["x"], n["y"]) for n in first}) == len(first)  # nodes do not sit on each other


def test_the_best_connected_nodes_are_labelled_and_every_node_has_a_name(client):
    nodes, edges = network_data(client.get(f"/network/entity/{HUNAN}?hops=2").get_data(as_text=True))
    degree = {n["id"]: sum(n["id"] in (e["from"], e["to"]) for e in edges) for n in nodes}
    labelled = [n for n in nodes if n["label"].strip()]
    least = netdraw.LABELLED[1]
    assert len(nodes) > least + 2 and least <= len(labelled) <= least + 1  # the hubs, and the entity the view is about
    assert min(degree[n["id"]] for n in labelled if n["id"] != BASE + HUNAN) >= sorted(degree.values())[-least]
    assert all(n["name"] and n["name"] in n["title"] for n in nodes)  # the name on hover


def test_tools_legend_and_hint_are_on_the_page(client):
    html = client.get(f"/network/entity/{HUNAN}?hops=2").get_data(as_text=True)
    assert 'id="network-search"' in html and 'list="network-names"' in html
    assert 'id="network-types"' in html and 'data-kind="Region"' in html and 'data-kind="Programme"' in html
    assert 'id="network-communities"' in html and "颜色：社区" in html
    assert "双击节点打开其页面" in html
    assert 'class="network-wrap"' in html and 'id="network-selection" class="selection" hidden' in html


def test_the_english_view_speaks_english(client):
    html = client.get(f"/network/entity/{HUNAN}?hops=2&lang=en").get_data(as_text=True)
    assert "Double-click a node to open its page" in html and "Find in this view" in html


def test_overview_shows_units_and_the_items_that_bind_them_with_a_note(client):
    html = client.get("/network/").get_data(as_text=True)
    nodes, edges = network_data(html)
    note = html.split('id="network-count">', 1)[1].split("</p>", 1)[0]
    assert "个地区和 1 个把它们连在一起的事项" in note and "全图有 7 个地区" in note
    items = [n for n in nodes if "/id/region/" not in n["id"]]
    assert items and all(sum(e["to"] == i["id"] for e in edges) >= 2 for i in items)


@pytest.mark.parametrize("path, reason", [
    ("/network/?type=Initiative", "所选类型中没有由两个及以上地区共同报告的事项"),
    ("/network/entity/indicator/party-members", "没有相连的条目"),
], ids=["only-initiatives", "indicator"])
def test_views_with_nothing_to_draw_say_why(client, path, reason):
    html = client.get(path).get_data(as_text=True)
    assert reason in explanation(html)
    assert 'id="network"' not in html and "vis-network.min.js" not in html  # no empty canvas


def test_an_indicator_view_offers_every_type(client):
    html = client.get("/network/entity/indicator/party-members").get_data(as_text=True)
    assert "显示所有类型的邻域" in explanation(html)
    nodes, _ = network_data(client.get("/network/entity/indicator/party-members?hops=1&type=Figure").get_data(as_text=True))
    assert len(nodes) > 1


@pytest.mark.parametrize("query, reason", [
    ("ASK { ?s a ok:Region }", "ASK 查询只回答是或否（这里是：是）"),
    ("SELECT ?r WHERE { ?r a ok:Region ; ok:level 'nowhere' }", "查询没有结果"),
    ("SELECT ?l WHERE { ?r a ok:Region ; rdfs:label ?l }", "只有字面值"),
], ids=["ask", "empty", "literals"])
def test_results_with_nothing_to_draw_say_why(client, query, reason):
    html = results(client, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + query)
    assert reason in explanation(html) and 'id="network"' not in html


def test_one_column_results_are_laid_out_and_say_there_are_no_links(client):
    html = results(client, "SELECT ?r WHERE { ?r a ok:Region }")
    nodes, edges = network_data(html)
    assert len(nodes) == 7 and not edges
    assert "这些节点之间没有连线" in explanation(html)


def test_headings_name_the_view_in_the_pages_language(client):
    def heading(path):
        return client.get(path).get_data(as_text=True).split("<h1>", 1)[1].split("</h1>", 1)[0]

    assert heading(f"/network/entity/{HUNAN}?lang=zh") == "邻域网络：湖南省"  # a Chinese colon
    assert heading(f"/network/entity/{HUNAN}?lang=en") == "Neighbourhood network: Hunan"  # and the English place name
