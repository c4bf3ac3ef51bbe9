"""The SELECT/ASK writers: what they write must read back as the same terms."""
from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest

from orgkg.graph.store import Answer, results
from orgkg.web import negotiation

XSD = "http://www.w3.org/2001/XMLSchema#"
TERMS = (
    ox.NamedNode("https://w3id.org/orgkg/id/region/430200"),
    ox.Literal("株洲市", language="zh"),
    ox.Literal("2.5E6", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal('tab\there "quoted" <tag> & line\nbreak'),
    ox.BlankNode("b0"),
)
ANSWER = Answer("select", variables=("a", "b", "c", "d", "e", "unbound"), rows=(TERMS + (None,), (None,) * 6))


@pytest.mark.parametrize("name", ["json", "xml", "tsv"])
def test_select_round_trips_through_pyoxigraph(name):
    fmt = negotiation.by_name(name, "select")
    parsed = ox.parse_query_results(results.write(ANSWER, name), format=ox.QueryResultsFormat.from_media_type(fmt.media_type))
    assert [v.value for v in parsed.variables] == list(ANSWER.variables)
    rows = [tuple(s[v] for v in ANSWER.variables) for s in parsed]
    first, second = rows
    assert first[:4] == TERMS[:4] and isinstance(first[4], ox.BlankNode) and first[5] is None
    assert second == (None,) * 6


def test_csv_has_plain_values_and_crlf():
    data = results.write(ANSWER, "csv").decode()
    assert data.startswith("a,b,c,d,e,unbound\r\n")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[1] == ["https://w3id.org/orgkg/id/region/430200", "株洲市", "2.5E6", 'tab\there "quoted" <tag> & line\nbreak', "_:b0", ""]


@pytest.mark.parametrize("name", ["json", "xml"])
@pytest.mark.parametrize("value", [True, False])
def test_ask_round_trips(name, value):
    fmt = negotiation.by_name(name, "ask")
    parsed = ox.parse_query_results(results.write(Answer("ask", boolean=value), name),
                                    format=ox.QueryResultsFormat.from_media_type(fmt.media_type))
    assert bool(parsed) is value


def test_graph_formats_are_offered_only_for_graphs():
    assert negotiation.by_name("ttl", "select") is None and negotiation.by_name("csv", "graph") is None
    assert negotiation.offers("graph")[0] == "text/turtle"
    assert negotiation.offers("select")[0] == "application/sparql-results+json"


@pytest.mark.parametrize("form", ["select", "ask", "graph"])
def test_every_offered_format_has_a_writer_and_every_writer_is_offered(form):
    assert tuple(f.name for f in negotiation.formats_for(form)) == results.FORMS[form]
