"""Queries as people type them: known prefixes need no PREFIX line, and parser errors are one
readable line that points into the query as written."""
from __future__ import annotations

import pytest

from orgkg.graph.store import QuerySyntaxError, open_store
from orgkg.graph.store.syntax import with_prefixes


@pytest.fixture(scope="module")
def store(sample_graph, tmp_path_factory):
    from orgkg.graph.graphfile import serialize

    path = tmp_path_factory.mktemp("syntax") / "sample.ttl"
    path.write_bytes(serialize(sample_graph, "ttl"))
    return open_store(path)


def test_the_ontologys_prefixes_need_no_declaration(store):
    answer = store.query("SELECT ?label WHERE { ?r a ok:Region ; rdfs:label ?label ; ok:level \"province\" }")
    assert [str(row[0].value) for row in answer.rows] == ["湖南省"]


def test_a_prefix_the_query_declares_is_its_own(store):
    answer = store.query("PREFIX ok: <http://example.org/other#> SELECT * WHERE { ?r a ok:Region }")
    assert answer.rows == ()


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s ?p "rdfs:label" }',
    "SELECT ?s WHERE { ?s <http://example.org/ok:x> ?o } # skos:note",
    "SELECT ?s WHERE { _:b0 ?p ?s }",
], ids=["in-a-string", "in-an-iri-and-a-comment", "blank-node-label"])
def test_words_that_only_look_like_prefixed_names_declare_nothing(query):
    assert with_prefixes(query) == (query, 0)


@pytest.mark.parametrize("query, message", [
    ("SELEC * WHERE { ?s ?p ?o }", "should start with SELECT, CONSTRUCT, ASK or DESCRIBE"),
    ("SELECT * WHERE { ?s foo:bar ?o }", "the prefix foo: is not declared"),
    ("SELECT * WHERE {\n  ?s ok:level ?o .\n  FILTER(?o > ) }", "line 3"),
    ('SELECT * WHERE { ?s ?p "unclosed }', "line 1"),
], ids=["misspelt-form", "unknown-prefix", "line-as-written", "open-string"])
def test_parser_errors_are_one_readable_line(store, query, message):
    with pytest.raises(QuerySyntaxError) as error:
        store.query(query)
    text = str(error.value)
    assert message in text and "\n" not in text and len(text) < 300
