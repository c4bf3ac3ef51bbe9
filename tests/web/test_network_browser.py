"""Network views in headless Chromium: drawn at once, labelled, searchable, filterable, still on selection.

Every test fails on a console error or a request off this machine (the ``page`` fixture of test_browser).
"""
from __future__ import annotations

import re
import threading

import pytest
import waitress
from test_browser import CHROMIUM, browser, page, watched  # noqa: F401 - the shared fixtures

from orgkg.web import create_app

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")

VIEW = "/network/entity/region/430000?hops=2"
ZHUZHOU = "https://w3id.org/orgkg/id/region/430200"
NODES = "orgkgNetwork.body.data.nodes"


def open_view(page, url: str) -> None:  # noqa: F811
    page.goto(url)
    page.wait_for_selector("#network[data-stable=true]")


def on_screen(page, node: str) -> tuple[float, float]:  # noqa: F811
    """Where a node is drawn, in page coordinates."""
    box = page.locator("#network canvas").bounding_box()
    point = page.evaluate("id => orgkgNetwork.canvasToDOM(orgkgNetwork.getPositions([id])[id])", node)
    return box["x"] + point["x"], box["y"] + point["y"]


def test_nodes_are_drawn_where_the_server_put_them_with_hub_labels(page, clean_server):  # noqa: F811
    open_view(page, clean_server + VIEW)
    drawn = page.evaluate("Object.keys(orgkgNetwork.body.nodes).length")
    assert drawn > 10 and page.locator("#network canvas").count() == 1
    sent = page.evaluate(f"{NODES}.get().map(n => [n.id, n.x, n.y])")
    positions = page.evaluate("orgkgNetwork.getPositions()")
    assert all((positions[i]["x"], positions[i]["y"]) == (x, y) for i, x, y in sent)  # physics moved nothing
    assert page.evaluate(f"{NODES}.get().filter(n => n.label.trim()).length") >= 12
    assert page.locator("#network-hint").is_visible() and "双击" in page.locator("#network-hint").inner_text()


def test_hovering_a_node_shows_its_name(page, clean_server):  # noqa: F811
    open_view(page, clean_server + VIEW)
    quiet = page.evaluate(f"{NODES}.get().filter(n => !n.label.trim()).map(n => n.id)")
    assert quiet, "the view should have unlabelled nodes"
    page.mouse.move(*on_screen(page, quiet[0]))
    page.wait_for_function(f"id => {NODES}.get(id).label.trim() !== ''", arg=quiet[0])
    assert page.locator(".vis-tooltip").inner_text().startswith(page.evaluate(f"id => {NODES}.get(id).name", quiet[0]))


def test_search_finds_and_focuses_a_node(page, clean_server):  # noqa: F811
    open_view(page, clean_server + VIEW)
    page.locator("#network-search").fill("株洲市")
    page.keyboard.press("Enter")
    assert page.evaluate("orgkgNetwork.getSelectedNodes()") == [ZHUZHOU]
    assert page.locator("#network-selection").inner_text() == "株洲市"
    x, y = on_screen(page, ZHUZHOU)
    box = page.locator("#network canvas").bounding_box()
    assert abs(x - (box["x"] + box["width"] / 2)) < 2 and abs(y - (box["y"] + box["height"] / 2)) < 2  # centred
    page.locator("#network-search").fill("没有这个地方")
    page.keyboard.press("Enter")
    assert "没有这个地方" in page.locator("#network-search-status").inner_text()


def test_a_type_filter_hides_that_type(page, clean_server):  # noqa: F811
    open_view(page, clean_server + VIEW)
    count = f"kind => {NODES}.get({{filter: n => n.kind === kind && !n.hidden}}).length"
    assert page.evaluate(count, "Article") > 0
    page.locator("#network-types input[data-kind=Article]").uncheck()
    assert page.evaluate(count, "Article") == 0 and page.evaluate(count, "Region") > 0
    page.locator("#network-types input[data-kind=Article]").check()
    assert page.evaluate(count, "Article") > 0


def test_selecting_a_node_moves_nothing_and_a_double_click_opens_it(page, clean_server):  # noqa: F811
    open_view(page, clean_server + VIEW)
    before = page.locator("#network canvas").bounding_box()
    x, y = on_screen(page, ZHUZHOU)
    page.mouse.click(x, y)
    page.locator("#network-selection").wait_for()
    assert page.locator("#network canvas").bounding_box() == before
    assert on_screen(page, ZHUZHOU) == (x, y)
    page.mouse.dblclick(x, y)
    page.wait_for_url(re.compile(r"/id/region/430200$"))


def test_a_view_with_nothing_to_draw_says_why(page, clean_server):  # noqa: F811
    page.goto(clean_server + "/network/?type=Initiative")
    assert page.locator("#network-empty").is_visible() and page.locator("#network-empty").inner_text().strip()
    assert page.locator("#network canvas").count() == 0


@pytest.fixture(scope="module")
def two_provinces(graph_file, tmp_path_factory):
    """The sample plus a second province that reports the sample's most widely reported programme."""
    from rdflib import Graph
    from test_network_http import diffusion_path

    graph = Graph().parse(graph_file)
    item = "https://w3id.org/orgkg/id/" + diffusion_path(graph).split("/diffusion/", 1)[1]
    path = tmp_path_factory.mktemp("two") / "graph.ttl"
    path.write_text(graph_file.read_text(encoding="utf-8") + f"""
<https://w3id.org/orgkg/id/region/360000> a <https://w3id.org/orgkg/ontology#Region> ;
    <http://www.w3.org/2000/01/rdf-schema#label> "江西省"@zh ; <https://w3id.org/orgkg/ontology#implements> <{item}> .
""", encoding="utf-8")
    server = waitress.create_server(create_app({"GRAPH": path}), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=10)


def test_the_province_filter_keeps_a_province_and_what_it_reports(page, two_provinces):  # noqa: F811
    open_view(page, two_provinces + "/network/")
    visible = f"() => {NODES}.get({{filter: n => !n.hidden}}).map(n => n.name).sort()"
    assert {"湖南省", "江西省"} <= set(page.evaluate(visible))
    page.locator("#network-province").select_option(label="江西省")
    shown = page.evaluate(visible)
    assert "江西省" in shown and "湖南省" not in shown and len(shown) >= 2
    page.locator("#network-province").select_option(value="")
    assert "湖南省" in page.evaluate(visible)
