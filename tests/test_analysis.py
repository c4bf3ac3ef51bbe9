"""The analyses on the projection, checked against what a reader can verify from the text and the graph.

Each analysis runs on the sample corpus, on a two-sentence corpus written here
(a province's report naming one of its cities' totals), and, with ``ORGKG_CORPUS``
set, on the full corpus; every check is answered again by a plain SPARQL query.
"""
from __future__ import annotations

import math
from decimal import Decimal

import pytest

from orgkg.graph.analysis import centrality, diffusion, indicators, similarity
from orgkg.graph.analysis.projection import (
    features, label, project, province, reporting_regions,
)
from orgkg.graph.errors import NotInGraph
from orgkg.graph.graphfile import serialize
from orgkg.graph.extract.figures import find_numbers
from orgkg.graph.store import PROLOGUE, open_store

BASE = "https://w3id.org/orgkg/id/"
HUNAN, ZHUZHOU, LUSONG = (BASE + f"region/{code}" for code in ("430000", "430200", "430203"))
JIANGXI, GANZHOU = BASE + "region/360000", BASE + "region/360700"
#: my own article: a province's report giving its own total and one of its cities'
CITY_IN_PROVINCE = ("新时代江西省组织工作综述\n"
                    "　　截至2022年底，全省共有党员230.5万名，基层党组织9.6万个。\n"
                    "　　赣州市党员总数达到35.2万名，全市实施“红土英才”计划。\n")


def store_of(graph, folder):
    path = folder / "graph.ttl"
    path.write_bytes(serialize(graph, "ttl"))
    return open_store(path)


@pytest.fixture(scope="module")
def sample_store(sample_graph, tmp_path_factory):
    return store_of(sample_graph, tmp_path_factory.mktemp("analysis"))


@pytest.fixture(scope="module")
def sample(sample_store):
    return project(sample_store)


@pytest.fixture(scope="module")
def city_store(tmp_path_factory):
    from orgkg.graph.build import build_corpus

    folder = tmp_path_factory.mktemp("city-corpus")
    (folder / "jiangxi.txt").write_text(CITY_IN_PROVINCE, encoding="utf-8")
    return store_of(build_corpus(folder), folder)


@pytest.fixture(scope="module")
def full_store(corpus_graph_file):
    return open_store(corpus_graph_file)


@pytest.fixture(scope="module")
def full(full_store):
    return project(full_store)


def select(store, body: str) -> list[dict]:
    return store.query(PROLOGUE + body).records()


# --- the projection -------------------------------------------------------------------------------------------------

def test_projection_holds_the_typed_nodes_and_links(sample, sample_store):
    kinds = {k for _, k in sample.nodes(data="kind")}
    assert kinds == {"Region", "Programme", "Initiative", "Concept", "Article"}
    relations = {key for *_, key in sample.edges(keys=True)}
    assert relations == {"implements", "mentions", "partOf", "about", "concept"}
    implements = select(sample_store, "SELECT (COUNT(*) AS ?n) { ?r ok:implements ?m }")[0]["n"].value
    assert sum(key == "implements" for *_, key in sample.edges(keys=True)) == int(implements)
    assert sample.nodes[ZHUZHOU] == {"kind": "Region", "label": "株洲市", "level": "prefecture", "code": "430200"}
    assert province(sample, LUSONG) == HUNAN


# --- diffusion ------------------------------------------------------------------------------------------------------

def own_reports(store, item: str) -> set[str]:
    """The regions an article is about whose article mentions ``item`` (or an item that is one of it)."""
    rows = select(store, f"""SELECT DISTINCT ?r {{ ?a ok:about ?r .
        {{ ?a ok:mentions <{item}> }} UNION {{ ?a ok:mentions ?m . ?m ok:concept <{item}> }} }}""")
    return {r["r"].value for r in rows}


def check_diffusion(graph, store):
    table = diffusion.diffusion(graph, min_regions=1)
    assert table.rows
    for row in table.rows:
        reporters = own_reports(store, row["item_iri"])
        assert row["regions"] == len(reporters), row["item"]
        provinces = {r for r in reporters if graph.nodes[r].get("level") == "province"}
        assert row["provinces"] == len(provinces), row["item"]
        assert row["regions"] == row["provinces"] + row["prefectures"] + row["counties"] + row["other_levels"]
    return table


def check_by_province(graph, store, item: str):
    reporters = own_reports(store, item)
    rows = diffusion.by_province(graph, item).rows
    for row in rows:
        assert row["province_reports"] == (row["province_iri"] in reporters), row
        below = {r for r in reporters if r != row["province_iri"] and province(graph, r) == row["province_iri"]}
        assert row["below"] == len(below) and row["below_regions"] == sorted(label(graph, r) for r in below)
    assert sum(r["province_reports"] + r["below"] for r in rows) == len(reporters)
    return rows


def test_diffusion_counts_each_region_for_its_own_report_on_the_sample(sample, sample_store):
    table = check_diffusion(sample, sample_store)
    shared = next(r for r in table.rows if r["item"] == "党委联系服务专家制度")
    assert (shared["kind"], shared["origin"], shared["regions"], shared["provinces"]) == ("Concept", "local", 2, 0)
    rows = check_by_province(sample, sample_store, shared["item_iri"])
    assert rows == [{"province": "湖南省", "province_iri": HUNAN, "province_reports": False, "below": 2,
                     "below_regions": ["株洲市", "芦淞区"]}]  # the cities' adoption is not the province's


def test_diffusion_on_the_full_corpus(full, full_store):
    table = check_diffusion(full, full_store)
    national = [r for r in table.rows if r["origin"] == "national"]
    widest = national[0]
    assert widest["regions"] >= len(reporting_regions(full)) // 2  # a national campaign most regions report
    assert widest["provinces_reached"] >= 10
    for row in table.rows[:30]:
        check_by_province(full, full_store, row["item_iri"])
    assert any(not r["province_reports"] and r["below"] for r in check_by_province(full, full_store, widest["item_iri"]))


def test_unknown_items_are_named_in_the_error(sample):
    with pytest.raises(NotInGraph, match="no programme"):
        diffusion.find_item(sample, "没有这个计划")
    with pytest.raises(NotInGraph):
        diffusion.by_province(sample, ZHUZHOU)


# --- similarity -----------------------------------------------------------------------------------------------------

def check_similar(graph, store, region: str):
    rows = similarity.similar(graph, region, top=5).rows
    mine = features(graph, region)
    for row in rows:
        theirs = features(graph, row["region_iri"])
        assert sorted(row["shared"]) == sorted(label(graph, i) for i in mine & theirs)
        assert 0 < row["score"] <= 1
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    return rows


def test_similar_regions_on_the_sample(sample, sample_store):
    rows = check_similar(sample, sample_store, ZHUZHOU)
    assert rows[0]["region_iri"] == LUSONG and rows[0]["shared"] == ["党委联系服务专家制度"]
    with pytest.raises(NotInGraph):
        similarity.similar(sample, BASE + "region/430100")  # named in the text, but no article is about it
    assert similarity.find_region(sample, "株洲市") == ZHUZHOU


def test_similarity_weighs_national_campaigns_little_on_the_full_corpus(full, full_store):
    items, weight = similarity.weights(full)
    regions = len(items)
    reported = similarity.counts(items)
    widest = max(reported, key=reported.get)
    assert reported[widest] >= regions // 2 and weight[widest] < math.log(regions / 2) / 5
    tops_sharing_local = 0
    for region in items:
        rows = check_similar(full, full_store, region)
        local = [i for i in items[region] & items.get(rows[0]["region_iri"], set())
                 if full.nodes[i].get("scope") != "national"] if rows else []
        tops_sharing_local += bool(local)
    assert tops_sharing_local >= 0.8 * regions  # the nearest region shares something besides national campaigns


# --- centrality and communities -------------------------------------------------------------------------------------

def check_central(graph):
    table = centrality.central(graph)
    groups = centrality.groups(graph).rows
    reporting = set(reporting_regions(graph))
    in_groups = [r for g in groups for r in g["regions"]]
    assert sorted(in_groups) == sorted(label(graph, r) for r in reporting)  # every region in exactly one community
    spread = {r["item_iri"]: r["regions"] for r in diffusion.diffusion(graph).rows}
    for row in table.rows:
        assert row["regions"] == spread[row["item_iri"]] and row["communities_spanned"] >= 1
    return table, groups


def test_central_items_on_the_sample(sample):
    table, groups = check_central(sample)
    assert [r["item"] for r in table.rows] == ["党委联系服务专家制度"]
    assert {"株洲市", "芦淞区"} <= set(groups[0]["regions"])


def test_central_items_bridge_communities_on_the_full_corpus(full):
    table, groups = check_central(full)
    assert len(groups) >= 3
    assert table.rows[0]["communities_spanned"] >= 3  # the best bridge reaches regions of several groups
    local = [r for r in table.rows if r["origin"] == "local"]
    assert local and max(r["communities_spanned"] for r in local) >= 2


# --- indicators -----------------------------------------------------------------------------------------------------

def check_indicator(store, name: str):
    rows = indicators.indicator(store, name).rows
    spans = {r["f"].value: r for r in select(store, """SELECT ?f ?start ?end ?s_start ?about ?concerns {
        ?f ok:start ?start ; ok:end ?end ; prov:wasDerivedFrom ?s ; ok:reportedIn/ok:about ?about .
        ?s ok:start ?s_start . OPTIONAL { ?f ok:concerns ?concerns . ?concerns a ok:Region } }""")}
    for row in rows:
        span = spans[row["figure_iri"]]
        at = int(span["start"].value) - int(span["s_start"].value)
        read = {n.start: n.value for n in find_numbers(row["sentence"])}  # the sentence's numbers, by offset
        assert read.get(at) == Decimal(str(row["value"])), (row["sentence"], row["value"])
        expected = span["concerns"].value if "concerns" in span else span["about"].value
        assert row["region_iri"] == expected, row
    return rows


def test_indicator_values_on_the_sample(sample_store):
    rows = check_indicator(sample_store, "党员总数")
    assert [(r["region"], r["value"], r["level"]) for r in rows] == [("湖南省", 3835000, "province"),
                                                                       ("株洲市", 253000, "prefecture")]
    assert indicators.find_indicator(sample_store, "Number of party members")["key"] == "party-members"
    with pytest.raises(NotInGraph, match="party-members"):
        indicators.indicator(sample_store, "没有的指标")


def test_a_city_total_in_a_province_report_is_the_city_s(city_store):
    rows = check_indicator(city_store, "party-members")
    assert [(r["region_iri"], r["value"], r["province_iri"]) for r in rows] == [
        (JIANGXI, 2305000, JIANGXI), (GANZHOU, 352000, JIANGXI)]


def test_indicator_values_on_the_full_corpus(full_store):
    found = indicators.indicators(full_store).rows
    assert found and all(r["figures"] > 0 for r in found)
    for row in found:
        check_indicator(full_store, row["key"])


def test_gallery_example_03_shows_each_province_its_own_total(city_store, sample_store):
    from orgkg.resources import example_queries

    query = next(text for name, text in example_queries() if name.startswith("03-"))
    for store, expected in ((city_store, {(JIANGXI, "2305000")}), (sample_store, {(HUNAN, "3835000")})):
        assert {(r["province"].value, r["value"].value) for r in store.query(query).records()} == expected

