"""YASGUI's own controls and the network views in the page's language, in headless Chromium (fixtures of
test_browser); the network views go through the checkers of test_languages_http once their script has run."""
from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import pytest
from test_browser import CHROMIUM, browser, page, watched  # noqa: F401  (fixtures)
from test_languages_http import chinese_in, english_in
from test_network_browser import two_provinces  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def controls(page, url: str) -> dict[str, str]:
    """The query page's run and share buttons, the result filter and page size, after an example ran."""
    page.goto(url)
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    page.locator("button.example").first.click()
    page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for()
    return {
        "run": page.locator(".tabPanel.active .yasqe_queryButton").get_attribute("title"),
        "share": page.locator(".tabPanel.active .yasqe_share").get_attribute("aria-label"),
        "filter": page.locator(".tabPanel.active .yasr input[type=search], .tabPanel.active .yasr .tableFilter")
        .first.get_attribute("placeholder"),
        "size": page.locator(".tabPanel.active .yasr .pageSizerLabel").inner_text().strip(),
        "new tab": page.locator(".addTab").first.get_attribute("title"),
    }


def test_yasgui_speaks_chinese_on_the_chinese_page(page, live_server):
    assert controls(page, live_server + "/sparql?lang=zh") == {
        "run": "运行查询", "share": "分享查询", "filter": "筛选查询结果", "size": "每页行数：", "new tab": "新建标签页"}
    assert "用时" in page.locator(".tabPanel.active .yasr").inner_text()  # "N results in S seconds"


def test_yasgui_speaks_english_on_the_english_page(page, live_server):
    assert controls(page, live_server + "/sparql?lang=en") == {
        "run": "Run query", "share": "Share query", "filter": "Filter query results", "size": "Page size:",
        "new tab": "Add tab"}


#: Network views as a reader meets them: the overview, a neighbourhood, a diffusion view, "show as graph" of a
#: SELECT and of a CONSTRUCT, and views that explain why there is nothing to draw.
NETWORK_QUERIES = {
    "select": "SELECT ?r ?c WHERE { ?r a ok:Region ; ok:implements ?c } LIMIT 20",
    "construct": "CONSTRUCT { ?r ok:partOf ?p } WHERE { ?r ok:partOf ?p }",
    "ask": "ASK { ?s a ok:Region }",
    "literals": "SELECT ?l WHERE { ?r a ok:Region ; rdfs:label ?l }",
}


def network_views(graph) -> list[str]:
    from test_network_http import diffusion_path

    return ["/network/", "/network/?type=Initiative", "/network/entity/region/430000?hops=2",
            "/network/entity/region/430200", "/network/entity/indicator/party-members", diffusion_path(graph),
            *("/network/results?" + urlencode({"query": q}) for q in NETWORK_QUERIES.values())]


def network_page(page, url: str) -> str:  # noqa: F811
    """The page after its script ran, with what the canvas shows on hover (each line of every node's and
    edge's tooltip), a search's message when it finds nothing, and the name shown for a selected node."""
    page.goto(url)
    if not page.locator("#network").count():
        return page.content()
    page.wait_for_selector("#network[data-stable=true]")
    page.locator("#network-search").fill("0000")
    page.keyboard.press("Enter")
    page.locator("#network-search-status").filter(has_text="0000").wait_for()
    page.evaluate("orgkgNetwork.selectNodes([orgkgNetwork.body.data.nodes.getIds()[0]])")
    tooltips = page.evaluate("""() => [...orgkgNetwork.body.data.nodes.get(), ...orgkgNetwork.body.data.edges.get()]
                                      .flatMap(x => String(x.title || '').split('\\n'))""")
    return page.content() + "".join(f"<p>{escape(line)}</p>" for line in tooltips if line.strip())


@pytest.mark.parametrize("lang, misplaced", [("zh", english_in), ("en", chinese_in)], ids=["zh", "en"])
def test_network_views_speak_the_pages_language(page, clean_server, two_provinces, graph, lang, misplaced):  # noqa: F811
    views = [clean_server + p for p in network_views(graph)] + [two_provinces + "/network/"]  # with a province filter
    found = {url: misplaced(network_page(page, url + ("&" if "?" in url else "?") + "lang=" + lang)) for url in views}
    assert {url: sorted(set(f)) for url, f in found.items() if f} == {}
    page.goto(two_provinces + "/network/?lang=" + lang)
    assert page.locator("#network-province").count() == 1  # the filter was among what was checked
