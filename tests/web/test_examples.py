"""The example gallery: at least a dozen titled queries, each answering on the sample graph."""
from __future__ import annotations


import pytest

from orgkg.web.examples import load_examples, parse_example

EXAMPLES = load_examples()
#: The examples a served graph file answers; those reading the analysis graph run in test_analysis_graph_http.py.
ON_FACTS = [e for e in EXAMPLES if not e.reads_analysis]


def test_there_are_at_least_twelve():
    assert len(EXAMPLES) >= 12
    assert len({e.title_zh for e in EXAMPLES}) == len(EXAMPLES)


@pytest.mark.parametrize("example", ON_FACTS, ids=[e.name for e in ON_FACTS])
def test_example_answers_on_the_sample(app, example):
    answer = app.extensions["orgkg"].store.query(example.query)
    assert answer.rows or answer.triples or answer.boolean, example.name


def test_a_title_is_required():
    with pytest.raises(ValueError, match="title-en"):
        parse_example("x", "# title-zh: 标题\nASK {}")
