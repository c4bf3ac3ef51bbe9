"""The vocabulary module is generated from, and agrees with, the ontology; examples parse and answer."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from orgkg.graph import vocabgen
from orgkg.graph.vocab import OK

ROOT = Path(__file__).resolve().parent.parent


def test_generated_module_is_up_to_date():
    source = (ROOT / vocabgen.ONTOLOGY).read_text(encoding="utf-8")
    assert vocabgen.render(source) == (ROOT / vocabgen.MODULE).read_text(encoding="utf-8"), "run `orgkg vocab`"
    assert vocabgen.render() == vocabgen.render(source), "the packaged ontology is the checkout's"


def test_vocabulary_and_ontology_define_the_same_terms():
    in_module = {name for name in OK.__annotations__}
    assert in_module == set(vocabgen.ontology_terms())


def test_a_misspelt_term_is_an_error():
    with pytest.raises(AttributeError):
        OK.mentionz  # noqa: B018


def test_every_term_in_a_built_graph_is_defined(sample_graph):
    used = {str(t) for triple in sample_graph for t in triple if isinstance(t, URIRef) and str(t).startswith(vocabgen.NAMESPACE)}
    defined = {vocabgen.NAMESPACE + name for name in vocabgen.ontology_terms()}
    assert used <= defined


def test_ontology_has_chinese_and_english_labels():
    graph = Graph().parse(ROOT / vocabgen.ONTOLOGY)
    for name in vocabgen.ontology_terms():
        langs = {getattr(l, "language", None) for l in graph.objects(OK[name], URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
        assert {"zh", "en"} <= langs, name


EXAMPLES = sorted((ROOT / "ontology" / "examples").glob("*.rq"))


@pytest.fixture(scope="module")
def sample_store(sample_graph, tmp_path_factory):
    """The sample as ``build --store`` writes it: the facts, and the analyses in their named graph."""
    from orgkg.graph.analysis.rdf import analysis_quads
    from orgkg.graph.graphfile import serialize
    from orgkg.graph.store import LocalBackend, write_store

    path = tmp_path_factory.mktemp("vocab") / "graph.ttl"
    path.write_bytes(serialize(sample_graph, "ttl"))
    return LocalBackend.from_store(write_store(path, path.with_name("store"), analysis_quads))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_queries_parse_and_answer_on_the_sample(path: Path, sample_store):
    import pyoxigraph

    text = path.read_text(encoding="utf-8")
    assert "# title-zh:" in text and "# title-en:" in text
    result = sample_store.run(text, {}, [], [])
    answer = bool(result) if isinstance(result, pyoxigraph.QueryBoolean) else list(result)
    assert answer, f"{path.name} returns nothing on the sample corpus"
