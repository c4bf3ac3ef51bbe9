"""The graph builder: contract vocabulary, stable IRIs, byte-identical output, a second parser agrees."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from orgkg.graph.build import ID, mint_iri
from orgkg.graph.graphfile import serialize
from orgkg.graph.vocab import OK

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


def test_sample_articles_are_about_their_regions(sample_graph):
    about = {str(t): sample_graph.value(a, OK.about) for a, t in sample_graph.subject_objects(DCTERMS.title)}
    labels = {title: str(sample_graph.value(region, RDFS.label)) for title, region in about.items()}
    assert labels == {"新时代湖南组织工作综述": "湖南省", "新时代株洲市组织工作综述": "株洲市", "芦淞区组织工作综述": "芦淞区"}


def test_every_fact_points_to_its_sentence(sample_graph):
    facts = list(sample_graph.subjects(RDF.type, OK.Figure)) + list(sample_graph.subjects(RDF.type, OK.Mention))
    assert facts
    for fact in facts:
        sentence = sample_graph.value(fact, PROV.wasDerivedFrom)
        text = str(sample_graph.value(sentence, OK.text))
        start, end = int(sample_graph.value(fact, OK.start)), int(sample_graph.value(fact, OK.end))
        s_start = int(sample_graph.value(sentence, OK.start))
        surface = sample_graph.value(fact, OK.sourceText) or sample_graph.value(fact, OK.surface)
        assert text[start - s_start:end - s_start] == str(surface)


def test_region_implements_what_its_article_reports(sample_graph):
    hunan = next(sample_graph.subjects(RDFS.label, Literal("湖南省", lang="zh")))
    labels = {str(sample_graph.value(m, RDFS.label)) for m in sample_graph.objects(hunan, OK.implements)}
    assert any("芙蓉计划" in label for label in labels)
    assert any("第一议题" in label for label in labels)


def test_figures_carry_value_unit_and_subject(sample_graph):
    figures = {(float(sample_graph.value(f, OK.value)), str(sample_graph.value(f, OK.unit))): f
               for f in sample_graph.subjects(RDF.type, OK.Figure)}
    members = figures[(3835000.0, "名")]
    assert "党员" in str(sample_graph.value(members, OK.measures))
    assert sample_graph.value(members, OK.value).datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def test_iris_are_ascii_and_derived_from_names():
    assert mint_iri("region", "430000") == ID["region/430000"]
    assert mint_iri("programme", "芙蓉计划") == mint_iri("programme", "芙蓉计划")
    assert str(mint_iri("programme", "芙蓉计划")).isascii()


@pytest.mark.parametrize("jobs", ["1", "3"])
def test_two_builds_are_byte_identical(tmp_path, jobs):
    """Separate processes, so set and dict ordering from hash seeds cannot hide; and the
    same output whether one process extracts every article or a pool of three does."""
    outputs = []
    for n, (seed, run_jobs) in enumerate([("1", "1"), ("2", jobs)]):
        out = tmp_path / f"g{n}.ttl"
        subprocess.run([sys.executable, "-m", "orgkg", "build", str(SAMPLE), "-o", str(out), "-q", "--jobs", run_jobs],
                       check=True, cwd=ROOT, env={"PYTHONHASHSEED": seed, "PATH": ""})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_a_build_streamed_through_runs_on_disk_writes_what_the_graph_in_memory_gives(tmp_path, monkeypatch, fmt):
    """Runs of 40 lines: the sample's 800-odd triples go to disk in many runs, merged back in order."""
    from orgkg.graph import graphfile
    from orgkg.graph.build import build_corpus, write_corpus
    from orgkg.graph.graphfile import serialize

    monkeypatch.setattr(graphfile, "RUN", 40)
    written = write_corpus(SAMPLE, tmp_path / f"graph.{fmt}", fmt)
    graph = build_corpus(SAMPLE)
    assert (tmp_path / f"graph.{fmt}").read_bytes() == serialize(graph, fmt)
    assert written.triples == len(graph) and written.classes["ok:Article"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"graph.{fmt}"]  # runs and temporary files are gone


def test_a_pool_extracts_the_full_corpus_as_one_process_does(corpus_path, corpus_articles):
    from orgkg.graph.build import extract
    from orgkg.graph.corpus import read_corpus

    pooled = extract(read_corpus(corpus_path), jobs=2)
    assert [(a.id, a.subject, a.regions, a.measures, a.figures) for a in pooled] == \
        [(a.id, a.subject, a.regions, a.measures, a.figures) for a in corpus_articles]


@pytest.mark.parametrize("fmt, ox_format", [("ttl", "TURTLE"), ("nt", "N_TRIPLES"), ("trig", "TRIG"), ("jsonld", "JSON_LD")])
def test_oxigraph_parses_every_format_to_the_same_triples(sample_graph, fmt, ox_format):
    store = pyoxigraph.Store()
    store.load(serialize(sample_graph, fmt), format=getattr(pyoxigraph.RdfFormat, ox_format))
    assert len(store) == len(sample_graph)


def test_full_corpus_turtle_parses_with_oxigraph(corpus_graph_file, corpus_graph):
    store = pyoxigraph.Store()
    store.load(path=str(corpus_graph_file), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(corpus_graph)
    articles = store.query("PREFIX ok: <https://w3id.org/orgkg/ontology#> "
                           "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ok:Article ; ok:about ?r }")
    assert int(next(iter(articles))["n"].value) == 76


def test_full_corpus_levels(corpus_graph):
    levels = [str(l) for l in corpus_graph.objects(None, OK.articleLevel)]
    assert (levels.count("province"), levels.count("prefecture"), levels.count("county")) == (16, 56, 4)


def test_divisions_carry_codes_and_a_chain_to_their_province(corpus_graph):
    for region in corpus_graph.subjects(OK.level, None):
        level = str(corpus_graph.value(region, OK.level))
        if level not in ("province", "prefecture", "county"):
            continue
        code = str(corpus_graph.value(region, OK.adminCode))
        assert len(code) == 6 and code.isdigit(), region
        node, seen = region, 0
        while str(corpus_graph.value(node, OK.level)) != "province":
            parent = corpus_graph.value(node, OK.partOf)
            assert parent is not None, f"{corpus_graph.value(region, RDFS.label)} has no chain to a province"
            assert str(corpus_graph.value(parent, OK.adminCode))[:2] == code[:2]
            node, seen = parent, seen + 1
            assert seen < 4


def test_party_members_query_lists_regions_with_their_sentence(corpus_graph):
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(serialize(corpus_graph, "nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    query = (ROOT / "ontology" / "examples" / "16-party-members-by-region.rq").read_text(encoding="utf-8")
    rows = list(store.query(query))
    assert len({row["region"] for row in rows}) >= 20
    for row in rows:
        assert row["unit"].value in ("名", "人")
        assert float(row["value"].value) >= 10000
        assert "党员" in row["sentence"].value


def _reporting(title: str, region, *names: str):
    """A one-sentence article of ``region`` that reports the initiatives ``names``."""
    from orgkg.graph.doc import Article, MeasureMention, Sentence

    text = "深入实施" + "、".join(names) + "。"
    article = Article(id=title, position=1, title=title, level=None, source="test", text=text, subject=region,
                      sentences=[Sentence(0, text, 0, len(text), 0, None)])
    starts = [text.index(name) for name in names]
    article.initiatives = [MeasureMention("initiative", n, n, at, at + len(n), 0) for n, at in zip(names, starts)]
    return article


def test_same_named_items_of_different_regions_share_one_concept():
    """Each region keeps its own item (one per region and written name), and the items meet in one ok:Concept."""
    from orgkg.graph.build import to_graph
    from orgkg.graph.doc import RegionRef

    cities = [RegionRef(code, name, "prefecture", code) for code, name in
              (("510100", "成都市"), ("510700", "绵阳市"), ("511100", "乐山市"))]
    graph = to_graph([_reporting("甲", cities[0], "人才强市战略", "专家服务直通车机制"),
                      _reporting("乙", cities[1], "人才强市战略"),
                      _reporting("丙", cities[2], "人才强市战略", "专家服务直通车机制"),
                      _reporting("丁", cities[2], "人才强市战略")])
    concepts = {str(graph.value(c, RDFS.label)): c for c in graph.subjects(RDF.type, OK.Concept)}
    assert sorted(concepts) == ["专家服务直通车机制", "人才强市战略"]
    concept, other = concepts["人才强市战略"], concepts["专家服务直通车机制"]
    items = set(graph.subjects(OK.concept, concept))
    assert len(items) == 3  # one per region: 乐山市's two articles write the same item
    regions = {str(graph.value(r, RDFS.label)) for item in items for r in graph.subjects(OK.implements, item)}
    assert regions == {"成都市", "绵阳市", "乐山市"}
    assert {str(graph.value(r, RDFS.label)) for i in graph.subjects(OK.concept, other)
            for r in graph.subjects(OK.implements, i)} == {"成都市", "乐山市"}


def test_an_item_of_one_region_has_no_concept():
    from orgkg.graph.build import to_graph
    from orgkg.graph.doc import RegionRef

    graph = to_graph([_reporting("甲", RegionRef("510100", "成都市", "prefecture", "510100"), "人才强市战略"),
                      _reporting("乙", RegionRef("510100", "成都市", "prefecture", "510100"), "人才强市战略")])
    assert list(graph.subjects(RDF.type, OK.Concept)) == []


def test_a_rebuild_extracts_only_the_changed_article_and_gives_the_clean_build(tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text((SAMPLE / "sample-compilation.txt").read_text(encoding="utf-8"), encoding="utf-8")

    def build(out: str, *extra: str) -> bytes:
        subprocess.run([sys.executable, "-m", "orgkg", "build", str(corpus), "-o", str(tmp_path / out), "-q", *extra],
                       check=True, cwd=ROOT)
        return (tmp_path / out).read_bytes()

    build("first.ttl")
    cache = tmp_path / ".orgkg-cache"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(before) == 3  # one entry per article
    text = corpus.read_text(encoding="utf-8")
    corpus.write_text(text.replace("化解矛盾纠纷1300余件", "化解矛盾纠纷1400余件"), encoding="utf-8")
    cached = build("second.ttl")
    after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(after) == 3 and len(set(after) - set(before)) == 1  # the changed article's entry replaced
    assert {k: v for k, v in after.items() if k in before} == {k: v for k, v in before.items() if k in after}
    clean = build("clean.ttl", "--no-cache")
    assert cached == clean and b"1400" in clean
