"""``orgkg analyse`` and the network exports, run through the real ``orgkg`` command."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile

import networkx as nx
import pytest
from test_cli import SAMPLE, orgkg


@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory):
    out = tmp_path_factory.mktemp("analyse") / "sample.ttl"
    assert orgkg("build", SAMPLE, "-o", out, "--quiet").returncode == 0
    return out


@pytest.fixture(scope="module")
def sample_store(sample_ttl):
    folder = sample_ttl.with_name("store")
    assert orgkg("build", SAMPLE, "-o", sample_ttl.with_name("again.ttl"), "--store", folder, "--quiet").returncode == 0
    return folder


def analyse(*args) -> subprocess.CompletedProcess:
    done = orgkg("analyse", *args)
    assert done.returncode == 0, done.stderr
    return done


def test_diffusion_table_and_by_province(sample_ttl):
    table = analyse("diffusion", "-g", sample_ttl).stdout
    assert table.splitlines()[0].split(" | ")[0].strip() == "item" and "党委联系服务专家制度" in table
    rows = json.loads(analyse("diffusion", "党委联系服务专家制度", "-g", sample_ttl, "--format", "json").stdout)
    assert rows == [{"province": "湖南省", "province_iri": "https://w3id.org/orgkg/id/region/430000",
                     "province_reports": False, "below": 2, "below_regions": ["株洲市", "芦淞区"]}]


def test_similar_in_every_format(sample_store):
    rows = json.loads(analyse("similar", "株洲市", "-g", sample_store, "--format", "json").stdout)
    assert rows[0]["region"] == "芦淞区" and rows[0]["shared"] == ["党委联系服务专家制度"]
    reader = csv.DictReader(io.StringIO(analyse("similar", "株洲市", "-g", sample_store, "--format", "csv").stdout))
    assert [r["region"] for r in reader] == [r["region"] for r in rows]
    assert "芦淞区" in analyse("similar", "株洲市", "-g", sample_store).stdout


def test_central_and_communities(sample_ttl):
    items = json.loads(analyse("central", "-g", sample_ttl, "--format", "json").stdout)
    assert items[0]["item"] == "党委联系服务专家制度" and items[0]["betweenness"] > 0
    groups = json.loads(analyse("central", "--communities", "-g", sample_ttl, "--format", "json").stdout)
    assert sorted(r for g in groups for r in g["regions"]) == ["株洲市", "湖南省", "芦淞区"]


def test_indicator_and_the_list_of_indicators(sample_ttl):
    listed = json.loads(analyse("indicator", "-g", sample_ttl, "--format", "json").stdout)
    assert "party-members" in {r["key"] for r in listed}
    rows = json.loads(analyse("indicator", "党员总数", "-g", sample_ttl, "--format", "json").stdout)
    assert [(r["region"], r["value"]) for r in rows] == [("湖南省", 3835000), ("株洲市", 253000)]


@pytest.mark.parametrize("args, message", [
    (("similar", "火星市"), "no region named '火星市'"),
    (("indicator", "没有的指标"), "no indicator named"),
    (("diffusion", "没有的计划"), "no programme, initiative or shared item"),
])
def test_unknown_names_end_in_one_line(sample_ttl, args, message):
    done = orgkg("analyse", *args, "-g", sample_ttl)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("orgkg: error: ") and message in done.stderr and done.stderr.count("\n") == 1


def test_analyse_reads_an_endpoint_like_query():
    done = orgkg("analyse", "central", "--endpoint", "http://127.0.0.1:9/query")
    assert done.returncode == 1 and "unreachable" in done.stderr


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_exports_load_back_with_the_same_counts(sample_ttl, sample_store, tmp_path, fmt, read):
    from orgkg.graph.analysis.projection import project
    from orgkg.graph.store import open_store

    projection = project(open_store(sample_ttl))
    out = tmp_path / f"network.{fmt}"
    assert orgkg("export", sample_ttl, "--format", fmt, "-o", out).returncode == 0
    loaded = read(out)
    assert (loaded.number_of_nodes(), loaded.number_of_edges()) == (projection.number_of_nodes(),
                                                                     projection.number_of_edges())
    assert loaded.nodes["https://w3id.org/orgkg/id/region/430200"]["label"] == "株洲市"
    again = tmp_path / f"again.{fmt}"
    assert orgkg("export", sample_store, "--format", fmt, "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()  # a store folder gives the same file as the graph file


def test_csv_export_is_a_zip_of_nodes_and_edges(sample_ttl, tmp_path):
    out = tmp_path / "network.zip"
    assert orgkg("export", SAMPLE, "--format", "csv", "-o", out).returncode == 0  # a corpus is built first
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = list(csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8")))
        edges = list(csv.DictReader(io.TextIOWrapper(archive.open("edges.csv"), encoding="utf-8")))
    ids = {n["id"] for n in nodes}
    assert {"id", "kind", "label", "level", "scope", "code"} == set(nodes[0])
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    assert {e["relation"] for e in edges} == {"implements", "mentions", "partOf", "about", "concept"}
