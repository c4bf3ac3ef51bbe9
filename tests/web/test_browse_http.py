"""Browse pages: every table sorted, faceted and paged, its ``.json`` and ``.csv`` twins holding the same rows."""
from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from rdflib import RDF, Namespace, URIRef

BASE = "https://w3id.org/orgkg/id/"
OK = Namespace("https://w3id.org/orgkg/ontology#")
TABLES = ["articles", "regions", "programmes", "initiatives", "concepts", "figures", "indicators"]
KINDS = {"articles": OK.Article, "regions": OK.Region, "programmes": OK.Programme, "initiatives": OK.Initiative,
         "concepts": OK.Concept, "figures": OK.Figure, "indicators": OK.Indicator}


class Cells(HTMLParser):
    """The text of each cell of the page's ``table.browse``, row by row."""

    def __init__(self, html: str):
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_table = self._in_body = self._cell = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "browse") in attrs:
            self._in_table = True
        elif self._in_table and tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append([])
        elif self._in_body and tag == "td":
            self._cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = False
        elif tag == "table":
            self._in_table = self._in_body = False

    def handle_data(self, data):
        if self._cell:
            self.rows[-1][-1] += data


def html_rows(client, path: str) -> list[list[str]]:
    response = client.get(path)
    assert response.status_code == 200, path
    return [[c.strip().replace("—", "") for c in row] for row in Cells(response.get_data(as_text=True)).rows]


def all_pages(client, path: str, size: int) -> tuple[list[dict], int, int]:
    """Every row of a table, following its ``next`` links from page 1; and how many pages, and the total."""
    url, rows, pages = f"{path}?_size={size}", [], 0
    while url:
        answer = client.get(url).get_json()
        assert answer["first_row"] == len(rows) + 1 and answer["last_row"] == len(rows) + len(answer["rows"])
        rows += answer["rows"]
        pages += 1
        url = answer["links"]["next"]
    return rows, pages, answer["total"]


@pytest.mark.parametrize("table", TABLES)
def test_every_table_lists_every_resource_of_its_type_once(client, graph, table):
    answer = client.get(f"/browse/{table}.json?_size=1000").get_json()
    expected = {str(s) for s in graph.subjects(RDF.type, KINDS[table])}
    assert answer["total"] == len(expected)
    assert sorted(r["iri"] for r in answer["rows"]) == sorted(expected)


@pytest.mark.parametrize("table", TABLES)
def test_json_and_csv_twins_hold_the_html_rows(client, table):
    query = "?_size=2&_page=2" if table != "concepts" else ""
    page = client.get(f"/browse/{table}{query}")
    assert f'/browse/{table}.csv{query}>; rel="alternate"' in page.headers["Link"]
    answer = client.get(f"/browse/{table}.json{query}").get_json()
    response = client.get(f"/browse/{table}.csv{query}")
    assert response.content_type == "text/csv; charset=utf-8"
    records = list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))
    assert records and list(records[0]) == answer["columns"]
    assert records == [{k: str(v) for k, v in row.items()} for row in answer["rows"]]
    shown = [c for c in answer["columns"] if c != "iri" and not c.endswith("_iri")]
    assert html_rows(client, f"/browse/{table}{query}") == [[str(r[c]) for c in shown] for r in answer["rows"]]


@pytest.mark.parametrize("table,size", [("regions", 2), ("programmes", 3), ("figures", 4), ("initiatives", 1)])
def test_pages_add_up_to_the_total_with_nothing_cut(client, table, size):
    rows, pages, total = all_pages(client, f"/browse/{table}.json", size)
    assert len(rows) == total and len({r["iri"] for r in rows}) == total
    assert pages == -(-total // size)


def test_html_says_rows_x_to_y_of_z_with_links_both_ways(client):
    html = client.get("/browse/programmes?_size=3&_page=2").get_data(as_text=True)
    assert "第 4–6 行，共 10 行" in html
    assert 'rel="prev"' in html and 'rel="next"' in html and "_page=3" in html and "_page=1" in html
    last = client.get("/browse/programmes?_size=3&_page=4&lang=en").get_data(as_text=True)
    assert "Rows 10–10 of 10" in last and 'rel="next"' not in last


@pytest.mark.parametrize("table,column", [("regions", "code"), ("regions", "items"), ("programmes", "regions"),
                                          ("figures", "value"), ("articles", "position"), ("indicators", "figures")])
def test_sorting_both_ways(client, table, column):
    def values(direction):
        rows = client.get(f"/browse/{table}.json?{direction}={column}&_size=1000").get_json()["rows"]
        return [r[column] for r in rows]

    key = (lambda v: float(v) if v != "" else float("-inf")) if column in ("value", "position") else (
        lambda v: (v != "", v) if isinstance(v, str) else v)  # unbound sorts first, as SPARQL has it
    up, down = values("_sort"), values("_sort_desc")
    assert up == sorted(up, key=key) and down == sorted(down, key=key, reverse=True)
    assert sorted(map(str, up)) == sorted(map(str, down))


@pytest.mark.parametrize("table,facet,value,check", [
    ("regions", "level", "county", lambda r: r["level"] == "县级"),
    ("regions", "province", "region/430000", lambda r: True),
    ("articles", "level", "prefecture", lambda r: r["level"] == "市级"),
    ("programmes", "scope", "national", lambda r: r["scope"] == "全国性"),
    ("initiatives", "scope", "shared", lambda r: r["scope"] == "多地同名"),
    ("figures", "indicator", "indicator/party-members", lambda r: r["indicator"] == "党员总数"),
    ("concepts", "kind", "Initiative", lambda r: True),
])
def test_each_facet_filters_and_counts_what_it_keeps(client, table, facet, value, check):
    whole = client.get(f"/browse/{table}.json").get_json()
    counted = next(v for v in whole["facets"][facet] if v["value"] == value)
    kept = client.get(f"/browse/{table}.json?{facet}={value}&_size=1000").get_json()
    assert kept["total"] == counted["count"] == len(kept["rows"]) > 0
    assert all(check(r) for r in kept["rows"])
    assert kept["filters"] == {facet: value}
    assert next(v for v in kept["facets"][facet] if v["value"] == value)["selected"]


def test_province_facet_keeps_only_regions_inside_it(client, graph):
    province = URIRef(BASE + "region/430000")
    inside = {str(r) for r in graph.transitive_subjects(OK.partOf, province)}
    kept = client.get("/browse/regions.json?province=region/430000&_size=1000").get_json()["rows"]
    assert {r["iri"] for r in kept} == inside


def test_facets_combine(client):
    both = client.get("/browse/regions.json?level=county&province=region/430000").get_json()
    assert both["total"] == len(both["rows"]) and all(r["level"] == "县级" for r in both["rows"])
    assert both["filters"] == {"level": "county", "province": "region/430000"}


@pytest.mark.parametrize("query,status", [("_sort=nosuch", 400), ("_page=0", 400), ("_size=abc", 400),
                                          ("_size=100000", 400), ("province=%20bad%20", 400)])
def test_bad_parameters_are_400_not_a_shorter_list(client, query, status):
    assert client.get(f"/browse/regions.json?{query}").status_code == status


def test_hostile_labels_are_escaped(client):
    html = client.get("/browse/programmes?_size=1000").get_data(as_text=True)
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    csv_text = client.get("/browse/programmes.csv?_size=1000").get_data(as_text=True)
    assert "<script>window.__pwned = 1</script>计划" in csv_text  # data stays data in CSV


def test_home_counts_link_to_the_browse_pages(client):
    html = client.get("/").get_data(as_text=True)
    for table in TABLES:
        assert f'href="/browse/{table}"' in html
    index = client.get("/browse/").get_data(as_text=True)
    assert all(f'href="/browse/{t}.csv"' in index for t in TABLES)


def test_entity_page_links_every_cut_list_to_a_page_with_all_of_it(client, monkeypatch):
    """With one link shown per property, the rest of each list is a link to a browse page that holds all of it."""
    from orgkg.web import entities

    monkeypatch.setattr(entities, "PER_PREDICATE", 1)
    monkeypatch.setattr(entities, "MAX_MENTIONS", 1)
    monkeypatch.setattr(entities, "MAX_FIGURES", 1)
    html = client.get("/id/region/430200").get_data(as_text=True)
    assert "未显示" not in html
    links = re.findall(r'href="(/browse/(?:links|mentions|figures)\?[^"]+)">浏览全部 ?(\d*)', html)
    assert {url.split("?")[0] for url, _ in links} == {"/browse/links", "/browse/mentions", "/browse/figures"}
    for url, n in links:
        table, _, query = url.replace("&amp;", "&").partition("?")
        answer = client.get(f"{table}.json?{query}").get_json()
        assert answer["total"] > 1 and (not n or answer["total"] == int(n))


def test_search_pages_through_every_hit(client, app):
    with app.test_request_context():
        from orgkg.web.state import state

        expected = state().catalogue.search("党", limit=10 ** 6)
    assert len(expected) > 3
    seen, url = [], "/search?q=党&_size=2"
    while url:
        html = client.get(url).get_data(as_text=True)
        assert f"共 {len(expected)} 行" in html
        seen += re.findall(r'<li><a href="(/id/[^"]+)"', html)
        found = re.search(r'href="([^"]+)" rel="next"', html)
        url = found and found.group(1).replace("&amp;", "&")
    assert seen == [f"/id/{iri[len(BASE):]}" for iri in expected]


def test_a_filter_in_force_is_always_shown_and_removable(client):
    facets = client.get("/browse/mentions.json?denotes=region/430200").get_json()["facets"]
    assert facets["denotes"] == [{"value": "region/430200", "label": "株洲市", "count": None, "selected": True,
                                  "url": "/browse/mentions.json"}]
    html = client.get("/browse/regions?level=nosuch").get_data(as_text=True)
    assert 'class="remove" href="/browse/regions"' in html


@pytest.fixture(scope="module")
def remote(oxigraph_server):
    from orgkg.web import create_app

    return create_app({"SPARQL_ENDPOINT": oxigraph_server}).test_client()


@pytest.mark.parametrize("path", ["regions", "regions?level=county", "initiatives?scope=shared",
                                  "programmes?province=region/430000&_sort_desc=label", "regions?_size=2&_page=2",
                                  "mentions?denotes=region/430200"])
def test_a_remote_endpoint_gives_the_same_tables(remote, client, path):
    """Filters are pinned with bindings, which an external endpoint gets as ``VALUES``: the same rows either way."""
    table, _, query = path.partition("?")
    here, there = (c.get(f"/browse/{table}.json?{query}").get_json() for c in (client, remote))
    assert (there["total"], there["rows"], there["facets"]) == (here["total"], here["rows"], here["facets"])
