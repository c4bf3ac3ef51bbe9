"""Entity pages, content negotiation, search and the interface language."""
from __future__ import annotations

import re

import pytest
from rdflib import PROV, RDF, Graph, Namespace, URIRef

BASE = "https://w3id.org/orgkg/id/"
OK = Namespace("https://w3id.org/orgkg/ontology#")
ZHUZHOU = "/id/region/430200"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def path_of(iri) -> str:
    return "/id/" + str(iri)[len(BASE):]


def resource_paths(graph) -> list[str]:
    subjects = {str(s) for s in graph.subjects() if str(s).startswith(BASE)}
    return sorted("/id/" + s[len(BASE):] for s in subjects)


def test_every_resource_dereferences(client, graph):
    paths = resource_paths(graph)
    kinds = {p.split("/")[2] for p in paths}
    assert {"region", "programme", "initiative", "article", "figure", "indicator", "sentence", "section"} <= kinds
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "text/html"


def test_region_page_shows_label_type_aliases_hierarchy_and_links(client):
    html = client.get(ZHUZHOU).get_data(as_text=True)
    assert "<h1>株洲市" in html
    assert "株洲" in html.split("别名", 1)[1][:200]  # alias
    hierarchy = html.split('class="hierarchy"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/id/region/430000"' in hierarchy and "湖南省" in hierarchy
    assert "ok:implements" in html and "ok:partOf" in html  # outgoing and incoming links …
    assert "实施" in html and "隶属" in html  # … named by the ontology's labels
    assert 'href="/network/entity/region/430200"' in html


@pytest.mark.parametrize("via", ["about", "indicator", "article"])
def test_figures_show_source_sentence_and_article(client, graph, via):
    """A figure is listed on its article's page, its indicator's page and the page of the region the article is about."""
    figure = next(f for f in graph.subjects(RDF.type, OK.Figure)
                  if graph.value(f, OK.indicator) and graph.value(graph.value(f, OK.reportedIn), OK.about))
    sentence = graph.value(figure, PROV.wasDerivedFrom)
    article = graph.value(figure, OK.reportedIn)
    page = {"about": graph.value(article, OK.about), "indicator": graph.value(figure, OK.indicator), "article": article}[via]
    html = client.get(path_of(page)).get_data(as_text=True)
    table = html.split('class="figures"', 1)[1].split("</table>", 1)[0]
    assert str(graph.value(sentence, OK.text)) in table
    assert f'href="{path_of(article)}"' in table and f'href="{path_of(figure)}"' in table


@pytest.mark.parametrize("suffix,accept,rdflib_format,media_type", [
    (".ttl", None, "turtle", "text/turtle"),
    (".nt", None, "nt", "application/n-triples"),
    (".json", None, "json-ld", "application/ld+json"),
    (".jsonld", None, "json-ld", "application/ld+json"),
    ("", "text/turtle", "turtle", "text/turtle"),
    ("", "application/ld+json", "json-ld", "application/ld+json"),
    ("", "application/n-triples;q=0.9, text/html;q=0.5", "nt", "application/n-triples"),
])
def test_rdf_by_suffix_and_accept(client, suffix, accept, rdflib_format, media_type):
    response = client.get(ZHUZHOU + suffix, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == media_type
    g = Graph().parse(data=response.data, format=rdflib_format)
    labels = {str(o) for o in g.objects(URIRef(BASE + "region/430200"))}
    assert "株洲市" in labels


def test_browsers_get_html_and_alternates_are_linked(client):
    response = client.get(ZHUZHOU, headers={"Accept": BROWSER_ACCEPT})
    assert response.mimetype == "text/html"
    links = response.headers["Link"]
    assert f'<{ZHUZHOU}.ttl>; rel="alternate"; type="text/turtle"' in links
    assert f'<{ZHUZHOU}.json>; rel="alternate"; type="application/ld+json"' in links
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize("path", ["/id/region/999999", "/id/region/999999.ttl", "/id/nothing/here"])
def test_unknown_resources_are_404(client, path):
    assert client.get(path).status_code == 404


def test_404_on_json_path_answers_json(client):
    response = client.get("/id/region/999999.json")
    assert response.status_code == 404 and response.is_json


def test_hostile_labels_are_escaped(client, hostile_paths):
    for path in hostile_paths + [ZHUZHOU]:
        html = client.get(path).get_data(as_text=True)
        assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned" in client.get(hostile_paths[0]).get_data(as_text=True)
    assert "&lt;img src=x onerror" in client.get(hostile_paths[1]).get_data(as_text=True)


def test_search_json_suggests_by_chinese_label_and_alias(client):
    hits = client.get("/search.json", query_string={"q": "株洲"}).get_json()
    assert hits[0]["path"] == ZHUZHOU and hits[0]["label"] == "株洲市" and hits[0]["type"] == "Region"
    by_alias = client.get("/search.json", query_string={"q": "三湘"}).get_json()
    assert by_alias[0]["path"] == "/id/region/430000"
    assert client.get("/search.json", query_string={"q": ""}).get_json() == []


def test_search_page_lists_hits(client):
    html = client.get("/search", query_string={"q": "英才"}).get_data(as_text=True)  # in two names, nobody's whole name
    assert re.search(r'<a href="/id/programme/[0-9a-f]+">“株洲英才”引领工程</a>', html)
    assert re.search(r'<a href="/id/programme/[0-9a-f]+">“湖湘青年英才”支持计划</a>', html)
    assert "没有找到" in client.get("/search", query_string={"q": "不存在的词"}).get_data(as_text=True)


def test_language_switch_and_cookie(client):
    zh = client.get("/").get_data(as_text=True)
    assert "组织工作知识图谱" in zh and 'lang="zh-Hans"' in zh
    en = client.get("/?lang=en")
    assert "Organisation-work knowledge graph" in en.get_data(as_text=True)
    assert "lang=en" in en.headers["Set-Cookie"]
    assert 'lang="en"' in client.get(ZHUZHOU).get_data(as_text=True)  # remembered by the cookie


def test_pages_are_usable_at_phone_width(client):
    html = client.get("/").get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@media (max-width: 800px)" in client.get("/static/app.css").get_data(as_text=True)


def test_html_pages_forbid_other_origins(client):
    csp = client.get(ZHUZHOU).headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp


def test_an_exact_name_goes_to_the_entity(client):
    response = client.get("/search", query_string={"q": "三湘"})  # an alias; 三湘e家 contains it too
    assert response.status_code == 302 and response.headers["Location"] == "/id/region/430000"


def test_unmatched_accept_still_gets_html(client):
    response = client.get(ZHUZHOU, headers={"Accept": "image/png"})
    assert response.status_code == 200 and response.mimetype == "text/html"


def test_home_lists_counts_widest_measures_and_top_regions(client, graph):
    html = client.get("/").get_data(as_text=True)
    regions = {str(s) for s in graph.subjects(RDF.type, OK.Region)}
    top = {r for r in regions if graph.value(URIRef(r), OK.partOf) is None}
    assert all(f'href="{path_of(r)}"' in html for r in top)
    assert re.search(r'href="/network/diffusion/programme/[0-9a-f]+" title="扩散图">\d+ 个地区</a>', html)
    assert f'地区</span> <a href="/browse/regions"><b>{len(regions)}</b></a>' in html  # each count opens its table


def test_measure_page_shows_its_mentions_in_their_sentences(client, graph):
    fulong = next(s for s, label in graph.subject_objects(URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
                  if "芙蓉计划" in str(label))
    html = client.get(path_of(fulong)).get_data(as_text=True)
    mentions = html.split('class="mentions"', 1)[1].split("</table>", 1)[0]
    assert "<mark>“芙蓉计划”</mark>" in mentions
    assert "湖南实施" in mentions and "新时代湖南组织工作综述" in mentions
    assert "ok:denotes" not in html  # mentions are shown as sentences, not as a list of mention links


def _concept(graph):
    return next(c for c in graph.subjects(RDF.type, OK.Concept))


def test_a_shared_item_page_lists_every_region_that_has_it(client, graph):
    concept = _concept(graph)
    html = client.get("/id/" + str(concept).split("/id/", 1)[1]).get_data(as_text=True)
    assert "报告该事项的地区" in html and "株洲市" in html and "芦淞区" in html
    assert "2 个地区" in html


def test_search_rows_name_the_region_of_same_named_items(client):
    hits = client.get("/search.json", query_string={"q": "党委联系服务专家制度"}).get_json()
    by_kind = {}
    for hit in hits:
        by_kind.setdefault(hit["type"], []).append(hit["context"])
    assert by_kind["Concept"] == ["2 个地区"]
    assert sorted(by_kind["Initiative"]) == ["株洲市", "芦淞区"]
    assert all(hit["kind"] in ("同名事项", "机制举措") for hit in hits)


def test_the_diffusion_view_of_a_shared_item_draws_its_regions(client, graph):
    concept = _concept(graph)
    html = client.get("/network/diffusion/" + str(concept).split("/id/", 1)[1]).get_data(as_text=True)
    assert "采用该项目的地区：2 个" in html


def test_a_region_page_puts_what_it_contains_and_implements_before_figures_and_evidence(client):
    page = client.get("/id/region/430000").get_data(as_text=True)
    contains, implements = page.index("<code>^ok:partOf</code>"), page.index("<code>ok:implements</code>")
    figures, mentions = page.find('<details class="section"'), page.rfind('<details class="section"')
    assert 0 < implements < figures and 0 < contains < figures and figures <= mentions


def test_long_lists_start_folded_and_short_ones_open(app):
    client = app.test_client()
    pages = [client.get(p).get_data(as_text=True) for p in ("/id/region/430000", "/id/region/430200")]
    folds = [p.count('<details class="section" open>') + p.count('<details class="section" >') for p in pages]
    assert all(f >= 1 for f in folds)
    for p in pages:
        for block in p.split('<details class="section"')[1:]:
            rows = block.split("</details>")[0].count("<tr>") - 1
            assert block.startswith(" open>") == (rows <= 12), rows


def test_a_sentence_naming_an_entity_twice_shows_once_with_both_marked(tmp_path):
    from orgkg.web import create_app

    base, ok = "https://w3id.org/orgkg/id/", "https://w3id.org/orgkg/ontology#"
    text = "株洲市推进株洲市人才工作。"
    mentions = "".join(
        f"<{base}mention/a1-{s}-{s + 3}> a <{ok}Mention> ; <{ok}denotes> <{base}region/430200> ; "
        f'<{ok}surface> "株洲市" ; <{ok}start> {s} ; <{ok}end> {s + 3} ; '
        f"<http://www.w3.org/ns/prov#wasDerivedFrom> <{base}sentence/a1-100> .\n" for s in (100, 105))
    graph = tmp_path / "g.ttl"
    graph.write_text(f"""<{base}region/430200> a <{ok}Region> ; <http://www.w3.org/2000/01/rdf-schema#label> "株洲市"@zh .
<{base}article/a1> a <{ok}Article> ; <{ok}position> 1 ; <http://purl.org/dc/terms/title> "某市组织工作综述"@zh .
<{base}sentence/a1-100> a <{ok}Sentence> ; <{ok}text> "{text}" ; <{ok}start> 100 ; <{ok}end> 113 ;
  <http://purl.org/dc/terms/isPartOf> <{base}article/a1> .
{mentions}""", encoding="utf-8")
    page = create_app({"GRAPH": str(graph)}).test_client().get("/id/region/430200").get_data(as_text=True)
    assert page.count("推进") == 1 and page.count("<mark>株洲市</mark>") == 2
