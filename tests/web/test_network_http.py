"""pyvis network views: content, caps, escaping, and nothing fetched from or written outside the app."""
from __future__ import annotations

import json
import re

import pytest

from orgkg.web import create_app

ZHUZHOU = "region/430200"
HUNAN = "region/430000"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(https?:)?//(?!127\.0\.0\.1[:/])""", re.IGNORECASE)


def network_data(html: str) -> tuple[list[dict], list[dict]]:
    def block(name):
        return json.loads(html.split(f'id="network-{name}">', 1)[1].split("</script>", 1)[0])

    return block("nodes"), block("edges")


def diffusion_path(graph) -> str:
    rows = graph.query("""PREFIX ok: <https://w3id.org/orgkg/ontology#>
        SELECT ?m (COUNT(?r) AS ?n) WHERE { ?r ok:implements ?m . ?m a ok:Programme } GROUP BY ?m ORDER BY DESC(?n) LIMIT 1""")
    iri = str(next(iter(rows)).m)
    return "/network/diffusion/" + iri.split("/id/", 1)[1]


def view_paths(graph) -> list[str]:
    query = "PREFIX ok: <https://w3id.org/orgkg/ontology#> SELECT ?r ?c WHERE { ?r a ok:Region ; ok:implements ?c } LIMIT 1"
    return ["/network/", f"/network/entity/{ZHUZHOU}", f"/network/entity/{ZHUZHOU}?hops=2", diffusion_path(graph),
            "/network/results?" + "query=" + query.replace(" ", "+").replace("#", "%23")]


def test_views_render(client, graph):
    for path in view_paths(graph):
        response = client.get(path)
        assert response.status_code == 200, path
        nodes, edges = network_data(response.get_data(as_text=True))
        assert nodes and edges, path


def test_views_load_nothing_from_other_hosts(client, graph):
    for path in view_paths(graph):
        html = client.get(path).get_data(as_text=True)
        assert not EXTERNAL.search(html), (path, EXTERNAL.search(html))
        assert "/static/vendor/vis-network/vis-network.min.js" in html
        assert "cdnjs" not in html and "jsdelivr" not in html


def test_nodes_are_shaped_by_type_coloured_by_community_and_sized_by_degree(client):
    html = client.get(f"/network/entity/{HUNAN}?hops=2").get_data(as_text=True)
    nodes, edges = network_data(html)
    shapes = {n["id"].split("/id/")[1].split("/")[0]: n["shape"] for n in nodes}
    assert shapes["region"] != shapes["programme"] != shapes["initiative"]
    assert len({n["color"] for n in nodes}) > 1  # communities
    degree = {n["id"]: sum(n["id"] in (e["from"], e["to"]) for e in edges) for n in nodes}
    by_degree = sorted(nodes, key=lambda n: degree[n["id"]])
    assert by_degree[-1]["size"] > by_degree[0]["size"]
    legend = html.split('id="network-types"', 1)[1].split("</fieldset>", 1)[0]
    assert "地区" in legend and "项目" in legend and "机制举措" in legend


def test_neighbourhood_hops_and_type_filter(client):
    one, _ = network_data(client.get(f"/network/entity/{ZHUZHOU}").get_data(as_text=True))
    two, _ = network_data(client.get(f"/network/entity/{ZHUZHOU}?hops=2").get_data(as_text=True))
    assert {n["id"] for n in one} < {n["id"] for n in two}
    regions_only, _ = network_data(client.get(f"/network/entity/{ZHUZHOU}?hops=2&type=Region").get_data(as_text=True))
    assert all("/id/region/" in n["id"] for n in regions_only) and len(regions_only) > 1


def test_diffusion_groups_adopters_by_province(client, graph):
    html = client.get(diffusion_path(graph)).get_data(as_text=True)
    nodes, _ = network_data(html)
    regions = [n for n in nodes if "/id/region/" in n["id"]]
    assert regions and len({n["color"] for n in regions}) == 1
    assert "按省份分组" in html and "颜色：省份" in html
    assert "湖南省" in html.split('id="network-communities"', 1)[1].split("</ul>", 1)[0]


def test_node_cap_shows_how_many_more(graph_file):
    client = create_app({"GRAPH": graph_file, "NETWORK_MAX_NODES": 4}).test_client()
    html = client.get(f"/network/entity/{HUNAN}?hops=2").get_data(as_text=True)
    nodes, edges = network_data(html)
    assert len(nodes) == 4
    ids = {n["id"] for n in nodes}
    assert all(e["from"] in ids and e["to"] in ids for e in edges)
    notice = html.split('id="network-count">', 1)[1].split("</p>", 1)[0]
    assert re.search(r"显示 4 / \d+ 个节点，另有 \d+ 个未显示", notice)


def test_labels_are_data_not_markup(client, graph, hostile_paths):
    html = client.get(f"/network/entity/{ZHUZHOU}").get_data(as_text=True)
    nodes, _ = network_data(html)
    names = {n["name"] for n in nodes}
    assert "<script>window.__pwned = 1</script>计划" in names  # intact as data …
    assert "<script>window" not in html and "<img src" not in html  # … and never markup in the page


def test_physics_is_off_and_every_node_has_a_position(client, graph):
    for path in view_paths(graph):
        html = client.get(path).get_data(as_text=True)
        nodes, _ = network_data(html)
        options = json.loads(html.split('id="network-options">', 1)[1].split("</script>", 1)[0])
        assert options["physics"]["enabled"] is False, path
        assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes), path


def test_pyvis_writes_nothing_to_the_working_directory(client, graph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for path in view_paths(graph):
        client.get(path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ["/network/entity/region/999999", "/network/diffusion/region/430200"])
def test_unknown_or_wrong_entities_are_404(client, path):
    assert client.get(path).status_code == 404


def test_results_view_needs_a_query(client):
    assert client.get("/network/results").status_code == 400


def test_overview_type_filter(client):
    nodes, _ = network_data(client.get("/network/?type=Region&type=Concept").get_data(as_text=True))
    kinds = {n["id"].split("/id/")[1].split("/")[0] for n in nodes}
    assert kinds == {"region", "concept"}
