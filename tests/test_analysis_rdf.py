"""The analysis graph: the analyses' results as RDF in a named graph that default-graph queries never see.

Checked on the sample corpus and, with ``ORGKG_CORPUS`` set, on the full corpus:
its values are the analyses' tables', it parses back, it passes the shapes with the
graph it was computed from, and a store written by ``orgkg build --store`` keeps it
apart from the extracted facts.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, URIRef

from orgkg.graph.analysis import centrality, diffusion, similarity
from orgkg.graph.analysis.projection import label, project, reporting_regions
from orgkg.graph.analysis.rdf import TOP, analysis_quads, write_quads
from orgkg.graph.graphfile import serialize
from orgkg.graph.namespaces import ANALYSIS_GRAPH
from orgkg.graph.store import PROLOGUE, LocalBackend, open_store, write_store
from orgkg.graph.vocab import OK

ROOT = Path(__file__).resolve().parent.parent
IN_ANALYSIS = f"GRAPH <{ANALYSIS_GRAPH}>"


def built(graph, folder: Path) -> tuple[Path, Path]:
    """The graph as a Turtle file and as a store with its analysis graph, as ``build --store`` writes them."""
    path = folder / "graph.ttl"
    path.write_bytes(serialize(graph, "ttl"))
    return path, write_store(path, folder / "store", analysis_quads)


@pytest.fixture(scope="module")
def sample_files(sample_graph, tmp_path_factory):
    return built(sample_graph, tmp_path_factory.mktemp("analysis-rdf"))


@pytest.fixture(scope="module")
def full_files(corpus_graph, tmp_path_factory):
    return built(corpus_graph, tmp_path_factory.mktemp("analysis-rdf-full"))


def records(store, body: str) -> list[dict]:
    return store.query(PROLOGUE + body, timeout=300).records()


def check_against_the_tables(path: Path, folder: Path) -> None:
    """Every score, betweenness, degree, community and count in the store's analysis graph is the tables'."""
    graph, store = project(open_store(path, timeout=300)), open_store(folder, timeout=300)
    scores = {}
    for r in records(store, f"SELECT ?a ?b ?score {{ {IN_ANALYSIS} {{ ?s a ok:Similarity ; ok:between ?a, ?b ; "
                            "ok:score ?score FILTER(?a != ?b) } }"):
        scores[r["a"].value, r["b"].value] = float(r["score"].value)
    regions = reporting_regions(graph)
    for region in regions:  # a region's pairs: its TOP most alike, and those it is among the TOP of, scored alike
        every = {row["region_iri"]: row["score"] for row in similarity.similar(graph, region, top=len(regions)).rows}
        top = {row["region_iri"] for row in similarity.similar(graph, region, top=TOP).rows}
        kept = {b: s for (a, b), s in scores.items() if a == region}
        assert top <= set(kept) and all(every[b] == s for b, s in kept.items()), label(graph, region)
        assert all(b in top or region in {r["region_iri"] for r in similarity.similar(graph, b, top=TOP).rows}
                   for b in kept), label(graph, region)
    shared = records(store, f"SELECT ?a ?b (COUNT(?i) AS ?n) {{ {IN_ANALYSIS} {{ ?s ok:between ?a, ?b ; ok:shares ?i "
                            "FILTER(STR(?a) < STR(?b)) } } GROUP BY ?a ?b")
    items, _ = similarity.weights(graph)
    assert {(r["a"].value, r["b"].value): int(r["n"].value) for r in shared} == {
        pair: len(items[pair[0]] & items[pair[1]]) for pair in scores if pair[0] < pair[1]}

    central = {r["item_iri"]: (r["betweenness"], r["regions"], r["communities_spanned"])
               for r in centrality.central(graph, top=len(graph)).rows}
    answer = records(store, f"SELECT ?i ?b ?d ?c {{ {IN_ANALYSIS} {{ ?s ok:item ?i ; ok:betweenness ?b ; "
                            "ok:degree ?d ; ok:communitiesSpanned ?c } }")
    assert {r["i"].value: (float(r["b"].value), int(r["d"].value), int(r["c"].value)) for r in answer} == central
    regions_in = records(store, f"SELECT ?c (COUNT(?m) AS ?n) {{ {IN_ANALYSIS} {{ ?c a ok:Community ; ok:member ?m }} "
                                "?m a ok:Region } GROUP BY ?c")
    groups = centrality.groups(graph).rows
    assert sorted(int(r["n"].value) for r in regions_in) == sorted(g["size"] for g in groups if g["size"])

    spread = {r["item_iri"]: (r["regions"], r["provinces_reached"]) for r in diffusion.diffusion(graph).rows}
    answer = records(store, f"SELECT ?i ?n ?p {{ {IN_ANALYSIS} {{ ?s a ok:Diffusion ; ok:item ?i ; "
                            "ok:regionCount ?n ; ok:provincesReached ?p } }")
    assert {r["i"].value: (int(r["n"].value), int(r["p"].value)) for r in answer} == spread


def test_the_analysis_graph_holds_the_tables_values_on_the_sample(sample_files):
    check_against_the_tables(*sample_files)


def test_the_analysis_graph_holds_the_tables_values_on_the_full_corpus(full_files):
    check_against_the_tables(*full_files)


def check_apart_from_the_facts(path: Path, folder: Path) -> None:
    """Default-graph queries, counts and dumps are those of a store without the analysis graph; only GRAPH
    reaches the results."""
    plain = open_store(write_store(path, folder.with_name("plain-store")), timeout=300)
    with_analysis = open_store(folder, timeout=300)
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert records(with_analysis, count)[0]["n"] == records(plain, count)[0]["n"]
    assert not with_analysis.query(PROLOGUE + "ASK { ?s a ok:Similarity }").boolean
    assert not with_analysis.query(PROLOGUE + "ASK { ?s ok:score|ok:member|ok:item|prov:wasGeneratedBy ?o }").boolean
    assert with_analysis.query(PROLOGUE + f"ASK {{ {IN_ANALYSIS} {{ ?s a ok:Similarity }} }}").boolean
    assert with_analysis.dump("nt").data == plain.dump("nt").data
    for example in sorted((ROOT / "ontology" / "examples").glob("*.rq")):
        text = example.read_text(encoding="utf-8")
        if ANALYSIS_GRAPH not in text:  # the gallery answers as it did before there was an analysis graph
            assert with_analysis.query(text, timeout=300) == plain.query(text, timeout=300), example.name
        else:
            assert with_analysis.query(text, timeout=300).rows and not plain.query(text, timeout=300).rows


def test_default_graph_queries_never_see_the_results(sample_files):
    check_apart_from_the_facts(*sample_files)


def test_default_graph_queries_never_see_the_results_on_the_full_corpus(full_files):
    check_apart_from_the_facts(*full_files)


def test_trig_and_nquads_parse_back_and_are_byte_identical(sample_files):
    path, _ = sample_files
    quads = analysis_quads(open_store(path))
    assert quads and {q.graph_name for q in quads} == {ox.NamedNode(ANALYSIS_GRAPH)}
    for fmt, rdf_format in (("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)):
        data = write_quads(quads, fmt)
        assert data == write_quads(analysis_quads(open_store(path)), fmt)  # no clock, no counter
        assert sorted(map(str, ox.parse(data, format=rdf_format))) == sorted(map(str, quads))
        dataset = Dataset().parse(data=data.decode(), format="trig" if fmt == "trig" else "nquads")
        assert len(dataset.graph(URIRef(ANALYSIS_GRAPH))) == len(quads)


def test_the_analysis_graph_passes_the_shapes_with_its_facts(sample_graph, sample_files):
    from orgkg.graph.validate import validate

    merged = sample_graph + Dataset().parse(data=write_quads(analysis_quads(open_store(sample_files[0]))).decode(),
                                            format="trig").graph(URIRef(ANALYSIS_GRAPH))
    assert validate(merged) == []
    broken = merged + merged  # a copy, then a result that names no analysis
    broken.add((URIRef("https://w3id.org/orgkg/id/analysis/x"), RDF.type, OK.Similarity))
    assert any("names the analysis that made it" in line for line in validate(broken))


def orgkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orgkg", *args], capture_output=True, text=True, cwd=cwd)


def test_analyse_rdf_writes_trig_or_nquads_atomically(sample_files, tmp_path):
    path, _ = sample_files
    expected = write_quads(analysis_quads(open_store(path)))
    assert orgkg("analyse", "rdf", "-g", str(path), "-o", str(tmp_path / "a.trig")).returncode == 0
    assert (tmp_path / "a.trig").read_bytes() == expected
    assert orgkg("analyse", "rdf", "-g", str(path), "-o", str(tmp_path / "a.nq")).returncode == 0
    assert ox.parse((tmp_path / "a.nq").read_bytes(), format=ox.RdfFormat.N_QUADS)
    assert orgkg("analyse", "rdf", "-g", str(path)).stdout.encode() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.nq", "a.trig"]  # no temporary file left
    for args, message in ((["-o", str(tmp_path / "a.ttl")], "a.ttl: write the analysis graph to a .trig or .nq"),
                          (["-o", str(tmp_path / "no" / "a.trig")], "cannot write")):
        done = orgkg("analyse", "rdf", "-g", str(path), *args)
        assert done.returncode == 1 and message in done.stderr and len(done.stderr.splitlines()) == 1


def test_build_store_holds_the_analysis_graph(tmp_path):
    done = orgkg("build", str(ROOT / "data" / "sample"), "-o", str(tmp_path / "graph.ttl"), "--store",
                 str(tmp_path / "store"), "--quiet")
    assert done.returncode == 0, done.stderr
    store = LocalBackend.from_store(tmp_path / "store").store
    assert list(store.named_graphs()) == [ox.NamedNode(ANALYSIS_GRAPH)]
    expected = write_quads(analysis_quads(open_store(tmp_path / "graph.ttl")), "nq")
    assert store.dump(format=ox.RdfFormat.N_QUADS, from_graph=ox.NamedNode(ANALYSIS_GRAPH)).count(b"\n") == \
        expected.count(b"\n")
    answer = orgkg("query", "@" + str(ROOT / "ontology/examples/18-most-alike-regions.rq"), "-g",
                   str(tmp_path / "store"), "--format", "csv")
    assert "株洲市" in answer.stdout and "芦淞区" in answer.stdout and "0.0441" in answer.stdout
