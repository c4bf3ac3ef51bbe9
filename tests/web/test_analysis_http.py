"""Analysis pages, their JSON and CSV twins, "regions like this one", the diffusion view, network downloads."""
from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
import pytest
from test_network_http import network_data

from orgkg.graph.analysis import centrality, diffusion, similarity
from orgkg.graph.analysis.projection import project, reporters
from orgkg.graph.store import open_store
from orgkg.web import create_app

BASE = "https://w3id.org/orgkg/id/"
HUNAN, ZHUZHOU, LUSONG = (BASE + f"region/{code}" for code in ("430000", "430200", "430203"))


@pytest.fixture(scope="module")
def projection(graph_file):
    return project(open_store(graph_file))


@pytest.fixture(scope="module")
def shared_item(projection) -> str:
    """The one item two sample regions report, 党委联系服务专家制度 (株洲市 and 芦淞区, not 湖南省)."""
    return diffusion.find_item(projection, "党委联系服务专家制度")


def path_of(iri: str) -> str:
    return iri.removeprefix(BASE)


PAGES = ["/analysis/", "/analysis/diffusion", "/analysis/diffusion?min=1", "/analysis/central",
         "/analysis/similar/430200", "/analysis/indicator/party-members"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pages_render_in_both_languages(client, path, lang):
    response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert ("比较分析" if lang == "zh" else "Analysis") in html
    assert "an_" not in html  # every heading has a translation


def test_diffusion_twins_are_the_analysis(client, projection):
    rows = client.get("/analysis/diffusion.json?min=1").get_json()["diffusion"]
    assert rows == diffusion.diffusion(projection, 1).records()
    table = list(csv.DictReader(io.StringIO(client.get("/analysis/diffusion.csv?min=1").get_data(as_text=True))))
    assert [r["item_iri"] for r in table] == [r["item_iri"] for r in rows]


def test_hostile_labels_stay_text(client):
    html = client.get("/analysis/diffusion?min=1").get_data(as_text=True)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;计划" in html and "<script>window" not in html


def test_by_province_keeps_the_province_apart(client, shared_item):
    page = f"/analysis/diffusion/{path_of(shared_item)}"
    assert client.get(page).status_code == 200
    assert f'href="{page}"' in client.get(f"/id/{path_of(shared_item)}").get_data(as_text=True)  # linked from the item
    rows = client.get(page + ".json").get_json()["by_province"]
    assert rows == [{"province": "湖南省", "province_iri": HUNAN, "province_reports": False, "below": 2,
                     "below_regions": ["株洲市", "芦淞区"]}]


def test_similar_and_central_twins(client, projection):
    assert client.get("/analysis/similar/430200.json").get_json()["similar"] == \
        similarity.similar(projection, ZHUZHOU, 20).records()
    both = client.get("/analysis/central.json").get_json()
    assert both == {"central": centrality.central(projection).records(),
                    "communities": centrality.groups(projection).records()}


def test_indicator_page_lists_each_region_s_own_value(client):
    rows = client.get("/analysis/indicator/party-members.json").get_json()["indicator"]
    assert [(r["region_iri"], r["value"]) for r in rows] == [(HUNAN, 3835000), (ZHUZHOU, 253000)]
    html = client.get("/analysis/indicator/party-members?lang=en").get_data(as_text=True)
    assert "Number of party members" in html and 'href="/id/region/430200"' in html


@pytest.mark.parametrize("path", ["/analysis/similar/999999", "/analysis/similar/430100", "/analysis/indicator/nope",
                                  "/analysis/diffusion/region/430200", "/analysis/diffusion/programme/nope.json"])
def test_unknown_names_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == ("application/json" if path.endswith(".json") else "text/html")


def test_region_page_lists_regions_like_it(client):
    html = client.get("/id/region/430200").get_data(as_text=True)
    section = html.split('class="similar"', 1)[1].split("</section>", 1)[0]
    assert 'href="/id/region/430203"' in section and "党委联系服务专家制度" in section
    assert 'href="/analysis/similar/430200"' in section
    assert 'class="similar"' not in client.get("/id/region/430100").get_data(as_text=True)  # no article about it


def test_diffusion_view_links_only_regions_whose_own_report_has_it(client, shared_item):
    page = client.get(f"/network/diffusion/{path_of(shared_item)}?lang=en").get_data(as_text=True)
    nodes, edges = network_data(page)  # edges say what they are by the property's English label
    adopters = {e["to"] for e in edges if e["title"] == "implements"}
    assert adopters == {ZHUZHOU, LUSONG}
    assert HUNAN in {n["id"] for n in nodes}  # drawn as the group, linked by partOf only
    assert {(e["from"], e["to"]) for e in edges if e["title"] == "part of"} == {(ZHUZHOU, HUNAN), (LUSONG, HUNAN)}


@pytest.mark.parametrize("name, read", [("orgkg-network.graphml", nx.read_graphml),
                                        ("orgkg-network.gexf", nx.read_gexf)])
def test_network_downloads_load_back(client, projection, name, read):
    response = client.get(f"/download/{name}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    loaded = read(io.BytesIO(response.data))
    assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (projection.number_of_nodes(),
                                                                     projection.number_of_edges())
    assert client.get(f"/download/{name}", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_csv_download_and_the_downloads_page(client, projection):
    response = client.get("/download/orgkg-network-csv.zip")
    assert response.mimetype == "application/zip" and "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        nodes = archive.read("nodes.csv").decode("utf-8").splitlines()
        edges = archive.read("edges.csv").decode("utf-8").splitlines()
    assert (len(nodes) - 1, len(edges) - 1) == (projection.number_of_nodes(), projection.number_of_edges())
    page = client.get("/downloads").get_data(as_text=True)
    for name in ("orgkg-network.graphml", "orgkg-network.gexf", "orgkg-network-csv.zip"):
        assert f'href="/download/{name}"' in page


def test_projection_reads_a_remote_endpoint_as_the_embedded_store(projection, oxigraph_server):
    remote = project(open_store(endpoint=oxigraph_server))
    assert nx.utils.graphs_equal(remote, projection)


@pytest.fixture(scope="module")
def full_client(corpus_graph_file):
    return create_app({"GRAPH": corpus_graph_file}).test_client()


def test_full_corpus_diffusion_views_credit_no_province_with_its_cities(full_client, corpus_graph_file):
    graph = project(open_store(corpus_graph_file))
    rows = diffusion.diffusion(graph).rows[:10]
    for row in rows:
        by_province = diffusion.by_province(graph, row["item_iri"]).rows
        own = {r["province_iri"] for r in by_province if r["province_reports"]}
        page = full_client.get(f"/network/diffusion/{path_of(row['item_iri'])}?lang=en").get_data(as_text=True)
        _, edges = network_data(page)
        linked = {e["to"] for e in edges if e["title"] == "implements"}
        provinces = {r["province_iri"] for r in by_province}
        assert linked & provinces == own, row["item"]  # a province is an adopter only by its own report
        assert linked == reporters(graph, row["item_iri"])
    for path in ("/analysis/diffusion", "/analysis/central", "/analysis/indicator/party-members"):
        assert full_client.get(path).status_code == 200
